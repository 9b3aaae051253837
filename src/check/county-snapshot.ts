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
