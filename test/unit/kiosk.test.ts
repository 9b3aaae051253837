import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeNoticeStatus,
  describeStaleness,
  formatChinaTime,
  formatClockDateZh,
  getBoardDeadline,
  getChinaDate,
  getNewestPeriod,
  getPixelShift,
  getScreenDate,
  isBoardStale,
  isNightTime,
  KIOSK_DEFAULTS,
  listComingDeadlines,
  nextMonth,
  nextQuarter,
  parseKioskOptions,
  parseNightHours,
} from '../../src/lib/kiosk.ts';
import { getDisclosureStanding } from '../../src/lib/schedule.ts';
import { addDays } from '../../src/lib/dates.ts';
import { PROFILES, type RuleProfile } from '../../src/law/profiles.ts';
import { periodKey, quarterOf, type Period } from '../../src/lib/period.ts';

const shaanxi = PROFILES['shaanxi']!;
const shandong = PROFILES['shandong']!;
const q = (year: number, quarter: 1 | 2 | 3 | 4): Period & { kind: 'quarter' } => ({ kind: 'quarter', year, quarter });
const month = (year: number, m: number): Period & { kind: 'month' } => ({ kind: 'month', year, month: m });
const at = (iso: string) => new Date(iso).getTime();

describe('getBoardDeadline: when a screen must start warning that it may be stale', () => {
  it('waits for the quarter after the newest 村务 disclosure: 2025-q2 on screen means q3 is due by 2025-10-15 (温水村)', () => {
    expect(getBoardDeadline({ disclosure: q(2025, 2) }, '2025-11-20', shaanxi, false)).toEqual({
      what: 'disclosure',
      period: q(2025, 3),
      deadline: '2025-10-15',
    });
  });

  it('carries a q4 disclosure into the next year: 2026-q1 is due by 2026-04-15', () => {
    expect(getBoardDeadline({ disclosure: q(2025, 4) }, '2026-01-10', shaanxi, false).deadline).toBe('2026-04-15');
  });

  it('follows the province profile’s deadline day', () => {
    const tenth: RuleProfile = { ...shaanxi, quarterDeadlineDay: 10 };
    expect(getBoardDeadline({ disclosure: q(2025, 3) }, '2025-11-20', tenth, false).deadline).toBe('2026-01-10');
  });

  it('with monthly finances (山东), waits for the month after the newest ledger when that comes first', () => {
    expect(getBoardDeadline({ disclosure: q(2025, 3), ledger: month(2025, 10) }, '2025-11-20', shandong, true)).toEqual({
      what: 'finance',
      period: month(2025, 11),
      deadline: '2025-12-15',
    });
    expect(getBoardDeadline({ disclosure: q(2025, 3), ledger: q(2025, 3) }, '2025-11-20', shandong, true)).toEqual({
      what: 'finance',
      period: month(2025, 10),
      deadline: '2025-11-15',
    });
  });

  it('ignores ledgers when finances are quarterly', () => {
    expect(getBoardDeadline({ disclosure: q(2025, 3), ledger: month(2025, 7) }, '2025-11-20', shaanxi, false).what).toBe('disclosure');
  });

  it('is already past for a village that never published', () => {
    const d = getBoardDeadline({}, '2025-11-20', shaanxi, false);
    expect(d.deadline).toBe('2025-10-15');
    expect(isBoardStale('2025-11-20', d.deadline)).toBe(true);
  });

  it('agrees with the public site: a board is stale on a day exactly when the village is overdue there', () => {
    const prev = (p: Period & { kind: 'quarter' }) => (p.quarter === 1 ? q(p.year - 1, 4) : q(p.year, (p.quarter - 1) as 1 | 2 | 3));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 6 }), (offset, back) => {
        const today = addDays('2024-01-01', offset);
        // Every quarter up to `newest` (0–6 quarters before today's) was published on time; none after it.
        let newest = quarterOf(today);
        for (let i = 0; i < back; i += 1) newest = prev(newest);
        const published = [];
        for (let p = newest; p.year >= 2022; p = prev(p)) published.push({ period: p, publishedAt: '2022-01-01' });
        const standing = getDisclosureStanding(published, today, shaanxi);
        const stale = isBoardStale(today, getBoardDeadline({ disclosure: newest }, today, shaanxi, false).deadline);
        expect(stale, `${today} newest ${periodKey(newest)}`).toBe(standing.state === 'overdue');
      }),
      { numRuns: 500 },
    );
  });
});

