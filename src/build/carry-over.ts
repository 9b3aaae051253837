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
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
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

/**
 * The number of files under `spare` when it holds exactly the files of `live`: the same names at every level, each file
 * the same inode (a hard link to it) and each folder a folder; undefined otherwise. Both are there at once, so the same
 * inode is the same file: `spare`'s files are `live`'s, not copies that could differ.
 */
function countSameFiles(spare: string, live: string): number | undefined {
  let a, b;
  try {
    a = readdirSync(spare, { withFileTypes: true });
    b = readdirSync(live, { withFileTypes: true });
  } catch {
    return undefined;
  }
  if (a.length !== b.length) return undefined;
  const byName = new Map(b.map((e) => [e.name, e]));
  let files = 0;
  for (const e of a) {
    const other = byName.get(e.name);
    if (!other) return undefined;
    if (e.isDirectory() && other.isDirectory()) {
      const n = countSameFiles(join(spare, e.name), join(live, e.name));
      if (n === undefined) return undefined;
      files += n;
    } else if (e.isFile() && other.isFile()) {
      const x = lstatSync(join(spare, e.name));
      const y = lstatSync(join(live, e.name));
      if (x.ino !== y.ino || x.dev !== y.dev) return undefined;
      files += 1;
    } else return undefined;
  }
  return files;
}

/**
 * Puts at `to` (not there yet) the files of the published folder `live`, taking from `spare` what is still `live`'s own:
 * a folder whose files all are (`countSameFiles`) by one rename, and within a folder that differs (a village whose data
 * files a new day wrote again), each subfolder the same way and each file by a hard link to `live`'s, as `cp -l`.
 * Returns the files placed and the renames; throws on anything but files and folders (the caller links the folder then).
 */
function placeFromSpare(spare: string, live: string, to: string): { files: number; renamed: number } {
  const same = countSameFiles(spare, live);
  if (same !== undefined) {
    renameSync(spare, to);
    return { files: same, renamed: 1 };
  }
  mkdirSync(to);
  let files = 0;
  let renamed = 0;
  for (const e of readdirSync(live, { withFileTypes: true })) {
    if (e.isDirectory()) {
      const placed = placeFromSpare(join(spare, e.name), join(live, e.name), join(to, e.name));
      files += placed.files;
      renamed += placed.renamed;
    } else if (e.isFile()) {
      linkSync(join(live, e.name), join(to, e.name));
      files += 1;
    } else throw new Error(`${join(live, e.name)}: neither a file nor a folder`);
  }
  return { files, renamed };
}

/**
 * The folders `linkAhead` takes from the spare release: a village's pages and screen, one folder per page, where `cp`'s
 * mkdir(2) for each costs most. The log and the search index are a few folders of many files, which `cp` links in C;
 * taking them too saved no more (100 villages: 0.6 CPU-s either way; docs/benchmarks.md, session 11).
 */
const PAGE_FOLDERS = /^(?:v|kiosk)\//;

/**
 * What `linkAhead` put aside: each folder with its number of files, or undefined for a folder `cp` linked whole (not
 * counted: walking the search index's and the log's files again only to count them took 5 % of an update's build
 * process at 300 villages), and how many of the folders it took from the spare release.
 */
export interface LinkedAhead {
  folders: Map<string, number | undefined>;
  /** Folders moved from `spare` by one rename each (their files were the published release's own), not linked by `cp`. */
  renamed: number;
}

/**
 * Hard-links the folders `folders` (paths relative to `from`, e.g. `v/<village>`, `log`) of the published output into
 * `aside`, at the same relative paths, while the pages render: the build knows before Astro starts which folders it
 * will not write (an unchanged village's, the log's, the search index's), and this runs on the core the page process
 * leaves. `aside` is never the staging folder while Astro writes into it (a new day that renders nothing links straight
 * into the staging folder). A folder `from` lacks or `cp` could not link is left out (the carry-over after the pages does it).
 *
 * `spare`: the release the published one replaced (scripts/build.ts keeps it until the next build, instead of removing
 * it). A village's folder (`PAGE_FOLDERS`) whose files there are the published folder's own, hard links to the same inodes (carried over by the
 * last build, none written since), is moved into `aside` by one rename instead, and of a folder that differs, the parts
 * that do not (`placeFromSpare`): `cp` makes every folder again (one mkdir(2) per page, as every page is a folder) and
 * links every file, where this reads the two folders and looks at each file's inode (docs/benchmarks.md, session 11).
 * What is left of `spare` is removed with it later.
 */
export async function linkAhead(from: string, aside: string, folders: readonly string[], spare?: string): Promise<LinkedAhead> {
  // After the caller's synchronous work (the page process is started first).
  await new Promise((started) => setImmediate(started));
  const byParent = new Map<string, string[]>();
  const linked = new Map<string, number | undefined>();
  let renamed = 0;
  for (const folder of folders) {
    if (!existsSync(join(from, folder))) continue;
    if (spare !== undefined && PAGE_FOLDERS.test(folder) && existsSync(join(spare, folder))) {
      const target = join(aside, folder);
      try {
        mkdirSync(dirname(target), { recursive: true });
        const placed = placeFromSpare(join(spare, folder), join(from, folder), target);
        linked.set(folder, placed.files);
        renamed += placed.renamed;
        continue;
      } catch {
        // Taken by a build beside this one, or something other than files and folders: linked below.
        rmSync(target, { recursive: true, force: true });
      }
    }
    const names = byParent.get(dirname(folder)) ?? [];
    names.push(folder);
    byParent.set(dirname(folder), names);
  }
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
        for (const n of names) linked.set(n, undefined);
      else for (const n of names) rmSync(join(aside, n), { recursive: true, force: true });
    }),
  );
  return { folders: linked, renamed };
}

