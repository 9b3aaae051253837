/**
 * A page's content security policy narrowed to what the page holds. Astro's `security.csp` gives every page one policy
 * listing the hash of every inline stylesheet and script of the whole site (and of its bundled script files, which
 * `'self'` already allows): 1.4–1.6 KB a page, of which a page uses one to three hashes. Astro 7 has no per-page option
 * (its hashes are collected once per build, `trackStyleHashes` / `trackScriptHashes` in astro/dist/core/csp/common.js,
 * and its runtime API `Astro.csp` only adds), so the build runs this on every page it wrote, after the page process
 * has exited (src/integrations/page-policies.ts): a middleware in the page process, which held each page's HTML twice,
 * raised that process's peak memory (docs/benchmarks.md, session 13).
 *
 * Only ever narrower: a hash source stays in the policy when an inline `<style>` or `<script>` of the page has that
 * hash, and is dropped otherwise; nothing is added and every other source and directive is kept byte for byte. An
 * element found where the HTML parser would not see one (a `<style>` inside a script's text) can only keep a hash the
 * site's policy allowed anyway.
 */
import { createHash } from 'node:crypto';

/** Astro's policy element (astro/dist/runtime/server/render/head.js): one per page, in its head. */
const POLICY_META = /<meta http-equiv="content-security-policy" content="([^"]*)">/;
/** An inline style or script element and its text (raw text in HTML: no entity in it is decoded). */
const INLINE_ELEMENT = /<(style|script)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi;
/** A hash source (CSP Level 3 `hash-source`). */
const HASH_SOURCE = / ?'(sha256|sha384|sha512)-([A-Za-z0-9+/_-]+={0,2})'/g;

/**
 * The page (its UTF-8 bytes) with each hash source of its policy that no inline element of the page matches left out;
 * the same bytes object when none is. The page is read as Latin-1, a character a byte: the markup sought is ASCII, an
 * element's text hashes as the bytes it is, and the bytes around the policy are kept as they are, never decoded or encoded
 * again (half the work of reading the page as UTF-8 text, docs/benchmarks.md, session 14).
 */
export function narrowPagePolicy(page: Uint8Array): Uint8Array {
  const bytes = Buffer.from(page.buffer, page.byteOffset, page.byteLength);
  const html = bytes.toString('latin1');
  const meta = POLICY_META.exec(html);
  if (!meta) return page;
  const texts: string[] = [];
  for (const [, name, attributes, text] of html.matchAll(INLINE_ELEMENT)) {
    // A script with a src runs the file's code, not its text: 'self' allows it.
    if (name!.toLowerCase() === 'script' && /\ssrc\s*=/i.test(` ${attributes}`)) continue;
    texts.push(text!);
  }
  const digests = new Map<string, Set<string>>();
  const digestsBy = (algorithm: string) => {
    let set = digests.get(algorithm);
    if (!set) digests.set(algorithm, (set = new Set(texts.map((t) => createHash(algorithm).update(t, 'latin1').digest('base64')))));
    return set;
  };
  const policy = meta[1]!.replace(HASH_SOURCE, (source, algorithm: string, digest: string) => (digestsBy(algorithm).has(digest) ? source : ''));
  if (policy === meta[1]) return page;
  return Buffer.concat([
    bytes.subarray(0, meta.index),
    Buffer.from(`<meta http-equiv="content-security-policy" content="${policy}">`, 'latin1'),
    bytes.subarray(meta.index + meta[0].length),
  ]);
}
