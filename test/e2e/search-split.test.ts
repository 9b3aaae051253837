/**
 * The search page over an index split into township bundles, in Debian's Chromium: the demo's copy
 * indexed with one bundle per township (a real build packs its small townships into one), so a
 * first query searches only the bundles within its byte budget and offers the rest.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCounty } from '../../src/check/load.ts';
import { buildSearchIndex } from '../../src/integrations/search-index.ts';
import { sortableDate, type SplitLexicon } from '../../src/lib/search-bundles.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { copyDemoDist } from '../helpers/dist.ts';
import { ROOT } from '../helpers/fixture-tree.ts';
import { serveDir, type StaticServer } from '../helpers/serve.ts';

let dir: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  dir = copyDemoDist('search-split-e2e');
  await buildSearchIndex({ outDir: dir, county: loadCounty(ROOT, { env: {} }).county! }, { bundlePages: 1 });
  // The demo's one-village bundles cost a query a few KB each (small word chunks), so every one fits the budget: say
  // they cost what a county's bundle does (about 28 KB at 300 villages), so a first query leaves some for later.
  const lexiconFile = join(dir, 'search', 'lexicon.json');
  const lexicon = JSON.parse(readFileSync(lexiconFile, 'utf8')) as SplitLexicon;
  for (const b of lexicon.directory.bundles) b.bytes = Math.max(b.bytes, 28_000);
  rmSync(lexiconFile);
  writeFileSync(lexiconFile, JSON.stringify(lexicon));
  server = await serveDir(dir, { gzip: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function open(path: string) {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page: Page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => void errors.push(String(e)));
  const fetched: string[] = [];
  page.on('response', (r) => void fetched.push(new URL(r.url()).pathname));
  await page.goto(`${server.url}${path}`);
  await page.locator('#search-results li').first().waitFor();
  return { context, page, errors, fetched };
}

const found = async (page: Page) => Number(/找到 (\d+) 条/.exec((await page.locator('#search-status').textContent()) ?? '')?.[1] ?? 0);

describe('the search page over township bundles', () => {
  it('searches some townships first, says which were left out, and searches them when asked', async () => {
    const { context, page, errors } = await open(`/search/?q=${encodeURIComponent('低保')}`);
    try {
      await expect.poll(() => page.locator('#search-rest-box').isVisible()).toBe(true);
      expect(await page.locator('#search-rest-text').textContent()).toMatch(/还有 \d+ 个乡镇没有搜索/);
      const first = await found(page);
      await page.locator('#search-rest').click();
      await expect.poll(() => found(page)).toBeGreaterThan(first);
      expect(await page.locator('#search-rest-box').isVisible()).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a village filter downloads only the bundle of that village’s township', async () => {
    const { context, page, fetched } = await open(`/search/?q=${encodeURIComponent('低保')}&village=${encodeURIComponent('马曲村')}`);
    try {
      expect(await page.locator('.result-village').first().textContent()).toContain('马曲村');
      const bundles = new Set(fetched.flatMap((p) => /\/pagefind\/([0-9a-f]{10})\//.exec(p)?.[1] ?? []));
      expect(bundles.size).toBe(1);
    } finally {
      await context.close();
    }
  });

  it('lists results from every township newest first', async () => {
    const { context, page } = await open(`/search/?q=${encodeURIComponent('低保')}&sort=newest`);
    try {
      await page.locator('#search-rest').click();
      await page.locator('#search-rest-box').waitFor({ state: 'hidden' });
      await page.locator('#search-results li').first().waitFor();
      const dates = (await page.locator('.result-date').allTextContents()).map(sortableDate);
      expect(dates.length).toBeGreaterThan(1);
      expect(dates).toEqual([...dates].sort().reverse());
    } finally {
      await context.close();
    }
  });
});
