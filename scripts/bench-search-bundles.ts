/**
 * `node scripts/bench-search-bundles.ts <county folder> <township> <max pages per bundle>` (after building the county):
 * indexes one township's record pages of a built county on their own (`all`: every township, the county's lexicon), with bundles of at most the given pages
 * (`Infinity`: the whole township as one bundle), into /tmp/gongkai-bundles-<max pages>/, and prints the indexing time
 * and what 低保, 利息 and 村务监督委员会 fetch first (scripts/search-first-query.ts). The lexicon is the township's, not
 * the county's. Figures in docs/search.md ("Measured") come from here.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadCounty } from '../src/check/load.ts';
import { buildSearchIndex } from '../src/integrations/search-index.ts';
import { getSearchInput } from '../src/data/search.ts';

const [root, township, maxPages] = process.argv.slice(2);
if (!root || !township || !maxPages) throw new Error('用法 Usage: node scripts/bench-search-bundles.ts <county folder> <township> <max pages>');
const county = loadCounty(root, { env: {} }).county;
if (!county) throw new Error(`${root}: 内容检查未通过 content does not check`);
const villages = county.villages.filter((v) => township === 'all' || v.data.township === township);
const out = `/tmp/gongkai-bundles-${maxPages}`;
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'v'), { recursive: true });
for (const v of villages) cpSync(join(root, 'dist', 'v', v.id), join(out, 'v', v.id), { recursive: true, dereference: true });
const started = performance.now();
const r = await buildSearchIndex({ outDir: out, search: getSearchInput({ ...county, villages }) }, { maxBundlePages: Number(maxPages) });
console.log(`${township}: ${villages.length} villages, ${r.pages} pages, indexed in ${Math.round(performance.now() - started)} ms`);
console.log(
  execFileSync(process.execPath, [join(import.meta.dirname, 'search-first-query.ts'), out, '低保', '利息', '村务监督委员会', '光伏', '宅基地'], {
    encoding: 'utf8',
  }),
);
