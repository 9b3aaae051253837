/**
 * A conservative model of how satori wraps Chinese text, used to paginate posters before they are
 * drawn. It allows a line break only where satori certainly may break (between two CJK characters,
 * or after a space), never where 禁则 (kinsoku) forbids one, and it measures every character at its
 * real advance width. So it never predicts fewer lines than satori draws; the renderer checks that
 * on every sheet and refuses to write a poster where it would not hold.
 */

/** Advance width of a code point in em (advance ÷ units per em); undefined when the font lacks it. */
export type AdvanceFn = (codePoint: number) => number | undefined;

/** May not start a line (closing punctuation, pause marks, ellipsis and dash halves). */
export const NO_BREAK_BEFORE = new Set([...'，。、；：？！）》」』】〕〉〗〙’”…—～·・％‰℃,.;:?!)]}%']);
/** May not end a line (opening brackets and quotes). */
export const NO_BREAK_AFTER = new Set([...'（《「『【〔〈〖〘‘“([{']);

/** CJK ideographs, kana, CJK symbols and full-width forms: a break may fall between two of these. */
export function isWide(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x2fdf) || // radicals
    (cp >= 0x3000 && cp <= 0x30ff) || // CJK symbols and punctuation, kana
    (cp >= 0x3100 && cp <= 0x31ff) || // bopomofo, strokes
    (cp >= 0x3200 && cp <= 0x33ff) || // enclosed CJK, compatibility (㎡)
    (cp >= 0x3400 && cp <= 0x4dbf) || // Ext A
    (cp >= 0x4e00 && cp <= 0x9fff) || // URO
    (cp >= 0xf900 && cp <= 0xfaff) || // compatibility ideographs
    (cp >= 0xfe30 && cp <= 0xfe4f) || // CJK compatibility forms
    (cp >= 0xff01 && cp <= 0xff60) || // full-width forms
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3134f) // Ext B–H
  );
}

/** The error for a character the font has no glyph for. */
function noGlyph(cp: number): Error {
  return new Error(`字体缺少字符“${String.fromCodePoint(cp)}”（U+${cp.toString(16).toUpperCase()}）/ the poster font has no glyph for this character`);
}

/** Width in em of a text; throws when a character has no glyph (it would be drawn as tofu). */
export function measureText(text: string, advance: AdvanceFn): number {
  let w = 0;
  for (const ch of text) {
    const a = advance(ch.codePointAt(0)!);
    if (a === undefined) throw noGlyph(ch.codePointAt(0)!);
    w += a;
  }
  return w;
}

/** True when the model allows a line break between `prev` and `next`. */
export function mayBreakBetween(prev: string, next: string): boolean {
  if (NO_BREAK_BEFORE.has(next) || NO_BREAK_AFTER.has(prev)) return false;
  if (prev === ' ') return true;
  return isWide(prev.codePointAt(0)!) && isWide(next.codePointAt(0)!);
}

/** Splits a piece at every position 禁则 allows, ignoring the CJK-only rule. */
function splitKinsoku(piece: string): string[] {
  const chars = [...piece];
  const parts: string[] = [];
  let cur = chars[0] ?? '';
  for (let i = 1; i < chars.length; i += 1) {
    if (!NO_BREAK_BEFORE.has(chars[i]!) && !NO_BREAK_AFTER.has(chars[i - 1]!)) {
      parts.push(cur);
      cur = chars[i]!;
    } else cur += chars[i]!;
  }
  parts.push(cur);
  return parts;
}

/**
 * Splits a text into the lines the model predicts for a box `maxWidth` em wide. Greedy, like the
 * browser and satori; a piece with no allowed break that is wider than the box is cut per character
 * (satori does the same with `word-break: break-word`).
 */
