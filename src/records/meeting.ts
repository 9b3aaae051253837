/**
 * Every derived fact about one meeting's minutes, once: quorum and its basis, each resolution's
 * outcome, the pass rule as a sentence, its place in a 四议两公开 chain, the spending it authorised,
 * whether its resolutions are posted, its track and its page path. Pure and serialisable.
 */
import type { Rec, VillageRecords } from '../check/model.ts';
import { getChain, getChainMap } from '../lib/chain.ts';
import { periodKey, periodLabel, quarterOf, type Period } from '../lib/period.ts';
import { describeThreshold, getOutcome, getQuorum, type Outcome } from '../lib/quorum.ts';
import { getExpenseAuthority, getStanding } from '../lib/decisions.ts';
import { getBodyRule } from '../law/bodies.ts';
import type { Meeting } from '../schemas/index.ts';
import { getIssuer, type FactsContext } from './context.ts';
import { deriveOnce } from './once.ts';
import { recordPath } from './registry.ts';

export type MeetingRec = Rec<Meeting>;

export interface MeetingFacts {
  id: string;
  path: string;
  bodyEn: string;
  /** The body does not vote (议事协商会, 听证会): it records 协商结果. */
  consultative: boolean;
  quorum: { met: boolean; zh: string; en: string };
  /** Outcome of each resolution, in order. */
  outcomes: Outcome[];
  passed: number;
  failed: number;
  /** 赞成票须达到会人数的过半数, for voting bodies. */
  passRule?: { zh: string; en: string };
  /** The law the rule rests on, without the evidence grade. */
  source: string;
  /** Its 四议两公开 chain, when it is one of the four steps. */
  chain?: {
    complete: boolean;
    steps: { zh: string; en: string; current: boolean; meeting?: { id: string; title: string; date: string; path: string } }[];
    /** 两公开: the decision posted on the board, and its implementation shown in a ledger; each done or still pending. */
    publicSteps: { zh: string; done: boolean; detail: string; path?: string }[];
  };
  /** Per resolution, in order: it may authorise spending (it passed by its own vote; a failed one funds nothing). */
  authorisesSpending: boolean[];
  /** Expenses in the village's ledgers that rest on a resolution of this meeting that passed by its own vote. */
  authorisedSpending: { ledgerId: string; periodZh: string; voucher: string; summary: string; amount: number; path: string }[];
  /** Its resolutions go up on the board (决议公开 / 协商结果公开). */
  posted: boolean;
  track: '党务' | '村务';
  issuer: string;
  /**
   * The quarters the meeting's record belongs to: those of the disclosures it approves (审定, their `approval`), or, when
   * it approves none, the quarter of its date. A meeting that fixes a quarter's disclosure is about that quarter, not
   * the one it is held in (the rule the search's quarter filter follows, docs/search.md).
   */
  quarters: (Period & { kind: 'quarter' })[];
}

/** A meeting's facts, derived once per record, village and rule profile (./once.ts). */
export const getMeetingFacts: (m: MeetingRec, v: VillageRecords, ctx: FactsContext) => MeetingFacts = deriveOnce(deriveMeetingFacts, (ctx) => ctx.profile);

