/**
 * Privacy (个人信息保护法): find unmasked ID numbers, mobile numbers and bank card numbers in any
 * text, and mask names, phones and ID numbers for display.
 */
import { CAPITAL_DIGITS, pairsOf } from './capital-numerals.ts';
import type { SensitiveDetailWords } from '../law/sensitive-details.ts';
import { removeInvisible } from './person-name.ts';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** True for an 18-character resident ID number whose check digit is right (GB 11643). */
export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(id[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === id[17]!.toUpperCase();
}

/** True when the digits pass the Luhn check used by bank cards. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

export type PersonalNumberKind = 'id' | 'mobile' | 'bank';

export interface PersonalNumberHit {
  kind: PersonalNumberKind;
  /** The number with its middle masked, safe to print in an error message. */
  masked: string;
}

/** Chinese numerals as digits (一三九… read aloud, 壹贰叁 as on a cheque, ./capital-numerals.ts), 幺 for 1 as in phone numbers. */
const EVERYDAY_DIGITS: Readonly<Record<string, string>> = {
  〇: '0',
  零: '0',
  一: '1',
  幺: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
const CHINESE_DIGITS: Readonly<Record<string, string>> = {
  ...EVERYDAY_DIGITS,
  ...Object.fromEntries(pairsOf(CAPITAL_DIGITS).map(([capital, everyday]) => [capital, EVERYDAY_DIGITS[everyday]!])),
};
/** The character codes of the Chinese numerals, for the scan that counts digits one character at a time. */
const CHINESE_DIGIT_CODES: ReadonlySet<number> = new Set(Object.keys(CHINESE_DIGITS).map((ch) => ch.charCodeAt(0)));
const CHINESE_DIGIT = `[${Object.keys(CHINESE_DIGITS).join('')}]`;
/** A decimal digit of any script (٣, ३, 𝟑 …) but ASCII's: read as its value. */
const OTHER_DIGIT = /(?![0-9])\p{Nd}/gu;

/** The value of a decimal digit of any script: its distance from the start of its run of digits, modulo 10. */
function digitValue(ch: string): string {
  const cp = ch.codePointAt(0)!;
  let start = cp;
  while (start > 0 && /\p{Nd}/u.test(String.fromCodePoint(start - 1))) start -= 1;
  return String((cp - start) % 10);
}

/** HTML character references a Markdown body may use for a digit or a space (&#49; &#x31; &nbsp;), as the page shows them. */
const CHARACTER_REFERENCE = /&#(?:[xX]([0-9a-fA-F]{1,6})|(\d{1,7}));|&nbsp;/g;

function decodeReference(ref: string, hex: string | undefined, dec: string | undefined): string {
  if (ref === '&nbsp;') return ' ';
  const cp = hex !== undefined ? parseInt(hex, 16) : Number(dec);
  // Never a control character: the scan's text keeps the lines of the original (findPersonalNumbersByLine).
  return cp >= 0x20 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff) ? String.fromCodePoint(cp) : ref;
}

/**
 * Text as the number scan reads it, as a reader sees it: character references decoded, characters that show
 * nothing gone (./person-name.ts), compatibility forms as their plain letters (NFKC: full-width ６, circled ⑥,
 * mathematical 𝟔, the ideographic space), the digits of other scripts as ASCII, a run of eleven or more Chinese
 * numerals (with digits or separators among them) as digits, and commas that are not thousands separators
 * (139,1712,3456) as spaces.
 */
function toAscii(text: string): string {
  const ascii = removeInvisible(text.replace(CHARACTER_REFERENCE, decodeReference)).normalize('NFKC').replace(OTHER_DIGIT, digitValue);
  return ascii
    .replace(CHINESE_RUN, (run) =>
      // Most runs are amounts, dates and serials in ASCII digits: shorter than a number, or without a Chinese numeral, they
      // read as they are.
      run.length >= MIN_NUMBER_LENGTH && hasChineseDigit(run) && [...run].filter((ch) => /\d/.test(ch) || ch in CHINESE_DIGITS).length >= 11
        ? [...run].map((ch) => CHINESE_DIGITS[ch] ?? ch).join('')
        : run,
    )
    .replace(/\d+(?:,\d+)+/g, (run) =>
      run
        .split(',')
        .slice(1)
        .every((g) => g.length === 3)
        ? run
        : run.replace(/,/g, ' '),
    );
}

