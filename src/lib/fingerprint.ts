/**
 * Content fingerprints (核对码): a short code printed on every poster and shown on the record's web
 * page, so a villager can check that the paper on the board and the page on the web are the same
 * version. It is computed from the content only (never from the drawing), so a new poster template
 * does not change it, while any changed word, figure or date does.
 */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (value === undefined) return 'null';
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`canonicalJson: ${value} is not a finite number`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
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
