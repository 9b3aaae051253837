/**
 * Amounts written in sentences (每人15元, 约2.9万元), found by the amount they state and nothing else.
 *
 * Pagefind indexes the parts of a word with punctuation at the word's own position: 15,000.00 is also 15, 000 and 00.
 * A query for the words "15 元" therefore finds 15,000.00 元 as well as 每人15元, and no query can tell them apart. So
 * amounts are searched only in the form pages print (15.00, 150,000.00: one word no other amount has as a part), and
 * the build gives Pagefind, after a page's text, the printed form of each amount its sentences state (`amountTail`).
 * After indexing, the tail is cut from the page's stored text (`cutAmountTail`): the pages are unchanged, excerpts
 * read as before, and the words before the tail keep their positions. What is cut is remembered as `amountTail`:
 * where the tail began and, per amount, an excerpt at the sentence that states it, so a page found only through its
 * tail shows that sentence (`amountExcerpt`), not its last one.
 *
 * Pure: the build (src/integrations/search-index.ts) and the tests run it.
 */
import { formatYuan } from './money.ts';

/** The word that opens the tail: one Pagefind word nobody types, so the cut finds it. */
export const AMOUNT_TAIL_MARK = 'gongkaiamountsq';

/** A number in a sentence that is not part of a printed amount (no thousands separator), then 万元, 万, 元 or 块. */
const SENTENCE_AMOUNT = /(?<![\d,.])(\d+(?:\.\d+)?)(?![\d,.])\s?(万元|万|元|块)/gu;

/** Each amount stated in `text` that is not already printed so: its printed form, and where the statement is. */
function* statedAmounts(text: string): Generator<{ printed: string; index: number; length: number }> {
  for (const m of text.matchAll(SENTENCE_AMOUNT)) {
    const [whole, number, unit] = m;
    // Digits after the point a whole fen allows: 2 for 元, 6 for 万元 (2.9万元 is whole; 15.005元 is not, and is left out).
    const places = unit!.startsWith('万') ? 6 : 2;
    if (/[1-9]/.test(number!.split('.')[1]?.slice(places) ?? '')) continue;
    const fen = Math.round(Number(number) * 10 ** places);
    if (!Number.isSafeInteger(fen) || fen <= 0) continue;
    const printed = formatYuan(fen);
    if (printed !== number) yield { printed, index: m.index, length: whole.length };
  }
}

/**
 * The printed form of each amount stated in `text` that is not already printed so, in order of first appearance:
 * 每人15元 → 15.00, 约2.9万元 → 29,000.00, 15.00元 → nothing (already printed). Amounts of no whole fen (15.005元) are left out, not rounded.
 */
export function sentenceAmounts(text: string): string[] {
  return [...new Set([...statedAmounts(text)].map((a) => a.printed))];
}

/** The tail the build appends to a page's indexed text: the mark, then the amounts; empty when there are none. */
export function amountTail(text: string): string {
  const amounts = sentenceAmounts(text);
  return amounts.length > 0 ? `${AMOUNT_TAIL_MARK} ${amounts.join(' ')}` : '';
}

const WORD_BREAK = '\u200B';

/** Words of an excerpt at an amount: as many as the search page asks Pagefind for (excerptLength). */
export const AMOUNT_EXCERPT_WORDS = 36;

/** What a stored page keeps of its cut tail: the word number the tail began at, and an excerpt per amount, in order. */
export interface AmountTailNote {
  at: number;
  excerpts: string[];
}

/**
 * The excerpt at the sentence of `words` (a page's stored words) that states `printed`, in Pagefind's form (words
 * joined, the statement in <mark>, `<` escaped); empty when no sentence states it.
 */
function statedExcerpt(words: readonly string[], printed: string): string {
  const text = words.join('');
  const stated = [...statedAmounts(text)].find((a) => a.printed === printed);
  if (!stated) return '';
  // The word numbers the statement covers, from its characters.
  let offset = 0;
  const covered = new Set<number>();
  let first = -1;
  for (const [i, w] of words.entries()) {
    if (offset < stated.index + stated.length && offset + w.length > stated.index) {
      covered.add(i);
      if (first < 0) first = i;
    }
    offset += w.length;
  }
  // Start at the sentence (after the last sentence end before the statement), or half an excerpt before it.
  let start = first;
  while (start > 0 && first - start < AMOUNT_EXCERPT_WORDS / 2 && !/[。！？；\n]\s*$/.test(words[start - 1]!)) start--;
  return words
    .slice(start, start + AMOUNT_EXCERPT_WORDS)
    .map((w, i) => {
      const word = w.replace(/</g, '&lt;').replace(/>/g, '&gt;');
      return covered.has(start + i) ? `<mark>${word}</mark>` : word;
    })
    .join('')
    .trim();
}

/**
 * A Pagefind fragment with the amount tail cut from its text (Pagefind separates the words of stored text with
 * zero-width spaces) and noted in `amountTail`; the fragment unchanged when it has no tail.
 */
export function cutAmountTail<F extends { content: string }>(fragment: F): F & { amountTail?: AmountTailNote } {
  const words = fragment.content.split(WORD_BREAK);
  const at = words.findIndex((w) => w.trim() === AMOUNT_TAIL_MARK);
  if (at < 0) return fragment;
  const kept = words.slice(0, at);
  const amounts = words.slice(at + 1).map((w) => w.trim());
  return { ...fragment, content: kept.join(WORD_BREAK).trimEnd(), amountTail: { at, excerpts: amounts.map((a) => statedExcerpt(kept, a)) } };
}

/**
 * The excerpt of a result every match of which is in its amount tail: the sentence that states the first amount
 * matched. Undefined when the page has no tail, a match is in the page's own text, or no sentence was found.
 */
export function amountExcerpt(d: { amountTail?: AmountTailNote; locations?: readonly number[] }): string | undefined {
  const tail = d.amountTail;
  const locations = d.locations ?? [];
  if (!tail || locations.length === 0 || locations.some((l) => l <= tail.at)) return undefined;
  return tail.excerpts[Math.min(...locations) - tail.at - 1] || undefined;
}
