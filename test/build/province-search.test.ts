/**
 * The province portal's full-text search of a county's ledgers, for real: a province of two generated
 * counties (one village and one quarter each) built with `npm run province -- build` and `assemble`,
 * served by Debian's nginx with the project's own site configuration (test/helpers/nginx.ts), and
 * searched in Debian's Chromium. A ledger match shows its entry line, read from the county's shard by
 * HTTP Range, and opens the county's record page at that entry, as on the county's own site.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { ROOT } from '../helpers/fixture-tree.ts';
import { startNginx, type RunningNginx } from '../helpers/nginx.ts';

const repo = mkdtempSync(join(tmpdir(), 'gongkai-province-search-'));
// Seeds whose one village's ledger has 印花税 (c1) and 银行存款利息 (c2) entries.
const COUNTIES = [
  { id: 'c1', seed: 1, query: '印花税' },
  { id: 'c2', seed: 3, query: '利息' },
];
const env = { ...process.env, GONGKAI_AS_OF: '' };
const run = (args: string[], cwd = repo) => {
  const r = spawnSync(process.execPath, args, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  expect(r.status, `${args.join(' ')}\n${r.stdout.slice(-4000)}\n${r.stderr.slice(-4000)}`).toBe(0);
};

let nginx: RunningNginx;
let browser: Browser;

beforeAll(async () => {
  for (const c of COUNTIES) {
    const dir = join(repo, 'counties', c.id);
    run([join(ROOT, 'scripts/gen.ts'), '--villages', '1', '--quarters', '1', '--seed', String(c.seed), '--out', dir], ROOT);
    const site = join(dir, 'content/site.yaml');
    writeFileSync(site, readFileSync(site, 'utf8').replace(/^baseUrl: .*$/m, `baseUrl: https://cwgk.example.cn/${c.id}/`));
    // As the province pipeline does: the build's Astro chunks import packages from the county folder.
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  }
  writeFileSync(
    join(repo, 'province.yaml'),
    `name: 测试省村务公开\nbaseUrl: https://cwgk.example.cn/\ncounties:\n${COUNTIES.map((c) => `  - { id: ${c.id}, name: 测试县（${c.id}）, path: counties/${c.id} }`).join('\n')}\n`,
  );
  run([join(ROOT, 'scripts/province.ts'), 'build', '--no-posters']);
  run([join(ROOT, 'scripts/province.ts'), 'assemble']);
  const web = join(repo, 'web');
  mkdirSync(web);
  symlinkSync(join(repo, 'public'), join(web, 'current'));
  nginx = await startNginx(web);
  browser = await launchBrowser();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
  rmSync(repo, { recursive: true, force: true });
});

/** A phone-sized page of the portal's search, with every response (and the Range it answered) and every script error. */
async function searchPortal(query: string, county: string, setup?: (context: BrowserContext) => Promise<void>) {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  await setup?.(context);
  const page: Page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => void errors.push(String(e)));
  const responses: { path: string; status: number; range: string | undefined; bytes: number }[] = [];
  page.on(
    'response',
    (r) =>
      void r
        .body()
        .then((body) => body.length)
        .catch(() => 0)
        .then((bytes) => responses.push({ path: new URL(r.url()).pathname, status: r.status(), range: r.request().headers()['range'], bytes })),
  );
  await page.goto(`${nginx.url}/search/?q=${encodeURIComponent(query)}&county=${county}`);
  await page.waitForFunction(() => !/正在搜索|^$/.test(document.getElementById('province-status')!.textContent ?? ''), undefined, { timeout: 60_000 });
  const results = await page
    .locator('#province-results li')
    .evaluateAll((lis) => lis.map((li) => ({ href: li.querySelector('a')!.getAttribute('href')!, text: (li as HTMLElement).innerText })));
  return { context, page, errors, responses, results };
}

