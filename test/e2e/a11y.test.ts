/**
 * Accessibility gate in a real browser (Debian Chromium): axe-core finds no WCAG 2.2 AA violation on
 * any page template of the demo at desktop (1280 px) and phone (360 px) widths, and the MIIT
 * elderly-friendly (适老化) rules hold: body text ≥ 18 px (chart labels included, SVG text at its drawn size),
 * line height ≥ 1.3, no table column narrower than 4 characters, no sideways scrolling at
 * 320 px, links and buttons in navigation and lists at least 44 × 44 px, form fields 44 px high (test/helpers/a11y.ts). (MIIT gives 18 dp and
 * 44 × 44 dp for apps; we read dp as CSS px.)
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateOf } from '../../bench/lib/output.ts';
import { inspectPage, type A11yFindings } from '../helpers/a11y.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { ensureDemoDist } from '../helpers/dist.ts';
import { serveDir, type StaticServer } from '../helpers/serve.ts';

const WIDTHS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 360, height: 740 },
];

/** The demo's most demanding page of each template, then the first page of any other route present. */
const CHOSEN = [
  '/',
  '/v/maqu/',
  '/v/maqu/disclosures/2025-q3/',
  '/v/maqu/disclosures/2025-q3-gengzheng/',
  '/v/maqu/finances/2025-q3/',
  '/v/maqu/meetings/2025-07-22-daibiao/',
  '/v/dongguan/meetings/2025-08-26-daibiao/',
  '/v/dongguan/meetings/2025-06-18-xieshang/',
  '/v/maqu/notices/2025-11-17-dibao/',
  '/v/dongxing/notices/2025-09-08-zhaijidi/',
  '/v/maqu/volunteers/2025-q3/',
];

function pagesToTest(dist: string): string[] {
  const all: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name === 'index.html') all.push(`/${relative(dist, dir).split('\\').join('/')}${dir === dist ? '' : '/'}`);
    }
  };
  walk(dist);
  const pages = CHOSEN.filter((p) => all.includes(p));
  const covered = new Set(pages.map(templateOf));
  for (const p of all) {
    const t = templateOf(p);
    if (!covered.has(t)) {
      covered.add(t);
      pages.push(p);
    }
  }
  return pages;
}

let server: StaticServer;
let browser: Browser;
let pages: string[] = [];

beforeAll(async () => {
  const dist = ensureDemoDist().dist;
  pages = pagesToTest(dist);
  server = await serveDir(dist);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, width: number, height: number): Promise<Page> {
  // bypassCSP: axe-core is injected as an inline script, which the site's strict policy would block.
  const page = await browser.newPage({ viewport: { width, height }, bypassCSP: true });
  const response = await page.goto(server.url + path, { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
  return page;
}

/** Opens every page once at this width and collects axe violations, small text and small targets. */
async function inspect(width: number, height: number): Promise<A11yFindings> {
  const found: A11yFindings = { axe: [], text: [], targets: [], columns: [] };
  for (const path of pages) {
    const page = await open(path, width, height);
    try {
      const r = await inspectPage(page, path);
      for (const key of ['axe', 'text', 'targets', 'columns'] as const) found[key].push(...r[key]);
    } finally {
      await page.close();
    }
  }
  return found;
}

describe('accessibility', () => {
  it('covers every page template of the demo', () => {
    expect(pages.map(templateOf)).toEqual(
      expect.arrayContaining([
        '/',
        '/v/[village]/',
        '/v/[village]/disclosures/[id]/',
        '/v/[village]/finances/[id]/',
        '/v/[village]/meetings/[id]/',
        '/v/[village]/notices/[id]/',
        '/v/[village]/volunteers/[id]/',
      ]),
    );
  });

  for (const w of WIDTHS) {
    describe(`at ${w.name} width (${w.width} px)`, () => {
      let found: A11yFindings;
      beforeAll(async () => {
        found = await inspect(w.width, w.height);
      }, 300_000);

      it('has no WCAG 2.2 AA violations (axe-core) on any template', () => {
        expect(found.axe).toEqual([]);
      });

      it('shows body and main text of at least 18 px with a line height of at least 1.3', () => {
        expect(found.text).toEqual([]);
      });

      it('makes links and buttons in navigation and lists at least 44 × 44 px, and every form field and button at least 44 px high', () => {
        expect(found.targets).toEqual([]);
      });

      it('keeps every table column at least 4 characters wide (wide tables become cards on phones)', () => {
        expect(found.columns).toEqual([]);
      });
    });
  }

  it('never scrolls sideways at 320 px (400 % zoom of a 1280 px screen)', async () => {
    const found: string[] = [];
    for (const path of pages) {
      const page = await open(path, 320, 640);
      try {
        const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
        if (width > 320) found.push(`${path}: ${width} px wide`);
      } finally {
        await page.close();
      }
    }
    expect(found).toEqual([]);
  }, 120_000);
});
