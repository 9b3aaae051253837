/**
 * Rules across records of a county: references resolve, sign-offs, posting periods, deadlines,
 * ledger reconciliation and continuity, quorum arithmetic, 四议两公开 chains, notice periods and
 * privacy. Pure: works on parsed records, returns findings per file.
 */
import { checkNoticePeriod, countPostedDays, getPostingEndDate, missingCalendarYears, type WorkCalendar } from '../lib/calendar.ts';
import { addDays } from '../lib/dates.ts';
import { checkChainLink, getChainMap } from '../lib/chain.ts';
import type { Finding } from '../lib/finding.ts';
import {
  checkLedger,
  checkLedgerContinuity,
  checkSignedAfterEntries,
  findReviewerConflicts,
  findReviewerPaid,
  findSplitExpensesAcrossLedgers,
} from '../lib/ledger.ts';
import { isInPeriod, periodKey, periodLabel, periodLabelEn, periodStart } from '../lib/period.ts';
import { bodyLinePath } from '../lib/content-safety.ts';
import {
  findNameInText,
  type NameOccurrence,
  findPersonalNumbers,
  findPersonalNumbersByLine,
  looksLikePersonName,
  makeSensitiveDetailFinder,
  maskName,
  MIN_NUMBER_LENGTH,
  SERIAL_FIELD_KINDS,
} from '../lib/privacy.ts';
import { checkMeeting, getOutcome, getQuorum } from '../lib/quorum.ts';
import { getExpenseAuthority, getStanding, type Standing } from '../lib/decisions.ts';
import { checkEligibleAgainstRegister } from '../lib/register.ts';
import { parseResolutionRef } from '../schemas/refs.ts';
import { getPublicationDeadline } from '../lib/schedule.ts';
import { checkSignoff } from '../lib/signoff.ts';
import { checkVolunteerHours, MAX_DAY_TENTHS } from '../lib/volunteer-hours.ts';
import {
  getNameWithoutAnnotation,
  getPersonKey,
  getTraditionalForms,
  INVISIBLE_SOURCE,
  isAmongPeople,
  normalisePersonName,
  readAsSeen,
  readAsSimplified,
  removeNameDots,
} from '../lib/person-name.ts';
import { getBodyRule } from '../law/bodies.ts';
import { getNoticeType } from '../law/notice-types.ts';
import { getSensitiveDetailWords } from '../law/sensitive-details.ts';
import { isCommonWord } from './common-words.ts';
import type { Notice } from '../schemas/index.ts';
import type { County, VillageRecords } from './model.ts';

export interface FileFinding {
  file: string;
  finding: Finding;
}

/** Last day of a notice's period. */
export function noticeEndDate(n: Notice, cal: WorkCalendar): string {
  return getPostingEndDate(n.startDate, n.duration.days, n.duration.unit, cal);
}

/**
 * Fields that hold an accounting serial, not a person's number: a voucher number (凭证号), and the
 * ledger entries a resolution authorises (<period>/<voucher>). Their digits are never read as a bank
 * card or an ID number (about one all-digit serial in ten passes Luhn); the same digits anywhere else
 * are.
 */
export const SERIAL_FIELDS: ReadonlySet<string> = new Set(['voucher', 'authorises']);

/** Unmasked ID, mobile and bank numbers anywhere in a record's fields or body. */
export function scanPrivacy(data: unknown, body: string, bodyLine = 1): Finding[] {
  const out: Finding[] = [];
  // One path, grown and shrunk as the walk goes (a ledger has tens of thousands of values); a finding gets a copy.
  const path: (string | number)[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      // Every kind has at least 11 digits, each one character: shorter text cannot hold one.
      if (v.length < MIN_NUMBER_LENGTH) return;
      const field = path.findLast((x) => typeof x === 'string');
      const options = typeof field === 'string' && SERIAL_FIELDS.has(field) ? { kinds: SERIAL_FIELD_KINDS } : {};
      for (const hit of findPersonalNumbers(v, options)) out.push({ code: `privacy.${hit.kind}`, path: [...path], params: { masked: hit.masked } });
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i += 1) {
        path.push(i);
        walk(v[i]);
        path.pop();
      }
    } else if (v && typeof v === 'object') {
      const record = v as Record<string, unknown>;
      for (const k of Object.keys(record)) {
        path.push(k);
        // A key is text too (13991712345: 王海燕).
        if (k.length >= MIN_NUMBER_LENGTH)
          for (const hit of findPersonalNumbers(k)) out.push({ code: `privacy.${hit.kind}`, path: [...path], params: { masked: hit.masked } });
        walk(record[k]);
        path.pop();
      }
    }
  };
  walk(data);
  const lines = body.split('\n');
  const reported = new Set<string>();
  lines.forEach((line, i) => {
    for (const hit of findPersonalNumbers(line)) {
      reported.add(`${i}|${hit.kind}|${hit.masked}`);
      out.push({ code: `privacy.${hit.kind}`, path: [bodyLinePath(i + bodyLine)], params: { masked: hit.masked } });
    }
  });
  // Markdown shows a single line break inside a paragraph as a space: a number broken over lines is read whole.
  let start = 0;
  for (let i = 0; i <= lines.length; i += 1) {
    if (i < lines.length && lines[i]!.trim() !== '') continue;
    if (i - start > 1)
      for (const hit of findPersonalNumbersByLine(lines.slice(start, i).join('\n'))) {
        const line = start + hit.line;
        if (reported.has(`${line}|${hit.kind}|${hit.masked}`)) continue;
        reported.add(`${line}|${hit.kind}|${hit.masked}`);
        out.push({ code: `privacy.${hit.kind}`, path: [bodyLinePath(line + bodyLine)], params: { masked: hit.masked } });
      }
    start = i + 1;
  }
  return out;
}

/**
 * A text as the name scans read it: `seen` as a villager sees it (person-name.ts readAsSeen), `text` that in simplified
 * characters without the dots between the parts of names, the form names are compared in (getPersonKey).
 */
