/**
 * The county's compliance view: for each village and quarter, whether the disclosure was published
 * on time (per the province profile) and which of the legal checks have problems — catalogue items
 * missing, posting or notice periods too short, large expenses without a resolution, 四议两公开
 * chains incomplete, ledgers not continuous or not balancing, reviews missing. Built from the
 * records that passed their own checks plus every problem the checker found, so a village whose
 * content has errors shows up with those errors instead of disappearing. Pure: no files, no clock.
 */
import type { RuleProfile } from '../law/profiles.ts';
import { getMissingItems, type CatalogueEntry } from './catalogue.ts';
import { getChain, type ChainMeeting } from './chain.ts';
import { daysBetween } from './dates.ts';
import type { Finding } from './finding.ts';
import { comparePeriods, parsePeriod, periodEnd, periodKey, periodLabel, periodStart, previousQuarter, quarterOf, type Period } from './period.ts';
import { getLatestDueQuarter, getPublicationDeadline } from './schedule.ts';
import { FOUR_STEPS, getBodyRule } from '../law/bodies.ts';

export type Quarter = Period & { kind: 'quarter' };

/** The checks of the compliance view, in column order, with their names. */
export const COMPLIANCE_CHECKS = [
  { key: 'timeliness', zh: '按期公开', en: 'published on time' },
  { key: 'catalogue', zh: '目录齐全', en: 'catalogue items present' },
  { key: 'posting', zh: '公示期限', en: 'posting periods' },
  { key: 'large-expense', zh: '大额支出决议', en: 'large expenses resolved' },
  { key: 'chain', zh: '四议两公开', en: '四议两公开 chains' },
  { key: 'ledger', zh: '账目连续平衡', en: 'ledgers continuous and balanced' },
  { key: 'review', zh: '审核签字', en: 'reviews and sign-off' },
  { key: 'other', zh: '其他错误', en: 'other errors' },
] as const;
export type CheckKey = (typeof COMPLIANCE_CHECKS)[number]['key'];

/** Which check a checker message belongs to (law is data: one table, not if-chains). */
const CHECK_OF_CODE: Readonly<Record<string, CheckKey>> = {
  'disclosure.deadline': 'timeliness',
  'catalogue.missing': 'catalogue',
  'disclosure.catalogue': 'catalogue',
  'disclosure.catalogue-track': 'catalogue',
  'notice.too-short': 'posting',
  'disclosure.posting-short': 'posting',
  'ledger.large-approver': 'large-expense',
  'ledger.large-resolution': 'large-expense',
  'ledger.split-expense': 'large-expense',
  'ledger.self-approved': 'large-expense',
  'ledger.resolution-failed': 'large-expense',
  'ledger.resolution-body': 'large-expense',
  'ledger.resolution-own-vote': 'large-expense',
  'ledger.resolution-ambiguous': 'large-expense',
  'ledger.resolution-index': 'large-expense',
  'ledger.before-decision': 'large-expense',
  'ledger.chain-broken': 'chain',
  'meeting.authorises-failed': 'large-expense',
  'chain.previous-unlawful': 'chain',
  'chain.posting-late': 'chain',
  'chain.posting-missing': 'chain',
  'chain.result-before': 'chain',
  'disclosure.approval-unlawful': 'review',
  'record.published-future': 'timeliness',
  'record.held-future': 'timeliness',
  'chain.order': 'chain',
  'chain.dates': 'chain',
  'chain.not-a-step': 'chain',
  'chain.incomplete': 'chain',
  'ledger.continuity': 'ledger',
  'ledger.gap': 'ledger',
  'ledger.overlap': 'ledger',
  'ledger.closing': 'ledger',
  'ledger.total': 'ledger',
  'ledger.date-outside': 'ledger',
  'ledger.negative-closing': 'ledger',
  'ledger.voucher-duplicate': 'ledger',
  'ledger.category': 'ledger',
  'disclosure.approval-body': 'review',
  'disclosure.approval-order': 'review',
};

