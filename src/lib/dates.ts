/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`, Asia/Shanghai civil dates). No clock here: whoever
 * needs "today" passes it in. Arithmetic goes through day numbers (days since 1970-01-01).
 */

export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is a real calendar date written as YYYY-MM-DD (2025-02-30 is not). */
export function isIsoDate(text: string): boolean {
  const m = ISO.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Day number of an ISO date (days since 1970-01-01). */
export function toDayNumber(date: IsoDate): number {
  const m = ISO.exec(date);
  if (!m) throw new Error(`not an ISO date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}

/** ISO date of a day number. */
export function fromDayNumber(day: number): IsoDate {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Adds (or subtracts) calendar days. */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** "2025年10月8日" */
export function formatDateZh(date: IsoDate): string {
  const m = ISO.exec(date);
  if (!m) return date;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Civil date in China (UTC+8, no daylight saving) of an instant, whatever the machine's time zone. */
export function getChinaDate(epochMs: number): IsoDate {
  return new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 10);
}