function deriveMeetingFacts(m: MeetingRec, v: VillageRecords, ctx: FactsContext): MeetingFacts {
  const rule = getBodyRule(m.data.body)!;
  const q = getQuorum(rule, m.data, { womenRepQuorum: ctx.profile.womenRepQuorum });
  const outcomes = m.data.resolutions.map((r) => getOutcome(rule, m.data, r.votes, q.met));
  const t = rule.pass ? describeThreshold(rule.pass.threshold) : undefined;
  const chain = getChain(m.id, getChainMap(v.meetings));
  /** A step counts only when its meeting stood (quorum met, every vote passed): a step voted down ends the chain. */
  const stands = (x: MeetingRec): boolean => {
    const r = getBodyRule(x.data.body)!;
    const qq = getQuorum(r, x.data, { womenRepQuorum: ctx.profile.womenRepQuorum });
    return getStanding(
      qq.met,
      x.data.resolutions.map((res) => getOutcome(r, x.data, res.votes, qq.met)),
    ).lawful;
  };
  const standsAt = (id: string | undefined): boolean => {
    const x = id ? v.meetings.find((mm) => mm.id === id) : undefined;
    return x !== undefined && stands(x);
  };
  const meetingOf = (id: string | undefined) => (id ? v.meetings.find((x) => x.id === id) : undefined);
  const decision = chain ? meetingOf(chain.steps.at(-1)?.meetingId) : undefined;
  const decisionPosted = decision !== undefined && decision.data.resolutions.length > 0 && getBodyRule(decision.data.body)?.postsResolutions === true;
  const spentUnder = decision ? v.ledgers.find((l) => l.data.expense.some((e) => e.resolution?.meetingId === decision.id)) : undefined;
  const publicSteps: NonNullable<MeetingFacts['chain']>['publicSteps'] = [
    decisionPosted
      ? { zh: '决议公开', done: true, detail: `${decision.data.title}的决议已在村务公开栏张贴公告`, path: recordPath('meeting', v.id, decision.id) }
      : { zh: '决议公开', done: false, detail: decision ? '决议尚未张贴公告' : '还没有作出决议，决议作出后张贴公告' },
    spentUnder
      ? {
          zh: '实施结果公开',
          done: true,
          detail: `实施的收支已在${periodLabel(spentUnder.period)}财务公开中列出`,
          path: recordPath('ledger', v.id, spentUnder.id),
        }
      : { zh: '实施结果公开', done: false, detail: '实施结果尚未公开，完成后在财务公开或村务公开中列出' },
  ];
  return {
    id: m.id,
    path: recordPath('meeting', v.id, m.id),
    bodyEn: rule.en,
    consultative: rule.pass === null,
    quorum: { met: q.met, zh: q.basis.zh, en: q.basis.en },
    outcomes,
    passed: outcomes.filter((o) => o === '通过').length,
    failed: outcomes.filter((o) => o === '未通过').length,
    ...(rule.pass && t
      ? {
          passRule: {
            zh: `赞成票须达${rule.pass.base === 'present' ? '到会人数' : '全体应到人数'}的${t.zh}`,
            en: `yes votes must be ${t.en} of ${rule.pass.base === 'present' ? 'those present' : 'all members'}`,
          },
        }
      : {}),
    source: rule.source.replace(/\s*\[[A-Z]+\]/g, ''),
    ...(chain
      ? {
          chain: {
            complete: chain.complete && chain.steps.every((s) => standsAt(s.meetingId)),
            steps: chain.steps.map((s) => {
              const mm = meetingOf(s.meetingId);
              return {
                zh: s.step.zh,
                en: s.step.en,
                current: s.meetingId === m.id,
                ...(mm ? { meeting: { id: mm.id, title: mm.data.title, date: mm.data.date, path: recordPath('meeting', v.id, mm.id) } } : {}),
              };
            }),
            publicSteps,
          },
        }
      : {}),
    authorisesSpending: outcomes.map((o) => o === '通过' && rule.decidesSpending),
    // Only a body that decides spending authorises any: the others skip the scan of every expense of the village.
    authorisedSpending: (rule.decidesSpending ? v.ledgers : []).flatMap((l) =>
      l.data.expense
        .filter(
          (e) =>
            e.resolution?.meetingId === m.id &&
            getExpenseAuthority(e.resolution.index, { ledgerId: l.id, voucher: e.voucher }, m.data.resolutions, outcomes).state === 'passed',
        )
        .map((e) => ({
          ledgerId: l.id,
          periodZh: periodLabel(l.period),
          voucher: e.voucher,
          summary: e.summary,
          amount: e.amount,
          path: recordPath('ledger', v.id, l.id),
        })),
    ),
    posted: m.data.resolutions.length > 0 && rule.postsResolutions,
    track: rule.track,
    issuer: getIssuer(v),
    quarters: getMeetingQuarters(m, v),
  };
}

function getMeetingQuarters(m: MeetingRec, v: VillageRecords): (Period & { kind: 'quarter' })[] {
  const approved = v.disclosures.filter((d) => d.data.approval?.meeting === m.id).map((d) => d.period);
  const keys = [...new Set(approved.map(periodKey))].sort();
  return keys.length === 0 ? [quarterOf(m.data.date)] : keys.map((k) => approved.find((p) => periodKey(p) === k)!);
}