/**
 * What may stand between the digit groups of one number: spaces of every width, hyphens and dashes,
 * dots and middle dots, slashes, underscores, tildes, and the Markdown and punctuation marks that the page
 * shows as nothing or as a bracket (138**0013**8000 is shown bold as 13800138000; `138`, (138)0013-8000).
 * Commas are not among them (1,234,567.89 is an amount), nor colons (13:30 is a time).
 */
const SEP = '[\\s\\-\\u2010-\\u2015\\u2212.\\u00B7\\u2022\\u30FB\\u2027/\\\\_~*`()\\[\\]\'"]';
/** A run of Chinese numerals and digits, perhaps with separators between them. */
const CHINESE_RUN = new RegExp(`(?:${CHINESE_DIGIT}|\\d)(?:(?:${CHINESE_DIGIT}|\\d)|${SEP}{1,3}(?=${CHINESE_DIGIT}|\\d))*`, 'g');
/** A run of digit groups joined by at most three separator characters, perhaps ending in the ID check character X. */
const RUN = new RegExp(`\\d(?:\\d|${SEP}{1,3}(?=\\d))*[Xx]?`, 'g');
const SEP_RE = new RegExp(`${SEP}+`);

/** True for YYYYMMDD with a year 1850–2099, a month and a day that can exist. */
function isBirthDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  return y >= 1850 && y <= 2099 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/** The province codes an ID number starts with (GB/T 2260): 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82. */
const PROVINCE_CODES = /^(?:1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[12])/;

/**
 * A first-generation 15-digit ID number (issued until 2004, still on old registers and copies of 户口簿) after a
 * word that says it is one (身份证号：610327580312123): a province code, a county code, a birth date YYMMDD and a
 * 3-digit serial, no check digit. Fifteen digits alone may as well be an organisation's bank account, so the word is
 * required; the digits may be grouped as the parts are (610327 580312 123).
 */
const FIRST_GENERATION_ID = /(?:身份证|身份證|证件|證件|公民身份|ID|id|Id)[^\d]{0,10}?(\d{6}(?:[\s\-./_]{1,3})?\d{6}(?:[\s\-./_]{1,3})?\d{3})(?![\dXx])/g;

function isFirstGenerationId(compact: string): boolean {
  return PROVINCE_CODES.test(compact) && isBirthDate(`19${compact.slice(6, 12)}`);
}

/**
 * What a candidate number is. `groups` are the lengths of the digit groups it was written in: a
 * number written in one piece is judged by its digits alone; one assembled from several groups must
 * also look like that kind of number (a bank card in groups of four, an ID number with a real birth
 * date), so that dates, amounts and serials written side by side do not add up to one.
 */
function classify(compact: string, groups: readonly number[], kinds: ReadonlySet<PersonalNumberKind>): PersonalNumberHit | undefined {
  const joined = groups.length > 1;
  if (kinds.has('id') && compact.length === 18 && isValidIdNumber(compact) && (!joined || isBirthDate(compact.slice(6, 14))))
    return { kind: 'id', masked: maskIdNumber(compact) };
  if (kinds.has('mobile') && /^(?:86)?1[3-9]\d{9}$/.test(compact)) return { kind: 'mobile', masked: maskPhone(compact.slice(-11)) };
  if (kinds.has('bank') && /^\d{16,19}$/.test(compact) && passesLuhn(compact) && (!joined || groups.slice(0, -1).every((g) => g === 4))) {
    return { kind: 'bank', masked: `${compact.slice(0, 4)}****${compact.slice(-4)}` };
  }
  return undefined;
}