/** A problem as the county view reads it (made typed by the checker, see src/check/model.ts). */
export interface ProblemLike {
  file: string;
  path: string;
  severity: 'error' | 'warning';
  code: string;
  params?: Readonly<Record<string, unknown>>;
}

/** The check a problem belongs to. */
export function checkOf(p: ProblemLike): CheckKey {
  if (p.code === 'disclosure.overdue') return p.params?.['kind'] === 'ledger' ? 'ledger' : 'timeliness';
  if (p.code.startsWith('signoff.')) return 'review';
  if (p.code === 'ref.missing' && /^expense\[\d+\]\.resolution$/.test(p.path)) return 'large-expense';
  if (p.code === 'ref.missing' && p.path === 'previous') return 'chain';
  return CHECK_OF_CODE[p.code] ?? 'other';
}

/** The village a problem's file belongs to, if any. */
export function villageOf(file: string): string | undefined {
  return /^content\/villages\/([^/]+)\//.exec(file)?.[1];
}

/** The quarter a problem is about: from the record's file name, or the `period` the finding names. */
export function quarterOfProblem(p: ProblemLike): string | undefined {
  const name = p.file.split('/').pop() ?? '';
  const fromName = /^(\d{4}-q[1-4])/.exec(name)?.[1] ?? /^(\d{4}-\d{2})(?:-\d{2})?[-.]/.exec(name)?.[1];
  if (fromName) {
    const period = parsePeriod(fromName);
    if (period) return periodKey(period.kind === 'quarter' ? period : quarterOf(periodStart(period)));
  }
  const named = p.params?.['periodKey'];
  return typeof named === 'string' ? named : undefined;
}

// ── the rules that only the county view needs (emitted by the checker as warnings) ──

export interface ComplianceVillage {
  disclosures: readonly {
    id: string;
    file: string;
    period: Quarter;
    track: '党务' | '村务' | '财务';
    publishedAt: string;
    supersedes?: string | undefined;
    codes: readonly string[];
  }[];
  ledgers: readonly { id: string; file: string; period: Period }[];
  meetings: readonly { id: string; file: string; body: string; date: string; previous?: string | undefined }[];
  /** Meeting ids cited by an expense above the county threshold. */
  largeExpenseResolutions: ReadonlySet<string>;
  /** Files that exist but have errors (folder/name): a quarter with one is not "missing", it is wrong. */
  failed?: readonly string[];
}

/** Quarters a village is accountable for on `today`: from its first record to the latest quarter due. */
export function getQuartersInScope(v: ComplianceVillage, today: string, profile: RuleProfile): Quarter[] {
  const latest = getLatestDueQuarter(today, profile);
  const starts = [...v.disclosures.map((d) => d.period), ...v.ledgers.map((l) => quarterOf(periodStart(l.period)))].sort(comparePeriods);
  const out: Quarter[] = [];
  for (let q: Quarter = latest; ; q = previousQuarter(q)) {
    out.unshift(q);
    if (!starts[0] || comparePeriods(q, starts[0]) <= 0) break;
  }
  for (const d of v.disclosures) if (!out.some((q) => periodKey(q) === periodKey(d.period))) out.push(d.period);
  return out.sort(comparePeriods);
}

function coveredByLedger(v: ComplianceVillage, q: Quarter): boolean {
  const months = [0, 1, 2].map((i) => `${q.year}-${String((q.quarter - 1) * 3 + 1 + i).padStart(2, '0')}`);
  return v.ledgers.some((l) => periodKey(l.period) === periodKey(q)) || months.every((m) => v.ledgers.some((l) => periodKey(l.period) === m));
}

/**
 * Warnings for the county view: quarters whose 村务 disclosure or ledger is overdue, catalogue items
 * missing from a quarter's disclosures, and 四议两公开 chains that a resolution relies on but that
 * lack steps. Each names the file it belongs to (the village.yaml when the record is missing).
 */
