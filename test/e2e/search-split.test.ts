/**
 * The search page over an index split into township bundles, on a generated county (bench/gen: 24
 * villages, 2 quarters, two townships) built with the real build. Its own index is one bundle (the
 * county is small); the test indexes a copy again with Pagefind and a page cap of 100
 * (`maxBundlePages`), so each township is over the cap and split by village: bundles of real pages
 * whose real sizes (about 10 KB each) add up to more than a first query's budget, so a first query
 * searches some of them and offers the rest. Then the same in Debian's Chromium.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCounty } from '../../src/check/load.ts';
import type { County } from '../../src/check/model.ts';
import { buildSearchIndex } from '../../src/integrations/search-index.ts';
import { getSearchInput } from '../../src/data/search.ts';
import { sortableDate } from '../../src/lib/search-bundles.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { buildGeneratedCounty, type GeneratedCounty } from '../helpers/generated-county.ts';
import { openLexicon, openSiteSearch, type SiteSearch } from '../helpers/pagefind-node.ts';
import { serveDir, type StaticServer } from '../helpers/serve.ts';

/** Record pages per bundle: below each generated township's (about 170 and 320 pages). */
const CAP = 100;

let generated: GeneratedCounty | undefined;
let dist: string;
let dir: string;
let county: County;
let whole: SiteSearch;
let site: SiteSearch;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  generated = buildGeneratedCounty('split-county', { villages: 24, quarters: 2, seed: 1 });
  dist = generated.dist;
  county = loadCounty(generated.root, { env: {} }).county!;
  dir = join(generated.root, 'split');
  cpSync(dist, dir, { recursive: true });
  await buildSearchIndex({ outDir: dir, search: getSearchInput(county) }, { maxBundlePages: CAP });
  whole = await openSiteSearch(dist);
  site = await openSiteSearch(dir);
  server = await serveDir(dir, { gzip: true });
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await whole?.close();
  await site?.close();
  generated?.remove();
});

/** The directory with every village in its bundle: villages come with the lexicon's shards of their names. */
async function fullDirectory(site: string) {
  return (
    await openLexicon(site).loader.forQuery(
      '',
      county.villages.map((v) => v.data.name),
    )
  ).directory;
}

describe('bundles of a generated county within the page cap', () => {
  it('holds at most the cap in every bundle, splitting each township over it by whole villages', async () => {
    // Township bundles only: the names bundle (the lists on the web) is no township's and counts no pages.
    const bundles = (await fullDirectory(dir)).bundles.filter((b) => !b.names);
    const townships = [...new Set(county.villages.map((v) => v.data.township))];
    const one = whole.lexicon.directory.bundles.filter((b) => !b.names);
    expect(one).toHaveLength(1);
    expect(one[0]!.pages).toBeGreaterThan(CAP);
    for (const b of bundles) expect(b.pages).toBeLessThanOrEqual(CAP);
    for (const t of townships) expect(bundles.filter((b) => b.townships.includes(t)).length).toBeGreaterThan(1);
    // Every village is in exactly one bundle, with its own township.
    for (const v of county.villages) {
      const holding = bundles.filter((b) => b.villages.includes(v.data.name));
      expect(holding, v.id).toHaveLength(1);
      expect(holding[0]!.townships).toEqual([v.data.township]);
    }
    expect(bundles.reduce((n, b) => n + b.pages, 0)).toBe(one[0]!.pages);
  });

  it('finds the same pages in the split bundles as in the build’s one index', async () => {
    for (const q of ['低保', '印花税', '利息', '宅基地', '村民代表会议', '2025年9月']) {
      const a = await whole.search(q, {}, 'relevance', Infinity);
      const b = await site.search(q, {}, 'relevance', Infinity);
      expect(b.urls.sort(), q).toEqual(a.urls.sort());
    }
  });

  it('costs a first query 低保 more than its budget across the bundles, so some are left for later', async () => {
    const r = await site.search('低保');
    expect(r.scope?.now.length).toBeGreaterThan(0);
    expect(r.scope?.later.length).toBeGreaterThan(0);
  });
});

