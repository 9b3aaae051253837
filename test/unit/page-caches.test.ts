/**
 * The pages' per-build caches in src/data/ (each village's poster plan, each scope's data files) are
 * keyed by the county handed over, so two counties in one process (tests, the province build) never
 * see each other's posters or data files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BuildContext } from '../../src/build/context.ts';
import { provideBuildContext } from '../../src/build/handover.ts';
import { loadCounty } from '../../src/check/load.ts';
import type { County } from '../../src/check/model.ts';
import { getDataFiles } from '../../src/data/opendata.ts';
import { getVillagePostersView } from '../../src/data/posters.ts';
import { ROOT } from '../helpers/fixture-tree.ts';

const root = mkdtempSync(join(tmpdir(), 'gongkai-page-caches-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const hand = (county: County) => provideBuildContext({ root, project: ROOT, asOf: county.asOf, county, problems: [] } as unknown as BuildContext);

/** The demo county with the title of maqu's 2025-q3 disclosure changed to `title`. */
function countyTitled(title: string): County {
  const county = loadCounty(ROOT, { env: {} }).county!;
  const d = county.villages.find((v) => v.id === 'maqu')!.disclosures.find((x) => x.id === '2025-q3')!;
  d.data = { ...d.data, title };
  return county;
}

const posterTitles = () => getVillagePostersView('maqu').quarters.flatMap((q) => q.posters.map((p) => p.title));
const disclosuresCsv = async () => (await getDataFiles('maqu')).find((f) => f.name === 'disclosures.csv')!.body.toString('utf8');

describe('the pages of two counties in one process', () => {
  it("give each county its own posters on the village's print page, planned once per county even when another county was handed over in between", () => {
    const first = countyTitled('第一个县的季度公开');
    const second = countyTitled('第二个县的季度公开');
    hand(first);
    expect(posterTitles()).toContain('第一个县的季度公开');
    hand(second);
    expect(posterTitles()).toContain('第二个县的季度公开');
    expect(posterTitles()).not.toContain('第一个县的季度公开');
    // A plan is made once per county and village: a title changed now is not planned again.
    const d = first.villages.find((v) => v.id === 'maqu')!.disclosures.find((x) => x.id === '2025-q3')!;
    d.data = { ...d.data, title: '改过的标题' };
    hand(first);
    expect(posterTitles()).toContain('第一个县的季度公开');
    expect(posterTitles()).not.toContain('改过的标题');
  });

  it('give each county its own village data files, built once per county even when another county was handed over in between', async () => {
    const first = countyTitled('第一个县的季度公开');
    const second = countyTitled('第二个县的季度公开');
    hand(first);
    const files = getDataFiles('maqu');
    expect(await disclosuresCsv()).toContain('第一个县的季度公开');
    hand(second);
    expect(await disclosuresCsv()).toContain('第二个县的季度公开');
    expect(await disclosuresCsv()).not.toContain('第一个县的季度公开');
    hand(first);
    expect(getDataFiles('maqu')).toBe(files);
  });
});
