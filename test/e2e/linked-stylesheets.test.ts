/**
 * `stylesheets: linked` in content/site.yaml (for hosts with a 1 GB cap): the demo built with it links the stylesheet
 * every page shares from /_astro/ and inlines only each page's own small parts. In Debian's Chromium behind nginx with the repo's configuration, every page
 * template is drawn with its CSS under the strict content security policy, with and without JavaScript, and the
 * stylesheets are cached for a year. A kiosk screen's offline copy (src/integrations/kiosk-offline.ts) holds the
 * stylesheets its page links: a screen that loses its network draws its slides styled after a reload.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish } from '../../src/deploy/publish.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { startNginx, type RunningNginx } from '../helpers/nginx.ts';
import { ROOT } from '../helpers/fixture-tree.ts';
import { makeProjectTree } from '../helpers/project-tree.ts';

/** Screenshots of the offline screen, to look at. */
const SHOTS = join(ROOT, 'test-results', 'linked-stylesheets');
const tree = makeProjectTree();
// The tree has no public/ (favicon.svg), which every page links.
cpSync(join(ROOT, 'public'), join(tree.root, 'public'), { recursive: true });
const dist = join(tree.root, 'dist');
let web = '';
let nginx: RunningNginx;
let browser: Browser;

beforeAll(async () => {
  const siteYaml = join(tree.root, 'content', 'site.yaml');
  writeFileSync(siteYaml, `${readFileSync(siteYaml, 'utf8')}stylesheets: linked\n`);
  const run = spawnSync(process.execPath, ['scripts/build.ts', '--no-posters'], { cwd: tree.root, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${run.stdout}\n${run.stderr}`);
  web = mkdtempSync(join(tmpdir(), 'gongkai-linked-'));
  const r = publish({ dist, webRoot: web });
  if (!r.ok) throw new Error(r.message);
  nginx = await startNginx(web);
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
  if (web) rmSync(web, { recursive: true, force: true });
  tree.cleanup();
});

/** The first record of each kind in the demo village 马渠 (maqu), its board and the county pages (not the posters page: no posters are built). */
function templatePaths(): string[] {
  const records = ['disclosures', 'finances', 'meetings', 'notices', 'volunteers'].map((k) => {
    const first = readdirSync(join(dist, 'v', 'maqu', k), { withFileTypes: true }).find((e) => e.isDirectory());
    if (!first) throw new Error(`no ${k} record in dist/v/maqu`);
    return `/v/maqu/${k}/${first.name}/`;
  });
  return ['/', '/v/maqu/', ...records, '/compliance/', '/mingci/', '/search/'];
}

describe('a county that links its stylesheets', () => {
  it('links the site’s stylesheet from /_astro/ on every page, one file for all of them, and inlines only a page’s own small parts', () => {
    const linkedBy: string[][] = [];
    for (const path of templatePaths()) {
      const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
      const links = [...html.matchAll(/<link rel="stylesheet" href="\/_astro\/([^"]+\.css)"/g)].map((m) => m[1]!);
      for (const file of links) expect(existsSync(join(dist, '_astro', file)), `${path}: ${file}`).toBe(true);
      // The search page links its own stylesheet beside the site's.
      expect(links, path).toHaveLength(path === '/search/' ? 2 : 1);
      linkedBy.push(links);
      // What stays inline is the page's own parts (each under 2 KB), never the site's shared rules.
      const inline = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!).join('');
      expect(Buffer.byteLength(inline), path).toBeLessThan(4096);
      expect(inline, path).not.toMatch(/header\.site/);
    }
    const shared = linkedBy.reduce((a, b) => a.filter((f) => b.includes(f)));
    expect(shared).toHaveLength(1);
    expect(readFileSync(join(dist, '_astro', shared[0]!), 'utf8')).toMatch(/header\.site/);
  });

  it('draws every page template with its CSS and no policy violation, with and without JavaScript', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('console', (m) => void (m.type() === 'error' && problems.push(`console: ${m.text()}`)));
      context.on('response', (r) => void (r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`)));
      for (const path of templatePaths()) {
        const res = await page.goto(nginx.url + path, { waitUntil: 'load' });
        expect(res?.status(), path).toBe(200);
        // The header's dark blue comes from site.css: the linked stylesheet was applied.
        const background = await page.locator('header.site').evaluate((e) => getComputedStyle(e).backgroundColor);
        expect(background, path).toBe('rgb(18, 53, 91)');
      }
      await context.close();
      expect(problems, `javaScriptEnabled: ${javaScriptEnabled}`).toEqual([]);
    }
  });

  it('serves the stylesheets gzipped and cached for a year', async () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const href = /<link rel="stylesheet" href="([^"]+\.css)"/.exec(html)![1]!;
    const res = await fetch(nginx.url + href, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/css/);
    expect(res.headers.get('cache-control')).toMatch(/max-age=31536000/);
    expect(res.headers.get('content-encoding')).toBe('gzip');
  });
});

describe('a kiosk screen of a county that links its stylesheets', () => {
  it('keeps its linked stylesheets in its offline copy, so with the network gone a reload still draws the slides styled', async () => {
    const html = readFileSync(join(dist, 'kiosk', 'maqu', 'index.html'), 'utf8');
    const linked = [...html.matchAll(/<link rel="stylesheet" href="(\/_astro\/[^"]+\.css)"/g)].map((m) => m[1]!);
    expect(linked.length).toBeGreaterThan(0);
    const sw = readFileSync(join(dist, 'kiosk', 'maqu', 'sw.js'), 'utf8');
    for (const href of linked) expect(sw).toContain(`"url":"${href}"`);
    mkdirSync(SHOTS, { recursive: true });
    for (const [orientation, width, height] of [
      ['landscape', 1920, 1080],
      ['portrait', 1080, 1920],
    ] as const) {
      const context = await browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      try {
        await page.goto(`${nginx.url}/kiosk/maqu/`);
        await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
        // Not from the browser's own cache (nginx lets it keep a stylesheet a year): only the offline copy may answer.
        await (await context.newCDPSession(page)).send('Network.clearBrowserCache');
        await context.setOffline(true);
        const stylesheets: { url: string; status: number; fromServiceWorker: boolean }[] = [];
        page.on('response', (r) => {
          if (r.url().endsWith('.css')) stylesheets.push({ url: new URL(r.url()).pathname, status: r.status(), fromServiceWorker: r.fromServiceWorker() });
        });
        await page.reload();
        expect(stylesheets.map((r) => r.url).sort()).toEqual([...linked].sort());
        for (const r of stylesheets) expect(r, r.url).toMatchObject({ status: 200, fromServiceWorker: true });
        // kiosk.css, linked: the top band's dark blue and the type sized to the screen (5vmin).
        expect(await page.locator('header.top').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(18, 53, 91)');
        expect(await page.locator('html').evaluate((e) => getComputedStyle(e).fontSize)).toBe(`${Math.min(width, height) * 0.05}px`);
        expect(await page.locator('h1').innerText()).toContain('马曲村');
        await page.screenshot({ path: join(SHOTS, `kiosk-offline-${orientation}.png`) });
      } finally {
        await context.close();
      }
    }
  });
});
