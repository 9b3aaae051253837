/**
 * "Did you mean" by pinyin: a villager typing with a pinyin input method picks the wrong character
 * of the right sound (低宝 for 低保, 一是一议 for 一事一议, 马区村 for 马曲村) or types the pinyin itself
 * (dibao). The build writes the site's words with their pinyin and a table of character readings
 * (search/vocabulary-<hash>/, in shards: search-shards.ts); the search page downloads the shards a query needs only
 * after it found nothing. Pure.
 */

import { fuzzySyllable, latinKey, pairKey, shardOf, skipKey, type SearchVocabulary, type ShardSet, type VocabularyShard } from './search-shards.ts';

interface Index {
  known: Set<string>;
  /** Fuzzy pinyin with spaces → words, most used first. */
  bySound: Map<string, string[]>;
  /** Fuzzy pinyin without spaces → words (for typed pinyin: dibao). */
  byLatin: Map<string, string[]>;
  readingsOf: Map<string, string[]>;
  longest: number;
}

function push(map: Map<string, string[]>, key: string, word: string) {
  const list = map.get(key);
  if (list) list.push(word);
  else map.set(key, [word]);
}

export function indexVocabulary(vocab: SearchVocabulary): Index {
  const bySound = new Map<string, string[]>();
  const byLatin = new Map<string, string[]>();
  const known = new Set<string>();
  let longest = 1;
  for (const [word, sound] of vocab.words) {
    known.add(word);
    const fuzzy = sound.split(' ').map(fuzzySyllable);
    push(bySound, fuzzy.join(' '), word);
    push(byLatin, sound.replace(/ /g, ''), word);
    longest = Math.max(longest, Array.from(word).length);
  }
  const readingsOf = new Map<string, string[]>();
  for (const [syllable, chars] of Object.entries(vocab.readings)) for (const c of Array.from(chars)) push(readingsOf, c, fuzzySyllable(syllable));
  return { known, bySound, byLatin, readingsOf, longest };
}

/**
 * The site word that `chars` misses by one character, typed by a wrong pick of the input method that does not sound
 * alike (特因供养 for 特困供养, 村到硬化 for 村道硬化): only when one site word fits, so a word that could be either of
 * two (村道?化: 硬化 or 绿化) is not guessed. Scans the vocabulary, which is loaded only after a miss.
 */
function oneCharacterOff(chars: string[], idx: Index): string | undefined {
  const found = [...idx.known].filter((w) => {
    const wc = Array.from(w);
    return wc.length === chars.length && sameCharacters(wc, chars) === chars.length - 1;
  });
  return found.length === 1 ? found[0] : undefined;
}

/** Every fuzzy reading of `chars` (at most 64 combinations). */
function sounds(chars: string[], idx: Index): string[] {
  let out = [''];
  for (const c of chars) {
    const rs = idx.readingsOf.get(c);
    if (!rs) return [];
    out = out.flatMap((prefix) => rs.map((r) => (prefix ? `${prefix} ${r}` : r))).slice(0, 64);
  }
  return out;
}

function sameCharacters(a: string[], b: string[]): number {
  return a.reduce((n, c, i) => n + (c === b[i] ? 1 : 0), 0);
}

/** The site word that sounds like `chars` (and is not `chars`), or undefined. Two-character words must share a character. */
function soundAlike(chars: string[], idx: Index): string | undefined {
  for (const sound of sounds(chars, idx)) {
    for (const w of idx.bySound.get(sound) ?? []) {
      const wc = Array.from(w);
      if (w === chars.join('')) continue;
      if (wc.length === 2 && sameCharacters(wc, chars) === 0) continue;
      return w;
    }
  }
  return undefined;
}

/**
 * Whether suggestQuery could change `query` at all: only Han runs of two or more characters and pinyin
 * are corrected. An amount, a date or a voucher that found nothing (1.25万, 记-09-002) has nothing to
 * correct, so the search page does not download the vocabulary (about 32 KB at 300 villages) for it.
 */
export function mayCorrect(query: string): boolean {
  return /\p{Script=Han}{2,}|[a-zA-Z]{4,}/u.test(query) || (/^[a-zA-Z' ]+$/.test(query) && query.includes(' '));
}

/**
 * The query with misspelt words replaced by site words that sound the same: 低宝 → 低保,
 * 马区村低保 → 马曲村低保, dibao → 低保. Words the site uses are left alone. Undefined when nothing changes.
 */
export function suggestQuery(query: string, vocab: SearchVocabulary | Index): string | undefined {
  const idx = 'bySound' in vocab ? vocab : indexVocabulary(vocab);
  // Pinyin typed with spaces between syllables: zhai ji di → 宅基地.
  const whole = /^[a-zA-Z' ]+$/.test(query) && query.includes(' ') ? idx.byLatin.get(query.toLowerCase().replace(/[' ]/g, ''))?.[0] : undefined;
  if (whole) return whole;
  const out = query
    // A word in letters, or syllables typed apart (dgsq lu deng → dgsq 路灯): the longest run of them that is a site word.
    .replace(/[a-zA-Z]+(?: [a-zA-Z]+)*/g, (run) => {
      const words = run.split(' ');
      const out: string[] = [];
      for (let i = 0, j = words.length; i < words.length; i = j, j = words.length) {
        for (; j > i; j--) {
          const word = (j - i > 1 || words[i]!.length >= 4) && idx.byLatin.get(words.slice(i, j).join('').toLowerCase())?.[0];
          if (word) break;
        }
        out.push(j > i ? idx.byLatin.get(words.slice(i, j).join('').toLowerCase())![0]! : words[i]!);
        j = Math.max(j, i + 1);
      }
      return out.join(' ');
    })
    .replace(/\p{Script=Han}{2,}/gu, (run) => {
      const chars = Array.from(run);
      let result = '';
      for (let i = 0; i < chars.length;) {
        let step = 1;
        let replacement = chars[i]!;
        for (let len = Math.min(idx.longest, chars.length - i); len >= 2; len--) {
          const piece = chars.slice(i, i + len);
          if (idx.known.has(piece.join(''))) {
            step = len;
            replacement = piece.join('');
            break;
          }
          // A word one character off is guessed only for four characters or a whole run: 合作医 in 合作医疗 is no 合作社.
          const alike = soundAlike(piece, idx) ?? (len >= 4 || (len === 3 && len === chars.length) ? oneCharacterOff(piece, idx) : undefined);
          if (alike) {
            step = len;
            replacement = alike;
            break;
          }
        }
        result += replacement;
        i += step;
      }
      return result;
    });
  return out !== query ? out : undefined;
}

