/**
 * Builds the demo county for kiosk tests into a folder of its own (never dist/): the Astro build
 * `npm run build` runs, then the same post-build steps (the Workbox offline copies among them).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCounty } from '../../src/check/load.ts';
import type { County } from '../../src/check/model.ts';
import { runAllPostBuildSteps } from '../../scripts/build-steps.ts';
import { copyDemoDist, copyPosterCache } from './dist.ts';
import { ROOT } from './fixture-tree.ts';
import { addProjectCode } from './project-tree.ts';

/**
 * Builds into a temporary folder with the given as-of date (default: the demo's pinned date). The build
 * runs in a project of its own (a copy of this checkout's code and content with a copy of the poster
 * cache), so it never touches this checkout's .astro/, caches or poster cache. With the demo's own date
 * the build would equal this run's shared demo build, so that is copied instead (copyDemoDist: kiosk
 * tests write into their folder).
 */
export async function buildKioskSite(name: string, asOf = ''): Promise<{ dir: string; county: County }> {
  if (asOf === '') {
    const dir = copyDemoDist(name);
    const county = loadCounty(ROOT, { env: { GONGKAI_AS_OF: asOf } }).county;
    if (!county) throw new Error('demo content does not load');
    return { dir, county };
  }
  const dir = mkdtempSync(join(tmpdir(), `gongkai-${name}-`));
  const project = mkdtempSync(join(tmpdir(), 'gongkai-kiosk-project-'));
  try {
    cpSync(join(ROOT, 'content'), join(project, 'content'), { recursive: true });
    addProjectCode(project);
    copyPosterCache(project);
    const env = { ...process.env, GONGKAI_AS_OF: asOf, ASTRO_TELEMETRY_DISABLED: '1' };
    const run = spawnSync(process.execPath, [join(project, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dir], {
      cwd: project,
      encoding: 'utf8',
      env,
    });
    if (run.status !== 0) throw new Error(`astro build failed:\n${run.stdout}\n${run.stderr}`);
    const { county, problems } = loadCounty(project, { env: { GONGKAI_AS_OF: asOf } });
    if (!county) throw new Error('demo content does not load');
    await runAllPostBuildSteps({ root: project, outDir: dir, county, problems, log: () => undefined });
    return { dir, county };
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}
