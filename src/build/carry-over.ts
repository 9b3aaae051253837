/**
 * An incremental build's carry-over (scripts/build.ts): every file of the published output that this build did not
 * write is hard-linked into its staging folder, except the folders of the villages under v/ that it rendered again
 * (or that are gone).
 *
 * A folder the staging folder does not have yet (an unchanged village's, the search index's, the log's: most of the
 * output) is linked whole by one `cp -RPl` per destination folder, run side by side: a C loop of link(2) calls, about a
 * tenth of Node's CPU for the same links (docs/benchmarks.md, session 8). The rest, and any tree `cp` could not link
 * (no GNU or BSD `cp`, another file system), is done here, file by file, a few at a time on libuv's threads, never
 * over a file that is already there: a file this build wrote stays its own, and no write ever reaches the published
 * release through a link.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { copyFile, link, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Runs `fn` on every item, 16 at a time. */
async function pool<T>(items: readonly T[], fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

/** Hard-links the trees `sources` into the existing folder `into` with `cp`; false when that failed in any way. */
function linkTrees(sources: readonly string[], into: string): Promise<boolean> {
  return new Promise((done) => {
    const child = spawn('cp', ['-RPl', '--', ...sources, `${into}/`], { stdio: 'ignore' });
    child.on('error', () => done(false));
    child.on('exit', (code) => done(code === 0));
  });
}

/** The number of files under `dir`. */
function countFiles(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) n += e.isDirectory() ? countFiles(join(dir, e.name)) : 1;
  return n;
}

/**
 * Hard-links the folders `folders` (paths relative to `from`, e.g. `v/<village>`, `log`) of the published output into
 * `aside`, at the same relative paths, while the pages render: the build knows before Astro starts which folders it
 * will not write (an unchanged village's, the log's, the search index's), and this runs on the core the page process
 * leaves. `aside` is never the staging folder (Astro owns that until it has finished). A folder `from` lacks or
 * `cp` could not link is left out (the carry-over after the pages does it). Returns the linked folders with their
 * number of files.
 */
export async function linkAhead(from: string, aside: string, folders: readonly string[]): Promise<Map<string, number>> {
  const byParent = new Map<string, string[]>();
  for (const folder of folders) {
    if (!existsSync(join(from, folder))) continue;
    const names = byParent.get(dirname(folder)) ?? [];
    names.push(folder);
    byParent.set(dirname(folder), names);
  }
  const linked = new Map<string, number>();
  await Promise.all(
    [...byParent].map(async ([parent, names]) => {
      const into = join(aside, parent);
      mkdirSync(into, { recursive: true });
      if (
        await linkTrees(
          names.map((n) => join(from, n)),
          into,
        )
      )
        for (const n of names) linked.set(n, countFiles(join(from, n)));
      else for (const n of names) rmSync(join(aside, n), { recursive: true, force: true });
    }),
  );
  return linked;
}

/**
 * Moves into `to` each file and folder of `from` that `to` lacks (one rename each), going into the folders both have.
 * Returns the number of files left behind: `to` has them (the build wrote them, and they stay its own).
 */
function mergeByRename(from: string, to: string): number {
  let kept = 0;
  for (const e of readdirSync(from, { withFileTypes: true })) {
    const s = join(from, e.name);
    const d = join(to, e.name);
    if (!existsSync(d)) renameSync(s, d);
    else if (e.isDirectory()) kept += mergeByRename(s, d);
    else kept += 1;
  }
  return kept;
}

/**
 * Moves the folders `linkAhead` linked into `aside` into the staging folder `to`: one rename each, or, for a folder the
 * build wrote into after all (a village's dated data files), each entry `to` lacks, never over a file the build wrote.
 * Then removes `aside`. Returns the folders placed (all of `folders`), with their number of files carried.
 */
export function placeAhead(aside: string, to: string, folders: ReadonlyMap<string, number>): Map<string, number> {
  const placed = new Map<string, number>();
  for (const [folder, files] of folders) {
    const target = join(to, folder);
    mkdirSync(dirname(target), { recursive: true });
    if (existsSync(target)) placed.set(folder, files - mergeByRename(join(aside, folder), target));
    else {
      renameSync(join(aside, folder), target);
      placed.set(folder, files);
    }
  }
  rmSync(aside, { recursive: true, force: true });
  return placed;
}

/**
 * Hard-links into `to` every file of `from` that `to` does not have, except the folders of villages under v/ that
 * `skipVillage` names and the folders `skip` names (relative paths): those `placeAhead` put there whole, and those this
 * build wrote whole (the county's data/, whose file names follow its size, so a file the last build had and this one
 * did not write is gone, not carried over). Returns the number of files carried over.
 */
export async function carryOver(from: string, to: string, skipVillage: (id: string) => boolean, skip: ReadonlySet<string> = new Set()): Promise<number> {
  /** Whole folders `to` lacks, by the folder of `to` they go into. */
  const trees = new Map<string, string[]>();
  const files: [string, string][] = [];
  const walk = (src: string, dst: string, rel: string) => {
    for (const e of readdirSync(src, { withFileTypes: true })) {
      const s = join(src, e.name);
      const d = join(dst, e.name);
      if (e.isDirectory()) {
        if (rel === 'v' && skipVillage(e.name)) continue;
        if (skip.has(rel ? `${rel}/${e.name}` : e.name)) continue;
        // v/ is always walked, made if this build rendered no village: some of its villages are not carried over.
        if (rel === '' && e.name === 'v') mkdirSync(d, { recursive: true });
        if (existsSync(d)) walk(s, d, rel ? `${rel}/${e.name}` : e.name);
        else {
          const names = trees.get(dst) ?? [];
          names.push(e.name);
          trees.set(dst, names);
        }
      } else if (!existsSync(d)) files.push([s, d]);
    }
  };
  walk(from, to, '');
  let count = files.length;
  // The source folder of each destination folder: `to`'s subfolders mirror `from`'s.
  const sourceOf = (dst: string) => join(from, dst.slice(to.length));
  await Promise.all([
    pool(files, ([s, d]) => link(s, d).catch(() => copyFile(s, d))),
    ...[...trees].map(async ([dst, names]) => {
      const src = sourceOf(dst);
      if (
        await linkTrees(
          names.map((n) => join(src, n)),
          dst,
        )
      ) {
        for (const n of names) count += countFiles(join(src, n));
        return;
      }
      // What cp left half done is completed file by file, never over a file that is there.
      for (const n of names) {
        const linked = await linkByFile(join(src, n), join(dst, n));
        count += linked;
      }
    }),
  ]);
  return count;
}

/** The file-by-file way: folders made level by level, then every file `to` lacks linked (copied across file systems). */
async function linkByFile(from: string, to: string): Promise<number> {
  const levels: string[][] = [];
  const files: [string, string][] = [];
  const walk = (src: string, dst: string, depth: number) => {
    if (!existsSync(dst)) (levels[depth] ??= []).push(dst);
    for (const e of readdirSync(src, { withFileTypes: true })) {
      const s = join(src, e.name);
      const d = join(dst, e.name);
      if (e.isDirectory()) walk(s, d, depth + 1);
      else if (!existsSync(d)) files.push([s, d]);
    }
  };
  walk(from, to, 0);
  for (const level of levels) if (level) await pool(level, (d) => mkdir(d, { recursive: true }));
  await pool(files, ([s, d]) => link(s, d).catch(() => copyFile(s, d)));
  return files.length;
}
