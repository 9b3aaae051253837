/**
 * Fingerprints for the build caches: content digests (the bytes of content/, per village and for
 * the site), a cheap stamp of the tree (paths, sizes, modification times) to notice an edit made
 * during a build, and the fingerprint of the code that turns content into pages.
 *
 * A digest is made of each file's path, length and SHA-256. `npm run build` keeps those file digests
 * between builds (`DigestCache`, <root>/.gongkai-build/content-digests): a file whose size, modification
 * time, change time and inode are what they were when it was read, and which had not changed for a
 * while then (`SETTLED_MS`), is not read again. Any write to a file sets its change time (ctime) to the
 * time of the write, which no tool can set back, so a file written after it was read never matches;
 * one written just before it was read (within the file system's timestamp granularity) is read every
 * time until it has settled, as git does with its index ("racy clean"). A one-village update then reads
 * that village's new files, not the county's thousands.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { readCacheJson, writeCacheFile, type CacheFileSpec } from './cache-file.ts';

export interface ContentDigests {
  /** Everything under content/. */
  all: string;
  /** content/site.yaml (and any other file outside villages/). */
  site: string;
  /** content/villages/<id>/ → digest of that folder. */
  villages: Record<string, string>;
  /** contentStamp() of the same tree, taken in the same pass. */
  stamp: string;
  /** How many files were read (all of them without a cache; with one, those not as they were when last read). */
  filesRead: number;
  /** How many of the kept digests were read before their file had settled (`settleContentDigests` makes them good later). */
  unsettled: number;
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Visits every file under <root>/content in name order, with its path relative to root; anything
 * else that is not a folder (a symbolic link, a pipe) goes to `other`, never read: the checker
 * refuses what leads outside content/, and a cached result must not outlive the link appearing.
 */
function walkContent(root: string, visit: (rel: string, abs: string) => void, other: (rel: string, abs: string) => void): void {
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort(byName)) {
      const abs = join(dir, e.name);
      if (e.isDirectory()) walk(abs, `${rel}/${e.name}`);
      else if (e.isFile()) visit(`${rel}/${e.name}`, abs);
      else other(`${rel}/${e.name}`, abs);
    }
  };
  const content = join(root, 'content');
  if (existsSync(content)) walk(content, 'content');
}

const stampLine = (rel: string, s: Stats) => `${rel}\0${s.size}\0${s.mtimeMs}\n`;

/** A link or special file as a line: its path, kind, link text and what it leads to (size, time), if anything. */
const otherLine = (rel: string, abs: string) => {
  const link = lstatSync(abs).isSymbolicLink() ? readlinkSync(abs) : '';
  const s = statSync(abs, { throwIfNoEntry: false });
  return `${rel}\0other\0${link}\0${s?.size ?? ''}\0${s?.mtimeMs ?? ''}\n`;
};

/**
 * The file digests one build keeps for the next (`contentDigests`): where, and the clock the reading
 * time is taken from (passed in: only the cache's validity depends on it, never a digest).
 */
export interface DigestCache {
  file: string;
  now: () => number;
  /** false (`npm run build -- --full`): every file is read, and the cache written afresh. */
  reuse?: boolean;
}

/** A file's digest as it was read: [size, mtimeMs, ctimeMs, inode, SHA-256 hex, the time it was read (ms)]. */
type FileEntry = [number, number, number, number, string, number];

/**
 * How long a file must have been unchanged when it was read for its digest to be trusted later from its
 * stat alone: above any file system's timestamp granularity (2 s on FAT; ext4 and XFS keep nanoseconds
 * but the kernel's coarse clock ticks every few milliseconds).
 */
export const SETTLED_MS = 3000;

const digestSpec: CacheFileSpec = { kind: 'content-digests', version: 1, key: 'content' };

const isEntries = (v: unknown): v is Record<string, FileEntry> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether `kept` (read earlier) is still this file's digest: the same size, times and inode, and settled when read. */
const stillValid = (kept: FileEntry | undefined, s: Stats): kept is FileEntry =>
  kept !== undefined &&
  Array.isArray(kept) &&
  kept[0] === s.size &&
  kept[1] === s.mtimeMs &&
  kept[2] === s.ctimeMs &&
  kept[3] === s.ino &&
  typeof kept[4] === 'string' &&
  kept[4].length === 64 &&
  Math.max(s.mtimeMs, s.ctimeMs) < kept[5] - SETTLED_MS;

/**
 * SHA-256 digests of content/ (all of it, the site part, each village folder) and its stamp, in one pass.
 * Each part is a digest of its files' paths, lengths and SHA-256s (the same with or without `cache`); with
 * a cache, a file still as it was when last read is not read again, and the cache is rewritten when a file
 * was read (or went).
 */
