/**
 * What changed between two versions of a text, for the 更正 (correction) notice: the smallest
 * differing stretch, widened to whole numbers and words so that "186,000.00" → "168,000.00" is
 * shown as such rather than as "86" → "68", with a few characters of context before it.
 */

export interface TextChange {
  /** The changed stretch in the old text, with context; empty when text was only added. */
  before: string;
  /** The changed stretch in the new text, with context; empty when text was only removed. */
  after: string;
}

/** Characters that belong to one number or Latin word: digits, letters, separators inside numbers. */
const WORDISH = /[0-9A-Za-z.,%\-０-９．，]/;

function isWordish(ch: string | undefined): boolean {
  return ch !== undefined && WORDISH.test(ch);
}

const PAUSE = /[，。；：、！？,.;:!?\s]/;

/**
 * The changed stretch between `before` and `after`, or undefined when they are equal. Context is
 * shown from the start of the clause (up to 16 characters back, else `context` characters) and up
 * to 3 characters after, so the change reads as a phrase.
 */
export function describeTextChange(before: string, after: string, context = 8): TextChange | undefined {
  if (before === after) return undefined;
  const a = [...before];
  const b = [...after];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  // Widen to whole numbers/words on both sides (the shared prefix and suffix are identical, so
  // widening by the same amount keeps both stretches aligned).
  while (start > 0 && isWordish(a[start - 1]) && (isWordish(a[start]) || isWordish(b[start]))) start -= 1;
  while (endA < a.length && isWordish(a[endA]) && (isWordish(a[endA - 1]) || isWordish(b[endB - 1]))) {
    endA += 1;
    endB += 1;
  }
  // Context before: from the start of the clause if it is near, else a few characters.
  let from = start;
  while (from > 0 && start - from < 16 && !PAUSE.test(a[from - 1]!)) from -= 1;
  if (from > 0 && !PAUSE.test(a[from - 1]!)) from = Math.max(0, start - context);
  // Context after: up to 3 characters, not past a pause.
  let trail = 0;
  while (trail < 3 && endA + trail < a.length && !PAUSE.test(a[endA + trail]!)) trail += 1;
  return { before: a.slice(from, endA + trail).join(''), after: b.slice(from, endB + trail).join('') };
}
