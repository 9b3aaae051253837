/**
 * The search lexicon and the "did you mean" vocabulary in shards, so a first query downloads only what its own
 * characters need (issues 12 and 18: at most 150 KB at 300 villages). search/lexicon.json keeps a small core (the
 * directory of bundles, quarters, page count, Latin place words) and names two sets of shard files:
 *
 * - lexicon shards, keyed by a word's first character (a Latin place key by its first letter): the traditional →
 *   simplified pairs of that character, the site words, places, synonyms, related words, fillers, kinds and pins
 *   starting with it, and which bundles lack it (the directory's `chars` and `missing`);
 * - vocabulary shards, keyed both by character (its pinyin readings) and by pairs of toneless pinyin syllables (the
 *   site words having them next to each other or one apart, `vocabularyKeys`): a homophone keeps all syllables of its
 *   word, a one-character slip keeps a pair, `dibao` typed in letters starts with the word's first syllable and the
 *   next one's first letter. A key is a pair, not one syllable, so what a query loads does not grow with the county:
 *   every village's name has the syllable cun, few have the same two (issue 18, session 15).
 *
 * Each set is a folder named by the hash of its content (`lexicon-<hash>/<n>.json`), so a year-long cache stays
 * right. Pure: the build splits (`shardLexicon`, `shardVocabulary`), the search page, the province portal and the
 * Node tests load (`makeLexiconLoader`; the vocabulary's `loadVocabularyFor` is in search-suggest.ts) with a fetch function they pass in.
 */
import type { SearchBundle, SplitLexicon } from './search-bundles.ts';
import { normalizeQuery, t2sMap, type SearchPlace } from './search-query.ts';

/** One set of shard files: `search/<folder>/<i>.json` for i < count. */
/** Sounds many Mandarin speakers do not tell apart when typing: zh/z, ch/c, sh/s, n/l, -ng/-n. */
export function fuzzySyllable(s: string): string {
  return s
    .replace(/^zh/, 'z')
    .replace(/^ch/, 'c')
    .replace(/^sh/, 's')
    .replace(/^n(?=[a-z])/, 'l')
    .replace(/ng$/, 'n')
    .replace(/v/g, 'u');
}

/** Written by the build (in shards, below), or the part of it a query needs. */
export interface SearchVocabulary {
  /** The site's words and their pinyin without tones, syllables separated by spaces: ["低保", "di bao"]. Most used first. */
  words: [string, string][];
  /** Pinyin syllable → the characters read so (common characters, not only the site's). */
  readings: Record<string, string>;
}

export interface ShardSet {
  folder: string;
  /** Shards keyed by a Han character (all of them when `latin` is absent). */
  count: number;
  /**
   * Lexicon shards after the first `count`, keyed by any other first character (the first letter of a pinyin place
   * key, a digit): a query typed in characters never loads the places keyed by a letter, a growing part of a big county.
   */
  latin?: number;
}

/**
 * A bundle as the core lists it: without its villages and the characters it lacks, which come with the shards (a
 * village with the places of its name's and pinyin's first characters, a character with its shard), so the core grows
 * with the bundles only, not with the villages.
 */
export type CoreBundle = Omit<SearchBundle, 'villages' | 'missing'>;

/** search/lexicon.json: the core, and where the shards are. */
export type LexiconCore = Omit<SplitLexicon, 'directory'> & {
  directory: { bundles: CoreBundle[]; chars: string };
  shards: { lexicon: ShardSet; vocabulary: ShardSet };
};

/** One lexicon shard: the part of each table whose keys start with a character of this shard. */
export interface LexiconShard {
  t2s: string;
  words: string;
  /** The shard's words that are common (SearchLexicon.common); absent in lexicons written before 2026-12-08. */
  common?: string;
  places: SearchPlace[];
  /** Where each of `places` stands in the whole list (the loaded lexicon keeps the build's order). */
  placeAt: number[];
  /** For each of `places`, the bundles (indexes into the directory) listing a village of that name; none for a township. */
  placeIn: number[][];
  synonyms: Record<string, readonly string[]>;
  related: Record<string, readonly string[]>;
  fillers: string[];
  kinds: Record<string, string>;
  pins: Record<string, string>;
  /** Han characters of the index in this shard. */
  chars: string;
  /** For each bundle of the directory (same order), which of `chars` it lacks. */
  missing: string[];
}

