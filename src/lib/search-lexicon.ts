/**
 * Build-time helpers for the search lexicon (search/lexicon.json): pinyin spellings of place names
 * (pinyin-pro), a traditional → simplified map limited to the characters in the index (opencc-js
 * dictionaries), the site's words cut by jieba, and the "did you mean" vocabulary
 * (both written in shards, search-shards.ts), so the browser never downloads any of these libraries.
 */
import type { Jieba } from '@node-rs/jieba';
import { Converter } from 'opencc-js';
import * as Locale from 'opencc-js/preset';
import { pinyin } from 'pinyin-pro';
import type { SearchPlace } from './search-query.ts';
import type { SearchVocabulary } from './search-shards.ts';
import { DOMAIN_WORDS, FILLER_WORDS, RELATED, SYNONYMS } from './search-synonyms.ts';

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
    const entries =
      typeof dict === 'string'
        ? dict.split('|').map((e) => e.split(' ')[0] ?? '')
        : Array.isArray(dict)
          ? (dict as readonly (readonly string[])[]).map((pair) => pair[0] ?? '')
          : [];
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

const HAN = /^\p{Script=Han}$/u;

/**
 * Which characters of the Basic Multilingual Plane are Han (\p{Script=Han}), made on first use: a table of Unicode
 * facts, never changed and the same in every build (not a cache of anything a build read).
 */
let hanTable: Uint8Array | undefined;

function getHanTable(): Uint8Array {
  if (!hanTable) {
    hanTable = new Uint8Array(0x10000);
    for (let c = 0; c < 0x10000; c++) if (HAN.test(String.fromCharCode(c))) hanTable[c] = 1;
  }
  return hanTable;
}

/** Every Han character in the given texts, added to `into` when given. */
export function hanCharacters(texts: Iterable<string>, into = new Set<string>()): Set<string> {
  // Character by character against the table, each character added once: matching a regular expression per
  // character cost more than the rest of preparing a page.
  const han = getHanTable();
  const seen = new Uint8Array(0x10000);
  for (const t of texts) {
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < t.length && (t.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        const pair = t.slice(i, i + 2);
        if (HAN.test(pair)) into.add(pair);
        i++;
      } else if (han[c] === 1 && seen[c] === 0) {
        seen[c] = 1;
        into.add(t[i]!);
      }
    }
  }
  return into;
}

// ── vocabulary (build time) ───────────────────────────────────────────────

/**
 * jieba with its dictionary. Loading it takes a second or more under load (11 MB of dictionary files read and parsed):
 * load it once, only when a page is to be counted (an incremental build that indexes no bundle never loads it), and
 * give it to each word counter.
 */
export async function loadJieba(): Promise<Jieba> {
  const [{ Jieba }, { dict }] = await Promise.all([import('@node-rs/jieba'), import('@node-rs/jieba/dict.js')]);
  return Jieba.withDict(dict);
}

/** What the word counter reads of a page's text: its runs of Han characters and its word stream (`wordStream`). */
export interface TextWords {
  runs: string[];
  stream: string;
}

/** A text's runs of Han characters and word stream, read once for the word counter and the page's digest. */
export function readTextWords(text: string): TextWords {
  return { runs: text.match(/\p{Script=Han}+/gu) ?? [], stream: wordStream(text) };
}

/**
 * Counts, page by page, on how many pages each word occurs (jieba's dictionary, build time only; the
 * browser gets the word list). Only the counts are kept, never the pages, so memory stays bounded
 * by the vocabulary, not by the county.
 */
export function makeWordCounter(jieba: Jieba): { add(text: string, read?: TextWords): void; pages: Map<string, number>; occurrences: Map<string, number> } {
  const pages = new Map<string, number>();
  const occurrences = new Map<string, number>();
  const countPieces = makePieceCounter(occurrences);
  // Each run of Han characters cut once: the pages of a county repeat the same labels and phrases (a bundle's
  // hundreds of thousands of runs are a few thousand different ones), and a call into jieba costs far more than a lookup.
  const cuts = new Map<string, string[]>();
  return {
    pages,
    occurrences,
    add(text: string, read = readTextWords(text)) {
      const words = new Set<string>();
      for (const run of read.runs) {
        let cut = cuts.get(run);
        if (!cut) {
          cut = jieba.cut(run, false).filter((w) => Array.from(w).length >= 2 && Array.from(w).length <= 8);
          cuts.set(run, cut);
        }
        for (const w of cut) words.add(w);
      }
      for (const w of words) pages.set(w, (pages.get(w) ?? 0) + 1);
      countPieces(read.stream);
    },
  };
}

