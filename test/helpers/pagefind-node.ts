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
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readEntryRange, withLedgerEntries, type EntryAnchor, type EntryChunk, type EntryRange } from '../../src/lib/search-entries.ts';
import { makeHub } from '../../src/lib/search-hub.ts';
import type { PagefindInstance } from '../../src/lib/search-run.ts';

export interface PagefindResultData {
  url: string;
  content: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  /** Parts of the page under a heading with an id that hold a match. */
  sub_results: { title: string; url: string; excerpt: string }[];
  /** The page's headings with ids (a ledger keeps the first entry of each file of entries) and the match positions. */
  anchors: EntryAnchor[];
  locations: number[];
  /** When the match is in a ledger entry: the entry's row (url ending in its id) and its line (src/lib/search-entries.ts). */
  entry?: { url: string; excerpt: string };
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
  mergeIndex(path: string, options?: object): Promise<void>;
  destroy(): Promise<void>;
}

export interface NodePagefind {
  api: PagefindApi;
  /** Files fetched so far, with their size on disk (Pagefind's index files are already gzipped). */
  fetched: { path: string; bytes: number }[];
  close(): Promise<void>;
}

/**
 * Loads `<dist>/pagefind/pagefind.js` in this process and returns a search instance for it; with
 * `merge`, the bundle in that folder under pagefind/ merged into it (as the search page does).
 */
export async function openPagefind(dist: string, lang = 'zh-CN', merge?: string): Promise<NodePagefind> {
  const dir = resolve(dist, 'pagefind');
  const from = fileLog.length;
  const releaseFetch = useFileFetch();
  const releaseDocument = useDocument(lang);
  try {
    const hub = await nodeHub(dir);
    // As the search page opens them (src/lib/search-hub.ts): a first instance alone, until its hub's WebAssembly loaded.
    const api = merge ? await hub.open(`${pathToFileURL(join(dir, merge)).href}/`, { baseUrl: '/' }) : await hub.instance({ baseUrl: '/' });
    // Filters are not loaded here: the browser fetches a bundle's filter files only for a search with filters, so a
    // first query without filters must not count them (scripts/search-first-query.ts, test/e2e/search.test.ts).
    return {
      api,
      get fetched() {
        return fileLog.slice(from).flatMap((f) => (f.path.startsWith(`${dir}/`) ? [{ path: f.path.slice(dir.length + 1), bytes: f.bytes }] : []));
      },
      close: async () => {
        await api.destroy();
        releaseFetch();
      },
    };
  } catch (error) {
    releaseFetch();
    throw error;
  } finally {
    releaseDocument();
  }
}

/** Each pagefind.js loaded (a module of its own, with its own WebAssembly), with its hub. */
const hubs = new Map<string, Promise<ReturnType<typeof makeHub<PagefindApi & PagefindInstance<PagefindResultData>>>>>();
function nodeHub(dir: string) {
  const url = pathToFileURL(join(dir, 'pagefind.js')).href;
  let hub = hubs.get(url);
  if (!hub) {
    hub = (import(url) as Promise<{ createInstance(o: object): PagefindApi & PagefindInstance<PagefindResultData> }>).then((module) =>
      makeHub(({ baseUrl }) => module.createInstance({ basePath: `${pathToFileURL(dir).href}/`, baseUrl, noWorker: true })),
    );
    hubs.set(url, hub);
  }
  return hub;
}

/**
 * A chunk of ledger entries of bundle `bundle` (src/lib/search-entries.ts), read as the search page
 * fetches it: the byte range `range` of its ledger's file, logged (as `<path>#<offset>`, its length)
 * with the bundle's other files.
 */
export async function readEntryChunk(dist: string, bundle: string, file: string, range: EntryRange): Promise<EntryChunk> {
  const path = join(resolve(dist, 'pagefind'), bundle, file);
  const body = readFileSync(path).subarray(range[0], range[0] + range[1]);
  fileLog.push({ path: `${path}#${range[0]}`, bytes: body.length });
  return readEntryRange(206, body, range);
}

