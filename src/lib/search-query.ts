/**
 * What a villager's search box text means, as Pagefind queries. Pure: shared by the search page in
 * the browser, the build step that writes the index, and the tests.
 *
 * Precision for Chinese comes from indexing every Han character as its own word (the build puts a
 * zero-width space between neighbouring Han characters in the text it gives Pagefind) and asking
 * Pagefind for the characters as one exact phrase. "低保" then finds exactly the pages whose text
 * contains 低保, whatever Pagefind's segmenters would have made of the words around it.
 */
import { CAPITAL_DIGITS, CAPITAL_UNITS } from './capital-numerals.ts';
import { formatYuan } from './money.ts';

/** Characters Pagefind keeps inside words besides letters and digits: 记-07-003, 马*顺, 12,500.00. */
export const SEARCH_WORD_CHARACTERS = '-*,.';

/** A masked name as pages print it (马*顺, 欧**娜): the search opens the names bundle for it (src/lib/search-bundles.ts). */
/** Chinese numerals: a count (一个季度, 两户), never the end of the word before them. */
const NUMERALS = /^[〇零一二两三四五六七八九十百千万几]$/u;

export function isMaskedName(text: string): boolean {
  return /^\p{sc=Han}+\*+\p{sc=Han}*$/u.test(text);
}

const HAN = /\p{sc=Han}/u;
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

/** Where separateHan(text, '\u200B') puts a separator: between a Han character and a neighbour that is no space and no separator. */
const HAN_NEIGHBOURS = /(?<=\p{sc=Han})(?=[^\s\u200B])|(?<=[^\s\u200B])(?=\p{sc=Han})/gu;

/**
 * The text Pagefind indexes: zero-width spaces between Han characters (invisible in excerpts). The same as
 * separateHan(text, '\u200B'), in one regular expression (the build separates every page's text).
 */
export function separateHanForIndex(text: string): string {
  return text.replace(HAN_NEIGHBOURS, '\u200B');
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
  /** Words of the site (content cut by a segmenter at build time, plus the domain words), space separated: splits sentences into words. */
  words?: string;
  /**
   * The words of `words` on more than one record page in ten, each followed by a digit saying how common (search-lexicon.ts
   * commonWords: 村民2), space separated: a long question searches them last, the most common last of all, and may then
   * not need them (search-run.ts runPlan). Absent before 2026-12-08.
   */
  common?: string;
  /** Quarter filter values in the index, e.g. 2025年第三季度. */
  quarters?: string[];
  /** Record pages in the index: a relaxed search that returns more than half of them shows none. */
  pages?: number;
  /** How villagers say things (src/lib/search-synonyms.ts), written here by the build so the page's script stays small. */
  synonyms?: Readonly<Record<string, readonly string[]>>;
  /** Words the boards use → other words for the same thing, looked up when the word is rare (低保 ↔ 最低生活保障). */
  related?: Readonly<Record<string, readonly string[]>>;
  /** Question and filler words dropped from a query. */
  fillers?: readonly string[];
  /** Words that name a record kind → the record-type filter value (账 → 财务收支). */
  kinds?: Readonly<Record<string, string>>;
  /** Words after a place's name that name its office and mean the place (村委会 → 马曲村委会 is 马曲村), by kind of place. */
  offices?: Readonly<Record<string, readonly string[]>>;
  /** Latin words around a pinyin place name that only say "a place" (village, town). */
  latinPlaceWords?: readonly string[];
  /** How people say what pages print (search-synonyms.ts SPOKEN): parts of the patterns planQuery builds. */
  spoken?: SpokenForms;
  /** Words that name a disclosure track (党务) → the record kind of its records (search-questions.ts TRACK_KINDS). */
  tracks?: Readonly<Record<string, string>>;
  /** Question words → the record kinds that answer them, which come first (search-questions.ts QUESTION_KINDS). */
  questions?: readonly { readonly words: readonly string[]; readonly kinds: readonly string[] }[];
  /** Long word → a piece of it that stands nowhere else in the site's text, searched instead (fewer index chunks, same pages; search-lexicon.ts choosePins). */
  pins?: Readonly<Record<string, string>>;
}

/** Parts of patterns for what people type the way they say it (search-synonyms.ts SPOKEN). */
export interface SpokenForms {
  /** Another mark that hides a name's character (马×顺, 赵〇玲), or 某某 for the whole given name: a pattern. */
  masks: string;
  /** An amount said roughly (两万多, 一万左右): a pattern. */
  rough: string;
  /** Chinese numerals of a count pages print in digits (一百二十 before 亩): a pattern. */
  counts: string;
  /** A year named by how far it is before the newest year of the index: 今年 0, 去年 1, 前年 2. */
  years: Readonly<Record<string, number>>;
  /** Common surnames: one of them before a two-character word is a person's name (王海燕), not searched apart. */
  surnames: string;
  /** A month named by a holiday or a season (国庆节后 → 10月), or the quarters a half year names (上半年 → 一季度 二季度). */
  months: Readonly<Record<string, string>>;
  /** Letters that read as toneless pinyin (dibao, guangfu), not as an English word (street): a pattern. */
  pinyin: string;
}

export function t2sMap(lexicon: Pick<SearchLexicon, 't2s'>): Map<string, string> {
  const chars = Array.from(lexicon.t2s);
  const map = new Map<string, string>();
  for (let i = 0; i + 1 < chars.length; i += 2) map.set(chars[i]!, chars[i + 1]!);
  return map;
}

