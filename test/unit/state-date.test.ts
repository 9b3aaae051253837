/**
 * The county-wide pages print as 数据截至 the last day on which a state of the county changed (src/records/dated.ts
 * `getStateDate`), and states instead of day counts. So a new day on which nothing changes changes no page, and the
 * build publishes the last release again without rendering (scripts/build.ts). This is only true if every date fact
 * an output shows is the same on the as-of date as on the date the pages print: checked here on every day of two
 * counties' years, against what the outputs project (the compliance findings and rows, every village page's date
 * facts, the latest quarter due).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCounty } from '../../bench/gen/county.ts';
import { checkVillageCompliance, timelinessText, toComplianceVillage, toPublicParams } from '../../src/check/compliance-rules.ts';
import { renderMessage } from '../../src/check/messages/index.ts';
import { loadCounty } from '../../src/check/load.ts';
import type { County } from '../../src/check/model.ts';
import { buildComplianceRows, latestDueQuarterKey } from '../../src/lib/compliance.ts';
import { addDays } from '../../src/lib/dates.ts';
import { periodKey } from '../../src/lib/period.ts';
import { getDatedFacts, getStateDate } from '../../src/records/dated.ts';
import { ROOT } from '../helpers/fixture-tree.ts';

/** Everything the pages and data files show that depends on the date, as they show it (no day counts). */
function statesOn(county: County, day: string): string {
  const c = { ...county, asOf: day };
  const compliance = county.villages.map((v) => ({ id: v.id, records: toComplianceVillage(v, county.site.largeExpenseThreshold) }));
  return JSON.stringify({
    findings: county.villages.map((v) =>
      checkVillageCompliance(v, c).map(({ file, finding }) => [file, finding.code, finding.path, renderMessage(finding.code, toPublicParams(finding)).zh]),
    ),
    rows: buildComplianceRows(compliance, [], day, county.profile).map((r) => [
      r.village,
      periodKey(r.quarter),
      timelinessText(r.timeliness, undefined, false),
    ]),
    pages: county.villages.map((v) => getDatedFacts(v, day, county.profile)),
    latest: latestDueQuarterKey(day, county.profile),
  });
}

function* days(from: string, to: string) {
  for (let d = from; d <= to; d = addDays(d, 1)) yield d;
}

const demo = loadCounty(ROOT, { env: { GONGKAI_AS_OF: '2025-11-20' } }).county!;
const generatedRoot = mkdtempSync(join(tmpdir(), 'gongkai-state-date-'));
for (const f of generateCounty({ villages: 4, quarters: 6, seed: 5 }).files) {
  mkdirSync(dirname(join(generatedRoot, f.path)), { recursive: true });
  writeFileSync(join(generatedRoot, f.path), f.text);
}
const generated = loadCounty(generatedRoot).county!;
afterAll(() => rmSync(generatedRoot, { recursive: true, force: true }));

describe('the date the county-wide pages print (数据截至)', () => {
  for (const [name, county, from, to] of [
    ['the demo county', demo, '2024-12-01', '2026-06-30'],
    ['a generated county', generated, '2024-06-01', '2026-06-30'],
  ] as const) {
    it(`shows on every day of ${name} what that day shows, so a page printed then stays true until it is built again`, () => {
      let skipped = 0;
      for (const day of days(from, to)) {
        const date = getStateDate(county.villages, day, county.profile);
        expect(date <= day, day).toBe(true);
        if (date !== day) {
          skipped++;
          expect(statesOn(county, date), `${day} printed as of ${date}`).toBe(statesOn(county, day));
        }
      }
      // Most days change no state: those are the days the build publishes without rendering.
      expect(skipped).toBeGreaterThan(100);
    });
  }

  it('stays the same over days on which nothing changes, though a 公示 counts one day less', () => {
    // maqu's 低保 公示 runs 2025-11-17 to 2025-11-24; nothing else happens in the demo county on 2025-11-21/22.
    const on = (d: string) => getStateDate(demo.villages, d, demo.profile);
    expect(on('2025-11-21')).toBe(on('2025-11-20'));
    expect(on('2025-11-22')).toBe(on('2025-11-20'));
    expect(on('2025-11-20') <= '2025-11-20').toBe(true);
  });

  it('moves to the day a 公示 ends and to the day after a quarter’s publication deadline', () => {
    expect(getStateDate(demo.villages, '2025-11-25', demo.profile)).toBe('2025-11-25');
    // Shaanxi: the fourth quarter of 2025 is due by 2026-01-15.
    expect(getStateDate(demo.villages, '2026-01-16', demo.profile)).toBe('2026-01-16');
    expect(getStateDate(demo.villages, '2026-01-17', demo.profile) >= '2026-01-16').toBe(true);
  });
});

describe('an overdue quarter on the public pages and data files', () => {
  const overdue = { kind: 'disclosure', period: '2025年第三季度', periodKey: '2025-q3', deadline: '2025年10月15日', days: 36 } as const;

  it('says its deadline and that it is still missing, not how many days ago the deadline passed', () => {
    expect(renderMessage('disclosure.overdue', toPublicParams({ code: 'disclosure.overdue', params: overdue })).zh).toBe(
      '2025年第三季度的村务公开应于 2025年10月15日 前公布，至今没有。',
    );
    expect(timelinessText({ state: 'overdue', deadline: '2025-10-15', daysLate: 36 }, undefined, false).zh).toBe('应于 2025-10-15 前公开，至今没有');
  });

  it('keeps its day count in the clerk’s check and report', () => {
    expect(renderMessage('disclosure.overdue', overdue).zh).toContain('已逾期 36 天');
    expect(timelinessText({ state: 'overdue', deadline: '2025-10-15', daysLate: 36 }).zh).toContain('已逾期 36 天');
  });

  it('a record dated later than the build says the date is still to come, without the build’s date', () => {
    const params = toPublicParams({ code: 'record.published-future', params: { field: 'publishedAt', date: '2025-12-01', asOf: '2025-11-20' } });
    expect(renderMessage('record.published-future', params).zh).toBe('公开日期 publishedAt: 2025-12-01 还没有到：网站会把还没有张贴的内容显示为已公开。');
  });

  it('minutes of a meeting dated later than the build say the meeting is still to come, without the build’s date', () => {
    const params = toPublicParams({ code: 'record.held-future', params: { date: '2025-12-01', asOf: '2025-11-20' } });
    expect(renderMessage('record.held-future', params).zh).toBe('会议日期 2025-12-01 还没有到：会议记录只能记已经开过的会，网站会把还没有投的票显示为已表决。');
  });
});
