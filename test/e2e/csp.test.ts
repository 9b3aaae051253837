/**
 * The content security policy in Debian's Chromium: every template, served by nginx with the repo's
 * configuration (so the page's own <meta> policy and the server's header both apply), loads without a
 * single violation; the search (Pagefind's WebAssembly) and the kiosk's offline copy still work.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publish } from '../../src/deploy/publish.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { ensureDemoDist } from '../helpers/dist.ts';
import { startNginx, type RunningNginx } from '../helpers/nginx.ts';
import { inlineHashes, policyHashes } from '../helpers/page-policy.ts';

let web: string;
let dist: string;
let nginx: RunningNginx;
let browser: Browser;

beforeAll(async () => {
  dist = ensureDemoDist().dist;
  web = mkdtempSync(join(tmpdir(), 'gongkai-csp-'));
  const r = publish({ dist, webRoot: web });
  if (!r.ok) throw new Error(r.message);
  nginx = await startNginx(web);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
  if (web) rmSync(web, { recursive: true, force: true });
});

/** A page that collects every CSP violation (as the page sees it) and every console error. */
async function open(options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => void problems.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportViolation(t: string): void }).reportViolation(
        `violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} in ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  // The kiosk layout declares no icon, so Chromium asks for /favicon.ico; that 404 is not about the policy.
  page.on(
    'console',
    (m) => void (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico') && problems.push(`console: ${m.text()} (${m.location().url})`)),
  );
  context.on('response', (r) => void (r.status() >= 400 && !r.url().endsWith('/favicon.ico') && problems.push(`HTTP ${r.status()}: ${r.url()}`)));
  page.on('pageerror', (e) => void problems.push(`page error: ${String(e)}`));
  return { context, page, problems };
}

/** The first folder under `dir` of the demo build (a record, a township). */
function firstFolder(...dir: string[]): string {
  const first = readdirSync(join(dist, ...dir), { withFileTypes: true }).find((e) => e.isDirectory());
  if (!first) throw new Error(`no folder in dist/${dir.join('/')}`);
  return first.name;
}

/** One page of every template: the first record of each kind in the demo village 马渠 (maqu), the first township's pages, the county's. */
function templatePaths(): string[] {
  const kinds = ['disclosures', 'finances', 'meetings', 'notices', 'volunteers'];
  const records = kinds.map((k) => `/v/maqu/${k}/${firstFolder('v', 'maqu', k)}/`);
  const township = firstFolder('t');
  const compliance = `/compliance/${firstFolder('compliance')}/`;
  return [
    '/',
    '/v/maqu/',
    ...records,
    '/v/maqu/posters/',
    `/t/${township}/`,
    '/compliance/',
    compliance,
    `${compliance}you-wenti/`,
    `${compliance}wenti-duo/`,
    '/data/',
    '/mingci/',
    '/search/',
    '/kiosk/maqu/',
  ];
}

describe('the strict content security policy in a real browser', () => {
  it('loads every page template, each under a policy of its own hashes, with no policy violation and no console error', async () => {
    const { context, page, problems } = await open();
    const paths = templatePaths();
    for (const path of paths) {
      const res = await page.goto(nginx.url + path);
      expect(res?.status(), path).toBe(200);
      // The policy served is the page's own: the hashes of its inline styles and scripts, no other page's.
      const html = await res!.text();
      expect(policyHashes(html), path).toEqual(inlineHashes(html));
      await page.waitForLoadState('networkidle');
      expect(await page.locator('meta[http-equiv="content-security-policy"]').count(), path).toBe(1);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets the search page hide its form and explain itself without JavaScript (its <noscript> style is allowed)', async () => {
    const { context, page, problems } = await open({ javaScriptEnabled: false });
    await page.goto(`${nginx.url}/search/`);
    expect(await page.locator('.search-form').isVisible()).toBe(false);
    expect(await page.locator('.notice-box').isVisible()).toBe(true);
    expect(problems.filter((p) => /Content Security Policy/i.test(p))).toEqual([]);
    await context.close();
  });

  it('still searches with Pagefind (WebAssembly) under the policy', async () => {
    const { context, page, problems } = await open();
    await page.goto(`${nginx.url}/search/`);
    await page.locator('#q').fill('低保');
    await page.locator('#q').press('Enter');
    await page.locator('#search-results li').first().waitFor({ timeout: 20_000 });
    expect(await page.locator('#search-results li').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("still installs the kiosk's offline copy (service worker) under the policy", { timeout: 60_000 }, async () => {
    const { context, page, problems } = await open();
    await page.goto(`${nginx.url}/kiosk/maqu/`);
    const state = () =>
      page.evaluate(async () =>
        JSON.stringify((await navigator.serviceWorker.getRegistrations()).map((r) => [r.scope, r.installing?.state, r.waiting?.state, r.active?.state])),
      );
    await page
      .waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 })
      .catch(async () => {
        throw new Error(`no service worker took control: ${await state()} ${problems.join('\n')}`);
      });
    // After a reload the page comes from the offline copy; give any late violation a moment to show.
    await page.reload({ waitUntil: 'load' });
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
    await page.waitForTimeout(1000);
    expect(problems).toEqual([]);
    await context.close();
  });
});