describe('the province search of a county’s ledger entries (nginx, Chromium)', () => {
  for (const c of COUNTIES)
    it(`a search for ${c.query} in county ${c.id} shows the entry line (voucher, what it was for, amount) and opens the county’s ledger at that entry`, async () => {
      const { context, page, errors, responses, results } = await searchPortal(c.query, c.id);
      try {
        expect(results.length).toBeGreaterThan(0);
        for (const r of results) {
          // The county's record page, at the entry's row, under the county's folder of the portal.
          expect(r.href).toMatch(new RegExp(`^/${c.id}/v/[a-z0-9-]+/finances/\\d{4}-q\\d/#(shouru|zhichu)-\\d+$`));
          // The entry's own line, not the ledger's summary: voucher, what the money was for, amount.
          expect(r.text).toMatch(/记-\d{2}-\d{3}/);
          expect(r.text).toContain(c.query);
          expect(r.text).toMatch(/\d[\d,]*\.\d{2} 元/);
        }
        // The entries came from the county's shard, by Range, answered 206 by nginx.
        const entries = responses.filter((r) => r.path.includes('/entries/'));
        expect(entries.length).toBeGreaterThan(0);
        for (const r of entries) {
          expect(r.path).toMatch(new RegExp(`^/${c.id}/pagefind/[0-9a-f]{10}/entries/[^/]+\\.bin$`));
          expect(r.range).toMatch(/^bytes=\d+-\d+$/);
          expect(r.status).toBe(206);
        }
        // Nothing is cut off on a 360 px phone.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
        expect(errors).toEqual([]);
        // The link opens the ledger at the row of that entry, which holds what the result showed.
        const [first] = results;
        await page.goto(`${nginx.url}${first!.href}`);
        const row = page.locator(`[id="${first!.href.split('#')[1]}"]`);
        expect(await row.textContent()).toContain(c.query);
      } finally {
        await context.close();
      }
    });

  it('a host that ignores Range sends each ledger’s whole file of entries, and the entry line is still shown', async () => {
    const { context, errors, responses, results } = await searchPortal('印花税', 'c1', async (ctx) => {
      // As a host without Range support: the request reaches nginx without its Range header, and nginx sends the whole file.
      await ctx.route('**/entries/**', (route) => {
        const { range: _range, ...headers } = route.request().headers();
        void _range;
        return route.continue({ headers });
      });
    });
    try {
      const entries = responses.filter((r) => r.path.includes('/entries/'));
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.every((r) => r.status === 200)).toBe(true);
      expect(results.length).toBeGreaterThan(0);
      for (const r of results) {
        expect(r.href).toMatch(/#zhichu-\d+$/);
        expect(r.text).toMatch(/记-\d{2}-\d{3}.*印花税/s);
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the province search of a county’s 公示 (nginx, Chromium)', () => {
  it('says each 公示 result’s posting state on the county’s data date, as the county’s own search page does', async () => {
    const { context, errors, results } = await searchPortal('低保', 'c1');
    try {
      const notices = results.filter((r) => r.href.includes('/notices/'));
      expect(notices.length).toBeGreaterThan(0);
      for (const r of notices) expect(r.text).toMatch(/ · 公示 · (公示至\d{4}年\d{1,2}月\d{1,2}日|公示期已结束|\d{4}年\d{1,2}月\d{1,2}日起公示|长期公示)\n/);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the province search of a long spoken question (nginx, Chromium)', () => {
  // Four words and more after the question's fillers are left out; one page has them all, another all but 工程.
  const QUESTION = '请问村史馆布展工程光伏电站和高龄老人补贴花了多少钱';

  it('says which words it left out and which words its later results may lack, in the county search page’s own words', async () => {
    const { context, page, errors, results } = await searchPortal(QUESTION, 'c1');
    try {
      expect(results.length).toBeGreaterThan(1);
      const portal = (await page.locator('#province-status').textContent()) ?? '';
      // The county search page's sentences (src/lib/search-answer-text.ts): the question's words left out, and the words
      // the later results may lack.
      expect(portal).toContain('已略去：请问、和、花了、多少钱');
      expect(portal).toMatch(/含有其中大部分词语，不一定含“[^”]+”(“[^”]+”)*。/);
      expect(portal).toMatch(/同时含有.*的记录只有 \d+ 条，排在前面；后面 \d+ 条/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      // GONGKAI_SHOTS=<folder>: the portal's answer at 360 and 1280 px, to look at.
      const shots = process.env['GONGKAI_SHOTS'];
      if (shots) {
        await page.screenshot({ path: join(shots, 'province-long-question-360.png'), fullPage: true });
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.screenshot({ path: join(shots, 'province-long-question-1280.png'), fullPage: true });
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});

describe('the province portal’s caching (deploy/nginx)', () => {
  it('lets browsers keep a county’s hashed index files and the portal’s directory index for a year, as on a county’s own site', async () => {
    const publicDir = join(repo, 'public');
    const first = (dir: string, match: RegExp = /./) => readdirSync(join(publicDir, dir)).find((n) => match.test(n))!;
    const bundle = first('c1/pagefind', /^[0-9a-f]{10}$/);
    const hashed = [
      `/c1/pagefind/${bundle}/fragment/${first(`c1/pagefind/${bundle}/fragment`)}`,
      `/c1/pagefind/${bundle}/index/${first(`c1/pagefind/${bundle}/index`)}`,
      `/c1/pagefind/${bundle}/${first(`c1/pagefind/${bundle}`, /\.pf_meta$/)}`,
      `/c1/search/${first('c1/search', /^lexicon-/)}/0.json`,
      `/pagefind/directory/fragment/${first('pagefind/directory/fragment')}`,
    ];
    for (const path of hashed) {
      const res = await fetch(nginx.url + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('public, max-age=31536000, immutable');
    }
    // Names that stay the same from build to build are revalidated: the entry file, the lexicon's core, a ledger's entries.
    const entries = first(`c1/pagefind/${bundle}/entries`);
    for (const path of [`/c1/pagefind/${bundle}/pagefind-entry.json`, '/c1/search/lexicon.json', `/c1/pagefind/${bundle}/entries/${entries}`]) {
      const res = await fetch(nginx.url + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
    }
  });
});
