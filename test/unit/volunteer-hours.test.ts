import { describe, expect, it } from 'vitest';
import { checkVolunteerHours } from '../../src/lib/volunteer-hours.ts';

const activity = (date: string, ...participants: [string, number][]) => ({
  date,
  participants: participants.map(([volunteer, hours]) => ({ volunteer, hours })),
});

describe('volunteer hours a record can hold', () => {
  it('refuses a volunteer listed twice in one activity, whose hours would count twice', () => {
    expect(checkVolunteerHours([activity('2025-09-06', ['v04', 20], ['v06', 20], ['v04', 20])])).toEqual([
      { code: 'volunteer.participant-twice', path: ['activities', 0, 'participants', 2, 'volunteer'], params: { volunteer: 'v04', first: 1 } },
    ]);
  });

  it('refuses more than 24 hours for one person on one day over several activities, each within a day', () => {
    const found = checkVolunteerHours([
      activity('2025-09-06', ['v04', 200]),
      activity('2025-09-07', ['v04', 100]),
      activity('2025-09-06', ['v04', 80], ['v06', 80]),
    ]);
    expect(found).toEqual([
      {
        code: 'volunteer.day-hours',
        path: ['activities', 2, 'participants', 0, 'hours'],
        params: { volunteer: 'v04', date: '2025-09-06', hours: 28, activities: '1、3' },
      },
    ]);
  });

  it('accepts exactly 24 hours on a day, the same person on other days, and leaves one entry over a day to its own check', () => {
    expect(checkVolunteerHours([activity('2025-09-06', ['v04', 120]), activity('2025-09-06', ['v04', 120]), activity('2025-09-07', ['v04', 240])])).toEqual([]);
    expect(checkVolunteerHours([activity('2025-09-06', ['v04', 300]), activity('2025-09-06', ['v04', 20])])).toEqual([]);
  });
});