export function contentDigests(root: string, cache?: DigestCache): ContentDigests {
  const all = createHash('sha256');
  const site = createHash('sha256');
  const stamp = createHash('sha256');
  const villages = new Map<string, ReturnType<typeof createHash>>();
  const partOf = (rel: string) => {
    const m = /^content\/villages\/([^/]+)\/./.exec(rel);
    return m ? (villages.get(m[1]!) ?? villages.set(m[1]!, createHash('sha256')).get(m[1]!)!) : site;
  };
  const kept = (cache && cache.reuse !== false && readCacheJson(cache.file, digestSpec, isEntries)) || {};
  const next: Record<string, FileEntry> = {};
  let read = 0;
  let unsettled = 0;
  walkContent(
    root,
    (rel, abs) => {
      const s = statSync(abs);
      stamp.update(stampLine(rel, s));
      let entry = kept[rel];
      if (!stillValid(entry, s)) {
        // Taken before reading: a write after this moment sets a later ctime than the one kept.
        const at = cache ? cache.now() : 0;
        const bytes = readFileSync(abs);
        read += 1;
        entry = [s.size, s.mtimeMs, s.ctimeMs, s.ino, createHash('sha256').update(bytes).digest('hex'), at];
        // Read bytes of another length than the stat said (written meanwhile): never trusted later.
        if (bytes.length !== s.size) entry[5] = 0;
        entry[0] = bytes.length;
      }
      next[rel] = entry;
      if (Math.max(entry[1], entry[2]) >= entry[5] - SETTLED_MS) unsettled += 1;
      for (const h of [all, partOf(rel)]) h.update(`${rel}\0${entry[0]}\0${entry[4]}\n`);
    },
    (rel, abs) => {
      const line = otherLine(rel, abs);
      for (const h of [stamp, all, partOf(rel)]) h.update(line);
    },
  );
  if (cache && (read > 0 || Object.keys(kept).length !== Object.keys(next).length)) writeCacheFile(cache.file, digestSpec, JSON.stringify(next));
  const byVillage: Record<string, string> = {};
  for (const [id, h] of villages) byVillage[id] = h.digest('hex');
  return { all: all.digest('hex'), site: site.digest('hex'), villages: byVillage, stamp: stamp.digest('hex'), filesRead: read, unsettled };
}

/**
 * Makes the file digests `contentDigests` kept for files read before they had settled (written within `SETTLED_MS` of
 * being read: a county generated or copied just before its first build, a clerk's edit just before a build) good for the
 * next build, as git re-hashes its "racily clean" entries when it writes its index: each such file that has settled
 * by now and whose size, times and inode are what they were when it was read is read again, and its digest, when the
 * bytes are the same, is kept as read now. A file changed since keeps its old entry (read again by the next build). Run
 * once a build has finished: the next one then reads only what changed (a one-village update after a cold build of a
 * county generated just before read 23,359 files at 300 villages, not the update's 11; docs/benchmarks.md, session 16).
 * Returns how many files were read again.
 */
export function settleContentDigests(root: string, cache: DigestCache): number {
  const kept = readCacheJson(cache.file, digestSpec, isEntries);
  if (!kept) return 0;
  let settled = 0;
  for (const [rel, entry] of Object.entries(kept)) {
    if (!Array.isArray(entry) || entry.length !== 6 || Math.max(entry[1], entry[2]) < entry[5] - SETTLED_MS) continue;
    const abs = join(root, rel);
    const at = cache.now();
    const s = statSync(abs, { throwIfNoEntry: false });
    if (!s?.isFile() || s.size !== entry[0] || s.mtimeMs !== entry[1] || s.ctimeMs !== entry[2] || s.ino !== entry[3]) continue;
    if (Math.max(s.mtimeMs, s.ctimeMs) >= at - SETTLED_MS) continue;
    const bytes = readFileSync(abs);
    if (bytes.length !== entry[0] || createHash('sha256').update(bytes).digest('hex') !== entry[4]) continue;
    entry[5] = at;
    settled += 1;
  }
  if (settled > 0) writeCacheFile(cache.file, digestSpec, JSON.stringify(kept));
  return settled;
}

/** A cheap stamp of content/: every path with its size and modification time (no bytes read). */
export function contentStamp(root: string): string {
  const h = createHash('sha256');
  walkContent(
    root,
    (rel, abs) => h.update(stampLine(rel, statSync(abs))),
    (rel, abs) => h.update(otherLine(rel, abs)),
  );
  return h.digest('hex');
}

/**
 * The code that turns content into pages: src/, astro.config.mjs, the build script and the locked
 * dependency versions of `project`. A change to any of them makes every cached check and page stale.
 */
export function codeFingerprint(project: string): string {
  const h = createHash('sha256');
  for (const f of ['astro.config.mjs', 'package-lock.json', 'scripts/build.ts', 'scripts/build-run.ts', 'scripts/build-steps.ts']) {
    const abs = join(project, f);
    if (existsSync(abs)) h.update(`${f}\0`).update(readFileSync(abs));
  }
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort(byName)) {
      if (e.isDirectory()) walk(join(dir, e.name), `${rel}/${e.name}`);
      else if (e.isFile()) h.update(`${rel}/${e.name}\0`).update(readFileSync(join(dir, e.name)));
    }
  };
  for (const d of ['src', 'public']) if (existsSync(join(project, d))) walk(join(project, d), d);
  return h.digest('hex');
}
