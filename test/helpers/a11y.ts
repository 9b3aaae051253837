/**
 * The accessibility rules every public page is held to, checked in the page as Chromium draws it: axe-core's WCAG 2.2
 * AA rules, and the MIIT elderly-friendly (适老化) rules read as CSS px — body and main text ≥ 18 px with a line
 * height ≥ 1.3 (SVG text at its drawn size), links and buttons in navigation and lists and every form control at least
 * 44 px high (links and buttons also 44 px wide), and no table column narrower than 4 characters. Used by
 * test/e2e/a11y.test.ts (a county's pages) and test/build/province-search.test.ts (the province portal).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from './fixture-tree.ts';

const AXE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** What one page breaks, each line naming the page, the element and the measure. */
export interface A11yFindings {
  axe: string[];
  text: string[];
  targets: string[];
  columns: string[];
}

/**
 * Checks the page open in `page` (opened with `bypassCSP: true`: axe-core goes in as an inline script) and names each
 * finding with `path`.
 */
export async function inspectPage(page: Page, path: string): Promise<A11yFindings> {
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
    // A form's fields and buttons: tall enough to hit, with text as large as the page's.
    for (const el of document.querySelectorAll('main input:not([type=hidden]), main select, main textarea, main button')) {
      const b = el.getBoundingClientRect();
      if (b.width === 0 && b.height === 0) continue;
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}`;
      if (b.height < 44 - 0.5) targets.push(`${name} ${Math.round(b.width)}×${Math.round(b.height)}`);
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 18) text.push(`${name} font-size ${size}px`);
    }
    return { violations, text: [...new Set(text)], targets, columns: [...new Set(columns)] };
  }, TAGS);
  return {
    axe: (r.violations as AxeViolation[]).map(
      (v) =>
        `${path} ${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}${v.nodes.length > 3 ? ` … ${v.nodes.length} nodes` : ''}`,
    ),
    text: r.text.map((t) => `${path}: ${t}`),
    targets: r.targets.map((t) => `${path}: ${t}`),
    columns: r.columns.map((t) => `${path}: ${t}`),
  };
}
