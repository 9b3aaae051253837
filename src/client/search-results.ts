/**
 * What the search page draws once a search has answered: the results, their excerpts and the sentence saying what was
 * searched. A chunk of its own, fetched while the first search runs (search-page.ts), so the page's script holds only
 * what reads the form and searches (its 12 KB budget, test/budgets.json). Also the 公示状态 filter, which the page takes
 * from here before a search with it.
 */
import { describePosting, readPostingToken } from '../lib/notice-posting.ts';

// The 公示状态 filter (src/lib/notice-posting.ts), loaded with this chunk: the page's own script stays within its budget.
export { keepPostingState, POSTINGS_FILE, typedPostingState } from '../lib/notice-posting.ts';
import type { SplitLexicon } from '../lib/search-bundles.ts';
import type { SearchResultData } from '../lib/search-entries.ts';
import { endAtSentence, startAtSentence, widenMarks } from '../lib/search-excerpts.ts';
import type { SearchAnswer } from '../lib/search-run.ts';
import { describeFound } from '../lib/search-answer-text.ts';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };
function decode(text: string): string {
  return text.replace(/\u200B/g, '').replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ENTITIES[e]!);
}

/** Pagefind's excerpt is text with <mark> around matches; build it as DOM, never as HTML. `words` found the results: they are marked whole. */
function excerptNode(excerpt: string, words: readonly string[], pageText: string | undefined): HTMLParagraphElement {
  const p = el('p', 'result-excerpt');
  const sentences = startAtSentence(excerpt, pageText);
  // Pagefind ends each block with ". "; after Chinese text that reads better as "。".
  const cleaned = widenMarks((pageText === undefined ? sentences : endAtSentence(sentences, pageText)).replace(/\u200B/g, ''), words).replace(
    /(\p{Script=Han}(?:<\/mark>)?)\. ?/gu,
    '$1。',
  );
  const parts = cleaned.split(/(<mark>[\s\S]*?<\/mark>)/);
  for (const part of parts) {
    const m = /^<mark>([\s\S]*)<\/mark>$/.exec(part);
    p.append(m ? el('mark', '', decode(m[1]!)) : document.createTextNode(decode(part)));
  }
  return p;
}

/**
 * One result: a ledger result opens at its first matching entry's row, with that entry as the excerpt; a 公示 says its
 * posting state on the site's as-of date (`asOf`), from its period, in its page's words (公示至2025年11月24日, 公示期已结束).
 */
export function resultItem(d: SearchResultData, words: readonly string[], asOf: string | undefined): HTMLLIElement {
  const li = el('li', 'result');
  const target = d.entry ?? d;
  const a = el('a', 'result-title', decode(d.meta['title'] ?? d.url));
  a.href = target.url;
  const meta = el('p', 'result-meta');
  meta.append(
    el('span', 'result-village', decode(d.meta['village'] ?? '')),
    ' · ',
    el('span', 'result-date', d.meta['date'] ?? ''),
    ' · ',
    el('span', '', d.meta['kind'] ?? ''),
  );
  const period = d.meta['posting'] === undefined ? undefined : readPostingToken(d.meta['posting']);
  if (period && asOf) meta.append(' · ', el('span', 'result-state', describePosting(period, asOf).zh));
  li.append(a, meta);
  if (d.meta['note']) li.append(el('p', 'result-note', d.meta['note']));
  // A ledger entry's excerpt is the whole entry; a page's is a window of its text (content), cut at a sentence.
  li.append(excerptNode(target.excerpt, words, d.entry ? undefined : d.content));
  return li;
}

/**
 * The townships of `bundles`, a township of several bundles of which some were searched named with 其余村 (“温水乡其余村”);
 * the names bundle (no township) by what it holds, 公示名单上的姓名.
 */
function townshipNames(lexicon: SplitLexicon, searched: number[], bundles: number[]): string[] {
  const done = new Set(searched.flatMap((i) => lexicon.directory.bundles[i]!.townships));
  const names = [...new Set(bundles.flatMap((i) => lexicon.directory.bundles[i]!.townships))].map((t) => (done.has(t) ? `${t}其余村` : t));
  return bundles.some((i) => lexicon.directory.bundles[i]!.names) ? [...names, '公示名单上的姓名'] : names;
}
const listNames = (names: string[]) => `${names.slice(0, 5).join('、')}${names.length > 5 ? ' 等' : ''}`;

/**
 * What the search did, in words: rewrites, synonyms, dropped words, and how many records were found; then, when
 * townships could not be searched (`scope.failed`: their bundles did not load or stopped answering), which, and what to do.
 */
export function describeAnswer(query: string, answer: SearchAnswer<SearchResultData>, chosen: string[], lexicon?: SplitLexicon): string {
  const lines = describeFound(query, answer, chosen, '或在下面按村浏览');
  const failed = answer.scope?.failed ?? [];
  if (failed.length > 0 && lexicon) {
    // A township of several bundles of which some answered: 东风镇的部分村.
    const names = townshipNames(lexicon, answer.scope?.now ?? [], failed).map((t) => t.replace(/其余村$/, '的部分村'));
    const button = (answer.scope?.later.length ?? 0) > 0 ? '搜索其余' : '再试一次';
    lines.push(`${listNames(names)}这次没能搜索（网络或网站没有响应），结果中没有这些地方的记录。请按下面的“${button}”按钮，或过一会儿再搜索。`);
  }
  return lines.join(' ');
}

/**
 * The townships a search left for later (to keep the first search small) or could not search (`failed`), and the
 * button's text: a township of several bundles searched in part is named with 其余村 (“温水乡其余村”).
 */
export function restText(lexicon: SplitLexicon, now: number[], later: number[], failed: number[] = []): { text: string; button: string } {
  const rest = [...later, ...failed];
  const names = townshipNames(lexicon, now, rest);
  // KB of 1,000 bytes, as every size the project states (issue 18's 150 KB; before session 15 this page divided by 1,024).
  const kb = Math.round(rest.reduce((sum, i) => sum + lexicon.directory.bundles[i]!.bytes, 0) / 1000);
  if (later.length === 0) return { text: '', button: `再试一次：搜索${listNames(names)}${kb > 0 ? `（约 ${kb} KB）` : ''}` };
  const searched = new Set(now.flatMap((i) => lexicon.directory.bundles[i]!.townships));
  const skipped = townshipNames(lexicon, now, later);
  const part = later.some((i) => lexicon.directory.bundles[i]!.townships.some((t) => searched.has(t))) ? '或没有搜完' : '';
  return {
    text: `为节省流量，这次只搜索了部分乡镇，还有 ${skipped.length} 个乡镇没有搜索${part}：${listNames(skipped)}。`,
    // With townships that failed too, the count would not match the sentence's: the button names none.
    button: failed.length > 0 ? `搜索其余乡镇（约 ${kb} KB）` : `搜索其余 ${names.length} 个乡镇（约 ${kb} KB）`,
  };
}