export function wrapText(text: string, maxWidth: number, advance: AdvanceFn): string[] {
  const chars = [...text];
  if (chars.length === 0) return [''];
  // Pieces between allowed break points.
  const pieces: string[] = [];
  let cur = chars[0]!;
  for (let i = 1; i < chars.length; i += 1) {
    if (mayBreakBetween(chars[i - 1]!, chars[i]!)) {
      pieces.push(cur);
      cur = chars[i]!;
    } else cur += chars[i]!;
  }
  pieces.push(cur);
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const piece of pieces) {
    const w = measureText(piece, advance);
    // A trailing space hangs at the end of a line in CSS; measure the piece without it for fitting.
    const fitW = piece.endsWith(' ') ? measureText(piece.trimEnd(), advance) : w;
    if (line !== '' && width + fitW > maxWidth) {
      lines.push(line);
      line = '';
      width = 0;
    }
    if (line === '' && fitW > maxWidth) {
      // An over-long piece is cut where 禁则 allows, and only a part still too long per character.
      for (const part of splitKinsoku(piece)) {
        const pw = measureText(part, advance);
        if (line !== '' && width + pw > maxWidth) {
          lines.push(line);
          line = '';
          width = 0;
        }
        if (pw <= maxWidth || line !== '') {
          line += part;
          width += pw;
          continue;
        }
        for (const ch of part) {
          const cw = measureText(ch, advance);
          if (line !== '' && width + cw > maxWidth) {
            lines.push(line);
            line = '';
            width = 0;
          }
          line += ch;
          width += cw;
        }
      }
      continue;
    }
    line += piece;
    width += w;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** `NO_BREAK_BEFORE` and `NO_BREAK_AFTER` by code point (each member is one UTF-16 unit). */
const NO_BREAK_BEFORE_CP = new Set([...NO_BREAK_BEFORE].map((c) => c.codePointAt(0)!));
const NO_BREAK_AFTER_CP = new Set([...NO_BREAK_AFTER].map((c) => c.codePointAt(0)!));

/** True for what `String.prototype.trimEnd` removes: JavaScript's white space and line terminators. */
export function isTrimmedSpace(cp: number): boolean {
  return (
    (cp >= 0x09 && cp <= 0x0d) ||
    cp === 0x20 ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000 ||
    cp === 0xfeff
  );
}

/**
 * Number of lines the model predicts: `wrapText(text, maxWidth, advance).length`, counted in one pass
 * over the code points, without making the pieces and lines as strings (the poster layout counts the
 * lines of every text of every poster at every paper size, in the page process and the poster step;
 * issue 18). Each piece's width is summed from zero in text order, as `measureText` sums it, so every
 * comparison sees the same numbers; a piece wider than the whole box (cut where 禁则 allows, then per
 * character) is left to `wrapText`.
 */
export function countLines(text: string, maxWidth: number, advance: AdvanceFn): number {
  let lines = 0;
  let lineEmpty = true;
  let width = 0;
  // The piece being read: its width, its width up to its last character that is not white space, its last character.
  let w = 0;
  let kept = 0;
  let prev = -1;
  /** Puts the piece just read on the line as wrapText does; false when it is wider than the whole box. */
  const place = (): boolean => {
    // A trailing space hangs at the end of a line in CSS; the piece is measured without it for fitting.
    const fitW = prev === 0x20 ? kept : w;
    if (!lineEmpty && width + fitW > maxWidth) {
      lines += 1;
      lineEmpty = true;
      width = 0;
    }
    if (lineEmpty && fitW > maxWidth) return false;
    lineEmpty = false;
    width += w;
    return true;
  };
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const a = advance(cp);
    if (a === undefined) throw noGlyph(cp);
    if (prev >= 0 && !NO_BREAK_BEFORE_CP.has(cp) && !NO_BREAK_AFTER_CP.has(prev) && (prev === 0x20 || (isWide(prev) && isWide(cp)))) {
      if (!place()) return wrapText(text, maxWidth, advance).length;
      w = 0;
      kept = 0;
    }
    w += a;
    if (!isTrimmedSpace(cp)) kept = w;
    prev = cp;
    i += cp > 0xffff ? 2 : 1;
  }
  if (prev < 0) return 1;
  if (!place()) return wrapText(text, maxWidth, advance).length;
  return lines + 1;
}
