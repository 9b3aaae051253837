/**
 * Builds the demo county for kiosk tests into a folder of its own (never dist/): the Astro build
 * `npm run build` runs, then the same post-build steps (the Workbox offline copies among them).
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadCounty } from '../../src/check/load.ts';
import type { County } from '../../src/check/model.ts';
import { runPostBuildSteps } from '../../scripts/build-steps.ts';
import { copyDemoDist } from './dist.ts';
import { ROOT } from './fixture-tree.ts';

/**
 * Builds into ROOT/.gongkai-build/<name> with the given as-of date (default: the demo's pinned date).
 * With the demo's own date the build would equal this run's shared demo build, so that is copied
 * instead (kiosk tests write into their folder).
 */
export async function buildKioskSite(name: string, asOf = ''): Promise<{ dir: string; county: County }> {
  if (asOf === '') {
    const dir = copyDemoDist(name);
    const county = loadCounty(ROOT, { env: { GONGKAI_AS_OF: asOf } }).county;
    if (!county) throw new Error('demo content does not load');
    return { dir, county };
  }
  const dir = join(ROOT, '.gongkai-build', name);
  rmSync(dir, { recursive: true, force: true });
  const env = { ...process.env, GONGKAI_AS_OF: asOf, ASTRO_TELEMETRY_DISABLED: '1' };
  const run = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dir], { cwd: ROOT, encoding: 'utf8', env });
  if (run.status !== 0) throw new Error(`astro build failed:\n${run.stdout}\n${run.stderr}`);
  const { county, problems } = loadCounty(ROOT, { env: { GONGKAI_AS_OF: asOf } });
  if (!county) throw new Error('demo content does not load');
  await runPostBuildSteps({ root: ROOT, outDir: dir, county, problems, log: () => undefined });
  return { dir, county };
}
