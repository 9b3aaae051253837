/**
 * What a villager's search box text means, as Pagefind queries. Pure: shared by the search page in
 * the browser, the build step that writes the index, and the tests.
 *
 * Precision for Chinese comes from indexing every Han character as its own word (the build puts a
 * zero-width space between neighbouring Han characters in the text it gives Pagefind) and asking
 * Pagefind for the characters as one exact phrase. "低保" then finds exactly the pages whose text
 * contains 低保, whatever Pagefind's segmenters would have made of the words around it.
 */
import { formatYuan } from './money.ts';

/** Characters Pagefind keeps inside words besides letters and digits: 记-07-003, 马*顺, 12,500.00. */
export const SEARCH_WORD_CHARACTERS = '-*,.';

const HAN = /\p{Script=Han}/u;
const SPACE = /\s/u;

/**
 * Puts `separator` between neighbouring characters when either of them is a Han character, so each
 * Han character stands alone: separateHan('马曲村2025年', ' ') → '马 曲 村 2025 年'.
 */
export function separateHan(text: string, separator: string): string {
  const chars = Array.from(text);
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const next = chars[i + 1];
    out += c;
    if (next !== undefined && c !== separator && next !== separator && !SPACE.test(c) && !SPACE.test(next) && (HAN.test(c) || HAN.test(next))) out += separator;
  }
  return out;
}

/** The text Pagefind indexes: zero-width spaces between Han characters (invisible in excerpts). */
export function separateHanForIndex(text: string): string {
  return separateHan(text, '\u200B');
}

// ── lexicon ───────────────────────────────────────────────────────────────

/** A village or township and the pinyin spellings that find it (e.g. maqu, maqucun, mqc). */
export interface SearchPlace {
  name: string;
  kind: 'village' | 'township';
  keys: string[];
}

/** Written by the build next to the search page (search/lexicon.json). */
export interface SearchLexicon {
  places: SearchPlace[];
  /** Traditional → simplified, as pairs of characters: "東东興兴…", only for characters in the index. */
  t2s: string;
}

export function t2sMap(lexicon: Pick<SearchLexicon, 't2s'>): Map<string, string> {
  const chars = Array.from(lexicon.t2s);
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i]!, chars[i + 1]!);
  return map;
}

// ── planning ──────────────────────────────────────────────────────────────

/** One Pagefind query to try. */
export interface SearchTry {
  query: string;
  /** True when every result contains the term as typed (or as rewritten, see `label`). */
  exact: boolean;
  /** What this try looks for, shown to the villager, e.g. 12,500.00. */
  label: string;
}

export interface PlannedTerm {
  /** The term after normalising (full-width → half-width, traditional → simplified). */
  text: string;
  /** Tried in order; the first that finds anything is used. */
  tries: SearchTry[];
}

export interface QueryPlan {
  /** All terms must match (AND). */
  terms: PlannedTerm[];
  /** Villages named in pinyin: results are limited to these. */
  villages: string[];
  /** Townships named in pinyin. */
  townships: string[];
  /** Rewrites to tell the villager about, e.g. "maqu → 马曲村", "東興村 → 东兴村". */
  notes: string[];
}

const QUOTES_AND_BRACKETS = /["'“”‘’「」『』《》〈〉【】()（）[\]{}<>]/g;
const SEPARATORS = /[\s，。、；：？！,;:?!／/\\|~～…·]+/u;
const CN_MONTHS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12 };

/** Full-width to half-width, traditional to simplified, quotes removed, spaces collapsed. */
export function normalizeQuery(raw: string, t2s: ReadonlyMap<string, string>): string {
  const simplified = Array.from(raw.normalize('NFKC'))
    .map((c) => t2s.get(c) ?? c)
    .join('');
  return simplified.replace(QUOTES_AND_BRACKETS, ' ').replace(/\s+/g, ' ').trim();
}

/** Splits on spaces and punctuation, but keeps , and . inside numbers (12,500.00). */
export function splitTerms(text: string): string[] {
  const protectedNumbers = text.replace(/(\d),(?=\d)/g, '$1\u0000');
  return protectedNumbers
    .split(SEPARATORS)
    .map((t) => t.replace(/\u0000/g, ',').replace(/^[-*.]+|[-.]+$/g, ''))
    .filter((t) => t.length > 0);
}

