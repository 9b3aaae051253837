/**
 * A result's excerpt as the search page shows it: from the sentence of its first match, with each match widened to the
 * whole word that found the page. Pure. Only the page's results need it, so it is in the chunk the search page loads
 * while the first search runs (src/client/search-results.ts), not in the page's script.
 */

/** Where a sentence or a block of the page ends in Pagefind's excerpt text. */
const SENTENCE_END = /[。！？；]|\. /g;

/**
 * Pagefind's excerpt (text with <mark> around matches) made to start at a sentence: whatever comes
 * before the last sentence end ahead of the first match is dropped, so “出2,960.00元，已于6月底完工。 CW-02 <mark>低保</mark>…”
 * reads “CW-02 <mark>低保</mark>…”. An excerpt with no sentence end before its first match is kept whole.
 */
export function startAtSentence(excerpt: string): string {
  const first = excerpt.indexOf('<mark>');
  const head = first < 0 ? excerpt : excerpt.slice(0, first);
  let cut = -1;
  for (const m of head.matchAll(SENTENCE_END)) cut = m.index + m[0].length;
  return cut < 0 ? excerpt : excerpt.slice(cut).replace(/^[\s\u200B]+/, '');
}

/**
 * Marks widened to the whole word that was searched: a word searched by its pin (报酬 by 酬, docs/search.md
 * "pins") comes back with only the pin marked, 报<mark>酬</mark>. Wherever the excerpt's text spells one of `words`
 * over a marked character, the whole word is marked (<mark>报酬</mark>); other text is left as it was.
 */
export function widenMarks(excerpt: string, words: readonly string[]): string {
  const text = excerpt.replace(/<\/?mark>/g, '');
  const marked: boolean[] = [];
  for (const part of excerpt.split(/(<mark>[^<]*<\/mark>)/)) {
    const bare = part.replace(/<\/?mark>/g, '');
    for (let k = 0; k < bare.length; k++) marked.push(bare !== part);
  }
  for (const w of words.filter(Boolean)) {
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) if (marked.slice(i, i + w.length).some(Boolean)) marked.fill(true, i, i + w.length);
  }
  return text.replace(/[\s\S]/g, (c, i: number) => (marked[i] && !marked[i - 1] ? '<mark>' : '') + c + (marked[i] && !marked[i + 1] ? '</mark>' : ''));
}
