/**
 * The text of satori's SVG sheets, and the poster font parsed by fontkit. Satori draws each sheet
 * with `<text>` elements (`embedFont: false`): a glyph or a word at a given pen position and
 * baseline, one weight and size each. pdf.ts writes them as real PDF text (an embedded, subsetted
 * font: searchable and selectable, and far smaller than outlines); `toOutlineSvg` turns them into
 * glyph outlines for the pictures and the SVG files, which must show the text without any font
 * installed (resvg is slow with a 16 MB CID font, so it gets outlines, too). Each font file is
 * parsed once per process and every glyph outline decoded once.
 */
import * as fontkit from 'fontkit';
import { FONT_FAMILY, getFontData, type FontWeight } from './fonts.ts';

export interface SvgText {
  x: number;
  /** Baseline. */
  y: number;
  size: number;
  weight: FontWeight;
  fill: string;
  text: string;
}

/** Attributes satori writes on a `<text>`; any other (a transform, a clip path, letter spacing) stops the build. */
const TEXT_ATTRIBUTES = new Set(['x', 'y', 'width', 'height', 'font-weight', 'font-style', 'font-size', 'font-family', 'fill']);

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e] ?? all;
  });
}

function attributes(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const a of text.matchAll(/([\w:-]+)="([^"]*)"/g)) map.set(a[1]!, a[2]!);
  return map;
}

/** Reads one `<text>` element's attributes and content; throws on anything the writers cannot draw. */
export function readSvgText(attrText: string, content: string): SvgText {
  const attrs = attributes(attrText);
  for (const k of attrs.keys()) {
    if (!TEXT_ATTRIBUTES.has(k)) throw new Error(`海报 SVG 的 <text> 含有不支持的属性 ${k} / unsupported attribute ${k} on <text> in the poster SVG`);
  }
  const family = attrs.get('font-family') ?? '';
  if (family.toLowerCase() !== FONT_FAMILY.toLowerCase())
    throw new Error(`海报 SVG 使用了海报字体以外的字体 ${family} / the poster SVG uses a font other than ${FONT_FAMILY}: ${family}`);
  const w = attrs.get('font-weight') ?? '400';
  const weight = w === 'normal' ? 400 : w === 'bold' ? 700 : Number(w);
  if ((weight !== 400 && weight !== 700) || (attrs.get('font-style') ?? 'normal') !== 'normal')
    throw new Error(`海报 SVG 使用了不支持的字重或字形 ${weight} ${attrs.get('font-style')} / unsupported font weight or style in the poster SVG`);
  const num = (k: string) => {
    const n = Number(attrs.get(k));
    if (!Number.isFinite(n)) throw new Error(`SVG 中的数值 ${k}="${attrs.get(k)}" 无效 / invalid number ${k}="${attrs.get(k)}" in the poster SVG`);
    return n;
  };
  return { x: num('x'), y: num('y'), size: num('font-size'), weight, fill: attrs.get('fill') ?? 'black', text: unescapeXml(content) };
}

/** A pattern matching a whole `<text …>…</text>` element (groups: attributes, content) or any other tag. */
export const SVG_TAG = /<text\b([^>]*)>([^<]*)<\/text>|<(\/?)([a-zA-Z]+)([^>]*?)(\/?)>/g;

const fonts = new Map<FontWeight, fontkit.Font>();

/** The poster font of a weight as fontkit reads it: parsed once per process, shared by every PDF and picture. */
export function getFontkitFont(weight: FontWeight): fontkit.Font {
  let f = fonts.get(weight);
  if (!f) {
    f = fontkit.create(getFontData(weight));
    fonts.set(weight, f);
  }
  return f;
}

export interface ShapedGlyph {
  id: number;
  /** The glyph's own advance and the pen's advance after it (kerning included), in font units. */
  advanceWidth: number;
  xAdvance: number;
  xOffset: number;
  yOffset: number;
  codePoints: readonly number[];
}

/** Shaped texts per weight: a poster county draws the same few thousand characters and words over and over. */
const shaped = new Map<string, readonly ShapedGlyph[]>();
/** Words (figures, names) are many more than characters: past this many the cache starts again, so it stays small. */
const SHAPED_MAX = 100_000;

/**
 * The glyphs of a text element, shaped as satori shapes it (harfbuzz there, fontkit here: the font's
 * default features, kerning included). A single character, most of a Chinese poster, needs no
 * shaping: its glyph comes straight from the character map.
 */
