import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countPostedDays, getPostingEndDate, getPostingStatus, isRestDay, makeCalendar, missingCalendarYears, nextWorkingDay } from '../../src/lib/calendar.ts';
import { addDays, daysBetween, formatDateZh, isIsoDate, weekday } from '../../src/lib/dates.ts';
import { NATIONAL_CALENDAR } from '../../src/law/holidays-cn.ts';

const cal = makeCalendar(NATIONAL_CALENDAR);

/** Any day of 2024–2026, the years the national table covers. */
const knownYearDate = fc.integer({ min: 0, max: 365 + 365 + 365 - 60 }).map((n) => addDays('2024-01-01', n));

describe('dates: the civil dates everything else counts with', () => {
  it('knows 2025-10-01 was a Wednesday and 2025-09-28 a Sunday', () => {
    expect(weekday('2025-10-01')).toBe(3);
    expect(weekday('2025-09-28')).toBe(0);
    expect(weekday('2025-03-15')).toBe(6);
  });

  it('refuses 30 February and badly written dates', () => {
    expect(isIsoDate('2025-02-28')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(isIsoDate('2025-2-3')).toBe(false);
  });

  it('counts days across a month and a year end', () => {
    expect(addDays('2025-09-24', 7)).toBe('2025-10-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(daysBetween('2025-09-24', '2025-10-09')).toBe(15);
  });

  it('writes a date for the board as 2025年10月8日', () => {
    expect(formatDateZh('2025-10-08')).toBe('2025年10月8日');
  });
});

describe('rest days and working days', () => {
  it('treats an ordinary Saturday and Sunday as rest days and a Monday as a working day', () => {
    expect(isRestDay('2025-03-15', cal)).toBe(true);
    expect(isRestDay('2025-03-16', cal)).toBe(true);
    expect(isRestDay('2025-03-17', cal)).toBe(false);
  });

  it('treats every day of the 2025 National Day holiday as a rest day, weekdays included', () => {
    for (let d = '2025-10-01'; d <= '2025-10-08'; d = addDays(d, 1)) expect(isRestDay(d, cal), d).toBe(true);
    expect(isRestDay('2025-10-09', cal)).toBe(false);
  });

  it('counts the make-up workdays of 2025-09-28 (a Sunday) and 2025-10-11 (a Saturday) as working days', () => {
    expect(weekday('2025-09-28')).toBe(0);
    expect(isRestDay('2025-09-28', cal)).toBe(false);
    expect(weekday('2025-10-11')).toBe(6);
    expect(isRestDay('2025-10-11', cal)).toBe(false);
  });

  it('adds a county’s local holiday and local make-up workday to the national calendar', () => {
    const local = makeCalendar(NATIONAL_CALENDAR, { holidays: ['2025-03-18'], workdays: ['2025-03-22'] });
    expect(isRestDay('2025-03-18', cal)).toBe(false);
    expect(isRestDay('2025-03-18', local)).toBe(true);
    expect(isRestDay('2025-03-22', cal)).toBe(true);
    expect(isRestDay('2025-03-22', local)).toBe(false);
  });

  it('moves to the first working day after a holiday block', () => {
    expect(nextWorkingDay('2025-10-03', cal)).toBe('2025-10-09');
    expect(nextWorkingDay('2025-10-09', cal)).toBe('2025-10-09');
  });

  it('tells which years of a posting the holiday table does not cover', () => {
    expect(missingCalendarYears('2025-12-20', '2027-01-10', cal)).toEqual([2027]);
    expect(missingCalendarYears('2024-01-01', '2026-12-31', cal)).toEqual([]);
  });
});

describe('getPostingEndDate: the last day of a 公示期 (民法典 §201–203)', () => {
  it('does not count the day of posting: 2 days from Tuesday 4 March end on Thursday 6 March', () => {
    expect(getPostingEndDate('2025-03-04', 2, 'calendar', cal)).toBe('2025-03-06');
  });

  it('moves a period ending on 国庆 to the next working day: 7 days from 2025-09-24 end on 2025-10-09', () => {
    expect(addDays('2025-09-24', 7)).toBe('2025-10-01');
    expect(getPostingEndDate('2025-09-24', 7, 'calendar', cal)).toBe('2025-10-09');
  });

  it('moves a period ending on a Saturday to the Monday after', () => {
    expect(weekday('2025-03-15')).toBe(6);
    expect(getPostingEndDate('2025-03-10', 5, 'calendar', cal)).toBe('2025-03-17');
  });

  it('keeps a period ending on a make-up workday Sunday (2025-09-28) on that Sunday', () => {
    expect(getPostingEndDate('2025-09-21', 7, 'calendar', cal)).toBe('2025-09-28');
  });

  it('skips the Spring Festival when counting 5 working days from Friday 2025-01-24, ending on 2025-02-07', () => {
    // 01-26 (Sunday, make-up workday) 1, 01-27 2, 01-28…02-04 off, 02-05 3, 02-06 4, 02-07 5.
    expect(getPostingEndDate('2025-01-24', 5, 'working', cal)).toBe('2025-02-07');
  });

  it('counts 7 working days for 社会救助 across 国庆, using the Saturday make-up workday 2025-10-11', () => {
    // 09-28 1, 09-29 2, 09-30 3, 10-09 4, 10-10 5, 10-11 (Saturday, make-up) 6, 10-13 7.
    expect(getPostingEndDate('2025-09-26', 7, 'working', cal)).toBe('2025-10-13');
  });

  it('always ends a calendar-day period on a working day, moved only across rest days', () => {
    fc.assert(
      fc.property(knownYearDate, fc.integer({ min: 1, max: 40 }), (start, days) => {
        const end = getPostingEndDate(start, days, 'calendar', cal);
        const nominal = addDays(start, days);
        expect(isRestDay(end, cal)).toBe(false);
        expect(end >= nominal).toBe(true);
        for (let d = nominal; d < end; d = addDays(d, 1)) expect(isRestDay(d, cal), d).toBe(true);
      }),
    );
  });

  it('always ends a working-day period on a working day after exactly that many working days', () => {
    fc.assert(
      fc.property(knownYearDate, fc.integer({ min: 1, max: 30 }), (start, days) => {
        const end = getPostingEndDate(start, days, 'working', cal);
        expect(isRestDay(end, cal)).toBe(false);
        expect(countPostedDays(start, end, 'working', cal)).toBe(days);
        expect(countPostedDays(start, addDays(end, -1), 'working', cal)).toBe(days - 1);
      }),
    );
  });
});

describe('countPostedDays: how long a notice has been up', () => {
  it('counts calendar days without the day of posting', () => {
    expect(countPostedDays('2025-03-10', '2025-03-15', 'calendar', cal)).toBe(5);
    expect(countPostedDays('2025-03-10', '2025-03-10', 'calendar', cal)).toBe(0);
  });

  it('counts only 5 working days over the Spring Festival fortnight 2025-01-24 → 2025-02-07', () => {
    expect(countPostedDays('2025-01-24', '2025-02-07', 'calendar', cal)).toBe(14);
    expect(countPostedDays('2025-01-24', '2025-02-07', 'working', cal)).toBe(5);
  });

  it('counts the make-up workday Sunday 2025-09-28 but not Saturday 2025-09-27', () => {
    expect(countPostedDays('2025-09-26', '2025-09-30', 'working', cal)).toBe(3);
  });
});

describe('getPostingStatus: what the board says about a running notice', () => {
  const start = '2025-09-24';
  const end = '2025-10-09';

  it('says one day left on the last day', () => {
    expect(getPostingStatus(start, end, '2025-10-09')).toEqual({ state: 'running', daysLeft: 1 });
  });

  it('says two days left on the day before the last day', () => {
    expect(getPostingStatus(start, end, '2025-10-08')).toEqual({ state: 'running', daysLeft: 2 });
  });

  it('counts the day of posting and the last day as days still left on the first day', () => {
    expect(getPostingStatus(start, end, start)).toEqual({ state: 'running', daysLeft: 16 });
  });

  it('says the notice ended one day ago on the day after the last day', () => {
    expect(getPostingStatus(start, end, '2025-10-10')).toEqual({ state: 'ended', endedDaysAgo: 1 });
  });

  it('says how many days until a notice that is not up yet starts', () => {
    expect(getPostingStatus(start, end, '2025-09-20')).toEqual({ state: 'upcoming', startsInDays: 4 });
  });
});
