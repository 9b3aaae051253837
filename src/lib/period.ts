/**
 * Reporting periods: quarters (`2025-q3`) and months (`2025-07`). A ledger or volunteer file is named
 * after its period; a disclosure after its quarter.
 */
import { addDays, type IsoDate } from './dates.ts';

export type Period = { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 } | { kind: 'month'; year: number; month: number };

/** Reads `2025-q3` / `2025-Q3` or `2025-07`; returns undefined for anything else. */
export function parsePeriod(text: string): Period | undefined {
  const q = /^(\d{4})-[qQ]([1-4])$/.exec(text);
  if (q) return { kind: 'quarter', year: Number(q[1]), quarter: Number(q[2]) as 1 | 2 | 3 | 4 };
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (m) return { kind: 'month', year: Number(m[1]), month: Number(m[2]) };
  return undefined;
}

/** Canonical key: `2025-q3` or `2025-07`. */
export function periodKey(p: Period): string {
  return p.kind === 'quarter' ? `${p.year}-q${p.quarter}` : `${p.year}-${String(p.month).padStart(2, '0')}`;
}

/** "2025年第三季度" or "2025年7月". */
export function periodLabel(p: Period): string {
  const names = ['一', '二', '三', '四'];
  return p.kind === 'quarter' ? `${p.year}年第${names[p.quarter - 1]}季度` : `${p.year}年${p.month}月`;
}

/** English label: "Q3 2025" or "2025-07". */
export function periodLabelEn(p: Period): string {
  return p.kind === 'quarter' ? `Q${p.quarter} ${p.year}` : periodKey(p);
}

function monthStart(year: number, month: number): IsoDate {
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

/** First day of the period. */
export function periodStart(p: Period): IsoDate {
  return p.kind === 'quarter' ? monthStart(p.year, (p.quarter - 1) * 3 + 1) : monthStart(p.year, p.month);
}

/** First day after the period. */
export function periodEndExclusive(p: Period): IsoDate {
  const startMonth = p.kind === 'quarter' ? (p.quarter - 1) * 3 + 1 : p.month;
  const span = p.kind === 'quarter' ? 3 : 1;
  const next = startMonth + span;
  return next > 12 ? monthStart(p.year + 1, next - 12) : monthStart(p.year, next);
}

/** Last day of the period. */
export function periodEnd(p: Period): IsoDate {
  return addDays(periodEndExclusive(p), -1);
}

/** True when `date` lies inside the period. */
export function isInPeriod(date: IsoDate, p: Period): boolean {
  return date >= periodStart(p) && date < periodEndExclusive(p);
}

/** The quarter containing a date. */
export function quarterOf(date: IsoDate): Period & { kind: 'quarter' } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return { kind: 'quarter', year, quarter: (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4 };
}

/** The quarter before `p`. */
export function previousQuarter(p: Period & { kind: 'quarter' }): Period & { kind: 'quarter' } {
  return p.quarter === 1 ? { kind: 'quarter', year: p.year - 1, quarter: 4 } : { kind: 'quarter', year: p.year, quarter: (p.quarter - 1) as 1 | 2 | 3 };
}

/** Orders periods by start date (then quarters before the months they contain). */
export function comparePeriods(a: Period, b: Period): number {
  const s = periodStart(a).localeCompare(periodStart(b));
  if (s !== 0) return s;
  return a.kind === b.kind ? 0 : a.kind === 'quarter' ? -1 : 1;
}

/** True when the two periods share at least one day. */
export function periodsOverlap(a: Period, b: Period): boolean {
  return periodStart(a) < periodEndExclusive(b) && periodStart(b) < periodEndExclusive(a);
}
