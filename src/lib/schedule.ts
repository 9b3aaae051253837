/**
 * When things are due: publication deadlines per province profile, minimum posting periods, and
 * whether a village is on time, late or overdue on a given day (passed in, never read from a clock).
 */
import type { RuleProfile } from '../law/profiles.ts';
import { addDays, type IsoDate } from './dates.ts';
import { periodEndExclusive, periodKey, previousQuarter, quarterOf, type Period } from './period.ts';

/** Last day a period's disclosure may be published: the Nth of the month after the period. */
export function getPublicationDeadline(p: Period, profile: RuleProfile): IsoDate {
  const day = p.kind === 'quarter' ? profile.quarterDeadlineDay : profile.monthDeadlineDay;
  return addDays(periodEndExclusive(p), day - 1);
}

/** The most recent quarter whose deadline has passed on `today`. */
export function getLatestDueQuarter(today: IsoDate, profile: RuleProfile): Period & { kind: 'quarter' } {
  let q = previousQuarter(quarterOf(today));
  while (getPublicationDeadline(q, profile) >= today) q = previousQuarter(q);
  return q;
}

export type DisclosureStanding =
  | { state: 'on-time'; period: string; publishedAt: IsoDate; deadline: IsoDate }
  | { state: 'late'; period: string; publishedAt: IsoDate; deadline: IsoDate }
  | { state: 'overdue'; period: string; deadline: IsoDate; latest?: string };

/**
 * Standing of a village on `today`: the latest due quarter has a 村务 disclosure published by its
 * deadline (on time), after it (late), or none yet (overdue).
 */
export function getDisclosureStanding(
  published: readonly { period: Period; publishedAt: IsoDate }[],
  today: IsoDate,
  profile: RuleProfile,
): DisclosureStanding {
  const due = getLatestDueQuarter(today, profile);
  const key = periodKey(due);
  const deadline = getPublicationDeadline(due, profile);
  const match = published.filter((d) => periodKey(d.period) === key && d.publishedAt <= today).sort((a, b) => a.publishedAt.localeCompare(b.publishedAt))[0];
  if (!match) {
    const latest = [...published].sort((a, b) => periodKey(b.period).localeCompare(periodKey(a.period)))[0];
    return latest ? { state: 'overdue', period: key, deadline, latest: periodKey(latest.period) } : { state: 'overdue', period: key, deadline };
  }
  return { state: match.publishedAt <= deadline ? 'on-time' : 'late', period: key, publishedAt: match.publishedAt, deadline };
}