/**
 * What "did you mean" loads the vocabulary for (loadVocabularyFor): the words of `query` that found nothing and are no
 * site word (`suspects`: 马曲村 in 马曲村还欠工程队多少钱, not 还欠 or 工程队, which found pages and are not misspelt; each
 * Han character costs the shards of its readings and of its pairs, issue 18), and every word typed in letters (dibao
 * Dongguan → 低保 东关: Dongguan is a place filter, not a term). Without suspects (every word found pages, none all
 * together), the whole query. suggestQuery still corrects the whole query.
 */
export function vocabularyQuery(query: string, suspects: readonly string[]): string {
  return suspects.length > 0 ? [...suspects, ...(query.match(/[a-zA-Z]+/g) ?? [])].join(' ') : query;
}

/**
 * Characters typed on each side of a word looked up whose pairs are loaded with it: a site word of up to four characters
 * overlapping it, one character off, shares a pair with them (特因 in 特因供养: 特 and 供, a slip in 特困供养).
 */
const AROUND = 2;

/** Each Han run of `query` with up to AROUND characters typed next to it in `around` (the whole query). */
function withNeighbours(query: string, around: string): string[][] {
  return (query.match(/\p{Script=Han}+/gu) ?? []).map((run) => {
    const at = around.indexOf(run);
    if (at < 0) return Array.from(run);
    const before = Array.from(around.slice(0, at).match(/\p{Script=Han}*$/u)?.[0] ?? '').slice(-AROUND);
    const after = Array.from(around.slice(at + run.length).match(/^\p{Script=Han}*/u)?.[0] ?? '').slice(0, AROUND);
    return [...before, ...Array.from(run), ...after];
  });
}

/**
 * The part of the vocabulary "did you mean" needs for `query` (vocabularyQuery's words): the readings of its Han
 * characters, then the words whose keys (vocabularyKeys) its characters make, with those typed next to them in
 * `around` (the whole query), two next to each other or with one between them, or starting with a syllable its Latin
 * words start with (two rounds of requests). Only the readings of `query`'s own characters are given back, so a word it
 * found pages for is not heard as another (光伏 as 官伏). The keys depend on the query only, so a bigger county loads as
 * many shards, each about as big (issue 18).
 */
export async function loadVocabularyFor(
  query: string,
  set: ShardSet,
  loadShard: (set: ShardSet, i: number) => Promise<VocabularyShard>,
  around: string = query,
): Promise<SearchVocabulary> {
  const shards = new Map<number, Promise<VocabularyShard>>();
  const load = (keys: Iterable<string>) =>
    Promise.all(
      [...new Set([...keys].map((k) => shardOf(k, set.count)))].map((i) => {
        let p = shards.get(i);
        if (!p) shards.set(i, (p = loadShard(set, i)));
        return p;
      }),
    );
  const runs = withNeighbours(query, around);
  const own = new Set(query.match(/\p{Script=Han}/gu) ?? []);
  const han = new Set(runs.flat());
  const readings: Record<string, string> = {};
  const readingsOf = new Map<string, string[]>();
  for (const s of await load(han))
    for (const [, c, syllables] of s.readings.matchAll(/(\P{Script=Latin})([a-z,]+)/gu))
      if (han.has(c!) && !readingsOf.has(c!)) {
        readingsOf.set(c!, [...new Set(syllables!.split(',').map(fuzzySyllable))]);
        if (own.has(c!)) for (const syllable of syllables!.split(',')) readings[syllable] = (readings[syllable] ?? '') + c!;
      }
  const keys = new Set<string>();
  const pairs = (a: string | undefined, b: string | undefined, key: (x: string, y: string) => string) => {
    for (const x of readingsOf.get(a ?? '') ?? []) for (const y of readingsOf.get(b ?? '') ?? []) keys.add(key(x, y));
  };
  for (const run of runs)
    for (const [i, c] of run.entries()) {
      pairs(c, run[i + 1], pairKey);
      pairs(c, run[i + 2], skipKey);
    }
  // A Latin word's first syllable is one of its first one to six letters; the next syllable starts after it, or is the
  // next word's (zhai ji di).
  const latin = (query.match(/[a-zA-Z]+/g) ?? []).map((x) => x.toLowerCase());
  for (const [k, w] of latin.entries())
    for (let n = 1; n <= Math.min(6, w.length); n++) keys.add(latinKey(w.slice(0, n), w.slice(n) + latin.slice(k + 1).join('')));
  const words = new Map<string, [string, string, number]>();
  for (const s of await load(keys)) for (const w of s.words) words.set(w[0], w);
  return { words: [...words.values()].sort((a, b) => a[2] - b[2]).map(([w, sound]) => [w, sound]), readings };
}
