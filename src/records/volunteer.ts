/**
 * Every derived fact about one period of volunteer service, once: the headline figures (teams,
 * volunteers, activities, hours to one decimal), each volunteer's hours (tenths are summed as
 * integers), the date the search sorts by, its page path.
 */
import type { VillageRecords, VolunteerRec } from '../check/model.ts';
import { periodEnd, periodLabel } from '../lib/period.ts';
import { recordPath } from './registry.ts';

export interface VolunteerFacts {
  id: string;
  path: string;
  figures: { label: string; teams: number; volunteers: number; activities: number; hours: string };
  /** Date of the last activity, or the period's end when there was none. */
  lastDate: string;
}

/** Tenths of an hour as 12.5. */
export function formatHours(tenths: number): string {
  return (tenths / 10).toFixed(1);
}

export function getVolunteerFacts(p: VolunteerRec, v: Pick<VillageRecords, 'id'>): VolunteerFacts {
  const tenths = p.data.activities.reduce((sum, a) => sum + a.participants.reduce((s, x) => s + x.hours, 0), 0);
  return {
    id: p.id,
    path: recordPath('volunteer', v.id, p.id),
    figures: {
      label: periodLabel(p.period),
      teams: p.data.teams.length,
      volunteers: p.data.volunteers.length,
      activities: p.data.activities.length,
      hours: formatHours(tenths),
    },
    lastDate:
      p.data.activities
        .map((a) => a.date)
        .sort()
        .at(-1) ?? periodEnd(p.period),
  };
}
