/**
 * Accessibility gate in a real browser (Debian Chromium): axe-core finds no WCAG 2.2 AA violation on
 * any page template of the demo at desktop (1280 px) and phone (360 px) widths, and the MIIT
 * elderly-friendly (适老化) rules hold: body text ≥ 18 px (chart labels included, SVG text at its drawn size),
 * line height ≥ 1.3, no table column narrower than 4 characters, no sideways scrolling at
 * 320 px, and links and buttons in navigation and lists at least 44 × 44 px. (MIIT gives 18 dp and
 * 44 × 44 dp for apps; we read dp as CSS px.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateOf } from '../../bench/lib/output.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { ensureDemoDist } from '../helpers/dist.ts';
import { ROOT } from '../helpers/fixture-tree.ts';
import { serveDir, type StaticServer } from '../helpers/serve.ts';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
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

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

interface Findings {
  axe: string[];
  text: string[];
  targets: string[];
  columns: string[];
}

/** Opens every page once at this width and collects axe violations, small text and small targets. */
async function inspect(width: number, height: number): Promise<Findings> {
  const found: Findings = { axe: [], text: [], targets: [], columns: [] };
  for (const path of pages) {
    const page = await open(path, width, height);
    try {
      await page.addScriptTag({ content: AXE });
      const r = await page.evaluate(async (tags) => {
        const axe = (globalThis as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: unknown[] }> } }).axe;
        const { violations } = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
        const text: string[] = [];
        const check = (el: Element, what: string) => {
          const cs = getComputedStyle(el);
          const size = parseFloat(cs.fontSize);
          const lh = cs.lineHeight === 'normal' ? 1.2 * size : parseFloat(cs.lineHeight);
          if (size < 18) text.push(`${what} font-size ${size}px`);
          if (lh / size < 1.3 - 1e-6) text.push(`${what} line-height ${(lh / size).toFixed(2)}`);
        };
        check(document.body, 'body');
        // Main text: paragraphs, list items, table cells, definitions and chart labels that hold text of their own.
        for (const el of document.querySelectorAll('main p, main li, main td, main th, main dd, main dt, main caption, main figure *')) {
          const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim().length > 0);
          if (own && (el as HTMLElement).offsetParent !== null) check(el, `${el.tagName.toLowerCase()}${el.className ? `.${el.className}` : ''}`);
        }
        // Text drawn inside an SVG is as large as the picture is scaled: font size × drawn width / viewBox width.
        for (const el of document.querySelectorAll('main svg text')) {
          const svg = el.closest('svg')!;
          const vb = svg.viewBox.baseVal;
          const scale = vb && vb.width > 0 ? svg.getBoundingClientRect().width / vb.width : 1;
          const size = parseFloat(getComputedStyle(el).fontSize) * scale;
          if (size < 18 - 0.05) text.push(`svg text "${(el.textContent ?? '').slice(0, 12)}" drawn at ${size.toFixed(1)}px`);
        }
        // A table column narrower than 4 characters (4 × its font size, inside the padding) wraps words letter by letter.
        const columns: string[] = [];
        for (const cell of document.querySelectorAll('main td, main th')) {
          const cs = getComputedStyle(cell);
          if (cs.display !== 'table-cell' || (cell as HTMLElement).offsetParent === null) continue;
          const inner =
            cell.getBoundingClientRect().width -
            parseFloat(cs.paddingLeft) -
            parseFloat(cs.paddingRight) -
            parseFloat(cs.borderLeftWidth) -
            parseFloat(cs.borderRightWidth);
          if (inner < 4 * parseFloat(cs.fontSize) - 0.5)
            columns.push(
              `${cell.closest('table')?.querySelector('caption')?.textContent?.trim().slice(0, 20) ?? 'table'}: "${(cell.textContent ?? '').trim().slice(0, 12)}" ${Math.round(inner)} px`,
            );
        }
        const targets: string[] = [];
        for (const el of document.querySelectorAll('nav a, nav button, li a, li button')) {
          const b = el.getBoundingClientRect();
          if (b.width === 0 && b.height === 0) continue; // not displayed
          if (b.width < 44 - 0.5 || b.height < 44 - 0.5)
            targets.push(`"${(el.textContent ?? '').trim().slice(0, 16)}" ${Math.round(b.width)}×${Math.round(b.height)}`);
        }
        return { violations, text: [...new Set(text)], targets, columns: [...new Set(columns)] };
      }, TAGS);
      for (const v of r.violations as AxeViolation[]) {
        found.axe.push(
          `${path} ${v.id} (${v.impact}): ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ')}${v.nodes.length > 3 ? ` … ${v.nodes.length} nodes` : ''}`,
        );
      }
      for (const t of r.text) found.text.push(`${path}: ${t}`);
      for (const t of r.targets) found.targets.push(`${path}: ${t}`);
      for (const t of r.columns) found.columns.push(`${path}: ${t}`);
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
      let found: Findings;
      beforeAll(async () => {
        found = await inspect(w.width, w.height);
      }, 300_000);

      it('has no WCAG 2.2 AA violations (axe-core) on any template', () => {
        expect(found.axe).toEqual([]);
      });

      it('shows body and main text of at least 18 px with a line height of at least 1.3', () => {
        expect(found.text).toEqual([]);
      });

      it('makes links and buttons in navigation and lists at least 44 × 44 px', () => {
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
