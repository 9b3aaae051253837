/**
 * Build-time helpers for the search lexicon (search/lexicon.json): pinyin spellings of place names
 * (pinyin-pro) and a traditional → simplified map limited to the characters in the index (opencc-js
 * dictionaries), so the browser never downloads either library.
 */
import { Converter } from 'opencc-js';
import * as Locale from 'opencc-js/preset';
import { pinyin } from 'pinyin-pro';
import type { SearchPlace } from './search-query.ts';

const SUFFIXES = ['居委会', '社区', '街道', '村', '镇', '乡'];

function syllables(name: string): string[] {
  return pinyin(name, { toneType: 'none', type: 'array', v: true }).map((s) => s.toLowerCase().replace(/[^a-z]/g, ''));
}

/**
 * Pinyin keys that find a place: full pinyin with and without the suffix (maqucun, maqu), initials
 * (mqc, mq), plus extra keys such as the folder id. Keys shorter than 2 letters are dropped.
 */
export function placeKeys(name: string, extra: readonly string[] = []): string[] {
  const suffix = SUFFIXES.find((s) => name.endsWith(s) && name.length > s.length);
  const forms = suffix ? [name, name.slice(0, -suffix.length)] : [name];
  const keys = new Set<string>();
  for (const form of forms) {
    const s = syllables(form);
    keys.add(s.join(''));
    keys.add(s.join('').replace(/v/g, 'u'));
    keys.add(s.map((x) => x[0] ?? '').join(''));
  }
  for (const e of extra) keys.add(e.toLowerCase().replace(/[^a-z]/g, ''));
  return [...keys].filter((k) => k.length >= 2).sort();
}

export function makePlace(name: string, kind: SearchPlace['kind'], extra: readonly string[] = []): SearchPlace {
  return { name, kind, keys: placeKeys(name, extra) };
}

function dictionaryKeys(): Set<string> {
  const keys = new Set<string>();
  const groups = [...Object.values(Locale.from), Locale.to['cn'] ?? []].flat(2);
  for (const dict of groups) {
    const entries = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ')[0] ?? '') : Array.isArray(dict) ? dict.map((pair) => pair[0]) : [];
    for (const k of entries) if (Array.from(k).length === 1) keys.add(k);
  }
  return keys;
}

/**
 * Traditional (and Taiwan/Hong Kong variant) characters whose simplified form occurs in the index,
 * as pairs "東东興兴…", sorted. A character that itself occurs in the index is left alone.
 */
export function buildT2s(indexChars: ReadonlySet<string>): string {
  const converters = [Converter({ from: 't', to: 'cn' }), Converter({ from: 'tw', to: 'cn' }), Converter({ from: 'hk', to: 'cn' })];
  const pairs: [string, string][] = [];
  for (const c of [...dictionaryKeys()].sort()) {
    if (indexChars.has(c)) continue;
    const s = converters.map((convert) => convert(c)).find((x) => x !== c && Array.from(x).length === 1);
    if (s && indexChars.has(s)) pairs.push([c, s]);
  }
  return pairs.map(([t, s]) => t + s).join('');
}

/** Every Han character in the given texts. */
export function hanCharacters(texts: Iterable<string>): Set<string> {
  const chars = new Set<string>();
  for (const t of texts) for (const c of t.match(/\p{Script=Han}/gu) ?? []) chars.add(c);
  return chars;
}
