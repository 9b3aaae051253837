/**
 * What a villager's query asks for, beside the synonyms (search-synonyms.ts): search data, like the law tables. Written
 * into the core of search/lexicon.json with them (SEARCH_LANGUAGE: `tracks`, `questions`), which every query reads, so
 * they are not part of the page's script (session 17); keep them small. Pure data.
 */

/**
 * KIND_WORDS values (search-synonyms.ts) that name a disclosure track rather than a record kind → the record kind of
 * the track's records: 党务 (党务公开) selects the track 党务 with the kind 村务公开, the party-affairs disclosures.
 */
export const TRACK_KINDS: Readonly<Record<string, string>> = {
  党务: '村务公开',
};

/**
 * Question words (left out of the query, QueryPlan.ignored) → the record kinds that answer them, which then come first
 * among the first results: 花了多少钱 asks for a sum, which ledgers, disclosures and 公示 state; 修得咋样了 for progress,
 * which the disclosures report. A left-out word asks a row's question when it contains one of its `words`; the first
 * such row counts. A county adds a dialect question word to `words` (and to FILLER_WORDS in search-synonyms.ts, so the
 * query leaves it out).
 */
export const QUESTION_KINDS: readonly { readonly words: readonly string[]; readonly kinds: readonly string[] }[] = [
  { words: ['钱', '花了', '交了', '收了', '到账', '给了', '到了'], kinds: ['财务收支', '村务公开', '公示'] },
  { words: ['咋样', '怎么样', '到哪', '进展', '了没', '了吗', '了么'], kinds: ['村务公开'] },
];
