/**
 * 四议两公开 chains: 党组织提议 → 两委会议商议 → 党员大会审议 → 村民（代表）会议决议. Each meeting names
 * the previous step with `previous`; the chain must follow the steps in order, by the right bodies,
 * with dates ascending.
 */
import { FOUR_STEPS, getBodyRule } from '../law/bodies.ts';
import type { Finding } from './finding.ts';

export interface ChainMeeting {
  id: string;
  body: string;
  date: string;
  previous?: string | undefined;
}

function stepIndex(body: string): number {
  const step = getBodyRule(body)?.fourStep;
  return step ? FOUR_STEPS.findIndex((s) => s.step === step) : -1;
}

/** Problems with the link from `m` to its previous step; the dangling case is reported by the checker. */
export function checkChainLink(m: ChainMeeting, previous: ChainMeeting): Finding[] {
  const out: Finding[] = [];
  const cur = stepIndex(m.body);
  const prev = stepIndex(previous.body);
  if (cur <= 0) {
    out.push({ code: 'chain.not-a-step', path: ['previous'], params: { body: m.body } });
    return out;
  }
  const expected = FOUR_STEPS[cur - 1]!;
  if (prev !== cur - 1) {
    out.push({ code: 'chain.order', path: ['previous'], params: { body: m.body, previous: previous.id, previousBody: previous.body, expected: expected.zh } });
  }
  if (previous.date >= m.date) {
    out.push({ code: 'chain.dates', path: ['previous'], params: { previous: previous.id, previousDate: previous.date, date: m.date } });
  }
  return out;
}

/** The one map of a village's meetings as chain links, built from checked meeting records. */
export function getChainMap(
  meetings: readonly { id: string; data: { body: string; date: string; previous?: string | undefined } }[],
): Map<string, ChainMeeting> {
  return new Map(meetings.map((m) => [m.id, { id: m.id, body: m.data.body, date: m.data.date, previous: m.data.previous }]));
}

export interface ChainView {
  /** Steps from first to last, each with the meeting that performed it (or none). */
  steps: { step: (typeof FOUR_STEPS)[number]; meetingId?: string }[];
  complete: boolean;
}

/** The chain ending at (or passing through) `id`, walking `previous` links and their followers. */
export function getChain(id: string, byId: ReadonlyMap<string, ChainMeeting>): ChainView | undefined {
  const start = byId.get(id);
  if (!start || stepIndex(start.body) < 0) return undefined;
  const members: ChainMeeting[] = [];
  const seen = new Set<string>();
  let cur: ChainMeeting | undefined = start;
  while (cur && !seen.has(cur.id)) {
    seen.add(cur.id);
    members.unshift(cur);
    cur = cur.previous ? byId.get(cur.previous) : undefined;
  }
  let last = start;
  for (;;) {
    const next = [...byId.values()].find((m) => m.previous === last.id && !seen.has(m.id));
    if (!next) break;
    seen.add(next.id);
    members.push(next);
    last = next;
  }
  if (members.length < 2 && !start.previous) {
    const followed = [...byId.values()].some((m) => m.previous === start.id);
    if (!followed) return undefined;
  }
  const steps = FOUR_STEPS.map((step) => {
    const m = members.find((x) => getBodyRule(x.body)?.fourStep === step.step);
    return m ? { step, meetingId: m.id } : { step };
  });
  return { steps, complete: steps.every((s) => s.meetingId !== undefined) };
}
