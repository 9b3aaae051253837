/**
 * Rules of the kiosk screen (电子显示屏): when an unattended screen must warn that its content may be
 * stale, what a notice's remaining days are on the screen's own date, the screen's options (rotation,
 * idle, update checks, night hours) and its burn-in offsets. Pure: the caller passes the time in.
 * The build computes the deadline; the screen's browser evaluates it every day with the same code.
 */
import type { RuleProfile } from '../law/profiles.ts';
import { getPostingStatus } from './calendar.ts';
import { daysBetween, formatDateZh, getChinaDate, weekday, type IsoDate } from './dates.ts';
import { comparePeriods, periodKey, periodLabel, type Period } from './period.ts';
import { getLatestDueQuarter, getPublicationDeadline } from './schedule.ts';

type Quarter = Period & { kind: 'quarter' };

/** The quarter after `p`. */
export function nextQuarter(p: Quarter): Quarter {
  return p.quarter === 4 ? { kind: 'quarter', year: p.year + 1, quarter: 1 } : { kind: 'quarter', year: p.year, quarter: (p.quarter + 1) as 2 | 3 | 4 };
}

/** The month after `p` (a month period). */
export function nextMonth(p: Period & { kind: 'month' }): Period & { kind: 'month' } {
  return p.month === 12 ? { kind: 'month', year: p.year + 1, month: 1 } : { kind: 'month', year: p.year, month: p.month + 1 };
}

export interface BoardDeadline {
  /** What the screen is waiting for: the next 村务公开 or, under monthly finance rules, the next ledger. */
  what: 'disclosure' | 'finance';
  /** The period that is due next, e.g. 2025-q3. */
  period: Period;
  /** Its publication deadline: after this day a screen without it shows a staleness warning. */
  deadline: IsoDate;
}

/**
 * The first deadline the village's board can miss after the newest records it has: the quarter after
 * the newest 村务 disclosure (组织法 §30: at least quarterly), and, where finances are published
 * monthly (山东, or a village set to 每月), the month after the newest ledger. With no disclosure at
 * all, the latest quarter already due on `asOf`. The earliest of these wins.
 */
export function getBoardDeadline(
  latest: { disclosure?: Quarter | undefined; ledger?: Period | undefined },
  asOf: IsoDate,
  profile: RuleProfile,
  monthlyFinance: boolean,
): BoardDeadline {
  const due = latest.disclosure ? nextQuarter(latest.disclosure) : getLatestDueQuarter(asOf, profile);
  const candidates: BoardDeadline[] = [{ what: 'disclosure', period: due, deadline: getPublicationDeadline(due, profile) }];
  if (monthlyFinance && latest.ledger) {
    const l = latest.ledger;
    const next: Period =
      l.kind === 'month' ? nextMonth(l) : { kind: 'month', year: l.quarter === 4 ? l.year + 1 : l.year, month: l.quarter === 4 ? 1 : l.quarter * 3 + 1 };
    candidates.push({ what: 'finance', period: next, deadline: getPublicationDeadline(next, profile) });
  }
  return candidates.sort((a, b) => a.deadline.localeCompare(b.deadline) || comparePeriods(a.period, b.period))[0]!;
}

/** The period the board waits for and the `count` - 1 after it, each with its deadline: what a screen can find missing later. */
export function listComingDeadlines(due: BoardDeadline, profile: RuleProfile, count = 12): { label: string; deadline: IsoDate }[] {
  const out: { label: string; deadline: IsoDate }[] = [];
  let p: Period = due.period;
  for (let i = 0; i < count; i++) {
    out.push({ label: periodLabel(p), deadline: getPublicationDeadline(p, profile) });
    p = p.kind === 'month' ? nextMonth(p) : nextQuarter(p);
  }
  return out;
}

/**
 * The staleness banner's sentence on the screen's date: how long since the content was last updated,
 * every period now past its deadline (counted, not just the first), and who is behind — the village,
 * when the deadline had already passed on the build's as-of date (the site had nothing newer), or
 * possibly the screen, when it passed only afterwards (the screen may not have synced).
 */
export function describeStaleness(coming: readonly { label: string; deadline: IsoDate }[], screenDate: IsoDate, asOf: IsoDate, what: string): string {
  const missed = coming.filter((c) => screenDate > c.deadline);
  const first = missed[0];
  if (!first) return '';
  const days = daysBetween(asOf, screenDate);
  // On the build's own day the header's 数据截至 already says when; afterwards the banner counts the days.
  const since = days > 0 ? `本屏内容最后更新于${formatDateZh(asOf)}，已经 ${days} 天。` : '';
  const count = missed.length > 1 ? `到今天共缺 ${missed.length} 期（${first.label}至${missed.at(-1)!.label}）` : '';
  if (asOf > first.deadline) {
    return `${since}${first.label}${what}应于${formatDateZh(first.deadline)}前公开，截至那天村里还没有公开${count ? `；${count}` : ''}。`;
  }
  return `${since}${first.label}${what}应于${formatDateZh(first.deadline)}前公开，本屏没有收到${count ? `，${count}` : ''}：可能是本屏没有联网同步，也可能是村里还没有公开。`;
}

/** "12月6日 周六" for the screen's clock. */
export function formatClockDateZh(date: IsoDate): string {
  return `${formatDateZh(date).replace(/^\d+年/, '')} 周${'日一二三四五六'[weekday(date)]}`;
}

