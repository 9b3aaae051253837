/**
 * A new day renders again only the village data files and feeds that depend on the date
 * (src/records/dated.ts `VillageFileDate`); every other one is carried over from the day before. So
 * a file declared free of the date must be the same bytes on any two days, and a file that depends
 * on the date only through the notices still published must be the same bytes on two days with the
 * same notices published.
 */
import { describe, expect, it } from 'vitest';
import { loadCounty } from '../../src/check/load.ts';
import type { County } from '../../src/check/model.ts';
import { buildAtomFeed, buildJsonFeed, getFeedDate, listFeedEntries } from '../../src/opendata/feeds.ts';
import { buildDataFiles, getDataFileDate, type DataFile } from '../../src/opendata/files.ts';
import { getFindingsByVillage } from '../../src/opendata/findings.ts';
import { isNoticeUnpublished } from '../../src/records/dated.ts';
import { ROOT } from '../helpers/fixture-tree.ts';

const countyOn = (asOf: string) => {
  const r = loadCounty(ROOT, { env: { GONGKAI_AS_OF: asOf } });
  return { county: r.county!, findings: getFindingsByVillage(r.county!, r.problems) };
};

async function villageFiles(day: { county: County; findings: ReturnType<typeof getFindingsByVillage> }, id: string) {
  const v = day.county.villages.find((x) => x.id === id)!;
  const data = await buildDataFiles({
    county: day.county,
    villages: [v],
    findings: day.findings,
    folderUrl: `https://example.cn/v/${id}/data/`,
    pageUrl: 'https://example.cn/data/',
    label: v.data.name,
    name: `gongkai-${id}`,
  });
  const scope = {
    county: day.county,
    villages: [v],
    baseUrl: 'https://example.cn/',
    title: v.data.name,
    homeUrl: `https://example.cn/v/${id}/`,
    atomUrl: `https://example.cn/v/${id}/feed.xml`,
    jsonUrl: `https://example.cn/v/${id}/feed.json`,
    dataUrl: `https://example.cn/v/${id}/#data`,
  };
  const entries = listFeedEntries(scope);
  const feeds: DataFile[] = [
    { name: 'feed.xml', title: '', format: 'md', body: Buffer.from(buildAtomFeed(scope, entries)) },
    { name: 'feed.json', title: '', format: 'json', body: Buffer.from(buildJsonFeed(scope, entries)) },
  ];
  const published = v.notices.filter((n) => !isNoticeUnpublished(n, day.county.asOf)).map((n) => n.id);
  return { data, feeds, feedDate: getFeedDate(v, day.county.asOf), published };
}

// Next days, a notice's names leaving the site (dongxing, after 2026-03-15), and months apart.
const PAIRS: [string, string][] = [
  ['2025-11-20', '2025-11-21'],
  ['2026-03-15', '2026-03-16'],
  ['2025-08-01', '2026-06-30'],
];

describe('the village data files and feeds on two days', () => {
  it.each(PAIRS)('are the same bytes on %s and %s unless they are declared to depend on the date', async (a, b) => {
    const dayA = countyOn(a);
    const dayB = countyOn(b);
    let compared = 0;
    let dated = 0;
    for (const v of dayA.county.villages) {
      const x = await villageFiles(dayA, v.id);
      const y = await villageFiles(dayB, v.id);
      const samePublished = JSON.stringify(x.published) === JSON.stringify(y.published);
      const files = [
        ...x.data.map((f, i) => ({ name: f.name, date: getDataFileDate(f.name), a: f.body, b: y.data[i]!.body })),
        ...x.feeds.map((f, i) => ({
          name: f.name,
          date: x.feedDate === 'as-of' || y.feedDate === 'as-of' ? 'as-of' : x.feedDate,
          a: f.body,
          b: y.feeds[i]!.body,
        })),
      ];
      for (const f of files) {
        if (f.date === 'as-of') {
          dated += f.a.equals(f.b) ? 0 : 1;
          continue;
        }
        if (f.date === 'notices' && !samePublished) continue;
        expect(f.b.equals(f.a), `${v.id}/${f.name} changed from ${a} to ${b} but is declared ${f.date ?? 'free of the date'}`).toBe(true);
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(30);
    // Months apart, the day's findings (and so the descriptor, which hashes them) did change.
    if (a.slice(0, 4) !== b.slice(0, 4)) expect(dated).toBeGreaterThan(0);
  });

  it('gives a village the same workbook, README and descriptor the next day when its findings did not change', async () => {
    const dayA = countyOn('2025-11-20');
    const dayB = countyOn('2025-11-21');
    let same = 0;
    for (const v of dayA.county.villages) {
      const x = await villageFiles(dayA, v.id);
      const y = await villageFiles(dayB, v.id);
      const body = (files: DataFile[], name: string) => files.find((f) => f.name === name)!.body;
      // 温水村's overdue quarter counts one day more: its findings, and so its descriptor, change.
      if (!body(y.data, 'compliance-findings.csv').equals(body(x.data, 'compliance-findings.csv'))) continue;
      same += 1;
      for (const name of ['ledgers.xlsx', 'README.md', 'datapackage.json']) expect(body(y.data, name).equals(body(x.data, name)), `${v.id}/${name}`).toBe(true);
      expect(body(y.data, 'README.md').toString('utf8')).toMatch(/最新一条记录的日期是 \d{4}-\d{2}-\d{2}/);
    }
    expect(same).toBeGreaterThanOrEqual(3);
  });

  it('declares the descriptor and the findings as depending on the day, the workbook and README not, and the notice tables as listing notices', () => {
    expect(['ledgers.xlsx', 'datapackage.json', 'README.md', 'compliance-findings.csv'].map(getDataFileDate)).toEqual([undefined, 'as-of', undefined, 'as-of']);
    expect(['notices.csv', 'notice-subjects.csv'].map(getDataFileDate)).toEqual(['notices', 'notices']);
    expect(['ledgers.csv', 'ledger-entries.csv', 'meetings.csv'].map(getDataFileDate)).toEqual([undefined, undefined, undefined]);
  });
});