// ── pins: long words searched by fewer characters ─────────────────────────

/**
 * Words a villager types whole (the domain words, synonyms and related words of two Han characters or more) that
 * may be searched by a shorter piece of themselves (a pin, see `choosePins`): every character of a phrase reads one
 * Pagefind index chunk (about 25 KB), so 村务监督委员会 read seven.
 */
export function pinWords(): string[] {
  const all = [...DOMAIN_WORDS, ...Object.keys(SYNONYMS), ...Object.values(SYNONYMS).flat(), ...Object.keys(RELATED), ...Object.values(RELATED).flat()];
  return [...new Set(all)].filter((w) => /^\p{Script=Han}{2,}$/u.test(w)).sort();
}

/** The pieces of `word` a pin can be: every run of its characters shorter than the word. */
function pieces(word: string): string[] {
  const chars = Array.from(word);
  const out: string[] = [];
  for (let n = 1; n < chars.length; n++) for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(''));
  return out;
}

/**
 * A page's words in Pagefind's order as one string: its Han characters (each one word, see docs/search.md), every
 * other word (a number, a Latin word) as one U+0001, punctuation and spaces dropped (they are no words, so Pagefind's
 * phrase search steps over them). A phrase matches where its characters stand together in this string.
 */
export function wordStream(text: string): string {
  return text.replace(/[^\p{Script=Han}\p{L}\p{N}]+/gu, '').replace(/[^\p{Script=Han}]+/gu, '\u0001');
}

/** Counts, in word streams (`wordStream`) given one by one, where each pin word and each of its pieces stands (overlaps counted). */
function makePieceCounter(occurrences: Map<string, number>): (stream: string) => void {
  const byStart = new Map<number, string[]>();
  for (const w of pinWords())
    for (const p of [w, ...pieces(w)]) {
      const key = p.length === 1 ? p.charCodeAt(0) : p.charCodeAt(0) * 65536 + p.charCodeAt(1);
      const list = byStart.get(key) ?? [];
      if (!list.includes(p)) list.push(p);
      byStart.set(key, list);
    }
  // Most characters start no piece: a table says so without a lookup in the map.
  const starts = new Uint8Array(0x10000);
  for (const key of byStart.keys()) starts[key < 65536 ? key : Math.floor(key / 65536)] = 1;
  return (s) => {
    for (let i = 0; i < s.length; i++) {
      if (starts[s.charCodeAt(i)] === 0) continue;
      const one = byStart.get(s.charCodeAt(i));
      if (one) for (const p of one) occurrences.set(p, (occurrences.get(p) ?? 0) + 1);
      const list = i + 1 < s.length ? byStart.get(s.charCodeAt(i) * 65536 + s.charCodeAt(i + 1)) : undefined;
      if (list) for (const p of list) if (s.startsWith(p, i)) occurrences.set(p, (occurrences.get(p) ?? 0) + 1);
    }
  };
}

/**
 * Pins (search/lexicon.json `pins`): a word → the shortest piece of it that stands nowhere in the site's text but
 * inside that word (it occurs exactly as often as the word times the times it occurs in the word). Searching the piece
 * finds exactly the pages that have the word, reading fewer index chunks: 村务监督委员会 → a piece of two or three
 * characters. Among pieces of the same length, the first. A word the site does not have gets the empty pin: no page has
 * it as a phrase (counted on Pagefind's own word stream, as the pins are), so the search does not look for it and
 * reads none of its index chunks (村干部工资 is searched by its synonyms only).
 */
export function choosePins(occurrences: ReadonlyMap<string, number>): Record<string, string> {
  const pins: Record<string, string> = {};
  const times = (p: string, w: string) => {
    let n = 0;
    for (let i = w.indexOf(p); i >= 0; i = w.indexOf(p, i + 1)) n++;
    return n;
  };
  for (const w of pinWords()) {
    const whole = occurrences.get(w) ?? 0;
    if (whole === 0) {
      pins[w] = '';
      continue;
    }
    const exact = pieces(w).filter((p) => (occurrences.get(p) ?? 0) === whole * times(p, w));
    exact.sort((a, b) => a.length - b.length);
    if (exact[0]) pins[w] = exact[0];
  }
  return pins;
}

