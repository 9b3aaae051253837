/**
 * What the clerk prints: each poster kind at each size looks as it did when it was last approved
 * (image snapshots, regenerable with UPDATE_POSTER_SNAPSHOTS=1), the QR code read back from the
 * picture and from the PDF is the record's web address, the PDF pages are exactly A3 or A4, the same
 * content always gives the same bytes, and no poster shows a personal number.
 */
import { Resvg } from '@resvg/resvg-js';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { findPersonalNumbers, maskName } from '../../src/lib/privacy.ts';
import type { PosterDoc } from '../../src/posters/doc.ts';
import { getLayoutFonts } from '../../src/posters/fonts.ts';
import { toOutlineSvg } from '../../src/posters/glyphs.ts';
import { layoutPoster, type PosterLayout } from '../../src/posters/layout.ts';
import { sheetsToPdf } from '../../src/posters/pdf.ts';
import { encodeGreyPng } from '../../src/posters/png.ts';
import { renderPoster, renderSheetsSvg, svgToPng } from '../../src/posters/render.ts';
import { pixelWidth, POSTER_SIZES, SIZES, type SizeKey } from '../../src/posters/sizes.ts';
import { ROOT } from '../helpers/fixture-tree.ts';
import { demoCounty, demoDoc, demoDocs, layoutTexts } from '../helpers/posters.ts';

const fonts = getLayoutFonts();
const SNAPSHOTS = join(ROOT, 'test/fixtures/posters');
const UPDATE = process.env['UPDATE_POSTER_SNAPSHOTS'] === '1';
/** Width of the snapshot pictures: small enough to keep in the repository, large enough to show the layout. */
const SNAPSHOT_WIDTH = 300;

const KINDS: { kind: string; village: string; id: string }[] = [
  { kind: 'disclosure', village: 'maqu', id: 'disclosure-2025-q3-gengzheng' },
  { kind: 'finance', village: 'maqu', id: 'finance-2025-q3' },
  { kind: 'notice', village: 'maqu', id: 'notice-2025-11-17-dibao' },
  { kind: 'resolution', village: 'maqu', id: 'resolution-2025-07-22-daibiao' },
];

function greyPixels(png: Buffer): { width: number; height: number; grey: Uint8Array } {
  const img = PNG.sync.read(png);
  const grey = new Uint8Array(img.width * img.height);
  for (let i = 0; i < grey.length; i += 1) grey[i] = img.data[i * 4]!;
  return { width: img.width, height: img.height, grey };
}

/**
 * Reads the QR code the way a phone does: from a picture of the poster's lower left corner, where
 * the code stands (jsQR, unlike a phone's scanner, is easily distracted by a whole page of text).
 */
function readQr(png: Buffer, layout: PosterLayout, dpi: number): string | undefined {
  const img = PNG.sync.read(png);
  const s = dpi / 72;
  const x0 = Math.max(0, Math.floor((layout.size.margin - 12) * s));
  const y0 = Math.floor(layout.footer.top * s);
  const w = Math.ceil((layout.size.qr + 24) * s);
  const h = Math.min(img.height - y0, Math.ceil((layout.footer.height + 12) * s));
  const crop = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y += 1) crop.set(img.data.subarray(((y0 + y) * img.width + x0) * 4, ((y0 + y) * img.width + x0 + w) * 4), y * w * 4);
  return jsQR(crop, w, h)?.data;
}

async function firstSheetSvg(doc: PosterDoc, size: SizeKey): Promise<string> {
  const layout = layoutPoster(doc, SIZES[size], fonts);
  return (await renderSheetsSvg({ ...layout, sheets: layout.sheets.slice(0, 1) }))[0]!;
}

describe('poster pictures (snapshots of sheet 1)', () => {
  for (const { kind, village, id } of KINDS) {
    for (const size of POSTER_SIZES) {
      it(`the ${kind} poster on ${size} looks as approved`, async () => {
        const svg = await firstSheetSvg(demoDoc(village, id), size);
        // Outlines only: no font is given to resvg, so text the outlines missed would show as a gap.
        const img = new Resvg(toOutlineSvg(svg), {
          fitTo: { mode: 'width', value: SNAPSHOT_WIDTH },
          background: 'white',
          font: { loadSystemFonts: false },
        }).render();
        const fresh = encodeGreyPng(img.pixels, img.width, img.height);
        const file = join(SNAPSHOTS, `${kind}-${size.toLowerCase()}.png`);
        if (UPDATE || !existsSync(file)) {
          if (!UPDATE)
            throw new Error(`缺少参考图 ${file}；运行 UPDATE_POSTER_SNAPSHOTS=1 npm test 生成 / missing snapshot, run with UPDATE_POSTER_SNAPSHOTS=1`);
          writeFileSync(file, fresh);
          return;
        }
        const a = greyPixels(readFileSync(file));
        const b = greyPixels(fresh);
        expect([b.width, b.height]).toEqual([a.width, a.height]);
        let sum = 0;
        let far = 0;
        for (let i = 0; i < a.grey.length; i += 1) {
          const d = Math.abs(a.grey[i]! - b.grey[i]!);
          sum += d;
          if (d > 64) far += 1;
        }
        // Anti-aliasing may differ by a shade between renderer builds; layout changes move whole lines.
        expect(sum / a.grey.length, 'mean difference per pixel (0–255)').toBeLessThan(1.5);
        expect(far / a.grey.length, 'share of pixels that changed a lot').toBeLessThan(0.004);
      });
    }
  }
});

