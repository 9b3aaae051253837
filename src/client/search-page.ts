/**
 * The search page in the browser: reads the form, runs the query plan (src/lib/search-query.ts)
 * against the Pagefind index and shows the results. Pagefind and the lexicon are fetched on first
 * use (focus or search), never on page load, so a visit that does not search costs nothing.
 */
import { BUNDLE_BUDGET, mergeByDate, openBundles, sortableDate } from '../lib/search-bundles.ts';
import type { SearchResultData } from '../lib/search-entries.ts';
import {
  FILTER_KEYS,
  PAGE_SIZE,
  runSearch,
  type ChosenFilters,
  type PagefindInstance,
  type PagefindLike,
  type SearchHit,
  type SortOrder,
} from '../lib/search-run.ts';
import type { PostingState } from '../lib/notice-posting.ts';
import { makeLexiconLoader, type LexiconCore, type LexiconShard, type ShardSet, type VocabularyShard } from '../lib/search-shards.ts';

const form = document.getElementById('search-form') as HTMLFormElement;
const input = form.elements.namedItem('q') as HTMLInputElement;
const sortSelect = form.elements.namedItem('sort') as HTMLSelectElement;
const status = document.getElementById('search-status')!;
const list = document.getElementById('search-results') as HTMLOListElement;
const more = document.getElementById('search-more') as HTMLButtonElement;
const restBox = document.getElementById('search-rest-box')!;
const restLine = document.getElementById('search-rest-text')!;
const rest = document.getElementById('search-rest') as HTMLButtonElement;
const base = form.dataset['base'] ?? '/';
const stateSelect = form.elements.namedItem('state') as HTMLSelectElement | null;
/** The day the site's states are as of (the page's gongkai:as-of): a 公示's state on the search page is its page's. */
const asOf = document.querySelector<HTMLMetaElement>('meta[name="gongkai:as-of"]')?.content;

type Instance = PagefindInstance<SearchResultData>;
type BundleSearch = PagefindLike<SearchResultData>;

/**
 * How long a file the search needs may take (a township's bundle to open, to answer a search or load a result; a file
 * of the lexicon) before the search goes on without it: a stalled connection does not end on its own, and the villager
 * would see “正在搜索……” for ever. A bundle is then named as not searched, and the button below the status offers it
 * again; without the lexicon the page says search is not working now.
 */
