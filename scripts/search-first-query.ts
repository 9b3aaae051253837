/**
 * `node scripts/search-first-query.ts <site dir> <query>…` (after a build; the site dir holds pagefind/ and search/):
 * what the first query of a visit fetches, run through the search page's own code (runSearch over the township
 * bundles `openBundles` chooses) with the data of the first screen's results (`PAGE_SIZE`), split by file kind. Pagefind's files are
 * counted once each (the browser caches them) as stored (already gzipped), pagefind.js and the lexicon gzipped; the
 * search page itself (about 14 KB) is not counted. Figures in docs/search.md come from here.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUNDLE_BUDGET, openBundles, type SplitLexicon } from '../src/lib/search-bundles.ts';
import { PAGE_SIZE, runSearch } from '../src/lib/search-run.ts';
import type { SearchVocabulary } from '../src/lib/search-suggest.ts';
import { openPagefind, type NodePagefind, type PagefindResultData } from '../test/helpers/pagefind-node.ts';

const [dist, ...queries] = process.argv.slice(2);
if (!dist || queries.length === 0) throw new Error('用法 Usage: node scripts/search-first-query.ts <site dir> <query>…');
const lexiconText = readFileSync(join(dist, 'search', 'lexicon.json'));
const lexicon = JSON.parse(lexiconText.toString('utf8')) as SplitLexicon;
const lexiconGz = gzipSync(lexiconText).length;
const scriptGz = gzipSync(readFileSync(join(dist, 'pagefind', 'pagefind.js'))).length;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
for (const q of queries) {
  const opened = new Map<number, Promise<NodePagefind>>();
  const openBundle = (i: number) => {
    if (!opened.has(i)) opened.set(i, openPagefind(resolve(dist), 'zh-CN', lexicon.directory.bundles[i]!.id));
    return opened.get(i)!.then((pf) => pf.api);
  };
  let vocabularyGz = 0;
  const answer = await runSearch(openBundles(lexicon.directory, {}, openBundle, BUNDLE_BUDGET), lexicon, q, {}, 'relevance', {
    describe: (d: PagefindResultData) => ({ title: d.meta['title'] ?? '', superseded: Boolean(d.meta['note']) }),
    loadVocabulary: async () => {
      const text = readFileSync(join(dist, 'search', 'vocabulary.json'));
      vocabularyGz = gzipSync(text).length;
      return JSON.parse(text.toString('utf8')) as SearchVocabulary;
    },
  });
  await Promise.all(answer.outcome.hits.slice(0, PAGE_SIZE).map((h) => h.data()));
  const files = new Map<string, number>();
  for (const pf of opened.values()) for (const f of (await pf).fetched) files.set(f.path, f.bytes);
  const of = (re: RegExp) => [...files].filter(([path]) => re.test(path)).reduce((sum, [, bytes]) => sum + bytes, 0);
  const total = [...files.values()].reduce((sum, b) => sum + b, 0) + lexiconGz + scriptGz + vocabularyGz;
  const scope = answer.scope ?? { now: [], later: [] };
  console.log(
    `${q}: ${answer.outcome.hits.length} results${answer.corrected ? ` (as ${answer.corrected})` : ''} in ${scope.now.length} of ${lexicon.directory.bundles.length} township bundles; first query ${kb(total)} KB = pagefind.js ${kb(scriptGz)} + lexicon ${kb(lexiconGz)}${vocabularyGz ? ` + vocabulary ${kb(vocabularyGz)}` : ''} + metadata ${kb(of(/pf_meta$/))} + wasm ${kb(of(/wasm/))} + index ${kb(of(/pf_index$/))} + filters ${kb(of(/pf_filter$/))} + fragments ${kb(of(/pf_fragment$/))} + entries ${kb(of(/entry\.json$/))}`,
  );
  for (const pf of opened.values()) await (await pf).close();
}
