/**
 * The province search page in the browser. The province's own Pagefind index is small: villages,
 * townships and running notices of every county (src/province/assemble.ts, at pagefind/directory/).
 * When a county is chosen, the township bundles of that county's split index (/<id>/pagefind/<bundle>/)
 * that the query needs — chosen from the county's directory (/<id>/search/lexicon.json) as its own
 * search page chooses them — are searched with the directory as one index, with the same query plan
 * as on the county's own search page. As there, each index is merged into its own instance of the
 * portal's hub (pagefind/: Pagefind's code and WebAssembly, fetched once), so a result is known to
 * come from its bundle, and a ledger result loads the chunk of entries its match is in from that
 * bundle's folder in the county's shard (a byte range of entries/<id>.bin, src/lib/search-entries.ts;
 * the whole file from a host that ignores Range) and opens at the entry. A county whose bundles are
 * missing or do not answer in time is named in the status line; the rest of the search still works.
 */
import { chooseBundles, searchBundles } from '../lib/search-bundles.ts';
import type { SearchResultData } from '../lib/search-entries.ts';
import { endAtSentence, startAtSentence } from '../lib/search-excerpts.ts';
import { describePosting, readPostingToken } from '../lib/notice-posting.ts';
import type { makeBundleOpener } from './search-open.ts';
import { describeFound } from '../lib/search-answer-text.ts';
import { planQuery, type SearchLexicon } from '../lib/search-query.ts';
import { runPlan, type PagefindInstance, type PagefindLike } from '../lib/search-run.ts';
import { makeLexiconLoader, type LexiconCore, type LexiconShard } from '../lib/search-shards.ts';

type Instance = PagefindInstance<SearchResultData>;

/** How long a county's bundle may take to answer before the search goes on without it. */
const COUNTY_TIMEOUT_MS = 8000;
// As many as the county search page shows first (a ledger result loads its summary and one chunk of entries).
const SHOWN = 10;
const EXCERPT_LENGTH = 30;

const form = document.getElementById('province-search') as HTMLFormElement;
const input = form.elements.namedItem('q') as HTMLInputElement;
const select = form.elements.namedItem('county') as HTMLSelectElement;
const status = document.getElementById('province-status')!;
const list = document.getElementById('province-results') as HTMLOListElement;
const base = form.dataset['base'] ?? '/';
/** A county's data date (its option's data-as-of): a 公示 result's posting state is said as of it. */
const countyAsOf = (id: string) => select.querySelector<HTMLOptionElement>(`option[value="${CSS.escape(id)}"]`)?.dataset['asOf'];
const countyName = (id: string) => select.querySelector<HTMLOptionElement>(`option[value="${CSS.escape(id)}"]`)?.textContent?.replace('（暂缺）', '') ?? id;

type CreateInstance = (o: object) => Instance;
// Pagefind's code, and what opens the indexes in instances of its hub (./search-open.ts: its WebAssembly loaded once).
let hub: Promise<ReturnType<typeof makeBundleOpener>> | undefined;
function loadHub() {
  hub ??= (async () => {
    const [pagefind, opener] = await Promise.all([
      import(/* @vite-ignore */ `${base}pagefind/pagefind.js`) as Promise<{ createInstance: CreateInstance }>,
      import('./search-open.ts'),
    ]);
    return opener.makeBundleOpener(({ baseUrl }) => pagefind.createInstance({ basePath: `${base}pagefind/`, baseUrl, noWorker: true }));
  })();
  // A failed load is tried again on the next search.
  void hub.catch(() => (hub = undefined));
  return hub;
}
/** The index in `folder` merged into its own instance of the hub; its pages' addresses start with `baseUrl`. */
async function openIndex(folder: string, baseUrl: string) {
  return (await loadHub()).open(folder, { baseUrl, excerptLength: EXCERPT_LENGTH });
}
let directory: ReturnType<typeof openIndex> | undefined;
function openDirectory() {
  directory ??= openIndex(`${base}pagefind/directory/`, '/');
  // A failed load is tried again on the next search.
  void directory.catch(() => (directory = undefined));
  return directory;
}

const timeout = (ms: number) => new Promise<false>((r) => setTimeout(() => r(false), ms));
type Loader = ReturnType<typeof makeLexiconLoader>;
const lexicons = new Map<string, Promise<Loader | undefined>>();
/** County `id`'s lexicon (its core, then the shards a query needs) and directory of bundles; undefined when missing or not a split, sharded index. */
function countyLexicon(id: string): Promise<Loader | undefined> {
  let lexicon = lexicons.get(id);
  if (!lexicon) {
    const json = async <T>(path: string) => {
      const r = await fetch(`${base}${id}/search/${path}`);
      if (!r.ok) throw new Error(`${path}: ${r.status}`);
      return r.json() as Promise<T>;
    };
    lexicon = json<LexiconCore>('lexicon.json')
      .then((core) => (core.directory && core.shards ? makeLexiconLoader(core, (set, i) => json<LexiconShard>(`${set.folder}/${i}.json`)) : undefined))
      .catch(() => undefined);
    // A county that did not answer is asked again on a later search.
    void lexicon.then((l) => l || lexicons.delete(id));
    lexicons.set(id, lexicon);
  }
  return lexicon;
}
type BundleSearch = PagefindLike<SearchResultData>;
const opened = new Map<string, Promise<BundleSearch | undefined>>();
/**
 * One bundle of county `id`, opened once: its pages open under /<id>/, and a ledger result reads its entries from the
 * bundle's folder by Range. Undefined when the bundle is missing or broken.
 */