/**
 * Whether the first `n` digits of `window` could be some kind of number at all: the right length,
 * a mobile's prefix, an ID's birth date or a card's groups of four when put together from groups.
 */
function mayBe(window: string, n: number, joined: boolean, firstGroup: number): boolean {
  if (n === 11) return window.charCodeAt(0) === 49 && window.charCodeAt(1) >= 51;
  if (n === 13) return window.startsWith('861') && window.charCodeAt(3) >= 51;
  if (n < 16 || n > 19) return false;
  if (!joined) return true;
  return firstGroup === 4 || (n === 18 && isBirthDate(window.slice(6, 14)));
}

const ALL_KINDS: ReadonlySet<PersonalNumberKind> = new Set(['id', 'mobile', 'bank']);

export interface FindOptions {
  /**
   * The kinds to look for (default all). A field that holds an accounting serial (a voucher number)
   * is not searched for bank cards or ID numbers: its digits are the ledger's, not a person's.
   */
  kinds?: ReadonlySet<PersonalNumberKind>;
}

/** The fewest characters a personal number is written in (a mobile number's 11 digits): shorter text holds none. */
export const MIN_NUMBER_LENGTH = 11;

/** The kinds searched in a serial field such as a voucher number: a mobile number is never a serial. */
export const SERIAL_FIELD_KINDS: ReadonlySet<PersonalNumberKind> = new Set(['mobile']);

/**
 * Finds unmasked personal numbers in a text: 18-digit ID numbers with a valid check digit, mobile
 * numbers (1[3-9] + 9 digits, perhaps +86), and 16–19 digit bank card numbers that pass Luhn.
 * Full-width digits count; letters may touch the number (Tel13991712345, ID610323196503121237);
 * groups joined by spaces, hyphens, dashes, dots, slashes or underscores are tried as one number
 * (139.1712.3456) as well as separately (two numbers side by side in a pasted table row).
 */
export function findPersonalNumbers(text: string, options: FindOptions = {}): PersonalNumberHit[] {
  return scanNumbers(text, options).map(({ kind, masked }) => ({ kind, masked }));
}

/**
 * As findPersonalNumbers, with the line of `text` (0-based) on which each number starts: for a Markdown paragraph,
 * whose single line breaks the page shows as spaces, so that a number broken over lines (138 0013⏎8000) is found
 * and its line named.
 */
export function findPersonalNumbersByLine(text: string, options: FindOptions = {}): (PersonalNumberHit & { line: number })[] {
  const hits = scanNumbers(text, options);
  if (hits.length === 0) return [];
  // The scan's text keeps every line break of `text` (toAscii neither adds nor removes one), so its offsets count lines.
  const ascii = toAscii(text);
  return hits.map(({ kind, masked, at }) => ({ kind, masked, line: countLineBreaks(ascii, at) }));
}

function countLineBreaks(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
}

/** Where the `index`th digit group of `run` starts in it. */
function groupOffset(run: string, index: number): number {
  let at = 0;
  for (let g = 0; ; g += 1) {
    while (at < run.length && SEP_CHAR.test(run[at]!)) at += 1;
    if (g === index) return at;
    while (at < run.length && !SEP_CHAR.test(run[at]!)) at += 1;
  }
}
const SEP_CHAR = new RegExp(`^${SEP}$`);

