/**
 * The county-wide pages of a large county (issue 18: each within its budget at 1,000 villages): above
 * VILLAGES_LISTED_MAX villages, the home page and the search page's 按村浏览 name each township once, linking its
 * page of village cards, instead of listing every village; a small county (the demo) still lists every village.
 * Checked on the view-models of a generated county just over the limit (its pages are rendered from these alone).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCounty } from '../../bench/gen/county.ts';
import type { BuildContext } from '../../src/build/context.ts';
import { provideBuildContext } from '../../src/build/handover.ts';
import { loadCounty } from '../../src/check/load.ts';
import type { County } from '../../src/check/model.ts';
import { getSearchPageView } from '../../src/data/search.ts';
import { getHomeView, VILLAGES_LISTED_MAX } from '../../src/data/views.ts';
import { ROOT } from '../helpers/fixture-tree.ts';

/** The generator puts 16 villages in a township: 64 villages are four townships, over the limit of 60. */
const VILLAGES = 64;
const root = mkdtempSync(join(tmpdir(), 'gongkai-county-wide-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
for (const f of generateCounty({ villages: VILLAGES, quarters: 1, seed: 2 }).files) {
  mkdirSync(dirname(join(root, f.path)), { recursive: true });
  writeFileSync(join(root, f.path), f.text);
}
const large = loadCounty(root).county!;
const demo = loadCounty(ROOT).county!;

const use = (county: County, at: string) =>
  provideBuildContext({ root: at, project: ROOT, outDir: at, county, problems: [], asOf: county.asOf } as unknown as BuildContext);

describe('the county-wide pages of a county over the listing limit', () => {
  it('is a county over the limit, in several townships', () => {
    expect(large.villages.length).toBeGreaterThan(VILLAGES_LISTED_MAX);
    expect(new Set(large.villages.map((v) => v.data.township)).size).toBeGreaterThan(1);
  });

  it('the search page’s 按村浏览 links each township’s page once, with its number of villages, and no village board', () => {
    use(large, root);
    const view = getSearchPageView();
    expect(view.villagesListed).toBe(false);
    expect(view.villageCount).toBe(VILLAGES);
    const townships = [...new Set(large.villages.map((v) => v.data.township))];
    expect(view.townships.map((t) => t.name)).toEqual(townships);
    for (const t of view.townships) {
      expect(t.href, t.name).toMatch(/^\/t\/[a-z0-9-]+\/$/);
      expect(t.villageCount, t.name).toBe(large.villages.filter((v) => v.data.township === t.name).length);
      expect(t.villages, t.name).toEqual([]);
    }
    // The village filter still offers every village (the filter the search runs on).
    expect(view.filters.find((f) => f.key === 'village')!.options).toEqual(large.villages.map((v) => v.data.name));
  });

  it('the home page shows a line per township and no village cards', () => {
    use(large, root);
    expect(getHomeView().showCards).toBe(false);
  });
});

describe('the county-wide pages of a small county (the demo)', () => {
  it('the search page’s 按村浏览 lists every village board, by township', () => {
    use(demo, ROOT);
    const view = getSearchPageView();
    expect(view.villagesListed).toBe(true);
    expect(view.townships.flatMap((t) => t.villages.map((v) => v.href))).toEqual(expect.arrayContaining(demo.villages.map((v) => `/v/${v.id}/`)));
    expect(view.townships.reduce((n, t) => n + t.villages.length, 0)).toBe(demo.villages.length);
  });
});