// ── planning ──────────────────────────────────────────────────────────────

/** One exact phrase to look for. */
export interface SearchTry {
  /** The Pagefind query: the phrase with its Han characters separated, in quotes. */
  query: string;
  /** What this try looks for, shown to the villager, e.g. 12,500.00 or 饮水. */
  label: string;
  /** True when the phrase is a synonym of what was typed (the page then says "已按 饮水 查找"). */
  synonym: boolean;
  /** Another word the boards use for the same thing: searched only when the word as typed is rare. */
  related?: boolean;
  /** No page has the phrase (its pin in the lexicon is empty): not searched, it would find nothing. */
  absent?: boolean;
}

export interface PlannedTerm {
  /** The term after normalising (full-width → half-width, traditional → simplified, 1.25万 → 12,500.00). */
  text: string;
  /** A page matches the term when it contains any of these phrases. */
  tries: SearchTry[];
  /** Words typed together (核桃园, 危房改造补助): searched as one phrase first, and as these words when no page has the phrase. */
  split?: PlannedTerm[];
  /**
   * Characters of a sentence left between known words that are no word of the site (管子换, 批下): a guess at a
   * word. When no page has it, runPlan leaves it out (and says so) even where it would keep every term typed.
   */
  guessed?: boolean;
}

export interface QueryPlan {
  /** Every term should match; when no page has them all, runPlan relaxes to most of them and says which it dropped. */
  terms: PlannedTerm[];
  /** Villages named in the query (马曲村, maqu, Maqu village): results are limited to these. */
  villages: string[];
  /** Townships named in the query. */
  townships: string[];
  /** Quarters named in the query (三季度, 2025Q3): the quarter filter values they select. */
  quarters: string[];
  /** Record kinds named in the query (账 → 财务收支): the record-type filter values they select. */
  kinds: string[];
  /** Tracks named in the query (党务: the party-affairs disclosures, with the kind 村务公开; TRACK_KINDS): the track filter values. */
  tracks: string[];
  /**
   * Record kinds the question asks of (QUESTION_KINDS in search-questions.ts, in the lexicon): among the first results, these come first. 花了多少钱 asks for a
   * sum, which ledgers and disclosures state; 修得咋样了 for progress, which disclosures report.
   */
  prefer: string[];
  /** Question and filler words left out (多少钱, 请问 …). */
  ignored: string[];
  /** Rewrites to tell the villager about, e.g. "maqu → 马曲村", "1.25万 → 12,500.00". */
  notes: string[];
}