function scanNumbers(text: string, options: FindOptions): (PersonalNumberHit & { at: number })[] {
  const hits: (PersonalNumberHit & { at: number })[] = [];
  // Every kind has at least 11 digits; most text has far fewer, so skip it without regexes.
  if (!hasDigits(text, MIN_NUMBER_LENGTH)) return hits;
  const kinds = options.kinds ?? ALL_KINDS;
  const ascii = toAscii(text);
  if (kinds.has('id'))
    for (const m of ascii.matchAll(FIRST_GENERATION_ID)) {
      const compact = m[1]!.replace(/\D/g, '');
      if (isFirstGenerationId(compact)) hits.push({ kind: 'id', masked: maskIdNumber(compact), at: m.index + m[0].length - m[1]!.length });
    }
  for (const match of ascii.matchAll(RUN)) {
    const run = match[0];
    const groups = run.split(SEP_RE).filter(Boolean);
    let i = 0;
    while (i < groups.length) {
      // The longest candidate first, but never more than 21 characters: no kind is longer.
      let end = i;
      let length = 0;
      while (end < groups.length && length + groups[end]!.length <= 21) length += groups[end++]!.length;
      let found: { hit: PersonalNumberHit; next: number } | undefined;
      // The window's digits once; each candidate is a prefix of it.
      const window = end - i === 1 ? groups[i]! : groups.slice(i, end).join('');
      for (let j = end; j > i && !found; j -= 1, length -= groups[j]!.length) {
        // Only lengths some kind has are worth trying (an X at the end may be dropped), and a
        // mobile number starts with 1 or 86.
        const last = groups[j - 1]!;
        const x = last.charCodeAt(last.length - 1) > 57;
        // Cheap tests first, so that a megabyte of digits and spaces is scanned in well under a second.
        if (!mayBe(window, length, j - i > 1, groups[i]!.length) && !(x && mayBe(window, length - 1, j - i > 1, groups[i]!.length))) continue;
        const compact = window.slice(0, length);
        const sizes = groups.slice(i, j).map((g) => g.length);
        const hit =
          classify(compact, sizes, kinds) ?? (x ? classify(compact.slice(0, -1), [...sizes.slice(0, -1), sizes[sizes.length - 1]! - 1], kinds) : undefined);
        if (hit) found = { hit, next: j };
      }
      if (found) {
        hits.push({ ...found.hit, at: match.index + groupOffset(run, i) });
        i = found.next;
      } else i += 1;
    }
  }
  return hits;
}

/** True when `text` holds a Chinese numeral (〇一二…, 壹贰叁…, 幺). */
function hasChineseDigit(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0x3007 && CHINESE_DIGIT_CODES.has(c)) return true;
  }
  return false;
}

/**
 * Character codes that may be a digit in disguise, for the cheap count only (it may count too many, never too
 * few): the digits of the scripts from Arabic to Sinhala, circled and parenthesised numbers, dingbat digits, the
 * low halves of mathematical digits (𝟎–𝟿), an ampersand that may start &#49;.
 */
function isLookAlikeDigitCode(c: number): boolean {
  return (c >= 0x0660 && c <= 0x0def) || (c >= 0x2460 && c <= 0x24ff) || (c >= 0x2776 && c <= 0x2793) || (c >= 0xdfce && c <= 0xdfff) || c === 38;
}

/** True when `text` has at least `n` digits (ASCII, full-width or Chinese numerals). */
function hasDigits(text: string, n: number): boolean {
  if (text.length < n) return false;
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19) || (c >= 0x3007 && CHINESE_DIGIT_CODES.has(c)) || isLookAlikeDigitCode(c)) {
      count += 1;
      if (count >= n) return true;
    }
  }
  return false;
}

/** 张三丰 → 张*丰, 欧阳娜娜 → 欧**娜, 张三 → 张*. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/**
 * Characters that follow a person's name in a notice or minutes and seldom end a given name: 王明等、王明家、王明户、
 * 王明之母、王明因病、王明申请、将王明纳入. After a two-character name, any other Chinese character may be the third
 * character of a longer name (唐亮 in 唐亮国介绍了…): see {@link findNameInText}.
 */
const NAME_FOLLOWERS = new Set([...'等家户之的系因申纳夫妻父母儿女孙同一两三四五及与和或患残年现在于是为本老全名共属已未经拟说称提反今近去自']);

const HAN = /\p{Script=Han}/u;

/**
 * How a name occurs in a text: `whole` — as the name itself; `part` — perhaps as the start of a longer name; `word` — a
 * two-character name that is also a common word (文明 in 文明家庭), perhaps the word.
 */
