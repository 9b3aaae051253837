/**
 * The search page in Debian's Chromium, served like a static host (gzip for text files) over a
 * connection throttled to 1.6 Mbps: what a villager downloads for the first query, typing a
 * query, narrowing it to a village, opening a result; pinyin; no JavaScript; large type.
 */
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { ensureDemoDist } from '../helpers/dist.ts';
import { serveDir, type StaticServer } from '../helpers/serve.ts';
import { FIRST_QUERY_BYTES } from '../../src/lib/search-bundles.ts';
import { PAGE_SIZE } from '../../src/lib/search-run.ts';

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveDir(ensureDemoDist().dist, { gzip: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A phone-sized page that records console errors and every response's transferred bytes. */
async function openPhone(options: { javaScriptEnabled?: boolean } = {}) {
  // bypassCSP: the accessibility check injects axe-core, which the site's strict policy would block.
  const context: BrowserContext = await browser.newContext({ viewport: { width: 375, height: 800 }, bypassCSP: true, ...options });
  const page: Page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  page.on('pageerror', (e) => void errors.push(String(e)));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  // 1.6 Mbps down, 0.4 Mbps up, 150 ms round trip: a cheap phone on a rural connection.
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 400_000 / 8 });
  const urls = new Map<string, string>();
  const transfers: { url: string; bytes: number }[] = [];
  cdp.on('Network.responseReceived', (e) => void urls.set(e.requestId, e.response.url));
  cdp.on('Network.loadingFinished', (e) => void transfers.push({ url: urls.get(e.requestId) ?? '?', bytes: e.encodedDataLength }));
  return { context, page, errors, transfers };
}

const statusText = (page: Page) => page.locator('#search-status').textContent();

/** Types `q` into the search box and presses Enter; resolves once the page no longer says 正在搜索. */
async function typeSearch(page: Page, q: string) {
  await page.locator('#q').fill(q);
  await page.locator('#q').press('Enter');
  await page.waitForFunction(() => !document.getElementById('search-status')?.textContent?.includes('正在搜索'));
}

