/**
 * The built demo county in dist/. test/build/site.test.ts builds it in its beforeAll; tests that
 * only read dist/ (budgets, accessibility) build it themselves when it is missing, so each file can
 * also run alone. Vitest runs test files one after another (vitest.config.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './fixture-tree.ts';

export const DIST = join(ROOT, 'dist');

/** Builds the demo county into dist/ with `npm run build`'s script unless it is already there. */
export function ensureDist(): string {
  if (!existsSync(join(DIST, 'index.html'))) {
    const run = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, GONGKAI_AS_OF: '' } });
    if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
  }
  return DIST;
}
