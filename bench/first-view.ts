/**
 * `node bench/first-view.ts <site> [<site> …] [--pages /a/,/b/] [--rounds N]`: how soon a villager's phone draws a page on
 * a slow network, for sites built with `stylesheets: inline` and `stylesheets: linked` (content/site.yaml). Each site is
 * served by Debian's nginx with the project's own configuration (deploy/nginx/gongkai.conf: gzip, /_astro/ cached a
 * year) and opened in Debian's Chromium with the network throttled by CDP `Network.emulateNetworkConditions` to Chrome
 * DevTools' presets (Slow 3G: 2,000 ms round trip, 50,000 B/s each way; Fast 3G: 562.5 ms, 180,000 B/s down). Per round
 * a fresh browser context (empty cache) opens the first page, then follows to the second: the figures are each page's
 * first contentful paint (from the start of its navigation) and the bytes it transferred, the median of the rounds.
 * Without sites it says what it needs and exits 0 (`npm run bench` runs every bench/<name>.ts without arguments).
 */
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from '../test/helpers/browser.ts';
import { startNginx } from '../test/helpers/nginx.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    pages: { type: 'string', default: '/v/bacun/meetings/2025-10-12-lianxi/,/v/bacun/meetings/2025-10-02-daibiao/' },
    rounds: { type: 'string', default: '5' },
  },
});
if (positionals.length === 0) {
  console.log('bench/first-view.ts: give one or more built sites (e.g. one with stylesheets: inline and one with linked); skipped.');
  process.exit(0);
}

/** Chrome DevTools' throttling presets (front_end/core/sdk/NetworkManager.ts), in CDP's units (ms, bytes per second). */
const PROFILES = {
  'slow-3g': { latency: 2000, downloadThroughput: ((500 * 1000) / 8) * 0.8, uploadThroughput: ((500 * 1000) / 8) * 0.8 },
  'fast-3g': { latency: 562.5, downloadThroughput: ((1.6 * 1000 * 1000) / 8) * 0.9, uploadThroughput: ((750 * 1000) / 8) * 0.9 },
} as const;

const pages = values.pages.split(',');
const rounds = Number(values.rounds);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const browser = await launchBrowser();
try {
  for (const site of positionals) {
    const webRoot = mkdtempSync(join(tmpdir(), 'gongkai-first-view-'));
    symlinkSync(resolve(site), join(webRoot, 'current'));
    symlinkSync(resolve(site), join(webRoot, 'previous'));
    const nginx = await startNginx(webRoot);
    try {
      for (const [profile, conditions] of Object.entries(PROFILES)) {
        const paint: number[][] = pages.map(() => []);
        const bytes: number[][] = pages.map(() => []);
        for (let r = 0; r < rounds; r++) {
          const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
          const page = await context.newPage();
          const cdp = await context.newCDPSession(page);
          await cdp.send('Network.enable');
          await cdp.send('Network.emulateNetworkConditions', { offline: false, ...conditions });
          let transferred = 0;
          cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => (transferred += e.encodedDataLength));
          for (const [i, path] of pages.entries()) {
            transferred = 0;
            const response = await page.goto(nginx.url + path, { waitUntil: 'load' });
            if (response?.status() !== 200) throw new Error(`${path}: HTTP ${response?.status()}`);
            const fcp = await page.evaluate(
              () =>
                new Promise<number>((ok) => {
                  const seen = performance.getEntriesByName('first-contentful-paint')[0];
                  if (seen) return ok(seen.startTime);
                  new PerformanceObserver((list) => ok(list.getEntriesByName('first-contentful-paint')[0]!.startTime)).observe({
                    type: 'paint',
                    buffered: true,
                  });
                }),
            );
            paint[i]!.push(fcp);
            bytes[i]!.push(transferred);
          }
          await context.close();
        }
        for (const [i, path] of pages.entries())
          console.log(
            `${site}\t${profile}\t${i === 0 ? 'first page' : 'next page'}\t${path}\tFCP ${median(paint[i]!).toFixed(0)} ms (${paint[i]!.map((x) => x.toFixed(0)).join(' ')})\t${(median(bytes[i]!) / 1000).toFixed(1)} KB transferred`,
          );
      }
    } finally {
      await nginx.stop();
      rmSync(webRoot, { recursive: true, force: true });
    }
  }
} finally {
  await browser.close();
}
