/**
 * The posters in the built site: the build writes what a clerk prints now (PDFs at A3 and A4 and a
 * preview picture, for the current quarter, running 公示 and corrections), every village's print
 * page lists every poster and links only files that exist, each record page shows its poster's
 * 核对码, QR codes in the published PDFs lead to pages that exist, personal-data posters stay off the
 * web, a rebuild renders only what changed, and `npm run posters` writes older periods and other
 * formats on request.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCounty } from '../../src/check/load.ts';
import { buildPosters, PRIVATE_DIR } from '../../src/posters/build-step.ts';
import { CACHE_DIR, readCacheEntry } from '../../src/posters/cache.ts';
import { planBenchLog, planBenchPosters } from '../../bench/lib/poster-plan.ts';
import type { PosterDoc } from '../../src/posters/doc.ts';
import { buildPosterDocs } from '../../src/posters/documents.ts';
import { planPublicationLog } from '../../src/integrations/publication-log.ts';
import { stampPosterDoc } from '../../src/posters/plan.ts';
import type { LogPlan } from '../../src/build/context.ts';
import { getPosterFiles, listPosterFiles } from '../../src/posters/files.ts';
import { getLayoutFonts } from '../../src/posters/fonts.ts';
import { layoutPoster, type PosterLayout } from '../../src/posters/layout.ts';
import { selectDefaultPosters } from '../../src/posters/selection.ts';
import { DEFAULT_FORMATS, POSTER_SIZES, PREVIEW_WIDTH, SIZES } from '../../src/posters/sizes.ts';
import { demoDistPath, ensureDemoDist } from '../helpers/dist.ts';
import { makeTree, ROOT } from '../helpers/fixture-tree.ts';

const DIST = demoDistPath();
let docs: PosterDoc[];
let logPlan: LogPlan;
/** The posters every build writes (what a clerk prints now), and the others. */
let current: PosterDoc[];
let older: PosterDoc[];
let buildLog: string;
const fonts = getLayoutFonts();
const sheetsOf = (d: PosterDoc, size: 'A3' | 'A4') => layoutPoster(d, SIZES[size], fonts).sheets.length;

beforeAll(() => {
  buildLog = ensureDemoDist().log;
  const county = loadCounty(ROOT, { env: {} }).county!;
  // Each poster carries its publication-log entry, as the build stamped it.
  logPlan = planPublicationLog(ROOT, county, undefined);
  docs = buildPosterDocs(county).map((d) => stampPosterDoc(d, logPlan));
  const chosen = new Set(
    county.villages.flatMap((v) =>
      [
        ...selectDefaultPosters(
          county,
          docs.filter((d) => d.village.id === v.id),
        ).keys(),
      ].map((id) => `${v.id}/${id}`),
    ),
  );
  current = docs.filter((d) => chosen.has(`${d.village.id}/${d.id}`));
  older = docs.filter((d) => !chosen.has(`${d.village.id}/${d.id}`));
});

/** Files of poster `id` (any size, any format) among the names in a folder. */
const filesOf = (id: string, names: readonly string[]) =>
  names.filter((f) => new RegExp(`^${id}-a[34](\\.pdf|-preview\\.png|-\\d+(-\\d+dpi\\.png|\\.svg))$`).test(f));

/** The URL in the QR code of a poster's first sheet, read from a 150-dpi picture of it. */
function readQr(png: Buffer, layout: PosterLayout): string | undefined {
  const img = PNG.sync.read(png);
  const s = 150 / 72;
  const x0 = Math.floor((layout.size.margin - 12) * s);
  const y0 = Math.floor(layout.footer.top * s);
  const w = Math.ceil((layout.size.qr + 24) * s);
  const h = img.height - y0;
  const crop = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y += 1) crop.set(img.data.subarray(((y0 + y) * img.width + x0) * 4, ((y0 + y) * img.width + x0 + w) * 4), y * w * 4);
  return jsQR(crop, w, h)?.data;
}

const html = (path: string) => readFileSync(join(DIST, path, 'index.html'), 'utf8');
const hrefs = (page: string) => [...page.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]!);

