/**
 * Service hours a volunteer period's record can hold: one person is listed once per activity, and the hours one person
 * serves on one day, over all the day's activities, are at most a day (24 hours; travel time is not service,
 * 民政部令第67号 after the 2012 志愿服务记录办法 [R]). Hours are in tenths, as the schema keeps them. Pure.
 */
import type { Finding } from './finding.ts';

/** Most tenths of an hour one person can serve in one day. */
export const MAX_DAY_TENTHS = 240;

export interface ActivityLike {
  date: string;
  participants: readonly { volunteer: string; hours: number }[];
}

/**
 * A volunteer listed twice in one activity (their hours counted twice), and a volunteer whose hours on one day add up
 * to more than a day over several activities (each within a day, so the per-entry check passes): a finding on the entry
 * that takes the day over, naming the day's activities.
 */
export function checkVolunteerHours(activities: readonly ActivityLike[]): Finding[] {
  const out: Finding[] = [];
  const days = new Map<string, { tenths: number; activities: number[] }>();
  activities.forEach((a, i) => {
    const seen = new Map<string, number>();
    a.participants.forEach((p, j) => {
      const first = seen.get(p.volunteer);
      if (first !== undefined) {
        out.push({
          code: 'volunteer.participant-twice',
          path: ['activities', i, 'participants', j, 'volunteer'],
          params: { volunteer: p.volunteer, first: first + 1 },
        });
        return;
      }
      seen.set(p.volunteer, j);
      // One entry over a day is the per-entry check's (volunteer.hours).
      if (p.hours > MAX_DAY_TENTHS) return;
      const key = `${p.volunteer}\0${a.date}`;
      const day = days.get(key) ?? days.set(key, { tenths: 0, activities: [] }).get(key)!;
      const before = day.tenths;
      day.tenths += p.hours;
      day.activities.push(i + 1);
      if (before <= MAX_DAY_TENTHS && day.tenths > MAX_DAY_TENTHS)
        out.push({
          code: 'volunteer.day-hours',
          path: ['activities', i, 'participants', j, 'hours'],
          params: { volunteer: p.volunteer, date: a.date, hours: day.tenths / 10, activities: day.activities.join('、') },
        });
    });
  });
  return out;
}
