/**
 * `node scripts/search-first-query.ts <site dir> <query>…` (after a build; the site dir holds pagefind/ and search/):
 * what the first query of a visit fetches, run through the search page's own code (runSearch) with the data of the
 * first 10 results, split by file kind. Pagefind's files are counted as stored (already gzipped), pagefind.js and the
 * lexicon gzipped; the search page itself (about 14 KB) is not counted. Figures in docs/search.md come from here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { SearchLexicon } from '../src/lib/search-query.ts';
import { runSearch } from '../src/lib/search-run.ts';
import type { SearchVocabulary } from '../src/lib/search-suggest.ts';
import { openPagefind, type PagefindResultData } from '../test/helpers/pagefind-node.ts';

const [dist, ...queries] = process.argv.slice(2);
if (!dist || queries.length === 0) throw new Error('用法 Usage: node scripts/search-first-query.ts <site dir> <query>…');
const lexiconText = readFileSync(join(dist, 'search', 'lexicon.json'));
const lexicon = JSON.parse(lexiconText.toString('utf8')) as SearchLexicon;
const lexiconGz = gzipSync(lexiconText).length;
const scriptGz = gzipSync(readFileSync(join(dist, 'pagefind', 'pagefind.js'))).length;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
for (const q of queries) {
  const pf = await openPagefind(dist);
  const answer = await runSearch(pf.api as never, lexicon, q, {}, 'relevance', {
    describe: (d: PagefindResultData) => ({ title: d.meta['title'] ?? '', superseded: Boolean(d.meta['note']) }),
    loadVocabulary: async () => JSON.parse(readFileSync(join(dist, 'search', 'vocabulary.json'), 'utf8')) as SearchVocabulary,
  });
  await Promise.all(answer.outcome.hits.slice(0, 10).map((h) => h.data()));
  const of = (re: RegExp) => pf.fetched.filter((f) => re.test(f.path)).reduce((sum, f) => sum + f.bytes, 0);
  const total = pf.fetched.reduce((sum, f) => sum + f.bytes, 0) + lexiconGz + scriptGz;
  console.log(
    `${q}: ${answer.outcome.hits.length} results; first query ${kb(total)} KB = pagefind.js ${kb(scriptGz)} + lexicon ${kb(lexiconGz)} + metadata ${kb(of(/pf_meta$/))} + wasm ${kb(of(/wasm/))} + index ${kb(of(/pf_index$/))} + filters ${kb(of(/pf_filter$/))} + fragments ${kb(of(/pf_fragment$/))}`,
  );
  await pf.close();
}
