/**
 * A new day on which a 公示 ends: the county is built on its last day, then again on the next day (an incremental build),
 * and the search page of each day's site is used in Chromium. The 公示's state is no part of the search index (its
 * period is: src/lib/notice-posting.ts), so the new day re-indexes no township, and the search page still says the
 * state of the day and filters by it (公示状态). The new day's output is the same as a full build's of that day.
 */

import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { makeTree } from '../helpers/fixture-tree.ts';
import { addProjectCode, buildAsOf } from '../helpers/project-tree.ts';
import { serveDir } from '../helpers/serve.ts';
import { digestTree as digest } from '../helpers/tree-digest.ts';

// A project of its own (tree.root/scripts/build.ts), so its builds never touch this checkout's folders.
const tree = makeTree();
const buildScript = addProjectCode(tree.root);
const build = (asOf: string, ...args: string[]) => buildAsOf(buildScript, tree.root, asOf, '--no-posters', ...args);

// maqu's 低保 公示 is posted from 2025-11-17 to 2025-11-24; every other 公示 of the demo has ended by then.
const TITLE = '马曲村2025年第四季度低保初审对象公示';
const LAST_DAY = '2025-11-24';
const NEXT_DAY = '2025-11-25';

let browser: Browser;
/** What the search page shows on each day's site: the 公示's state beside it, and what each 公示状态 keeps. */
const seen: Record<string, { state: string; running: string[]; ended: string[]; runningStatus: string; typed: string[]; typedStatus: string }> = {};
let firstLog = '';
let nextLog = '';
let dayBefore: Record<string, string> = {};

/** The visible results' titles and the status line once a search with `params` has answered. */
async function results(page: Page, url: string, params: string) {
  await page.goto(`${url}/search/?${params}`);
  // The status is written first, then the first screen of results is drawn at once.
  await page.waitForFunction(() => {
    const s = document.getElementById('search-status')?.textContent ?? '';
    return s !== '' && s !== '正在搜索……' && (!s.startsWith('找到') || document.querySelector('#search-results li') !== null);
  });
  return { titles: await page.locator('.result-title').allTextContents(), status: (await page.locator('#search-status').textContent()) ?? '' };
}

/** Uses the search page of the site in dist/ as it is now (the release the last build made). */
async function useSearchPage(day: string) {
  const dir = realpathSync(join(tree.root, 'dist'));
  const server = await serveDir(dir, { gzip: true });
  const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => void errors.push(String(e)));
  try {
    await results(page, server.url, `q=${encodeURIComponent('低保初审')}`);
    const item = page.locator('.result', { has: page.locator('.result-title', { hasText: TITLE }) });
    const state = (await item.locator('.result-state').textContent()) ?? '';
    // The state typed as villagers type it: no filter chosen.
    const typed = await results(page, server.url, `q=${encodeURIComponent('正在公示的低保')}`);
    const running = await results(page, server.url, 'state=running');
    // Chosen in the form, as a villager does: the filter applies to a query too. (The filters are open: the link chose one.)
    expect(await page.locator('#filters').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await page.locator('#q').fill('公示');
    await page.locator('#f-state').selectOption('ended');
    await page.waitForFunction(
      () => /公示期已结束）/.test(document.getElementById('search-status')?.textContent ?? '') && document.querySelector('#search-results li') !== null,
    );
    const ended = await page.locator('.result-title').allTextContents();
    expect(errors).toEqual([]);
    seen[day] = { state, running: running.titles, ended, runningStatus: running.status, typed: typed.titles, typedStatus: typed.status };
  } finally {
    await page.close();
    await server.close();
  }
}

beforeAll(async () => {
  browser = await launchBrowser();
  firstLog = build(LAST_DAY);
  await useSearchPage(LAST_DAY);
  dayBefore = digest(join(tree.root, 'dist', 'pagefind'));
  nextLog = build(NEXT_DAY);
  await useSearchPage(NEXT_DAY);
  build(NEXT_DAY, '--out', join(tree.root, 'full'), '--full');
}, 900_000);

afterAll(async () => {
  await browser?.close();
  tree.cleanup();
});

describe('the search page on a new day on which a 公示 ends', () => {
  it('indexes no township again: every bundle and its files are the last build’s', () => {
    expect(firstLog).toMatch(/Indexed \d+ record pages, \d+ KB; [1-9]\d* township\(s\) indexed, 0 reused\./);
    // The 公示's page and its village were rendered again (its state changed), yet its bundle reads the same.
    expect(nextLog).toContain('Incremental build: 0 village(s) changed');
    expect(nextLog).toMatch(/Indexed \d+ record pages, \d+ KB; 0 township\(s\) indexed, [1-9]\d* reused\./);
    expect(digest(join(tree.root, 'dist', 'pagefind'))).toEqual(dayBefore);
  });

  it('says the 公示 is posted until its last day on that day, and that its period has ended on the next', () => {
    expect(seen[LAST_DAY]!.state).toBe('公示至2025年11月24日');
    expect(seen[NEXT_DAY]!.state).toBe('公示期已结束');
  });

  it('lists the 公示 under 正在公示 on its last day and under 公示期已结束 on the next day, and nowhere else', () => {
    expect(seen[LAST_DAY]!.running).toEqual([TITLE]);
    expect(seen[LAST_DAY]!.runningStatus).toBe('找到 1 条记录（正在公示）。');
    expect(seen[LAST_DAY]!.ended.length).toBeGreaterThan(0);
    expect(seen[LAST_DAY]!.ended).not.toContain(TITLE);
    expect(seen[NEXT_DAY]!.running).toEqual([]);
    expect(seen[NEXT_DAY]!.runningStatus).toMatch(/^没有找到记录（正在公示）。/);
    expect(seen[NEXT_DAY]!.ended).toContain(TITLE);
    expect(seen[NEXT_DAY]!.ended.length).toBe(seen[LAST_DAY]!.ended.length + 1);
  });

  it('finds the 公示 for 正在公示的低保 typed into the box on its last day, and not on the next', () => {
    expect(seen[LAST_DAY]!.typed).toEqual([TITLE]);
    expect(seen[LAST_DAY]!.typedStatus).toMatch(/^找到 1 条含有“低保”.*的记录（正在公示）/);
    expect(seen[NEXT_DAY]!.typed).toEqual([]);
    expect(seen[NEXT_DAY]!.typedStatus).toMatch(/（正在公示）/);
  });

  it('gives byte-identical output to a full build of the new day', () => {
    const inc = digest(join(tree.root, 'dist'));
    const full = digest(join(tree.root, 'full'));
    expect(Object.keys(inc).sort()).toEqual(Object.keys(full).sort());
    expect(inc).toEqual(full);
  });
});
