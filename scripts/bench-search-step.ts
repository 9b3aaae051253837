/**
 * `node scripts/bench-search-step.ts <county folder> [villages] [workers]` (after building the county): the search
 * index step alone (`buildSearchIndex`) on a hard-linked copy of the county's built site in /tmp/gongkai-search-step/,
 * for the first `villages` villages (all by default), and prints its wall time and CPU: this process's threads and
 * the Pagefind processes apart (docs/benchmarks.md, "the search index step"). Loading the county is not counted.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadCounty } from '../src/check/load.ts';
import { buildSearchIndex } from '../src/integrations/search-index.ts';
import { getSearchInput } from '../src/data/search.ts';

const [root, villagesArg, workersArg] = process.argv.slice(2);
if (!root) throw new Error('用法 Usage: node scripts/bench-search-step.ts <county folder> [villages] [workers]');
const loaded = loadCounty(root, { env: {} }).county;
if (!loaded) throw new Error(`${root}: 内容检查未通过 content does not check`);
const villages = villagesArg ? loaded.villages.slice(0, Number(villagesArg)) : loaded.villages;
const county = { ...loaded, villages };
const site = join(root, 'dist');
const out = '/tmp/gongkai-search-step';
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'v'), { recursive: true });
for (const name of readdirSync(site)) if (name !== 'pagefind' && name !== 'v') execFileSync('cp', ['-al', join(site, name), out]);
for (const v of villages) execFileSync('cp', ['-al', join(site, 'v', v.id), join(out, 'v')]);
// The lexicon as the step writes it (lexicon.json and its shard folders, src/integrations/search-index.ts): written afresh, as in a cold build.
for (const name of readdirSync(join(out, 'search')))
  if (/^(lexicon|vocabulary)(-[0-9a-f]+|\.json)$/.test(name)) rmSync(join(out, 'search', name), { recursive: true, force: true });

/** CPU milliseconds of this process (all its threads) and of its finished child processes (Pagefind), from /proc. */
function cpu(): { self: number; children: number } {
  const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ').map(Number);
  const tick = 1000 / 100;
  return { self: (f[11]! + f[12]!) * tick, children: (f[13]! + f[14]!) * tick };
}

const before = cpu();
const started = performance.now();
const r = await buildSearchIndex({ outDir: out, search: getSearchInput(county) }, workersArg ? { workers: Number(workersArg) } : {});
const wall = performance.now() - started;
const after = cpu();
console.log(
  `${villages.length} villages, ${r.pages} record pages, ${(r.bytes / 1e6).toFixed(1)} MB: ${(wall / 1000).toFixed(1)} s wall, CPU ${((after.self - before.self) / 1000).toFixed(1)} s here + ${((after.children - before.children) / 1000).toFixed(1)} s Pagefind`,
);
