/**
 * Runs a query plan (search-query.ts) against Pagefind's search API. Pure apart from the API it is
 * given, so the browser and the Node tests run exactly the same steps.
 */
import { makeSegmenter, normalizeQuery, planQuery, t2sMap, type QueryPlan, type SearchLexicon } from './search-query.ts';
import type { SearchVocabulary } from './search-shards.ts';

/** Filter keys written into the index (see src/data/search.ts). */
export const FILTER_KEYS = ['village', 'township', 'track', 'kind', 'year', 'quarter'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type ChosenFilters = Partial<Record<FilterKey, string>>;

export type SortOrder = 'relevance' | 'newest' | 'oldest';

/** The part of Pagefind's API this module needs. */
export interface PagefindLike<D> {
  search(
    term: string | null,
    options: { filters?: Record<string, unknown>; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<{ results: { id: string; score: number; data(): Promise<D> }[] } | null>;
}

/** A Pagefind instance the search pages open (the county's, the province portal's): it searches, takes options and merges other indexes. */
export type PagefindInstance<D> = PagefindLike<D> & { options(o: object): Promise<void>; mergeIndex(path: string, o: object): Promise<void> };

export interface SearchHit<D> {
  id: string;
  data(): Promise<D>;
}

export interface TermOutcome {
  text: string;
  /** The phrases that found pages: the term itself and/or its synonyms (饮水 for 自来水), or a rewrite (12,500.00). */
  found: string[];
  /** True when only synonyms found pages: the page says "已按 饮水 查找". */
  bySynonym: boolean;
  /** Pages containing the term or one of its synonyms. */
  pages: number;
  /**
   * True when the term's synonyms or related words were looked up (it was rare where searched). Searching more
   * townships for the same query looks them up again (runPlan's `expand`), so the results only grow.
   */
  expanded?: boolean;
}

export interface SearchOutcome<D> {
  hits: SearchHit<D>[];
  terms: TermOutcome[];
  /** Terms left out because no page has every term (relaxed to most of them). */
  dropped: string[];
  /** Guessed words not looked up, because the other words found pages together (the page says they were left out). */
  unsearched?: string[];
  /** True when a relaxed search would list more than half of all pages: none are shown, filters are suggested. */
  tooBroad: boolean;
  /**
   * A long query whose words together find few pages (fewer than PAGE_SIZE): the pages having most of its words follow
   * those having all (`complete` of them), by how many they have. `optional`: the words some of those pages lack.
   */
  partial?: { complete: number; optional: string[] };
}

/** Combines the filters chosen on the page with places the query named in pinyin. */
export function combineFilters(
  chosen: ChosenFilters,
  plan: Pick<QueryPlan, 'villages' | 'townships'> & Partial<Pick<QueryPlan, 'quarters' | 'kinds' | 'tracks'>>,
): Record<string, unknown> | undefined {
  const filters: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) if (chosen[key]) filters[key] = chosen[key];
  for (const [key, named] of [
    ['village', plan.villages],
    ['township', plan.townships],
    ['quarter', plan.quarters ?? []],
    ['kind', plan.kinds ?? []],
    ['track', plan.tracks ?? []],
  ] as const) {
    if (named.length === 0) continue;
    const picked = chosen[key];
    if (picked === undefined) filters[key] = { any: named };
    else if (!named.includes(picked)) return undefined; // e.g. "maqu" with the village filter set to 东兴村
  }
  return filters;
}

function sortOption(order: SortOrder): Record<string, 'asc' | 'desc'> | undefined {
  return order === 'newest' ? { date: 'desc' } : order === 'oldest' ? { date: 'asc' } : undefined;
}

type Scored<D> = { id: string; score: number; data(): Promise<D> };

/** How the caller reads a result: its title (results whose title has the words rank first) and whether it was superseded. */
export type Describe<D> = (d: D) => { title: string; superseded: boolean; kind?: string | undefined };

/** Related words (search-synonyms.ts RELATED) are searched when the term as typed finds fewer pages than this. */
export const EXPAND_BELOW = 3;

/**
 * Results shown on the first screen (and on each "显示更多结果"): their data is loaded anyway to show them, so
 * reranking them costs no download. Five, not ten: a ledger result's data is about 5 KB, and the first query must
 * stay within 150 KB at 300 villages (docs/search.md, Measured); a villager on a slow phone sees them sooner.
 */
export const PAGE_SIZE = 5;
const RERANKED = PAGE_SIZE;

/**
 * Synonyms (search-synonyms.ts SYNONYMS) are searched when the term as typed finds fewer pages than this: two screens
 * of results. Each synonym is a phrase of its own, and each of its characters reads an index chunk on the first
 * query (修路 with 道路硬化, 硬化 and 生产路 read seven chunks, 241 KB at 300 villages, docs/search.md); a word the
 * pages use this often already answers the question.
 */
export const SYNONYMS_BELOW = 2 * PAGE_SIZE;

async function findTerm<D>(
  pagefind: PagefindLike<D>,
  term: QueryPlan['terms'][number],
  filters: Record<string, unknown>,
  sort: Record<string, 'asc' | 'desc'> | undefined,
  widen = false,
) {
  const union = new Map<string, Scored<D>>();
  const found: string[] = [];
  let bySynonym = true;
  let literal = 0;
  let skipped = false;
  let expanded = false;
  for (const [i, t] of term.tries.entries()) {
    // A word the boards use often is taken as meant; related words are looked up only when it is rare, synonyms
    // only when it finds less than two screens of results (unless `widen`: no page had every word as meant).
    if (!widen && ((t.related && literal >= EXPAND_BELOW) || (t.synonym && literal >= SYNONYMS_BELOW))) {
      skipped = true;
      continue;
    }
    // A phrase no page has (search-lexicon.ts choosePins) finds nothing: its index chunks are not read.
    if (t.absent) continue;
    if (t.related || t.synonym) expanded = true;
    const r = await pagefind.search(t.query, { filters, ...(sort ? { sort } : {}) });
    let list: Scored<D>[] = r?.results ?? [];
    if (i === 0) literal = list.length;
    if (list.length === 0) continue;
    found.push(t.label);
    if (!t.synonym) bySynonym = false;
    // Pagefind does not score exact-phrase results; rank them by the score of the same
    // characters searched loosely (it reads the same index chunks, so costs no download).
    if (!sort) list = await rankByLooseScore(pagefind, t.query.replace(/^"|"$/g, ''), filters, list);
    for (const x of list) {
      const prev = union.get(x.id);
      union.set(x.id, prev ? { ...prev, score: prev.score + x.score } : x);
    }
  }
  const outcome: TermOutcome = { text: term.text, found, bySynonym: found.length > 0 && bySynonym, pages: union.size, ...(expanded ? { expanded } : {}) };
  return { list: [...union.values()], skipped, outcome };
}

/**
 * Words typed together (核桃园, 中秋节慰问): the pages having them as one phrase, then those having every word apart
 * (中秋节前慰问, 光伏电站…发电收益), which the phrase misses. A page with the phrase has every word, so the words'
 * pages are all of them; by relevance the phrase's pages come first.
 */
function phraseFirst<D>(together: Scored<D>[], apart: Scored<D>[], sorted: boolean): Scored<D>[] {
  if (sorted || together.length === 0) return apart.length > 0 ? apart : together;
  const top = Math.max(0, ...apart.map((r) => r.score));
  const first = together.map((r) => ({ ...r, score: r.score + top }));
  const ids = new Set(first.map((r) => r.id));
  return [...first, ...apart.filter((r) => !ids.has(r.id))];
}

function intersect<D>(lists: Scored<D>[][], sorted: boolean): Scored<D>[] {
  const [first, ...others] = lists;
  if (!first) return [];
  const scores = new Map<string, number>();
  for (const list of lists) for (const r of list) scores.set(r.id, (scores.get(r.id) ?? 0) + r.score);
  const otherIds = others.map((list) => new Set(list.map((r) => r.id)));
  const inAll = first.filter((r) => otherIds.every((ids) => ids.has(r.id)));
  return sorted ? inAll : [...inAll].sort((a, b) => scores.get(b.id)! - scores.get(a.id)! || a.id.localeCompare(b.id));
}

/**
 * Every term must match (a term matches as itself or as any of its synonyms). When no page has
 * them all, terms are left out — those no page has first, then the most common — while most of them
 * remain, and the outcome says which were dropped. A relaxed search that would list more than half
 * of `totalPages` lists none (`tooBroad`). With no terms, lists what the filters select, newest first.
 */
export async function runPlan<D>(
  pagefind: PagefindLike<D>,
  plan: QueryPlan,
  chosen: ChosenFilters = {},
  order: SortOrder = 'relevance',
  options: {
    totalPages?: number | undefined;
    describe?: Describe<D> | undefined;
    expand?: readonly string[] | undefined;
    /** The lexicon's common words with how common each is (SearchLexicon.common: 村民2): a long question searches them last. */
    common?: string | undefined;
  } = {},
): Promise<SearchOutcome<D>> {
  const none: SearchOutcome<D> = { hits: [], terms: [], dropped: [], tooBroad: false };
  const filters = combineFilters(chosen, plan);
  if (!filters) return none;
  const hasFilters = Object.keys(filters).length > 0;
  if (plan.terms.length === 0) {
    if (!hasFilters) return none;
    const r = await pagefind.search(null, { filters, sort: sortOption(order === 'relevance' ? 'newest' : order) ?? {} });
    return { ...none, hits: r?.results ?? [] };
  }
  const sort = sortOption(order);
  // One unit per term as typed; words typed together that no page has as one phrase are one unit
  // of several words, each of which must match (a unit is never relaxed word by word).
  type Unit = {
    text: string;
    guessed?: boolean | undefined;
    unsearched?: boolean;
    parts: Awaited<ReturnType<typeof findTerm<D>>>[];
    list: Scored<D>[];
    skipped: boolean;
  };
  const findUnit = async (term: QueryPlan['terms'][number], widen: boolean): Promise<Unit> => {
    const whole = await findTerm(pagefind, term, filters, sort, widen);
    // Found apart too only when the phrase is rare (as synonyms are) and nothing but words of the site: 权建设 (a name: 权, then the word 建设) and
    // 核桃园 (核桃, then 园) are found apart only when no page has the phrase.
    // Apart, the words as typed only: their synonyms are for a phrase no page has (工程尾款 is not 工程 … 质保金).
    const apartToo = term.split && whole.list.length < SYNONYMS_BELOW && term.split.map((part) => part.text).join('') === term.text;
    const asTyped = (part: QueryPlan['terms'][number]) => (whole.list.length === 0 ? part : { ...part, tries: part.tries.slice(0, 1) });
    const split =
      term.split && (whole.list.length === 0 || apartToo)
        ? await Promise.all(term.split.map((part) => findTerm(pagefind, asTyped(part), filters, sort, widen)))
        : [];
    const apart = intersect(
      split.map((p) => p.list),
      Boolean(sort),
    );
    const parts = whole.list.length === 0 && split.length > 0 ? split : [whole];
    return {
      text: term.text,
      guessed: term.guessed,
      parts,
      list: split.length > 0 ? phraseFirst(whole.list, apart, Boolean(sort)) : whole.list,
      skipped: [whole, ...split].some((p) => p.skipped),
    };
  };
  const allOf = (list: Unit[]) =>
    intersect(
      list.map((u) => u.list),
      Boolean(sort),
    );
  // A guessed word (characters of a sentence that are no word of the site: 一个季度收, a village the county lacks) is
  // searched only when the sentence's own words find no page together: it could only narrow what they found, and its
  // characters, common ones mostly, would each read an index chunk. Not searched, it is left out and the outcome says
  // so (`unsearched`: the page lists it among the words left out, never as a word the results lack). In a long
  // question (`isLong`) it is not searched when the own words found none together either: the pages having most of
  // them answer it, and its characters (请问东兴村…公司干…人家: 41 KB of index) put the first query over 150 KB.
  const found = new Map<QueryPlan['terms'][number], Unit>();
  // Terms whose other words a narrower search of the same query looked up are looked up again (`expand`).
  const expand = new Set(options.expand);
  // A long question searches its words rarest first (the lexicon's common words last, the most common last of all) and stops once no page can be
  // listed whatever the rest would find (`cannotList`), unless a word searched or left has synonyms or related words
  // (no page having every word, they would be looked up: `wide` below). The words left are not searched (`unsearched`):
  // the answer is the same, and 村民 or 工程 (a common word's index chunk is up to 9 KB) is not downloaded.
  const rank = new Map(options.common?.split(' ').map((w) => [w.slice(0, -1), Number(w.slice(-1))]));
  const own = plan.terms.filter((t) => !t.guessed).sort((a, b) => (rank.get(a.text) ?? 0) - (rank.get(b.text) ?? 0));
  const least = Math.min(own.length - Math.floor(own.length / 4), Math.floor(plan.terms.length / 2) + 1);
  const mayWiden = (t: QueryPlan['terms'][number]) => t.tries.some((x) => x.synonym || x.related);
  for (const [k, term] of own.entries()) {
    const left = own.slice(k);
    const units = [...found.values()];
    if (isLong(plan) && k > 0 && !units.some((u) => u.skipped) && !left.some(mayWiden) && cannotList(units, left.length, least)) break;
    found.set(term, await findUnit(term, expand.has(term.text)));
  }
  const answered = found.size > 0 && (isLong(plan) || allOf([...found.values()]).length > 0);
  const notSearched = (term: QueryPlan['terms'][number]): Unit => {
    const outcome = { text: term.text, found: [], bySynonym: false, pages: 0 };
    return { text: term.text, guessed: true, unsearched: true, parts: [{ list: [], skipped: false, outcome }], list: [], skipped: false };
  };
  let units: Unit[] = [];
  for (const term of plan.terms) units.push(found.get(term) ?? (answered ? notSearched(term) : await findUnit(term, expand.has(term.text))));
  const unfound = (u: Unit) => u.guessed && u.list.length === 0;
  // No page has every word as meant: before leaving any out, search the words with the synonyms and related words a
  // common word skips (修房子补贴: 补贴 is common, the 危房改造 notice says 补助). A guessed word no page has is left
  // out whatever is found (below), so it neither asks for this nor is searched again (it has no synonyms).
  const meant = units.filter((u) => !unfound(u));
  if (allOf(meant).length === 0 && meant.some((u) => u.skipped)) {
    const wide: Unit[] = [];
    for (const [i, term] of plan.terms.entries()) wide.push(unfound(units[i]!) ? units[i]! : await findUnit(term, true));
    if (allOf(wide.filter((u) => !unfound(u))).length > 0) units = wide;
  }
  const terms = units.flatMap((u) => u.parts.map((p) => p.outcome));
  let kept = units.filter((u) => !u.unsearched);
  let hits = allOf(kept);
  const unsearched = units.filter((u) => u.unsearched).map((u) => u.text);
  const dropped: string[] = [];
  // "Most of them": more than half of the terms stay. A guessed word (characters that are no word of the site)
  // that no page has is left out whatever remains, as long as one term does.
  const mustKeep = Math.floor(units.length / 2) + 1;
  while (hits.length === 0 && kept.length > (kept.some(unfound) ? 1 : mustKeep)) {
    // Leave out a guessed word no page has, then a term no page has; otherwise the most common term whose absence finds something.
    const missing = kept.find(unfound) ?? kept.find((u) => u.list.length === 0);
    const candidates = missing ? [missing] : [...kept].sort((a, b) => b.list.length - a.list.length);
    const drop =
      candidates.find(
        (c) =>
          intersect(
            kept.filter((u) => u !== c).map((u) => u.list),
            true,
          ).length > 0,
      ) ?? candidates[0]!;
    kept = kept.filter((u) => u !== drop);
    dropped.push(drop.text);
    hits = intersect(
      kept.map((u) => u.list),
      Boolean(sort),
    );
  }
  // A long question (MOST_OF_FROM words or more) whose words together find less than a screen: the pages having most
  // of them follow, those having more words first (a spoken sentence's words are rarely all on one page). Every word
  // was searched already, so this reads no index chunk. By relevance only: sorted by date they would be mixed in.
  const searched = units.filter((u) => !u.unsearched && !unfound(u));
  let partial: SearchOutcome<D>['partial'];
  let more: Scored<D>[] = [];
  if (!sort && searched.length >= MOST_OF_FROM && hits.length < PAGE_SIZE) {
    const most = mostOf(
      searched.map((u) => u.list),
      new Set(hits.map((h) => h.id)),
      searched.length - Math.floor(searched.length / 4),
    );
    // Never more than half of all pages (as a relaxed search, `tooBroad`): then only the pages having every word.
    if (most.length > 0 && !(options.totalPages && 2 * (hits.length + most.length) > options.totalPages)) {
      partial = {
        complete: hits.length,
        // A dropped word (said above the results) is among them when some page lacks it.
        optional: searched.filter((_, i) => most.some((p) => !p.has.includes(i))).map((u) => u.text),
      };
      more = most.map((p) => p.hit);
    }
  }
  // Relaxed (a word dropped or not looked up) and more than half of all pages: none are listed.
  if (dropped.length + unsearched.length > 0 && options.totalPages && 2 * hits.length > options.totalPages)
    return { hits: [], terms, dropped, ...(unsearched.length > 0 ? { unsearched } : {}), tooBroad: true };
  // Reranking by title moves only pages having every word: those having most of them stay after.
  if (!sort && options.describe)
    hits = await rerankTop(
      hits,
      kept.flatMap((u) => u.parts.flatMap((p) => p.outcome.found)),
      options.describe,
      plan.prefer,
    );
  hits = [...hits, ...more];
  return { hits, terms, dropped, ...(unsearched.length > 0 ? { unsearched } : {}), tooBroad: false, ...(partial ? { partial } : {}) };
}

/** A query of this many searched words or more is long: when they find few pages together, pages having most of them are listed too. */
const MOST_OF_FROM = 4;

/**
 * A long question (MOST_OF_FROM words or more, guessed ones too): its guessed words are searched only when it has no
 * other word, and did-you-mean corrects only the words it searched (runSearch).
 */
const isLong = (plan: Pick<QueryPlan, 'terms'>) => plan.terms.length >= MOST_OF_FROM;

/**
 * Whether no page can have `least` of a query's words when `left` of them are not searched yet: none has `least - left`
 * of those searched (`units`). A page is listed only with that many (all of them, at least the more than half that
 * relaxing keeps, or most of them: mostOf's `least`).
 */
function cannotList(units: readonly { list: readonly { id: string }[] }[], left: number, least: number): boolean {
  const has = new Map<string, number>();
  for (const u of units) for (const r of u.list) has.set(r.id, (has.get(r.id) ?? 0) + 1);
  return left < least && [...has.values()].every((n) => n + left < least);
}

/**
 * The pages (not in `listed`) found by at least `least` of the lists (one per word), most words first, then by their
 * summed score (a stable sort: ties keep the lists' order); `has`: the indexes of the lists that found each.
 */
function mostOf<D>(lists: Scored<D>[][], listed: ReadonlySet<string>, least: number) {
  const pages = new Map<string, { hit: Scored<D>; has: number[]; score: number }>();
  lists.forEach((list, i) => {
    for (const r of list) {
      if (listed.has(r.id)) continue;
      const p = pages.get(r.id) ?? { hit: r, has: [], score: 0 };
      p.has.push(i);
      p.score += r.score;
      pages.set(r.id, p);
    }
  });
  return [...pages.values()].filter((p) => p.has.length >= least).sort((a, b) => b.has.length - a.has.length || b.score - a.score);
}

/**
 * Among the first results, those of a kind the question asks of (QueryPlan.prefer) come first, then those whose title
 * has a searched word; superseded versions last.
 */
async function rerankTop<D>(hits: Scored<D>[], words: string[], describe: Describe<D>, prefer: readonly string[] = []): Promise<Scored<D>[]> {
  const top = hits.slice(0, RERANKED);
  const rank = await Promise.all(
    top.map(async (h, i) => {
      const d = describe(await h.data());
      const preferred = d.kind !== undefined && prefer.includes(d.kind) ? 10 : 0;
      return { h, i, weight: preferred + words.filter((w) => d.title.includes(w)).length - (d.superseded ? 100 : 0) };
    }),
  );
  rank.sort((a, b) => b.weight - a.weight || a.i - b.i);
  return [...rank.map((r) => r.h), ...hits.slice(RERANKED)];
}

async function rankByLooseScore<D>(pagefind: PagefindLike<D>, loose: string, filters: Record<string, unknown>, exact: Scored<D>[]) {
  const r = await pagefind.search(loose, { filters });
  const scores = new Map((r?.results ?? []).map((x) => [x.id, x.score]));
  return exact.map((x) => ({ id: x.id, data: () => x.data(), score: scores.get(x.id) ?? 0 })).sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}

export interface SearchAnswer<D> {
  plan: QueryPlan;
  outcome: SearchOutcome<D>;
  /** The query as corrected by pinyin when what was typed found nothing (低宝 → 低保). */
  corrected?: string;
  /** With a split index: the bundles searched and those that could match but were left for later. */
  scope?: { now: number[]; later: number[]; failed?: number[] };
}

/** A word shaped like the name of a village, community or township (马曲村, 东关社区, 天成镇): two characters or more, then the kind of place. */
const PLACE_SHAPE = /^\p{Script=Han}{2,}(?:村|社区|镇|乡|街道)$/u;

/** The kinds of place a name ends with, typed as a word of their own when the rest is a word of the site (东关 社区). */
const PLACE_KIND = /^(?:村|社区|镇|乡|街道)$/u;

/**
 * The words of a query shaped like a place's name that are no word of the county (PLACE_SHAPE): a term (马区村), or
 * a term and the kind of place typed after it, which the query split where the county has the first part as a word
 * (东关 社区 in 东关社区门面房租金为啥没调, in a county with a 东关 but no 东关社区).
 */
function placesUnknown(terms: readonly string[], normalized: string, words: ReadonlySet<string>): string[] {
  const unknown = (name: string) => PLACE_SHAPE.test(name) && !words.has(name);
  const joined = terms.flatMap((t, i) => {
    const name = t + (terms[i + 1] ?? '');
    return PLACE_KIND.test(terms[i + 1] ?? '') && normalized.includes(name) && unknown(name) ? [name] : [];
  });
  return [...terms.filter(unknown), ...joined];
}

/** What a query is searched in: the index opened for its plan (with a split index, the bundles the plan needs). */
export interface OpenedIndex<D> {
  api: PagefindLike<D>;
  /** Record pages in what was opened (for "too broad"); the lexicon's count when absent. */
  pages?: number;
  scope?: { now: number[]; later: number[]; failed?: number[] };
}

/**
 * The search page's whole search: plan, run, and when a word found nothing, the same search with
 * misspelt words replaced by site words that sound alike (the vocabulary is loaded only then).
 * `index` is one Pagefind index, or a function opening what a plan needs (search-bundles.ts).
 */
export async function runSearch<D>(
  index: PagefindLike<D> | ((plan: QueryPlan) => Promise<OpenedIndex<D>>),
  lexiconOrLoader: SearchLexicon | ((query: string) => Promise<SearchLexicon>),
  query: string,
  chosen: ChosenFilters,
  order: SortOrder,
  options: { describe?: Describe<D>; loadVocabulary?: (query: string, around: string) => Promise<SearchVocabulary>; expand?: readonly string[] } = {},
): Promise<SearchAnswer<D>> {
  const open = typeof index === 'function' ? index : async (): Promise<OpenedIndex<D>> => ({ api: index });
  // A sharded lexicon (search-shards.ts) is loaded for each query: what its characters need.
  const lexiconFor = typeof lexiconOrLoader === 'function' ? lexiconOrLoader : async () => lexiconOrLoader;
  const lexicon = await lexiconFor(query);
  const seg = makeSegmenter(lexicon);
  const search = async (plan: QueryPlan) => {
    const opened = await open(plan);
    const totalPages = opened.pages ?? lexicon.pages;
    const run = {
      ...(totalPages ? { totalPages } : {}),
      ...(options.describe ? { describe: options.describe } : {}),
      expand: options.expand,
      common: lexicon.common,
    };
    const outcome = await runPlan(opened.api, plan, chosen, order, run);
    return { plan, outcome, ...(opened.scope ? { scope: opened.scope } : {}) };
  };
  const normalized = normalizeQuery(query, t2sMap(lexicon));
  // Did you mean, for the words `suspects` (its code and vocabulary are loaded only now, a chunk of their own in the
  // page's script): the corrected query and its plan.
  const correct = async (suspects: string[]) => {
    if (!options.loadVocabulary) return undefined;
    const { mayCorrect, suggestQuery, vocabularyQuery } = await import('./search-suggest.ts');
    const corrected = mayCorrect(normalized)
      ? suggestQuery(normalized, await options.loadVocabulary(vocabularyQuery(normalized, suspects), normalized))
      : undefined;
    const more = corrected ? await lexiconFor(corrected) : undefined;
    return corrected && more ? { corrected, plan: planQuery(corrected, more, makeSegmenter(more)) } : undefined;
  };
  const typed = planQuery(query, lexicon, seg);
  // Words an answer left out, dropped or not looked up: a correction is shown when it leaves out fewer.
  const lost = (o: SearchOutcome<D>) => o.dropped.length + (o.unsearched?.length ?? 0);
  // A word shaped like a place's name that is no place of the county and no word of its pages (马曲村 in a county
  // without it) finds nothing. What did you mean makes of it is searched first, and shown when it names a place of
  // the county and leaves out no more words than the search as typed must, which leaves out the unknown places
  // themselves (马区村 → 马曲村; 东关社区门面房租金为啥没调 → 高关社区…, without 没调, in a county without 东关社区): the words
  // as typed are then not searched, which in another township's bundle would read their index chunks and that bundle's
  // metadata for an answer with as many words left out (issue 18: 191.7 KB at 1,000 villages).
  const unknownPlaces = placesUnknown(
    typed.terms.map((t) => t.text),
    normalized,
    seg.words,
  );
  const early = unknownPlaces.length > 0 ? await correct(unknownPlaces) : undefined;
  if (early && early.plan.villages.length + early.plan.townships.length > typed.villages.length + typed.townships.length) {
    const answer = await search(early.plan);
    if (answer.outcome.hits.length > 0 && lost(answer.outcome) <= unknownPlaces.length) return { ...answer, corrected: early.corrected };
  }
  const first: SearchAnswer<D> = await search(typed);
  const { plan, outcome } = first;
  const unfound = outcome.terms.filter((t) => t.pages === 0);
  const missed = unfound.length > 0 || (plan.terms.length > 0 && outcome.hits.length === 0);
  // A word the search knows whole (a site word, a synonym, a domain or filler word, a place) that found nothing is
  // not misspelt: it is simply not on these pages (危房改造 in a county without such records), and the vocabulary
  // (≈ 33 KB at 300 villages) would be downloaded for nothing.
  // Nor is an English word no table knows (street: planQuery's guess), which no reading of pinyin would correct.
  const english = plan.terms.filter((t) => t.guessed && /^[a-z]+$/i.test(t.text)).map((t) => t.text);
  // Nor, in a long question, a guessed word its other words left unsearched (坏了修好 beside 62 pages of 光伏电站 逆变器):
  // not known to be missing, and its characters' vocabulary would cost the first query ≈ 24 KB.
  const unsearched = isLong(plan) ? (outcome.unsearched ?? []) : [];
  const suspects = unfound.filter((t) => !seg.words.has(t.text) && !english.includes(t.text) && !unsearched.includes(t.text)).map((t) => t.text);
  const misspelt = unfound.length === 0 || suspects.length > 0;
  const fix = missed && misspelt ? await correct(suspects) : undefined;
  if (!fix) return first;
  const second = await search(fix.plan);
  const better = second.outcome.hits.length > 0 && (outcome.hits.length === 0 || lost(second.outcome) < lost(outcome));
  return better ? { ...second, corrected: fix.corrected } : first;
}
