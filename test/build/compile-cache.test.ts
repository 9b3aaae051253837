/**
 * The build process keeps V8's compiled code of its modules in the checkout's Node compile cache
 * (`.astro-cache/node-compile-cache`, scripts/build.ts), as the page process does: the next build reads them back
 * instead of compiling them again.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeProjectTree } from '../helpers/project-tree.ts';

const tree = makeProjectTree();
// A county folder with nothing in it: the build loads its modules, finds no site.yaml and stops.
const empty = mkdtempSync(join(tmpdir(), 'gongkai-empty-county-'));
afterAll(() => {
  tree.cleanup();
  rmSync(empty, { recursive: true, force: true });
});
const cache = join(tree.root, '.astro-cache', 'node-compile-cache');
const build = (env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['scripts/build.ts', '--root', empty], { cwd: tree.root, encoding: 'utf8', env: { ...process.env, ...env } });

describe("the build process's compile cache", () => {
  it("keeps the compiled code of the build's own modules, and the next build reads it back instead of compiling them again", () => {
    expect(existsSync(cache)).toBe(false);
    const first = build();
    // No site.yaml: the build stops after its check, with its modules loaded.
    expect(first.status, first.stdout + first.stderr).toBe(1);
    expect(first.stdout + first.stderr).toContain('构建已停止');
    expect(readdirSync(cache, { recursive: true }).length).toBeGreaterThan(10);
    const second = build({ NODE_DEBUG_NATIVE: 'COMPILE_CACHE' });
    const read = (module: string) =>
      new RegExp(`reading cache from .* for ESM file://.*/${module.replace(/[./]/g, '\\$&')}\\.\\.\\..* success`).test(second.stderr);
    expect(read('scripts/build-run.ts'), second.stderr.slice(0, 2000)).toBe(true);
    expect(read('src/check/digest.ts')).toBe(true);
  });
});
