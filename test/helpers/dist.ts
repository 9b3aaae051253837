/**
 * The demo county built once per test run, shared by every build-level and browser test that only
 * reads it. test/setup/demo-build.ts (a Vitest globalSetup) makes a fresh folder for each run; the
 * first test file that needs the build makes it there with `npm run build`'s script, and later files
 * reuse it. Never the developer's dist/, which may be stale. Tests that write into a build copy it
 * first (copyDemoDist); tests that need a build of other content or code still make their own.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { ROOT } from './fixture-tree.ts';

function runDir(): string {
  const dir = inject('demoBuildDir');
  if (!dir) throw new Error('no demoBuildDir: run the tests with vitest.config.ts (globalSetup test/setup/demo-build.ts)');
  return dir;
}

/** Where this run's demo build is (or will be); call ensureDemoDist() before reading it. */
export function demoDistPath(): string {
  return join(runDir(), 'dist');
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds this run's demo county unless an earlier test file already did; returns the folder and the
 * build's output. Test files that run at the same time (vitest.config.ts) build it once: the first
 * takes the lock folder, the others wait for its log (or take over if that build failed).
 */
export function ensureDemoDist(): { dist: string; log: string } {
  const dist = demoDistPath();
  const logFile = join(runDir(), 'build.log');
  const lock = join(runDir(), 'build.lock');
  // The log is written after scripts/build.ts swapped the finished output in.
  while (!existsSync(logFile)) {
    try {
      mkdirSync(lock);
    } catch {
      sleep(500);
      continue;
    }
    try {
      const run = spawnSync(process.execPath, ['scripts/build.ts', '--out', dist, '--full'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, GONGKAI_AS_OF: '' },
      });
      if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
      writeFileSync(logFile, run.stdout);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return { dist, log: readFileSync(logFile, 'utf8') };
}

/**
 * A copy of this run's demo build in the run's folder (copies/<name>, removed with it), for a test
 * that writes into it.
 */
export function copyDemoDist(name: string): string {
  const { dist } = ensureDemoDist();
  const dir = join(runDir(), 'copies', name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(dist, dir, { recursive: true, dereference: true });
  return dir;
}

/**
 * Copies the project's poster cache into `root` once this run's shared demo build has filled it, so a
 * test's own build of (nearly) the demo content renders only the posters its changes touch, whichever
 * test file happens to run first.
 */
export function copyPosterCache(root: string): void {
  ensureDemoDist();
  const cache = join(ROOT, '.gongkai-cache');
  if (existsSync(cache)) cpSync(cache, join(root, '.gongkai-cache'), { recursive: true });
}