function readNamesIn(written: string): { seen: string; text: string } {
  const seen = readAsSeen(written);
  return { seen, text: removeNameDots(readAsSimplified(seen)) };
}

/** What a text says where a name was found in it as read (readNamesIn): as seen, where no dot was removed before. */
/**
 * The finding for a subject's name found in a text: the error `code` where it is the name itself; where it may begin
 * someone else's longer name (唐亮 in 唐亮国, `-part`) or may be the common word it also is (文明 in 文明家庭, `-word`), a
 * warning naming what was found, so the clerk looks and the build goes on.
 */
function nameFinding(
  code: 'privacy.subject-name' | 'privacy.subject-name-elsewhere',
  hit: { how: NameOccurrence },
  path: (string | number)[],
  params: { masked: string; row: number; notice?: string },
  found: string,
): Finding {
  // The catalogue types each code's params; these six share theirs (the warnings add `found`).
  if (hit.how === 'whole') return { code, path, params } as Finding;
  return { code: `${code}-${hit.how}`, path, severity: 'warning', params: { ...params, found } } as Finding;
}

/** A subject's two-character name that is also a common word (文明, 高峰: src/check/common-words.ts). */
const isTwoCharacterWord = (name: string): boolean => [...name].length === 2 && isCommonWord(name);

function asWritten(seen: string, text: string, hit: { at: number; found: string }): string {
  return seen.length === text.length ? seen.slice(hit.at, hit.at + hit.found.length) : hit.found;
}

/**
 * What `find` finds in a Markdown body: on each line, and then on each two lines of one paragraph read together —
 * Markdown shows a line break inside a paragraph as a space, so 刘翠⏎兰 reads 刘翠 兰, which is 刘翠兰 (and 尿毒⏎症 is
 * 尿毒症). What only the two lines together hold is reported on the first of them.
 */
function scanBodyLines<T>(body: string, bodyLine: number, find: (text: string, path: (string | number)[]) => T[], findingOf: (t: T) => Finding): T[] {
  const lines = body.split('\n');
  const perLine = lines.map((line, i) => find(line, [bodyLinePath(i + bodyLine)]));
  const out = perLine.flat();
  const keyOf = (t: T) => {
    const f = findingOf(t);
    return `${f.code}|${JSON.stringify(f.params ?? {})}`;
  };
  for (let i = 0; i + 1 < lines.length; i += 1) {
    if (lines[i]!.trim() === '' || lines[i + 1]!.trim() === '') continue;
    const known = new Set([...perLine[i]!, ...perLine[i + 1]!].map(keyOf));
    for (const t of find(`${lines[i]!}\n${lines[i + 1]!}`, [bodyLinePath(i + bodyLine)])) if (!known.has(keyOf(t))) out.push(t);
  }
  return out;
}

/**
 * A personal 公示's subjects named in full outside its list: the site masks each name in the list (马*顺), but the
 * title, the other fields and the body are published and indexed as written, so a name there would undo the mask
 * (domain rules §4.2–4.3). A two-character name followed by a character that may go on a longer name (唐亮 in
 * 唐亮国介绍…) is only a warning: it may be someone else (src/lib/privacy.ts, `findNameInText`). Read from the file as parsed (its schema not yet checked): a notice whose type is not
 * personal, or whose subjects name no one, has nothing to find.
 */
export function scanSubjectNames(data: unknown, body: string, bodyLine = 1): Finding[] {
  if (!data || typeof data !== 'object') return [];
  const record = data as { type?: unknown; subjects?: unknown };
  if (typeof record.type !== 'string' || !getNoticeType(record.type)?.personal || !Array.isArray(record.subjects)) return [];
  // Each name as the list writes it, by the name in simplified characters: 劉翠蘭 on the list is 刘翠兰 in the text.
  const names = new Map<string, { shown: string; i: number }>();
  record.subjects.forEach((subject: unknown, i) => {
    const name = subject && typeof subject === 'object' ? (subject as { name?: unknown }).name : undefined;
    // One character is a surname or a word, not a person: too common to read as a name.
    const shown = typeof name === 'string' ? getNameWithoutAnnotation(name) : '';
    const key = typeof name === 'string' ? getPersonKey(name) : '';
    if (key.length >= 2 && !names.has(key)) names.set(key, { shown, i });
  });
  if (names.size === 0) return [];
  const out: Finding[] = [];
  const find = (written: string, path: (string | number)[]): Finding[] => {
    const found: Finding[] = [];
    // As a reader sees it: 马 天 顺 or 马+zero-width space+天顺 is 马天顺, 馬天順 is 马天顺, 阿依古丽·买买提 阿依古丽买买提.
    const { seen, text } = readNamesIn(written);
    for (const [name, { shown, i }] of names) {
      const hit = findNameInText(name, text, [], isTwoCharacterWord(name));
      if (hit) found.push(nameFinding('privacy.subject-name', hit, path, { masked: maskName(shown), row: i + 1 }, asWritten(seen, text, hit)));
    }
    return found;
  };
  const path: (string | number)[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') return void out.push(...find(v, [...path]));
    if (!v || typeof v !== 'object') return;
    for (const [k, value] of Array.isArray(v) ? v.entries() : Object.entries(v)) {
      // The list's own names are what the site masks.
      if (path.length === 2 && path[0] === 'subjects' && k === 'name') continue;
      path.push(k);
      walk(value);
      path.pop();
    }
  };
  walk(data);
  out.push(...scanBodyLines(body, bodyLine, find, (f) => f));
  return out;
}

/**
 * Fields whose names the site masks or never publishes as written: a 公示's own list, a ledger's handler, approver
 * and counterparty (masked unless on the village's roster, src/records/ledger.ts), volunteers (named only with
 * consent). A subject's name there is not published in full.
 */
const MASKED_NAME_FIELDS: ReadonlySet<string> = new Set(['name', 'handler', 'approver', 'party']);