export function findComplianceGaps(
  v: ComplianceVillage,
  villageFile: string,
  catalogue: readonly CatalogueEntry[],
  today: string,
  profile: RuleProfile,
): { file: string; finding: Finding }[] {
  const out: { file: string; finding: Finding }[] = [];
  const inScope = getQuartersInScope(v, today, profile);
  const lastLedger = [...v.ledgers].sort((a, b) => comparePeriods(b.period, a.period))[0];
  const superseded = new Set(v.disclosures.map((d) => d.supersedes).filter(Boolean));
  for (const q of inScope) {
    const key = periodKey(q);
    const deadline = getPublicationDeadline(q, profile);
    const due = deadline < today;
    const base = { period: periodLabel(q), periodKey: key, deadline };
    const broken = (folder: string) => (v.failed ?? []).some((f) => f.startsWith(`${folder}/${key}`));
    if (due && !v.disclosures.some((d) => d.track === '村务' && periodKey(d.period) === key) && !broken('disclosures')) {
      out.push({
        file: villageFile,
        finding: {
          code: 'disclosure.overdue',
          path: ['disclosures'],
          severity: 'warning',
          params: { ...base, kind: 'disclosure', days: daysBetween(deadline, today) },
        },
      });
    }
    const brokenMonths = [0, 1, 2].some((i) =>
      (v.failed ?? []).some((f) => f.startsWith(`finances/${q.year}-${String((q.quarter - 1) * 3 + 1 + i).padStart(2, '0')}`)),
    );
    if (due && !coveredByLedger(v, q) && (!lastLedger || periodEnd(lastLedger.period) < periodStart(q)) && !broken('finances') && !brokenMonths) {
      out.push({
        file: villageFile,
        finding: {
          code: 'disclosure.overdue',
          path: ['finances'],
          severity: 'warning',
          params: { ...base, kind: 'ledger', days: daysBetween(deadline, today) },
        },
      });
    }
    const current = v.disclosures.filter((d) => periodKey(d.period) === key && !superseded.has(d.id));
    const cited = new Set(current.flatMap((d) => d.codes));
    const missing = getMissingItems(catalogue, q, cited, true);
    for (const track of ['村务', '党务', '财务'] as const) {
      const items = missing.filter((c) => c.track === track);
      if (items.length === 0) continue;
      const home = current.find((d) => d.track === track && !d.supersedes) ?? current.find((d) => d.track === track);
      if (!home && track === '村务' && due) continue; // already reported as overdue
      if (!home && !due) continue; // nothing published yet for a quarter not yet due
      out.push({
        file: home?.file ?? villageFile,
        finding: {
          code: 'catalogue.missing',
          path: [home ? 'items' : 'disclosures'],
          severity: 'warning',
          params: { ...base, track, items: items.map((c) => `${c.code} ${c.title}`).join('；'), count: items.length },
        },
      });
    }
  }

  // 四议两公开: a resolution that authorises a large expense, or that claims a previous step, must rest on all four steps.
  const byId = new Map<string, ChainMeeting>(v.meetings.map((m) => [m.id, m]));
  for (const m of v.meetings) {
    if (getBodyRule(m.body)?.fourStep !== 'resolve') continue;
    if (!m.previous && !v.largeExpenseResolutions.has(m.id)) continue;
    const chain = getChain(m.id, byId);
    const steps = chain?.steps ?? FOUR_STEPS.map((step) => (step.step === 'resolve' ? { step, meetingId: m.id } : { step }));
    const missingSteps = steps.filter((s) => !s.meetingId).map((s) => s.step);
    if (missingSteps.length === 0) continue;
    out.push({
      file: m.file,
      finding: {
        code: 'chain.incomplete',
        path: ['previous'],
        severity: 'warning',
        params: { missing: missingSteps.map((s) => s.zh), periodKey: periodKey(quarterOf(m.date)) },
      },
    });
  }
  return out;
}