export type NameOccurrence = 'whole' | 'part' | 'word';

/**
 * Whether `name` occurs in `text`, and how sure that is: a name of three or more characters wherever it occurs; a
 * two-character name where the next character is not Chinese (punctuation, a digit, the end) or is one that follows
 * names ({@link NAME_FOLLOWERS}); otherwise `part`: the text may name someone else whose name begins with it (唐亮国
 * for 唐亮). `whole` wins over `part` when the name occurs more than once; undefined when it does not occur. Where it
 * stands inside one of `longer`, the longer names of other people the records give (杜秋 in 杜秋斌), it does not count.
 * `at` is where in `text` it was found. With `word` (the caller knows the name is also a common word: 文明, 高峰), an
 * occurrence is at most `word`, found with the characters around it as the clerk will look for it (文明家庭).
 */
export function findNameInText(
  name: string,
  text: string,
  longer: readonly string[] = [],
  word = false,
): { how: NameOccurrence; found: string; at: number } | undefined {
  let part: { found: string; at: number } | undefined;
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    if (longer.some((other) => standsInside(text, at, name, other))) continue;
    if (word) {
      const after = [...text.slice(at + name.length, at + name.length + 2)].findIndex((c) => !HAN.test(c));
      return { how: 'word', found: text.slice(at, at + name.length + (after < 0 ? 2 : after)), at };
    }
    const found = readNameAt(name, text, at);
    if (found === name) return { how: 'whole', found, at };
    part ??= { found, at };
  }
  return part === undefined ? undefined : { how: 'part', ...part };
}

/** Whether the `name` at `at` in `text` is part of `other` written there. */
function standsInside(text: string, at: number, name: string, other: string): boolean {
  for (let o = other.indexOf(name); o >= 0; o = other.indexOf(name, o + 1)) if (at - o >= 0 && text.startsWith(other, at - o)) return true;
  return false;
}

/**
 * What `text` holds where `name` occurs at `at`: the name itself when that is sure (see {@link findNameInText}), else
 * the name with the character after it, the start of what may be someone else's longer name.
 */
function readNameAt(name: string, text: string, at: number): string {
  const next = String.fromCodePoint(text.codePointAt(at + name.length) ?? 32);
  return [...name].length >= 3 || !HAN.test(next) || NAME_FOLLOWERS.has(next) ? name : name + next;
}

/** 13812341234 → 138****1234. */
export function maskPhone(phone: string): string {
  const d = phone.replace(/\D/g, '');
  return d.length < 7 ? '*'.repeat(d.length) : `${d.slice(0, 3)}${'*'.repeat(d.length - 7)}${d.slice(-4)}`;
}

/** 18 digits → first 2 and last 3 shown: 35*************123. The birth date is always hidden. */
export function maskIdNumber(id: string): string {
  return `${id.slice(0, 2)}${'*'.repeat(id.length - 5)}${id.slice(-3)}`;
}

/** The attribute that marks an element holding private persons' data on a web page (see PERSONAL_DATA_MARKS). */
export const PERSONAL_DATA_ATTRIBUTE = 'data-gongkai-personal';

/**
 * The attributes of an element that holds private persons' data on a web page: a personal 公示's name list (masked
 * names, amounts per household), a debt owed by or to a person, the volunteers named with their consent, an expense
 * handled by a person not on the village's roster. The page shows it while the law allows; the site search never
 * indexes it (`data-pagefind-ignore="all"`) and the search step leaves its words out of the lexicon, the excerpts and
 * the page's digest (src/integrations/search-index.ts): domain rules §4.3, web hygiene for personal-data pages, "no
 * site-search indexing of names". Cadres' names and roles (组织法 §24) are not marked: they stay searchable. The one
 * exception (issues 3 and 12), the masked names of a 公示's list while the web shows it, reaches only the county's names
 * bundle, from the 公示's facts (NoticeFacts.listedRows), never from the page.
 */
