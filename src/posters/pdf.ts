/**
 * Turns satori's SVG sheets into one vector PDF with pdfkit, without a general SVG engine: the
 * posters are drawn from filled rectangles, text and filled outlines only, so those are the only
 * shapes accepted. Anything else (a clip path, a transform, a stroke, an image) stops the build
 * with a message instead of silently disappearing from the print. Text is written as PDF text in
 * the poster font, embedded as a subset of the glyphs each PDF uses (pdfkit with fontkit), so a
 * poster's words can be searched, selected and copied, and the file is a fraction of the size of
 * one drawn in outlines. The creation date is the record's publication date and the file id is
 * derived from it, so the same poster always gives the same bytes.
 */
import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { FontWeight } from './fonts.ts';
import { flattenSubset, getFontkitFont, readSvgText, shapeText, SVG_TAG, type SvgText } from './glyphs.ts';

export interface PdfMeta {
  title: string;
  /** YYYY-MM-DD; becomes the PDF's creation date. */
  date?: string | undefined;
}

const ALLOWED: Readonly<Record<string, ReadonlySet<string>>> = {
  rect: new Set(['x', 'y', 'width', 'height', 'fill']),
  path: new Set(['d', 'fill']),
};

function num(v: string | undefined, what: string): string {
  if (v === undefined) return '0';
  const n = Number(v);
  if (!Number.isFinite(n)) throw new Error(`SVG 中的数值 ${what}="${v}" 无效 / invalid number ${what}="${v}" in the poster SVG`);
  return /e/i.test(v) ? String(Math.round(n * 1e4) / 1e4) : v;
}

/** PDF path operators for an SVG path made of absolute M, L, H, V, C, Q and Z commands. */
export function pathToPdf(d: string): string {
  const out: string[] = [];
  let x = 0;
  let y = 0;
  let sx = 0;
  let sy = 0;
  const re = /([A-Za-z])([^A-Za-z]*)/g;
  let m: RegExpExecArray | null;
  const r = (v: number) => String(Math.round(v * 1e4) / 1e4);
  while ((m = re.exec(d))) {
    const cmd = m[1]!;
    const n = (m[2]!.match(/-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi) ?? []).map(Number);
    const need = (k: number) => {
      if (n.length === 0 || n.length % k !== 0) throw new Error(`SVG 路径命令 ${cmd} 的参数个数不对 / malformed path command ${cmd}`);
    };
    switch (cmd) {
      case 'M':
        need(2);
        for (let i = 0; i < n.length; i += 2) {
          x = n[i]!;
          y = n[i + 1]!;
          if (i === 0) {
            sx = x;
            sy = y;
          }
          out.push(`${r(x)} ${r(y)} ${i === 0 ? 'm' : 'l'}`);
        }
        break;
      case 'L':
        need(2);
        for (let i = 0; i < n.length; i += 2) {
          x = n[i]!;
          y = n[i + 1]!;
          out.push(`${r(x)} ${r(y)} l`);
        }
        break;
      case 'H':
        need(1);
        for (const v of n) out.push(`${r((x = v))} ${r(y)} l`);
        break;
      case 'V':
        need(1);
        for (const v of n) out.push(`${r(x)} ${r((y = v))} l`);
        break;
      case 'C':
        need(6);
        for (let i = 0; i < n.length; i += 6) {
          out.push(`${r(n[i]!)} ${r(n[i + 1]!)} ${r(n[i + 2]!)} ${r(n[i + 3]!)} ${r(n[i + 4]!)} ${r(n[i + 5]!)} c`);
          x = n[i + 4]!;
          y = n[i + 5]!;
        }
        break;
      case 'Q':
        need(4);
        for (let i = 0; i < n.length; i += 4) {
          // A quadratic curve as the equivalent cubic.
          const qx = n[i]!;
          const qy = n[i + 1]!;
          const ex = n[i + 2]!;
          const ey = n[i + 3]!;
          out.push(
            `${r(x + (2 / 3) * (qx - x))} ${r(y + (2 / 3) * (qy - y))} ${r(ex + (2 / 3) * (qx - ex))} ${r(ey + (2 / 3) * (qy - ey))} ${r(ex)} ${r(ey)} c`,
          );
          x = ex;
          y = ey;
        }
        break;
      case 'Z':
      case 'z':
        out.push('h');
        x = sx;
        y = sy;
        break;
      default:
        throw new Error(`海报 SVG 含有不支持的路径命令 ${cmd} / unsupported SVG path command ${cmd} in a poster`);
    }
  }
  return out.join('\n');
}

