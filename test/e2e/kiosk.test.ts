/**
 * The kiosk screens (/kiosk/<village>/) in Debian's Chromium: rotation, touch and keys, the night
 * clock, burn-in care, staleness judged by the screen's own date, working with the network unplugged
 * (Workbox service worker), adopting a newly published build by itself, no names of people, and
 * screenshots of both orientations checked for cut-off text, small type and blank frames.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page, Route } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetFor, loadBudgets, overBudget, pageWeight } from '../../bench/lib/weight.ts';
import type { County } from '../../src/check/model.ts';
import { writeKioskOffline } from '../../src/integrations/kiosk-offline.ts';
import { maskName } from '../../src/lib/privacy.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { ROOT } from '../helpers/fixture-tree.ts';
import { startKioskServer, type KioskServer } from '../helpers/kiosk-server.ts';
import { buildKioskSite } from '../helpers/kiosk-site.ts';

const SHOTS = join(ROOT, 'test-results', 'kiosk');
/** 10:00 on the demo's as-of date, China time. */
const AS_OF_MORNING = new Date('2025-11-20T10:00:00+08:00');

let built: { dir: string; county: County };
let rebuilt: { dir: string; county: County };
let server: KioskServer;
let browser: Browser;

beforeAll(async () => {
  built = await buildKioskSite('kiosk-e2e-a');
  // A build after 马曲村's 低保 公示 ended (its screen's page changes only with a state), to be "published" while a screen is running.
  rebuilt = await buildKioskSite('kiosk-e2e-b', '2025-11-25');
  server = await startKioskServer(built.dir);
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  for (const b of [built, rebuilt]) if (b) rmSync(b.dir, { recursive: true, force: true });
});

const kioskHtml = (id: string, dir = built.dir) => readFileSync(join(dir, 'kiosk', id, 'index.html'), 'utf8');

