/**
 * People's names as records write them, and as the law compares them. A clerk's editor or a pasted
 * table can put characters in a name that nobody sees (zero-width spaces, bidirectional marks), write
 * it in full-width letters or with a space between the characters (刘 志强, 刘　志强), or add the
 * person's role (刘志强（主任）). Written either way it is the same person: the review rule (reviewer ≠
 * preparer ≠ responsible person), the supervision committee's roster and the approval of an expense
 * compare the person, not the characters.
 */

import { TRADITIONAL_SIMPLIFIED_PAIRS } from './han-simplified.ts';

/**
 * Characters that show nothing (INVISIBLE_SOURCE is the pattern, for a caller that builds its own): zero-width spaces and joiners, bidirectional marks and overrides,
 * word joiners and invisible operators, variation selectors, the soft hyphen, the byte-order mark,
 * Hangul fillers.
 */
export const INVISIBLE_SOURCE = String.raw`[\u00AD\u061C\u115F\u1160\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFEFF\uFFA0]|\u034F|\u17B4|\u17B5|\u180B|\u180C|\u180D|\u180E|\u180F|[\uFE00-\uFE0F]`;
const INVISIBLE = new RegExp(INVISIBLE_SOURCE, 'gu');

/** The middle dots written between the parts of a name (阿依古丽·买买提), as one dot. */
const NAME_DOTS = /[\u00B7\u0387\u2022\u2027\u2219\u22C5\u30FB\uFF65\u16EB\u2E31]/gu;

/** Chinese characters of the unified block only: NFKC keeps them, and there is nothing else to change. */
const ONLY_HAN = /^[\u4E00-\u9FFF]+$/;

/** A space next to a Chinese character or a name dot: 刘 志强 is 刘志强; John Smith keeps its space. */
const SPACE_BY_HAN = /\s+(?=[\p{Script=Han}·])|(?<=[\p{Script=Han}·])\s+/gu;

/** `text` without the characters that show nothing (zero-width, direction marks, variation selectors…). */
export function removeInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/**
 * Characters that make normalisePersonName change a text: spaces, the invisible ones, full-width forms, compatibility
 * ideographs and Kangxi radicals (⼈ for 人), middle dots. Text without any is already as it would be read.
 */
const NEEDS_NORMALISING = new RegExp(`${INVISIBLE_SOURCE}|${NAME_DOTS.source}|[\\s\\uFF01-\\uFF65\\u2F00-\\u2FDF\\u2E80-\\u2EFF\\uF900-\\uFAFF]`, 'u');

/** `text` as a reader would read a name in it (see normalisePersonName), without the work when nothing would change. */
export function readAsSeen(text: string): string {
  return NEEDS_NORMALISING.test(text) ? normalisePersonName(text) : text;
}

/**
 * A name as it is shown and compared: characters that show nothing removed, full-width letters and
 * spaces as ASCII (NFKC), every middle dot as ·, no space beside a Chinese character, runs of spaces
 * as one.
 */
export function normalisePersonName(name: string): string {
  // Most names are Chinese characters only, which nothing below changes.
  if (ONLY_HAN.test(name)) return name;
  return name.normalize('NFKC').replace(INVISIBLE, '').replace(NAME_DOTS, '·').replace(/\s+/gu, ' ').replace(SPACE_BY_HAN, '').trim();
}

/** The simplified form of each traditional character (./han-simplified.ts, from opencc-js), by character code. */
const SIMPLIFIED: ReadonlyMap<number, string> = new Map(
  Array.from({ length: TRADITIONAL_SIMPLIFIED_PAIRS.length / 2 }, (_, i) => [
    TRADITIONAL_SIMPLIFIED_PAIRS.charCodeAt(2 * i),
    TRADITIONAL_SIMPLIFIED_PAIRS[2 * i + 1]!,
  ]),
);

/**
 * `text` with its traditional characters in their simplified form, character by character: 劉翠蘭 is 刘翠兰, 陳國強 is
 * 陈国强, as a clerk who copies a name from a traditional-character form means the same person. Every character is
 * one UTF-16 unit either way, so an offset in the result is the same offset in `text`. Not for display.
 */
export function readAsSimplified(text: string): string {
  let i = 0;
  while (i < text.length && !SIMPLIFIED.has(text.charCodeAt(i))) i += 1;
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i += 1) out += SIMPLIFIED.get(text.charCodeAt(i)) ?? text[i]!;
  return out;
}

/** The traditional characters read as each simplified one (刘: 劉). */
const TRADITIONAL: ReadonlyMap<string, string> = (() => {
  const forms = new Map<string, string>();
  for (const [code, s] of SIMPLIFIED) forms.set(s, (forms.get(s) ?? '') + String.fromCharCode(code));
  return forms;
})();

/** The traditional characters read as the simplified character `simplified` (刘: 劉; '' for none), for a pattern that finds either. */
export function getTraditionalForms(simplified: string): string {
  return TRADITIONAL.get(simplified) ?? '';
}

/** An annotation in brackets after or inside a name: 刘志强（主任）, 刘志强[监委会]. */
const ANNOTATION = /[(（[【〔〖][^)）\]】〕〗]*[)）\]】〕〗]/gu;

/** Punctuation and symbols before or after a name, as a pasted list leaves them: 刘翠兰、 “刘翠兰” 刘翠兰；. */
const EDGE_MARKS = /^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu;

/** A dot between the parts of a name (阿依古丽·买买提, 阿依古丽.买买提), as read (normalisePersonName makes every middle dot ·). */
const DOT_IN_NAME = /(?<=\p{Script=Han})[·.](?=\p{Script=Han})/gu;

/**
 * A name as a list shows it, without what is not the name: bracketed annotations (刘志强（主任）) and the marks a pasted
 * list leaves before or after it (刘翠兰、). For masking in a message (刘*兰).
 */
export function getNameWithoutAnnotation(name: string): string {
  return normalisePersonName(normalisePersonName(name).replace(ANNOTATION, '')).replace(EDGE_MARKS, '');
}

/** `text` without the dots between the parts of names (阿依古丽·买买提 is 阿依古丽买买提); read as seen first. */
export function removeNameDots(text: string): string {
  return text.replace(DOT_IN_NAME, '');
}

/**
 * Who a name denotes, for comparing two names: the name without annotations, list marks or the dot of a minority name,
 * in simplified characters (刘志强（主任）, 刘 志强, 劉志強 and 刘志强、 are all 刘志强; 阿依古丽·买买提 is 阿依古丽买买提).
 * Not for display.
 */
export function getPersonKey(name: string): string {
  return readAsSimplified(removeNameDots(getNameWithoutAnnotation(name)));
}

/** True when two names denote the same person (see getPersonKey). */
export function isSamePerson(a: string, b: string): boolean {
  return getPersonKey(a) === getPersonKey(b);
}

/** True when `name` denotes one of the people named in `names`. */
export function isAmongPeople(name: string, names: readonly string[]): boolean {
  const key = getPersonKey(name);
  return names.some((n) => getPersonKey(n) === key);
}
