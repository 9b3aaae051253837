/**
 * The checked county of one build on disk, from the page process on (scripts/build.ts): the build
 * process writes it here and drops its own copy; the page process reads it on its first need of the
 * county (scripts/build-pages.ts), after Vite has bundled the pages, and the child process of the
 * post-build steps that read the county (scripts/build-county-steps.ts) once the pages are written, so no
 * two processes hold the county at once and none holds it while another's peak is reached (issue 18,
 * docs/benchmarks.md "session 6: memory" and "session 7").
 *
 * One self-checking cache file (./cache-file.ts) in Node's structured-clone format (`node:v8`, what the
 * IPC channel used before): a file cut short, altered or written for another build (its `key`) reads as
 * missing, and the build then stops rather than render from something else.
 *
 * A village whose check is in the check cache (./check-cache.ts: read from it, or saved by this build) is not written
 * again: the snapshot names it, and its cache file is hard-linked beside the snapshot (`<file>.villages/`), so the
 * file read back is the one this build checked even if a build beside it replaces the cache's. Writing every village
 * again took a one-village update at 300 villages about 1.7 CPU-s (docs/benchmarks.md, session 13).
 */
import { linkSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { readCacheFile, writeCacheFile, type CacheFileSpec } from './cache-file.ts';
import { readCachedVillageRecords, type CachedVillageFile } from './check-cache.ts';
import type { County, VillageRecords } from './model.ts';

/** Where one build's county snapshot is and the key it was written with (random per build). */
export interface CountySnapshot {
  file: string;
  key: string;
}

const spec = (key: string): CacheFileSpec => ({ kind: 'county-snapshot', version: 2, key });

/** A village the snapshot names instead of holding: its check cache file, linked as `<id>.v8` beside the snapshot, and that file's key. */
interface CachedVillage {
  cached: string;
  key: string;
}

type SnapshotBody = Omit<County, 'villages'> & { villages: (VillageRecords | CachedVillage)[] };

/** The folder of the village cache files linked beside the snapshot `file`. */
const villagesFolder = (file: string) => `${file}.villages`;

/**
 * Writes `county` to `snapshot.file` (whole, renamed into place). `cached`: where the check cache holds a village's
 * records (`VillageCheckCache.fileOf`); such a village is named, its file linked, not written again.
 */
export function writeCountySnapshot(snapshot: CountySnapshot, county: County, cached: (id: string) => CachedVillageFile | undefined = () => undefined): void {
  const folder = villagesFolder(snapshot.file);
  rmSync(folder, { recursive: true, force: true });
  let made = false;
  const villages = county.villages.map((v): VillageRecords | CachedVillage => {
    const at = cached(v.id);
    if (!at) return v;
    try {
      if (!made) mkdirSync(folder, { recursive: true });
      made = true;
      linkSync(at.file, join(folder, `${v.id}.v8`));
      return { cached: v.id, key: at.key };
    } catch {
      // Gone, or no hard links here: written into the snapshot.
      return v;
    }
  });
  const body: SnapshotBody = { ...county, villages };
  writeCacheFile(snapshot.file, spec(snapshot.key), serialize(body));
}

/** The county `writeCountySnapshot` wrote for the same key; undefined when the file or a village's is missing, damaged or another build's. */
export function readCountySnapshot(snapshot: CountySnapshot): County | undefined {
  const body = readCacheFile(snapshot.file, spec(snapshot.key));
  if (!body) return undefined;
  let read: SnapshotBody;
  try {
    read = deserialize(body) as SnapshotBody;
  } catch {
    return undefined;
  }
  const villages: VillageRecords[] = [];
  for (const v of read.villages) {
    if (!('cached' in v)) {
      villages.push(v);
      continue;
    }
    const records = readCachedVillageRecords(join(villagesFolder(snapshot.file), `${v.cached}.v8`), v.key);
    if (!records) return undefined;
    villages.push(records);
  }
  return { ...read, villages };
}

/** Removes the snapshot `file` and the village files linked beside it. */
export function removeCountySnapshot(file: string): void {
  rmSync(file, { force: true });
  rmSync(villagesFolder(file), { recursive: true, force: true });
}