/** What pdf.ts uses of pdfkit's embedded font and page (not in pdfkit's public types). */
interface EmbeddedFont {
  id: string;
  /** 1000 / units per em. */
  scale: number;
  subset: { glyphs: number[]; includeGlyph(id: number): number };
  /** By subset glyph id: advance (1000 units) and characters, for the PDF's widths and ToUnicode map. */
  widths: (number | undefined)[];
  unicode: (readonly number[] | undefined)[];
  ref(): unknown;
  embed(): void;
}
interface PdfInternals {
  _font: EmbeddedFont;
  page: { fonts: Record<string, unknown> };
}

/** Embedded fonts whose subset already writes flat charstrings (glyphs.ts flattenSubset). */
const flattened = new WeakSet<EmbeddedFont>();

/** The document's embedded font of a weight, its glyphs parsed once per process; pdfkit writes the subset at the end. */
function useFont(doc: PDFKit.PDFDocument, weight: FontWeight): EmbeddedFont {
  doc.font(getFontkitFont(weight) as unknown as string, `poster-${weight}`);
  const { _font: font, page } = doc as unknown as PdfInternals;
  if (!flattened.has(font)) {
    flattenSubset(font.subset, weight);
    flattened.add(font);
    // pdfkit derives the subset's six-letter tag (ABCDEF+SourceHanSansSC-Bold) from the resource name,
    // so every poster's subset would be called the same, and the quarter's joined PDF would hold
    // different subsets under one name, which some printers mix up. Derive it from the glyphs instead.
    const embed = font.embed.bind(font);
    font.embed = () => {
      const id = font.id;
      const digits = createHash('sha256')
        .update(`${weight}:${font.subset.glyphs.join(',')}`)
        .digest()
        .subarray(0, 6);
      // pdfkit adds 17 to each character's code: the digits 0–9 become the letters A–J.
      font.id = `F${[...digits].map((b) => String(b % 10)).join('')}`;
      try {
        embed();
      } finally {
        font.id = id;
      }
    };
  }
  page.fonts[font.id] ??= font.ref();
  return font;
}

const n4 = (v: number) => String(Math.round(v * 1e4) / 1e4);
const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/** PDF operators that show one text element at its pen position and baseline (inside BT … ET). */
function showText(font: EmbeddedFont, t: SvgText): string {
  const glyphs = shapeText(t.weight, t.text);
  if (glyphs.length === 0) return '';
  const codes = glyphs.map((g) => {
    const gid = font.subset.includeGlyph(g.id);
    font.widths[gid] ??= g.advanceWidth * font.scale;
    font.unicode[gid] ??= g.codePoints;
    return hex4(gid);
  });
  if (glyphs.every((g) => g.xOffset === 0 && g.yOffset === 0)) {
    // One string; a kerning pair moves the next glyph by the difference from the default advance.
    let parts = '';
    glyphs.forEach((g, i) => {
      parts += `<${codes[i]}>`;
      const kern = (g.xAdvance - g.advanceWidth) * font.scale;
      if (kern !== 0 && i < glyphs.length - 1) parts += n4(-kern);
    });
    return `1 0 0 -1 ${n4(t.x)} ${n4(t.y)} Tm\n[${parts}] TJ`;
  }
  const out: string[] = [];
  const scale = (t.size / 1000) * font.scale;
  let pen = 0;
  glyphs.forEach((g, i) => {
    out.push(`1 0 0 -1 ${n4(t.x + (pen + g.xOffset) * scale)} ${n4(t.y - g.yOffset * scale)} Tm`, `<${codes[i]}> Tj`);
    pen += g.xAdvance;
  });
  return out.join('\n');
}