/** Fields that name an official acting in office (sign-off, chair, minute-taker): a person's name, not a mention of one. */
const OFFICE_FIELDS: ReadonlySet<string> = new Set(['responsible', 'preparer', 'reviewer', 'host', 'recorder']);

/** Every person a village's records name in a name field: to tell 杜秋 (a subject) inside 杜秋斌 (another person) apart. */
function collectNamedPeople(v: VillageRecords): Set<string> {
  const people = new Set<string>();
  const walk = (value: unknown, key?: string) => {
    if (typeof value === 'string') {
      if (key !== undefined && (MASKED_NAME_FIELDS.has(key) || OFFICE_FIELDS.has(key))) people.add(getPersonKey(value));
    } else if (Array.isArray(value)) value.forEach((x) => walk(x, key));
    else if (value && typeof value === 'object') for (const [k, x] of Object.entries(value)) walk(x, k);
  };
  walk(v.data);
  for (const r of [...v.disclosures, ...v.meetings, ...v.ledgers, ...v.volunteers, ...v.notices]) walk(r.data);
  return people;
}

/** The dots a clerk may write between the parts of a name (阿依古丽·买买提, 阿依古丽.买买提, full-width ．). */
const NAME_DOT_WRITTEN = '[.\\u00B7\\u0387\\u2022\\u2027\\u2219\\u22C5\\u30FB\\uFF0E\\uFF65]';

/** Kangxi radicals, CJK radical supplements and compatibility ideographs: each shows as a unified character (NFKC). */
const STANDS_FOR_HAN = /[\u2E80-\u2FDF\uF900-\uFAFF]|[\u{2F800}-\u{2FA1F}]/u;

/**
 * The subjects of a village's personal 公示 (低保, 宅基地 …) named in full in the village's other records: a
 * disclosure item (“退出低保1户（刘翠兰）”), a meeting's minutes, a ledger's summary, another notice. The 公示's list
 * masks them (刘*兰) and leaves the web on `unpublishAfter`, but those records are published and searchable as
 * written, for good. A subject who is on the village's roster (a cadre's own 宅基地 application) is named in their
 * office anyway and is not looked for; nor is a name of one character, nor a name inside a longer name of another
 * person the records name (杜秋 in 杜秋斌), nor the officials' fields (preparer, host …).
 */
export function scanSubjectNamesElsewhere(v: VillageRecords): FileFinding[] {
  const roster = [...v.data.committee, ...v.data.supervisors, ...v.data.staff].map((m) => m.name);
  // By the name in simplified characters (劉翠蘭 on the list is 刘翠兰 elsewhere, and the other way round).
  const subjects = new Map<string, { notice: string; row: number; shown: string }>();
  for (const n of v.notices) {
    if (!getNoticeType(n.data.type)?.personal) continue;
    n.data.subjects.forEach((subject, i) => {
      const shown = subject.name === undefined ? '' : getNameWithoutAnnotation(subject.name);
      const name = subject.name === undefined ? '' : getPersonKey(subject.name);
      if (name.length >= 2 && !subjects.has(name) && !isAmongPeople(name, roster)) subjects.set(name, { notice: n.id, row: i + 1, shown });
    });
  }
  if (subjects.size === 0) return [];
  // The village's other named people, only once a subject's name is found somewhere (rarely).
  let people: string[] | undefined;
  const longerThan = (name: string) => (people ??= [...collectNamedPeople(v)]).filter((p) => p.length > name.length && p.includes(name));
  // One test per text for all the subjects' names, on the text as written: a name's characters with spaces or
  // invisible characters between them (马 天顺), each in either form (刘 or 劉). Most texts hold none and are never normalised.
  const escape = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const either = (ch: string) => {
    const forms = getTraditionalForms(ch);
    return forms === '' ? escape(ch) : `[${escape(ch)}${forms}]`;
  };
  const namePattern = new RegExp(
    [...subjects.keys()].map((name) => [...name].map(either).join(`(?:\\s|${INVISIBLE_SOURCE}|${NAME_DOT_WRITTEN})*`)).join('|'),
    'u',
  );
  // A Kangxi radical or compatibility ideograph shows as the character it stands for (⽟ is 玉): a text with one is
  // tested again as it is seen. Few texts have any.
  const anyName = { test: (text: string) => namePattern.test(text) || (STANDS_FOR_HAN.test(text) && namePattern.test(readAsSeen(text))) };
  const out: FileFinding[] = [];
  const scan = (rec: { id: string; file: string; data: unknown; body: string }, bodyLine: number, own?: string) => {
    const find = (written: string, path: (string | number)[]): FileFinding[] => {
      const found: FileFinding[] = [];
      if (!anyName.test(written)) return found;
      const { seen, text } = readNamesIn(written);
      for (const [name, where] of subjects) {
        if (where.notice === own || !text.includes(name)) continue;
        const hit = findNameInText(name, text, longerThan(name), isTwoCharacterWord(name));
        const params = { masked: maskName(where.shown), notice: where.notice, row: where.row };
        if (hit) found.push({ file: rec.file, finding: nameFinding('privacy.subject-name-elsewhere', hit, [...path], params, asWritten(seen, text, hit)) });
      }
      return found;
    };
    // One path, grown and shrunk as the walk goes (a ledger has thousands of entries); a finding gets a copy.
    const path: (string | number)[] = [];
    const walk = (value: unknown) => {
      if (typeof value === 'string') return void out.push(...find(value, path));
      if (!value || typeof value !== 'object') return;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i += 1) {
          path.push(i);
          walk(value[i]);
          path.pop();
        }
        return;
      }
      for (const k of Object.keys(value)) {
        if (MASKED_NAME_FIELDS.has(k) || OFFICE_FIELDS.has(k)) continue;
        path.push(k);
        walk((value as Record<string, unknown>)[k]);
        path.pop();
      }
    };
    // Most records name no subject anywhere: one test of the whole record, as text, before the walk.
    if (anyName.test(JSON.stringify(rec.data))) walk(rec.data);
    if (rec.body && anyName.test(rec.body)) out.push(...scanBodyLines(rec.body, bodyLine, find, (f) => f.finding));
  };
  for (const r of [...v.disclosures, ...v.meetings, ...v.ledgers, ...v.volunteers]) scan(r, r.bodyLine ?? 1);
  // A personal 公示's own text is scanned for its own subjects by scanSubjectNames, when the file is read.
  for (const n of v.notices) scan(n, n.bodyLine ?? 1, getNoticeType(n.data.type)?.personal ? n.id : undefined);
  return out;
}

