/**
 * The one way a build writes a file into its staging folder once the carry-over may have linked files there
 * (src/build/carry-over.ts): an incremental build's staging folder holds hard links to the release online, and a
 * file opened there for writing would change that release in place, before the switch and even when the build then
 * fails. Every file is made as a new file (a new inode) under a temporary name beside it and renamed over the old
 * name, which drops only this folder's link. test/build/incremental.test.ts checks the release online is untouched.
 */
import { copyFileSync, linkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tempPath } from '../check/cache-file.ts';

/** Puts at `file` whatever `make` creates at the temporary name it is given, by one rename; nothing is left on failure. */
function renameInto(file: string, make: (tmp: string) => void): void {
  const tmp = tempPath(file);
  rmSync(tmp, { force: true });
  try {
    make(tmp);
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/** Writes `data` to `file` as a new file: a hard link carried over from the previous output is never written through. */
export function replaceFile(file: string, data: string | Uint8Array): void {
  renameInto(file, (tmp) => writeFileSync(tmp, data));
}

/**
 * Makes `file` a hard link to `source` (read-only files written once, such as poster cache entries), or a copy of it
 * across file systems, in place of whatever `file` was: never written through.
 */
export function replaceWithLink(source: string, file: string): void {
  renameInto(file, (tmp) => {
    try {
      linkSync(source, tmp);
    } catch {
      copyFileSync(source, tmp);
    }
  });
}