const QUOTES_AND_BRACKETS = /["'“”‘’「」『』《》〈〉【】()（）[\]{}<>]/g;
const SEPARATORS = /[\s，。、；：？！,;:?!／/\\|~～…·]+/u;
const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const QUARTER_NAMES = ['一', '二', '三', '四'];

/** Capital numerals (大写数字) as written on vouchers and receipts → the everyday ones (pairs, as in SearchLexicon.t2s). */
const CAPITALS = t2sMap({ t2s: CAPITAL_DIGITS + CAPITAL_UNITS });

/** Full-width to half-width, traditional to simplified, capital numerals in an amount (叁仟陆佰元) read, quotes removed, spaces collapsed. */
export function normalizeQuery(raw: string, t2s: ReadonlyMap<string, string>): string {
  const simplified = Array.from(raw.normalize('NFKC'))
    .map((c) => t2s.get(c) ?? c)
    .join('')
    // A run of numerals with at least one capital digit (拾 alone stays: 拾金不昧).
    .replace(
      /[零〇壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬万亿一二两三四五六七八九十百千]*[壹贰貳叁參肆伍陆陸柒捌玖佰仟][零〇壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬万亿一二两三四五六七八九十百千圆圓元整]*/gu,
      (run) =>
        Array.from(run)
          .map((c) => CAPITALS.get(c) ?? c)
          .join(''),
    );
  return spokenDates(simplified)
    .replace(/(?<=\b20\d\d(?:\/\d\d?)?)\/(?=\d)/g, '-') // 2025/6/18: the slash also separates words
    .replace(/(?<!\p{sc=Han})([记收付转])[\s\-—–_字第]*(\d\d?)[\s\-—–_]+(\d{1,4})(?!\d)/gu, '$1-$2-$3') // 记 08 003, 记—07—003
    .replace(QUOTES_AND_BRACKETS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Dates as voice input writes them, in Chinese numerals: 二〇二五年七月二十二日 → 2025年7月22日, 九月 → 9月,
 * 七月二十二号 → 7月22日.
 */
export function spokenDates(text: string): string {
  const number = (n: string, max: number) => ((parseChineseNumber(n) ?? 99) <= max ? parseChineseNumber(n) : undefined);
  return text
    .replace(/[〇零一二三四五六七八九]{4}(?=年)/gu, (y) => y.replace(/./gu, (c) => String(CN_DIGITS[c])))
    .replace(/([一二三四五六七八九十]{1,2})月/gu, (m, n: string) => (number(n, 12) ? `${number(n, 12)}月` : m))
    .replace(/(\d月)([一二三四五六七八九十]{1,3})[日号]/gu, (m, mo: string, n: string) => (number(n, 31) ? `${mo}${number(n, 31)}日` : m));
}

/** Splits on spaces and punctuation, but keeps , and . inside numbers (12,500.00). */
export function splitTerms(text: string): string[] {
  const protectedNumbers = text.replace(/(\d)([,.])(?=\d)/g, (_, d: string, p: string) => d + (p === ',' ? '\u0000' : '\u0001'));
  return (
    protectedNumbers
      .split(SEPARATORS)
      // \u0000 and \u0001 are the placeholders protectedNumbers put in above.
      .map((t) =>
        t
          // eslint-disable-next-line no-control-regex -- the placeholder \u0000
          .replace(/\u0000/g, ',')
          // eslint-disable-next-line no-control-regex -- the placeholder \u0001
          .replace(/\u0001/g, '.')
          .replace(/^[-*.]+|[-.]+$/g, ''),
      )
      .filter((t) => t.length > 0)
  );
}

/** "2025-09", "2025/9", "2025.9", "2025年9月" → "2025年9月"; "九月", "9月份" → "9月"; otherwise undefined. */
export function monthTerm(term: string): string | undefined {
  const ym = /^(20\d{2})(?:[-/.]|年)(\d{1,2})(?:月份?)?$/.exec(term);
  if (ym && Number(ym[2]) >= 1 && Number(ym[2]) <= 12) return `${ym[1]}年${Number(ym[2])}月`;
  const m = /^(\d{1,2})月份?$/.exec(term);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return `${Number(m[1])}月`;
  const cn = /^(十[一二]?|[一二三四五六七八九])月(份)?$/.exec(term);
  if (cn) return `${parseChineseNumber(cn[1]!)}月`;
  return undefined;
}

/** "2025-07-22", "2025.7.22", "2025/07/22", "2025年7月22日" → "2025年7月22日"; "7月22号" → "7月22日". */
export function dayTerm(term: string): string | undefined {
  const ymd = /^(20\d{2})(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})[日号]?$/.exec(term);
  if (ymd && Number(ymd[2]) <= 12 && Number(ymd[3]) <= 31) return `${ymd[1]}年${Number(ymd[2])}月${Number(ymd[3])}日`;
  const md = /^(\d{1,2})月(\d{1,2})[日号]$/.exec(term);
  if (md && Number(md[1]) <= 12 && Number(md[2]) <= 31) return `${Number(md[1])}月${Number(md[2])}日`;
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

/** 一万二千五 → 12500, 三千 → 3000, 十二 → 12, 两万 → 20000 (a trailing digit counts in the unit below: 二千五 = 2500). */
export function parseChineseNumber(text: string): number | undefined {
  if (!/^[零〇一二两三四五六七八九十百千万亿]+$/.test(text)) return undefined;
  let total = 0;
  let section = 0;
  let digit = -1;
  let lastUnit = 1;
  for (const c of text) {
    if (c in CN_DIGITS) {
      if (digit >= 0) return undefined; // 一二 is not a number
      // 零 only says a unit is skipped: 一万零五百 = 10,500, 十万零五 = 100,005.
      if (CN_DIGITS[c]) digit = CN_DIGITS[c];
      else lastUnit = 1;
    } else if (c in CN_UNITS) {
      section += (digit < 0 ? 1 : digit) * CN_UNITS[c]!;
      lastUnit = CN_UNITS[c]!;
      digit = -1;
    } else {
      const big = c === '万' ? 10_000 : 100_000_000;
      if (digit >= 0) section += lastUnit > 1 && lastUnit < 10_000 ? (digit * lastUnit) / 10 : digit;
      total += (section || 1) * big;
      section = 0;
      digit = -1;
      // A digit after 万 counts in thousands (二万四 = 24,000), as after 千 in hundreds.
      lastUnit = big;
    }
  }
  if (digit >= 0) section += lastUnit > 1 ? (digit * lastUnit) / 10 : digit;
  const n = total + section;
  return Number.isSafeInteger(n) ? n : undefined;
}

/** "1.25万", "12500元", "¥12,500", "一万二千五", "3千块" → "12,500.00" as pages print amounts; otherwise undefined. */
export function moneyTerm(term: string): string | undefined {
  // 1万2 = 12,000, 3千5 = 3,500, 21万4千8 = 214,800, 2千1百8 = 2,180, as people say them (a last digit counts in the unit below).
  const spoken = /^((?:\d+[万千百])+)(\d)?(?:元|块钱|块)?$/.exec(term);
  if (spoken) {
    let yuan = 0;
    let unit = 100_000_000;
    for (const [, n, u] of spoken[1]!.matchAll(/(\d+)(.)/g)) {
      const next = { 万: 10_000, 千: 1000, 百: 100 }[u!]!;
      if (next >= unit) return undefined;
      yuan += Number(n) * (unit = next);
    }
    return formatYuan((yuan + (Number(spoken[2] ?? 0) * unit) / 10) * 100);
  }
  const m = /^[¥￥]?(\d[\d,]*(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]+)(千|万|亿)?(元|块钱|块|圆)?(整)?$/.exec(term);
  if (!m) return undefined;
  const [, num, scale, unit] = m;
  const latin = /^\d/.test(num!);
  if (latin && !scale && !unit && !term.startsWith('¥') && !term.startsWith('￥')) return undefined;
  // 亿 with no 元 is a slip (一事一亿), not an amount a village prints.
  if (!latin && !unit && !/[百千万]/.test(num! + (scale ?? ''))) return undefined;
  const value = latin ? Number(num!.replace(/,/g, '')) : parseChineseNumber(num! + (scale ?? ''));
  if (value === undefined || !Number.isFinite(value)) return undefined;
  const factor = latin && scale ? { 千: 1000, 万: 10_000, 亿: 100_000_000 }[scale]! : 1;
  const fen = Math.round(value * factor * 100);
  return Number.isSafeInteger(fen) ? formatYuan(fen) : undefined;
}

/** 记-9-2, 记09-002, 记字第9-2号, 凭证号记-07-003 → 记-09-002 (vouchers print as 字-月-号, month 2 digits, number 3). */
export function voucherTerm(term: string): string | undefined {
  const m = /^(?:记账凭证|凭证编号|凭证号|凭证)?[:：]?([记收付转银现])字?第?-?(\d{1,2})-(\d{1,4})号?$/.exec(term);
  if (!m) return undefined;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(3, '0')}`;
}

/** 三季度, 第3季度, Q3, 2025Q3, Q3 2025, 2025年第三季度 → { year?: 2025, quarter: 3 }. */
export function quarterTerm(term: string): { year?: number; quarter: number } | undefined {
  const m = /^(?:(20\d{2})\s?年?)?(?:第?([一二三四1-4])(?:季度|季)|[Qq]([1-4]))$/.exec(term);
  if (m) {
    const quarter = m[2] ? QUARTER_NAMES.indexOf(m[2]) + 1 || Number(m[2]) : Number(m[3]);
    return m[1] ? { year: Number(m[1]), quarter } : { quarter };
  }
  const after = /^[Qq]([1-4])\s?(20\d{2})年?$/.exec(term);
  return after ? { year: Number(after[2]), quarter: Number(after[1]) } : undefined;
}

/**
 * The quarter filter values a quarter names: with no year, that quarter of every year in the index.
 * A quarter the index does not have still becomes a filter, so it finds nothing rather than everything.
 */
/** The newest quarter of the index (`known`: labels such as 2025年第三季度), or the one before it. */
export function relativeQuarter(known: readonly string[], previous: boolean): string | undefined {
  const n =
    Math.max(...known.map((k) => /^(\d{4})年第(.)季度$/.exec(k)).map((m) => (m ? Number(m[1]) * 4 + QUARTER_NAMES.indexOf(m[2]!) : -1))) - (previous ? 1 : 0);
  return n < 0 ? undefined : `${Math.floor(n / 4)}年第${QUARTER_NAMES[n % 4]}季度`;
}

export function quarterFilters(q: { year?: number; quarter: number }, known: readonly string[]): string[] {
  const name = `第${QUARTER_NAMES[q.quarter - 1]}季度`;
  const wanted = known.filter((k) => k.endsWith(name) && (q.year === undefined || k.startsWith(`${q.year}年`)));
  return wanted.length > 0 ? wanted : [q.year ? `${q.year}年${name}` : name];
}

function phrase(text: string, synonym = false): SearchTry {
  return { query: `"${separateHan(text, ' ')}"`, label: text, synonym };
}

/**
 * A day as searched: its phrase without the closing 日 (2025年9月12日 → "2025 年 9 月 12"). Every page prints a day with
 * 日 after its number, so the same pages are found, and 日, on every page, is an index chunk of about 12 KB that a
 * first query no longer reads (年 and 月 are needed: 9月12 is not 9日12). Marks are widened to the whole day.
 */
function dayPhrase(day: string): SearchTry {
  return { ...phrase(day), query: phrase(day.replace(/日$/, '')).query };
}

function pinyinKey(term: string): string | undefined {
  const key = term.toLowerCase().replace(/['’]/g, '');
  return /^[a-z]+$/.test(key) ? key : undefined;
}

/** Pieces of a query that carry a number: dates, quarters, amounts, vouchers (matched before words). */
const SPECIAL =
  /(?:记账凭证|凭证编号|凭证号|凭证)?[:：]?[记收付转]字?第?-?\d{1,2}-\d{1,4}号?|(?:20\d{2}\s?年?)?第?[一二三四1-4]季度?|20\d{2}年度?(?![\d一二三四第])|(?:20\d{2}\s?)?[Qq][1-4](?:\s?20\d{2})?|20\d{2}(?:[-/.]|年)\d{1,2}(?:(?:[-/.]|月)\d{1,2}[日号]?|月份?)?|\d{1,2}月\d{1,2}[日号]|(?:\d{1,2}|十[一二]?|[一二三四五六七八九])月份?(?!饼)|(?:\d+[万千百])+\d?(?:元|块钱|块)?(?!\d)|\d+(?:亩|户|人|名|公里|米|间|盏|株|棵)|[¥￥]?\d[\d,]*(?:\.\d+)?(?:千|万|亿)?(?:元|块钱|块|圆)?|[零〇一二两三四五六七八九十百千万亿]{2,}(?:元|块钱|块)?|[一二两三四五六七八九十][十百千万](?:元|块钱|块)?/gu;

interface Piece {
  kind: 'text' | 'special';
  text: string;
}

function specialPieces(text: string): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(SPECIAL)) {
    const s = m[0];
    // A quarter needs 季度/季 or Q; a bare 三 or 3 is text (三组, 3人).
    const isQuarter = /季|[Qq]/.test(s);
    const isSpecial = isQuarter
      ? quarterTerm(s.replace(/\s/g, '')) !== undefined
      : Boolean(voucherTerm(s) || dayTerm(s) || monthTerm(s) || moneyTerm(s) || /^\d[\d,.]*\D{0,2}$/.test(s));
    if (!isSpecial) continue;
    if (m.index > last) out.push({ kind: 'text', text: text.slice(last, m.index) });
    out.push({ kind: 'special', text: s });
    last = m.index + s.length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return out;
}

/** The dictionary that splits Han text: site words, synonyms, fillers and place names. */
export interface Segmenter {
  words: Set<string>;
  longest: number;
  fillers: Set<string>;
  /** Place name or short name (马曲 for 马曲村) → the place. */
  places: Map<string, SearchPlace>;
  synonyms: Readonly<Record<string, readonly string[]>>;
  related: Readonly<Record<string, readonly string[]>>;
  kinds: Readonly<Record<string, string>>;
  latinPlaceWords: Set<string>;
}

const PLACE_SUFFIXES = ['居委会', '社区', '街道', '村', '镇', '乡'];

export function makeSegmenter(lexicon: SearchLexicon): Segmenter {
  const synonyms = lexicon.synonyms ?? {};
  const kinds = lexicon.kinds ?? {};
  const words = new Set<string>((lexicon.words ?? '').split(' ').filter(Boolean));
  const related = lexicon.related ?? {};
  for (const [k, vs] of [...Object.entries(synonyms), ...Object.entries(related)]) {
    words.add(k);
    for (const v of vs) words.add(v);
  }
  const fillers = new Set(lexicon.fillers ?? []);
  for (const f of fillers) words.add(f);
  for (const k of Object.keys(kinds)) words.add(k);
  const places = new Map<string, SearchPlace>();
  for (const p of lexicon.places) {
    places.set(p.name, p);
    const suffix = PLACE_SUFFIXES.find((s) => p.name.endsWith(s) && p.name.length - s.length >= 2);
    const short = suffix ? p.name.slice(0, -suffix.length) : undefined;
    if (short && !places.has(short)) places.set(short, p);
    // An office named after the place is the place: 马曲村委会, 东关居委会, 天成镇政府 (SearchLexicon.offices).
    for (const office of lexicon.offices?.[p.kind] ?? [])
      for (const base of [p.name, short]) if (base && !places.has(base + office)) places.set(base + office, p);
  }
  for (const name of places.keys()) words.add(name);
  const longest = Math.max(1, ...[...words].map((w) => Array.from(w).length));
  return { words, longest, fillers, places, synonyms, related, kinds, latinPlaceWords: new Set(lexicon.latinPlaceWords ?? []) };
}

/** Forward maximum matching: the longest dictionary word at each position; unknown characters stand alone. */
export function segment(text: string, seg: Pick<Segmenter, 'words' | 'longest'>): string[] {
  const chars = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < chars.length;) {
    let len = Math.min(seg.longest, chars.length - i);
    for (; len > 1; len--) if (seg.words.has(chars.slice(i, i + len).join(''))) break;
    out.push(chars.slice(i, i + len).join(''));
    i += len;
  }
  return out;
}

/** A masked name (privacy.ts maskName: 田*明, 欧**娜, 张*) typed together with other words (田*明的宅基地) stands apart: 田*明, 的宅基地. */
function maskedNamesApart(piece: string): string[] {
  if (!piece.includes('*') || /^\p{sc=Han}\*+\p{sc=Han}?$/u.test(piece)) return [piece];
  return piece.split(/(\p{sc=Han}\*+\p{sc=Han}?)/u).filter(Boolean);
}

/**
 * Turns the search box text into terms and filters:
 * - places in Chinese (马曲村, 天成鎮) or pinyin (maqu, Maqu village, tianchengzhen) become the village/township filter;
 * - quarters (三季度, Q3, 2025Q3) become the quarter filter;
 * - dates, months, amounts (1.25万, 一万二千五, 12500元) and vouchers (记-9-2) are rewritten the way pages print them;
 * - sentences are split into words with the site's vocabulary, and question/filler words are dropped;
 * - each word is searched as itself and as its synonyms (search-synonyms.ts).
 */
export function planQuery(raw: string, lexicon: SearchLexicon, seg: Segmenter = makeSegmenter(lexicon)): QueryPlan {
  const t2s = t2sMap(lexicon);
  const notes: string[] = [];
  const ignored: string[] = [];
  const normalized = normalizeQuery(raw, t2s);
  const rawNfkc = raw.normalize('NFKC').replace(QUOTES_AND_BRACKETS, ' ').replace(/\s+/g, ' ').trim();
  if (normalized !== rawNfkc) notes.push(`${rawNfkc} → ${normalized}`);

  const villages = new Set<string>();
  const townships = new Set<string>();
  const quarters = new Set<string>();
  const kinds = new Set<string>();
  const tracks = new Set<string>();
  // A track (党务) selects its records' kind too (TRACK_KINDS: the party-affairs disclosures are 村务公开).
  const addKind = (k: string) => {
    const kind = lexicon.tracks && Object.hasOwn(lexicon.tracks, k) ? lexicon.tracks[k] : undefined;
    if (kind !== undefined) tracks.add(k);
    kinds.add(kind ?? k);
  };
  const terms = new Map<string, PlannedTerm>();
  const addPlace = (p: SearchPlace) => (p.kind === 'village' ? villages : townships).add(p.name);
  const addTerm = (text: string, tries: SearchTry[], split?: PlannedTerm[], guessed = false) => {
    if (!terms.has(text)) terms.set(text, { text, tries, ...(split ? { split } : {}), ...(guessed ? { guessed } : {}) });
  };
  const wordTerm = (word: string): PlannedTerm => ({
    text: word,
    tries: [
      phrase(word),
      ...(seg.synonyms[word] ?? []).filter((s) => s !== word).map((s) => phrase(s, true)),
      ...(seg.related[word] ?? []).filter((s) => s !== word).map((s) => ({ ...phrase(s, true), related: true })),
    ],
  });
  const addWord = (word: string) => addTerm(word, wordTerm(word).tries);

  // Single characters left between known words (怎么管 → 管) are searched only when nothing else is.
  const singles: string[] = [];
  let relativeYear: { word: string; back: number } | undefined;
  // The patterns of SearchLexicon.spoken; without it they match nothing.
  const sp = lexicon.spoken;
  const spoken = (source = '$^') => new RegExp(source, 'gu');
  const pieces = splitTerms(
    normalized
      .replace(/(?:记账凭证|凭证编号|凭证号|凭证)\s*[:：]?\s*(?=[记收付转]字?第?-?\d)/g, '')
      .replace(/\b([Qq][1-4])\s+(20\d{2})\b/g, '$2$1')
      .replace(/\b(20\d{2})\s+([Qq][1-4])\b/g, '$1$2')
      .replace(/(?<![\d.])(?=\d\d(?:\s?年?\s?(?:第?[一二三四1-4]季|[Qq][1-4])|年\d{1,2}月))/g, '20')
      // Two English words that are one key (street lights, party dues) stay together.
      .replace(/\b([a-z]+) ([a-z]+?)s?\b/gi, (m, a: string, b: string) =>
        (seg.synonyms[m.toLowerCase()] ?? seg.synonyms[`${a} ${b}`.toLowerCase()]) ? m.replace(' ', '_') : m,
      )
      // A masked name typed with another mark (马×顺, 孙x国, 赵〇玲, 张某某): the page's * (某某: the whole given name, 张*).
      // A masked name typed with another mark (马×顺, 孙x国, 赵〇玲, 张某某 → 张*), an amount said roughly (两万多: left out,
      // and the page says so), counts in Chinese numerals (一百二十亩 → 120亩) as pages print them.
      .replace(spoken(sp?.masks), (m) => (m.length > 1 ? '* ' : '*'))
      .replace(spoken(sp?.rough), (m) => {
        ignored.push(m);
        return ' ';
      })
      .replace(spoken(sp?.counts), (n) => String(parseChineseNumber(n) ?? n))
      // A month named by a holiday or season (国庆节后 → 10月, 年底 → 12月), the quarters of a half year (上半年).
      .replace(spoken(sp && Object.keys(sp.months).join('|')), (m) => ` ${sp!.months[m]} `)
      // 今年, 去年, 前年: years back from the newest the index has (the site's own date is not in the lexicon).
      .replace(spoken(sp && Object.keys(sp.years).join('|')), (m) => {
        relativeYear = { word: m, back: sp!.years[m]! };
        return ' ';
      })
      // 上个季度, 这个季度: the newest quarter the index has is this one (the site's own date is not in the lexicon).
      .replace(/(上|这|本)一?个?季度?(?=$|[^一二三四1-4度])/g, (m, which: string) => {
        const quarter = relativeQuarter(lexicon.quarters ?? [], which === '上');
        if (quarter) notes.push(`${m} → ${quarter}`);
        return ` ${quarter ?? m} `;
      })
      // 9-4号凭证, 凭证9-4: a voucher typed without its 记.
      .replace(
        /(?<![\d记收付转-])(\d{1,2})-(\d{1,4})号?(?:记账)?凭证|凭证号?\s?[:：]?\s?(\d{1,2})-(\d{1,4})(?!\d)/g,
        (_m, a?: string, b?: string, c?: string, d?: string) => ` 记-${a ?? c}-${b ?? d} `,
      ),
  );
  // Pinyin typed a syllable at a time (lu deng, zhai ji di) is one word, as did-you-mean reads it.
  const syllable = new RegExp(sp?.pinyin.replace('+$', '$') ?? '$^');
  const one = (p = '') => syllable.test(p.toLowerCase()) && !seg.synonyms[p.toLowerCase()];
  for (let i = 0, run = false; i + 1 < pieces.length; i++) {
    run = (run || one(pieces[i])) && one(pieces[i + 1]);
    if (run) pieces.splice(i, 2, pieces[i]! + pieces[i-- + 1]!);
  }
  // "Dong Guan 低保": neighbouring Latin pieces that together are a place's key are one piece.
  for (let i = 0; i + 1 < pieces.length; i++) {
    const key = pinyinKey(pieces[i]! + pieces[i + 1]!);
    if (key && lexicon.places.some((p) => p.keys.includes(key))) pieces.splice(i, 2, pieces[i]! + pieces[i + 1]!);
  }
  // "ma qu cun" typed with spaces: try the whole latin query as one key first.
  const whole = pinyinKey(pieces.join(''));
  const wholeMatches = whole && pieces.length > 1 ? lexicon.places.filter((p) => p.keys.includes(whole)) : [];
  // English words (street lights, Maqu solar) are searched as the boards' words: keys of the synonym table (ENGLISH_WORDS).
  const english = (piece: string) =>
    [piece, piece.replace(/s$/, '')].map((w) => w.toLowerCase().replace(/_/g, ' ')).find((w) => /^[a-z ]+$/.test(w) && seg.synonyms[w]);
  for (const piece of (wholeMatches.length > 0 ? [pieces.join('')] : pieces).flatMap(maskedNamesApart)) {
    const key = pinyinKey(piece);
    const kind = key && (seg.kinds[key] ?? seg.kinds[key.replace(/s$/, '')]);
    if (kind) {
      addKind(kind);
      continue;
    }
    if (key || english(piece)) {
      const places = lexicon.places.filter((p) => key && p.keys.includes(key));
      if (places.length > 0) {
        places.forEach(addPlace);
        notes.push(`${piece} → ${places.map((p) => p.name).join('、')}`);
      } else if (english(piece)) addWord(english(piece)!);
      else if (seg.latinPlaceWords.has(key!)) ignored.push(piece);
      // A word in letters that no table knows: pinyin is left to did-you-mean; an English word (street, bill) is a guess.
      else addTerm(piece, [phrase(piece)], undefined, Boolean(sp && !new RegExp(sp.pinyin).test(key!)));
      continue;
    }
    // A masked name as pages print it (马*顺, 金*), or typed with 某 (马某顺, and 金某 for a name of two characters).
    if (isMaskedName(piece) || /^\p{sc=Han}某\p{sc=Han}?$/u.test(piece)) {
      const masked = piece.replace('某', '*');
      addTerm(masked, [phrase(masked)]);
      continue;
    }
    for (const part of specialPieces(piece)) {
      if (part.kind === 'special') {
        const s = part.text.replace(/\s/g, '');
        const voucher = voucherTerm(s);
        const quarter = /季|[Qq]/.test(s) ? quarterTerm(s) : undefined;
        const day = dayTerm(s);
        const month = monthTerm(s);
        const money = moneyTerm(s);
        if (voucher) addTerm(voucher, [phrase(voucher)]);
        else if (quarter) {
          const values = quarterFilters(quarter, lexicon.quarters ?? []);
          values.forEach((q) => quarters.add(q));
          if (values.join('、') !== s) notes.push(`${s} → ${values.join('、')}`);
        }
        // A day typed with its year also finds sentences that leave the year out (9月16日支付), when the dated form is
        // rare, like a related word. Ledger entry lines start with their date as 2025年9月12日 (src/data/search.ts describeEntry).
        else if (day) addTerm(day, [dayPhrase(day), ...(day[4] === '年' ? [{ ...dayPhrase(day.slice(5)), related: true }] : [])]);
        else if (month) addTerm(month, [phrase(month)]);
        // Only as pages print it: "15 元" would also find 15,000.00 元, whose parts Pagefind indexes (15, 000, 00). The build
        // gives amounts stated in sentences (每人15元, 约2.9万元) their printed form too (src/lib/search-amounts.ts).
        else if (money) addTerm(money, [phrase(money)]);
        else if (/^20\d{2}年度?$/.test(s)) addTerm(`${s.slice(0, 4)}年`, [phrase(`${s.slice(0, 4)}年`)]);
        else if (/^\d{3,}$/.test(s) || /^\d[\d,]*\.\d{1,2}$/.test(s))
          addTerm(s, [phrase(s), ...(amountTerm(s) && amountTerm(s) !== s ? [phrase(amountTerm(s)!, true)] : [])]);
        else if (/^\d{1,3}(,\d{3})+$/.test(s) && amountTerm(s)) addTerm(amountTerm(s)!, [phrase(amountTerm(s)!)]);
        else addTerm(s, [phrase(s)]);
        const shown = voucher ?? day ?? month ?? money;
        if (shown && shown !== s && !quarter) notes.push(`${s} → ${shown}`);
        continue;
      }
      // Latin or digits glued to Han text (e.g. "a"), or Han text: split into words.
      for (const chunk of part.text.split(/([\p{sc=Han}]+)/u).filter(Boolean)) {
        if (!HAN.test(chunk)) {
          if (/^[\w*.-]+$/.test(chunk) && chunk.replace(/[-*.]/g, '').length > 0) addTerm(chunk, [phrase(chunk)]);
          continue;
        }
        // Words of one chunk: kept together as a phrase when the chunk is nothing but words.
        const chunkTerms: string[] = [];
        const chunkSingles: string[] = [];
        let pure = true;
        let run = '';
        const flush = () => {
          if (run && !seg.fillers.has(run) && Array.from(run).length > 1) chunkTerms.push(run);
          else if (run) chunkSingles.push(run);
          run = '';
        };
        const said = segment(chunk, seg);
        const unknownSingle = (t = '') => Array.from(t).length === 1 && !seg.words.has(t);
        const word = (t: string) => seg.words.has(t) && !seg.fillers.has(t) && !seg.places.has(t);
        // A character of a word is never left out as a filler or a stray character (the site's words decide):
        // - a filler whose last character makes a word with what follows stops before it (一个月饼: 月饼);
        // - a lone character that makes a word with the lone character before it, across fillers and words, is that word:
        //   a verb and its object said apart (修了路, 修村里的路, 盖了几户房: 修路, 盖房);
        // - a lone character after a word is one phrase with it (产业路, 危房改), in a sentence searched also as the word
        //   (a page with the phrase first), or as the pair (修那条产业路: 产业路 or 修路).
        const found = new Map<string, string>();
        for (let k = 0; k < said.length; k++) {
          const t = said[k]!;
          const w = t.slice(-1) + (said[k + 1] ?? '');
          if (seg.fillers.has(t) && word(w)) said.splice(k, 2, ...segment(t.slice(0, -1), seg), w);
        }
        const lone = (k: number) => unknownSingle(said[k]) && !unknownSingle(said[k - 1]) && !unknownSingle(said[k + 1]);
        for (let k = 0, last = -1; k < said.length; k++) {
          if (!lone(k)) continue;
          const pair = (said[last] ?? '') + said[k];
          if (word(pair)) {
            said[last] = '';
            if (word(said[k - 1]!)) {
              found.set((said[k - 1]! += said[k]), pair);
              said[k] = '';
            } else said[k] = pair;
          }
          last = k;
        }
        // Only where the phrase ends (the chunk's end or a filler after it: 产业路, 逆变器坏了): a character between two words
        // (分红到账: 到 before 账) may as well go with the next, and a numeral (电费一个季度) counts, never ends a word.
        const ends = (k: number) => said[k + 1] === undefined || seg.fillers.has(said[k + 1]!);
        for (let k = 1; k < said.length; k++) {
          const before = said[k - 1]!;
          if (lone(k) && word(before) && ends(k) && !NUMERALS.test(said[k]!)) {
            found.set((said[k - 1]! += said[k]), before);
            said[k] = '';
          }
        }
        const tokens = said.filter(Boolean);
        for (const [i, token] of tokens.entries()) {
          const place = seg.places.get(token);
          // A one-character filler between characters that are no word (退耕还林: 还) is part of them, not a filler.
          if (seg.fillers.has(token) && Array.from(token).length === 1 && run && unknownSingle(tokens[i + 1])) {
            run += token;
            continue;
          }
          if (seg.kinds[token]) {
            flush();
            pure = false;
            addKind(seg.kinds[token]);
          } else if (place) {
            flush();
            pure = false;
            addPlace(place);
            if (token !== place.name) notes.push(`${token} → ${place.name}`);
          } else if (seg.fillers.has(token)) {
            flush();
            pure = false;
            ignored.push(token);
          } else if (unknownSingle(token)) run += token;
          else {
            flush();
            chunkTerms.push(token);
          }
        }
        flush();
        // A surname before a two-character word (王海燕: 王 and 海燕) is a person's name: never found by its given name alone.
        const name = sp?.surnames.includes(chunk[0]!) && tokens.length === 2 && tokens[0] === chunk[0] && tokens[1]!.length === 2;
        // Typed alone, a word and a character (核桃园) are a phrase, found as the word only when no page has it.
        if (pure && (chunkTerms.length + chunkSingles.length > 1 || found.size) && chunkTerms.length > 0)
          addTerm(chunk, [phrase(chunk)], name ? undefined : chunkTerms.map((w) => wordTerm(found.get(w) ?? w)));
        else {
          // In a sentence (words with question words, places or kinds around them), a run of characters that is no word
          // of the site is a guess (PlannedTerm.guessed); a word typed alone (低保 火箭) is meant as typed.
          for (const w of chunkTerms) {
            const as = found.get(w);
            addTerm(w, as ? [phrase(w), ...wordTerm(as).tries] : wordTerm(w).tries, undefined, !as && !pure && !seg.words.has(w));
          }
          singles.push(...chunkSingles);
        }
      }
    }
  }
  if (relativeYear) {
    const year = Math.max(...(lexicon.quarters ?? []).map((q) => Number(q.slice(0, 4)))) - relativeYear.back;
    // A year's records (去年的账), or a quarter of it; a thing of that year (去年的分红) is the pages naming the year.
    const named = quarters.size > 0 ? [...quarters].map((q) => q.slice(4)) : relativeYear.back && terms.size ? [] : QUARTER_NAMES.map((n) => `年第${n}季度`);
    notes.push(`${relativeYear.word} → ${year}年`);
    quarters.clear();
    for (const q of named) quarters.add(year + q);
    if (named.length === 0) addTerm(`${year}年`, [phrase(`${year}年`)]);
  }
  if (terms.size === 0 && kinds.size === 0) for (const c of singles) addWord(c);
  else ignored.push(...singles);
  const pinned = (term: PlannedTerm): PlannedTerm => ({
    ...term,
    tries: term.tries.map((t) => {
      const pin = lexicon.pins?.[t.label];
      return pin ? { ...t, query: phrase(pin).query } : pin === '' ? { ...t, absent: true } : t;
    }),
    ...(term.split ? { split: term.split.map(pinned) } : {}),
  });
  return {
    terms: [...terms.values()].map(pinned),
    kinds: [...kinds],
    tracks: [...tracks],
    prefer: [...((lexicon.questions ?? []).find((q) => ignored.some((w) => q.words.some((x) => w.includes(x))))?.kinds ?? [])],
    villages: [...villages],
    townships: [...townships],
    quarters: [...quarters],
    ignored,
    notes,
  };
}