/** One vocabulary shard: readings of its characters, and the site words with one of its syllables ([word, sound, rank]). */
export interface VocabularyShard {
  /** Each character followed by its readings, comma separated: "低di保bao长chang,zhang". */
  readings: string;
  words: [string, string, number][];
}

/** Which of `count` shards a key (a character, or a pinyin syllable) is in: a stable hash of its characters. */
export function shardOf(key: string, count: number): number {
  let h = 2166136261;
  for (const c of key.toLowerCase()) h = Math.imul(h ^ c.codePointAt(0)!, 16777619);
  return (h >>> 0) % count;
}

/** Which lexicon shard of `set` a key character is in: a Han character among the first `count`, any other among the `latin` after them. */
export function lexiconShardOf(c: string, set: Pick<ShardSet, 'count' | 'latin'>): number {
  return set.latin && !/\p{Script=Han}/u.test(c) ? set.count + shardOf(c, set.latin) : shardOf(c, set.count);
}

/** The characters whose lexicon shards `text` needs: each Han character, and the first character of each other word. */
export function keyCharacters(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.toLowerCase().matchAll(/\p{Script=Han}|[^\p{Script=Han}\s\p{P}\p{S}]+/gu)) out.add(Array.from(m[0])[0]!);
  return [...out];
}

const first = (word: string) => keyCharacters(word)[0] ?? word.slice(0, 1);

function pick<V>(table: Readonly<Record<string, V>> | undefined, mine: (c: string) => boolean): Record<string, V> {
  return Object.fromEntries(Object.entries(table ?? {}).filter(([k]) => mine(first(k))));
}

/**
 * How many shards a table of `bytes` bytes of JSON is cut into: about `per` bytes each, at most `max` (256 by default;
 * 64 until session 10: at 1,000 villages both tables passed it and every shard a query loads grew with the county).
 */
export function shardCount(bytes: number, per: number, max = 256): number {
  return Math.max(1, Math.min(max, Math.round(bytes / per)));
}

/**
 * Splits a whole lexicon into a core (without its shards' folder names, which the caller adds) and `count` shards keyed
 * by Han characters, then `latin` keyed by other characters (none: every key among the `count`).
 */
export function shardLexicon(whole: SplitLexicon, count: number, latin = 0): { core: Omit<LexiconCore, 'shards'>; shards: LexiconShard[] } {
  const chars = Array.from(whole.directory.chars);
  const t2s = Array.from(whole.t2s);
  const bundlesOf = new Map<string, number[]>();
  for (const [i, b] of whole.directory.bundles.entries()) for (const v of b.villages) bundlesOf.set(v, [...(bundlesOf.get(v) ?? []), i]);
  const placeIn = (p: SearchPlace) => (p.kind === 'village' ? [...new Set(bundlesOf.get(p.name) ?? [])] : []);
  const shards = Array.from({ length: count + latin }, (_, i): LexiconShard => {
    const mine = (c: string) => lexiconShardOf(c, { count, latin }) === i;
    // What a word of this shard is searched as besides itself (its synonyms and related words) comes with it: their
    // pins and which bundles hold their characters, so a query needs only the shards of its own characters.
    const also = [...Object.entries(whole.synonyms ?? {}), ...Object.entries(whole.related ?? {})].flatMap(([k, vs]) => (mine(first(k)) ? vs : []));
    const alsoChars = new Set(also.flatMap((w) => w.match(/\p{Script=Han}/gu) ?? []));
    const own = chars.filter((c) => mine(c) || alsoChars.has(c));
    const placed = whole.places.flatMap((p, j) => ([p.name, ...p.keys].some((k) => mine(first(k))) ? [j] : []));
    return {
      t2s: t2s.filter((c, j) => (j % 2 === 0 ? mine(c) : mine(t2s[j - 1]!))).join(''),
      words: (whole.words ?? '')
        .split(' ')
        .filter((w) => w && mine(first(w)))
        .join(' '),
      common: (whole.common ?? '')
        .split(' ')
        .filter((w) => w && mine(first(w)))
        .join(' '),
      places: placed.map((j) => whole.places[j]!),
      placeAt: placed,
      placeIn: placed.map((j) => placeIn(whole.places[j]!)),
      synonyms: pick(whole.synonyms, mine),
      related: pick(whole.related, mine),
      fillers: (whole.fillers ?? []).filter((f) => mine(first(f))),
      kinds: pick(whole.kinds, mine),
      pins: { ...pick(whole.pins, mine), ...Object.fromEntries(also.flatMap((w) => (whole.pins?.[w] !== undefined ? [[w, whole.pins[w]]] : []))) },
      chars: own.join(''),
      missing: whole.directory.bundles.map((b) => own.filter((c) => b.missing.includes(c)).join('')),
    };
  });
  const { t2s: _t, words: _w, common: _c, places: _p, synonyms: _s, related: _r, fillers: _f, kinds: _k, pins: _n, directory, ...rest } = whole;
  const bundles = directory.bundles.map(({ villages: _v, missing: _m, ...b }): CoreBundle => b);
  return { core: { ...rest, places: [], t2s: '', directory: { bundles, chars: '' } }, shards };
}