describe('the QR code on the poster', () => {
  it('reads back from the 150-dpi picture of each kind of poster, A3 and A4, as the record’s web address', async () => {
    for (const doc of KINDS.map((k) => demoDoc(k.village, k.id))) {
      for (const size of POSTER_SIZES) {
        const layout = layoutPoster(doc, SIZES[size], fonts);
        const png = svgToPng(await firstSheetSvg(doc, size), pixelWidth(SIZES[size], 150));
        expect(readQr(png, layout, 150), `${doc.village.id}/${doc.id} ${size}`).toBe(doc.url);
      }
    }
    expect(demoDoc('maqu', 'finance-2025-q3').url).toBe('https://cwgk.longxian.example.cn/v/maqu/finances/2025-q3/');
  }, 120_000);

  it('reads back from the A4 PDF printed at 150 dpi (pdftoppm) as the record’s web address', async () => {
    const doc = demoDoc('dongguan', 'resolution-2025-06-18-xieshang');
    const svg = await firstSheetSvg(doc, 'A4');
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-qr-'));
    try {
      writeFileSync(join(dir, 'p.pdf'), await sheetsToPdf([svg], SIZES.A4.width, SIZES.A4.height, { title: doc.title, date: doc.publishedAt }));
      execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', join(dir, 'p.pdf'), join(dir, 'p')]);
      expect(readQr(readFileSync(join(dir, 'p.png')), layoutPoster(doc, SIZES.A4, fonts), 150)).toBe(doc.url);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the PDF a clerk prints', () => {
  it.each([
    ['A3', '841.89 x 1190.55 pts (A3)'],
    ['A4', '595.28 x 841.89 pts (A4)'],
  ] as const)('is exactly %s, one page per sheet, dated the day it is posted', async (size, expected) => {
    const doc = demoDoc('maqu', 'disclosure-2025-q3-gengzheng');
    const layout = layoutPoster(doc, SIZES[size], fonts);
    const svgs = await renderSheetsSvg(layout);
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-pdf-'));
    try {
      writeFileSync(join(dir, 'p.pdf'), await sheetsToPdf(svgs, SIZES[size].width, SIZES[size].height, { title: doc.title, date: doc.publishedAt }));
      const info = execFileSync('pdfinfo', [join(dir, 'p.pdf')], { encoding: 'utf8' });
      expect(info).toMatch(new RegExp(`Page size:\\s+${expected.replace(/[()]/g, '\\$&')}`));
      expect(info).toMatch(new RegExp(`Pages:\\s+${layout.sheets.length}\\b`));
      expect(info).toMatch(/CreationDate:.*Oct 14 \d\d:\d\d:\d\d 2025/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has real text: every word a poster draws can be found and copied from its PDF (pdftotext), in Chinese', async () => {
    for (const doc of KINDS.map((k) => demoDoc(k.village, k.id))) {
      const layout = layoutPoster(doc, SIZES.A4, fonts);
      const dir = mkdtempSync(join(tmpdir(), 'gongkai-pdf-'));
      try {
        writeFileSync(join(dir, 'p.pdf'), await sheetsToPdf(await renderSheetsSvg(layout), SIZES.A4.width, SIZES.A4.height, { title: doc.title }));
        // -raw: in drawing order, so a table cell's wrapped lines stay together.
        const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', join(dir, 'p.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
        const drawn = layoutTexts(layout)
          .map((t) => t.replace(/\s+/g, ''))
          .filter((t) => t.length > 0);
        expect(drawn.length, doc.id).toBeGreaterThan(10);
        expect(
          drawn.filter((t) => !text.includes(t)),
          doc.id,
        ).toEqual([]);
        expect(text).toContain(doc.title.replace(/\s+/g, ''));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('embeds only the glyphs it uses of both poster font weights, each subset under its own name, with a map back to the characters', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-pdf-'));
    try {
      const names: string[] = [];
      for (const [i, id] of ['resolution-2025-07-22-daibiao', 'finance-2025-q3'].entries()) {
        const layout = layoutPoster(demoDoc('maqu', id), SIZES.A3, fonts);
        const file = join(dir, `p${i}.pdf`);
        const pdf = await sheetsToPdf(await renderSheetsSvg(layout), SIZES.A3.width, SIZES.A3.height, { title: id });
        writeFileSync(file, pdf);
        const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
        // name, type, encoding, embedded, subset, ToUnicode: e.g. "ABCDEF+SourceHanSansSC-Bold CID Type 0C Identity-H yes yes yes 8 0"
        expect(rows.map((r) => r.replace(/^[A-Z]{6}\+/, '').split(/\s+/)[0]).sort()).toEqual(['SourceHanSansSC-Bold', 'SourceHanSansSC-Regular']);
        for (const r of rows) expect(r).toMatch(/^[A-Z]{6}\+\S+\s+CID Type 0C\s+Identity-H\s+yes\s+yes\s+yes\b/);
        names.push(...rows.map((r) => r.split(/\s+/)[0]!));
        // The full font files are 16 MB each; a poster carries a few hundred glyphs of them.
        expect(pdf.length, id).toBeLessThan(layout.sheets.length * 60_000 + 60_000);
      }
      expect(new Set(names).size).toBe(names.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an SVG shape or text the vector writer would silently drop or print in the wrong font', async () => {
    await expect(sheetsToPdf(['<svg width="10" height="10"><image href="x.png"/></svg>'], 10, 10, { title: 't' })).rejects.toThrow(/image/);
    await expect(
      sheetsToPdf(['<svg width="10" height="10"><rect x="0" y="0" width="5" height="5" fill="#000" clip-path="url(#a)"/></svg>'], 10, 10, { title: 't' }),
    ).rejects.toThrow(/clip-path/);
    const text = (attrs: string) => `<svg width="10" height="10"><text x="1" y="8" ${attrs} fill="#000">字</text></svg>`;
    await expect(sheetsToPdf([text('font-size="8" font-weight="400" font-family="SimSun"')], 10, 10, { title: 't' })).rejects.toThrow(/SimSun/);
    await expect(
      sheetsToPdf([text('font-size="8" font-weight="400" font-family="source han sans sc" transform="rotate(90)"')], 10, 10, { title: 't' }),
    ).rejects.toThrow(/transform/);
    await expect(sheetsToPdf([text('font-size="8" font-weight="400" font-family="source han sans sc"')], 10, 10, { title: 't' })).resolves.toBeInstanceOf(
      Buffer,
    );
  });
});

describe('deterministic posters', () => {
  it('gives byte-identical PDF, PNG and SVG files when the same poster is rendered twice', async () => {
    const doc = demoDoc('maqu', 'resolution-2025-07-22-daibiao');
    const a = await renderPoster(doc, SIZES.A3);
    const b = await renderPoster(doc, SIZES.A3);
    expect([...a.data.keys()]).toEqual([...b.data.keys()]);
    for (const [name, data] of a.data) expect(data.equals(b.data.get(name)!), name).toBe(true);
    expect([...a.data.keys()].some((n) => n.endsWith('300dpi.png'))).toBe(true);
  }, 60_000);
});

describe('privacy on paper', () => {
  it('prints no ID, bank card or mobile number on any poster', () => {
    for (const doc of demoDocs()) {
      for (const t of layoutTexts(layoutPoster(doc, SIZES.A4, fonts))) expect(findPersonalNumbers(t), `${doc.id}: ${t}`).toEqual([]);
    }
  });

  it('prints the 低保 household heads in full, as the legal 公示 requires, and keeps that poster off the web', () => {
    const doc = demoDoc('maqu', 'notice-2025-11-17-dibao');
    expect(doc.personal).toBe(true);
    const text = layoutTexts(layoutPoster(doc, SIZES.A3, fonts)).join('\n');
    for (const name of ['马天顺', '刘翠兰', '张满仓', '赵巧玲']) expect(text).toContain(name);
  });

  it('masks private debtors in the ledger on paper as on the web, and names cadres in full', () => {
    const ledger = demoCounty()
      .villages.find((v) => v.id === 'maqu')!
      .ledgers.find((l) => l.id === '2025-q3')!;
    const person = [...ledger.data.receivables, ...ledger.data.payables].find((r) => r.partyKind === '个人')!;
    const doc = demoDoc('maqu', 'finance-2025-q3');
    expect(doc.personal).toBe(false);
    const text = layoutTexts(layoutPoster(doc, SIZES.A3, fonts)).join('\n');
    expect(text).not.toContain(person.party);
    expect(text).toContain(maskName(person.party));
    expect(text).toContain('负责人：赵建军');
  });
});
