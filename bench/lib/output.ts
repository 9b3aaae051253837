/**
 * What a build wrote: files, bytes, HTML pages, client JavaScript, and the heaviest page of each
 * route template (raw and gzip-compressed HTML + CSS, as a browser would transfer it).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { budgetFor, overBudget, pageWeight, type Budgets, type PageWeight } from './weight.ts';

/** Route template of a page path: /v/maqu/finances/2025-q3/ → /v/[village]/finances/[id]/. */
export function templateOf(pagePath: string): string {
  const p = pagePath.replace(/index\.html$/, '').replace(/^\/?/, '/');
  if (p === '/') return '/';
  const v = /^\/v\/[^/]+\/(?:([^/]+)\/[^/]+\/)?$/.exec(p);
  if (v) return v[1] ? `/v/[village]/${v[1]}/[id]/` : '/v/[village]/';
  // Other routes (kiosk, search …): keep the first segment, generalise the rest.
  const parts = p.split('/').filter(Boolean);
  return `/${parts[0]}/${parts
    .slice(1)
    .map(() => '[x]/')
    .join('')}`;
}

export interface OutputStats {
  files: number;
  bytes: number;
  htmlPages: number;
  htmlBytes: number;
  jsFiles: number;
  jsBytes: number;
  cssFiles: number;
  cssBytes: number;
  /** Pages that load any client JavaScript. */
  pagesWithScripts: number;
  /** Per template: pages, median page size, and the heaviest page's weight against its budget. */
  templates: Record<string, { pages: number; medianRawBytes: number; maxPage: string; max: PageWeight; overBudget: string[] }>;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const abs = join(dir, e.name);
    if (e.isDirectory()) walk(abs, out);
    else out.push(abs);
  }
  return out;
}

export function measureOutput(dir: string, budgets?: Budgets): OutputStats {
  const files = walk(dir);
  const stats: OutputStats = {
    files: files.length,
    bytes: 0,
    htmlPages: 0,
    htmlBytes: 0,
    jsFiles: 0,
    jsBytes: 0,
    cssFiles: 0,
    cssBytes: 0,
    pagesWithScripts: 0,
    templates: {},
  };
  const sizes = new Map<string, { size: number; file: string }[]>();
  for (const f of files) {
    const size = statSync(f).size;
    stats.bytes += size;
    if (f.endsWith('.js') || f.endsWith('.mjs')) {
      stats.jsFiles += 1;
      stats.jsBytes += size;
    } else if (f.endsWith('.css')) {
      stats.cssFiles += 1;
      stats.cssBytes += size;
    } else if (f.endsWith('.html')) {
      stats.htmlPages += 1;
      stats.htmlBytes += size;
      if (/<script\b|rel="?modulepreload/i.test(readFileSync(f, 'utf8'))) stats.pagesWithScripts += 1;
      const t = templateOf(`/${relative(dir, f).split('\\').join('/')}`);
      (sizes.get(t) ?? sizes.set(t, []).get(t)!).push({ size, file: f });
    }
  }
  for (const [t, list] of sizes) {
    list.sort((a, b) => a.size - b.size);
    const heaviest = list.at(-1)!;
    const max = pageWeight(dir, heaviest.file);
    stats.templates[t] = {
      pages: list.length,
      medianRawBytes: list[Math.floor(list.length / 2)]!.size,
      maxPage: `/${relative(dir, heaviest.file).split('\\').join('/')}`,
      max,
      overBudget: budgets ? overBudget(max, budgetFor(budgets, t)) : [],
    };
  }
  return stats;
}
