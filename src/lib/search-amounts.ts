/**
 * Amounts written in sentences (每人15元, 约2.9万元), found by the amount they state and nothing else.
 *
 * Pagefind indexes the parts of a word with punctuation at the word's own position: 15,000.00 is also 15, 000 and 00.
 * A query for the words "15 元" therefore finds 15,000.00 元 as well as 每人15元, and no query can tell them apart. So
 * amounts are searched only in the form pages print (15.00, 150,000.00: one word no other amount has as a part), and
 * the build gives Pagefind, after a page's text, the printed form of each amount its sentences state (`amountTail`).
 * After indexing, the tail is cut from the page's stored text (`cutAmountTail`): the pages are unchanged, excerpts
 * read as before, and the words before the tail keep their positions.
 *
 * Pure: the build (src/integrations/search-index.ts) and the tests run it.
 */
import { formatYuan } from './money.ts';

/** The word that opens the tail: one Pagefind word nobody types, so the cut finds it. */
export const AMOUNT_TAIL_MARK = 'gongkaiamountsq';

/** A number in a sentence that is not part of a printed amount (no thousands separator), then 万元, 万, 元 or 块. */
const SENTENCE_AMOUNT = /(?<![\d,.])(\d+(?:\.\d+)?)(?![\d,.])\s?(万元|万|元|块)/gu;

/**
 * The printed form of each amount stated in `text` that is not already printed so, in order of first appearance:
 * 每人15元 → 15.00, 约2.9万元 → 29,000.00, 15.00元 → nothing (already printed). Amounts of no whole fen (15.005元) are left out, not rounded.
 */
export function sentenceAmounts(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(SENTENCE_AMOUNT)) {
    const [, number, unit] = m;
    // Digits after the point a whole fen allows: 2 for 元, 6 for 万元 (2.9万元 is whole; 15.005元 is not, and is left out).
    const places = unit!.startsWith('万') ? 6 : 2;
    if (/[1-9]/.test(number!.split('.')[1]?.slice(places) ?? '')) continue;
    const fen = Math.round(Number(number) * 10 ** places);
    if (!Number.isSafeInteger(fen) || fen <= 0) continue;
    const printed = formatYuan(fen);
    if (printed !== number) out.add(printed);
  }
  return [...out];
}

/** The tail the build appends to a page's indexed text: the mark, then the amounts; empty when there are none. */
export function amountTail(text: string): string {
  const amounts = sentenceAmounts(text);
  return amounts.length > 0 ? `${AMOUNT_TAIL_MARK} ${amounts.join(' ')}` : '';
}

const WORD_BREAK = '\u200B';

/**
 * A Pagefind fragment with the amount tail cut from its text (Pagefind separates the words of stored text with
 * zero-width spaces); the fragment unchanged when it has no tail.
 */
export function cutAmountTail<F extends { content: string }>(fragment: F): F {
  const words = fragment.content.split(WORD_BREAK);
  const at = words.findIndex((w) => w.trim() === AMOUNT_TAIL_MARK);
  if (at < 0) return fragment;
  return { ...fragment, content: words.slice(0, at).join(WORD_BREAK).trimEnd() };
}
