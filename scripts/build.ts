/**
 * `npm run build [-- --root <dir>] [-- --out <dir>]`: checks <root>/content (default: the current
 * folder), builds the site into a staging folder and only then swaps it in as <out> (default
 * <root>/dist). A failed check or build leaves the previous output exactly as it was.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDigest, writeCountyCache } from '../src/check/county-cache.ts';
import { formatProblems } from '../src/check/format.ts';
import { loadCounty } from '../src/check/load.ts';
import { runPostBuildSteps } from '../src/integrations/post-build.ts';
import { recordTiming, timed } from '../src/integrations/timings.ts';

const { values } = parseArgs({ options: { root: { type: 'string' }, out: { type: 'string' } } });
const started = performance.now();
const project = join(import.meta.dirname, '..');
const root = resolve(values.root ?? process.cwd());
// The digest is taken before reading, so an edit made while we check makes the Astro process
// check again instead of building from this model (src/check/county-cache.ts).
const digest = timed('digest', () => contentDigest(root));
const result = timed('check', () => loadCounty(root));
if (result.problems.length > 0) console.log(formatProblems(result.problems));
if (!result.county) {
  console.error('\n构建已停止，dist/ 未改动。 Build stopped; dist/ was left untouched.');
  process.exit(1);
}

const dist = resolve(values.out ?? join(root, 'dist'));
const work = join(root, '.gongkai-build');
const staging = join(work, `dist-${process.pid}`);
const old = join(work, `old-${process.pid}`);
mkdirSync(work, { recursive: true });
rmSync(staging, { recursive: true, force: true });
const countyCache = join(work, `county-${process.pid}.json`);
timed('county-cache', () => writeCountyCache(countyCache, result.county!, digest));
process.on('exit', () => rmSync(countyCache, { force: true }));

const astro = timed('astro', () =>
  spawnSync(process.execPath, [join(project, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: project,
    stdio: 'inherit',
    env: { ...process.env, GONGKAI_ROOT: root, GONGKAI_OUT_DIR: staging, GONGKAI_COUNTY_CACHE: countyCache, ASTRO_TELEMETRY_DISABLED: '1' },
  }),
);
if (astro.status !== 0 || !existsSync(join(staging, 'index.html'))) {
  rmSync(staging, { recursive: true, force: true });
  console.error('\n构建失败，dist/ 未改动。 Build failed; dist/ was left untouched.');
  process.exit(1);
}

try {
  const postStarted = performance.now();
  await runPostBuildSteps({ root, outDir: staging, county: result.county, log: (m) => console.log(m) });
  recordTiming('post-build', performance.now() - postStarted);
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  console.error(error);
  console.error('\n构建失败，dist/ 未改动。 Build failed; dist/ was left untouched.');
  process.exit(1);
}

timed('swap', () => {
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(staging, dist);
  rmSync(old, { recursive: true, force: true });
});
recordTiming('total', performance.now() - started);
console.log(`\n已生成 ${values.out ? dist : 'dist/'}（数据截至 ${result.county.asOf}）。 Built ${values.out ? dist : 'dist/'} (as of ${result.county.asOf}).`);
