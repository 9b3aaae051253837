/**
 * A county's input hash: what its built site depends on (content/, the code, the as-of date). The
 * province pipeline keys each county's cache on it, and the county build writes it into county.json.
 */
import { createHash } from 'node:crypto';
import { codeFingerprint, contentDigests } from '../check/digest.ts';

export function countyInputHash(countyRoot: string, project: string, asOf: string): string {
  return combineInputHash(contentDigests(countyRoot).all, codeFingerprint(project), asOf);
}

/** The same hash from digests already taken (scripts/build.ts has them from its check). */
export function combineInputHash(contentDigest: string, code: string, asOf: string): string {
  return createHash('sha256').update([contentDigest, code, asOf].join('\0')).digest('hex');
}
