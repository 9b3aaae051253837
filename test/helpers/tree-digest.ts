/** Every file under a folder, and a digest of each: how the build tests compare two outputs byte for byte. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The paths of every file under `dir`, which must exist (a comparison of two missing folders would pass). */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Each file under `dir` by its path relative to `dir` → the SHA-256 of its bytes. */
export function digestTree(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [relative(dir, f), createHash('sha256').update(readFileSync(f)).digest('hex')]));
}