const WAIT_MS = 15_000;
function within<T>(work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${WAIT_MS} ms`)), WAIT_MS);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** One file of the search folder as JSON; a failed request fails the search (and is asked again by the next). */
function fetchJson<T>(path: string): Promise<T> {
  return within(
    fetch(`${base}search/${path}`).then((r) => {
      if (!r.ok) throw new Error(`${path}: ${r.status}`);
      return r.json() as Promise<T>;
    }),
  );
}
const fetchShard = <T>(set: ShardSet, i: number) => fetchJson<T>(`${set.folder}/${i}.json`);

/** `load()` once, kept while it works: a failed load is forgotten, so the next search asks again. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    if (!loading) {
      const mine = (loading = load());
      void mine.catch(() => {
        if (loading === mine) loading = undefined;
      });
    }
    return loading;
  };
}

// The lexicon's core, then the shards each query's characters need (src/lib/search-shards.ts), while Pagefind's code loads.
const loadLexicon = once(() => fetchJson<LexiconCore>('lexicon.json').then((core) => ({ core, loader: makeLexiconLoader(core, fetchShard<LexiconShard>) })));
// What draws the results (a chunk of its own): fetched with Pagefind's code, used once a search has answered.
const loadDrawing = once(() => import('./search-results.ts'));
// Pagefind's code, and what opens the bundles in instances of its hub (./search-open.ts: its WebAssembly loaded once).
const loadHub = once(async () => {
  const [{ createInstance }, { makeBundleOpener }] = await Promise.all([
    import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<{ createInstance: (o: object) => Instance }>,
    import('./search-open.ts'),
  ]);
  return makeBundleOpener(() => createInstance({ basePath: `${base}pagefind/`, baseUrl: base, noWorker: true }));
});
function loadEngine() {
  void loadLexicon();
  void loadDrawing();
  return loadHub();
}

// One township's bundle, merged into its own instance of Pagefind's hub (pagefind/). A bundle that failed to open, or
// whose search failed, is forgotten (below), so the next search opens it again.
// A ledger result loads the one chunk of entries its match is in: a byte range of the ledger's file (src/lib/search-entries.ts).
const bundles = new Map<number, Promise<BundleSearch>>();
function openBundle(i: number): Promise<BundleSearch> {
  let api = bundles.get(i);
  if (!api) {
    const opening = (api = Promise.all([loadEngine(), loadLexicon()]).then(async ([hub, { core }]) => {
      return hub.open(`${base}pagefind/${core.directory.bundles[i]!.id}/`, { baseUrl: base, excerptLength: 36 });
    }));
    void opening.catch(() => forgetBundle(i, opening));
    bundles.set(i, opening);
  }
  return api;
}
function forgetBundle(i: number, which = bundles.get(i)) {
  if (bundles.get(i) === which) bundles.delete(i);
}

/** Bundle `i` as a search uses it: opened, each search answered and each result loaded within WAIT_MS. */
async function bundleWithin(i: number): Promise<BundleSearch> {
  const api = await within(openBundle(i));
  return {
    search: async (term, options) => {
      const r = await within(api.search(term, options));
      return r && { ...r, results: r.results.map((x) => ({ ...x, data: () => within(x.data()) })) };
    },
  };
}

// A bundle's notices' periods (src/lib/notice-posting.ts), fetched once and only for the 公示状态 filter. A bundle without
// periods has no such file (404: none); any other failure fails the bundle's search, as a bundle that does not open does.
const postings = new Map<number, Promise<Record<string, string>>>();
function loadPostings(i: number, file: string): Promise<Record<string, string>> {
  let p = postings.get(i);
  if (!p) {
    // Within WAIT_MS like every file a search needs, and forgotten when it fails (the bundle is then named as not
    // searched, and the next search asks again), as a bundle is.
    const loading = (p = within(
      loadLexicon().then(async ({ core }) => {
        const r = await fetch(`${base}pagefind/${core.directory.bundles[i]!.id}/${file}`);
        if (r.status === 404) return {};
        if (!r.ok) throw new Error(`${file}: ${r.status}`);
        return (await r.json()) as Record<string, string>;
      }),
    ));
    void loading.catch(() => postings.get(i) === loading && postings.delete(i));
    postings.set(i, loading);
  }
  return p;
}

// "Did you mean" needs the site's words with their pinyin: only the shards of the query's characters and syllables,
// fetched only after a query found nothing, with the code that reads them (a chunk of its own, like runSearch's suggester).
async function loadVocabulary(query: string, around: string) {
  const [{ core }, { loadVocabularyFor }] = await Promise.all([loadLexicon(), import('../lib/search-suggest.ts')]);
  return loadVocabularyFor(query, core.shards.vocabulary, fetchShard<VocabularyShard>, around);
}

function chosenFilters(): ChosenFilters {
  const chosen: ChosenFilters = {};
  for (const key of FILTER_KEYS) {
    const value = (form.elements.namedItem(key) as HTMLSelectElement | null)?.value;
    if (value) chosen[key] = value;
  }
  return chosen;
}

const filtersBox = document.getElementById('filters') as HTMLDetailsElement;
const filtersCount = document.getElementById('filters-count')!;
function showFilterCount(chosen: ChosenFilters, state: string | undefined) {
  const n = Object.keys(chosen).length + (state ? 1 : 0);
  filtersCount.textContent = n > 0 ? `（已选 ${n} 项）` : '';
  if (n > 0) filtersBox.open = true;
}

let hits: SearchHit<SearchResultData>[] = [];
/** The words that found the results shown: their excerpts mark them whole (widenMarks). */
let foundWords: string[] = [];
let shown = 0;
/** Set when results from several townships are shown by date: they are merged as they are shown. */
let byDate: ReturnType<typeof mergeByDate<SearchResultData>> | undefined;
let generation = 0;
/** The next results of the search `mine` (the latest by default); drawn only if no search started meanwhile. */
async function showMore(mine = generation) {
  const next = hits.slice(shown, shown + PAGE_SIZE);
  const [data, { resultItem }] = await Promise.all([byDate ? byDate.take(PAGE_SIZE) : Promise.all(next.map((h) => h.data())), loadDrawing()]);
  if (mine !== generation) return;
  list.append(...data.map((d) => resultItem(d, foundWords, asOf)));
  shown += next.length;
  more.hidden = shown >= hits.length;
  more.textContent = `显示更多结果（还有 ${hits.length - shown} 条）`;
}

/** Bytes of township bundles a search may load: small at first; every township once the villager asks. */
let budget = BUNDLE_BUDGET;
/** The last search's words whose synonyms it looked up: 搜索其余 looks them up too, so asking for more never shows fewer. */
let expanded = { query: '', terms: [] as string[] };
async function search() {
  const mine = ++generation;
  const query = input.value.trim();
  const chosen = chosenFilters();
  const order = sortSelect.value as SortOrder;
  // 公示状态 is no filter of the index (a state changes with the day): the notices are searched and kept by their periods.
  const state = (asOf && (stateSelect?.value as PostingState | '')) || undefined;
  showFilterCount(chosen, state);
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  for (const [k, v] of Object.entries(chosen)) params.set(k, v);
  if (state) params.set('state', state);
  if (order !== 'relevance') params.set('sort', order);
  history.replaceState(null, '', params.size > 0 ? `?${params}` : location.pathname);
  list.replaceChildren();
  more.hidden = true;
  restBox.hidden = true;
  if (!query && Object.keys(chosen).length === 0 && !state) {
    status.textContent = '请输入要找的内容，或选择一个村。';
    return;
  }
  status.textContent = '正在搜索……';
  try {
    // The hub (Pagefind's metadata and WebAssembly) loads while the lexicon says which bundles the query needs.
    void loadEngine().then(
      (hub) => hub.warm({ baseUrl: base }),
      () => {},
    );
    const { loader } = await loadLexicon();
    const lexicon = loader.lexicon;
    // A village chosen in the filters: its bundle is known once the shard of its name is loaded.
    const forQuery = (q: string) => loader.forQuery(q, [chosen.village]);
    // The filter's code comes with what draws the results (a chunk of its own, fetched with Pagefind's code anyway). A
    // state typed in the query (正在公示的低保) filters as if chosen: the state is not indexed.
    const filter = asOf ? await within(loadDrawing()) : undefined;
    const typed = filter && !state ? filter.typedPostingState(query) : undefined;
    const kept = typed?.state ?? state;
    const words = typed?.rest ?? query;
    const open =
      filter && kept
        ? (i: number) =>
            bundleWithin(i).then((api) => ({ search: filter.keepPostingState(api.search.bind(api), () => loadPostings(i, filter.POSTINGS_FILE), kept, asOf!) }))
        : bundleWithin;
    const searched = kept ? { ...chosen, kind: chosen.kind ?? '公示' } : chosen;
    const answer = await runSearch(openBundles(lexicon.directory, chosen, open, budget), forQuery, words, searched, order, {
      describe: (d) => ({ title: d.meta['title'] ?? '', superseded: Boolean(d.meta['note']), kind: d.meta['kind'] }),
      loadVocabulary,
      expand: budget === Infinity && expanded.query === words ? expanded.terms : [],
    });
    const { describeAnswer, restText } = await within(loadDrawing());
    // A bundle that could not be searched is opened again by the next search (the button below offers it).
    const failed = answer.scope?.failed ?? [];
    for (const i of failed) forgetBundle(i);
    if (mine !== generation) return;
    hits = answer.outcome.hits;
    expanded = { query: words, terms: answer.outcome.terms.filter((t) => t.expanded).map((t) => t.text) };
    foundWords = answer.outcome.terms.flatMap((t) => t.found);
    shown = 0;
    byDate = order !== 'relevance' && (answer.scope?.now.length ?? 0) > 1 ? mergeByDate(hits, (d) => sortableDate(d.meta['date'] ?? ''), order) : undefined;
    const stateName = kept && [...(stateSelect?.options ?? [])].find((o) => o.value === kept)?.text;
    status.textContent = describeAnswer(words, answer, [...Object.values(chosen), ...(stateName ? [stateName] : [])], lexicon);
    // The townships left for later (to keep the first search small) or not searched (failed), with the button that searches them.
    const later = answer.scope?.later ?? [];
    restBox.hidden = later.length + failed.length === 0;
    if (!restBox.hidden) {
      const offer = restText(lexicon, answer.scope?.now ?? [], later, failed);
      restLine.textContent = offer.text;
      restLine.hidden = !offer.text;
      rest.textContent = offer.button;
    }
    await showMore(mine);
  } catch (error) {
    status.textContent = '搜索暂时无法使用，请稍后再试，或在下面按村浏览。';
    throw error;
  }
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  budget = BUNDLE_BUDGET;
  void search();
});
rest.addEventListener('click', () => {
  budget = Infinity;
  void search();
});
form.addEventListener('change', (e) => {
  if (e.target instanceof HTMLSelectElement && (input.value.trim() || Object.keys(chosenFilters()).length > 0 || stateSelect?.value)) void search();
});
input.addEventListener('focus', () => void loadEngine(), { once: true });
more.addEventListener('click', () => void showMore());

// A shared or reloaded link (/search/?q=低保&village=马曲村) shows its results straight away.
const initial = new URLSearchParams(location.search);
input.value = initial.get('q') ?? input.value;
for (const key of [...FILTER_KEYS, 'state', 'sort']) {
  const select = form.elements.namedItem(key) as HTMLSelectElement | null;
  const value = initial.get(key);
  if (select && value && [...select.options].some((o) => o.value === value)) select.value = value;
}
if (input.value.trim() || [...FILTER_KEYS, 'state'].some((k) => initial.get(k))) void search();