function openBundle(id: string, bundle: string): Promise<BundleSearch | undefined> {
  const folder = `${base}${id}/pagefind/${bundle}/`;
  let done = opened.get(folder);
  if (!done) {
    done = (async () => {
      const entry = await fetch(`${folder}pagefind-entry.json`);
      if (!entry.ok) return undefined;
      return openIndex(folder, `${base}${id}/`);
    })().catch(() => undefined);
    void done.then((api) => api || opened.delete(folder));
    opened.set(folder, done);
  }
  return done;
}
/**
 * Opens what `query` needs of county `id` within COUNTY_TIMEOUT_MS: its lexicon and the bundles the
 * query needs. Undefined when the county is missing, broken or late; `later` names the townships
 * left out to keep the first search small.
 */
async function openCounty(id: string, query: string): Promise<{ lexicon: SearchLexicon; bundles: BundleSearch[]; later: string[] } | undefined> {
  const attempt = (async () => {
    const loader = await countyLexicon(id);
    if (!loader) return false;
    const lexicon = await loader.forQuery(query);
    const { now, later } = chooseBundles(lexicon.directory, planQuery(query, lexicon), {});
    const bundles = await Promise.all(now.map((i) => openBundle(id, lexicon.directory.bundles[i]!.id)));
    return bundles.every((b) => b !== undefined) ? { lexicon, bundles, later: later.flatMap((i) => lexicon.directory.bundles[i]!.townships) } : false;
  })();
  return (await Promise.race([attempt, timeout(COUNTY_TIMEOUT_MS)])) || undefined;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  return e;
}
const clean = (t: string) =>
  t
    .replace(/\u200B/g, '')
    .replace(/<\/?mark>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_, x: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[x]!);

let generation = 0;
async function search(): Promise<void> {
  const mine = ++generation;
  const query = input.value.trim();
  const county = select.value;
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  if (county) params.set('county', county);
  history.replaceState(null, '', params.size > 0 ? `?${params}` : location.pathname);
  list.replaceChildren();
  if (!query) {
    status.textContent = '请输入要找的村、乡镇或事项。';
    return;
  }
  status.textContent = '正在搜索……';
  const notes: string[] = [];
  try {
    const places = await openDirectory();
    let scope: PagefindLike<SearchResultData> = places;
    let lexicon: SearchLexicon = { places: [], t2s: '' };
    if (county) {
      const found = await openCounty(county, query);
      if (found) {
        lexicon = found.lexicon;
        // The directory's records of the chosen county, and its records from the bundles the query needs, as one index.
        const own: PagefindLike<SearchResultData> = { search: (term, o) => places.search(term, { ...o, filters: { ...(o.filters ?? {}), county } }) };
        scope = searchBundles([own, ...found.bundles].map((api, bundle) => ({ bundle, api })));
        if (found.later.length > 0) notes.push(`为节省流量，只搜索了${countyName(county)}的部分乡镇；其余 ${found.later.length} 个乡镇请到该县网站搜索。`);
      } else {
        notes.push(`${countyName(county)}的全文搜索暂时无法使用（索引缺失或未及时响应），下面只列出全省目录中的结果。`);
      }
    }
    const plan = planQuery(query, lexicon);
    const outcome = await runPlan(scope, plan);
    if (mine !== generation) return;
    const data = await Promise.all(outcome.hits.slice(0, SHOWN).map((h) => h.data()));
    for (const d of data) {
      // A ledger result opens at its first matching entry's row, with that entry as the excerpt, as on the county's site.
      const target = d.entry ?? d;
      const li = el('li');
      const a = el('a', clean(d.meta['title'] ?? d.url));
      a.href = target.url;
      a.className = 'result-title';
      // Directory records carry their county's name; a county's own records are from the chosen county.
      const where = [d.meta['county'] ?? countyName(county), d.meta['village'], d.meta['date'], d.meta['kind'] ?? '全文'].filter(Boolean);
      // A 公示 from the county's own index says its state on the county's data date (公示至…, 公示期已结束), as there.
      const period = d.meta['posting'] === undefined ? undefined : readPostingToken(d.meta['posting']);
      const asOf = countyAsOf(county);
      if (period && asOf) where.push(describePosting(period, asOf).zh);
      const excerpt = d.entry || d.content === undefined ? target.excerpt : endAtSentence(startAtSentence(d.excerpt, d.content), d.content);
      const meta = el('p', where.join(' · '));
      meta.className = 'result-meta';
      const text = el('p', clean(excerpt));
      text.className = 'result-excerpt';
      li.append(a, meta, text);
      list.append(li);
    }
    // As the county's search page says it (the words left out, those a long question's later results may lack).
    notes.push(...describeFound(query, { plan, outcome }, county ? [countyName(county)] : [], '或到下面的各县站点搜索'));
    if (outcome.hits.length > SHOWN) notes.push(`显示前 ${SHOWN} 条。`);
    status.textContent = notes.join(' ');
  } catch (error) {
    status.textContent = '搜索暂时无法使用，请稍后再试，或进入各县站点搜索。';
    throw error;
  }
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  void search();
});
select.addEventListener('change', () => void (input.value.trim() && search()));
input.addEventListener('focus', () => void openDirectory(), { once: true });

const initial = new URLSearchParams(location.search);
input.value = initial.get('q') ?? input.value;
const chosen = initial.get('county');
if (chosen && [...select.options].some((o) => o.value === chosen)) select.value = chosen;
if (input.value.trim()) void search();
