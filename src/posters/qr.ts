/**
 * The QR code to a record's web page, as plain black rectangles (no image), so it stays vector in
 * the SVG, the PNG and the PDF. Built with uqr; horizontal runs of dark modules are merged, and
 * equal runs in consecutive rows merged into one rectangle, to keep the drawing small.
 */
import { encode } from 'uqr';

export interface QrBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Quiet zone on every side, in modules (the standard asks for 4). */
export const QR_QUIET = 4;

/** Dark rectangles of the QR code for `text` in a square of `side` points, quiet zone included. */
export function getQrBoxes(text: string, side: number): { boxes: QrBox[]; modules: number; moduleSize: number } {
  const qr = encode(text, { ecc: 'M', border: 0 });
  const n = qr.size;
  const mod = side / (n + 2 * QR_QUIET);
  // Runs per row: [start, end) columns.
  const open = new Map<string, { x0: number; x1: number; y0: number; y1: number }>();
  const rects: { x0: number; x1: number; y0: number; y1: number }[] = [];
  for (let y = 0; y < n; y += 1) {
    const row = qr.data[y]!;
    const runs: string[] = [];
    for (let x = 0; x < n; x += 1) {
      if (!row[x]) continue;
      const x0 = x;
      while (x < n && row[x]) x += 1;
      runs.push(`${x0}:${x}`);
    }
    const still = new Set(runs);
    for (const [k, r] of open) {
      if (!still.has(k)) {
        rects.push(r);
        open.delete(k);
      }
    }
    for (const k of runs) {
      const cur = open.get(k);
      if (cur) cur.y1 = y + 1;
      else {
        const [a, b] = k.split(':').map(Number) as [number, number];
        open.set(k, { x0: a, x1: b, y0: y, y1: y + 1 });
      }
    }
  }
  rects.push(...open.values());
  rects.sort((p, q) => p.y0 - q.y0 || p.x0 - q.x0);
  // A hair of overlap so anti-aliasing leaves no light seams between touching rectangles.
  const o = mod * 0.04;
  const r2 = (v: number) => Math.round(v * 1000) / 1000;
  const boxes = rects.map((r) => ({
    x: r2((r.x0 + QR_QUIET) * mod),
    y: r2((r.y0 + QR_QUIET) * mod),
    w: r2((r.x1 - r.x0) * mod + o),
    h: r2((r.y1 - r.y0) * mod + o),
  }));
  return { boxes, modules: n, moduleSize: mod };
}

/**
 * The QR code for `text` as SVG rectangles in a `side`-point square whose top left corner is at
 * (`left`, `top`) on the sheet. render.ts adds it to satori's drawing of the sheet, into the empty
 * box the template leaves for it.
 */
export function drawQrSvg(text: string, side: number, left: number, top: number): string {
  const r3 = (v: number) => String(Math.round(v * 1000) / 1000);
  return getQrBoxes(text, side)
    .boxes.map((b) => `<rect x="${r3(left + b.x)}" y="${r3(top + b.y)}" width="${r3(b.w)}" height="${r3(b.h)}" fill="#000"/>`)
    .join('');
}
