/**
 * The 公示状态 filter (`?state=…`) keeps a township's 公示 by the periods in its bundle's postings.json
 * (src/lib/notice-posting.ts), fetched by the search page only for that filter (src/client/search-page.ts `loadPostings`).
 * In Debian's Chromium, on the demo build with a bundle per township: when one township's postings file fails or never answers, the search shows
 * the other townships' 公示, names the township left out, and a later search finds it once the file answers.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCounty } from '../../src/check/load.ts';
import { getSearchInput } from '../../src/data/search.ts';
import { buildSearchIndex } from '../../src/integrations/search-index.ts';
import { POSTINGS_FILE } from '../../src/lib/notice-posting.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { copyDemoDist } from '../helpers/dist.ts';
import { ROOT } from '../helpers/fixture-tree.ts';
import { openLexicon } from '../helpers/pagefind-node.ts';
import { serveDir, type StaticServer } from '../helpers/serve.ts';

let dist: string;
let server: StaticServer;
let browser: Browser;
/** Every bundle with its postings file: its id, townships and villages. */
let bundles: { id: string; townships: string[]; villages: string[] }[];
/** What `?state=ended` shows when every file answers: each result's village. */
let everyVillage: string[];

const STATE = 'ended';

/** The search page at `?state=ended`, after `prepare`; resolves once the status says what was found. */
async function searchEnded(prepare?: (page: Page) => Promise<unknown>) {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => void errors.push(String(e)));
  await prepare?.(page);
  await page.goto(`${server.url}/search/?state=${STATE}`);
  await answered(page);
  return { context, page, errors };
}

/** Waits (up to a minute: a stalled file is given 15 s) until the search has answered and drawn its first results. */
async function answered(page: Page) {
  await page.waitForFunction(
    () => {
      const s = document.getElementById('search-status')?.textContent ?? '';
      return s !== '' && s !== '正在搜索……' && (!s.startsWith('找到') || document.querySelector('#search-results li') !== null);
    },
    undefined,
    { timeout: 60_000 },
  );
}

/** The villages of every result the search found (shown, and those behind “显示更多结果”). */
async function resultVillages(page: Page): Promise<string[]> {
  while (await page.locator('#search-more').isVisible()) {
    const before = await page.locator('#search-results li').count();
    await page.locator('#search-more').click();
    await expect.poll(() => page.locator('#search-results li').count()).toBeGreaterThan(before);
  }
  return (await page.locator('.result-village').allTextContents()).map((t) => t.trim());
}

beforeAll(async () => {
  // The demo's index is one bundle (four small townships packed together); indexed again as a county of big townships
  // (each at least one page: `bundlePages`), as test/e2e/search-split.test.ts does, each is a bundle with its own postings file.
  dist = copyDemoDist('search-postings');
  const county = loadCounty(ROOT, { env: { GONGKAI_AS_OF: '' } }).county!;
  await buildSearchIndex({ outDir: dist, search: getSearchInput(county) }, { bundlePages: 1 });
  // The directory with every village in its bundle: villages come with the lexicon's shards of their names.
  const directory = (
    await openLexicon(dist).loader.forQuery(
      '',
      county.villages.map((v) => v.data.name),
    )
  ).directory;
  bundles = directory.bundles.filter((b) => existsSync(join(dist, 'pagefind', b.id, POSTINGS_FILE)));
  server = await serveDir(dist, { gzip: true });
  browser = await launchBrowser();
  const { context, page, errors } = await searchEnded();
  everyVillage = await resultVillages(page);
  expect(errors).toEqual([]);
  await context.close();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The bundle whose postings file is held back: one whose villages have 公示 that ended. */
function heldBack() {
  const b = bundles.find((x) => x.villages.some((v) => everyVillage.some((r) => r.includes(v))));
  if (!b) throw new Error('no bundle with an ended 公示');
  return b;
}

/**
 * Holds back the postings file of `bundle` with `answer` (a failed or never-answering request), checks the search shows
 * the other townships' 公示 and names the township left out, then lets the file through and searches again.
 */
async function leftOutThenFound(answer: (route: Route) => Promise<void>) {
  const bundle = heldBack();
  const pattern = `**/pagefind/${bundle.id}/${POSTINGS_FILE}`;
  let asked = 0;
  const { context, page, errors } = await searchEnded((p) => p.route(pattern, (route) => (asked++, answer(route))));
  try {
    expect(asked).toBeGreaterThan(0);
    const status = (await page.locator('#search-status').textContent()) ?? '';
    expect(status).toMatch(/^找到 \d+ 条/);
    expect(status).toContain('公示期已结束');
    expect(status).toMatch(new RegExp(`${bundle.townships[0]}.*这次没能搜索.*过一会儿再搜索。$`));
    const shown = await resultVillages(page);
    // The other townships' 公示, and none of the one left out.
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.filter((v) => bundle.villages.some((b) => v.includes(b)))).toEqual([]);
    expect(shown.length).toBeLessThan(everyVillage.length);
    // The file answers again: the button below the status searches again, and finds every 公示 that ended.
    await page.unroute(pattern);
    await page.locator('#search-rest').click();
    await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 20_000 }).not.toContain('没能搜索');
    await answered(page);
    expect((await resultVillages(page)).sort()).toEqual([...everyVillage].sort());
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
}

describe('the 公示状态 filter when one township’s postings file does not load', () => {
  it('finds 公示 of more than one township, each in a bundle of its own, when every file answers', () => {
    const withResults = bundles.filter((b) => b.villages.some((v) => everyVillage.some((r) => r.includes(v))));
    expect(withResults.length).toBeGreaterThan(1);
    for (const b of withResults) expect(b.townships).toHaveLength(1);
  });

  it('shows the other townships’ 公示 when the file fails (503), names the township left out, and finds it when searched again', async () => {
    await leftOutThenFound((route) => route.fulfill({ status: 503, body: 'unavailable' }));
  });

  it(
    'shows the other townships’ 公示 when the file never answers, after 15 s, names the township, and finds it when searched again',
    { timeout: 90_000 },
    async () => {
      await leftOutThenFound(() => new Promise<void>(() => {}));
    },
  );

  it('treats a bundle without a postings file (a township with no 公示 periods) as having none, not as failed', async () => {
    const bundle = heldBack();
    const { context, page } = await searchEnded((p) =>
      p.route(`**/pagefind/${bundle.id}/${POSTINGS_FILE}`, (route) => route.fulfill({ status: 404, body: 'not found' })),
    );
    try {
      const status = (await page.locator('#search-status').textContent()) ?? '';
      expect(status).not.toContain('没能搜索');
      expect(await page.locator('#search-rest-box').isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });
});
