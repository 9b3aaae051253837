/**
 * Runs searches in Node against a built Pagefind index (dist/pagefind/), with the site's own
 * pagefind.js, so tests do not need a browser.
 *
 * Two shims make Node behave like the browser:
 * - pagefind.js reads the index language only from `document.querySelector('html').lang`; without
 *   a `document` the language is "unknown" and Chinese query segmentation is silently skipped. We
 *   define a minimal `globalThis.document` (not `window`, so pagefind stays on the main thread)
 *   while the instance is created.
 * - Node's fetch cannot read file:// URLs; a wrapper reads them from disk and counts the bytes, so a
 *   test can see what a query would transfer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  /** Parts of the page under a heading with an id that hold a match (ledger entries: one per entry). */
  sub_results: { title: string; url: string; excerpt: string }[];
}

export interface PagefindSearchResponse {
  results: { id: string; score: number; data(): Promise<PagefindResultData> }[];
  unfilteredResultCount: number;
  filters: Record<string, Record<string, number>>;
  totalFilters: Record<string, Record<string, number>>;
}

export type SearchOptions = { filters?: Record<string, unknown>; sort?: Record<string, 'asc' | 'desc'> };

export interface PagefindApi {
  search(term: string | null, options?: SearchOptions): Promise<PagefindSearchResponse>;
  filters(): Promise<Record<string, Record<string, number>>>;
  destroy(): Promise<void>;
}

export interface NodePagefind {
  api: PagefindApi;
  /** Files fetched so far, with their size on disk (Pagefind's index files are already gzipped). */
  fetched: { path: string; bytes: number }[];
  close(): Promise<void>;
}

/** Loads `<dist>/pagefind/pagefind.js` in this process and returns a search instance for it. */
export async function openPagefind(dist: string, lang = 'zh-CN'): Promise<NodePagefind> {
  const dir = join(dist, 'pagefind');
  const fetched: { path: string; bytes: number }[] = [];
  const originalFetch = globalThis.fetch;
  const fileFetch: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (url.protocol !== 'file:') return originalFetch(input, init);
    const path = decodeURIComponent(url.pathname);
    try {
      const body = readFileSync(path);
      fetched.push({ path: path.slice(dir.length + 1), bytes: body.length });
      return new Response(new Uint8Array(body), { status: 200 });
    } catch {
      return new Response('not found', { status: 404 });
    }
  };
  globalThis.fetch = fileFetch;
  const hadDocument = 'document' in globalThis;
  const g = globalThis as { document?: unknown };
  const previousDocument = g.document;
  g.document = { querySelector: (sel: string) => (sel === 'html' ? { getAttribute: (a: string) => (a === 'lang' ? lang : null) } : null), currentScript: null };
  try {
    const module = (await import(pathToFileURL(join(dir, 'pagefind.js')).href)) as { createInstance(o: object): PagefindApi & { init(): Promise<void> } };
    const api = module.createInstance({ basePath: `${pathToFileURL(dir).href}/`, baseUrl: '/', noWorker: true });
    await api.init();
    // Load the metadata and language now, while the document shim is in place.
    await api.filters();
    return {
      api,
      fetched,
      close: async () => {
        await api.destroy();
        globalThis.fetch = originalFetch;
      },
    };
  } catch (error) {
    globalThis.fetch = originalFetch;
    throw error;
  } finally {
    if (hadDocument) g.document = previousDocument;
    else delete g.document;
  }
}

// ── the site's search, as the search page runs it ────────────────────────

import type { QueryPlan, SearchLexicon } from '../../src/lib/search-query.ts';
import { runSearch, type ChosenFilters, type SearchOutcome, type SortOrder } from '../../src/lib/search-run.ts';
import type { SearchVocabulary } from '../../src/lib/search-suggest.ts';

export interface SiteSearchResult {
  plan: QueryPlan;
  outcome: SearchOutcome<PagefindResultData>;
  /** The query as corrected by pinyin (低宝 → 低保), when what was typed found nothing. */
  corrected?: string;
  /** Result URLs (decoded), in result order. */
  urls: string[];
  /** Loads the data (url, excerpt, meta) of the first `n` results. */
  data(n?: number): Promise<PagefindResultData[]>;
}

export interface SiteSearch {
  lexicon: SearchLexicon;
  pagefind: NodePagefind;
  /** True once a search needed the "did you mean" vocabulary (the page downloads it only then). */
  vocabularyLoaded(): boolean;
  search(query: string, filters?: ChosenFilters, order?: SortOrder): Promise<SiteSearchResult>;
  close(): Promise<void>;
}

/** Opens the built site's search as the search page runs it: its Pagefind index, lexicon and vocabulary. */
export async function openSiteSearch(dist: string): Promise<SiteSearch> {
  const lexicon = JSON.parse(readFileSync(join(dist, 'search', 'lexicon.json'), 'utf8')) as SearchLexicon;
  const pf = await openPagefind(dist);
  let loaded = false;
  const loadVocabulary = async () => {
    loaded = true;
    return JSON.parse(readFileSync(join(dist, 'search', 'vocabulary.json'), 'utf8')) as SearchVocabulary;
  };
  const describe = (d: PagefindResultData) => ({ title: d.meta['title'] ?? '', superseded: Boolean(d.meta['note']) });
  return {
    lexicon,
    pagefind: pf,
    vocabularyLoaded: () => loaded,
    async search(query, filters = {}, order = 'relevance') {
      const answer = await runSearch(pf.api, lexicon, query, filters, order, { describe, loadVocabulary });
      const ids = answer.outcome.hits;
      const all = await Promise.all(ids.map((h) => h.data()));
      return { ...answer, urls: all.map((d) => decodeURI(d.url)), data: (n = ids.length) => Promise.resolve(all.slice(0, n)) };
    },
    close: () => pf.close(),
  };
}
