/**
 * Every page template of the built demo stays within its weight budget (test/budgets.json): HTML +
 * CSS raw and as transferred (gzip), and client JavaScript. The benchmark checks the same budgets on
 * synthetic counties of 30–1,000 villages.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { templateOf } from '../../bench/lib/output.ts';
import { budgetFor, loadBudgets, overBudget, pageWeight, type PageWeight } from '../../bench/lib/weight.ts';
import { ensureDemoDist } from '../helpers/dist.ts';
import { ROOT } from '../helpers/fixture-tree.ts';

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

let dist = '';
const budgets = loadBudgets(ROOT);
/** template → every page's weight */
const byTemplate = new Map<string, { page: string; weight: PageWeight }[]>();

beforeAll(() => {
  dist = ensureDemoDist().dist;
  for (const f of htmlFiles(dist)) {
    const page = `/${relative(dist, f).split('\\').join('/')}`;
    const t = templateOf(page);
    (byTemplate.get(t) ?? byTemplate.set(t, []).get(t)!).push({ page, weight: pageWeight(dist, f) });
  }
});

describe('page weight budgets', () => {
  it('finds the seven public page templates in the demo', () => {
    expect([...byTemplate.keys()]).toEqual(expect.arrayContaining(Object.keys(budgets.templates)));
  });

  it('keeps every page of every template within its HTML+CSS and JavaScript budget', () => {
    const over: string[] = [];
    for (const [t, pages] of byTemplate) {
      const budget = budgetFor(budgets, t);
      for (const { page, weight } of pages) for (const o of overBudget(weight, budget)) over.push(`${page} (${t}): ${o}`);
    }
    expect(over).toEqual([]);
  });

  it('keeps a village board under 30 KB transferred with no JavaScript', () => {
    const boards = byTemplate.get('/v/[village]/') ?? [];
    expect(boards.length).toBeGreaterThan(0);
    for (const { page, weight } of boards) {
      expect(weight.htmlCssGzipBytes, page).toBeLessThan(30 * 1024);
      expect(weight.jsBytes, page).toBe(0);
    }
  });

  it('notices a page that goes over: an inline script, a heavy page', () => {
    const b = budgetFor(budgets, '/v/[village]/');
    expect(overBudget({ htmlCssBytes: 1000, htmlCssGzipBytes: 500, jsBytes: 20, jsGzipBytes: 40, scripts: ['inline'] }, b)).toHaveLength(1);
    expect(overBudget({ htmlCssBytes: 10_000_000, htmlCssGzipBytes: 500_000, jsBytes: 0, jsGzipBytes: 0, scripts: [] }, b)).toHaveLength(2);
    expect(budgetFor(budgets, '/kiosk/[x]/')).toBe(budgets.default);
  });
});
