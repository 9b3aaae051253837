/** File writing for post-build steps. */
import { rmSync, writeFileSync } from 'node:fs';

/**
 * Writes `data` to `file` as a new file, so a hard link carried over from the previous dist/ by an
 * incremental build is never changed in place.
 */
export function replaceFile(file: string, data: string | Uint8Array): void {
  rmSync(file, { force: true });
  writeFileSync(file, data);
}