/** At most this many site words go into search/lexicon.json (downloaded with the first search). */
export const SITE_WORDS_LIMIT = 3000;

/**
 * The words that split a query into terms (search/lexicon.json `words`): the site's words, plus the
 * domain words and synonyms, minus filler words. Sorted, so the file is the same for the same content.
 */
export function siteWords(pages: ReadonlyMap<string, number>, limit = SITE_WORDS_LIMIT): string[] {
  const fillers = new Set(FILLER_WORDS);
  // Words on two pages or more, most used first: a word on one page only (a name, a place) stays whole anyway,
  // because unknown characters typed together are searched together. The cap keeps a big county's lexicon small.
  const common = [...pages]
    .filter(([, n]) => n >= 2)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, limit)
    .map(([w]) => w);
  const words = new Set([
    ...common,
    ...DOMAIN_WORDS,
    ...Object.keys(SYNONYMS),
    ...Object.values(SYNONYMS).flat(),
    ...Object.keys(RELATED),
    ...Object.values(RELATED).flat(),
  ]);
  return [...words].filter((w) => !fillers.has(w) && Array.from(w).length >= 2).sort();
}

/** A word on more than one record page in this many is common (SearchLexicon.common). */
export const COMMON_SHARE = 10;

/**
 * The words of `words` (the lexicon's) on more than one of `total` record pages in COMMON_SHARE (`pages`: makeWordCounter's),
 * each followed by how common it is: 1 on more than a tenth of the pages, 2 on a fifth or more, 3 two fifths, 4 four fifths.
 */
export function commonWords(words: readonly string[], pages: ReadonlyMap<string, number>, total: number): string[] {
  return words.flatMap((w) => {
    const share = ((pages.get(w) ?? 0) * COMMON_SHARE) / total;
    return share > 1 ? [`${w}${Math.min(4, 1 + Math.floor(Math.log2(share)))}`] : [];
  });
}

function sound(word: string): string {
  return pinyin(word, { toneType: 'none', type: 'array', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z]/g, ''))
    .join(' ');
}

/** At most this many site words go into the vocabulary (its shards downloaded only after a miss). */
const VOCABULARY_LIMIT = 20_000;

/** Every GB2312 character: the characters a pinyin input method offers first. */
function commonCharacters(): string[] {
  const decoder = new TextDecoder('gb2312');
  const chars: string[] = [];
  for (let hi = 0xb0; hi <= 0xf7; hi++) for (let lo = 0xa1; lo <= 0xfe; lo++) chars.push(decoder.decode(new Uint8Array([hi, lo])));
  return chars.filter((c) => /^\p{Script=Han}$/u.test(c));
}

/**
 * The vocabulary for "did you mean" (written in shards): the site's words (and the domain words people type) with
 * their pinyin, most used first, and the readings of common characters, so the browser can tell what
 * a misspelt word sounds like.
 */
export function buildVocabulary(pages: ReadonlyMap<string, number>, places: readonly string[]): SearchVocabulary {
  const words = [
    ...new Set([
      ...siteWords(pages, VOCABULARY_LIMIT),
      ...[...pages.keys()].sort((a, b) => pages.get(b)! - pages.get(a)! || a.localeCompare(b)).slice(0, VOCABULARY_LIMIT),
    ]),
  ];
  const all = [...new Set([...places, ...words])].sort((a, b) => (pages.get(b) ?? 0) - (pages.get(a) ?? 0) || a.localeCompare(b));
  const readings: Record<string, string> = {};
  const extra = new Set(all.flatMap((w) => Array.from(w)));
  for (const c of [...new Set([...commonCharacters(), ...extra])].sort()) {
    for (const r of pinyin(c, { toneType: 'none', type: 'array', multiple: true, v: true })) {
      const key = r.toLowerCase().replace(/[^a-z]/g, '');
      if (key) readings[key] = (readings[key] ?? '') + c;
    }
  }
  const sorted = Object.fromEntries(Object.entries(readings).sort(([a], [b]) => a.localeCompare(b)));
  return { words: all.map((w) => [w, sound(w)]), readings: sorted };
}