function attributes(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const a of text.matchAll(/([\w:-]+)="([^"]*)"/g)) map.set(a[1]!, a[2]!);
  return map;
}

/** Draws one satori SVG onto the current pdfkit page. */
function drawSvg(doc: PDFKit.PDFDocument, svg: string): void {
  const body = svg.replace(/<mask\b[\s\S]*?<\/mask>/g, '').replace(/<defs>[\s\S]*?<\/defs>/g, '');
  let color = '';
  /** Inside BT … ET: the font and size last set there. */
  let text: { font: string; size: number } | undefined;
  const endText = () => {
    if (text) doc.addContent('ET');
    text = undefined;
  };
  for (const m of body.matchAll(SVG_TAG)) {
    if (m[1] !== undefined) {
      const t = readSvgText(m[1], m[2]!);
      if (t.fill === 'none' || t.fill === 'transparent' || t.text.trim() === '') continue;
      if (t.fill !== color) {
        endText();
        doc.fillColor(t.fill);
        color = t.fill;
      }
      const font = useFont(doc, t.weight);
      if (!text) doc.addContent('BT');
      if (text?.font !== font.id || text.size !== t.size) doc.addContent(`/${font.id} ${n4(t.size)} Tf`);
      text = { font: font.id, size: t.size };
      const ops = showText(font, t);
      if (ops) doc.addContent(ops);
      continue;
    }
    endText();
    const [, , , closing, tag, attrText] = m as unknown as [string, string, string, string, string, string];
    if (tag === 'svg' || (tag === 'g' && (closing || attrText.trim() === ''))) continue;
    const allowed = ALLOWED[tag];
    if (!allowed || closing)
      throw new Error(
        `海报 SVG 含有 PDF 转换不支持的元素 <${closing}${tag}> / the poster SVG has an element the PDF writer does not support: <${closing}${tag}>`,
      );
    const attrs = attributes(attrText);
    for (const k of attrs.keys()) {
      if (!allowed.has(k)) throw new Error(`海报 SVG 的 <${tag}> 含有不支持的属性 ${k} / unsupported attribute ${k} on <${tag}> in the poster SVG`);
    }
    const fill = attrs.get('fill') ?? 'black';
    if (fill === 'none' || fill === 'transparent') continue;
    if (fill !== color) {
      doc.fillColor(fill);
      color = fill;
    }
    if (tag === 'rect') {
      doc.addContent(`${num(attrs.get('x'), 'x')} ${num(attrs.get('y'), 'y')} ${num(attrs.get('width'), 'width')} ${num(attrs.get('height'), 'height')} re f`);
    } else {
      const ops = pathToPdf(attrs.get('d') ?? '');
      if (ops) doc.addContent(`${ops}\nf`);
    }
  }
  endText();
}

/** One PDF with a page of `width` × `height` points per SVG sheet. */
export async function sheetsToPdf(svgs: readonly string[], width: number, height: number, meta: PdfMeta): Promise<Buffer> {
  // Noon China time, so the date reads the same in every time zone from UTC−11 to UTC+11.
  const date = new Date(`${meta.date ?? '2000-01-01'}T12:00:00+08:00`);
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    autoFirstPage: false,
    compress: true,
    info: { Title: meta.title, Creator: 'gongkai', Producer: 'gongkai (pdfkit)', CreationDate: date, ModDate: date },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  for (const svg of svgs) {
    doc.addPage({ size: [width, height], margin: 0 });
    drawSvg(doc, svg);
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