export const PERSONAL_DATA_MARKS: Readonly<Record<string, string>> = { 'data-pagefind-ignore': 'all', [PERSONAL_DATA_ATTRIBUTE]: '' };

/** The attribute that marks an element whose content changes with the as-of date (see DATED_MARKS). */
export const DATED_ATTRIBUTE = 'data-gongkai-dated';

/**
 * The attributes of an element whose content changes with the as-of date: a 公示's state (公示至… / 公示期已结束) and a
 * list that leaves the web on `unpublishAfter` with its removal note. Neither indexed nor counted for the lexicon
 * (src/integrations/search-index.ts), so a new day on which a 公示 starts or ends, or its names leave, re-indexes no
 * township; the search page shows the state from the 公示's period (src/lib/notice-posting.ts).
 */
export const DATED_MARKS: Readonly<Record<string, string>> = { 'data-pagefind-ignore': '', [DATED_ATTRIBUTE]: '' };

/**
 * Words that make a name an organisation's: 公司, 合作社, 供电, 银行, 委员会, 村, 组… A counterparty marked 单位 whose
 * name has none of them and is two to four Chinese characters reads as a private person (刘建平), whose name the site
 * would have masked had it been marked 个人.
 */
const ORGANISATION_WORDS =
  /公司|合作|社|局|厂|店|部|委|站|院|校|所|中心|银行|信用|集团|协会|会|处|室|办|队|组|村|场|园|馆|行|铺|坊|电|政府|街道|镇|乡|县|市|省|门市|超市|药|诊|医|农场|工作|建设|建筑|建材|企业|物业|实业|农业|厅|司|科|台|网|移动|联通|通信|水务|燃气|石化|石油|保险|财政|税务|邮政/u;

/** True when a counterparty's name reads as a private person's: two to four Chinese characters, no organisation word. */
export function looksLikePersonName(name: string): boolean {
  return /^\p{Script=Han}{2,4}$/u.test(name) && !ORGANISATION_WORDS.test(name);
}

/** What a personal 公示 may not say about the people on it (src/law/sensitive-details.ts). */
export type SensitiveDetailKind = 'health' | 'disability' | 'address';

/** A number as a house number writes it: digits or Chinese numerals, perhaps a range or sub-number (3-12). */
const HOUSE_NUMBER = '[0-9〇零一二两三四五六七八九十百千]+(?:[-－—~～][0-9〇零一二两三四五六七八九十百千]+)?';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (words: readonly string[]) => words.map(escapeRegExp).join('|');

/**
 * A finder of health, disability and house-address details in a text already read as a villager sees it (spaces,
 * invisible and traditional characters read through: person-name.ts readAsSeen, readAsSimplified). Each kind is
 * reported once per text, with the word found; a house number with its digits hidden (三组**号), so that the message
 * does not repeat it. 二组3号地块 is a plot, not a house.
 */
export function makeSensitiveDetailFinder(lists: SensitiveDetailWords): (text: string) => { kind: SensitiveDetailKind; word: string }[] {
  const health = new RegExp(anyOf(lists.health), 'u');
  const disability = new RegExp(anyOf(lists.disability), 'u');
  const house = new RegExp(
    `${lists.houseWords.length > 0 ? `${anyOf(lists.houseWords)}|` : ''}(?:${anyOf(lists.housePlaces)})\\s*${HOUSE_NUMBER}\\s*号(?!${anyOf(lists.plotAfterNumber)})`,
    'u',
  );
  return (text) => {
    const hits: { kind: SensitiveDetailKind; word: string }[] = [];
    const h = health.exec(text);
    if (h) hits.push({ kind: 'health', word: h[0] });
    const d = disability.exec(text);
    if (d) hits.push({ kind: 'disability', word: d[0] });
    const a = house.exec(text);
    if (a) hits.push({ kind: 'address', word: a[0].replace(new RegExp(HOUSE_NUMBER, 'gu'), (n) => '*'.repeat([...n].length)) });
    return hits;
  };
}
