/**
 * `npm run bench [-- <options for bench/county.ts>] [-- --only <name>]`: runs every benchmark in
 * bench/ — bench/county.ts first (options are passed to it), then every other bench/<name>.ts
 * (e.g. posters.ts from the poster work) with no arguments, except that with `--sizes` posters.ts
 * renders each of those generated counties whole (`--villages N`), and province.ts (several whole
 * counties, an hour or more) runs only when asked for with `--only province`. Helpers live in
 * bench/lib and bench/gen and are not run. Exits non-zero if any benchmark failed.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = import.meta.dirname;
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  // Each benchmark's own options, and nothing run.
  console.log('npm run bench -- [--only <county|posters|province|…>] <options of that benchmark>\n');
  for (const name of ['county', 'posters']) spawnSync(process.execPath, [join(dir, `${name}.ts`), '--help'], { stdio: 'inherit' });
  process.exit(0);
}
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
const countyArgs = onlyAt >= 0 ? [...args.slice(0, onlyAt), ...args.slice(onlyAt + 2)] : args;
const sizesAt = countyArgs.indexOf('--sizes');
const sizes = sizesAt >= 0 ? (countyArgs[sizesAt + 1] ?? '').split(',').filter(Boolean) : [];
/** Arguments of each run of a benchmark: county.ts gets ours, posters.ts one run per county size. */
const runsOf = (name: string): string[][] =>
  name === 'county' ? [countyArgs] : name === 'posters' && sizes.length > 0 ? sizes.map((n) => ['--villages', n]) : [[]];

const scripts = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && f !== 'index.ts')
  .map((f) => f.replace(/\.ts$/, ''))
  .sort((a, b) => (a === 'county' ? -1 : b === 'county' ? 1 : a.localeCompare(b)))
  .filter((name) => (only ? name === only : name !== 'province'));

if (scripts.length === 0) {
  console.error(
    `no benchmark named ${only}; have: ${readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .join(', ')}`,
  );
  process.exit(2);
}
const failed: string[] = [];
for (const name of scripts) {
  for (const runArgs of runsOf(name)) {
    console.log(`\n━━ bench/${name}.ts ${runArgs.join(' ')} ━━`);
    const started = performance.now();
    const run = spawnSync(process.execPath, [join(dir, `${name}.ts`), ...runArgs], { stdio: 'inherit' });
    console.log(`━━ bench/${name}.ts ${run.status === 0 ? 'done' : 'FAILED'} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    if (run.status !== 0) failed.push(name);
  }
}
if (failed.length > 0) {
  console.error(`failed: ${failed.join(', ')}`);
  process.exit(1);
}
