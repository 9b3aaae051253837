/**
 * Character repertoires of the Chinese national character-set standards, enumerated from the
 * standard's own byte layout with the platform's GB 18030 decoder (ICU), for measuring how much of
 * them the poster font covers. Nothing is hard-coded but the byte ranges.
 *
 * - GB 2312 一级汉字 (level 1, 3755 common characters): rows 16–55 (bytes B0A1–D7F9).
 * - GB 2312 二级汉字 (level 2, 3008 characters): rows 56–87 (bytes D8A1–F7FE).
 *   GB 18030 keeps these two levels unchanged in its two-byte part.
 * - GB 18030 two-byte part (the GBK repertoire): lead bytes 81–FE, trail bytes 40–7E and 80–FE,
 *   without the user-defined (private use) positions.
 */

const decoder = new TextDecoder('gb18030', { fatal: false });

function decodePair(lead: number, trail: number): string | undefined {
  const s = decoder.decode(new Uint8Array([lead, trail]));
  const cp = s.codePointAt(0);
  if (s.length === 0 || cp === undefined || cp === 0xfffd || [...s].length !== 1) return undefined;
  if (cp >= 0xe000 && cp <= 0xf8ff) return undefined; // user-defined area
  return s;
}

function rows(fromLead: number, toLead: number): string[] {
  const out: string[] = [];
  for (let lead = fromLead; lead <= toLead; lead += 1) {
    for (let trail = 0xa1; trail <= 0xfe; trail += 1) {
      const ch = decodePair(lead, trail);
      if (ch) out.push(ch);
    }
  }
  return out;
}

/** GB 2312 level-1 hanzi (一级汉字), 3755 characters. */
export function gb2312Level1(): string[] {
  return rows(0xb0, 0xd7).filter((c) => /\p{Script=Han}/u.test(c));
}

/** GB 2312 level-2 hanzi (二级汉字), 3008 characters. */
export function gb2312Level2(): string[] {
  return rows(0xd8, 0xf7).filter((c) => /\p{Script=Han}/u.test(c));
}

/** Every character of GB 18030's two-byte part (the GBK repertoire). */
export function gb18030TwoByte(): string[] {
  const out: string[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const ch = decodePair(lead, trail);
      if (ch) out.push(ch);
    }
  }
  return out;
}

/** Code points of a Unicode range that are assigned Han characters (per the platform's Unicode data). */
export function hanRange(from: number, to: number): string[] {
  const out: string[] = [];
  for (let cp = from; cp <= to; cp += 1) {
    const ch = String.fromCodePoint(cp);
    if (/\p{Script=Han}/u.test(ch) && /\p{L}/u.test(ch)) out.push(ch);
  }
  return out;
}

/** Rare characters that occur in Chinese personal names and must never print as tofu. */
export const RARE_NAME_CHARACTERS = [...'䶮堃骉淼犇垚鑫焱赟喆昇玥珺琇璟頔𠮷彧旻'];