/** The first quarter after the latest one due whose 村务 disclosure is not out yet: what a clerk works on next. */
export function getNextDueQuarter(v: ComplianceVillage, today: string, profile: RuleProfile): Quarter {
  let q = getLatestDueQuarter(today, profile);
  for (;;) {
    q = q.quarter === 4 ? { kind: 'quarter', year: q.year + 1, quarter: 1 } : { kind: 'quarter', year: q.year, quarter: (q.quarter + 1) as 2 | 3 | 4 };
    const key = periodKey(q);
    if (!v.disclosures.some((d) => d.track === '村务' && periodKey(d.period) === key)) return q;
  }
}

/** The key of the latest quarter whose deadline has passed on `today`, e.g. 2025-q3. */
export function latestDueQuarterKey(today: string, profile: RuleProfile): string {
  return periodKey(getLatestDueQuarter(today, profile));
}

// ── the matrix ──

export type Timeliness =
  | { state: 'on-time'; publishedAt: string; deadline: string }
  | { state: 'late'; publishedAt: string; deadline: string; daysLate: number }
  | { state: 'overdue'; deadline: string; daysLate: number }
  | { state: 'not-due'; deadline: string };

export interface ComplianceCell {
  check: CheckKey;
  errors: number;
  warnings: number;
  problems: ProblemLike[];
}

export interface ComplianceRow {
  village: string;
  quarter: Quarter;
  timeliness: Timeliness;
  cells: ComplianceCell[];
}

/** Whether a quarter's 村务 disclosure went up by its deadline (the first original, not a correction). */
export function getTimeliness(v: ComplianceVillage, q: Quarter, today: string, profile: RuleProfile): Timeliness {
  const deadline = getPublicationDeadline(q, profile);
  const first = v.disclosures
    .filter((d) => d.track === '村务' && !d.supersedes && periodKey(d.period) === periodKey(q) && d.publishedAt <= today)
    .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt))[0];
  if (first)
    return first.publishedAt <= deadline
      ? { state: 'on-time', publishedAt: first.publishedAt, deadline }
      : { state: 'late', publishedAt: first.publishedAt, deadline, daysLate: daysBetween(deadline, first.publishedAt) };
  return deadline < today ? { state: 'overdue', deadline, daysLate: daysBetween(deadline, today) } : { state: 'not-due', deadline };
}

/** One row per village and quarter in scope (and per quarter any problem names), every check with its problems. */
export function buildComplianceRows(
  villages: readonly { id: string; records: ComplianceVillage }[],
  problems: readonly ProblemLike[],
  today: string,
  profile: RuleProfile,
): ComplianceRow[] {
  const rows: ComplianceRow[] = [];
  // Each problem read once: filtering the county's problems for each village made this quadratic in the county (7.7 s of
  // the county-summary step at 1,000 villages; docs/benchmarks.md, session 16).
  const byVillage = new Map<string, ProblemLike[]>();
  for (const p of problems) {
    const id = villageOf(p.file);
    if (id !== undefined) (byVillage.get(id) ?? byVillage.set(id, []).get(id)!).push(p);
  }
  for (const { id, records } of villages) {
    const mine = byVillage.get(id) ?? [];
    const keys = new Set(getQuartersInScope(records, today, profile).map(periodKey));
    for (const p of mine) {
      const k = quarterOfProblem(p);
      if (k) keys.add(k);
    }
    const undated = mine.filter((p) => !quarterOfProblem(p));
    const sorted = [...keys].map((k) => parsePeriod(k) as Quarter).sort(comparePeriods);
    sorted.forEach((q, i) => {
      const key = periodKey(q);
      // Problems not tied to a quarter (village.yaml, file names) are shown with the latest quarter.
      const here = mine.filter((p) => quarterOfProblem(p) === key || (i === sorted.length - 1 && undated.includes(p)));
      rows.push({
        village: id,
        quarter: q,
        timeliness: getTimeliness(records, q, today, profile),
        cells: COMPLIANCE_CHECKS.map(({ key: check }) => {
          const list = here.filter((p) => checkOf(p) === check);
          return {
            check,
            errors: list.filter((p) => p.severity === 'error').length,
            warnings: list.filter((p) => p.severity === 'warning').length,
            problems: list,
          };
        }),
      });
    });
  }
  return rows;
}