async function open(village: string, query = '', options: BrowserContextOptions & { at?: Date } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const { at, ...contextOptions } = options;
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, reducedMotion: 'reduce', ...contextOptions });
  if (at) await context.clock.install({ time: at });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/kiosk/${village}/${query}`);
  if (at) await context.clock.pauseAt(new Date(at.getTime() + 5_000));
  expect(errors).toEqual([]);
  return { context, page };
}

const currentKey = (page: Page) => page.locator('.slide.current').getAttribute('data-key');
const bannerShown = (page: Page) => page.locator('[data-stale-banner]').isVisible();

describe('the kiosk screens in the built site', () => {
  it('gives every village a screen with its own offline copy and version file', () => {
    for (const v of built.county.villages) {
      // Dated by the village's newest record, not by the build: the page changes only when a state does.
      expect(kioskHtml(v.id)).toContain('最近更新');
      expect(kioskHtml(v.id)).not.toContain('数据截至');
      const sw = readFileSync(join(built.dir, 'kiosk', v.id, 'sw.js'), 'utf8');
      expect(sw).toContain(`"url":"/kiosk/${v.id}/index.html"`);
      expect(sw).toMatch(/"url":"\/_astro\/[^"]+\.js"/);
      expect(sw).not.toContain('self.__WB_MANIFEST');
      expect(JSON.parse(readFileSync(join(built.dir, 'kiosk', v.id, 'version.json'), 'utf8'))).toMatchObject({ village: v.id, asOf: '2025-11-20' });
    }
  });

  it('names nobody on any screen: no private persons, no volunteers, no cadres — only counts', () => {
    const names = new Set<string>();
    for (const v of built.county.villages) {
      for (const m of [...v.data.committee, ...v.data.supervisors, ...v.data.staff]) names.add(m.name);
      for (const n of v.notices) for (const s of n.data.subjects) if (s.name && n.data.type !== '一事一议' && n.data.type !== '项目') names.add(s.name);
      for (const p of v.volunteers) for (const x of p.data.volunteers) names.add(x.name);
      for (const d of v.disclosures) for (const who of [d.data.signoff.responsible, d.data.signoff.preparer, d.data.signoff.reviewer]) if (who) names.add(who);
      for (const m of v.meetings) for (const who of [m.data.host, m.data.recorder]) if (who) names.add(who);
      for (const l of v.ledgers) {
        for (const r of [...l.data.receivables, ...l.data.payables]) if (r.partyKind === '个人') names.add(r.party);
        for (const who of [
          ...l.data.expense.flatMap((e) => [e.handler, e.approver]),
          l.data.signoff.responsible,
          l.data.signoff.preparer,
          l.data.signoff.reviewer,
        ])
          if (who) names.add(who);
      }
    }
    expect(names.size).toBeGreaterThan(30);
    for (const v of built.county.villages) {
      const html = kioskHtml(v.id);
      for (const name of names) {
        expect(html, `${v.id}: ${name}`).not.toContain(name);
        if (name.length > 1) expect(html, `${v.id}: ${maskName(name)}`).not.toContain(maskName(name));
      }
    }
    expect(kioskHtml('maqu')).toContain('共 4 户');
  });

  it('shows a meeting on one screen: body, date, each resolution with ✓通过 or ✗未通过 and its votes, and which 四议两公开 step it is', () => {
    const maqu = built.county.villages.find((v) => v.id === 'maqu')!;
    const m = maqu.meetings.find((x) => x.id === '2025-07-22-daibiao')!;
    const html = kioskHtml('maqu');
    const start = html.indexOf(`data-key="meeting-${m.id}"`);
    expect(start).toBeGreaterThan(0);
    const slide = html
      .slice(start, html.indexOf('</section>', start))
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');
    const [y, mo, d] = m.data.date.split('-').map(Number);
    expect(slide).toContain(`${m.data.body} · ${y}年${mo}月${d}日`);
    for (const r of m.data.resolutions) {
      expect(slide).toContain(r.title);
      expect(slide).toContain(`赞成 ${r.votes!.yes}，反对 ${r.votes!.no}，弃权 ${r.votes!.abstain}`);
    }
    expect(slide).toMatch(/✓ 通过/);
    expect(slide).toContain(`应到 ${m.data.eligible} 人，实到 ${m.data.present} 人`);
    expect(slide).toContain('会议有效');
    // The village representatives' resolution is the fourth and last 议; its 两公开 are each marked done or pending.
    expect(slide).toContain('四议两公开 第 4 步（共 4 步）');
    expect(slide).toMatch(/✓ 党组织提议.*✓ 两委会议商议.*✓ 党员大会审议.*▶ 村民（代表）会议决议/);
    expect(slide).toMatch(/两公开：.*决议公开(已完成|待公开).*实施结果公开(已完成|待公开)/);
    // A meeting that is no step of a chain does not claim one.
    const other = maqu.meetings.find((x) => x.id === '2025-10-13-lianxi')!;
    const at = html.indexOf(`data-key="meeting-${other.id}"`);
    expect(at).toBeGreaterThan(0);
    expect(html.slice(at, html.indexOf('</section>', at))).not.toContain('四议两公开');
  });

  it('keeps the screen to one script, within the kiosk screens’ budget as nginx sends it (6 KB in test/budgets.json)', () => {
    const weight = pageWeight(built.dir, join(built.dir, 'kiosk', 'maqu', 'index.html'));
    expect(weight.scripts).toHaveLength(1);
    console.log(`kiosk script: ${weight.jsBytes} B, ${weight.jsGzipBytes} B as transferred`);
    expect(overBudget(weight, budgetFor(loadBudgets(ROOT), '/kiosk/[x]/'))).toEqual([]);
  });

  it('writes byte-identical service workers when the same build is processed again', async () => {
    const files = (dir: string) =>
      built.county.villages.flatMap((v) => ['sw.js', 'version.json'].map((f) => readFileSync(join(dir, 'kiosk', v.id, f), 'utf8')));
    const before = files(built.dir);
    await writeKioskOffline({ root: ROOT, outDir: built.dir, county: built.county, problems: [], log: () => undefined });
    expect(files(built.dir)).toEqual(before);
    expect(files(rebuilt.dir)).not.toEqual(before);
  });
});

describe('a kiosk screen in Chromium', () => {
  it('cycles through the items by itself, moves on touch and arrow keys, and resumes cycling after a minute idle', async () => {
    const { context, page } = await open('maqu', '?every=10', { at: AS_OF_MORNING, hasTouch: true, serviceWorkers: 'block' });
    try {
      const total = await page.locator('[data-slide]').count();
      expect(total).toBeGreaterThan(5);
      expect(await page.locator('.slide:visible').count()).toBe(1);
      const k0 = await currentKey(page);
      await context.clock.runFor(10_000);
      const k1 = await currentKey(page);
      expect(k1).not.toBe(k0);
      await context.clock.runFor(10_000);
      const k2 = await currentKey(page);
      expect(k2).not.toBe(k1);

      await page.keyboard.press('ArrowLeft');
      expect(await currentKey(page)).toBe(k1);
      await page.touchscreen.tap(1500, 500);
      expect(await currentKey(page)).toBe(k2);
      await expect.poll(() => page.locator('[data-counter]').textContent()).toBe(`3 / ${total}`);

      // Someone is reading: no rotation for a minute after the last touch…
      await context.clock.runFor(59_000);
      expect(await currentKey(page)).toBe(k2);
      // …then it cycles again.
      await context.clock.runFor(2_000);
      expect(await currentKey(page)).not.toBe(k2);
    } finally {
      await context.close();
    }
  });

  it('asks the server for nothing it does not have (no 404, not even for an icon), and shows a QR code of at least 240 px on a portrait screen', async () => {
    const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    try {
      await page.goto(`${server.url}/kiosk/maqu/`, { waitUntil: 'networkidle' });
      expect(await page.locator('link[rel="icon"]').getAttribute('href')).toBe('/favicon.svg');
      expect(failed).toEqual([]);
      expect((await page.locator('.qr').boundingBox())!.width).toBeGreaterThanOrEqual(240);
    } finally {
      await context.close();
    }
  });

  it('shows every item stacked, and the staleness warning by the build’s as-of date, without JavaScript', async () => {
    for (const [village, stale] of [
      ['wenshui', true],
      ['maqu', false],
    ] as const) {
      const { context, page } = await open(village, '', { javaScriptEnabled: false });
      try {
        const slides = page.locator('[data-slide]');
        const n = await slides.count();
        expect(n).toBeGreaterThan(5);
        for (let i = 0; i < n; i += 1) expect(await slides.nth(i).isVisible()).toBe(true);
        expect(await bannerShown(page)).toBe(stale);
      } finally {
        await context.close();
      }
    }
  });

  it('warns on 温水村’s screen that its content may be stale: its 2025 Q3 disclosure was due by 15 October', async () => {
    const { context, page } = await open('wenshui', '', { at: AS_OF_MORNING, serviceWorkers: 'block' });
    try {
      expect(await bannerShown(page)).toBe(true);
      const text = await page.locator('[data-stale-banner]').innerText();
      expect(text).toContain('内容可能已过期');
      expect(text).toContain('2025年第三季度村务公开应于2025年10月15日前公开');
      expect(text).toContain('截至那天村里还没有公开');
      expect(text).not.toContain('本屏没有收到');
      expect(await page.locator('#board').getAttribute('data-stale')).toBe('true');
    } finally {
      await context.close();
    }
  });

  it('judges by the screen’s own date months after the build: notice days count down and 马曲村 turns stale after 15 January', async () => {
    const { context, page } = await open('maqu', '', { at: AS_OF_MORNING, serviceWorkers: 'block' });
    try {
      const notice = page.locator('[data-notice-status]');
      const total = await page.locator('[data-slide]').count();
      expect(await bannerShown(page)).toBe(false);
      expect(await notice.textContent()).toBe('公示中，剩余5天');

      await context.clock.setSystemTime(new Date('2025-11-23T10:00:00+08:00'));
      await context.clock.runFor(2_000);
      expect(await notice.textContent()).toBe('公示中，剩余2天');

      await context.clock.setSystemTime(new Date('2026-01-15T23:00:00+08:00'));
      await context.clock.runFor(2_000);
      expect(await bannerShown(page)).toBe(false);

      await context.clock.setSystemTime(new Date('2026-01-16T08:00:00+08:00'));
      await context.clock.runFor(2_000);
      expect(await bannerShown(page)).toBe(true);
      const banner = await page.locator('[data-stale-banner]').innerText();
      expect(banner).toContain('2025年第四季度村务公开应于2026年1月15日前公开，本屏没有收到');
      expect(banner).toContain('已经 57 天');
      expect(banner).toContain('可能是本屏没有联网同步，也可能是村里还没有公开');
      expect(await page.locator('[data-clock]').textContent()).toMatch(/^1月16日 周五 08:0\d$/);
      // The 低保 notice ended on 24 November: it leaves the rotation.
      expect(await page.locator('[data-slide]:not([hidden])').count()).toBe(total - 1);
      expect(await page.locator('[data-counter]').textContent()).toMatch(new RegExp(`/ ${total - 1}$`));
    } finally {
      await context.close();
    }
  });

  it('learns from its version file how fresh its data is, though its page is the same for months: the village is behind, not the screen', async () => {
    // The page of the 20 November build; the county has been rebuilt every night since and the screen's page did
    // not change until 16 January, the newest version file says 20 January.
    const version = (asOf: string) => async (route: Route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ village: 'maqu', asOf, build: 'x' }) });
    const at = new Date('2026-01-21T10:00:00+08:00');
    const { context, page } = await open('maqu', '?check=1', { at, serviceWorkers: 'block' });
    try {
      await page.route('**/kiosk/maqu/version.json', version('2026-01-20'));
      await context.clock.runFor(3_000);
      await expect.poll(() => page.locator('[data-stale-text]').innerText()).toContain('截至那天村里还没有公开');
      const banner = await page.locator('[data-stale-text]').innerText();
      expect(banner).toContain('本屏内容最后更新于2026年1月20日，已经 1 天');
      expect(banner).toContain('2025年第四季度村务公开应于2026年1月15日前公开');
      expect(await bannerShown(page)).toBe(true);
    } finally {
      await context.close();
    }
    // Cut off since (no newer version file reached it), it knows only the build it has (20 November): the screen may be behind.
    const offline = await open('maqu', '', { at, serviceWorkers: 'block' });
    try {
      await offline.context.clock.runFor(3_000);
      const banner = await offline.page.locator('[data-stale-text]').innerText();
      expect(await bannerShown(offline.page)).toBe(true);
      expect(banner).toContain('本屏没有收到');
    } finally {
      await offline.context.close();
    }
  });

  it('dims to a clock during the night hours in its address, wakes on touch, and returns to the board in the morning', async () => {
    const { context, page } = await open('maqu', '?night=22-6', { at: new Date('2025-11-20T23:00:00+08:00'), hasTouch: true, serviceWorkers: 'block' });
    try {
      const night = page.locator('[data-night]');
      await context.clock.runFor(1_000);
      expect(await night.isVisible()).toBe(true);
      expect(await page.locator('#board').isVisible()).toBe(false);
      expect(await page.locator('[data-night-time]').textContent()).toBe('23:00');

      await page.touchscreen.tap(900, 500);
      expect(await night.isVisible()).toBe(false);
      expect(await page.locator('.slide.current').isVisible()).toBe(true);
      await context.clock.runFor(61_000);
      expect(await night.isVisible()).toBe(true);

      await context.clock.setSystemTime(new Date('2025-11-21T06:00:30+08:00'));
      await context.clock.runFor(1_000);
      expect(await night.isVisible()).toBe(false);
      expect(await page.locator('.slide.current').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('never leaves the bands in the same place for ten minutes: a pixel shift every minute and a layout swap', async () => {
    const { context, page } = await open('maqu', '', { at: new Date('2025-11-20T10:00:00+08:00'), serviceWorkers: 'block' });
    try {
      const box = async () => JSON.stringify(await Promise.all(['.top', '.bottom', '[data-clock]', '.qr'].map((s) => page.locator(s).boundingBox())));
      const layout = () => page.locator('#board').getAttribute('data-layout');
      const start = await box();
      const startLayout = await layout();
      let previous = start;
      for (let minute = 1; minute <= 10; minute += 1) {
        await context.clock.runFor(60_000);
        const now = await box();
        expect(now, `minute ${minute}`).not.toBe(previous);
        previous = now;
      }
      expect(await layout()).not.toBe(startLayout);
    } finally {
      await context.close();
    }
  });
});

describe('a kiosk screen on a network that drops', () => {
  async function waitForOfflineCopy(page: Page): Promise<void> {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
  }

  it('keeps showing everything with the network unplugged after the first load, and after a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    try {
      await page.goto(`${server.url}/kiosk/maqu/?every=1&check=1`);
      await waitForOfflineCopy(page);
      const total = await page.locator('[data-slide]').count();
      expect(requested.filter((u) => !u.startsWith(server.url))).toEqual([]);

      await server.stop();
      await context.setOffline(true);
      await expect.poll(() => page.locator('[data-sync]').textContent(), { timeout: 5_000 }).toContain('离线显示中');
      const before = await currentKey(page);
      await expect.poll(() => currentKey(page), { timeout: 5_000 }).not.toBe(before);

      await page.reload();
      expect(await page.locator('[data-slide]').count()).toBe(total);
      expect(await page.locator('h1').innerText()).toContain('马曲村');
      // The script came from the offline copy too: it runs the clock and the rotation.
      expect(await page.locator('[data-clock]').isVisible()).toBe(true);
      const after = await currentKey(page);
      await expect.poll(() => currentKey(page), { timeout: 5_000 }).not.toBe(after);
      expect(
        await page.evaluate(() =>
          fetch('/kiosk/maqu/version.json', { cache: 'no-store' }).then(
            () => 'online',
            () => 'offline',
          ),
        ),
      ).toBe('offline');
    } finally {
      await context.close();
      await server.start();
    }
  });

  it('adopts a newly published build within a few checks, by itself, and keeps it for the next outage', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/kiosk/maqu/?check=1`);
      await waitForOfflineCopy(page);
      const dibao = () => page.locator('[data-key="notice-2025-11-17-dibao"]').count();
      expect(await dibao()).toBe(1);
      await page.evaluate(() => Object.assign(window, { beforeUpdate: true }));

      const asked = server.requests.length;
      server.setRoot(rebuilt.dir);
      await expect.poll(() => dibao().catch(() => -1), { timeout: 20_000 }).toBe(0);
      expect(await page.evaluate(() => 'beforeUpdate' in window)).toBe(false);
      // It got there the real way: polling the version file and re-fetching the service worker.
      const since = server.requests.slice(asked);
      expect(since).toContain('/kiosk/maqu/version.json');
      expect(since).toContain('/kiosk/maqu/sw.js');

      await server.stop();
      await context.setOffline(true);
      await page.reload();
      expect(await dibao()).toBe(0);
      expect(await page.locator('.asof').innerText()).toContain('最近更新');
    } finally {
      await context.close();
      server.setRoot(built.dir);
      await server.start();
    }
  });
});

