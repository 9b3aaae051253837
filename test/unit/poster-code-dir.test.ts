/**
 * The poster cache's keys hash the drawing code (src/posters/cache.ts `getRenderIdentity`), which the page process reads
 * from a build chunk in the staging folder: it must find the same src/posters as the build process, or the pages and
 * the poster step would key the same poster differently. For a county folder outside the project, the chunk sits in
 * <county>/.gongkai-build/dist-<pid>/.prerender/chunks and the project is found through the node_modules link the build
 * made in the work folder (scripts/build-run.ts).
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { getCodeDir } from '../../src/posters/cache.ts';

const scratch = mkdtempSync(join(tmpdir(), 'gongkai-code-dir-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A project folder with the poster sources getCodeDir looks for, and its node_modules (a folder, or a link to `modules`). */
function makeProject(name: string, modules?: string): string {
  const project = join(scratch, name);
  mkdirSync(join(project, 'src/posters'), { recursive: true });
  for (const f of ['layout.ts', 'cache.ts']) writeFileSync(join(project, 'src/posters', f), '');
  if (modules) symlinkSync(modules, join(project, 'node_modules'));
  else mkdirSync(join(project, 'node_modules'));
  return project;
}

const chunksOf = (work: string) => {
  const chunks = join(work, 'dist-1', '.prerender', 'chunks');
  mkdirSync(chunks, { recursive: true });
  return chunks;
};

describe('the poster drawing code a build chunk hashes', () => {
  it('is the project’s src/posters for a county folder outside the project, found through the work folder’s node_modules link', () => {
    const project = makeProject('project');
    const work = join(scratch, 'county', '.gongkai-build');
    mkdirSync(work, { recursive: true });
    symlinkSync(join(project, 'node_modules'), join(work, 'node_modules'));
    // The page process runs in the work folder, which holds no code.
    expect(getCodeDir(chunksOf(work), work)).toBe(join(project, 'src/posters'));
  });

  it('is the checkout’s own src/posters for its own county, even when its node_modules links to another checkout’s', () => {
    const other = makeProject('other');
    const worktree = makeProject('worktree', join(other, 'node_modules'));
    const work = join(worktree, '.gongkai-build');
    expect(getCodeDir(chunksOf(work), work)).toBe(join(worktree, 'src/posters'));
  });

  it('is the folder of the module itself when it runs unbundled', () => {
    expect(getCodeDir()).toBe(dirname(fileURLToPath(new URL('../../src/posters/cache.ts', import.meta.url))));
  });
});
