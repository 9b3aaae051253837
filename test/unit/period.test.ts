import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/lib/dates.ts';
import {
  comparePeriods,
  isInPeriod,
  parsePeriod,
  periodEnd,
  periodEndExclusive,
  periodKey,
  periodLabel,
  periodLabelEn,
  periodStart,
  periodsOverlap,
  previousQuarter,
  quarterOf,
  type Period,
} from '../../src/lib/period.ts';

const q = (year: number, quarter: 1 | 2 | 3 | 4): Period & { kind: 'quarter' } => ({ kind: 'quarter', year, quarter });
const m = (year: number, month: number): Period => ({ kind: 'month', year, month });

/** Any day from 2000-01-01 to 2099-12-31 as YYYY-MM-DD. */
const anyDate = fc.integer({ min: 0, max: 36524 }).map((n) => addDays('2000-01-01', n));

describe('parsePeriod: reading the period a file is named after', () => {
  it('reads 2025-q3 and 2025-Q3 as the third quarter of 2025', () => {
    expect(parsePeriod('2025-q3')).toEqual(q(2025, 3));
    expect(parsePeriod('2025-Q3')).toEqual(q(2025, 3));
  });

  it('reads 2025-07 as July 2025', () => {
    expect(parsePeriod('2025-07')).toEqual(m(2025, 7));
  });

  it('refuses a fifth quarter, month 13, month 00 and a month without its leading zero', () => {
    for (const bad of ['2025-q5', '2025-q0', '2025-13', '2025-00', '2025-7', '25-q3', '2025q3', '2025-07-01']) {
      expect(parsePeriod(bad), bad).toBeUndefined();
    }
  });

  it('writes every period back under the same key it was read from', () => {
    const key = fc.oneof(
      fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 4 })).map(([y, n]) => `${y}-q${n}`),
      fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 })).map(([y, n]) => `${y}-${String(n).padStart(2, '0')}`),
    );
    fc.assert(
      fc.property(key, (k) => {
        const p = parsePeriod(k);
        expect(p).toBeDefined();
        expect(periodKey(p!)).toBe(k);
      }),
    );
  });
});

describe('period labels for the board', () => {
  it('names quarters in Chinese ordinals and months by number', () => {
    expect(periodLabel(q(2025, 3))).toBe('2025年第三季度');
    expect(periodLabel(q(2024, 4))).toBe('2024年第四季度');
    expect(periodLabel(m(2025, 7))).toBe('2025年7月');
  });

  it('names quarters in English as Q3 2025', () => {
    expect(periodLabelEn(q(2025, 3))).toBe('Q3 2025');
    expect(periodLabelEn(m(2025, 7))).toBe('2025-07');
  });
});

describe('period boundaries', () => {
  it('runs the third quarter from 1 July to 30 September', () => {
    expect(periodStart(q(2025, 3))).toBe('2025-07-01');
    expect(periodEnd(q(2025, 3))).toBe('2025-09-30');
    expect(periodEndExclusive(q(2025, 3))).toBe('2025-10-01');
  });

  it('ends the fourth quarter on 31 December and the next period starts on 1 January', () => {
    expect(periodEnd(q(2025, 4))).toBe('2025-12-31');
    expect(periodEndExclusive(q(2025, 4))).toBe('2026-01-01');
    expect(periodEndExclusive(m(2025, 12))).toBe('2026-01-01');
  });

  it('ends February on the 29th in a leap year and on the 28th otherwise', () => {
    expect(periodEnd(m(2024, 2))).toBe('2024-02-29');
    expect(periodEnd(m(2025, 2))).toBe('2025-02-28');
  });

  it('counts the first and last day of a quarter as inside it and the days around it as outside', () => {
    expect(isInPeriod('2025-07-01', q(2025, 3))).toBe(true);
    expect(isInPeriod('2025-09-30', q(2025, 3))).toBe(true);
    expect(isInPeriod('2025-06-30', q(2025, 3))).toBe(false);
    expect(isInPeriod('2025-10-01', q(2025, 3))).toBe(false);
  });

  it('puts every day in exactly one quarter, the one quarterOf names', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const year = Number(date.slice(0, 4));
        const containing = ([1, 2, 3, 4] as const).filter((n) => isInPeriod(date, q(year, n)));
        expect(containing).toHaveLength(1);
        expect(quarterOf(date)).toEqual(q(year, containing[0]!));
      }),
    );
  });

  it('finds the quarter of a date by its month: May is Q2, October is Q4', () => {
    expect(quarterOf('2025-05-31')).toEqual(q(2025, 2));
    expect(quarterOf('2025-10-01')).toEqual(q(2025, 4));
    expect(quarterOf('2025-01-01')).toEqual(q(2025, 1));
  });

  it('steps back from the first quarter to the fourth quarter of the year before', () => {
    expect(previousQuarter(q(2025, 1))).toEqual(q(2024, 4));
    expect(previousQuarter(q(2025, 3))).toEqual(q(2025, 2));
  });

  it('ends the previous quarter on the day before each quarter starts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2001, max: 2099 }), fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const), (year, n) => {
        const cur = q(year, n);
        expect(periodEndExclusive(previousQuarter(cur))).toBe(periodStart(cur));
      }),
    );
  });
});

describe('ordering and overlap of periods', () => {
  it('sorts periods by start date, a quarter before the months it contains', () => {
    const sorted = [m(2025, 8), q(2025, 3), m(2025, 7), q(2025, 2)].sort(comparePeriods).map(periodKey);
    expect(sorted).toEqual(['2025-q2', '2025-q3', '2025-07', '2025-08']);
  });

  it('sees a quarter and a month inside it as overlapping, and neighbouring quarters as not', () => {
    expect(periodsOverlap(q(2025, 3), m(2025, 8))).toBe(true);
    expect(periodsOverlap(m(2025, 9), q(2025, 3))).toBe(true);
    expect(periodsOverlap(q(2025, 2), q(2025, 3))).toBe(false);
    expect(periodsOverlap(m(2025, 6), q(2025, 3))).toBe(false);
  });
});
