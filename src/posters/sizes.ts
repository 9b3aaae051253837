/**
 * Paper sizes and what is produced for each: the one place to change poster sizes, type sizes and
 * output formats. Layout units are PostScript points (1/72 inch), so a PDF page is exactly the
 * paper and a PNG is the paper at a given dpi. Type is large for elderly readers: body text is at
 * least 14 pt even on A4, 18–20 pt on A3 (domain-rules §3.11).
 */

export type SizeKey = 'A3' | 'A4';

export interface TypeScale {
  /** Poster title. */
  title: number;
  /** Section headings (一、收支汇总). */
  heading: number;
  /** Running text and facts. */
  body: number;
  /** Table cells. */
  table: number;
  /** Footer: QR caption, posting dates, phones. */
  footer: number;
  /** The 核对码 in the footer. */
  fingerprint: number;
}

export interface SizePreset {
  key: SizeKey;
  /** Shown to clerks, e.g. A3 竖版. */
  labelZh: string;
  widthMm: number;
  heightMm: number;
  /** Page width and height in points. */
  width: number;
  height: number;
  /** Page margin in whole points (printers cannot print to the edge; 12–15 mm is safe everywhere). */
  margin: number;
  type: TypeScale;
  /** Line height as a multiple of the font size (rounded up to whole points per line). */
  lineHeight: number;
  /** Side of the QR code in whole points (A3 96 pt = 34 mm, A4 74 pt = 26 mm: a phone reads it at arm's length). */
  qr: number;
  /** Space between blocks, in points. */
  gap: number;
  /** Cell padding in tables, in points. */
  cellPad: number;
  /** Rule thickness: thin for table cells, thick for table edges and the header/footer rules. */
  rule: { thin: number; thick: number };
}

/**
 * What can be written for a poster at one size: the PDF of all sheets, a small preview picture of
 * the first sheet (the print page's thumbnail and the share image), and per sheet a 150 or 300 dpi
 * picture or an SVG (outlined text) for print shops that want them.
 */
export type PosterFormat = 'pdf' | 'preview' | 'png150' | 'png300' | 'svg';
export const POSTER_FORMATS: readonly PosterFormat[] = ['pdf', 'preview', 'png150', 'png300', 'svg'];

/** Resolution of each per-sheet picture format. */
export const PNG_DPI: Readonly<Partial<Record<PosterFormat, number>>> = { png150: 150, png300: 300 };

const MM = 72 / 25.4;
const pt = (mm: number) => Math.round(mm * MM * 100) / 100;

export const SIZES: Readonly<Record<SizeKey, SizePreset>> = {
  A3: {
    key: 'A3',
    labelZh: 'A3 竖版',
    widthMm: 297,
    heightMm: 420,
    width: pt(297),
    height: pt(420),
    margin: 42,
    type: { title: 36, heading: 24, body: 20, table: 18, footer: 15, fingerprint: 22 },
    lineHeight: 1.4,
    qr: 96,
    gap: 12,
    cellPad: 5,
    rule: { thin: 1, thick: 3 },
  },
  A4: {
    key: 'A4',
    labelZh: 'A4 竖版',
    widthMm: 210,
    heightMm: 297,
    width: pt(210),
    height: pt(297),
    margin: 34,
    type: { title: 26, heading: 18, body: 15, table: 14, footer: 12, fingerprint: 16 },
    lineHeight: 1.4,
    qr: 74,
    gap: 9,
    cellPad: 4,
    rule: { thin: 1, thick: 2 },
  },
};

/** The size every village gets by default, and every size the build produces. */
export const DEFAULT_SIZE: SizeKey = 'A3';
export const POSTER_SIZES: readonly SizeKey[] = ['A3', 'A4'];

/** Pixel width of the page at a resolution: A3 at 150 dpi is 1754 px wide. */
export function pixelWidth(size: SizePreset, dpi: number): number {
  return Math.round((size.widthMm / 25.4) * dpi);
}

/**
 * What every build writes: what a clerk prints (the PDF at both sizes) and one preview picture per
 * poster (of the A3 first sheet). The other formats are written on request (`npm run posters`).
 */
export const DEFAULT_FORMATS: Readonly<Record<SizeKey, readonly PosterFormat[]>> = { A3: ['pdf', 'preview'], A4: ['pdf'] };

/** Width of the preview picture of a poster's first sheet, in pixels. */
export const PREVIEW_WIDTH = 600;
