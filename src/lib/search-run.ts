/**
 * Runs a query plan (search-query.ts) against Pagefind's search API. Pure apart from the API it is
 * given, so the browser and the Node tests run exactly the same steps.
 */
import type { QueryPlan } from './search-query.ts';

/** Filter keys written into the index (see src/data/search.ts). */
export const FILTER_KEYS = ['village', 'township', 'track', 'kind', 'year', 'quarter'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type ChosenFilters = Partial<Record<FilterKey, string>>;

export type SortOrder = 'relevance' | 'newest' | 'oldest';

/** The part of Pagefind's API this module needs. */
export interface PagefindLike<D> {
  search(term: string | null, options: { filters?: Record<string, unknown>; sort?: Record<string, 'asc' | 'desc'> }): Promise<{ results: { id: string; score: number; data(): Promise<D> }[] } | null>;
}

export interface SearchHit<D> {
  id: string;
  data(): Promise<D>;
}

export interface TermOutcome {
  text: string;
  /** What was looked for (a month or amount may be rewritten). */
  label: string;
  exact: boolean;
  found: number;
}

export interface SearchOutcome<D> {
  hits: SearchHit<D>[];
  /** False when a term had no exact match and the fallback (all its characters, anywhere) was used. */
  exact: boolean;
  terms: TermOutcome[];
}

/** Combines the filters chosen on the page with places the query named in pinyin. */
export function combineFilters(chosen: ChosenFilters, plan: Pick<QueryPlan, 'villages' | 'townships'>): Record<string, unknown> | undefined {
  const filters: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) if (chosen[key]) filters[key] = chosen[key];
  for (const [key, named] of [['village', plan.villages], ['township', plan.townships]] as const) {
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

/**
 * Every term must match. Each term is searched with its tries in order (exact first); the results
 * of the terms are intersected. With no terms, lists what the filters select, newest first.
 */
export async function runPlan<D>(pagefind: PagefindLike<D>, plan: QueryPlan, chosen: ChosenFilters = {}, order: SortOrder = 'relevance'): Promise<SearchOutcome<D>> {
  const filters = combineFilters(chosen, plan);
  if (!filters) return { hits: [], exact: true, terms: [] };
  const hasFilters = Object.keys(filters).length > 0;
  if (plan.terms.length === 0) {
    if (!hasFilters) return { hits: [], exact: true, terms: [] };
    const r = await pagefind.search(null, { filters, sort: sortOption(order === 'relevance' ? 'newest' : order) ?? {} });
    return { hits: r?.results ?? [], exact: true, terms: [] };
  }
  const sort = sortOption(order);
  const outcomes: TermOutcome[] = [];
  const lists: { id: string; score: number; data(): Promise<D> }[][] = [];
  for (const term of plan.terms) {
    let found: { id: string; score: number; data(): Promise<D> }[] = [];
    let used = term.tries[0]!;
    for (const t of term.tries) {
      used = t;
      const r = await pagefind.search(t.query, { filters, ...(sort ? { sort } : {}) });
      found = r?.results ?? [];
      if (found.length > 0) {
        // Pagefind does not score exact-phrase results; rank them by the score of the same
        // characters searched loosely (it reads the same index chunks, so costs no download).
        if (t.exact && !sort) found = await rankByLooseScore(pagefind, t.query.replace(/^"|"$/g, ''), filters, found);
        break;
      }
    }
    outcomes.push({ text: term.text, label: used.label, exact: used.exact, found: found.length });
    lists.push(found);
    if (found.length === 0) break;
  }
  const [first, ...others] = lists;
  const scores = new Map<string, number>();
  for (const list of lists) for (const r of list) scores.set(r.id, (scores.get(r.id) ?? 0) + r.score);
  const otherIds = others.map((list) => new Set(list.map((r) => r.id)));
  const inAll = (first ?? []).filter((r) => otherIds.every((ids) => ids.has(r.id)));
  const hits = sort ? inAll : [...inAll].sort((a, b) => scores.get(b.id)! - scores.get(a.id)! || a.id.localeCompare(b.id));
  return { hits: lists.length < plan.terms.length ? [] : hits, exact: outcomes.every((o) => o.exact), terms: outcomes };
}

async function rankByLooseScore<D>(pagefind: PagefindLike<D>, loose: string, filters: Record<string, unknown>, exact: { id: string; score: number; data(): Promise<D> }[]) {
  const r = await pagefind.search(loose, { filters });
  const scores = new Map((r?.results ?? []).map((x) => [x.id, x.score]));
  return exact.map((x) => ({ id: x.id, data: x.data, score: scores.get(x.id) ?? 0 })).sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}