describe('the search page in a real browser', () => {
  it('finds 低保 records, narrows them to one village and opens one; the first query downloads at most 150 KB', async () => {
    const { context, page, errors, transfers } = await openPhone();
    const started = Date.now();
    await page.goto(`${server.url}/search/`);
    await page.locator('#q').fill('低保');
    await page.locator('#q').press('Enter');
    await page.locator('#search-results li').first().waitFor();
    await page.waitForLoadState('networkidle');
    const seconds = (Date.now() - started) / 1000;
    const total = transfers.reduce((sum, t) => sum + t.bytes, 0);
    const breakdown = transfers.map((t) => `${new URL(t.url).pathname.replace(/^.*\//, '') || 'search/'} ${(t.bytes / 1000).toFixed(1)}`).join(', ');
    console.log(
      `first query: ${(total / 1000).toFixed(1)} KB in ${transfers.length} responses, ${seconds.toFixed(1)} s at 1.6 Mbps (page load included): ${breakdown}`,
    );
    expect(total).toBeLessThanOrEqual(FIRST_QUERY_BYTES);

    expect(await statusText(page)).toBe('找到 10 条含有“低保”的记录。');
    expect(await page.locator('.result-title').first().textContent()).toBe('马曲村2025年第四季度低保初审对象公示');
    // A 公示 says its state on the site's as-of date, as its page does.
    expect(await page.locator('.result-meta').first().textContent()).toBe('天成镇 马曲村 · 2025年11月17日 · 公示 · 公示至2025年11月24日');
    expect(await page.locator('.result-excerpt mark').count()).toBeGreaterThan(0);
    // Excerpts end at a sentence, or with “…” where the page goes on; none breaks off inside a word (低保初审。公).
    const excerpts = await page.locator('.result-excerpt').allTextContents();
    expect(excerpts.filter((e) => !/[。！？；…]$/.test(e.trim()))).toEqual([]);

    await page.locator('#filters summary').click();
    await page.locator('#f-village').selectOption('马曲村');
    await page.waitForFunction(() => document.getElementById('search-status')?.textContent === '找到 4 条含有“低保”的记录（马曲村）。');
    const villages = await page.locator('.result-village').allTextContents();
    expect(villages.length).toBe(4);
    expect(villages.every((v) => v.endsWith('马曲村'))).toBe(true);
    expect(decodeURIComponent(page.url())).toContain('?q=低保&village=马曲村');

    await Promise.all([page.waitForURL('**/v/maqu/notices/2025-11-17-dibao/'), page.locator('.result-title').first().click()]);
    expect(await page.locator('h1').textContent()).toBe('马曲村2025年第四季度低保初审对象公示');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows excerpts that begin with the record’s own words, never with a table’s header cells: 村集体 on the disclosures reads “CW-04 村集体…”', async () => {
    const { context, page, errors } = await openPhone();
    await page.goto(`${server.url}/search/`);
    await typeSearch(page, '村集体');
    const excerpts = await page.locator('.result-excerpt').allTextContents();
    expect(excerpts.some((e) => /CW-04 村集体/.test(e))).toBe(true);
    // The catalogue table's header row (目录编号 事项 公开内容) is not indexed, so no excerpt can begin with it.
    expect(excerpts.filter((e) => /目录编号|公开内容 CW/.test(e))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finds a 公示 by a masked name or a household’s amount on its list, fetching the names bundle only for such a query', async () => {
    const { context, page, errors, transfers } = await openPhone();
    await page.goto(`${server.url}/search/`);
    const search = async (q: string) => {
      await typeSearch(page, q);
      await page.waitForLoadState('networkidle');
    };
    const names = () => transfers.filter((t) => new URL(t.url).pathname.includes('/pagefind/names/'));
    await search('低保');
    expect(names()).toEqual([]);
    await search('马某顺');
    expect(await page.locator('.result-title').first().textContent()).toBe('马曲村2025年第四季度低保初审对象公示');
    expect(names().length).toBeGreaterThan(0);
    // 1,260.00 is that household's amount: it finds the 公示 too while the list is on the web.
    await search('1,260.00');
    expect(await page.locator('.result-title').allTextContents()).toContain('马曲村2025年第四季度低保初审对象公示');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('understands a question typed as a sentence, a long spoken question, a misspelt word and an amount in 万', async () => {
    const { context, page, errors, transfers } = await openPhone();
    await page.goto(`${server.url}/search/`);
    const search = (q: string) => typeSearch(page, q);
    const firstTitle = () => page.locator('.result-title').first().textContent();

    await search('危房改造补助多少钱');
    expect(await statusText(page)).toContain('已略去：多少钱。');
    expect(await firstTitle()).toBe('东兴村2025年农村危房改造项目公示');
    expect(transfers.some((t) => t.url.includes('/search/vocabulary-'))).toBe(false);

    await search('低宝');
    expect(await statusText(page)).toContain('没有找到“低宝”，已按“低保”查找。');
    expect(await firstTitle()).toBe('马曲村2025年第四季度低保初审对象公示');
    expect(transfers.some((t) => t.url.includes('/search/vocabulary-'))).toBe(true);

    // A long spoken question: the two pages having every word first, then two lacking one of them, and the page says which.
    await search('温水村四组那个生产路维修一事一议的，我们每个人到底要交多少钱啊');
    expect(await statusText(page)).toMatch(/同时含有.+的记录只有 2 条，排在前面；后面 2 条含有其中大部分词语，不一定含“/);
    await page.waitForFunction(() => document.querySelectorAll('#search-results li').length === 4);

    await search('1.25万');
    expect(await statusText(page)).toContain('已按 1.25万 → 12,500.00 查找。');
    expect(await firstTitle()).toBe('东兴村2025年农村危房改造项目公示');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finds a small ledger entry by what the money was for, and opens the ledger at that entry', async () => {
    const { context, page, errors } = await openPhone();
    await page.goto(`${server.url}/search/?q=印花税`);
    await page.locator('#search-results li').first().waitFor();
    expect(await statusText(page)).toBe('找到 2 条含有“印花税”的记录。');
    const links = await page.locator('.result-title').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    expect(
      links.every((href) => /\/finances\/[^/]+\/#zhichu-\d+$/.test(decodeURI(href))),
      links.join(' '),
    ).toBe(true);
    const excerpts = await page.locator('.result-excerpt').allTextContents();
    expect(excerpts.every((e) => e.includes('印花税') && e.includes('元'))).toBe(true);
    await Promise.all([page.waitForURL(/#zhichu-\d+$/), page.locator('.result-title').first().click()]);
    const row = page.locator('tr:target');
    expect(await row.count()).toBe(1);
    expect(await row.textContent()).toContain('印花税');
    expect(await row.isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finds a village typed in pinyin, and shows a shared search link straight away', async () => {
    const { context, page, errors } = await openPhone();
    await page.goto(`${server.url}/search/?q=maqu&sort=newest`);
    await page.locator('#search-results li').first().waitFor();
    expect(await statusText(page)).toContain('已按 maqu → 马曲村 查找');
    const villages = await page.locator('.result-village').allTextContents();
    expect(villages.length).toBe(PAGE_SIZE);
    expect(villages.every((v) => v.endsWith('马曲村'))).toBe(true);
    expect(await page.locator('#f-sort').inputValue()).toBe('newest');
    await page.locator('#search-more').click();
    await page.waitForFunction((n) => document.querySelectorAll('#search-results li').length > n, PAGE_SIZE);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is easy to read and tap on a phone: text at least 18px, targets at least 44px, contrast at least 4.5:1', async () => {
    const { context, page } = await openPhone();
    await page.goto(`${server.url}/search/?q=低保`);
    await page.locator('#search-results li').first().waitFor();
    await page.locator('#filters summary').click();
    const small = await page.evaluate(() => {
      const scope = document.querySelectorAll('main h1, .search-form, #search-status, #search-results, #search-more, .browse');
      const out: string[] = [];
      for (const root of scope) {
        for (const el of [root, ...root.querySelectorAll('*')]) {
          const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
          const box = el.getBoundingClientRect();
          if (hasText && box.width > 0 && parseFloat(getComputedStyle(el).fontSize) < 18)
            out.push(`${el.tagName}.${el.className} "${el.textContent.trim().slice(0, 20)}" ${getComputedStyle(el).fontSize}`);
        }
      }
      return out;
    });
    expect(small).toEqual([]);
    const tiny = await page.evaluate(() =>
      [...document.querySelectorAll('main a, main button, main input, main select, main summary')]
        .filter((el) => el.closest('nav') === null && el.getBoundingClientRect().width > 0)
        .map((el) => ({ el: `${el.tagName} "${el.textContent.trim().slice(0, 16)}"`, h: el.getBoundingClientRect().height }))
        .filter((x) => x.h < 44),
    );
    expect(tiny).toEqual([]);
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('axe-core/axe.min.js') });
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(c: string, o: object): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
      const r = await axe.run('main', { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations).toEqual([]);
    await context.close();
  });

  it('tells a villager without JavaScript to browse the village boards, and those links work', async () => {
    const { context, page } = await openPhone({ javaScriptEnabled: false });
    await page.goto(`${server.url}/search/`);
    expect(await page.locator('.search-form').isVisible()).toBe(false);
    const notice = page.locator('.notice-box');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('没有开启搜索要用的脚本功能');
    await Promise.all([page.waitForURL('**/v/maqu/'), page.getByRole('link', { name: '马曲村' }).click()]);
    expect(await page.locator('h1').textContent()).toContain('马曲村');
    await context.close();
  });
});