/**
 * A list posted before the review 公示 it follows has ended for the same person (a 低保对象名单 naming a household whose
 * 低保初审 公示 still runs): the result is out before villagers could object (NoticeType `after` in src/law/notice-types.ts).
 * One finding per review notice, naming the first shared person masked (the finding may reach the public compliance page).
 */
export function checkNoticeAfterReview(n: VillageRecords['notices'][number], notices: readonly VillageRecords['notices'][number][]): Finding[] {
  const after = getNoticeType(n.data.type)?.after;
  if (!after) return [];
  const names = new Map<string, number>();
  n.data.subjects.forEach((subject, i) => {
    const key = subject.name === undefined ? '' : getPersonKey(subject.name);
    if (key.length >= 2 && !names.has(key)) names.set(key, i);
  });
  const out: Finding[] = [];
  for (const r of notices) {
    if (r.data.type !== after.type || n.data.startDate > r.endDate) continue;
    const shared = r.data.subjects.map((subject) => (subject.name === undefined ? '' : getPersonKey(subject.name))).find((key) => names.has(key));
    if (shared === undefined) continue;
    out.push({
      code: 'notice.before-review-ends',
      path: ['startDate'],
      params: {
        type: n.data.type,
        reviewType: after.type,
        review: r.id,
        end: r.endDate,
        earliest: addDays(r.endDate, 1),
        masked: maskName(shared),
        row: names.get(shared)! + 1,
        source: after.source,
      },
    });
  }
  return out;
}

/**
 * Health, disability and house-address details in a village's personal 公示 (低保, 宅基地 …): sensitive or beyond what
 * the law requires (个人信息保护法 §6, §28; src/law/sensitive-details.ts, the province's word lists). On the list (a
 * subject's name, group, reason, plot, note) it is said of that person: an error. In the title, the body or another
 * field it may be a general word of policy (重度残疾人可单独纳入低保): a warning, so the clerk looks and the build goes on.
 * Text is read as a villager sees it (残 疾, 殘疾 are 残疾).
 */
export function scanSensitiveDetails(v: VillageRecords, profileKey: string): FileFinding[] {
  const out: FileFinding[] = [];
  let find: ReturnType<typeof makeSensitiveDetailFinder> | undefined;
  const read = (text: string) => (find ??= makeSensitiveDetailFinder(getSensitiveDetailWords(profileKey)))(readAsSimplified(readAsSeen(text)));
  for (const n of v.notices) {
    if (!getNoticeType(n.data.type)?.personal) continue;
    n.data.subjects.forEach((subject, i) => {
      for (const [field, value] of Object.entries(subject)) {
        if (typeof value !== 'string') continue;
        for (const { kind, word } of read(value))
          out.push({ file: n.file, finding: { code: 'privacy.sensitive-detail', path: ['subjects', i, field], params: { kind, word, row: i + 1 } } });
      }
    });
    const find = (written: string, path: (string | number)[]): FileFinding[] =>
      read(written).map(({ kind, word }) => ({
        file: n.file,
        finding: { code: 'privacy.sensitive-detail-text', path, severity: 'warning', params: { kind, word } },
      }));
    const text = (value: unknown, path: (string | number)[]) => {
      if (typeof value === 'string') out.push(...find(value, path));
      else if (value && typeof value === 'object') for (const [k, x] of Array.isArray(value) ? value.entries() : Object.entries(value)) text(x, [...path, k]);
    };
    for (const [k, value] of Object.entries(n.data)) if (k !== 'subjects') text(value, [k]);
    out.push(...scanBodyLines(n.body, n.bodyLine ?? 1, find, (f) => f.finding));
  }
  return out;
}

/**
 * Unmasked personal numbers in the YAML comments (# …) of a file's first `lines` lines (the whole
 * YAML file, or a record's front matter): never shown on the site, but kept in the county's
 * repository for anyone who can read it.
 */