/** The newest period of a list (undefined when empty). */
export function getNewestPeriod<P extends Period>(periods: readonly P[]): P | undefined {
  return [...periods].sort((a, b) => comparePeriods(b, a) || periodKey(b).localeCompare(periodKey(a)))[0];
}

// ── the screen's clock ───────────────────────────────────────────────────

const CST_OFFSET_MS = 8 * 3_600_000;

export { getChinaDate };

/** Minutes since midnight, China time. */
export function getChinaMinutes(epochMs: number): number {
  const d = new Date(epochMs + CST_OFFSET_MS);
  return d.getUTCHours() * 60 + d.getUTCMinutes();
}

/** "21:05" in China time. */
export function formatChinaTime(epochMs: number): string {
  const m = getChinaMinutes(epochMs);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

/**
 * The date a screen judges by: its own China date, but never before the build's as-of date (a box
 * whose clock was reset by a power cut must not pretend to live in the past).
 */
export function getScreenDate(epochMs: number, asOf: IsoDate): IsoDate {
  const today = getChinaDate(epochMs);
  return today < asOf ? asOf : today;
}

/** True when the screen's date is past the deadline: its newest records may no longer be current. */
export function isBoardStale(screenDate: IsoDate, deadline: IsoDate): boolean {
  return screenDate > deadline;
}

/** Where a notice stands on the screen's date, in the words of the public site. */
export function describeNoticeStatus(start: IsoDate, end: IsoDate, longTerm: boolean, today: IsoDate): { state: 'upcoming' | 'running' | 'ended'; zh: string } {
  if (longTerm) return { state: 'running', zh: '长期公示' };
  const s = getPostingStatus(start, end, today);
  if (s.state === 'upcoming') return { state: s.state, zh: `${s.startsInDays}天后开始` };
  if (s.state === 'running') return { state: s.state, zh: `公示中，剩余${s.daysLeft}天` };
  return { state: s.state, zh: '公示期已结束' };
}

// ── options from the address (?every=15&idle=60&check=300&night=22-6) ──

export interface KioskOptions {
  /** Seconds each item stays on screen. */
  everySeconds: number;
  /** Seconds without touch or key before cycling resumes. */
  idleSeconds: number;
  /** Seconds between checks for a newly published build. */
  checkSeconds: number;
  /** Night hours (China time) when the screen dims to a clock; from 22 to 6 wraps midnight. */
  night?: { fromMinutes: number; toMinutes: number };
}

export const KIOSK_DEFAULTS: KioskOptions = { everySeconds: 15, idleSeconds: 60, checkSeconds: 300 };

function boundedSeconds(text: string | null, min: number, max: number, fallback: number): number {
  if (text === null || !/^\d+(\.\d+)?$/.test(text)) return fallback;
  return Math.min(max, Math.max(min, Number(text)));
}

/** "22-6", "22:30-6", "22:30-06:15" → minutes; anything else → undefined. */
export function parseNightHours(text: string | null): KioskOptions['night'] {
  const m = text === null ? null : /^(\d{1,2})(?::(\d{2}))?-(\d{1,2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const [fh, fm, th, tm] = [Number(m[1]), Number(m[2] ?? 0), Number(m[3]), Number(m[4] ?? 0)];
  if (fh > 24 || th > 24 || fm > 59 || tm > 59) return undefined;
  const fromMinutes = (fh * 60 + fm) % 1440;
  const toMinutes = (th * 60 + tm) % 1440;
  return fromMinutes === toMinutes ? undefined : { fromMinutes, toMinutes };
}

/** Reads the screen's options from its address's query string; bad values fall back to defaults. */
export function parseKioskOptions(search: string): KioskOptions {
  const q = new URLSearchParams(search);
  const night = parseNightHours(q.get('night'));
  const options: KioskOptions = {
    everySeconds: boundedSeconds(q.get('every'), 1, 600, KIOSK_DEFAULTS.everySeconds),
    idleSeconds: boundedSeconds(q.get('idle'), 1, 3600, KIOSK_DEFAULTS.idleSeconds),
    checkSeconds: boundedSeconds(q.get('check'), 1, 86_400, KIOSK_DEFAULTS.checkSeconds),
  };
  return night ? { ...options, night } : options;
}

/** True during the night hours (start inclusive, end exclusive). */
export function isNightTime(minutesOfDay: number, night: KioskOptions['night']): boolean {
  if (!night) return false;
  const { fromMinutes: f, toMinutes: t } = night;
  return f < t ? minutesOfDay >= f && minutesOfDay < t : minutesOfDay >= f || minutesOfDay < t;
}

// ── burn-in care ─────────────────────────────────────────────────────────

/** Eight offsets on a small ring (in CSS px at 1080p), visited one per step. */
const RING: readonly (readonly [number, number])[] = [
  [0, 0],
  [6, 2],
  [8, 8],
  [2, 10],
  [-6, 8],
  [-8, 2],
  [-4, -6],
  [4, -4],
];

/** The pixel shift for a step counter: never the same box two steps running, back to 0 after 8. */
export function getPixelShift(step: number): { x: number; y: number } {
  const [x, y] = RING[((step % RING.length) + RING.length) % RING.length]!;
  return { x, y };
}

/**
 * A screen's version file (kiosk/<village>/version.json), written every build: it proves the screen is online, and
 * tells it the build's as-of date (the date its content is current on) and its service worker's build id. Written by
 * the kiosk step (src/integrations/kiosk-offline.ts) and, on a new day without a state change, by scripts/build.ts.
 */
export function formatKioskVersion(village: string, asOf: string, build: string): string {
  return `${JSON.stringify({ village, asOf, build })}\n`;
}
