/**
 * The province search page in the browser. The province's own Pagefind index is small: villages,
 * townships and running notices of every county (src/province/assemble.ts). When a county is
 * chosen, the township bundles of that county's split index (/<id>/pagefind/<bundle>/) that the
 * query needs — chosen from the county's directory (/<id>/search/lexicon.json) as its own search
 * page chooses them — are merged into the same instance with `mergeIndex`, tagged with a `county`
 * filter, so its records are searched with the same query plan as on the county's own search page.
 * A county whose bundles are missing or do not answer in time is named in the status line; the
 * rest of the search still works.
 */
import { chooseBundles } from '../lib/search-bundles.ts';
import { planQuery, type SearchLexicon } from '../lib/search-query.ts';
import { runPlan, type PagefindLike } from '../lib/search-run.ts';
import { makeLexiconLoader, type LexiconCore, type LexiconShard } from '../lib/search-shards.ts';

interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
type Api = PagefindLike<ResultData> & { options(o: object): Promise<void>; mergeIndex(path: string, o: object): Promise<void> };

/** How long a county's bundle may take to answer before the search goes on without it. */
const COUNTY_TIMEOUT_MS = 8000;
// As many as the county search page shows first: every result costs its fragment (a ledger's holds all its entries).
const SHOWN = 10;

const form = document.getElementById('province-search') as HTMLFormElement;
const input = form.elements.namedItem('q') as HTMLInputElement;
const select = form.elements.namedItem('county') as HTMLSelectElement;
const status = document.getElementById('province-status')!;
const list = document.getElementById('province-results') as HTMLOListElement;
const base = form.dataset['base'] ?? '/';
const countyName = (id: string) => select.querySelector<HTMLOptionElement>(`option[value="${CSS.escape(id)}"]`)?.textContent?.replace('（暂缺）', '') ?? id;

let engine: Promise<Api> | undefined;
function loadEngine(): Promise<Api> {
  engine ??= (async () => {
    const pagefind = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as { createInstance(o: object): Api };
    const api = pagefind.createInstance({ basePath: `${base}pagefind/`, baseUrl: '/', noWorker: true });
    await api.options({ excerptLength: 30 });
    return api;
  })();
  return engine;
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
const merged = new Map<string, Promise<boolean>>();
/** Merges one bundle of county `id` once; false when it is missing or broken. */
function mergeBundle(api: Api, id: string, bundle: string): Promise<boolean> {
  const path = `${base}${id}/pagefind/${bundle}/`;
  let done = merged.get(path);
  if (!done) {
    done = (async () => {
      const entry = await fetch(`${path}pagefind-entry.json`);
      if (!entry.ok) return false;
      await api.mergeIndex(path, { baseUrl: `${base}${id}/`, mergeFilter: { county: id } });
      return true;
    })().catch(() => false);
    void done.then((ok) => ok || merged.delete(path));
    merged.set(path, done);
  }
  return done;
}
/**
 * Opens what `query` needs of county `id` within COUNTY_TIMEOUT_MS: its lexicon and the bundles the
 * query needs. Undefined when the county is missing, broken or late; `later` names the townships
 * left out to keep the first search small.
 */
async function openCounty(api: Api, id: string, query: string): Promise<{ lexicon: SearchLexicon; later: string[] } | undefined> {
  const attempt = (async () => {
    const loader = await countyLexicon(id);
    if (!loader) return false;
    const lexicon = await loader.forQuery(query);
    const { now, later } = chooseBundles(lexicon.directory, planQuery(query, lexicon), {});
    const ok = await Promise.all(now.map((i) => mergeBundle(api, id, lexicon.directory.bundles[i]!.id)));
    return ok.every(Boolean) ? { lexicon, later: later.flatMap((i) => lexicon.directory.bundles[i]!.townships) } : false;
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
    const api = await loadEngine();
    let scope: PagefindLike<ResultData> = api;
    let lexicon: SearchLexicon = { places: [], t2s: '' };
    if (county) {
      const opened = await openCounty(api, county, query);
      if (opened) {
        lexicon = opened.lexicon;
        scope = { search: (term, o) => api.search(term, { ...o, filters: { ...(o.filters ?? {}), county } }) };
        if (opened.later.length > 0) notes.push(`为节省流量，只搜索了${countyName(county)}的部分乡镇；其余 ${opened.later.length} 个乡镇请到该县网站搜索。`);
      } else {
        notes.push(`${countyName(county)}的全文搜索暂时无法使用（索引缺失或未及时响应），下面只列出全省目录中的结果。`);
      }
    }
    const outcome = await runPlan(scope, planQuery(query, lexicon));
    if (mine !== generation) return;
    const data = await Promise.all(outcome.hits.slice(0, SHOWN).map((h) => h.data()));
    for (const d of data) {
      const li = el('li');
      const a = el('a', clean(d.meta['title'] ?? d.url));
      a.href = d.url;
      // Directory records carry their county's name; a county's own records are from the chosen county.
      li.append(a, el('p', `${d.meta['county'] ?? countyName(county)} · ${d.meta['kind'] ?? '全文'}`), el('p', clean(d.excerpt)));
      list.append(li);
    }
    notes.push(
      outcome.hits.length === 0
        ? `没有找到含有“${query}”的村、乡镇或事项。`
        : `找到 ${outcome.hits.length} 条${outcome.hits.length > SHOWN ? `，显示前 ${SHOWN} 条` : ''}。`,
    );
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
input.addEventListener('focus', () => void loadEngine(), { once: true });

const initial = new URLSearchParams(location.search);
input.value = initial.get('q') ?? input.value;
const chosen = initial.get('county');
if (chosen && [...select.options].some((o) => o.value === chosen)) select.value = chosen;
if (input.value.trim()) void search();