/**
 * Every page here compiles Pagefind's WebAssembly slowly the first time, as a busy phone (or a loaded CI machine) may.
 * Pagefind 1.x keeps one module per page, loaded by each instance that finds none loaded yet: before the fix
 * (src/lib/search-hub.ts) the other bundles' instances compiled it again meanwhile and the slow first compile then
 * replaced theirs under their indexes, so "搜索其余" stopped with "RuntimeError: memory access out of bounds" in every
 * run (the flake of sessions 10–11, seen in CI). The page counts compilations in `window.__wasmCompiled`.
 */
function slowFirstCompile() {
  const instantiate = WebAssembly.instantiate.bind(WebAssembly) as (...a: unknown[]) => Promise<unknown>;
  const w = window as unknown as { __wasmCompiled: number };
  w.__wasmCompiled = 0;
  (WebAssembly as unknown as { instantiate: unknown }).instantiate = async (...a: unknown[]) => {
    const first = w.__wasmCompiled++ === 0;
    const made = await instantiate(...a);
    if (first) await new Promise((r) => setTimeout(r, 500));
    return made;
  };
}

async function open(path: string, prepare?: (page: Page) => Promise<unknown>) {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page: Page = await context.newPage();
  // Below the test's 30 s, so that a wait that fails says why (`explain`) before the test is stopped.
  page.setDefaultTimeout(20_000);
  await page.addInitScript(slowFirstCompile);
  const errors: string[] = [];
  // What a failure report needs (a CI run that times out): the page's errors, console and failed requests.
  const log: string[] = [];
  page.on('pageerror', (e) => void (errors.push(String(e)), log.push(`page error: ${String(e)}`)));
  page.on('console', (m) => void log.push(`console.${m.type()}: ${m.text()}`));
  page.on('requestfailed', (r) => void log.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
  const fetched: string[] = [];
  page.on('response', (r) => void fetched.push(new URL(r.url()).pathname));
  await prepare?.(page);
  const started = Date.now();
  /** Runs `step`; when it fails, the error says what the page showed and logged. */
  const explain = async <T>(step: () => Promise<T>): Promise<T> => {
    try {
      return await step();
    } catch (error) {
      const status = await page
        .locator('#search-status')
        .textContent({ timeout: 1000 })
        .catch(() => '(unreadable)');
      const compiled = await page.evaluate(() => (window as unknown as { __wasmCompiled: number }).__wasmCompiled).catch(() => '?');
      throw new Error(
        [String(error), `after ${Date.now() - started} ms; #search-status: ${status}; WebAssembly compiled ${compiled} times`, ...log.slice(-30)].join('\n'),
        { cause: error },
      );
    }
  };
  await page.goto(`${server.url}${path}`);
  await explain(() => page.locator('#search-results li').first().waitFor());
  const compiled = () => page.evaluate(() => (window as unknown as { __wasmCompiled: number }).__wasmCompiled);
  return { context, page, errors, fetched, explain, compiled };
}

const found = async (page: Page) => Number(/找到 (\d+) 条/.exec((await page.locator('#search-status').textContent()) ?? '')?.[1] ?? 0);

describe('the search page over township bundles', () => {
  it('searches some townships first, says which were left out, and searches them when asked', async () => {
    const { context, page, errors, explain } = await open(`/search/?q=${encodeURIComponent('低保')}`);
    try {
      await expect.poll(() => page.locator('#search-rest-box').isVisible()).toBe(true);
      expect(await page.locator('#search-rest-text').textContent()).toMatch(/还有 \d+ 个乡镇没有搜索/);
      const first = await found(page);
      await page.locator('#search-rest').click();
      await explain(() => expect.poll(() => found(page)).toBeGreaterThan(first));
      expect(await found(page)).toBe((await whole.search('低保', {}, 'relevance', Infinity)).outcome.hits.length);
      expect(await page.locator('#search-rest-box').isVisible()).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a village filter downloads only the bundle that holds that village', async () => {
    // A village with a 低保 notice.
    const id = /\/v\/([^/]+)\//.exec((await whole.search('低保', {}, 'relevance', Infinity)).urls[0]!)![1];
    const village = county.villages.find((v) => v.id === id)!.data.name;
    const { context, page, fetched } = await open(`/search/?q=${encodeURIComponent('低保')}&village=${encodeURIComponent(village)}`);
    try {
      expect(await page.locator('.result-village').first().textContent()).toContain(village);
      const bundles = new Set(fetched.flatMap((p) => /\/pagefind\/([0-9a-f]{10})\//.exec(p)?.[1] ?? []));
      expect([...bundles]).toEqual([(await fullDirectory(dir)).bundles.find((b) => b.villages.includes(village))!.id]);
    } finally {
      await context.close();
    }
  });

  it('lists results from every township newest first, with Pagefind’s WebAssembly compiled once however slowly', async () => {
    const { context, page, errors, explain, compiled } = await open(`/search/?q=${encodeURIComponent('低保')}&sort=newest`);
    try {
      await page.locator('#search-rest').click();
      await explain(async () => {
        await page.locator('#search-rest-box').waitFor({ state: 'hidden' });
        await expect.poll(() => found(page)).toBe((await whole.search('低保', {}, 'relevance', Infinity)).outcome.hits.length);
      });
      // The count is said first; the results' data follow (a loaded machine shows the gap).
      await expect.poll(() => page.locator('.result-date').count()).toBeGreaterThan(1);
      const dates = (await page.locator('.result-date').allTextContents()).map(sortableDate);
      expect(dates).toEqual([...dates].sort().reverse());
      expect(await compiled()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows the other townships’ results when one township’s bundle does not load, says which, and finds it with the button below', async () => {
    const first = await site.search('低保');
    const broken = (await fullDirectory(dir)).bundles[first.scope!.now[0]!]!;
    let refused = 0;
    const { context, page, explain } = await open(`/search/?q=${encodeURIComponent('低保')}`, (p) =>
      p.route(`**/pagefind/${broken.id}/**`, (route) => (refused++, route.abort('connectionreset'))),
    );
    try {
      expect(refused).toBeGreaterThan(0);
      const status = (await page.locator('#search-status').textContent()) ?? '';
      expect(status).toMatch(/^找到 \d+ 条/);
      expect(status).toContain(`${broken.townships[0]}`);
      expect(status).toMatch(/这次没能搜索.*请按下面的“搜索其余”按钮，或过一会儿再搜索。$/);
      expect(await found(page)).toBeLessThan(first.outcome.hits.length);
      // The connection is back: the button searches every township, the one that failed too.
      await page.unroute(`**/pagefind/${broken.id}/**`);
      await page.locator('#search-rest').click();
      await explain(async () => expect.poll(() => found(page)).toBe((await whole.search('低保', {}, 'relevance', Infinity)).outcome.hits.length));
      expect(await page.locator('#search-status').textContent()).not.toContain('没能搜索');
    } finally {
      await context.close();
    }
  });

  it('goes on without a township whose bundle never answers (a stalled connection), after 15 s, and says which', { timeout: 90_000 }, async () => {
    const first = await site.search('低保');
    const stalled = (await fullDirectory(dir)).bundles[first.scope!.now[0]!]!;
    const { context, page } = await open(`/search/?q=${encodeURIComponent('低保')}`, async (p) => {
      p.setDefaultTimeout(60_000);
      // Requests for the bundle's files are left unanswered.
      await p.route(`**/pagefind/${stalled.id}/**`, () => new Promise<void>(() => {}));
    });
    try {
      const status = (await page.locator('#search-status').textContent()) ?? '';
      expect(status).toMatch(/^找到 \d+ 条/);
      expect(status).toMatch(new RegExp(`${stalled.townships[0]}.*这次没能搜索.*过一会儿再搜索。$`));
      expect(await found(page)).toBeLessThan(first.outcome.hits.length);
    } finally {
      await context.close();
    }
  });
});