describe('what the screen looks like', () => {
  /** Share of pixels that differ from the most common colour: ~0 for a blank or black frame. */
  function nonUniformShare(file: string): number {
    const png = PNG.sync.read(readFileSync(file));
    const counts = new Map<number, number>();
    for (let i = 0; i < png.data.length; i += 16) {
      const key = (png.data[i]! << 16) | (png.data[i + 1]! << 8) | png.data[i + 2]!;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const samples = png.data.length / 16;
    return 1 - Math.max(...counts.values()) / samples;
  }

  for (const [orientation, width, height] of [
    ['landscape', 1920, 1080],
    ['portrait', 1080, 1920],
  ] as const) {
    it(`fits every item on a ${width}×${height} screen in type readable from 3 metres and as large as the screen allows, nothing cut off, blank or left half empty`, async () => {
      for (const village of ['maqu', 'wenshui', 'dongxing']) {
        const { context, page } = await open(village, '', { at: AS_OF_MORNING, viewport: { width, height }, serviceWorkers: 'block' });
        try {
          const n = await page.locator('[data-slide]:not([hidden])').count();
          for (let i = 0; i < n; i += 1) {
            const key = await currentKey(page);
            const m = await page.evaluate(async () => {
              // Measure the screen as a viewer sees it: after the next rendering step, when the kiosk's own
              // ResizeObserver (created first, so called first) has fitted the slide again to any band whose
              // text just changed (the log checkpoint and sync state arrive asynchronously).
              await new Promise<void>((settled) => {
                const ro = new ResizeObserver(() => (ro.disconnect(), settled()));
                ro.observe(document.body);
              });
              const slide = document.querySelector<HTMLElement>('.slide.current')!;
              const sizes = (scope: Element) =>
                [...scope.querySelectorAll<HTMLElement>('*')]
                  .filter((el) => [...el.childNodes].some((c) => c.nodeType === 3 && c.textContent!.trim()) && el.getClientRects().length > 0)
                  .map((el) => parseFloat(getComputedStyle(el).fontSize));
              const edge = slide.getBoundingClientRect();
              const clipped = [...slide.querySelectorAll<HTMLElement>('*')].filter((el) => {
                const r = el.getBoundingClientRect();
                return r.width > 0 && (r.right > edge.right + 1 || r.bottom > edge.bottom + 1 || el.scrollWidth > el.clientWidth + 1);
              });
              // Rows of the item area that no part of the item covers (padding, gaps, and the space left
              // below short content), as a share of the screen's height.
              let covered = 0;
              let at = edge.top;
              for (const r of [...slide.children].map((c) => c.getBoundingClientRect()).sort((a, b) => a.top - b.top)) {
                const top = Math.max(at, r.top);
                const bottom = Math.min(edge.bottom, r.bottom);
                if (bottom > top) [covered, at] = [covered + bottom - top, bottom];
              }
              return {
                empty: (edge.height - covered) / window.innerHeight,
                fits: slide.scrollHeight <= slide.clientHeight + 1 && clipped.length === 0,
                slideMin: Math.min(...sizes(slide)),
                frameMin: Math.min(...['.top', '.bottom', '[data-stale-banner]'].flatMap((sel) => sizes(document.querySelector(sel)!))),
                overflowX: document.documentElement.scrollWidth > window.innerWidth,
              };
            });
            const file = join(SHOTS, `${village}-${orientation}-${String(i + 1).padStart(2, '0')}-${key}.png`);
            await page.screenshot({ path: file });
            expect(m.fits, `${village} ${key} fits`).toBe(true);
            // ≥ 40 px text in the items and ≥ 30 px in the bands (on a 43″ 1080p panel, 1 px ≈ 0.5 mm).
            expect(m.slideMin, `${village} ${key} smallest item text`).toBeGreaterThanOrEqual(40);
            expect(m.frameMin, `${village} ${key} smallest band text`).toBeGreaterThanOrEqual(30);
            expect(m.overflowX).toBe(false);
            // Type grows until the item fills its area: at most a sixth of a portrait screen (a quarter of a landscape one, whose wide lines wrap in bigger steps) left empty.
            expect(m.empty, `${village} ${key} empty share of the screen`).toBeLessThanOrEqual(orientation === 'portrait' ? 1 / 6 : 1 / 4);
            expect(nonUniformShare(file), `${file} is not blank`).toBeGreaterThan(0.02);
            await page.keyboard.press('ArrowRight');
          }
        } finally {
          await context.close();
        }
      }
      // Keep one of each orientation where people look first.
      const first = readdirSync(SHOTS).find((f) => f.startsWith(`maqu-${orientation}-01`))!;
      copyFileSync(join(SHOTS, first), join(SHOTS, `_maqu-${orientation}.png`));
    }, 120_000);
  }
});
