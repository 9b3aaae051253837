import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getDisclosureStanding, getLatestDueQuarter, getPublicationDeadline } from '../../src/lib/schedule.ts';
import { addDays } from '../../src/lib/dates.ts';
import { periodEnd, periodKey, type Period } from '../../src/lib/period.ts';
import { PROFILES, type RuleProfile } from '../../src/law/profiles.ts';

const shaanxi = PROFILES['shaanxi']!;
const national = PROFILES['national']!;
const q = (year: number, quarter: 1 | 2 | 3 | 4): Period & { kind: 'quarter' } => ({ kind: 'quarter', year, quarter });

describe('profiles used here', () => {
  it('give 陕西 and the national default a quarterly deadline on the 15th', () => {
    expect(shaanxi.quarterDeadlineDay).toBe(15);
    expect(national.quarterDeadlineDay).toBe(15);
  });
});

describe('getPublicationDeadline: by the 15th of the month after the period', () => {
  it('makes 2025-q3 due by 2025-10-15', () => {
    expect(getPublicationDeadline(q(2025, 3), shaanxi)).toBe('2025-10-15');
  });

  it('makes 2025-q4 due by 2026-01-15, in the next year', () => {
    expect(getPublicationDeadline(q(2025, 4), shaanxi)).toBe('2026-01-15');
  });

  it('makes a monthly ledger for July due by 15 August and for December by 15 January', () => {
    expect(getPublicationDeadline({ kind: 'month', year: 2025, month: 7 }, national)).toBe('2025-08-15');
    expect(getPublicationDeadline({ kind: 'month', year: 2025, month: 12 }, national)).toBe('2026-01-15');
  });

  it('follows the day a province profile sets', () => {
    const tenth: RuleProfile = { ...national, quarterDeadlineDay: 10, monthDeadlineDay: 5 };
    expect(getPublicationDeadline(q(2025, 3), tenth)).toBe('2025-10-10');
    expect(getPublicationDeadline({ kind: 'month', year: 2025, month: 2 }, tenth)).toBe('2025-03-05');
  });
});

describe('getLatestDueQuarter: the most recent quarter whose deadline has passed', () => {
  it('is 2025-q3 on 2025-11-20', () => {
    expect(getLatestDueQuarter('2025-11-20', shaanxi)).toEqual(q(2025, 3));
  });

  it('is still 2025-q2 on 2025-10-15, the last day allowed for q3', () => {
    expect(getLatestDueQuarter('2025-10-15', shaanxi)).toEqual(q(2025, 2));
  });

  it('becomes 2025-q3 on 2025-10-16, the day after its deadline', () => {
    expect(getLatestDueQuarter('2025-10-16', shaanxi)).toEqual(q(2025, 3));
  });

  it('reaches back into the previous year in early January: 2024-q3 on 2025-01-10', () => {
    expect(getLatestDueQuarter('2025-01-10', shaanxi)).toEqual(q(2024, 3));
    expect(getLatestDueQuarter('2025-01-16', shaanxi)).toEqual(q(2024, 4));
  });

  it('always names a quarter whose deadline is before today and whose successor’s is not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3650 }).map((n) => addDays('2020-01-01', n)),
        (today) => {
          const due = getLatestDueQuarter(today, shaanxi);
          expect(getPublicationDeadline(due, shaanxi) < today).toBe(true);
          const next = due.quarter === 4 ? q(due.year + 1, 1) : q(due.year, (due.quarter + 1) as 1 | 2 | 3 | 4);
          expect(getPublicationDeadline(next, shaanxi) >= today).toBe(true);
          expect(periodEnd(due) < today).toBe(true);
        },
      ),
    );
  });
});

describe('getDisclosureStanding: is the village on time on a given day', () => {
  const today = '2025-11-20';

  it('is on time when the 2025-q3 disclosure was published by 2025-10-15', () => {
    expect(getDisclosureStanding([{ period: q(2025, 3), publishedAt: '2025-10-15' }], today, shaanxi)).toEqual({
      state: 'on-time',
      period: '2025-q3',
      publishedAt: '2025-10-15',
      deadline: '2025-10-15',
    });
  });

  it('is late when the 2025-q3 disclosure came out on 2025-10-16', () => {
    expect(getDisclosureStanding([{ period: q(2025, 3), publishedAt: '2025-10-16' }], today, shaanxi)).toEqual({
      state: 'late',
      period: '2025-q3',
      publishedAt: '2025-10-16',
      deadline: '2025-10-15',
    });
  });

  it('judges by the first publication, not a later correction', () => {
    const standing = getDisclosureStanding(
      [
        { period: q(2025, 3), publishedAt: '2025-11-02' },
        { period: q(2025, 3), publishedAt: '2025-10-12' },
      ],
      today,
      shaanxi,
    );
    expect(standing).toEqual(expect.objectContaining({ state: 'on-time', publishedAt: '2025-10-12' }));
  });

  it('is overdue when nothing for 2025-q3 is published, naming the latest period that was', () => {
    expect(
      getDisclosureStanding(
        [
          { period: q(2025, 1), publishedAt: '2025-04-10' },
          { period: q(2025, 2), publishedAt: '2025-07-10' },
        ],
        today,
        shaanxi,
      ),
    ).toEqual({ state: 'overdue', period: '2025-q3', deadline: '2025-10-15', latest: '2025-q2' });
  });

  it('is overdue with nothing to name when the village has never published', () => {
    expect(getDisclosureStanding([], today, shaanxi)).toEqual({ state: 'overdue', period: '2025-q3', deadline: '2025-10-15' });
  });

  it('does not count a disclosure dated after today as published', () => {
    const s = getDisclosureStanding([{ period: q(2025, 3), publishedAt: '2025-11-25' }], today, shaanxi);
    expect(s.state).toBe('overdue');
  });

  it('on the deadline day itself still judges the quarter before, which was published on time', () => {
    const s = getDisclosureStanding([{ period: q(2025, 2), publishedAt: '2025-07-14' }], '2025-10-15', shaanxi);
    expect(s).toEqual(expect.objectContaining({ state: 'on-time', period: periodKey(q(2025, 2)), deadline: '2025-07-15' }));
  });
});
