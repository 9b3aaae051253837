/**
 * The search index is split into one Pagefind bundle per township (pagefind/<id>/). The directory in
 * search/lexicon.json says which bundle holds which villages and which Han characters; this module
 * chooses the bundles a query needs and searches several of them as one. Pure: the browser, the
 * Node tests and the province portal run exactly these steps.
 */
import { isMaskedName, type QueryPlan, type SearchLexicon } from './search-query.ts';

/** The part of Pagefind's search API a bundle needs (the same shape as search-run.ts's PagefindLike). */
interface BundleApi<D> {
  search(
    term: string | null,
    options: { filters?: Record<string, unknown>; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<{ results: { id: string; score: number; data(): Promise<D> }[] } | null>;
}

/** One bundle (a township, or several small ones), as the directory lists it. */
export interface SearchBundle {
  /** Folder under pagefind/ (a short hash of its townships' names, stable across builds). */
  id: string;
  townships: string[];
  /** Village filter values (names) whose pages are in this bundle. */
  villages: string[];
  /** Record pages in the bundle. */
  pages: number;
  /** Bytes the bundle costs a query before its first result (metadata, filters, two average index chunks; gzipped as stored). */
  bytes: number;
  /**
   * Bytes of the bundle's average index chunk (gzipped as stored): each word a query searches reads one (one Han
   * character is one word), so a sentence costs a bundle more than `bytes` says. Absent in lexicons written before
   * 2026-12-07: a bundle then costs `bytes` whatever the query.
   */
  chunk?: number;
  /** Han characters of the site (`SearchDirectory.chars`) that this bundle's pages do not contain. */
  missing: string;
  /**
   * The county's names bundle (src/integrations/search-index.ts NAMES_BUNDLE): the personal 公示 whose lists the web
   * shows, with the rows on them. Searched only for a query with a masked name (马*顺) or an amount, beside the bundles the
   * query's other words choose and outside the budget; never counted as a township. Its entry is the same whatever it
   * holds (no villages, 0 pages and bytes), so names leaving change only its own files.
   */
  names?: true;
}

export interface SearchDirectory {
  bundles: SearchBundle[];
  /** Every Han character in the index, once. */
  chars: string;
}

/** search/lexicon.json of a split index: the lexicon and the directory of bundles. */
export type SplitLexicon = SearchLexicon & { directory: SearchDirectory };

/**
 * What the first query of a visit may download, all files counted as sent (issue 18: 150 KB, a KB being 1,000 bytes).
 * Checked by the tests and reported by scripts/search-first-query.ts.
 */
export const FIRST_QUERY_BYTES = 150_000;

/**
 * Bytes of bundles (`SearchBundle.bytes`) a first query may load: with Pagefind's code and
 * WebAssembly (about 69 KB), the lexicon and ten results this keeps the first query within
 * `FIRST_QUERY_BYTES`. At least one bundle is always searched.
 */
export const BUNDLE_BUDGET = 50 * 1024;

export interface BundleChoice {
  /** Bundles to search now (indexes into `directory.bundles`), most likely first. */
  now: number[];
  /** Bundles that could match but were left for later to keep within the budget. */
  later: number[];
  /** Bundles chosen to search now that could not be opened or stopped answering (openBundles): their pages are missing from the answer. */
  failed?: number[];
}

function hanOf(text: string): string[] {
  return text.match(/\p{Script=Han}/gu) ?? [];
}

/** Whether bundle `b` can contain the phrase `query` (all its Han characters occur in it). */
function canHold(directory: SearchDirectory, b: SearchBundle, query: string): boolean {
  return hanOf(query).every((c) => directory.chars.includes(c) && !b.missing.includes(c));
}

/**
 * Index words (Pagefind's, one per Han character) of the phrases a plan searches first: each term as typed (its pin),
 * or its first synonym when no page has it, and the words typed together when searched apart. Each reads one index
 * chunk in every bundle searched; synonyms and related words, searched only when the word is rare, are not counted —
 * but for an English word (road, repair): the Chinese pages rarely have it, so its synonyms are read too.
 */
export function indexWords(plan: Pick<QueryPlan, 'terms'>): string[] {
  const words = new Set<string>();
  const add = (term: QueryPlan['terms'][number]) => {
    const tries = term.tries.filter((t) => !t.absent);
    for (const t of /^"?[a-z]+"?$/i.test(tries[0]?.query ?? '') ? tries.filter((x) => !x.related) : tries.slice(0, 1))
      for (const w of t.query.replace(/"/g, '').split(/\s+/)) if (w) words.add(w);
    term.split?.forEach(add);
  };
  plan.terms.forEach(add);
  return [...words];
}

/**
 * What searching bundle `b` costs a first query of `words` index words: its `bytes` (which count two index chunks) and
 * an average chunk for every further word. A sentence of ten characters costs about 27 KB more than a word of two.
 */
export function bundleCost(b: Pick<SearchBundle, 'bytes' | 'chunk'>, words: number): number {
  return b.bytes + Math.max(0, words - 2) * (b.chunk ?? 0);
}

/**
 * The bundles a query needs: a village or township (chosen or named in the query) selects only its
 * own; otherwise the bundles that can hold every term (a term as typed or as one of its synonyms),
 * or failing that the most terms, biggest first. Either way as many as `budget` allows (always one), each costing
 * what the query's words read in it (`bundleCost`): a long sentence, or a township of two bundles, opens one first.
 */
export function chooseBundles(
  directory: SearchDirectory,
  plan: Pick<QueryPlan, 'terms' | 'villages' | 'townships'>,
  chosen: { village?: string | undefined; township?: string | undefined },
  budget = BUNDLE_BUDGET,
): BundleChoice {
  const choice = chooseTownshipBundles(directory, plan, chosen, budget);
  const names = plan.terms.some((t) => isMaskedName(t.text) || PRINTED_AMOUNT.test(t.text)) ? directory.bundles.flatMap((b, i) => (b.names ? [i] : [])) : [];
  return names.length > 0 ? { ...choice, now: [...choice.now, ...names] } : choice;
}

/** An amount as pages print it and planQuery writes it (1,260.00, 520.00): a household's amount may be on a list. */
const PRINTED_AMOUNT = /^\d{1,3}(?:,\d{3})*\.\d{2}$/;

function chooseTownshipBundles(
  directory: SearchDirectory,
  plan: Pick<QueryPlan, 'terms' | 'villages' | 'townships'>,
  chosen: { village?: string | undefined; township?: string | undefined },
  budget: number,
): BundleChoice {
  const villages = [...(chosen.village ? [chosen.village] : []), ...plan.villages];
  const townships = [...(chosen.township ? [chosen.township] : []), ...plan.townships];
  const all = directory.bundles.flatMap((b, i) => (b.names ? [] : [i]));
  const placed = all.filter(
    (i) =>
      (villages.length === 0 || directory.bundles[i]!.villages.some((v) => villages.includes(v))) &&
      (townships.length === 0 || directory.bundles[i]!.townships.some((t) => townships.includes(t))),
  );
  const words = indexWords(plan).length;
  if (villages.length > 0 || townships.length > 0) return takeWithin(directory, placed, budget, words);
  const fits = all.map((i) => {
    const b = directory.bundles[i]!;
    const terms = [...plan.terms.map((t) => [t]), ...plan.terms.flatMap((t) => (t.split ? [t.split] : []))];
    return terms.filter((parts) => parts.every((t) => t.tries.some((x) => canHold(directory, b, x.label + x.query)))).length;
  });
  const best = Math.max(0, ...fits);
  const candidates = all.filter((i) => fits[i] === best).sort((a, b) => directory.bundles[b]!.pages - directory.bundles[a]!.pages || a - b);
  // No bundle can hold any term: search the biggest one, so "did you mean" has a search to follow.
  if (best === 0 && plan.terms.length > 0) return { now: candidates.slice(0, 1), later: [] };
  return takeWithin(directory, candidates, budget, words);
}

/** The first bundles of `ordered` within `budget` bytes for a query of `words` index words (at least one bundle), and the rest. */
export function takeWithin(directory: SearchDirectory, ordered: readonly number[], budget = BUNDLE_BUDGET, words = 2): BundleChoice {
  const now: number[] = [];
  let spent = 0;
  for (const i of ordered) {
    const cost = bundleCost(directory.bundles[i]!, words);
    if (now.length > 0 && spent + cost > budget) break;
    now.push(i);
    spent += cost;
  }
  return { now, later: ordered.slice(now.length) };
}

/** A result of a search across bundles: which bundle it came from, for merging by date. */
export interface BundleResult<D> {
  id: string;
  score: number;
  bundle: number;
  data(): Promise<D>;
}

/**
 * Several bundles searched as one index: every bundle is searched, results are joined. Without a
 * sort order they are ordered by score (as Pagefind orders merged indexes); with one they stay
 * grouped by bundle, each group in date order (Pagefind's score is then a position within its own
 * bundle, not comparable across bundles): `mergeByDate` puts them in one order for showing.
 * With `failed`, a bundle whose search fails is told to it and left out of this and every later search, and the others
 * answer; when every bundle failed, the search fails. Without it, one bundle's failure fails the search.
 */
export function searchBundles<D>(bundles: readonly { bundle: number; api: BundleApi<D> }[], failed?: (bundle: number, error: unknown) => void): BundleApi<D> {
  const broken = new Set<number>();
  return {
    async search(term, options) {
      const live = bundles.filter((b) => !broken.has(b.bundle));
      const errors: unknown[] = [];
      const lists = await Promise.all(
        live.map(async ({ bundle, api }) => {
          try {
            return ((await api.search(term, options))?.results ?? []).map((r) => ({ id: `${bundle}:${r.id}`, score: r.score, bundle, data: () => r.data() }));
          } catch (error) {
            if (!failed) throw error;
            errors.push(error);
            broken.add(bundle);
            failed(bundle, error);
            return [];
          }
        }),
      );
      if (errors.length > 0 && errors.length === live.length) throw asError(errors[0]);
      const results: BundleResult<D>[] = lists.flat();
      if (!options.sort) results.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
      return { results };
    },
  };
}

const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

/**
 * Results grouped by bundle (each group in date order) shown in one date order: a merge that loads
 * the data of a group's next result only when it is compared, so showing ten results loads at most
 * ten plus one per bundle. Results without a bundle keep their order.
 */
export function mergeByDate<D>(hits: readonly { bundle?: number; data(): Promise<D> }[], dateOf: (d: D) => string, order: 'newest' | 'oldest') {
  const groups = new Map<number, { data(): Promise<D> }[]>();
  for (const h of hits) {
    const g = groups.get(h.bundle ?? -1) ?? [];
    g.push(h);
    groups.set(h.bundle ?? -1, g);
  }
  const queues = [...groups.values()].map((list) => ({ list, next: 0 }));
  const heads = new Map<(typeof queues)[number], Promise<D>>();
  const head = (q: (typeof queues)[number]) => {
    let p = heads.get(q);
    if (!p) heads.set(q, (p = q.list[q.next]!.data()));
    return p;
  };
  return {
    /** The next `n` results in date order, with their data. */
    async take(n: number): Promise<D[]> {
      const out: D[] = [];
      while (out.length < n) {
        const open = queues.filter((q) => q.next < q.list.length);
        if (open.length === 0) break;
        const dates = await Promise.all(open.map(async (q) => dateOf(await head(q))));
        let pick = 0;
        for (let i = 1; i < open.length; i++) if (order === 'newest' ? dates[i]! > dates[pick]! : dates[i]! < dates[pick]!) pick = i;
        const q = open[pick]!;
        out.push(await head(q));
        heads.delete(q);
        q.next++;
      }
      return out;
    },
  };
}

/**
 * Opens what a plan needs from a split index: the bundles `chooseBundles` picks within `budget`
 * (`Infinity` once the villager asked to search every township), each opened once by `openBundle`
 * (the host merges it into Pagefind's hub) and searched as one. A bundle that cannot be opened, or whose search fails,
 * is moved from the scope's `now` to its `failed` (the host forgets it, to open it again on the next search) and the
 * others answer; when none of them can, the search fails.
 */
export function openBundles<D>(
  directory: SearchDirectory,
  chosen: { village?: string | undefined; township?: string | undefined },
  openBundle: (bundle: number) => Promise<BundleApi<D>>,
  budget = BUNDLE_BUDGET,
) {
  return async (plan: Pick<QueryPlan, 'terms' | 'villages' | 'townships'>) => {
    const choice = chooseBundles(directory, plan, chosen, budget);
    const opened = await Promise.allSettled(choice.now.map(openBundle));
    const apis = choice.now.flatMap((bundle, k) => {
      const o = opened[k]!;
      return o.status === 'fulfilled' ? [{ bundle, api: o.value }] : [];
    });
    const refused = opened.flatMap((o) => (o.status === 'rejected' ? [o.reason as unknown] : []));
    if (refused.length > 0 && apis.length === 0) throw asError(refused[0]);
    const now = apis.map((a) => a.bundle);
    const scope: Required<BundleChoice> = { now, later: choice.later, failed: choice.now.filter((i) => !now.includes(i)) };
    const fail = (bundle: number) => {
      scope.now = scope.now.filter((i) => i !== bundle);
      scope.failed.push(bundle);
    };
    return { api: searchBundles(apis, fail), pages: scope.now.reduce((sum, i) => sum + directory.bundles[i]!.pages, 0), scope };
  };
}

/** "2025年9月15日" (a result's date as shown) → "2025-09-15", for ordering. */
export function sortableDate(shown: string): string {
  const m = /(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?/.exec(shown);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${(m[3] ?? '0').padStart(2, '0')}` : shown;
}
