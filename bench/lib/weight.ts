/**
 * What one built page weighs for a villager's phone: its HTML plus the stylesheets it links (raw
 * and as transferred), and the client JavaScript it loads (inline scripts, script and modulepreload
 * files), as transferred. Budgets per route template live in test/budgets.json, in bytes (where a
 * figure is written in KB, 1 KB = 1,024 B); the build test and the benchmark both use this module to
 * check them, so every page-weight figure is measured one way: `transferredBytes`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  htmlCssBytes: number;
  htmlCssGzipBytes: number;
  jsBytes: number;
  jsGzipBytes: number;
  /** The scripts counted, for messages: "inline" or the file path. */
  scripts: string[];
}

export interface Budget {
  htmlCssBytes: number;
  htmlCssGzipBytes: number;
  jsGzipBytes: number;
  why: string;
}

export interface Budgets {
  default: Budget;
  templates: Record<string, Budget>;
}

/** The site's nginx (deploy/nginx/gongkai.conf): `gzip_comp_level` and `gzip_min_length` (smaller files are sent as they are). */
export const NGINX_GZIP = { level: 6, minLength: 512 };

/** The bytes a phone receives for `body` from the site's nginx: gzip at its level, a file under its minimum length as it is. */
export function transferredBytes(body: Buffer | string): number {
  const bytes = Buffer.byteLength(body);
  return bytes < NGINX_GZIP.minLength ? bytes : gzipSync(body, { level: NGINX_GZIP.level }).length;
}

function local(dist: string, href: string): Buffer | undefined {
  if (/^(?:[a-z]+:)?\/\//i.test(href) || href.startsWith('data:')) return undefined;
  const file = join(dist, decodeURIComponent(href.split(/[?#]/)[0]!.replace(/^\//, '')));
  return existsSync(file) ? readFileSync(file) : undefined;
}

/** The weight of the page in `htmlFile`, resolving linked files against `dist` (base path "/"). */
export function pageWeight(dist: string, htmlFile: string): PageWeight {
  const html = readFileSync(htmlFile);
  const text = html.toString('utf8');
  const css: Buffer[] = [];
  for (const m of text.matchAll(/<link\b[^>]*>/gi)) {
    const tag = m[0];
    const href = /\bhref="([^"]+)"/i.exec(tag)?.[1];
    if (!href) continue;
    if (/\brel="?stylesheet"?/i.test(tag)) {
      const b = local(dist, href);
      if (b) css.push(b);
    }
  }
  const js: { name: string; bytes: Buffer }[] = [];
  for (const m of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? '';
    const type = /\btype="([^"]+)"/i.exec(attrs)?.[1];
    if (type && !/^(module|text\/javascript|application\/javascript)$/i.test(type)) continue; // data, e.g. JSON-LD
    const src = /\bsrc="([^"]+)"/i.exec(attrs)?.[1];
    if (src) {
      const b = local(dist, src);
      js.push({ name: src, bytes: b ?? Buffer.alloc(0) });
    } else if ((m[2] ?? '').trim()) js.push({ name: 'inline', bytes: Buffer.from(m[2]!) });
  }
  for (const m of text.matchAll(/<link\b[^>]*rel="?modulepreload"?[^>]*>/gi)) {
    const href = /\bhref="([^"]+)"/i.exec(m[0])?.[1];
    const b = href ? local(dist, href) : undefined;
    if (href) js.push({ name: href, bytes: b ?? Buffer.alloc(0) });
  }
  return {
    htmlCssBytes: html.length + css.reduce((s, b) => s + b.length, 0),
    htmlCssGzipBytes: transferredBytes(html) + css.reduce((s, b) => s + transferredBytes(b), 0),
    jsBytes: js.reduce((s, x) => s + x.bytes.length, 0),
    jsGzipBytes: js.reduce((s, x) => s + transferredBytes(x.bytes), 0),
    scripts: js.map((x) => x.name),
  };
}

export function loadBudgets(project: string): Budgets {
  return JSON.parse(readFileSync(join(project, 'test', 'budgets.json'), 'utf8')) as Budgets;
}

export function budgetFor(budgets: Budgets, template: string): Budget {
  return budgets.templates[template] ?? budgets.default;
}

/** The limits a page goes over, as readable sentences (empty when within budget). */
export function overBudget(w: PageWeight, b: Budget): string[] {
  const out: string[] = [];
  if (w.htmlCssBytes > b.htmlCssBytes) out.push(`HTML+CSS ${w.htmlCssBytes} B > ${b.htmlCssBytes} B`);
  if (w.htmlCssGzipBytes > b.htmlCssGzipBytes) out.push(`HTML+CSS gzip ${w.htmlCssGzipBytes} B > ${b.htmlCssGzipBytes} B`);
  if (w.jsGzipBytes > b.jsGzipBytes) out.push(`JS gzip ${w.jsGzipBytes} B > ${b.jsGzipBytes} B (${w.scripts.join(', ')})`);
  return out;
}
