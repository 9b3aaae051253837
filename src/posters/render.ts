/**
 * Renders a poster at one size: satori lays out each sheet as SVG with its text as `<text>`
 * elements, pdf.ts writes one vector PDF with real, searchable text in the embedded poster font,
 * and the pictures (resvg) and SVG files get the text as glyph outlines (glyphs.ts), so no font is
 * needed to view or print them. Before anything
 * is written, each sheet's satori layout is checked against the pagination: an item that came out
 * taller than planned, or content that would run into the footer, stops the build with the record's
 * file named — a poster is never cut off.
 */
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import type { PosterDoc } from './doc.ts';
import { getPosterFiles, type PosterFiles } from './files.ts';
import { getLayoutFonts, getSatoriFonts } from './fonts.ts';
import { toOutlineSvg } from './glyphs.ts';
import { layoutPoster, type Fonts, type PosterLayout } from './layout.ts';
import { sheetsToPdf } from './pdf.ts';
import { encodeGreyPng } from './png.ts';
import { drawQrSvg } from './qr.ts';
import { pixelWidth, POSTER_FORMATS, PREVIEW_WIDTH, type PosterFormat, type SizePreset } from './sizes.ts';
import { drawSheet } from './template.ts';

export class PosterRenderError extends Error {}

/** Tolerance for satori's rounding, in points. */
const EPS = 0.6;

interface NodeBox {
  top: number;
  height: number;
  left: number;
  width: number;
}

/** Checks satori's actual layout of a sheet against the plan; returns the problems found. */
export function checkSheetLayout(layout: PosterLayout, sheetIndex: number, nodes: ReadonlyMap<string, NodeBox>): string[] {
  const problems: string[] = [];
  const where = `${layout.doc.record.file} · ${layout.size.key} · 第 ${sheetIndex + 1} 页 sheet ${sheetIndex + 1}`;
  const expectAtMost = (key: string, planned: number, what: string) => {
    const n = nodes.get(key);
    if (!n) return problems.push(`${where}: 缺少 ${what} / ${what} (${key}) was not drawn`);
    if (n.height > planned + EPS)
      problems.push(
        `${where}: ${what} 实际高 ${n.height.toFixed(1)}，超过计划的 ${planned.toFixed(1)} / ${what} is ${n.height.toFixed(1)} tall, ${planned.toFixed(1)} was planned`,
      );
    return undefined;
  };
  expectAtMost('title', layout.header.titleHeight, '标题 title');
  expectAtMost('meta', layout.header.metaHeight, '期间行 period line');
  layout.footer.lines.forEach((l, i) => expectAtMost(`footer-${i}`, l.height, `页脚第 ${i + 1} 行 footer line ${i + 1}`));
  const sheet = layout.sheets[sheetIndex]!;
  let bottom = layout.content.top;
  for (const item of sheet.items) {
    expectAtMost(item.key, item.height, `内容 ${item.kind}`);
    const n = nodes.get(item.key);
    if (n) bottom = Math.max(bottom, n.top + n.height);
  }
  const limit = layout.content.top + layout.content.height;
  if (bottom > limit + EPS)
    problems.push(`${where}: 内容底边 ${bottom.toFixed(1)} 超出可用区域 ${limit.toFixed(1)} / content ends at ${bottom.toFixed(1)}, past ${limit.toFixed(1)}`);
  return problems;
}

/** SVG of every sheet, each checked against the pagination; text as `<text>` elements in the poster font (glyphs.ts). */
export async function renderSheetsSvg(layout: PosterLayout): Promise<string[]> {
  const fonts = getSatoriFonts();
  const out: string[] = [];
  for (let i = 0; i < layout.sheets.length; i += 1) {
    const nodes = new Map<string, NodeBox>();
    const svg = await satori(drawSheet(layout, i), {
      width: layout.size.width,
      height: layout.size.height,
      fonts,
      embedFont: false,
      onNodeDetected: (n) => {
        if (n.key !== undefined && n.key !== null) nodes.set(String(n.key), n);
      },
    });
    const problems = checkSheetLayout(layout, i, nodes);
    if (problems.length > 0) {
      throw new PosterRenderError(
        `海报排版超出计划，已停止以免内容被截断。 The poster layout overflowed its plan; stopped so nothing is cut off.\n${problems.join('\n')}`,
      );
    }
    // The QR code goes into the box the template left for it (a few hundred rectangles: twice satori's work if it drew them).
    const qr = nodes.get('qr');
    if (!qr || !svg.endsWith('</svg>')) throw new PosterRenderError(`${layout.doc.record.file}: 海报缺少二维码位置 / the poster has no place for its QR code`);
    out.push(`${svg.slice(0, -'</svg>'.length)}${drawQrSvg(layout.doc.url, layout.size.qr, qr.left, qr.top)}</svg>`);
  }
  return out;
}

/** A greyscale PNG of an SVG sheet, `widthPx` pixels wide (its text drawn as outlines). */
export function svgToPng(svg: string, widthPx: number): Buffer {
  const img = new Resvg(toOutlineSvg(svg), { fitTo: { mode: 'width', value: widthPx }, background: 'white', font: { loadSystemFonts: false } }).render();
  return encodeGreyPng(img.pixels, img.width, img.height);
}

export interface RenderedPoster {
  layout: PosterLayout;
  files: PosterFiles;
  /** File name → bytes. */
  data: Map<string, Buffer>;
}

/** The files of a poster at one size in the given formats (every format when none are given). */
export async function renderPoster(
  doc: PosterDoc,
  size: SizePreset,
  formats: readonly PosterFormat[] = POSTER_FORMATS,
  fonts: Fonts = getLayoutFonts(),
): Promise<RenderedPoster> {
  const layout = layoutPoster(doc, size, fonts);
  const svgs = await renderSheetsSvg(layout);
  const files = getPosterFiles(doc, size, svgs.length, formats);
  const data = new Map<string, Buffer>();
  if (files.pdf) data.set(files.pdf, await sheetsToPdf(svgs, size.width, size.height, { title: `${doc.title}（${size.key}）`, date: doc.publishedAt }));
  if (files.preview) data.set(files.preview, svgToPng(svgs[0]!, PREVIEW_WIDTH));
  svgs.forEach((svg, i) => {
    const f = files.sheets[i]!;
    const pngs = Object.entries(f.png);
    if (!f.svg && pngs.length === 0) return;
    const outlined = toOutlineSvg(svg);
    if (f.svg) data.set(f.svg, Buffer.from(outlined));
    for (const [dpi, name] of pngs) data.set(name, svgToPng(outlined, pixelWidth(size, Number(dpi))));
  });
  return { layout, files, data };
}
