/**
 * A built page's content security policy read back the way a browser would apply it to the page's inline code: the
 * hash sources it lists, and the hashes of the inline styles and scripts the page holds (a script with `src` runs its
 * file, which `'self'` allows). test/build/page-policy.test.ts, test/build/incremental.test.ts and
 * test/e2e/csp.test.ts compare the two.
 */
import { createHash } from 'node:crypto';

const POLICY = /<meta http-equiv="content-security-policy" content="([^"]*)">/;
const HASH_SOURCE = /'(?:sha256|sha384|sha512)-[^']+'/g;

/** The page's policy (undefined when it has none). */
export const policyOf = (html: string): string | undefined => POLICY.exec(html)?.[1];

/** The hash sources the page's policy lists. */
export const policyHashes = (html: string): Set<string> => new Set(policyOf(html)?.match(HASH_SOURCE) ?? []);

/** The policy without its hash sources: what every page of a site shares. */
export const policyWithoutHashes = (html: string): string | undefined => policyOf(html)?.replace(HASH_SOURCE, '').replace(/ +;/g, ';');

/** The SHA-256 hash source of each inline style and script of the page. */
export function inlineHashes(html: string): Set<string> {
  return new Set(
    [...html.matchAll(/<(style|script)\b([^>]*)>([\s\S]*?)<\/\1>/g)]
      .filter((m) => m[1] === 'style' || !/\ssrc=/.test(` ${m[2]}`))
      .map((m) => `'sha256-${createHash('sha256').update(m[3]!).digest('base64')}'`),
  );
}
