/**
 * Township addresses: pages that list every village are split by township (/t/<slug>/,
 * /compliance/<slug>/) so each stays small at a thousand villages. The slug is the township's name
 * in toneless pinyin (城关镇 → chengguanzhen); a second township with the same pinyin gets -2, in
 * the order townships first appear. Pure and deterministic.
 */
import { pinyin } from 'pinyin-pro';

/** Slug of each township name, in the order given (duplicates ignored). */
export function getTownshipSlugs(names: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const name of names) {
    if (out.has(name)) continue;
    const base =
      pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
        .join('')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '') || 'township';
    let slug = base;
    for (let n = 2; used.has(slug); n += 1) slug = `${base}-${n}`;
    used.add(slug);
    out.set(name, slug);
  }
  return out;
}