describe('posters in the built site', () => {
  it('says in one line how many posters the build rendered (beside the pages or after them) and how many it reused, counting every poster once', () => {
    const said = /posters: (\d+) rendered in this build \((\d+) of them while the pages were built\), (\d+) reused from the cache/.exec(buildLog);
    expect(said, buildLog).not.toBeNull();
    const [rendered, ahead, reused] = said!.slice(1).map(Number) as [number, number, number];
    // Every poster × paper size of the default set (personal-data ones too: they go to private-posters/).
    expect(rendered + reused).toBe(current.length * POSTER_SIZES.length);
    expect(ahead).toBeLessThanOrEqual(rendered);
    // No second line counting the posters rendered beside the pages apart.
    expect(buildLog).not.toMatch(/posters: \d+ rendered while the pages were built/);
  });

  it('the poster benchmark (bench/posters.ts) renders the posters the build rendered, under the same cache keys', () => {
    const county = loadCounty(ROOT, { env: {} }).county!;
    const scratch = mkdtempSync(join(tmpdir(), 'gongkai-bench-plan-'));
    try {
      const keys = planBenchPosters(scratch, county, planBenchLog(ROOT, county)).flatMap((p) => p.sizes.flatMap((x) => (x.key ? [x.key] : [])));
      expect(keys.length).toBe(current.length * POSTER_SIZES.length);
      // The demo's build pruned its poster cache to the posters it placed.
      for (const key of keys) expect(readCacheEntry(ROOT, key), key).toBeDefined();
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('links every village page to its print page, which links only files that exist', () => {
    const villages = [...new Set(docs.map((d) => d.village.id))];
    for (const v of villages) {
      expect(html(`v/${v}`)).toContain(`href="/v/${v}/posters/"`);
      const links = hrefs(html(`v/${v}/posters`)).filter((h) => /\.(pdf|png|svg)$/.test(h));
      expect(links.length).toBeGreaterThan(0);
      for (const h of links) expect(existsSync(join(DIST, decodeURIComponent(h))), h).toBe(true);
    }
  });

  it('publishes what a clerk prints now — this quarter, running 公示, corrections — as A3 and A4 PDFs with a preview, and nothing else', () => {
    expect(current.filter((d) => !d.personal).length).toBeGreaterThan(4);
    for (const d of current.filter((x) => !x.personal)) {
      const page = html(`v/${d.village.id}/posters`);
      expect(page).toContain(`id="poster-${d.id}"`);
      expect(page).toContain(d.fingerprint);
      const expected = POSTER_SIZES.flatMap((size) => listPosterFiles(getPosterFiles(d, SIZES[size], sheetsOf(d, size), DEFAULT_FORMATS[size])));
      expect(expected).toEqual([`${d.id}-a3.pdf`, `${d.id}-a3-preview.png`, `${d.id}-a4.pdf`]);
      const published = filesOf(d.id, readdirSync(join(DIST, 'v', d.village.id, 'posters')));
      expect(published.sort()).toEqual([...expected].sort());
      const preview = PNG.sync.read(readFileSync(join(DIST, 'v', d.village.id, 'posters', `${d.id}-a3-preview.png`)));
      expect(preview.width).toBe(PREVIEW_WIDTH);
    }
  });

  it('lists older posters on the print page with their 核对码 and the command that writes them, but publishes no files for them', () => {
    expect(older.length).toBeGreaterThan(4);
    for (const d of older) {
      const page = html(`v/${d.village.id}/posters`);
      const item = page.slice(page.indexOf(`id="poster-${d.id}"`), page.indexOf('</li>', page.indexOf(`id="poster-${d.id}"`)));
      expect(item).toContain(d.fingerprint);
      if (!d.corrects && !docs.some((x) => x.village.id === d.village.id && x.corrects?.posterId === d.id)) {
        expect(item).toContain(`npm run posters -- --village ${d.village.id} --period ${d.quarter}`);
      }
      const published = existsSync(join(DIST, 'v', d.village.id, 'posters')) ? readdirSync(join(DIST, 'v', d.village.id, 'posters')) : [];
      expect(filesOf(d.id, published)).toEqual([]);
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
    expect(item.replace(/<[^>]+>/g, '')).toContain(`第2版（核对码 ${fix.fingerprint}）`);
    expect(html('v/maqu/disclosures/2025-q3').replace(/<[^>]+>/g, '')).toContain(`已被第2版（核对码 ${fix.fingerprint}）更正`);
    const callout = fix.blocks.find((b) => b.kind === 'callout')!;
    expect(callout.kind === 'callout' && callout.lines.join('')).toContain('“9月12日支付工程进度款186,000.00元”改为“9月12日支付工程进度款168,000.00元”');
  });

  it('offers nothing of a superseded poster for printing: no PDF, no preview, no command, only the version to put up instead', () => {
    const superseded = docs.filter((d) => docs.some((x) => x.village.id === d.village.id && x.corrects?.posterId === d.id));
    expect(superseded.length).toBeGreaterThan(0);
    for (const d of superseded) {
      const print = html(`v/${d.village.id}/posters`);
      const start = print.indexOf('>', print.indexOf(`id="poster-${d.id}"`));
      const item = print.slice(start, print.indexOf('</li>', start));
      expect(item).toContain('不要再打印');
      expect(item).not.toMatch(/\.(pdf|png|svg)"/);
      expect(item).not.toContain('npm run posters');
      expect(item.replace(/<[^>]*>/g, ' ')).not.toContain('superseded');
    }
  });

  it('ends every kind of poster with the issuing body and the date, where the seal goes', () => {
    expect(new Set(docs.map((d) => d.kind))).toEqual(new Set(['disclosure', 'finance', 'notice', 'resolution']));
    for (const d of docs) {
      const last = d.blocks.at(-1)!;
      expect(last.kind === 'paragraph' && last.align, `${d.village.id}/${d.id}`).toBe('right');
      expect(last.kind === 'paragraph' && last.text, `${d.village.id}/${d.id}`).toMatch(/(委员会|党支部)　(\d{4}年\d{1,2}月\d{1,2}日|　　年　　月　　日)$/);
    }
  });

  it('puts the A3 and A4 PDFs up front and the other formats (pictures, SVG, older periods) under 更多格式, closed until opened', () => {
    for (const v of [...new Set(current.filter((d) => !d.personal).map((d) => d.village.id))]) {
      const print = html(`v/${v}/posters`);
      const more = print.slice(print.indexOf('<details'), print.indexOf('</details>'));
      expect(more).toMatch(/<summary[^>]*>更多格式/);
      expect(more).toContain('--formats pdf,png150,png300,svg');
      expect(print.slice(0, print.indexOf('<details'))).not.toContain('png300');
      expect(print.replace(more, '')).toMatch(/href="[^"]+\.pdf"/);
      expect(more).not.toMatch(/href="[^"]+\.pdf"/);
    }
  });

  it('keeps posters with personal data (低保 names) off the web and writes them for the clerk to private-posters/', () => {
    const personal = docs.filter((d) => d.personal);
    expect(personal.length).toBeGreaterThan(0);
    const published = readdirSync(join(DIST, 'v'), { recursive: true }).map(String);
    for (const d of personal) {
      expect(published.filter((f) => f.includes(d.id) && !f.endsWith('index.html'))).toEqual([]);
      expect(hrefs(html(`v/${d.village.id}/posters`)).filter((h) => h.includes(d.id))).toEqual([]);
    }
    for (const d of personal.filter((x) => current.includes(x))) {
      const files = listPosterFiles(getPosterFiles(d, SIZES.A3, sheetsOf(d, 'A3'), DEFAULT_FORMATS.A3));
      for (const f of files) expect(existsSync(join(ROOT, PRIVATE_DIR, d.village.id, f)), f).toBe(true);
    }
  });

  it('publishes PDFs of exactly A3 and A4 size, one page per sheet', () => {
    for (const d of current.filter((x) => !x.personal)) {
      for (const size of POSTER_SIZES) {
        const sheets = sheetsOf(d, size);
        const pdf = join(DIST, 'v', d.village.id, 'posters', `${d.id}-${size.toLowerCase()}.pdf`);
        const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
        expect(info).toMatch(size === 'A3' ? /Page size:\s+841\.89 x 1190\.55 pts \(A3\)/ : /Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
        expect(info).toMatch(new RegExp(`Pages:\\s+${sheets}\\b`));
      }
    }
  });

  it('offers each quarter’s posters to put up as one PDF per paper size, every sheet of every poster in order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-bundle-'));
    let bundles = 0;
    try {
      for (const v of [...new Set(current.map((d) => d.village.id))]) {
        const mine = current.filter((d) => d.village.id === v && !d.personal);
        for (const q of [...new Set(mine.map((d) => d.quarter))]) {
          const posters = mine.filter((d) => d.quarter === q);
          if (posters.length < 2) continue;
          const page = html(`v/${v}/posters`);
          const section = page.slice(page.indexOf(`id="q-${q}"`));
          expect(section.slice(0, section.indexOf('<ul class="posters"'))).toContain(
            q === mine.map((d) => d.quarter).reduce((a, b) => (b > a ? b : a)) ? '本季度全部海报（一个文件）' : '全部海报（一个文件）',
          );
          for (const size of POSTER_SIZES) {
            bundles += 1;
            const name = `all-${q}-${size.toLowerCase()}.pdf`;
            expect(section.slice(0, section.indexOf('<ul class="posters"'))).toContain(`href="/v/${v}/posters/${name}"`);
            const pdf = join(DIST, 'v', v, 'posters', name);
            const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
            const sheets = posters.reduce((n, d) => n + sheetsOf(d, size), 0);
            expect(info, `${v} ${name}`).toMatch(new RegExp(`Pages:\\s+${sheets}\\b`));
            expect(info).toMatch(size === 'A3' ? /\(A3\)/ : /\(A4\)/);
            // The joined file draws each poster's sheets exactly as its own PDF does.
            const first = posters[0]!;
            execFileSync('pdftoppm', ['-r', '20', '-gray', '-f', '1', '-l', '1', pdf, join(dir, 'joined')]);
            execFileSync('pdftoppm', [
              '-r',
              '20',
              '-gray',
              '-f',
              '1',
              '-l',
              '1',
              join(DIST, 'v', v, 'posters', `${first.id}-${size.toLowerCase()}.pdf`),
              join(dir, 'own'),
            ]);
            const pick = (prefix: string) =>
              readFileSync(
                join(
                  dir,
                  readdirSync(dir).find((f) => f.startsWith(prefix))!,
                ),
              );
            expect(pick('joined').equals(pick('own'))).toBe(true);
            for (const f of readdirSync(dir)) rmSync(join(dir, f));
          }
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(bundles).toBeGreaterThan(1);
  });

  it('has QR codes in the published PDFs (printed at 150 dpi) that lead to pages of the site', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-qr-'));
    try {
      for (const d of current.filter((x) => !x.personal)) {
        execFileSync('pdftoppm', [
          '-r',
          '150',
          '-f',
          '1',
          '-l',
          '1',
          '-gray',
          '-png',
          '-singlefile',
          join(DIST, 'v', d.village.id, 'posters', `${d.id}-a3.pdf`),
          join(dir, d.id),
        ]);
        const url = readQr(readFileSync(join(dir, `${d.id}.png`)), layoutPoster(d, SIZES.A3, fonts));
        expect(url, d.id).toBe(d.url);
        const path = new URL(url!).pathname;
        expect(existsSync(join(DIST, path, 'index.html')), path).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe('the poster cache', () => {
  it('renders nothing again when the content did not change, and removes posters written on request into the site folder', async () => {
    const county = loadCounty(ROOT, { env: {} }).county!;
    const tree = makeTree();
    try {
      // Other test files build the demo for other dates in the project folder, which prunes the shared poster cache
      // to their own poster set; the first run fills it again, the second must render nothing.
      await buildPosters({ root: ROOT, outDir: join(tree.root, 'first'), county, log: () => {}, publicationLog: logPlan });
      const stray = join(tree.root, 'dist/v/maqu/posters/finance-2025-q2-a3-1-300dpi.png');
      mkdirSync(join(tree.root, 'dist/v/maqu/posters'), { recursive: true });
      writeFileSync(stray, 'on request');
      const r = await buildPosters({ root: ROOT, outDir: join(tree.root, 'dist'), county, log: () => {}, publicationLog: logPlan });
      expect(r.rendered).toEqual([]);
      expect(r.reused).toHaveLength(current.length * POSTER_SIZES.length);
      expect(existsSync(stray)).toBe(false);
    } finally {
      tree.cleanup();
    }
  }, 120_000);

  it('after one village updates its quarterly ledger, renders only that village’s changed poster', async () => {
    const tree = makeTree();
    try {
      cpSync(join(ROOT, CACHE_DIR), join(tree.root, CACHE_DIR), { recursive: true });
      // The log entries the posters were stamped with (a real build would refuse this edit without a new version).
      const before = planPublicationLog(ROOT, loadCounty(tree.root, { env: {} }).county!, undefined);
      const ledger = join(tree.root, 'content/villages/maqu/finances/2025-q3.yaml');
      const text = readFileSync(ledger, 'utf8');
      expect(text).toContain('summary: 2025年7—9月村干部基本报酬');
      writeFileSync(ledger, text.replace('summary: 2025年7—9月村干部基本报酬', 'summary: 2025年7—9月村干部基本报酬（含绩效考核部分）'));
      const county = loadCounty(tree.root, { env: {} }).county!;
      const r = await buildPosters({ root: tree.root, outDir: join(tree.root, 'dist'), county, log: () => {}, publicationLog: before });
      expect(r.rendered).toEqual(['maqu/finance-2025-q3@A3', 'maqu/finance-2025-q3@A4']);
      expect(r.reused).toHaveLength(current.length * POSTER_SIZES.length - 2);
    } finally {
      tree.cleanup();
    }
  }, 120_000);
});

describe('a damaged cached poster', () => {
  it('never reaches the site: the build hashes what it links, renders it again, and links read-only files', async () => {
    const county = loadCounty(ROOT, { env: {} }).county!;
    const tree = makeTree();
    try {
      cpSync(join(ROOT, CACHE_DIR), join(tree.root, CACHE_DIR), { recursive: true });
      const dist = join(tree.root, 'dist');
      const options = { root: tree.root, outDir: dist, county, log: () => {}, publicationLog: logPlan };
      await buildPosters(options);
      const folder = join(dist, 'v/maqu/posters');
      // A poster's own A4 PDF (the quarter's one-file PDFs, all-<quarter>-a4.pdf, are written, not linked).
      const placed = join(
        folder,
        readdirSync(folder).find((f) => f.endsWith('-a4.pdf') && !f.startsWith('all-'))!,
      );
      const original = readFileSync(placed);
      // The site's file is the cache's (a hard link, no copy per build), and neither can be written through.
      expect(statSync(placed).nlink).toBeGreaterThan(1);
      expect(statSync(placed).mode & 0o222).toBe(0);
      // Written through all the same (by root, or after a chmod): the cache's file changes with it.
      chmodSync(placed, 0o644);
      const damaged = Buffer.from(original);
      const at = Math.floor(damaged.length / 2);
      damaged[at] = damaged[at]! ^ 0x01;
      writeFileSync(placed, damaged);
      const r = await buildPosters(options);
      expect(r.rendered).toHaveLength(1);
      expect(readFileSync(placed).equals(original)).toBe(true);
      expect(statSync(placed).mode & 0o222).toBe(0);
    } finally {
      tree.cleanup();
    }
  }, 120_000);
});

describe('posters on request (npm run posters)', () => {
  const posters = (root: string, ...args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'scripts/posters.ts'), '--root', root, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, GONGKAI_AS_OF: '' },
    });

  it('writes an older quarter’s posters as PDF, 150-dpi pictures and SVG into --out, with personal-data 公示 only in private-posters/', () => {
    // The quarter with the most posters no build writes, so the command has work to do.
    const byQuarter = new Map<string, PosterDoc[]>();
    for (const d of older) byQuarter.set(`${d.village.id} ${d.quarter}`, [...(byQuarter.get(`${d.village.id} ${d.quarter}`) ?? []), d]);
    const [which, asked] = [...byQuarter].sort((a, b) => b[1].length - a[1].length)[0]!;
    const [village, quarter] = which.split(' ') as [string, string];
    const wanted = docs.filter((d) => d.village.id === village && d.quarter === quarter);
    const tree = makeTree();
    const out = join(tree.root, 'print-shop');
    try {
      cpSync(join(ROOT, CACHE_DIR), join(tree.root, CACHE_DIR), { recursive: true });
      const run = posters(tree.root, '--village', village, '--period', quarter, '--formats', 'png150,svg,pdf', '--out', out);
      expect(run.status, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toMatch(/Wrote \d+ files/);
      expect(asked.length).toBeGreaterThan(0);
      for (const d of wanted) {
        const dir = d.personal ? join(tree.root, PRIVATE_DIR, village) : out;
        for (const size of POSTER_SIZES) {
          const sheets = sheetsOf(d, size);
          const names = listPosterFiles(getPosterFiles(d, SIZES[size], sheets, ['pdf', 'png150', 'svg']));
          expect(names).toHaveLength(1 + 2 * sheets);
          for (const f of names) expect(existsSync(join(dir, f)), `${dir}/${f}`).toBe(true);
          const info = execFileSync('pdfinfo', [join(dir, `${d.id}-${size.toLowerCase()}.pdf`)], { encoding: 'utf8' });
          expect(info).toMatch(new RegExp(`Pages:\\s+${sheets}\\b`));
        }
        if (!d.personal) expect(readQr(readFileSync(join(out, `${d.id}-a3-1-150dpi.png`)), layoutPoster(d, SIZES.A3, fonts)), d.id).toBe(d.url);
        else expect(filesOf(d.id, readdirSync(out))).toEqual([]);
      }
      expect(readdirSync(out).some((f) => f.endsWith('.svg') && readFileSync(join(out, f), 'utf8').startsWith('<svg'))).toBe(true);
    } finally {
      tree.cleanup();
    }
  }, 300_000);

  it('writes a personal-data 公示 asked for with --out only to private-posters/, never to --out', () => {
    const d = docs.find((x) => x.personal)!;
    const tree = makeTree();
    const out = join(tree.root, 'print-shop');
    try {
      const run = posters(tree.root, '--village', d.village.id, '--period', d.quarter, '--formats', 'pdf,png150', '--out', out);
      expect(run.status, run.stdout + run.stderr).toBe(0);
      const names = listPosterFiles(getPosterFiles(d, SIZES.A3, sheetsOf(d, 'A3'), ['pdf', 'png150']));
      for (const f of names) expect(existsSync(join(tree.root, PRIVATE_DIR, d.village.id, f)), f).toBe(true);
      expect(filesOf(d.id, existsSync(out) ? readdirSync(out) : [])).toEqual([]);
    } finally {
      tree.cleanup();
    }
  }, 300_000);

  it('names the village and the formats that exist when asked for one that does not', () => {
    const badVillage = posters(ROOT, '--village', 'maq');
    expect(badVillage.status).toBe(1);
    expect(badVillage.stderr).toContain('没有编号为 maq 的村');
    expect(badVillage.stderr).toContain('did you mean maqu');
    const badFormat = posters(ROOT, '--village', 'maqu', '--formats', 'pdf,tiff');
    expect(badFormat.status).toBe(1);
    expect(badFormat.stderr).toContain('tiff 不是可用的格式');
    expect(badFormat.stderr).toContain('pdf,preview,png150,png300,svg');
    const badPeriod = posters(ROOT, '--village', 'maqu', '--period', '1999-q1');
    expect(badPeriod.status).toBe(1);
    expect(badPeriod.stderr).toMatch(/has no posters for 1999-q1; quarters with posters: 2025-q\d/);
  });
});
