/**
 * Quorum and pass rules with integer arithmetic only. The outcome of a vote is derived from the
 * counts and the body's rule (src/law/bodies.ts), never typed by hand.
 */
import { getBodyRule, type BodyRule, type Threshold } from '../law/bodies.ts';
import type { Finding } from './finding.ts';

/** True when `count` reaches the threshold of `base`: 过半数 is 2·count > base, 三分之二以上 is 3·count ≥ 2·base. */
export function meetsThreshold(count: number, base: number, t: Threshold): boolean {
  const lhs = count * t.den;
  const rhs = t.num * base;
  return t.strict ? lhs > rhs : lhs >= rhs;
}

/** "过半数" / "三分之二以上" for a threshold. */
export function describeThreshold(t: Threshold): { zh: string; en: string } {
  if (t.num === 1 && t.den === 2 && t.strict) return { zh: '过半数', en: 'more than half' };
  if (t.num === 2 && t.den === 3 && !t.strict) return { zh: '三分之二以上', en: 'at least two thirds' };
  return { zh: `${t.strict ? '超过' : '不少于'}${t.den}分之${t.num}`, en: `${t.strict ? 'more than' : 'at least'} ${t.num}/${t.den}` };
}

export interface Attendance {
  eligible: number;
  present: number;
  households?: { eligible: number; present: number } | undefined;
  womenReps?: { eligible: number; present: number } | undefined;
}

export interface QuorumResult {
  /** The body's rule has a quorum and it was met (or the body has none). */
  met: boolean;
  /** Which rule decided it, for display. */
  basis: { zh: string; en: string };
}

/** Whether the meeting had its quorum, by the body's rule and, where the profile asks, women representatives. */
export function getQuorum(rule: BodyRule, a: Attendance, opts: { womenRepQuorum?: boolean } = {}): QuorumResult {
  if (rule.quorum.length === 0) return { met: true, basis: { zh: '协商性会议，无法定人数要求', en: 'consultative, no quorum' } };
  for (const q of rule.quorum) {
    const counts = q.on === 'households' ? a.households : { eligible: a.eligible, present: a.present };
    if (!counts) continue;
    if (meetsThreshold(counts.present, counts.eligible, q.threshold)) {
      if (opts.womenRepQuorum && rule.womenRepQuorum && a.womenReps && !meetsThreshold(a.womenReps.present, a.womenReps.eligible, rule.womenRepQuorum)) {
        return { met: false, basis: { zh: '妇女代表到会不足三分之二', en: 'fewer than two thirds of women representatives present' } };
      }
      const d = describeThreshold(q.threshold);
      const on = q.on === 'households' ? { zh: '户', en: 'households' } : { zh: '人', en: 'persons' };
      return { met: true, basis: { zh: `到会${on.zh}数达应到${d.zh}`, en: `${d.en} of eligible ${on.en} present` } };
    }
  }
  const d = describeThreshold(rule.quorum[0]!.threshold);
  return { met: false, basis: { zh: `到会人数未达应到${d.zh}`, en: `quorum not met: ${d.en} of those eligible must be present` } };
}

export type Outcome = '通过' | '未通过' | '不表决';

/** Outcome of one resolution: 通过 only with quorum and enough yes votes by the body's rule. */
export function getOutcome(rule: BodyRule, a: Attendance, votes: { yes: number } | undefined, quorumMet: boolean): Outcome {
  if (!rule.pass || !votes) return '不表决';
  if (!quorumMet) return '未通过';
  const base = rule.pass.base === 'present' ? a.present : a.eligible;
  return meetsThreshold(votes.yes, base, rule.pass.threshold) ? '通过' : '未通过';
}

export interface MeetingLike extends Attendance {
  body: string;
  date: string;
  noticeDate?: string | undefined;
  resolutions: readonly { votes?: { yes: number; no: number; abstain: number } | undefined; result?: string | undefined }[];
}

/** Arithmetic and procedure checks of one meeting's record. */
export function checkMeeting(m: MeetingLike, noticeDaysOverride: Readonly<Record<string, number>>): Finding[] {
  const out: Finding[] = [];
  const rule = getBodyRule(m.body);
  if (!rule) return out;
  if (m.present > m.eligible) out.push({ code: 'meeting.present-over', path: ['present'], params: { present: m.present, eligible: m.eligible } });
  if (m.households && m.households.present > m.households.eligible) {
    out.push({ code: 'meeting.present-over', path: ['households', 'present'], params: { present: m.households.present, eligible: m.households.eligible } });
  }
  if (m.womenReps && m.womenReps.present > m.womenReps.eligible) {
    out.push({ code: 'meeting.present-over', path: ['womenReps', 'present'], params: { present: m.womenReps.present, eligible: m.womenReps.eligible } });
  }
  // The parts are among the whole: a household is present only through a person who attends (its 户代表, 组织法 §22), and
  // women representatives are among the representatives entitled and present (组织法 §25).
  const parts = [
    [m.households?.present, m.present, ['households', 'present'], 'households', 'present'],
    [m.womenReps?.present, m.present, ['womenReps', 'present'], 'womenReps', 'present'],
    [m.womenReps?.eligible, m.eligible, ['womenReps', 'eligible'], 'womenReps', 'eligible'],
  ] as const;
  for (const [value, whole, path, part, field] of parts)
    if (value !== undefined && value > whole) out.push({ code: 'meeting.part-over', path: [...path], params: { part, field, value, whole } });
  if (rule.since && m.date < rule.since) out.push({ code: 'meeting.body-not-yet', path: ['body'], params: { body: m.body, since: rule.since } });
  m.resolutions.forEach((r, i) => {
    if (rule.pass && !r.votes) out.push({ code: 'meeting.votes-missing', path: ['resolutions', i, 'votes'], params: { body: m.body } });
    if (!rule.pass && r.votes) out.push({ code: 'meeting.votes-consultative', path: ['resolutions', i, 'votes'], params: { body: m.body } });
    if (!rule.pass && !r.result) out.push({ code: 'meeting.result-missing', path: ['resolutions', i, 'result'], params: { body: m.body } });
    if (r.votes) {
      const cast = r.votes.yes + r.votes.no + r.votes.abstain;
      if (cast > m.present)
        out.push({
          code: 'meeting.votes-over',
          path: ['resolutions', i, 'votes'],
          params: { cast, present: m.present, yes: r.votes.yes, no: r.votes.no, abstain: r.votes.abstain },
        });
    }
  });
  const days = noticeDaysOverride[m.body] ?? rule.noticeDays;
  if (days > 0) {
    if (!m.noticeDate) out.push({ code: 'meeting.notice-missing', path: ['noticeDate'], params: { body: m.body, days } });
    else if (m.noticeDate <= m.date) {
      const lead = (Date.parse(m.date) - Date.parse(m.noticeDate)) / 86_400_000;
      if (lead < days)
        out.push({ code: 'meeting.notice-short', path: ['noticeDate'], params: { body: m.body, days, lead, noticeDate: m.noticeDate, date: m.date } });
    }
  }
  if (m.noticeDate && m.noticeDate > m.date)
    out.push({ code: 'meeting.notice-after', path: ['noticeDate'], params: { noticeDate: m.noticeDate, date: m.date } });
  return out;
}