/** Every file:// fetch while a Node Pagefind is open (absolute path, bytes on disk). */
const fileLog: { path: string; bytes: number }[] = [];
let fetchUsers = 0;
let realFetch: typeof fetch | undefined;

/** Node's fetch cannot read file:// URLs: while any instance is open, a wrapper reads them from disk and logs them. */
function useFileFetch(): () => void {
  if (fetchUsers++ === 0) {
    const original = (realFetch = globalThis.fetch);
    globalThis.fetch = async (input, init) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      if (url.protocol !== 'file:') return original(input, init);
      const path = decodeURIComponent(url.pathname);
      try {
        const body = readFileSync(path);
        fileLog.push({ path, bytes: body.length });
        return new Response(new Uint8Array(body), { status: 200 });
      } catch {
        return new Response('not found', { status: 404 });
      }
    };
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (--fetchUsers === 0 && realFetch) globalThis.fetch = realFetch;
  };
}

let documentUsers = 0;
let previousDocument: { had: boolean; value: unknown } | undefined;

/** pagefind.js reads the index language from `document`: a minimal one while instances are being made. */
function useDocument(lang: string): () => void {
  const g = globalThis as { document?: unknown };
  if (documentUsers++ === 0) {
    previousDocument = { had: 'document' in globalThis, value: g.document };
    g.document = {
      querySelector: (sel: string) => (sel === 'html' ? { getAttribute: (a: string) => (a === 'lang' ? lang : null) } : null),
      currentScript: null,
    };
  }
  return () => {
    if (--documentUsers === 0 && previousDocument) {
      if (previousDocument.had) g.document = previousDocument.value;
      else delete g.document;
    }
  };
}

// ── the site's search, as the search page runs it ────────────────────────

import { BUNDLE_BUDGET, mergeByDate, openBundles, sortableDate, type SplitLexicon } from '../../src/lib/search-bundles.ts';
import type { QueryPlan } from '../../src/lib/search-query.ts';
import { PAGE_SIZE, runSearch, type ChosenFilters, type SearchAnswer, type SearchOutcome, type SortOrder } from '../../src/lib/search-run.ts';
import { makeLexiconLoader, type LexiconCore, type LexiconShard, type ShardSet, type VocabularyShard } from '../../src/lib/search-shards.ts';
import { loadVocabularyFor } from '../../src/lib/search-suggest.ts';

/**
 * The built site's sharded lexicon (src/lib/search-shards.ts) read from disk as the search page fetches it: the core,
 * then the shards each query needs. `files` lists every file of search/ read so far (path under search/, its bytes).
 */
export function openLexicon(dist: string) {
  const files = new Map<string, Buffer>();
  const read = <T>(path: string): T => {
    const bytes = readFileSync(join(dist, 'search', path));
    files.set(path, bytes);
    return JSON.parse(bytes.toString('utf8')) as T;
  };
  const shard = <T>(set: ShardSet, i: number) => Promise.resolve(read<T>(`${set.folder}/${i}.json`));
  const core = read<LexiconCore>('lexicon.json');
  const loader = makeLexiconLoader(core, shard<LexiconShard>);
  return {
    core,
    loader,
    files,
    /** The vocabulary "did you mean" needs for `query`, typed in `around` (the shards of its characters and of their pairs). */
    loadVocabulary: (query: string, around?: string) => loadVocabularyFor(query, core.shards.vocabulary, shard<VocabularyShard>, around),
  };
}

export interface SiteSearchResult {
  plan: QueryPlan;
  outcome: SearchOutcome<PagefindResultData>;
  /** The query as corrected by pinyin (低宝 → 低保), when what was typed found nothing. */
  corrected?: string;
  /** The township bundles searched, and those left for later (indexes into the directory). */
  scope?: SearchAnswer<PagefindResultData>['scope'];
  /** Result URLs (decoded), in result order. */
  urls: string[];
  /** Loads the data (url, excerpt, meta) of the first `n` results. */
  data(n?: number): Promise<PagefindResultData[]>;
}

