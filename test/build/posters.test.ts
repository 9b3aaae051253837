/**
 * The posters in the built site: every village's print page links files that exist, each record
 * page shows its poster's 核对码, QR codes in the published pictures lead to pages that exist, PDFs
 * are A3/A4, personal-data posters stay off the web, and a rebuild renders only what changed.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCounty } from '../../src/check/load.ts';
import { buildPosters, PRIVATE_DIR } from '../../src/posters/build-step.ts';
import { CACHE_DIR } from '../../src/posters/cache.ts';
import type { PosterDoc } from '../../src/posters/doc.ts';
import { buildPosterDocs } from '../../src/posters/documents.ts';
import { getPosterFiles, listPosterFiles } from '../../src/posters/files.ts';
import { getLayoutFonts } from '../../src/posters/fonts.ts';
import { layoutPoster } from '../../src/posters/layout.ts';
import { POSTER_SIZES, SIZES } from '../../src/posters/sizes.ts';
import { demoDistPath, ensureDemoDist } from '../helpers/dist.ts';
import { makeTree, ROOT } from '../helpers/fixture-tree.ts';

const DIST = demoDistPath();
let docs: PosterDoc[];
let buildLog: string;
const fonts = getLayoutFonts();

beforeAll(() => {
  buildLog = ensureDemoDist().log;
  docs = buildPosterDocs(loadCounty(ROOT, { env: {} }).county!);
});

const html = (path: string) => readFileSync(join(DIST, path, 'index.html'), 'utf8');
const hrefs = (page: string) => [...page.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]!);

describe('posters in the built site', () => {
  it('reports how many posters were rendered and reused', () => {
    expect(buildLog).toMatch(/posters: \d+ rendered, \d+ reused/);
  });

  it('links every village page to its print page, which links only files that exist', () => {
    const villages = [...new Set(docs.map((d) => d.village.id))];
    for (const v of villages) {
      expect(html(`v/${v}`)).toContain(`href="/v/${v}/posters/"`);
      const links = hrefs(html(`v/${v}/posters`)).filter((h) => /\.(pdf|png|svg)$/.test(h));
      expect(links.length).toBeGreaterThan(10);
      for (const h of links) expect(existsSync(join(DIST, decodeURIComponent(h))), h).toBe(true);
    }
  });

  it('publishes every public poster at every size, and lists each on its quarter’s print page with its 核对码', () => {
    for (const d of docs.filter((x) => !x.personal)) {
      const page = html(`v/${d.village.id}/posters`);
      expect(page).toContain(`id="poster-${d.id}"`);
      expect(page).toContain(d.fingerprint);
      for (const size of POSTER_SIZES) {
        const files = getPosterFiles(d, SIZES[size], layoutPoster(d, SIZES[size], fonts).sheets.length);
        for (const f of listPosterFiles(files)) expect(existsSync(join(DIST, 'v', d.village.id, 'posters', f)), f).toBe(true);
      }
    }
  });

  it('shows on each record’s web page the same 核对码 and version as on its poster', () => {
    for (const d of docs) {
      const page = html(`v/${d.village.id}/${d.record.folder}/${d.record.id}`);
      expect(page).toContain(`data-fingerprint="${d.fingerprint}"`);
      expect(page).toContain(`（第${d.version}版）`);
    }
  });

  it('marks the superseded poster on the web, says which version replaces it, and the correction names what changed', () => {
    const old = docs.find((d) => d.village.id === 'maqu' && d.id === 'disclosure-2025-q3')!;
    const fix = docs.find((d) => d.corrects?.posterId === old.id)!;
    const print = html('v/maqu/posters');
    const item = print.slice(print.indexOf(`id="poster-${old.id}"`), print.indexOf('</li>', print.indexOf(`id="poster-${old.id}"`)));
    expect(item).toContain('已更正，请撤下');
    expect(item).toContain(`第2版（核对码 ${fix.fingerprint}）`);
    expect(html('v/maqu/disclosures/2025-q3')).toContain(`已被第2版（核对码 ${fix.fingerprint}）更正`);
    const callout = fix.blocks.find((b) => b.kind === 'callout')!;
    expect(callout.kind === 'callout' && callout.lines.join('')).toContain('“9月12日支付工程进度款186,000.00元”改为“9月12日支付工程进度款168,000.00元”');
  });

  it('keeps posters with personal data (低保 names) off the web and writes them for the clerk to private-posters/', () => {
    const personal = docs.filter((d) => d.personal);
    expect(personal.length).toBeGreaterThan(0);
    const published = readdirSync(join(DIST, 'v'), { recursive: true }).map(String);
    for (const d of personal) {
      expect(published.filter((f) => f.includes(d.id) && !f.endsWith('index.html'))).toEqual([]);
      expect(hrefs(html(`v/${d.village.id}/posters`)).filter((h) => h.includes(d.id))).toEqual([]);
      const files = listPosterFiles(getPosterFiles(d, SIZES.A3, layoutPoster(d, SIZES.A3, fonts).sheets.length));
      for (const f of files) expect(existsSync(join(ROOT, PRIVATE_DIR, d.village.id, f)), f).toBe(true);
    }
  });

  it('publishes PDFs of exactly A3 and A4 size, one page per sheet', () => {
    for (const d of docs.filter((x) => !x.personal)) {
      for (const size of POSTER_SIZES) {
        const sheets = layoutPoster(d, SIZES[size], fonts).sheets.length;
        const pdf = join(DIST, 'v', d.village.id, 'posters', getPosterFiles(d, SIZES[size], sheets).pdf);
        const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
        expect(info).toMatch(size === 'A3' ? /Page size:\s+841\.89 x 1190\.55 pts \(A3\)/ : /Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
        expect(info).toMatch(new RegExp(`Pages:\\s+${sheets}\\b`));
      }
    }
  });

  it('has QR codes in the published 150-dpi pictures that lead to pages of the site', () => {
    for (const d of docs.filter((x) => !x.personal)) {
      const layout = layoutPoster(d, SIZES.A3, fonts);
      const files = getPosterFiles(d, SIZES.A3, layout.sheets.length);
      const img = PNG.sync.read(readFileSync(join(DIST, 'v', d.village.id, 'posters', files.sheets[0]!.png[150]!)));
      const s = 150 / 72;
      const x0 = Math.floor((layout.size.margin - 12) * s);
      const y0 = Math.floor(layout.footer.top * s);
      const w = Math.ceil((layout.size.qr + 24) * s);
      const h = img.height - y0;
      const crop = new Uint8ClampedArray(w * h * 4);
      for (let y = 0; y < h; y += 1) crop.set(img.data.subarray(((y0 + y) * img.width + x0) * 4, ((y0 + y) * img.width + x0 + w) * 4), y * w * 4);
      const url = jsQR(crop, w, h)?.data;
      expect(url, d.id).toBe(d.url);
      const path = new URL(url!).pathname;
      expect(existsSync(join(DIST, path, 'index.html')), path).toBe(true);
    }
  });
});

describe('the poster cache', () => {
  it('renders nothing again when the content did not change', async () => {
    const county = loadCounty(ROOT, { env: {} }).county!;
    const tree = makeTree();
    try {
      const r = await buildPosters({ root: ROOT, outDir: join(tree.root, 'dist'), county, log: () => {} });
      expect(r.rendered).toEqual([]);
      expect(r.reused).toHaveLength(docs.length * POSTER_SIZES.length);
    } finally {
      tree.cleanup();
    }
  });

  it('after one village updates its quarterly ledger, renders only that village’s changed poster', async () => {
    const tree = makeTree();
    try {
      cpSync(join(ROOT, CACHE_DIR), join(tree.root, CACHE_DIR), { recursive: true });
      const ledger = join(tree.root, 'content/villages/maqu/finances/2025-q3.yaml');
      const text = readFileSync(ledger, 'utf8');
      expect(text).toContain('summary: 2025年7—9月村干部基本报酬');
      writeFileSync(ledger, text.replace('summary: 2025年7—9月村干部基本报酬', 'summary: 2025年7—9月村干部基本报酬（含绩效考核部分）'));
      const county = loadCounty(tree.root, { env: {} }).county!;
      const r = await buildPosters({ root: tree.root, outDir: join(tree.root, 'dist'), county, log: () => {} });
      expect(r.rendered).toEqual(['maqu/finance-2025-q3@A3', 'maqu/finance-2025-q3@A4']);
      expect(r.reused).toHaveLength(docs.length * POSTER_SIZES.length - 2);
    } finally {
      tree.cleanup();
    }
  }, 120_000);
});
