/**
 * Working days, rest days and posting periods (公示期) per 民法典 §201–203: the start day is not
 * counted; a period whose last day is a rest day (weekend or public holiday, unless it is a
 * make-up working day) ends on the next working day; periods may count calendar or working days.
 */
import { addDays, daysBetween, weekday, type IsoDate } from './dates.ts';

export interface WorkCalendar {
  /** Days off (public holidays, including weekends inside a holiday block). */
  holidays: ReadonlySet<IsoDate>;
  /** Weekend days that are working days (调休上班). */
  workdays: ReadonlySet<IsoDate>;
  /** Years the calendar knows; outside them only weekends count as rest days. */
  years: ReadonlySet<number>;
}

export interface CalendarSource {
  holidays: readonly IsoDate[];
  workdays: readonly IsoDate[];
}

/** Builds a calendar from per-year tables plus local additions. */
export function makeCalendar(byYear: Readonly<Record<number, CalendarSource>>, local?: CalendarSource): WorkCalendar {
  const holidays = new Set<IsoDate>();
  const workdays = new Set<IsoDate>();
  const years = new Set<number>();
  for (const [year, cal] of Object.entries(byYear)) {
    years.add(Number(year));
    cal.holidays.forEach((d) => holidays.add(d));
    cal.workdays.forEach((d) => workdays.add(d));
  }
  local?.holidays.forEach((d) => holidays.add(d));
  local?.workdays.forEach((d) => workdays.add(d));
  return { holidays, workdays, years };
}

/** True on weekends (unless a make-up working day) and on public holidays. */
export function isRestDay(date: IsoDate, cal: WorkCalendar): boolean {
  if (cal.holidays.has(date)) return true;
  if (cal.workdays.has(date)) return false;
  const wd = weekday(date);
  return wd === 0 || wd === 6;
}

/** The first working day on or after `date`. */
export function nextWorkingDay(date: IsoDate, cal: WorkCalendar): IsoDate {
  let d = date;
  while (isRestDay(d, cal)) d = addDays(d, 1);
  return d;
}

export type DurationUnit = 'calendar' | 'working';

/**
 * Last day of a posting period that starts on `start` and lasts `days` calendar or working days.
 * The start day is not counted (§201); a last day that falls on a rest day moves to the next
 * working day (§203).
 */
export function getPostingEndDate(start: IsoDate, days: number, unit: DurationUnit, cal: WorkCalendar): IsoDate {
  if (unit === 'calendar') return nextWorkingDay(addDays(start, days), cal);
  let d = start;
  let counted = 0;
  while (counted < days) {
    d = addDays(d, 1);
    if (!isRestDay(d, cal)) counted += 1;
  }
  return d;
}

/** Days a posting lasted from `start` to `end`, the start day not counted. */
export function countPostedDays(start: IsoDate, end: IsoDate, unit: DurationUnit, cal: WorkCalendar): number {
  if (unit === 'calendar') return daysBetween(start, end);
  let n = 0;
  for (let d = addDays(start, 1); d <= end; d = addDays(d, 1)) if (!isRestDay(d, cal)) n += 1;
  return n;
}

export type PostingStatus = { state: 'upcoming'; startsInDays: number } | { state: 'running'; daysLeft: number } | { state: 'ended'; endedDaysAgo: number };

/**
 * Where a posting stands on `today`. `daysLeft` counts today: on the last day it is 1.
 */
export function getPostingStatus(start: IsoDate, end: IsoDate, today: IsoDate): PostingStatus {
  if (today < start) return { state: 'upcoming', startsInDays: daysBetween(today, start) };
  if (today <= end) return { state: 'running', daysLeft: daysBetween(today, end) + 1 };
  return { state: 'ended', endedDaysAgo: daysBetween(end, today) };
}

/**
 * The day count a page adds to a 公示's printed period on the visitor's date: ，剩余3天 while it runs, ，3天后开始
 * before; nothing once it has ended (the page is rebuilt that day and says 公示期已结束).
 */
export function describeNoticeDays(start: IsoDate, end: IsoDate, today: IsoDate): string {
  const s = getPostingStatus(start, end, today);
  if (s.state === 'upcoming') return `，${s.startsInDays}天后开始`;
  if (s.state === 'running') return `，剩余${s.daysLeft}天`;
  return '';
}

/** Years between `from` and `to` (inclusive) that the calendar does not know. */
export function missingCalendarYears(from: IsoDate, to: IsoDate, cal: WorkCalendar): number[] {
  const out: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y += 1) if (!cal.years.has(y)) out.push(y);
  return out;
}

/**
 * Whether a notice period is shorter than every one of its minimums (the notice type's, the
 * province's floor). Both the end date and the declared duration count: a period declared shorter
 * than a minimum in the same unit is short even when a weekend or holiday pushes its end to the same
 * day as the lawful one (6 days from a Monday ends on the next Monday, as 7 days do).
 */
export function checkNoticePeriod(
  start: IsoDate,
  declared: { days: number; unit: DurationUnit },
  minimums: readonly { days: number; unit: DurationUnit }[],
  cal: WorkCalendar,
): { short: boolean; earliest: IsoDate } {
  const earliest =
    minimums
      .map((m) => getPostingEndDate(start, m.days, m.unit, cal))
      .sort()
      .pop() ?? start;
  const end = getPostingEndDate(start, declared.days, declared.unit, cal);
  const declaredShort = minimums.some((m) => m.unit === declared.unit && declared.days < m.days);
  return { short: end < earliest || declaredShort, earliest };
}