export interface SiteSearch {
  lexicon: SplitLexicon;
  /**
   * Files under pagefind/ fetched so far, each once (the browser caches them), with their size on disk. `firstScreen`:
   * only what the last search fetched up to its first screen of results (PAGE_SIZE), as the page downloads it; `search`
   * itself goes on to load every result's data for its `urls`.
   */
  fetched(firstScreen?: boolean): { path: string; bytes: number }[];
  /** True once a search needed the "did you mean" vocabulary (the page downloads it only then). */
  vocabularyLoaded(): boolean;
  /** Files of search/ read so far (the lexicon's core and shards, vocabulary shards), path under search/ and bytes as stored. */
  searchFiles(): { path: string; bytes: Buffer }[];
  /** `budget`: bytes of bundles a search may open (the page's first search: BUNDLE_BUDGET; "search every township": Infinity). */
  search(query: string, filters?: ChosenFilters, order?: SortOrder, budget?: number): Promise<SiteSearchResult>;
  close(): Promise<void>;
}

/**
 * Opens the built site's search as the search page runs it: the directory in its lexicon, each
 * township bundle merged into Pagefind's hub when a query needs it, and the vocabulary.
 */
export async function openSiteSearch(dist: string): Promise<SiteSearch> {
  const { loader, loadVocabulary: loadShards, files } = openLexicon(dist);
  const lexicon = loader.lexicon;
  const from = fileLog.length;
  const opened = new Map<number, Promise<NodePagefind>>();
  const openBundle = (i: number) => {
    let p = opened.get(i);
    if (!p) opened.set(i, (p = openPagefind(dist, 'zh-CN', lexicon.directory.bundles[i]!.id)));
    return p.then((pf) => withLedgerEntries(pf.api, (file, range) => readEntryChunk(dist, lexicon.directory.bundles[i]!.id, file, range)));
  };
  let loaded = false;
  let firstScreenEnd: number | undefined;
  const loadVocabulary = (query: string, around: string) => {
    loaded = true;
    return loadShards(query, around);
  };
  const describe = (d: PagefindResultData) => ({ title: d.meta['title'] ?? '', superseded: Boolean(d.meta['note']), kind: d.meta['kind'] });
  return {
    lexicon,
    fetched: (firstScreen = false) => {
      const dir = `${resolve(dist, 'pagefind')}/`;
      const seen = new Map(
        fileLog
          .slice(from, firstScreen ? firstScreenEnd : undefined)
          .flatMap((f) => (f.path.startsWith(dir) ? [[f.path.slice(dir.length).replace(/\?.*$/, ''), f.bytes] as const] : [])),
      );
      return [...seen].map(([path, bytes]) => ({ path, bytes }));
    },
    vocabularyLoaded: () => loaded,
    searchFiles: () => [...files].map(([path, bytes]) => ({ path, bytes })),
    async search(query, filters = {}, order = 'relevance', budget = BUNDLE_BUDGET) {
      const forQuery = (q: string) => loader.forQuery(q, [filters.village]);
      const answer = await runSearch(openBundles(lexicon.directory, filters, openBundle, budget), forQuery, query, filters, order, {
        describe,
        loadVocabulary,
      });
      const hits = answer.outcome.hits;
      if (order === 'relevance') await Promise.all(hits.slice(0, PAGE_SIZE).map((h) => h.data()));
      firstScreenEnd = fileLog.length;
      const all =
        order !== 'relevance' && (answer.scope?.now.length ?? 0) > 1
          ? await mergeByDate(hits, (d) => sortableDate(d.meta['date'] ?? ''), order).take(hits.length)
          : await Promise.all(hits.map((h) => h.data()));
      return { ...answer, urls: all.map((d) => decodeURI(d.url)), data: (n = hits.length) => Promise.resolve(all.slice(0, n)) };
    },
    close: async () => {
      for (const pf of opened.values()) await (await pf).close();
    },
  };
}
