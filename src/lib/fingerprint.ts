/**
 * Content fingerprints (核对码): a short code printed on every poster and shown on the record's web
 * page, so a villager can check that the paper on the board and the page on the web are the same
 * version. It is computed from the content only (never from the drawing), so a new poster template
 * does not change it, while any changed word, figure or date does.
 */
import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every level: equal values give equal text. Keys sort by UTF-16
 * code units (`Array.prototype.sort`'s order); undefined properties are left out, undefined array
 * items written as null. Written as loops: every record's 核对码 and every poster's cache key is made
 * with it, at county scale millions of times per build.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (value === undefined) return 'null';
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`canonicalJson: ${value} is not a finite number`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i += 1) out += (i > 0 ? ',' : '') + canonicalJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (v === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(v)}`;
    first = false;
  }
  return `${out}}`;
}

/** Hex SHA-256 of the canonical JSON of a value. */
export function hashValue(value: unknown): string {
  return hashCanonicalJson(canonicalJson(value));
}

/**
 * Hex SHA-256 of text that is already canonical JSON: for a caller that serialises a large part of
 * a value once and hashes several values made of it (a poster at each paper size).
 */
export function hashCanonicalJson(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The 核对码 of a content value: the first 32 bits of its SHA-256 as 8 upper-case hex digits in two
 * groups, e.g. `3F9A-C2D1`. Short enough to read aloud over the phone; a chance change slipping
 * through unnoticed is one in four billion.
 */
export function getFingerprint(value: unknown): string {
  return formatFingerprint(hashValue(value));
}

/** The 核对码 cut from a hex SHA-256 digest (e.g. a log leaf's): `3F9A-C2D1`. */
export function formatFingerprint(digest: string): string {
  const hex = digest.slice(0, 8).toUpperCase();
  return `${hex.slice(0, 4)}-${hex.slice(4)}`;
}