export function shapeText(weight: FontWeight, text: string): readonly ShapedGlyph[] {
  const key = `${weight}:${text}`;
  let out = shaped.get(key);
  if (out) return out;
  const font = getFontkitFont(weight);
  const cp = text.codePointAt(0);
  if (cp !== undefined && text.length === String.fromCodePoint(cp).length) {
    const g = font.glyphForCodePoint(cp);
    out = [{ id: g.id, advanceWidth: g.advanceWidth, xAdvance: g.advanceWidth, xOffset: 0, yOffset: 0, codePoints: [cp] }];
  } else {
    const run = font.layout(text);
    out = run.glyphs.map((g, i) => {
      const p = run.positions[i]!;
      return { id: g.id, advanceWidth: g.advanceWidth, xAdvance: p.xAdvance, xOffset: p.xOffset, yOffset: p.yOffset, codePoints: g.codePoints };
    });
  }
  if (shaped.size >= SHAPED_MAX) shaped.clear();
  shaped.set(key, out);
  return out;
}

/** Glyph outlines in font units (y up), decoded once per weight and glyph. */
const outlines = new Map<string, readonly fontkit.PathCommand[]>();

function getOutline(weight: FontWeight, id: number): readonly fontkit.PathCommand[] {
  const key = `${weight}:${id}`;
  let cmds = outlines.get(key);
  if (cmds === undefined) {
    cmds = getFontkitFont(weight).getGlyph(id).path.commands;
    outlines.set(key, cmds);
  }
  return cmds;
}

const r = (v: number) => String(Math.round(v * 100) / 100);

/** SVG path data of a text element's glyphs, as satori draws them with `embedFont` (its default). */
export function textToPath(t: SvgText): string {
  const scale = t.size / getFontkitFont(t.weight).unitsPerEm;
  const out: string[] = [];
  let pen = 0;
  for (const g of shapeText(t.weight, t.text)) {
    const ox = t.x + (pen + g.xOffset) * scale;
    const oy = t.y - g.yOffset * scale;
    for (const c of getOutline(t.weight, g.id)) {
      let a = '';
      for (let k = 0; k < c.args.length; k += 2) a += `${k > 0 ? ' ' : ''}${r(ox + c.args[k]! * scale)} ${r(oy - c.args[k + 1]! * scale)}`;
      out.push(`${PATH_LETTER[c.command]}${a}`);
    }
    pen += g.xAdvance;
  }
  return out.join('');
}

const PATH_LETTER: Readonly<Record<fontkit.PathCommand['command'], string>> = {
  moveTo: 'M',
  lineTo: 'L',
  quadraticCurveTo: 'Q',
  bezierCurveTo: 'C',
  closePath: 'Z',
};

/**
 * The sheet with every `<text>` replaced by its glyph outlines, viewable and printable without the
 * font: consecutive texts of one colour become one path, as satori draws them.
 */
export function toOutlineSvg(svg: string): string {
  return svg.replace(/(?:<text\b[^>]*>[^<]*<\/text>)+/g, (run) => {
    const paths: string[] = [];
    let fill = '';
    let d = '';
    for (const m of run.matchAll(/<text\b([^>]*)>([^<]*)<\/text>/g)) {
      const t = readSvgText(m[1]!, m[2]!);
      if (t.fill !== fill && d) {
        paths.push(`<path fill="${fill}" d="${d}"/>`);
        d = '';
      }
      fill = t.fill;
      d += textToPath(t);
    }
    if (d) paths.push(`<path fill="${fill}" d="${d}"/>`);
    return paths.join('');
  });
}

/** A number in a Type 2 charstring (CFF): the shortest integer form, or 16.16 fixed point. */
function pushNumber(out: number[], v: number): void {
  if (Number.isInteger(v) && v >= -107 && v <= 107) out.push(v + 139);
  else if (Number.isInteger(v) && v >= 108 && v <= 1131) out.push(((v - 108) >> 8) + 247, (v - 108) & 0xff);
  else if (Number.isInteger(v) && v >= -1131 && v <= -108) out.push(((-v - 108) >> 8) + 251, (-v - 108) & 0xff);
  else if (Number.isInteger(v) && v >= -32768 && v <= 32767) out.push(28, (v >> 8) & 0xff, v & 0xff);
  else {
    const f = Math.round(v * 65536) | 0;
    out.push(255, (f >>> 24) & 0xff, (f >>> 16) & 0xff, (f >>> 8) & 0xff, f & 0xff);
  }
}

