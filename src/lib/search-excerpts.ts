/**
 * A result's excerpt as the search page shows it: from the sentence of its first match, with each match widened to the
 * whole word that found the page. Pure. Only the page's results need it, so it is in the chunk the search page loads
 * while the first search runs (src/client/search-results.ts), not in the page's script.
 */

/** Where a sentence or a block of the page ends in Pagefind's excerpt text. */
const SENTENCE_END = /[。！？；]|\. /g;
/** A sentence end to cut an excerpt after: not a table's row number (“2. ”, a cell Pagefind ended), which would end it in “2.…”. */
const SENTENCE_END_AFTER = /[。！？；]|(?<![0-9])\. /g;

/** Letters and digits only: an excerpt (marks, entities, Pagefind's block ends) and the page text it came from compare by them. */
const bare = (text: string) => text.replace(/<\/?mark>|&[a-z0-9#]+;|[^\p{L}\p{N}]/gu, '');

/**
 * Pagefind's excerpt (text with <mark> around matches) made to start at a sentence: whatever comes
 * before the last sentence end ahead of the first match is dropped, so “出2,960.00元，已于6月底完工。 CW-02 <mark>低保</mark>…”
 * reads “CW-02 <mark>低保</mark>…”. An excerpt with no sentence end before its first match is kept whole, with “…” ahead
 * of it when `pageText` (the page's indexed text) is given and does not begin with it (“…月16日召开…”).
 */
export function startAtSentence(excerpt: string, pageText?: string): string {
  const first = excerpt.indexOf('<mark>');
  const head = first < 0 ? excerpt : excerpt.slice(0, first);
  let cut = -1;
  for (const m of head.matchAll(SENTENCE_END)) cut = m.index + m[0].length;
  if (cut >= 0) return excerpt.slice(cut).replace(/^[\s\u200B]+/, '');
  return pageText === undefined || bare(pageText).startsWith(bare(excerpt)) ? excerpt : `…${excerpt.replace(/^[\s\u200B]+/, '')}`;
}

/**
 * Pagefind's excerpt made to end at a sentence: it is cut after a fixed number of words, often inside one
 * (“公示类型：低保初审。公”). When the page's text (`pageText`, the result's content) goes on after the excerpt,
 * whatever follows the last sentence end after the last match is dropped and “…” says the page goes on:
 * “公示类型：<mark>低保</mark>初审。…”; with no sentence end after the last match (the match would go with the
 * fragment) the excerpt is kept and “…” added. An excerpt that reaches the page's end is kept as it is.
 */
export function endAtSentence(excerpt: string, pageText: string): string {
  if (bare(pageText).endsWith(bare(excerpt))) return excerpt;
  const last = excerpt.lastIndexOf('</mark>');
  const from = last < 0 ? 0 : last + '</mark>'.length;
  let cut = -1;
  for (const m of excerpt.slice(from).matchAll(SENTENCE_END_AFTER)) cut = from + m.index + m[0].length;
  if (cut < 0) return `${excerpt.replace(/[\s\u200B]+$/, '')}…`;
  return `${excerpt.slice(0, cut).replace(/[\s\u200B]+$/, '')}…`;
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
