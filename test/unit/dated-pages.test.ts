/**
 * A page depends on the date only through discrete states (src/records/dated.ts): a 公示 starts or ends, its names
 * leave, a deadline passes. So a new day on which no state changes re-renders no page of any village, and the day a
 * 公示 ends re-renders its board, page, screen and print page; what a page prints about a 公示 stays true on every later day of its state.
 */
import { describe, expect, it } from 'vitest';
import { loadCounty } from '../../src/check/load.ts';
import { describeNoticeDays } from '../../src/lib/calendar.ts';
import { getChangedDatedPages, getDatedFacts, getNoticePosting } from '../../src/records/dated.ts';
import { ROOT } from '../helpers/fixture-tree.ts';

const county = loadCounty(ROOT, { env: { GONGKAI_AS_OF: '2025-11-20' } }).county!;
const village = (id: string) => county.villages.find((v) => v.id === id)!;
const changed = (before: string, asOf: string) => Object.fromEntries(county.villages.map((v) => [v.id, getChangedDatedPages(v, before, asOf, county.profile)]));

// maqu's 低保 notice runs from 2025-11-17 to 2025-11-24 (7 calendar days).
const DIBAO = village('maqu').notices.find((n) => n.id === '2025-11-17-dibao')!;

describe('the pages a new day re-renders', () => {
  it('are none on a day when no 公示 starts or ends and no deadline passes, though a 公示 counts one day less', () => {
    expect(changed('2025-11-20', '2025-11-21')).toEqual(Object.fromEntries(county.villages.map((v) => [v.id, []])));
    expect(changed('2025-11-21', '2025-11-22')).toEqual(Object.fromEntries(county.villages.map((v) => [v.id, []])));
  });

  it('are the board, the notice page, the kiosk screen and the print page of its village on the day its 公示 ends, and nothing else', () => {
    expect(DIBAO.endDate).toBe('2025-11-24');
    const after = changed('2025-11-24', '2025-11-25');
    expect([...after['maqu']!].sort()).toEqual(['kiosk/maqu', 'v/maqu', 'v/maqu/notices/2025-11-17-dibao', 'v/maqu/posters']);
    for (const v of county.villages.filter((x) => x.id !== 'maqu')) expect(after[v.id], v.id).toEqual([]);
    const [a, b] = [getDatedFacts(village('maqu'), '2025-11-24', county.profile), getDatedFacts(village('maqu'), '2025-11-25', county.profile)];
    expect([a.posted['2025-11-17-dibao'], b.posted['2025-11-17-dibao']]).toEqual([true, false]);
  });

  it('include the print page and the notice page again when the as-of date is set back before the 公示 ended', () => {
    expect([...changed('2025-11-25', '2025-11-24')['maqu']!].sort()).toEqual(['kiosk/maqu', 'v/maqu', 'v/maqu/notices/2025-11-17-dibao', 'v/maqu/posters']);
  });

  it("include a kiosk screen when the village's next publication deadline passes", () => {
    // Shaanxi: the Q4 2025 disclosure is due by 2026-01-15; every village's screen starts warning the day after.
    const after = changed('2026-01-15', '2026-01-16');
    for (const v of county.villages) expect(after[v.id], v.id).toContain(`kiosk/${v.id}`);
  });
});

describe('what a page prints about a 公示', () => {
  it('is its period, the same on every day it runs, with the days left added in the browser', () => {
    const days = ['2025-11-17', '2025-11-20', '2025-11-24'].map((d) => getNoticePosting(DIBAO, d));
    expect(new Set(days.map((p) => p.zh))).toEqual(new Set(['公示至2025年11月24日']));
    expect(days.map((p) => p.zh).join()).not.toMatch(/剩余|公示中/);
    expect(describeNoticeDays(DIBAO.data.startDate, DIBAO.endDate, '2025-11-20')).toBe('，剩余5天');
    expect(describeNoticeDays(DIBAO.data.startDate, DIBAO.endDate, '2025-11-24')).toBe('，剩余1天');
    expect(describeNoticeDays(DIBAO.data.startDate, DIBAO.endDate, '2025-11-25')).toBe('');
  });

  it('says when it starts before it does, and that it has ended after', () => {
    expect(getNoticePosting(DIBAO, '2025-11-10').zh).toBe('2025年11月17日起公示');
    expect(describeNoticeDays(DIBAO.data.startDate, DIBAO.endDate, '2025-11-10')).toBe('，7天后开始');
    expect(getNoticePosting(DIBAO, '2025-11-25')).toMatchObject({ state: 'ended', zh: '公示期已结束' });
  });
});