/** A key of two syllables next to each other in a word: `dong guan`. */
export const pairKey = (a: string, b: string) => `${a} ${b}`;
/** A key of two syllables with one between them: `te * gong` (特困供养 typed 特因供养). */
export const skipKey = (a: string, c: string) => `${a} * ${c}`;
/** A key for pinyin typed in letters: the first syllable and the next one's first letter (`di>b` for dibao), or none (`di>`). */
export const latinKey = (first: string, rest: string) => `${fuzzySyllable(first)}>${fuzzySyllable(rest).slice(0, 1)}`;

/**
 * The keys of the vocabulary shards holding a word of this pinyin (`sound`, syllables separated by spaces), each fuzzy
 * (fuzzySyllable): every two syllables next to each other (a homophone of the word shares them all, a slip of one
 * character the others), every two with one between them (特因供养 for 特困供养: 特 and 供), and its first syllable with
 * the next one's first letter (typed in letters). A word has as many keys as syllables, about; a query loads the keys
 * its own characters make (loadVocabularyFor), so neither grows with the county.
 */
export function vocabularyKeys(sound: string): string[] {
  const raw = sound.split(' ').filter(Boolean);
  const s = raw.map(fuzzySyllable);
  const keys = [latinKey(raw[0] ?? '', raw[1] ?? '')];
  for (let i = 0; i + 1 < s.length; i++) keys.push(pairKey(s[i]!, s[i + 1]!));
  for (let i = 0; i + 2 < s.length; i++) keys.push(skipKey(s[i]!, s[i + 2]!));
  return [...new Set(keys)];
}

/**
 * Bytes of JSON per vocabulary shard, loaded only after a miss by its characters and pairs of pinyin syllables (1,500
 * until session 10, 1,000 until session 15: a miss now loads a shard per pair, each smaller).
 */
export const VOCABULARY_SHARD_BYTES = 500;
/**
 * At most this many vocabulary shards: a query loads a shard per key its characters make, whatever their number, so a
 * bigger county gets more shards rather than bigger ones (256 until session 15).
 */
export const VOCABULARY_SHARDS_MAX = 4096;

/**
 * How many vocabulary shards hold about `per` bytes of JSON each: its readings, and each word once per shard of its
 * keys (vocabularyKeys), at most `max`.
 */
export function vocabularyShardCount(vocab: SearchVocabulary, per: number, max: number): number {
  const words = vocab.words.reduce((sum, [word, sound], rank) => sum + JSON.stringify([word, sound, rank]).length * vocabularyKeys(sound).length, 0);
  return shardCount(JSON.stringify(vocab.readings).length + words, per, max);
}

/**
 * Splits the vocabulary: readings by character, words by the pairs of their syllables that vocabularyKeys names. A
 * shard holds the words of the keys that hash to it, so it grows with the county only as much as the words sharing a
 * pair of syllables do; the build makes more shards for a bigger vocabulary (vocabularyShardCount).
 */
export function shardVocabulary(vocab: SearchVocabulary, count: number): VocabularyShard[] {
  const shards = Array.from({ length: count }, (): VocabularyShard => ({ readings: '', words: [] }));
  const readingsOf = new Map<string, string[]>();
  for (const [syllable, chars] of Object.entries(vocab.readings))
    for (const c of Array.from(chars)) readingsOf.set(c, [...(readingsOf.get(c) ?? []), syllable]);
  for (const [c, syllables] of readingsOf) shards[shardOf(c, count)]!.readings += c + syllables.join(',');
  for (const [rank, [word, sound]] of vocab.words.entries())
    for (const i of new Set(vocabularyKeys(sound).map((k) => shardOf(k, count)))) shards[i]!.words.push([word, sound, rank]);
  return shards;
}

