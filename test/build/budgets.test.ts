/**
 * Every page template of the built demo stays within its weight budget (test/budgets.json): HTML +
 * CSS raw and as transferred (gzip), and client JavaScript. The benchmark checks the same budgets on
 * synthetic counties of 30–1,000 villages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { templateOf } from '../../bench/lib/output.ts';
import { gzipSync } from 'node:zlib';
import { budgetFor, loadBudgets, NGINX_GZIP, overBudget, pageWeight, transferredBytes, type PageWeight } from '../../bench/lib/weight.ts';
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
  it('finds every page template with a budget of its own in the demo', () => {
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
    expect(budgetFor(budgets, '/mingci/[x]/')).toBe(budgets.default);
  });

  it('counts bytes as the site’s nginx sends them, 1 KB being 1,024 B: a 公示 page with 6,130 B of script (6.13 kB in thousands) is within 6 KB, one with 6,145 B is over', () => {
    const notice = budgetFor(budgets, '/v/[village]/notices/[id]/');
    expect(notice.jsGzipBytes).toBe(6 * 1024);
    const page = (jsGzipBytes: number): PageWeight => ({
      htmlCssBytes: 1000,
      htmlCssGzipBytes: 500,
      jsBytes: 12_000,
      jsGzipBytes,
      scripts: ['/_astro/log-check.js'],
    });
    expect(overBudget(page(6130), notice)).toEqual([]);
    expect(overBudget(page(6144), notice)).toEqual([]);
    expect(overBudget(page(6145), notice)).toEqual(['JS gzip 6145 B > 6144 B (/_astro/log-check.js)']);
    // nginx's level and minimum length, as deploy/nginx/gongkai.conf sets them.
    const conf = readFileSync(join(ROOT, 'deploy/nginx/gongkai.conf'), 'utf8');
    expect(Number(/^\s*gzip_comp_level (\d+);/m.exec(conf)?.[1])).toBe(NGINX_GZIP.level);
    expect(Number(/^\s*gzip_min_length (\d+);/m.exec(conf)?.[1])).toBe(NGINX_GZIP.minLength);
    const script = Buffer.from('const days = (a, b) => Math.round((b - a) / 86400000);\n'.repeat(40));
    expect(transferredBytes(script)).toBe(gzipSync(script, { level: 6 }).length);
    expect(transferredBytes(script.subarray(0, 300))).toBe(300);
  });
});
