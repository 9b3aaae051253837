/**
 * A province of 4 generated counties (one village and one quarter each: as small as still proves the
 * point) run through the real GitLab pipeline file
 * (deploy/province/.gitlab-ci.yml and the child pipeline it generates) with gitlab-ci-local's shell
 * executor: `plan`, then the child pipeline its `trigger:` job starts (county matrix, assemble,
 * pages), twice; then the assembled portal is checked on disk and in Chromium. What cannot run
 * locally (caches between pipelines, images, the Pages deployment) is listed in deploy/province/README.md.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_QUERY_BYTES } from '../../src/lib/search-bundles.ts';
import { portalPolicy } from '../../src/province/portal.ts';
import { CountySummarySchema, type CountySummary } from '../../src/schemas/county-summary.ts';
import { inspectPage } from '../helpers/a11y.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { ROOT } from '../helpers/fixture-tree.ts';
import { serveDir, type StaticServer } from '../helpers/serve.ts';
import { digestTree as digest, listFiles as files } from '../helpers/tree-digest.ts';

const repo = mkdtempSync(join(tmpdir(), 'gongkai-province-'));
const IDS = ['c1', 'c2', 'c3', 'c4'];
// Node 24 first; test/helpers/bin/rsync stands in for rsync, which gitlab-ci-local needs and this machine lacks.
const env = { ...process.env, PATH: `${join(ROOT, 'node_modules/.bin')}:${join(ROOT, 'test/helpers/bin')}:${process.env['PATH']}`, GONGKAI_AS_OF: '' };
const run = (cmd: string, args: string[], cwd = repo) => {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  expect(r.status, `${cmd} ${args.join(' ')}\n${r.stdout.slice(-6000)}\n${r.stderr.slice(-4000)}`).toBe(0);
  return r.stdout + r.stderr;
};
const gitlab = (...args: string[]) =>
  run(join(ROOT, 'node_modules/.bin/gitlab-ci-local'), [...args, '--force-shell-executor', '--concurrency', '2', '--no-color']);
const summary = (id: string): CountySummary => CountySummarySchema.parse(JSON.parse(readFileSync(join(repo, 'shards', id, 'county.json'), 'utf8')));
const publicDir = join(repo, 'public');

let firstRun = '';
let secondRun = '';
beforeAll(() => {
  const names: string[] = [];
  for (const [i, id] of IDS.entries()) {
    const dir = join(repo, 'counties', id);
    run(process.execPath, [join(ROOT, 'scripts/gen.ts'), '--villages', '1', '--quarters', '1', '--seed', String(i + 1), '--out', dir], ROOT);
    const site = join(dir, 'content/site.yaml');
    const text = readFileSync(site, 'utf8');
    writeFileSync(site, text.replace(/^baseUrl: .*$/m, `baseUrl: https://cwgk.example.cn/${id}/`));
    names.push(/^county: (.*)$/m.exec(text)![1]!);
  }
  writeFileSync(
    join(repo, 'province.yaml'),
    `name: 测试省村务公开\nbaseUrl: https://cwgk.example.cn/\ncounties:\n${IDS.map((id, i) => `  - { id: ${id}, name: ${names[i]}（${id}）, path: counties/${id} }`).join('\n')}\n`,
  );
  // The pipeline file as a province repository would have it, with gongkai's folder set to this checkout.
  writeFileSync(
    join(repo, '.gitlab-ci.yml'),
    readFileSync(join(ROOT, 'deploy/province/.gitlab-ci.yml'), 'utf8').replace(/^ {2}GONGKAI_HOME: .*$/m, `  GONGKAI_HOME: ${ROOT}`),
  );
  writeFileSync(
    join(repo, '.gitignore'),
    [
      'shards/',
      'public/',
      'public.assembling/',
      '.gitlab-ci-local/',
      'province-pipeline.yml',
      '.gongkai-*',
      '.astro-cache',
      'private-posters',
      'node_modules',
      '',
    ].join('\n'),
  );
  run('git', ['init', '-q', '-b', 'main']);
  run('git', ['add', '.']);
  run('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.cn', 'commit', '-qm', 'province']);
  // The whole pipeline: plan, then the child pipeline its trigger job starts from plan's artifact.
  firstRun = gitlab();
  secondRun = gitlab();
}, 3_600_000);

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('the province pipeline (GitLab, run with gitlab-ci-local)', () => {
  it('builds every county as its own shard and assembles one portal that lists each county, township and village', () => {
    expect(firstRun).toMatch(/plan +finished/);
    expect(firstRun).toMatch(/county: \[c1,c1-[0-9a-f]{16}\] finished/);
    expect(firstRun).toMatch(/assemble +finished/);
    for (const id of IDS) expect(firstRun).toContain(`${id}: 已构建 built in`);
    const home = readFileSync(join(publicDir, 'index.html'), 'utf8');
    for (const id of IDS) {
      const s = summary(id);
      expect(existsSync(join(publicDir, id, 'index.html'))).toBe(true);
      expect(existsSync(join(publicDir, id, 'pagefind', 'pagefind-entry.json'))).toBe(true);
      for (const t of s.townships) {
        for (const v of t.villages) expect(home).toContain(`<a href="/${id}/${v.path}">${v.name}</a>`);
        expect(readFileSync(join(publicDir, 'c', id, 'index.html'), 'utf8')).toContain(`<h2 id="${t.name}">${t.name}</h2>`);
      }
    }
  });

  it("keeps every link, script and search address of a county's pages inside the county's own folder of the portal", () => {
    for (const id of IDS) {
      const pages = files(join(publicDir, id)).filter((f) => f.endsWith('.html'));
      expect(pages.length).toBeGreaterThan(10);
      const outside = pages.flatMap((f) =>
        [...readFileSync(f, 'utf8').matchAll(/\b(?:href|src|action|data-base)="(\/[^"]*)"/g)]
          .map((m) => m[1]!)
          .filter((url) => !url.startsWith(`/${id}/`))
          .map((url) => `${f.slice(publicDir.length)}: ${url}`),
      );
      expect(outside.slice(0, 10), `${id}: root-relative addresses outside /${id}/`).toEqual([]);
    }
  });

  it('shows the province compliance view with each county and the province total', () => {
    const html = readFileSync(join(publicDir, 'compliance/index.html'), 'utf8');
    const villages = IDS.reduce((n, id) => n + summary(id).counts.villages, 0);
    const overdue = IDS.reduce((n, id) => n + summary(id).counts.overdue, 0);
    for (const id of IDS) expect(html).toContain(`<a href="/${id}/compliance/">`);
    expect(html).toMatch(
      new RegExp(
        `<tfoot><tr><th scope="row">全省</th><td class="n">${villages}</td><td class="n">\\d+</td><td class="n">\\d+</td><td class="n">${overdue}</td>`,
      ),
    );
  });

  it('reports the files per county and for the portal, within the cap', () => {
    const report = JSON.parse(readFileSync(join(publicDir, 'files.json'), 'utf8')) as { total: number; cap: number; byFolder: Record<string, number> };
    for (const id of IDS) expect(report.byFolder[id]).toBe(files(join(repo, 'shards', id)).length);
    expect(report.total).toBe(files(publicDir).length - 1);
    expect(report.total).toBeLessThanOrEqual(report.cap);
    console.log(`files: ${JSON.stringify(report.byFolder)}, total ${report.total}`);
  });

  it('skips every county on the next run when its input did not change', () => {
    for (const id of IDS) expect(secondRun).toContain(`${id}: 未改动，沿用上次构建。`);
  });

  it('builds a county as a shard byte-identical to the same county built alone', () => {
    const alone = mkdtempSync(join(tmpdir(), 'gongkai-alone-'));
    try {
      cpSync(join(repo, 'counties/c2/content'), join(alone, 'content'), { recursive: true });
      // The rendered posters, so this build reuses them (the cache is keyed by what decides a poster).
      cpSync(join(repo, 'counties/c2/.gongkai-cache'), join(alone, '.gongkai-cache'), { recursive: true });
      // As `province build` does: the build's Astro chunks import packages from the county folder.
      symlinkSync(join(ROOT, 'node_modules'), join(alone, 'node_modules'));
      run(process.execPath, [join(ROOT, 'scripts/build.ts'), '--root', alone], alone);
      const shard = digest(join(repo, 'shards/c2'));
      const single = digest(join(alone, 'dist'));
      expect(Object.keys(shard).length).toBeGreaterThan(100);
      // county.json names its input hash, which is the same because content, code and as-of date are.
      expect(single).toEqual(shard);
    } finally {
      rmSync(alone, { recursive: true, force: true });
    }
  }, 300_000);
});

describe('the province search (Chromium)', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await serveDir(publicDir, { gzip: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string) {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page: Page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => void errors.push(String(e)));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const urls = new Map<string, string>();
    const transfers: { url: string; bytes: number }[] = [];
    cdp.on('Network.responseReceived', (e) => void urls.set(e.requestId, e.response.url));
    cdp.on('Network.loadingFinished', (e) => void transfers.push({ url: urls.get(e.requestId) ?? '?', bytes: e.encodedDataLength }));
    await page.goto(`${server.url}${path}`);
    return { context, page, errors, transfers };
  }
  const finished = (page: Page) =>
    page.waitForFunction(() => !/正在搜索|^$/.test(document.getElementById('province-status')!.textContent ?? ''), undefined, { timeout: 30_000 });
  /** The portal's pages of each kind: home, compliance, a county's list, and a search that shows results. */
  const PORTAL_PAGES = ['/', '/compliance/', '/c/c1/', `/search/?q=${encodeURIComponent('财务公开')}&county=c2`];
  /** Opens a portal page; a search page once its results are shown. */
  async function openPortalPage(page: Page, path: string) {
    await page.goto(`${server.url}${path}`);
    if (path.startsWith('/search/')) {
      await finished(page);
      expect(await page.locator('#province-results li').count(), path).toBeGreaterThan(0);
    }
  }

  it('finds a village of another county by name from the directory index; the first query transfers at most 150 KB', async () => {
    const v = summary('c3').townships[0]!.villages[0]!;
    const { context, page, errors, transfers } = await open(`/search/?q=${encodeURIComponent(v.name)}`);
    await finished(page);
    const total = transfers.reduce((n, t) => n + t.bytes, 0);
    console.log(
      `province first query: ${(total / 1000).toFixed(1)} KB: ${transfers.map((t) => `${new URL(t.url).pathname} ${(t.bytes / 1000).toFixed(1)}`).join(', ')}`,
    );
    expect(await page.locator(`#province-results a[href="/c3/${v.path}"]`).count()).toBe(1);
    expect(total).toBeLessThanOrEqual(FIRST_QUERY_BYTES);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('searches the chosen county’s records by merging its own search bundle, still within 150 KB', async () => {
    const v = summary('c2').townships[0]!.villages[0]!;
    const { context, page, errors, transfers } = await open(`/search/?q=${encodeURIComponent('财务公开')}&county=c2`);
    await finished(page);
    const hrefs = await page.locator('#province-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((h) => h!.startsWith('/c2/'))).toBe(true);
    expect(transfers.some((t) => t.url.includes('/c2/pagefind/'))).toBe(true);
    expect(transfers.reduce((n, t) => n + t.bytes, 0)).toBeLessThanOrEqual(FIRST_QUERY_BYTES);
    expect(errors).toEqual([]);
    void v;
    await context.close();
  });

  it('says which county is unavailable when its search bundle is missing, and still answers from the directory', async () => {
    const v = summary('c4').townships[0]!.villages[0]!;
    const moved = join(repo, 'c4-pagefind-away');
    cpSync(join(publicDir, 'c4/pagefind'), moved, { recursive: true });
    rmSync(join(publicDir, 'c4/pagefind'), { recursive: true });
    try {
      const { context, page } = await open(`/search/?q=${encodeURIComponent(v.name)}&county=c4`);
      await finished(page);
      const status = await page.locator('#province-status').textContent();
      expect(status).toContain('的全文搜索暂时无法使用');
      expect(status).toContain('（c4）');
      expect(await page.locator(`#province-results a[href="/c4/${v.path}"]`).count()).toBe(1);
      await context.close();
    } finally {
      mkdirSync(join(publicDir, 'c4'), { recursive: true });
      cpSync(moved, join(publicDir, 'c4/pagefind'), { recursive: true });
    }
  });

  it('holds every portal page, search results shown, to a county page’s accessibility rules at 360 and 1280 px: WCAG 2.2 AA, text at least 18 px, fields and buttons at least 44 px high', async () => {
    const found: string[] = [];
    for (const width of [360, 1280]) {
      // bypassCSP: axe-core goes in as an inline script (test/helpers/a11y.ts).
      const context = await browser.newContext({ viewport: { width, height: 800 }, bypassCSP: true });
      const page = await context.newPage();
      for (const path of PORTAL_PAGES) {
        await openPortalPage(page, path);
        const r = await inspectPage(page, `${path} at ${width} px`);
        found.push(...r.axe, ...r.text, ...r.targets, ...r.columns);
      }
      await context.close();
    }
    expect(found).toEqual([]);
  }, 120_000);

  it('carries a policy on every portal page that lets in only its own style and the site’s scripts, and the search still answers with no violation', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    await context.addInitScript(() => {
      const seen: string[] = [];
      (globalThis as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (e) => void seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const page = await context.newPage();
    for (const path of PORTAL_PAGES) {
      await openPortalPage(page, path);
      const { policy, style } = await page.evaluate(() => ({
        policy: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
        style: document.querySelector('style')?.textContent ?? '',
      }));
      expect(policy, path).toBe(portalPolicy(style));
      expect(policy, path).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(await page.evaluate(() => (globalThis as unknown as { violations: string[] }).violations), path).toEqual([]);
    }
    await context.close();
  });

  it('shows the portal home and compliance view without JavaScript on a phone screen, without sideways scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, javaScriptEnabled: false });
    const page = await context.newPage();
    for (const path of ['/', '/compliance/', '/search/', '/c/c1/']) {
      await page.goto(`${server.url}${path}`);
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    }
    await context.close();
  });
});
