/**
 * `npm run build`: checks content/, builds the site into a staging folder and only then swaps it in
 * as dist/. A failed check or build leaves the previous dist/ exactly as it was.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblems } from '../src/check/format.ts';
import { loadCounty } from '../src/check/load.ts';
import { runPostBuildSteps } from '../src/integrations/post-build.ts';

const root = process.cwd();
const result = loadCounty(root);
if (result.problems.length > 0) console.log(formatProblems(result.problems));
if (!result.county) {
  console.error('\n构建已停止，dist/ 未改动。 Build stopped; dist/ was left untouched.');
  process.exit(1);
}

const work = join(root, '.gongkai-build');
const staging = join(work, `dist-${process.pid}`);
const old = join(work, `old-${process.pid}`);
mkdirSync(work, { recursive: true });
rmSync(staging, { recursive: true, force: true });

const astro = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
  stdio: 'inherit',
  env: { ...process.env, GONGKAI_OUT_DIR: staging, ASTRO_TELEMETRY_DISABLED: '1' },
});
if (astro.status !== 0 || !existsSync(join(staging, 'index.html'))) {
  rmSync(staging, { recursive: true, force: true });
  console.error('\n构建失败，dist/ 未改动。 Build failed; dist/ was left untouched.');
  process.exit(1);
}

try {
  await runPostBuildSteps({ root, outDir: staging, county: result.county, log: (m) => console.log(m) });
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  console.error(error);
  console.error('\n构建失败，dist/ 未改动。 Build failed; dist/ was left untouched.');
  process.exit(1);
}

const dist = join(root, 'dist');
if (existsSync(dist)) renameSync(dist, old);
renameSync(staging, dist);
rmSync(old, { recursive: true, force: true });
console.log(`\n已生成 dist/（数据截至 ${result.county.asOf}）。 Built dist/ (as of ${result.county.asOf}).`);
