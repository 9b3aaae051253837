/**
 * `node scripts/search-first-query.ts <site dir> [query…]` (after a build; the site dir holds pagefind/ and search/):
 * what the first query of a visit fetches, run through the search page's own code (runSearch over the township
 * bundles `openBundles` chooses) with the data of the first screen's results (`PAGE_SIZE`), split by file kind, as a
 * Markdown table. Without queries it measures the issue-12 set (FIRST_QUERIES) plus a village and a township of the
 * county (the first of the first bundle whose name is unique). Pagefind's files are counted once each (the browser
 * caches them) as stored (already gzipped), a chunk of ledger entries as the byte range fetched (gzipped as stored);
 * pagefind.js, the lexicon and the vocabulary gzipped, as nginx sends them (deploy/nginx). The search page itself (about 14 KB) is not counted. The
 * names bundle's files (a masked name or a printed amount opens it) are also given alone. KB are 1,000 bytes, as in
 * issue 18's 150 KB (figures before 2026-12-07's session 14 were KiB, 1,024 bytes). `--from <file>` reads the queries
 * from a file, one a line. After the table: max, mean and how many are over 150 KB and over 140 KB. Figures in
 * docs/search.md and bench/README.md come from here.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUNDLE_BUDGET, FIRST_QUERY_BYTES, openBundles } from '../src/lib/search-bundles.ts';
import { withLedgerEntries } from '../src/lib/search-entries.ts';
import { PAGE_SIZE, runSearch } from '../src/lib/search-run.ts';
import type { LexiconCore, LexiconShard } from '../src/lib/search-shards.ts';
import { openLexicon, openPagefind, readEntryChunk, type NodePagefind, type PagefindResultData } from '../test/helpers/pagefind-node.ts';

/** The queries issue 12 asks to measure: domain words, ledger words, a sentence and an amount. */
const FIRST_QUERIES = ['低保', '光伏', '宅基地', '饮水', '村务监督委员会', '利息', '印花税', '村里修路花了多少钱', '1.25万'];

const [dist, ...rest] = process.argv.slice(2);
if (!dist) throw new Error('用法 Usage: node scripts/search-first-query.ts <site dir> [--from <file>] [query…]');
const from = rest.indexOf('--from');
const given =
  from === -1
    ? rest
    : [
        ...rest.slice(0, from),
        ...readFileSync(rest[from + 1] ?? '', 'utf8')
          .split('\n')
          .filter((line) => line.trim() !== ''),
        ...rest.slice(from + 2),
      ];
const lexicon: LexiconCore = openLexicon(dist).core;
const { folder, count, latin = 0 } = lexicon.shards.lexicon;
const places = Array.from(
  { length: count + latin },
  (_, i) => JSON.parse(readFileSync(join(dist, 'search', folder, `${i}.json`), 'utf8')) as LexiconShard,
).flatMap((s) => s.places.map((p, j) => ({ ...p, bundles: s.placeIn[j] ?? [] })));
const scriptGz = gzipSync(readFileSync(join(dist, 'pagefind', 'pagefind.js'))).length;
/** The names bundle's folder (src/lib/search-bundles.ts SearchBundle.names), if the county has one. */
const namesId = lexicon.directory.bundles.find((b) => b.names)?.id;
const kb = (bytes: number) => (bytes / 1000).toFixed(1);

function placeQueries(): string[] {
  const first = lexicon.directory.bundles[0]!;
  const unique = (name: string) => new Set(places.filter((p) => p.name === name).map((p) => p.kind + p.keys.join())).size === 1;
  const village = places.find((p) => p.kind === 'village' && p.bundles.includes(0) && unique(p.name))?.name;
  return [village, first.townships.find(unique)].filter((q): q is string => q !== undefined);
}

