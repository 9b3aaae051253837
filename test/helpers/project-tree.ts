/**
 * A whole project in a temporary folder (src, scripts, config and a copy of content/, with
 * node_modules linked), so a test can run the real `npm run build` / `npm run new` / `npm run
 * import` against changed content or even changed code without touching this checkout.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyPosterCache } from './dist.ts';
import { ROOT } from './fixture-tree.ts';

export function makeProjectTree(): { root: string; cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-project-'));
  for (const entry of ['src', 'scripts', 'content', 'astro.config.mjs', 'package.json', 'tsconfig.json'])
    cpSync(join(ROOT, entry), join(root, entry), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  // The poster cache, so posters of records the test does not change are reused, not rendered again.
  copyPosterCache(root);
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * Copies this checkout's code (everything its code fingerprint covers: src, public, the build scripts,
 * the Astro config and the lock file) into the content tree `root` and links node_modules, so that
 * `root/scripts/build.ts` builds it as a project of its own: Astro's .astro/ and Vite's cache, the
 * staging and release folders and the poster cache are all under `root`, and builds of two test files
 * can run at the same time (vitest.config.ts). Same code, so an earlier build's last-build record of
 * this checkout still applies. Returns the build script to run.
 */
export function addProjectCode(root: string): string {
  for (const entry of ['src', 'scripts', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'])
    cpSync(join(ROOT, entry), join(root, entry), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  return join(root, 'scripts', 'build.ts');
}

/**
 * Builds the county in `root` with its own copy of the code (`buildScript`, from addProjectCode) as of the day `asOf`,
 * as the nightly refresh does; fails with the build's output when it fails. Returns what the build printed.
 */
export function buildAsOf(buildScript: string, root: string, asOf: string, ...args: string[]): string {
  const run = spawnSync(process.execPath, [buildScript, '--root', root, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, GONGKAI_AS_OF: asOf },
  });
  if (run.status !== 0) throw new Error(`build as of ${asOf} failed (${run.status}):\n${run.stdout.slice(-4000)}\n${run.stderr}`);
  return run.stdout + run.stderr;
}