/**
 * The lexicon a query needs, loaded shard by shard into one growing lexicon: the shards of the query's characters
 * (a word's synonyms, related words and their pins come with it), then those of its simplified form when it was
 * typed in traditional characters. One round of requests, in parallel with Pagefind's start, for a query typed in
 * simplified characters. `lexicon` is the same object after every load.
 */
export function makeLexiconLoader(core: LexiconCore, loadShard: (set: ShardSet, i: number) => Promise<LexiconShard>) {
  const set = core.shards.lexicon;
  const lexicon = {
    ...core,
    places: [] as SearchPlace[],
    t2s: '',
    words: '',
    common: '',
    synonyms: {} as Record<string, readonly string[]>,
    related: {} as Record<string, readonly string[]>,
    fillers: [] as string[],
    kinds: {} as Record<string, string>,
    pins: {} as Record<string, string>,
    directory: { bundles: core.directory.bundles.map((b): SearchBundle => ({ ...b, villages: [], missing: '' })), chars: '' },
  };
  const placed = new Map<number, { place: SearchPlace; bundles: readonly number[] }>();
  const loaded = new Map<number, Promise<void>>();
  const load = (i: number) => {
    let p = loaded.get(i);
    if (!p) {
      p = loadShard(set, i).then((s) => {
        lexicon.t2s += s.t2s;
        lexicon.words = lexicon.words && s.words ? `${lexicon.words} ${s.words}` : lexicon.words || s.words;
        lexicon.common += ` ${s.common ?? ''}`;
        for (const [j, place] of s.places.entries()) placed.set(s.placeAt[j]!, { place, bundles: s.placeIn[j] ?? [] });
        const ordered = [...placed].sort(([a], [b]) => a - b).map(([, p]) => p);
        lexicon.places.splice(0, Infinity, ...ordered.map((p) => p.place));
        // Each bundle's villages, as far as their places are loaded (a village named in a query or chosen is).
        for (const b of lexicon.directory.bundles) b.villages = [];
        for (const p of ordered)
          for (const b of p.bundles) {
            const villages = lexicon.directory.bundles[b]?.villages;
            if (villages && !villages.includes(p.place.name)) villages.push(p.place.name);
          }
        Object.assign(lexicon.synonyms, s.synonyms);
        Object.assign(lexicon.related, s.related);
        lexicon.fillers.push(...s.fillers);
        Object.assign(lexicon.kinds, s.kinds);
        Object.assign(lexicon.pins, s.pins);
        lexicon.directory.chars += s.chars;
        for (const [b, m] of s.missing.entries()) if (lexicon.directory.bundles[b]) lexicon.directory.bundles[b].missing += m;
      });
      // A shard that failed is asked again on the next search.
      p.catch(() => loaded.delete(i));
      loaded.set(i, p);
    }
    return p;
  };
  return {
    lexicon,
    /**
     * The lexicon with every shard `query` needs, and those of the places `chosen` in the filters (a village's bundle
     * is known once its place is loaded).
     */
    forQuery: async (query: string, chosen: readonly (string | undefined)[] = []): Promise<SplitLexicon> => {
      for (let round = 0; round < 4; round++) {
        // The query as planQuery reads it: a traditional character stays as typed until its shard (with its pair) is
        // in, then its simplified one is loaded; characters the normalising rewrites (二〇二五年七月 → 2025年7月, 叁仟 →
        // 三千, full-width forms) are never looked up, so their shards are not loaded.
        const normalized = normalizeQuery(query, t2sMap(lexicon));
        const chars = [...keyCharacters(normalized), ...chosen.flatMap((name) => keyCharacters(name ?? '').slice(0, 1))];
        const need = [...new Set(chars.map((c) => lexiconShardOf(c, set)))].filter((i) => !loaded.has(i));
        if (need.length === 0) break;
        await Promise.all(need.map(load));
      }
      await Promise.all(loaded.values());
      return lexicon;
    },
  };
}