/** Flat charstrings (outline only, no subroutines, no hints), encoded once per weight and glyph. */
const charstrings = new Map<string, Uint8Array>();

/**
 * A glyph's outline as a self-contained Type 2 charstring. Embedding these instead of the font's own
 * charstrings leaves out its subroutine tables (tens of thousands of entries that every subset
 * would carry and that take most of the time to write); the glyphs are the same outlines the SVG
 * posters drew, without hints, which printing at 300 dpi and more does not need.
 */
function getFlatCharstring(weight: FontWeight, id: number): Uint8Array {
  const key = `${weight}:${id}`;
  let cs = charstrings.get(key);
  if (cs) return cs;
  const out: number[] = [];
  let x = 0;
  let y = 0;
  const to = (ax: number, ay: number) => {
    // Deltas from where the previous operator really ended, so rounding never accumulates.
    const dx = Math.round((ax - x) * 65536) / 65536;
    const dy = Math.round((ay - y) * 65536) / 65536;
    pushNumber(out, dx);
    pushNumber(out, dy);
    x += dx;
    y += dy;
  };
  for (const c of getOutline(weight, id)) {
    const a = c.args;
    if (c.command === 'moveTo') {
      to(a[0]!, a[1]!);
      out.push(21); // rmoveto
    } else if (c.command === 'lineTo') {
      to(a[0]!, a[1]!);
      out.push(5); // rlineto
    } else if (c.command === 'bezierCurveTo') {
      to(a[0]!, a[1]!);
      to(a[2]!, a[3]!);
      to(a[4]!, a[5]!);
      out.push(8); // rrcurveto
    } else if (c.command === 'quadraticCurveTo') {
      const [qx, qy, ex, ey] = a as [number, number, number, number];
      const sx = x;
      const sy = y;
      to(sx + (2 / 3) * (qx - sx), sy + (2 / 3) * (qy - sy));
      to(ex + (2 / 3) * (qx - ex), ey + (2 / 3) * (qy - ey));
      to(ex, ey);
      out.push(8);
    }
    // closePath: a CFF contour closes itself at the next moveto or at endchar.
  }
  out.push(14); // endchar
  cs = Uint8Array.from(out);
  charstrings.set(key, cs);
  return cs;
}

/** The part of fontkit's CFF subset (no public types) that `flattenSubset` replaces. */
interface CffSubset {
  glyphs: number[];
  charstrings: Uint8Array[];
  gsubrs: Uint8Array[];
  cff: { isCIDFont: boolean; topDict: { FDArray: { Private?: { Subrs?: unknown } }[] }; fdForGlyph(gid: number): number | null };
  subsetCharstrings(): void;
  subsetFontdict(topDict: Record<string, unknown>): void;
}

/**
 * Makes a fontkit CFF subset of the poster font write flat charstrings (getFlatCharstring) and no
 * subroutines. fontkit's own subset keeps every subroutine slot of the font and parses each glyph
 * again to find the ones used: about 100 KB and most of the PDF writer's time per poster.
 */
export function flattenSubset(subset: unknown, weight: FontWeight): void {
  const s = subset as CffSubset;
  if (!s.cff?.isCIDFont) throw new Error('海报字体不是 CID 字体 / the poster font is not a CID-keyed CFF font');
  s.subsetCharstrings = function (this: CffSubset) {
    this.charstrings = this.glyphs.map((gid) => getFlatCharstring(weight, gid));
    this.gsubrs = [];
  };
  s.subsetFontdict = function (this: CffSubset, topDict: Record<string, unknown>) {
    const fdArray: Record<string, unknown>[] = [];
    const fds: number[] = [];
    const index = new Map<number, number>();
    for (const gid of this.glyphs) {
      const fd = this.cff.fdForGlyph(gid) ?? 0;
      let i = index.get(fd);
      if (i === undefined) {
        const dict: Record<string, unknown> = { ...this.cff.topDict.FDArray[fd] };
        delete dict['FontName'];
        if (dict['Private']) {
          const priv: Record<string, unknown> = { ...dict['Private'] };
          delete priv['Subrs'];
          dict['Private'] = priv;
        }
        i = fdArray.push(dict) - 1;
        index.set(fd, i);
      }
      fds.push(i);
    }
    topDict['FDArray'] = fdArray;
    topDict['FDSelect'] = { version: 0, fds };
  };
}