export function scanComments(text: string, lines: number): Finding[] {
  const out: Finding[] = [];
  text
    .split('\n')
    .slice(0, lines)
    .forEach((line, i) => {
      const at = line.search(/(?:^|\s)#/);
      // After a quote the # may be inside a quoted value, which the field scan has read already.
      if (at < 0 || /['"]/.test(line.slice(0, at))) return;
      for (const hit of findPersonalNumbers(line.slice(at)))
        out.push({ code: `privacy.${hit.kind}`, path: [`注释（文件第${i + 1}行） comment, line ${i + 1} of the file`], params: { masked: hit.masked } });
    });
  return out;
}

/**
 * Unmasked personal numbers in a file name or a village folder name: the name becomes the page
 * address, so a number there is published however the file's text reads.
 */
export function scanFileName(name: string): Finding[] {
  return findPersonalNumbers(name.replace(/\.(md|mdx|ya?ml)$/, '')).map((hit) => ({
    code: `privacy.${hit.kind}`,
    path: ['文件名 file name'],
    params: { masked: hit.masked, where: 'file-name' },
  }));
}

/** The catalogue's codes by track, and a finding for each code listed twice. */
export function catalogueCodes(site: County['site'], siteFile: string): { codes: Map<string, string>; findings: FileFinding[] } {
  const findings: FileFinding[] = [];
  const codes = new Map<string, string>();
  site.catalogue.forEach((c, i) => {
    if (codes.has(c.code))
      findings.push({ file: siteFile, finding: { code: 'site.catalogue-duplicate', path: ['catalogue', i, 'code'], params: { code: c.code } } });
    codes.set(c.code, c.track);
  });
  return { codes, findings };
}

/** A standing that is not lawful, as message parameters. */
function standingParams(st: Standing): { reason: 'quorum' } | { reason: 'vote'; index: number } {
  return st.lawful ? { reason: 'quorum' } : st.reason === 'quorum' ? { reason: 'quorum' } : { reason: 'vote', index: st.index };
}

/** The last date of a 四议两公开 resolution's authorised payments, if any. */
export function lastAuthorisedPayment(m: VillageRecords['meetings'][number], v: VillageRecords): string | undefined {
  return v.ledgers
    .flatMap((l) => l.data.expense.filter((e) => e.resolution?.meetingId === m.id).map((e) => e.date))
    .sort()
    .pop();
}

/** The first payment a meeting authorised: an expense naming it, or one its resolutions list (`authorises`), as <ledger>/<voucher>. */
export function firstAuthorisedPayment(m: VillageRecords['meetings'][number], v: VillageRecords): { date: string; ref: string } | undefined {
  const listed = new Set(m.data.resolutions.flatMap((r) => r.authorises.map((a) => `${a.ledgerId}\0${a.voucher}`)));
  let first: { date: string; ref: string } | undefined;
  for (const l of v.ledgers)
    for (const e of l.data.expense)
      if ((e.resolution?.meetingId === m.id || listed.has(`${l.id}\0${e.voucher}`)) && (!first || e.date < first.date))
        first = { date: e.date, ref: `${l.id}/${e.voucher}` };
  return first;
}

/**
 * The two 公开 of 四议两公开 on the resolving meeting of a chain (one that names its previous step):
 * the result is posted after the resolution, each by its deadline in the province profile. A missing
 * posting whose deadline has passed depends on the as-of date and is reported by the compliance rules.
 */
export function checkFourStepPosting(m: VillageRecords['meetings'][number], v: VillageRecords, profile: County['profile']): Finding[] {
  const x = m.data;
  if (getBodyRule(x.body)?.fourStep !== 'resolve' || !x.previous) return [];
  const out: Finding[] = [];
  const { resolutionWithinDays, resultWithinDays, source } = profile.fourStepPosting;
  const resDeadline = addDays(x.date, resolutionWithinDays);
  if (x.publishedAt && x.publishedAt > resDeadline)
    out.push({
      code: 'chain.posting-late',
      path: ['publishedAt'],
      severity: 'warning',
      params: {
        step: 'resolution',
        posted: x.publishedAt,
        from: x.date,
        deadline: resDeadline,
        days: resolutionWithinDays,
        province: `${profile.name}，${source}`,
      },
    });
  if (x.resultPublishedAt) {
    if (!x.publishedAt || x.resultPublishedAt < x.publishedAt)
      out.push({
        code: 'chain.result-before',
        path: ['resultPublishedAt'],
        params: { resultPublishedAt: x.resultPublishedAt, publishedAt: x.publishedAt ?? '' },
      });
    // 实施结果公开 reports what was done with the money: not before any of it was spent (a later 尾款/质保金 may follow).
    const first = firstAuthorisedPayment(m, v);
    if (first && x.resultPublishedAt < first.date)
      out.push({
        code: 'chain.result-before-payment',
        path: ['resultPublishedAt'],
        params: { resultPublishedAt: x.resultPublishedAt, first: first.date, voucher: first.ref },
      });
    const last = lastAuthorisedPayment(m, v);
    if (last && x.resultPublishedAt > addDays(last, resultWithinDays)) {
      out.push({
        code: 'chain.posting-late',
        path: ['resultPublishedAt'],
        severity: 'warning',
        params: {
          step: 'result',
          posted: x.resultPublishedAt,
          from: last,
          deadline: addDays(last, resultWithinDays),
          days: resultWithinDays,
          province: `${profile.name}，${source}`,
        },
      });
    }
  }
  return out;
}

/**
 * What the village rules are checked against: the county's site, profile and calendar, and not the
 * as-of date. The rules that depend on the date are the compliance rules (compliance-rules.ts), run
 * again on every check; the type keeps the date out of these.
 */
export type VillageRuleScope = Pick<County, 'site' | 'profile' | 'calendar'>;

/**
 * Rules within one village, against the county's site and profile. They depend only on the
 * village's files, content/site.yaml and the code (not on the as-of date, which `VillageRuleScope`
 * leaves out), which is what lets scripts/build.ts reuse a village's result while its files are
 * unchanged, on any day (src/check/check-cache.ts).
 */
export function checkVillageRules(v: VillageRecords, county: VillageRuleScope, codes: Map<string, string>, missingYears: Set<number>): FileFinding[] {
  const out: FileFinding[] = [];
  const add = (file: string, findings: readonly Finding[]) => findings.forEach((finding) => out.push({ file, finding }));
  const { profile, calendar, site } = county;
  const committee = v.data.committee.map((m) => m.name);
  const supervisors = v.data.supervisors.map((m) => m.name);
  v.data.supervisors.forEach((s, i) => {
    if (isAmongPeople(s.name, committee))
      add(v.file, [{ code: 'village.supervisor-on-committee', path: ['supervisors', i, 'name'], params: { name: s.name } }]);
  });
  // The registers bound each other: adults, households and members are among the population, representatives among the adults.
  const registerBounds = [
    ['adults', 'population'],
    ['households', 'population'],
    ['members', 'population'],
    ['representatives', 'adults'],
  ] as const;
  for (const [field, bound] of registerBounds) {
    const value = v.data[field];
    if (value !== undefined && value > v.data[bound])
      add(v.file, [{ code: 'village.register-over', path: [field], params: { field, value, bound, boundValue: v.data[bound] } }]);
  }
  const meetings = new Map(v.meetings.map((m) => [m.id, m]));
  /** Each meeting's quorum and outcomes, once. */
  const decided = new Map(
    v.meetings.map((m) => {
      const rule = getBodyRule(m.data.body)!;
      const q = getQuorum(rule, m.data, { womenRepQuorum: profile.womenRepQuorum });
      return [m.id, { q, outcomes: m.data.resolutions.map((r) => getOutcome(rule, m.data, r.votes, q.met)) }];
    }),
  );
  const standingOf = (id: string, only?: number): Standing => {
    const d = decided.get(id)!;
    return getStanding(d.q.met, d.outcomes, only);
  };
  /** The first step before `id` (following `previous`) that did not stand, if any. */
  const brokenStepBefore = (id: string): { id: string; body: string; standing: Standing & { lawful: false } } | undefined => {
    const seen = new Set<string>([id]);
    for (let cur = meetings.get(meetings.get(id)?.data.previous ?? ''); cur && !seen.has(cur.id); cur = meetings.get(cur.data.previous ?? '')) {
      seen.add(cur.id);
      const st = standingOf(cur.id);
      if (!st.lawful) return { id: cur.id, body: cur.data.body, standing: st };
    }
    return undefined;
  };
  const ledgersByPeriod = new Map(v.ledgers.map((l) => [l.id, l]));

  // ── disclosures ──
  const disclosures = new Map(v.disclosures.map((d) => [d.id, d]));
  const supersededBy = new Map<string, string>();
  for (const d of v.disclosures) {
    const f: Finding[] = [];
    const x = d.data;
    if (!x.channels.includes('公开栏')) f.push({ code: 'disclosure.board', path: ['channels'] });
    x.items.forEach((item, i) => {
      const track = codes.get(item.code);
      if (!track)
        f.push({
          code: 'disclosure.catalogue',
          path: ['items', i, 'code'],
          params: {
            code: item.code,
            track: x.track,
            codes: site.catalogue
              .filter((c) => c.track === x.track)
              .map((c) => c.code)
              .join('、'),
          },
        });
      else if (track !== x.track)
        f.push({ code: 'disclosure.catalogue-track', path: ['items', i, 'code'], params: { code: item.code, itemTrack: track, track: x.track } });
    });
    f.push(...checkSignoff(x.signoff, { publishedAt: x.publishedAt, reviewRequired: x.track !== '党务', supervisors, committee }));
    // A quarter's disclosure is reviewed and published once the quarter has begun: before it, there is nothing to disclose.
    const begins = periodStart(d.period);
    for (const [date, path, what] of [
      [x.signoff.reviewedAt, ['signoff', 'reviewedAt'], 'review'],
      [x.publishedAt, ['publishedAt'], 'publication'],
    ] as const)
      if (date !== undefined && date < begins)
        f.push({
          code: 'disclosure.before-period',
          path: [...path],
          params: { what, date, begins, period: periodLabel(d.period), periodEn: periodLabelEn(d.period) },
        });
    if (x.approval) {
      const approvalRef = parseResolutionRef(x.approval.meeting);
      const m = meetings.get(approvalRef.meetingId);
      if (!m) {
        if (!v.unreadable.has(`meetings/${approvalRef.meetingId}`))
          f.push({
            code: 'ref.missing',
            path: ['approval', 'meeting'],
            params: { ref: x.approval.meeting, kind: 'meeting', known: [...meetings.keys()].join('、') },
          });
      } else {
        if (!getBodyRule(m.data.body)?.approvesDisclosures)
          f.push({ code: 'disclosure.approval-body', path: ['approval', 'meeting'], params: { ref: m.id, body: m.data.body } });
        else {
          const st = standingOf(m.id, approvalRef.index);
          if (!st.lawful)
            f.push({
              code: 'disclosure.approval-unlawful',
              path: ['approval', 'meeting'],
              params: { ref: x.approval.meeting, body: m.data.body, ...standingParams(st) },
            });
        }
        const reviewed = x.signoff.reviewedAt ?? m.data.date;
        if (!(reviewed <= m.data.date && m.data.date <= x.publishedAt))
          f.push({
            code: 'disclosure.approval-order',
            path: ['approval', 'meeting'],
            params: { reviewedAt: x.signoff.reviewedAt ?? '—', meetingDate: m.data.date, publishedAt: x.publishedAt },
          });
      }
    }
    const posted = countPostedDays(x.publishedAt, x.postedUntil, 'calendar', calendar);
    if (posted < profile.minPostingDays) {
      f.push({
        code: 'disclosure.posting-short',
        path: ['postedUntil'],
        params: {
          days: posted,
          from: x.publishedAt,
          to: x.postedUntil,
          min: profile.minPostingDays,
          province: profile.name,
          earliest: addDays(x.publishedAt, profile.minPostingDays),
        },
      });
    }
    if (x.supersedes) {
      if (!x.correctionReason) f.push({ code: 'disclosure.correction-reason', path: ['correctionReason'] });
      const orig = disclosures.get(x.supersedes);
      if (x.supersedes === d.id) f.push({ code: 'disclosure.supersedes-self', path: ['supersedes'], params: { ref: x.supersedes } });
      else if (!orig) {
        if (!v.unreadable.has(`disclosures/${x.supersedes}`))
          f.push({
            code: 'ref.missing',
            path: ['supersedes'],
            params: { ref: x.supersedes, kind: 'disclosure', known: [...disclosures.keys()].filter((k) => k !== d.id).join('、') },
          });
      } else {
        const other = supersededBy.get(orig.id);
        if (other) f.push({ code: 'disclosure.supersedes-twice', path: ['supersedes'], params: { ref: orig.id, other } });
        else supersededBy.set(orig.id, d.id);
        if (x.publishedAt < orig.data.publishedAt)
          f.push({ code: 'disclosure.supersedes-earlier', path: ['publishedAt'], params: { publishedAt: x.publishedAt, original: orig.data.publishedAt } });
      }
    } else if (x.correctionReason) f.push({ code: 'disclosure.reason-without-supersedes', path: ['supersedes'] });
    const deadline = getPublicationDeadline(d.period, profile);
    if (!x.supersedes && x.publishedAt > deadline)
      f.push({
        code: 'disclosure.deadline',
        path: ['publishedAt'],
        severity: 'warning',
        params: { period: periodLabel(d.period), periodEn: periodLabelEn(d.period), publishedAt: x.publishedAt, deadline },
      });
    add(d.file, f);
  }

  // ── ledgers ──
  const threshold = site.largeExpenseThreshold;
  // The meetings whose resolutions authorise each expense (by ledger and voucher), in the village's order of meetings:
  // read once, not once per expense (it was the check's largest single cost).
  const authorisedBy = new Map<string, VillageRecords['meetings']>();
  for (const m of v.meetings) {
    const keys = new Set(m.data.resolutions.flatMap((r) => r.authorises.map((a) => `${a.ledgerId}\0${a.voucher}`)));
    for (const key of keys) (authorisedBy.get(key) ?? authorisedBy.set(key, []).get(key)!).push(m);
  }
  for (const l of v.ledgers) {
    const f = checkLedger(l.data, l.period, threshold);
    f.push(...checkSignoff(l.data.signoff, { publishedAt: l.data.publishedAt, reviewRequired: true, supervisors, committee }));
    f.push(...checkSignedAfterEntries(l.data));
    f.push(...findReviewerConflicts(l.data), ...findReviewerPaid(l.data));
    for (const side of ['receivables', 'payables'] as const)
      l.data[side].forEach((item, i) => {
        if (item.partyKind === '单位' && looksLikePersonName(normalisePersonName(item.party)))
          f.push({ code: 'ledger.party-kind', path: [side, i, 'partyKind'], severity: 'warning', params: { party: item.party, masked: maskName(item.party) } });
      });
    l.data.expense.forEach((e, i) => {
      if (!e.resolution) {
        // Named only by a resolution's `authorises`: still spent only after that decision.
        for (const m of authorisedBy.get(`${l.id}\0${e.voucher}`) ?? []) {
          if (e.date < m.data.date)
            f.push({
              code: 'ledger.before-decision',
              path: ['expense', i, 'date'],
              params: { date: e.date, ref: m.id, decided: m.data.date, step: 'meeting' },
            });
        }
        return;
      }
      const ref = e.resolution.meetingId;
      const m = meetings.get(ref);
      if (!m) {
        if (!v.unreadable.has(`meetings/${ref}`))
          f.push({ code: 'ref.missing', path: ['expense', i, 'resolution'], params: { ref, kind: 'meeting', known: [...meetings.keys()].join('、') } });
        return;
      }
      if (!getBodyRule(m.data.body)?.decidesSpending) {
        f.push({ code: 'ledger.resolution-body', path: ['expense', i, 'resolution'], params: { ref, body: m.data.body } });
        return;
      }
      const { q, outcomes } = decided.get(m.id)!;
      const path = ['expense', i, 'resolution'];
      if (!outcomes.some((o) => o === '通过')) {
        f.push({ code: 'ledger.resolution-failed', path, params: { ref, quorum: q.met ? { met: true } : { met: false, basis: q.basis.zh } } });
        return;
      }
      const authority = getExpenseAuthority(e.resolution.index, { ledgerId: l.id, voucher: e.voucher }, m.data.resolutions, outcomes);
      if (authority.state === 'failed')
        f.push({ code: 'ledger.resolution-own-vote', path, params: { ref: `${ref}#${authority.index}`, index: authority.index } });
      else if (authority.state === 'ambiguous') f.push({ code: 'ledger.resolution-ambiguous', path, params: { ref, count: authority.count } });
      else if (authority.state === 'index-out')
        f.push({ code: 'ledger.resolution-index', path, params: { ref: e.resolution.ref, index: authority.index, count: authority.count } });
      else if (authority.state === 'none') f.push({ code: 'ledger.resolution-failed', path, params: { ref, quorum: { met: true } } });
      if (authority.state !== 'passed') return;
      if (e.date < m.data.date)
        return void f.push({
          code: 'ledger.before-decision',
          path: ['expense', i, 'date'],
          params: { date: e.date, ref, decided: m.data.date, step: 'meeting' },
        });
      const broken = brokenStepBefore(m.id);
      if (broken)
        return void f.push({ code: 'ledger.chain-broken', path, params: { ref, step: broken.id, stepBody: broken.body, ...standingParams(broken.standing) } });
      // 四议两公开: the procedure is complete (the resolution posted) before the money goes out.
      if (m.data.previous && (!m.data.publishedAt || e.date < m.data.publishedAt)) {
        f.push({
          code: 'ledger.before-decision',
          path: ['expense', i, 'date'],
          params: { date: e.date, ref, decided: m.data.publishedAt ?? '', step: 'posted' },
        });
      }
    });
    add(l.file, f);
  }
  for (const { index, finding } of checkLedgerContinuity(
    v.ledgers.map((l) => ({ period: l.period, openingBalance: l.data.openingBalance, closingBalance: l.data.closingBalance })),
  )) {
    add(v.ledgers[index]!.file, [finding]);
  }
  for (const { ledger, finding } of findSplitExpensesAcrossLedgers(
    v.ledgers.map((l) => ({ id: l.id, expense: l.data.expense })),
    threshold,
  ))
    add(v.ledgers[ledger]!.file, [finding]);

  // ── meetings ──
  const chainById = getChainMap(v.meetings);
  for (const m of v.meetings) {
    const f = checkMeeting(m.data, profile.noticeDays);
    if (m.data.publishedAt && m.data.publishedAt < m.data.date)
      f.push({ code: 'meeting.published-before', path: ['publishedAt'], params: { publishedAt: m.data.publishedAt, date: m.data.date } });
    if (m.data.previous) {
      const prev = chainById.get(m.data.previous);
      if (!prev) {
        if (!v.unreadable.has(`meetings/${m.data.previous}`))
          f.push({ code: 'ref.missing', path: ['previous'], params: { ref: m.data.previous, kind: 'meeting', known: [...meetings.keys()].join('、') } });
      } else {
        const link = checkChainLink(chainById.get(m.id)!, prev);
        f.push(...link);
        const st = standingOf(prev.id);
        if (link.length === 0 && !st.lawful)
          f.push({
            code: 'chain.previous-unlawful',
            path: ['previous'],
            params: { previous: prev.id, previousBody: meetings.get(prev.id)!.data.body, ...standingParams(st) },
          });
      }
    }
    f.push(...checkEligibleAgainstRegister(m.data, v.data));
    f.push(...checkFourStepPosting(m, v, profile));
    const { outcomes } = decided.get(m.id)!;
    const decidesSpending = getBodyRule(m.data.body)?.decidesSpending ?? false;
    m.data.resolutions.forEach((r, i) => {
      r.authorises.forEach(({ ref, ledgerId, voucher }, j) => {
        if (ledgerId === undefined) return void f.push({ code: 'meeting.authorises', path: ['resolutions', i, 'authorises', j], params: { ref } });
        // 组织法 §24: spending is decided by the villagers' (representative) assembly; a committee cannot authorise it.
        if (!decidesSpending) f.push({ code: 'meeting.authorises-body', path: ['resolutions', i, 'authorises', j], params: { ref, body: m.data.body } });
        if (outcomes[i] === '未通过') f.push({ code: 'meeting.authorises-failed', path: ['resolutions', i, 'authorises', j], params: { index: i + 1, ref } });
        const ledger = ledgersByPeriod.get(ledgerId);
        if (!ledger?.data.expense.some((e) => e.voucher === voucher) && !v.unreadable.has(`finances/${ledgerId}`)) {
          f.push({
            code: 'ref.missing',
            path: ['resolutions', i, 'authorises', j],
            params: { ref, kind: 'ledger-entry', known: [...ledgersByPeriod.keys()].join('、') },
          });
        }
      });
    });
    add(m.file, f);
  }

  // ── notices ──
  for (const n of v.notices) {
    const f: Finding[] = [];
    const x = n.data;
    const type = getNoticeType(x.type)!;
    for (const y of missingCalendarYears(x.startDate, n.endDate, calendar)) missingYears.add(y);
    const minimum = profile.noticeMinimums[x.type] ?? type.minimum;
    const { short, earliest } = checkNoticePeriod(x.startDate, x.duration, [minimum, { days: profile.minPostingDays, unit: 'calendar' }], calendar);
    if (short) {
      const own = minimum.days >= profile.minPostingDays || minimum.unit === 'working';
      const min = own
        ? { minDays: minimum.days, minUnit: minimum.unit }
        : { minDays: profile.minPostingDays, minUnit: 'calendar' as const, byProfile: profile.name };
      f.push({
        code: 'notice.too-short',
        path: ['duration', 'days'],
        params: { type: x.type, days: x.duration.days, unit: x.duration.unit, ...min, earliest },
      });
    }
    x.subjects.forEach((s, i) => {
      for (const key of Object.keys(s)) {
        if (!type.allowedFields.includes(key))
          f.push({
            code: 'notice.field-not-allowed',
            path: ['subjects', i, key],
            params: { type: x.type, field: key, allowed: type.allowedFields.join(', ') },
          });
      }
    });
    if (x.longTerm && !type.longTermAllowed) f.push({ code: 'notice.long-term', path: ['longTerm'], params: { type: x.type } });
    const personal = type.personal && x.subjects.some((s) => s.name);
    if (personal && !x.unpublishAfter) f.push({ code: 'notice.unpublish-missing', path: ['unpublishAfter'], params: { type: x.type } });
    f.push(...checkNoticeAfterReview(n, v.notices));
    if (x.unpublishAfter && x.unpublishAfter < n.endDate)
      f.push({ code: 'notice.unpublish-early', path: ['unpublishAfter'], params: { unpublishAfter: x.unpublishAfter, end: n.endDate } });
    add(n.file, f);
  }

  // ── volunteers ──
  for (const p of v.volunteers) {
    const f: Finding[] = [];
    const teams = new Set<string>();
    p.data.teams.forEach((t, i) => {
      if (teams.has(t.id)) f.push({ code: 'volunteer.duplicate', path: ['teams', i, 'id'], params: { id: t.id } });
      teams.add(t.id);
    });
    const people = new Set<string>();
    p.data.volunteers.forEach((x, i) => {
      if (people.has(x.id)) f.push({ code: 'volunteer.duplicate', path: ['volunteers', i, 'id'], params: { id: x.id } });
      people.add(x.id);
      if (!teams.has(x.team))
        f.push({ code: 'ref.missing', path: ['volunteers', i, 'team'], params: { ref: x.team, kind: 'team', known: [...teams].join('、') } });
    });
    p.data.activities.forEach((a, i) => {
      if (!isInPeriod(a.date, p.period))
        f.push({ code: 'volunteer.date-outside', path: ['activities', i, 'date'], params: { date: a.date, period: periodKey(p.period) } });
      if (!teams.has(a.team))
        f.push({ code: 'ref.missing', path: ['activities', i, 'team'], params: { ref: a.team, kind: 'team', known: [...teams].join('、') } });
      a.participants.forEach((pp, j) => {
        if (!people.has(pp.volunteer))
          f.push({
            code: 'ref.missing',
            path: ['activities', i, 'participants', j, 'volunteer'],
            params: { ref: pp.volunteer, kind: 'volunteer', known: [...people].join('、') },
          });
        if (pp.hours > MAX_DAY_TENTHS)
          f.push({ code: 'volunteer.hours', path: ['activities', i, 'participants', j, 'hours'], params: { hours: pp.hours / 10 } });
      });
    });
    f.push(...checkVolunteerHours(p.data.activities));
    add(p.file, f);
  }
  out.push(...scanSubjectNamesElsewhere(v));
  out.push(...scanSensitiveDetails(v, profile.key));
  return out;
}