const queries = given.length > 0 ? given : [...FIRST_QUERIES, ...placeQueries()];
console.log(
  `| query | results | bundles | total KB | pagefind.js | lexicon (files) | vocabulary (files) | metadata | wasm | index | filters | fragments | entries | names bundle |`,
);
console.log(`| --- | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: | --: |`);
const totals: { query: string; bytes: number }[] = [];
for (const q of queries) {
  const opened = new Map<number, Promise<NodePagefind>>();
  const openBundle = (i: number) => {
    const id = lexicon.directory.bundles[i]!.id;
    if (!opened.has(i)) opened.set(i, openPagefind(resolve(dist), 'zh-CN', id));
    return opened.get(i)!.then((pf) => withLedgerEntries(pf.api, (file, range) => readEntryChunk(resolve(dist), id, file, range)));
  };
  // A new visit: the lexicon's core and the shards this query needs, read afresh.
  const visit = openLexicon(dist);
  const answer = await runSearch(openBundles(visit.loader.lexicon.directory, {}, openBundle, BUNDLE_BUDGET), visit.loader.forQuery, q, {}, 'relevance', {
    describe: (d: PagefindResultData) => ({ title: d.meta['title'] ?? '', superseded: Boolean(d.meta['note']) }),
    loadVocabulary: visit.loadVocabulary,
  });
  const searchFiles = [...visit.files].map(([path, bytes]) => ({ vocabulary: path.startsWith('vocabulary-'), gz: gzipSync(bytes).length }));
  const lexiconFiles = searchFiles.filter((f) => !f.vocabulary);
  const vocabularyFiles = searchFiles.filter((f) => f.vocabulary);
  const lexiconGz = lexiconFiles.reduce((sum, f) => sum + f.gz, 0);
  const vocabularyGz = vocabularyFiles.reduce((sum, f) => sum + f.gz, 0);
  await Promise.all(answer.outcome.hits.slice(0, PAGE_SIZE).map((h) => h.data()));
  const files = new Map<string, number>();
  for (const pf of opened.values()) for (const f of (await pf).fetched) files.set(f.path, f.bytes);
  const of = (re: RegExp) => [...files].filter(([path]) => re.test(path)).reduce((sum, [, bytes]) => sum + bytes, 0);
  const total = [...files.values()].reduce((sum, b) => sum + b, 0) + lexiconGz + scriptGz + vocabularyGz;
  totals.push({ query: q, bytes: total });
  const scope = answer.scope ?? { now: [], later: [] };
  const cells = [
    `${q}${answer.corrected ? ` (as ${answer.corrected})` : ''}`,
    String(answer.outcome.hits.length),
    `${scope.now.length} of ${lexicon.directory.bundles.length}`,
    `**${kb(total)}**`,
    kb(scriptGz),
    `${kb(lexiconGz)} (${lexiconFiles.length})`,
    `${kb(vocabularyGz)} (${vocabularyFiles.length})`,
    kb(of(/pf_meta$/)),
    kb(of(/wasm/)),
    kb(of(/pf_index$/)),
    kb(of(/pf_filter$/)),
    kb(of(/pf_fragment$/)),
    kb(of(/entries\/[^/]+#\d+$/)),
    kb(namesId === undefined ? 0 : of(new RegExp(`^${namesId}/`))),
  ];
  console.log(`| ${cells.join(' | ')} |`);
  for (const pf of opened.values()) await (await pf).close();
}
const over = (bytes: number) => totals.filter((t) => t.bytes > bytes).length;
const max = totals.reduce((a, b) => (b.bytes > a.bytes ? b : a));
const mean = totals.reduce((sum, t) => sum + t.bytes, 0) / totals.length;
console.log(
  `\n${queries.length} queries: max ${kb(max.bytes)} KB (${max.query}), mean ${kb(mean)}; over 150 KB ${over(FIRST_QUERY_BYTES)}, over 140 KB ${over(140_000)}.`,
);
console.log(over(FIRST_QUERY_BYTES) === 0 ? 'Every query is within 150 KB.' : `${over(FIRST_QUERY_BYTES)} of ${queries.length} queries are over 150 KB.`);