/** "2025-09", "2025/9", "2025年9月" → "2025年9月"; "九月" → "9月"; otherwise undefined. */
export function monthTerm(term: string): string | undefined {
  const ym = /^(\d{4})(?:[-/]|年)(\d{1,2})月?$/.exec(term);
  if (ym && Number(ym[2]) >= 1 && Number(ym[2]) <= 12) return `${ym[1]}年${Number(ym[2])}月`;
  const cn = /^(十[一二]?|[一二三四五六七八九])月(份)?$/.exec(term);
  if (cn) return `${CN_MONTHS[cn[1]!]}月`;
  return undefined;
}

/**
 * An amount the way pages print it: "12500.5" / "12,500.5" / "１２５００.００" → "12,500.50".
 * Only for numbers with a decimal point or thousands separators; plain integers may be years or counts.
 */
export function amountTerm(term: string): string | undefined {
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(term);
  if (!m) return undefined;
  const yuan = Number(m[1]!.replace(/,/g, ''));
  if (!Number.isSafeInteger(yuan * 100)) return undefined;
  return formatYuan(yuan * 100 + Number((m[2] ?? '').padEnd(2, '0')));
}

function exactTry(term: string, label = term): SearchTry {
  return { query: `"${separateHan(term, ' ')}"`, exact: true, label };
}

function planTerm(term: string): PlannedTerm {
  const tries: SearchTry[] = [];
  const month = monthTerm(term);
  const amount = amountTerm(term);
  if (month) tries.push(exactTry(month));
  else if (amount && (term.includes('.') || term.includes(','))) tries.push(exactTry(amount));
  else {
    tries.push(exactTry(term));
    // A plain number may be an amount typed without separators: 12500 → 12,500.00.
    if (amount && /^\d{3,}$/.test(term)) tries.push(exactTry(amount));
  }
  // Last resort: pages that contain all the characters, anywhere. Marked as not exact.
  tries.push({ query: separateHan(month ?? term, ' '), exact: false, label: month ?? term });
  return { text: term, tries };
}

function pinyinKey(term: string): string | undefined {
  const key = term.toLowerCase().replace(/['’]/g, '');
  return /^[a-z]+$/.test(key) ? key : undefined;
}

/**
 * Turns the search box text into terms and place filters:
 * - pinyin of a village or township (马曲村: maqu, maqucun, mqc) limits results to that place;
 * - a term that contains a place name and more ("马曲村低保") is searched as both words;
 * - months and amounts are rewritten the way pages print them;
 * - every other term must appear exactly.
 */
export function planQuery(raw: string, lexicon: SearchLexicon): QueryPlan {
  const t2s = t2sMap(lexicon);
  const notes: string[] = [];
  const normalized = normalizeQuery(raw, t2s);
  const rawNfkc = raw.normalize('NFKC').replace(QUOTES_AND_BRACKETS, ' ').replace(/\s+/g, ' ').trim();
  if (normalized !== rawNfkc) notes.push(`${rawNfkc} → ${normalized}`);

  const villages = new Set<string>();
  const townships = new Set<string>();
  const terms: string[] = [];
  const pieces = splitTerms(normalized);
  // "ma qu cun" typed with spaces: try the whole latin query as one key first.
  const whole = pinyinKey(pieces.join(''));
  const wholeMatches = whole && pieces.length > 1 ? lexicon.places.filter((p) => p.keys.includes(whole)) : [];
  for (const piece of wholeMatches.length > 0 ? [pieces.join('')] : pieces) {
    const key = pinyinKey(piece);
    const places = key ? lexicon.places.filter((p) => p.keys.includes(key)) : [];
    if (places.length > 0) {
      for (const p of places) (p.kind === 'village' ? villages : townships).add(p.name);
      notes.push(`${piece} → ${places.map((p) => p.name).join('、')}`);
      continue;
    }
    terms.push(...splitOffPlaces(piece, lexicon.places));
  }
  return { terms: [...new Set(terms)].map(planTerm), villages: [...villages], townships: [...townships], notes };
}

/**
 * "天成镇马曲村低保" → ["天成镇", "马曲村", "低保"]. A term that is a place name stays whole, and so
 * does a term whose leftover pieces would be single characters (马曲村 is not 马 + 曲村).
 */
export function splitOffPlaces(term: string, places: readonly SearchPlace[]): string[] {
  const names = places.map((p) => p.name).sort((a, b) => b.length - a.length || a.localeCompare(b));
  if (names.includes(term)) return [term];
  const name = names.find((n) => term.includes(n));
  if (!name) return [term];
  const i = term.indexOf(name);
  const before = term.slice(0, i);
  const after = term.slice(i + name.length);
  if ([before, after].some((piece) => Array.from(piece).length === 1)) return [term];
  return [...(before ? splitOffPlaces(before, places) : []), name, ...(after ? splitOffPlaces(after, places) : [])];
}