describe('periods the screen counts forward with', () => {
  it('steps quarters and months across the year end', () => {
    expect(nextQuarter(q(2025, 4))).toEqual(q(2026, 1));
    expect(nextQuarter(q(2025, 1))).toEqual(q(2025, 2));
    expect(nextMonth(month(2025, 12))).toEqual(month(2026, 1));
  });

  it('finds the newest period, whatever the order', () => {
    expect(getNewestPeriod([q(2025, 1), q(2025, 3), q(2024, 4)])).toEqual(q(2025, 3));
    expect(getNewestPeriod([])).toBeUndefined();
  });
});

describe('the screen’s own date', () => {
  it('is the China date even when the box runs on UTC: 2025-11-20 23:30 UTC is already the 21st in 陇县', () => {
    expect(getChinaDate(at('2025-11-20T23:30:00Z'))).toBe('2025-11-21');
    expect(getChinaDate(at('2025-11-20T15:59:00Z'))).toBe('2025-11-20');
    expect(formatChinaTime(at('2025-11-20T13:05:00Z'))).toBe('21:05');
  });

  it('never goes back before the build’s as-of date when the box’s clock was reset', () => {
    expect(getScreenDate(at('1970-01-01T00:00:00Z'), '2025-11-20')).toBe('2025-11-20');
    expect(getScreenDate(at('2026-01-16T02:00:00Z'), '2025-11-20')).toBe('2026-01-16');
  });

  it('turns stale the day after the deadline, not on it', () => {
    expect(isBoardStale('2026-01-15', '2026-01-15')).toBe(false);
    expect(isBoardStale('2026-01-16', '2026-01-15')).toBe(true);
  });
});

describe('describeNoticeStatus: what a notice says on the screen’s date', () => {
  it('counts the days left including today, as the public site does', () => {
    expect(describeNoticeStatus('2025-11-17', '2025-11-24', false, '2025-11-20')).toEqual({ state: 'running', zh: '公示中，剩余5天' });
    expect(describeNoticeStatus('2025-11-17', '2025-11-24', false, '2025-11-24')).toEqual({ state: 'running', zh: '公示中，剩余1天' });
  });

  it('ends the day after the last day, and says when an upcoming one starts', () => {
    expect(describeNoticeStatus('2025-11-17', '2025-11-24', false, '2025-11-25').state).toBe('ended');
    expect(describeNoticeStatus('2025-11-27', '2025-12-04', false, '2025-11-25')).toEqual({ state: 'upcoming', zh: '2天后开始' });
  });

  it('keeps a long-term list running', () => {
    expect(describeNoticeStatus('2025-01-01', '2025-01-08', true, '2025-11-25')).toEqual({ state: 'running', zh: '长期公示' });
  });
});

describe('parseKioskOptions: the screen’s settings from its address', () => {
  it('uses 15 s per item, 1 minute idle and a check every 5 minutes by default', () => {
    expect(parseKioskOptions('')).toEqual(KIOSK_DEFAULTS);
    expect(KIOSK_DEFAULTS).toEqual({ everySeconds: 15, idleSeconds: 60, checkSeconds: 300 });
  });

  it('reads ?every=8&idle=30&check=2&night=22-6', () => {
    expect(parseKioskOptions('?every=8&idle=30&check=2&night=22-6')).toEqual({
      everySeconds: 8,
      idleSeconds: 30,
      checkSeconds: 2,
      night: { fromMinutes: 1320, toMinutes: 360 },
    });
  });

  it('falls back to the defaults for nonsense and keeps values within bounds', () => {
    expect(parseKioskOptions('?every=abc&idle=-5&check=0&night=late')).toEqual({ ...KIOSK_DEFAULTS, checkSeconds: 1 });
    expect(parseKioskOptions('?every=99999').everySeconds).toBe(600);
  });

  it('reads night hours with minutes and refuses an empty window', () => {
    expect(parseNightHours('22:30-06:15')).toEqual({ fromMinutes: 1350, toMinutes: 375 });
    expect(parseNightHours('23-23')).toBeUndefined();
    expect(parseNightHours('25-6')).toBeUndefined();
    expect(parseNightHours(null)).toBeUndefined();
  });
});

