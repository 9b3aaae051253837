/**
 * What a build wrote: files, bytes, HTML pages, client JavaScript, and the heaviest page of each
 * route template (raw and gzip-compressed HTML + CSS, as a browser would transfer it).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Route template of a page path: /v/maqu/finances/2025-q3/ → /v/[village]/finances/[id]/. */
export function templateOf(pagePath: string): string {
  const p = pagePath.replace(/index\.html$/, '').replace(/^\/?/, '/');
  if (p === '/') return '/';
  const v = /^\/v\/[^/]+\/(?:([^/]+)\/[^/]+\/)?$/.exec(p);
  if (v) return v[1] ? `/v/[village]/${v[1]}/[id]/` : '/v/[village]/';
  // Other routes (kiosk, search …): keep the first segment, generalise the rest.
  const parts = p.split('/').filter(Boolean);
  return `/${parts[0]}/${parts.slice(1).map(() => '[x]/').join('')}`;
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
  /** Per template: pages, and the heaviest page by raw HTML (+ linked CSS) with its gzip size. */
  templates: Record<string, { pages: number; maxPage: string; maxRawBytes: number; maxGzipBytes: number; medianRawBytes: number }>;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const abs = join(dir, e.name);
    if (e.isDirectory()) walk(abs, out);
    else out.push(abs);
  }
  return out;
}

/** Bytes of the stylesheets a page links (inlined CSS is already in the HTML). */
function linkedCss(dir: string, html: string): Buffer[] {
  const out: Buffer[] = [];
  for (const m of html.matchAll(/<link[^>]+rel="?stylesheet"?[^>]*>/g)) {
    const href = /href="([^"]+)"/.exec(m[0])?.[1];
    if (!href || /^https?:/.test(href)) continue;
    try {
      out.push(readFileSync(join(dir, href.replace(/^\//, ''))));
    } catch {
      // a stylesheet outside the output; ignore
    }
  }
  return out;
}

export function measureOutput(dir: string, options: { gzipAll?: boolean } = {}): OutputStats {
  const files = walk(dir);
  const stats: OutputStats = { files: files.length, bytes: 0, htmlPages: 0, htmlBytes: 0, jsFiles: 0, jsBytes: 0, cssFiles: 0, cssBytes: 0, templates: {} };
  const sizes = new Map<string, number[]>();
  const cssCache = new Map<string, Buffer[]>();
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
      const page = `/${relative(dir, f).split('\\').join('/')}`;
      const t = templateOf(page);
      const entry = (stats.templates[t] ??= { pages: 0, maxPage: '', maxRawBytes: 0, maxGzipBytes: 0, medianRawBytes: 0 });
      entry.pages += 1;
      (sizes.get(t) ?? sizes.set(t, []).get(t)!).push(size);
      if (size > entry.maxRawBytes || options.gzipAll) {
        const html = readFileSync(f);
        const key = html.toString('utf8').match(/<link[^>]+stylesheet[^>]*>/g)?.join('') ?? '';
        const css = cssCache.get(key) ?? cssCache.set(key, linkedCss(dir, html.toString('utf8'))).get(key)!;
        const raw = Buffer.concat([html, ...css]);
        if (raw.length > entry.maxRawBytes) {
          entry.maxRawBytes = raw.length;
          entry.maxPage = page;
          entry.maxGzipBytes = gzipSync(html).length + css.reduce((s, c) => s + gzipSync(c).length, 0);
        }
      }
    }
  }
  for (const [t, list] of sizes) {
    list.sort((a, b) => a - b);
    stats.templates[t]!.medianRawBytes = list[Math.floor(list.length / 2)]!;
  }
  return stats;
}