/** Whether the files `a` and `b` hold the same bytes. */
function sameBytes(a: string, b: string): boolean {
  return statSync(a).size === statSync(b).size && readFileSync(a).equals(readFileSync(b));
}

/**
 * Moves into `to` each file and folder of `from` that `to` lacks (one rename each), going into the folders both have.
 * A file both have with the same bytes is `from`'s (the published file, by one rename over the one the build wrote): a
 * file written again on a new day that came out the same (a village's compliance-findings.csv and datapackage.json)
 * keeps its inode and modification time, so a deploy that compares times does not send it again and the next build
 * finds its folder still the published one's own (`linkAhead`, `countSameFiles`) and moves it whole.
 * Returns the number of files left behind: `to` has them (the build wrote them, and they stay its own).
 */
function mergeByRename(from: string, to: string): number {
  let kept = 0;
  for (const e of readdirSync(from, { withFileTypes: true })) {
    const s = join(from, e.name);
    const d = join(to, e.name);
    if (!existsSync(d)) renameSync(s, d);
    else if (e.isDirectory()) kept += mergeByRename(s, d);
    else if (e.isFile() && lstatSync(d).isFile() && sameBytes(s, d)) renameSync(s, d);
    else kept += 1;
  }
  return kept;
}

/**
 * Moves the folders `linkAhead` linked into `aside` into the staging folder `to`: one rename each, or, for a folder the
 * build wrote into after all (a village's dated data files), each entry `to` lacks, and over a file the build wrote only
 * the published file with the same bytes (`mergeByRename`). Then removes `aside`. Returns the folders placed (all of
 * `folders`), with their number of files carried (undefined for one `cp` linked whole).
 */
export function placeAhead(aside: string, to: string, folders: ReadonlyMap<string, number | undefined>): Map<string, number | undefined> {
  const placed = new Map<string, number | undefined>();
  for (const [folder, files] of folders) {
    const target = join(to, folder);
    mkdirSync(dirname(target), { recursive: true });
    if (existsSync(target)) {
      const kept = mergeByRename(join(aside, folder), target);
      placed.set(folder, files === undefined ? undefined : files - kept);
    } else {
      renameSync(join(aside, folder), target);
      placed.set(folder, files);
    }
  }
  rmSync(aside, { recursive: true, force: true });
  return placed;
}

/** What a carry-over linked: files counted one by one, and folders `cp` linked whole (their files not counted, see `LinkedAhead`). */
export interface Carried {
  files: number;
  folders: number;
}

/** `carried` with the folders placed ahead (`placeAhead`) added: for the build's `carried-files` timing line. */
export function addPlaced(carried: Carried, placed: ReadonlyMap<string, number | undefined>): Carried {
  let { files, folders } = carried;
  for (const n of placed.values())
    if (n === undefined) folders += 1;
    else files += n;
  return { files, folders };
}

/**
 * Hard-links into `to` every file of `from` that `to` does not have, except the second-level folders `skipFolder` names
 * (a village's under v/ rendered again; a removed village's pages and screen, a township's pages when no village is in
 * it any more) and the folders `skip` names (relative paths): those `placeAhead` put there whole, and those this
 * build wrote whole (the county's data/, whose file names follow its size, so a file the last build had and this one
 * did not write is gone, not carried over). Returns what it carried over: the files linked one by one and the folders
 * `cp` linked whole.
 */
export async function carryOver(
  from: string,
  to: string,
  skipFolder: (top: string, name: string) => boolean,
  skip: ReadonlySet<string> = new Set(),
): Promise<Carried> {
  /** Whole folders `to` lacks, by the folder of `to` they go into. */
  const trees = new Map<string, string[]>();
  const files: [string, string][] = [];
  const walk = (src: string, dst: string, rel: string) => {
    for (const e of readdirSync(src, { withFileTypes: true })) {
      const s = join(src, e.name);
      const d = join(dst, e.name);
      if (e.isDirectory()) {
        if (rel !== '' && !rel.includes('/') && skipFolder(rel, e.name)) continue;
        if (skip.has(rel ? `${rel}/${e.name}` : e.name)) continue;
        // A top folder some of whose folders are not carried over (v/ when this build rendered no village; kiosk/ and
        // t/ after a removal) is walked, made if this build wrote nothing into it, not linked whole.
        if (rel === '' && readdirSync(s).some((name) => skipFolder(e.name, name))) mkdirSync(d, { recursive: true });
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
  let folders = 0;
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
        folders += names.length;
        return;
      }
      // What cp left half done is completed file by file, never over a file that is there.
      for (const n of names) {
        const linked = await linkByFile(join(src, n), join(dst, n));
        count += linked;
      }
    }),
  ]);
  return { files: count, folders };
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