describe('isNightTime', () => {
  const night = parseNightHours('22-6');
  it('is night from 22:00 up to 05:59 across midnight, day from 06:00', () => {
    expect(isNightTime(22 * 60, night)).toBe(true);
    expect(isNightTime(3 * 60, night)).toBe(true);
    expect(isNightTime(5 * 60 + 59, night)).toBe(true);
    expect(isNightTime(6 * 60, night)).toBe(false);
    expect(isNightTime(21 * 60 + 59, night)).toBe(false);
  });

  it('handles a window inside one day and no window at all', () => {
    expect(isNightTime(2 * 60, parseNightHours('1-5'))).toBe(true);
    expect(isNightTime(6 * 60, parseNightHours('1-5'))).toBe(false);
    expect(isNightTime(3 * 60, undefined)).toBe(false);
  });
});

describe('getPixelShift: burn-in care', () => {
  it('never keeps the same offset two steps running and stays within 10 px', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 100_000 }), (step) => {
        const a = getPixelShift(step);
        const b = getPixelShift(step + 1);
        expect(a).not.toEqual(b);
        expect(Math.abs(a.x) <= 10 && Math.abs(a.y) <= 10).toBe(true);
      }),
    );
  });
});

describe('the staleness banner in words', () => {
  const due = getBoardDeadline({ disclosure: q(2025, 3) }, '2025-11-20', shaanxi, false);
  const coming = listComingDeadlines(due, shaanxi);

  it('lists the coming periods in order, each with its own deadline', () => {
    expect(coming[0]).toEqual({ label: '2025年第四季度', deadline: due.deadline });
    expect(coming.map((c) => c.deadline)).toEqual([...coming.map((c) => c.deadline)].sort());
    expect(new Set(coming.map((c) => c.label)).size).toBe(coming.length);
  });

  it('says how long since the last update and that the screen may not have synced, when the deadline passed after the build', () => {
    const day = addDays(due.deadline, 1);
    const text = describeStaleness(coming, day, '2025-11-20', '村务公开');
    expect(text).toContain('本屏内容最后更新于2025年11月20日，已经 57 天');
    expect(text).toContain('2025年第四季度村务公开应于2026年1月15日前公开，本屏没有收到');
    expect(text).toContain('可能是本屏没有联网同步');
    expect(text).not.toContain('共缺');
  });

  it('says the village did not publish when the deadline had passed on the build date, and counts every missing period by the screen date', () => {
    const late = listComingDeadlines(getBoardDeadline({ disclosure: q(2025, 2) }, '2025-11-20', shaanxi, false), shaanxi);
    expect(describeStaleness(late, '2025-11-20', '2025-11-20', '村务公开')).toBe('2025年第三季度村务公开应于2025年10月15日前公开，截至那天村里还没有公开。');
    const later = describeStaleness(late, '2026-04-20', '2025-11-20', '村务公开');
    expect(later).toBe(
      '本屏内容最后更新于2025年11月20日，已经 151 天。2025年第三季度村务公开应于2025年10月15日前公开，截至那天村里还没有公开；到今天共缺 3 期（2025年第三季度至2026年第一季度）。',
    );
  });

  it('says nothing while no deadline has passed', () => {
    expect(describeStaleness(coming, '2025-12-01', '2025-11-20', '村务公开')).toBe('');
  });

  it('puts the weekday beside the date on the clock', () => {
    expect(formatClockDateZh('2025-11-20')).toBe('11月20日 周四');
    expect(formatClockDateZh('2026-01-18')).toBe('1月18日 周日');
  });
});
