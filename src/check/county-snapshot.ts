/**
 * The checked county of one build on disk, for the time the page process runs (scripts/build.ts):
 * the build process writes it here, drops its own copy and reads it back once the page process has
 * exited; the page process reads it on its first need of the county (scripts/build-pages.ts), after
 * Vite has bundled the pages, so neither holds the county while the other's peak is reached
 * (issue 18, docs/benchmarks.md "session 6: memory").
 *
 * One self-checking cache file (./cache-file.ts) in Node's structured-clone format (`node:v8`, what the
 * IPC channel used before): a file cut short, altered or written for another build (its `key`) reads as
 * missing, and the build then stops rather than render from something else.
 */
import { deserialize, serialize } from 'node:v8';
import { readCacheFile, writeCacheFile, type CacheFileSpec } from './cache-file.ts';
import type { County } from './model.ts';

/** Where one build's county snapshot is and the key it was written with (random per build). */
export interface CountySnapshot {
  file: string;
  key: string;
}

const spec = (key: string): CacheFileSpec => ({ kind: 'county-snapshot', version: 1, key });

/** Writes `county` to `snapshot.file` (whole, renamed into place). */
export function writeCountySnapshot(snapshot: CountySnapshot, county: County): void {
  writeCacheFile(snapshot.file, spec(snapshot.key), serialize(county));
}

/** The county `writeCountySnapshot` wrote for the same key; undefined when the file is missing, damaged or another build's. */
export function readCountySnapshot(snapshot: CountySnapshot): County | undefined {
  const body = readCacheFile(snapshot.file, spec(snapshot.key));
  if (!body) return undefined;
  try {
    return deserialize(body) as County;
  } catch {
    return undefined;
  }
}
