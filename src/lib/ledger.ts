/**
 * Ledger reconciliation: opening + income − expense = closing, declared totals equal the sums,
 * every entry dated inside the period with a category of the accounting system in force that day,
 * vouchers unique, large expenses approved and authorised, and continuity between periods.
 */
import {
  getAccountingSystem,
  REVIEWER_EXCLUDED_DUTIES,
  SEPARATED_EXPENSE_DUTIES,
  SPLIT_EXPENSE_EXEMPT_CATEGORIES,
  SPLIT_EXPENSE_MIN_PART,
  SPLIT_EXPENSE_WINDOW_DAYS,
} from '../law/accounting.ts';
import { daysBetween } from './dates.ts';
import { getPersonKey, isSamePerson, readAsSeen, removeInvisible } from './person-name.ts';
import type { Finding } from './finding.ts';
import { formatYuan, sumFen } from './money.ts';
import { isInPeriod, periodEnd, periodEndExclusive, periodKey, periodStart, type Period } from './period.ts';

export interface LedgerEntryLike {
  date: string;
  voucher: string;
  category: string;
  amount: number;
}
export interface ExpenseLike extends LedgerEntryLike {
  /** What it was for (摘要). */
  summary?: string | undefined;
  /** Who handled the money (经手人). */
  handler?: string | undefined;
  /** Who approved it (审批人); never the handler. */
  approver?: string | undefined;
  /** The authorising meeting, in whatever form the caller has it; only its presence is checked here. */
  resolution?: unknown;
}
export interface LedgerLike {
  openingBalance: number;
  income: readonly LedgerEntryLike[];
  expense: readonly ExpenseLike[];
  totals: { income: number; expense: number };
  closingBalance: number;
}

export interface LedgerSummary {
  income: number;
  expense: number;
  closing: number;
  byCategory: { side: 'income' | 'expense'; category: string; amount: number }[];
}

/** Computed totals of a ledger (never the declared ones). */
export function summariseLedger(ledger: LedgerLike): LedgerSummary {
  const income = sumFen(ledger.income.map((e) => e.amount));
  const expense = sumFen(ledger.expense.map((e) => e.amount));
  const byCategory = new Map<string, { side: 'income' | 'expense'; category: string; amount: number }>();
  for (const [side, list] of [
    ['income', ledger.income],
    ['expense', ledger.expense],
  ] as const) {
    for (const e of list) {
      const key = `${side}:${e.category}`;
      const row = byCategory.get(key) ?? { side, category: e.category, amount: 0 };
      row.amount += e.amount;
      byCategory.set(key, row);
    }
  }
  return { income, expense, closing: ledger.openingBalance + income - expense, byCategory: [...byCategory.values()] };
}

/** All reconciliation problems of one ledger on its own. */
export function checkLedger(ledger: LedgerLike, period: Period, largeExpenseThresholdFen: number): Finding[] {
  const out: Finding[] = [];
  const s = summariseLedger(ledger);
  if (s.income !== ledger.totals.income) {
    out.push({
      code: 'ledger.total',
      path: ['totals', 'income'],
      params: { side: 'income', declared: formatYuan(ledger.totals.income), computed: formatYuan(s.income) },
    });
  }
  if (s.expense !== ledger.totals.expense) {
    out.push({
      code: 'ledger.total',
      path: ['totals', 'expense'],
      params: { side: 'expense', declared: formatYuan(ledger.totals.expense), computed: formatYuan(s.expense) },
    });
  }
  const closing = ledger.openingBalance + ledger.totals.income - ledger.totals.expense;
  if (closing !== ledger.closingBalance) {
    out.push({
      code: 'ledger.closing',
      path: ['closingBalance'],
      params: {
        declared: formatYuan(ledger.closingBalance),
        computed: formatYuan(closing),
        opening: formatYuan(ledger.openingBalance),
        income: formatYuan(ledger.totals.income),
        expense: formatYuan(ledger.totals.expense),
      },
    });
  }
  const seen = new Map<string, string>();
  for (const [side, list] of [
    ['income', ledger.income],
    ['expense', ledger.expense],
  ] as const) {
    list.forEach((e, i) => {
      if (!isInPeriod(e.date, period)) {
        out.push({
          code: 'ledger.date-outside',
          path: [side, i, 'date'],
          params: { date: e.date, period: periodKey(period), from: periodStart(period), to: periodEnd(period) },
        });
      }
      const system = getAccountingSystem(e.date);
      const allowed = system ? (side === 'income' ? system.income : system.expense) : [];
      if (!allowed.includes(e.category)) {
        out.push({
          code: 'ledger.category',
          path: [side, i, 'category'],
          params: { category: e.category, date: e.date, system: system?.name ?? '—', allowed: allowed.join('、') },
        });
      }
      const key = getVoucherKey(e.voucher);
      const prior = seen.get(key);
      if (prior) out.push({ code: 'ledger.voucher-duplicate', path: [side, i, 'voucher'], params: { voucher: e.voucher, first: prior } });
      else seen.set(key, `${side}[${i}]`);
    });
  }
  ledger.expense.forEach((e, i) => {
    for (const [role, other] of SEPARATED_EXPENSE_DUTIES) {
      const name = e[role];
      const otherName = e[other];
      if (name !== undefined && otherName !== undefined && isSamePerson(name, otherName))
        out.push({ code: 'ledger.self-approved', path: ['expense', i, role], params: { name, voucher: e.voucher } });
    }
    if (e.amount > largeExpenseThresholdFen) {
      if (!e.approver)
        out.push({
          code: 'ledger.large-approver',
          path: ['expense', i, 'approver'],
          params: { amount: formatYuan(e.amount), threshold: formatYuan(largeExpenseThresholdFen) },
        });
      if (!e.resolution)
        out.push({
          code: 'ledger.large-resolution',
          path: ['expense', i, 'resolution'],
          params: { amount: formatYuan(e.amount), threshold: formatYuan(largeExpenseThresholdFen) },
        });
    }
  });
  out.push(...findSplitExpenses(ledger.expense, largeExpenseThresholdFen));
  if (ledger.closingBalance < 0)
    out.push({ code: 'ledger.negative-closing', path: ['closingBalance'], params: { closing: formatYuan(ledger.closingBalance) } });
  return out;
}

/**
 * Continuity of a village's ledgers, ordered by period: periods do not overlap, each opens with
 * the previous closing; a gap between periods is a warning.
 */
export function checkLedgerContinuity(
  ledgers: readonly { period: Period; openingBalance: number; closingBalance: number }[],
): { index: number; finding: Finding }[] {
  const out: { index: number; finding: Finding }[] = [];
  for (let i = 1; i < ledgers.length; i += 1) {
    const prev = ledgers[i - 1]!;
    const cur = ledgers[i]!;
    if (periodStart(cur.period) < periodEndExclusive(prev.period)) {
      out.push({ index: i, finding: { code: 'ledger.overlap', path: [], params: { period: periodKey(cur.period), previous: periodKey(prev.period) } } });
      continue;
    }
    if (periodStart(cur.period) > periodEndExclusive(prev.period)) {
      out.push({
        index: i,
        finding: { code: 'ledger.gap', path: [], severity: 'warning', params: { period: periodKey(cur.period), previous: periodKey(prev.period) } },
      });
      continue;
    }
    if (cur.openingBalance !== prev.closingBalance) {
      out.push({
        index: i,
        finding: {
          code: 'ledger.continuity',
          path: ['openingBalance'],
          params: { opening: formatYuan(cur.openingBalance), previous: periodKey(prev.period), closing: formatYuan(prev.closingBalance) },
        },
      });
    }
  }
  return out;
}

/** The id of a ledger entry's row on its page: side in pinyin and the entry's 1-based number (`shouru-1`, `zhichu-3`). */
export function getEntryAnchor(side: 'income' | 'expense', index: number): string {
  return `${side === 'income' ? 'shouru' : 'zhichu'}-${index + 1}`;
}

/** Whether a page anchor is a ledger entry's row (the search page opens such results at the row). */
export function isEntryAnchor(id: string): boolean {
  return /^(shouru|zhichu)-\d+$/.test(id);
}

/** Numbers in any writing, and the words that count parts (第3笔, 二期, 首批, 尾款 stays): what differs between the parts of one split payment. */
const PART_MARKS = /[0-9〇零一二三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟两首]+|[第笔批期次号月日年季度]|[\s\p{P}\p{S}]+/gu;

/** A summary without its numbers, part words and punctuation: 村道硬化工程进度款（第2笔） → 村道硬化工程进度款. */
export function getPurposeStem(summary: string): string {
  return summary.normalize('NFKC').replace(PART_MARKS, '');
}

/**
 * Expenses for one purpose, handled by one person, split into payments each at or under the large-expense threshold (and at least
 * SPLIT_EXPENSE_MIN_PART of it) that together exceed it, within SPLIT_EXPENSE_WINDOW_DAYS of the first, none citing a
 * resolution (化整为零): a warning on the first, naming the vouchers and their sum.
 */
export function findSplitExpenses(expenses: readonly ExpenseLike[], thresholdFen: number): Finding[] {
  return findSplitParts(expenses, thresholdFen).map((part) => ({
    code: 'ledger.split-expense',
    path: ['expense', Math.min(...part), 'amount'],
    severity: 'warning',
    params: {
      count: part.length,
      vouchers: part.map((i) => expenses[i]!.voucher).join('、'),
      total: formatYuan(sumFen(part.map((i) => expenses[i]!.amount))),
      threshold: formatYuan(thresholdFen),
      days: SPLIT_EXPENSE_WINDOW_DAYS,
    },
  }));
}

/**
 * The same split (化整为零) with its parts in consecutive ledgers: one part on 28 June in 2025-q2, the next on 2 July in
 * 2025-q3 (or across months where finances are monthly), so that no one ledger holds more than the threshold. A warning on
 * the first part's ledger, naming every part as <ledger>/<voucher>; parts of one ledger that exceed the threshold alone
 * are that ledger's own finding (findSplitExpenses), not repeated here.
 */
export function findSplitExpensesAcrossLedgers(
  ledgers: readonly { id: string; expense: readonly ExpenseLike[] }[],
  thresholdFen: number,
): { ledger: number; finding: Finding }[] {
  const flat = ledgers.flatMap((l, ledger) => l.expense.map((e, index) => ({ e, ledger, index })));
  const out: { ledger: number; finding: Finding }[] = [];
  for (const part of findSplitParts(
    flat.map((x) => x.e),
    thresholdFen,
  )) {
    const byLedger = new Map<number, number[]>();
    for (const k of part) (byLedger.get(flat[k]!.ledger) ?? byLedger.set(flat[k]!.ledger, []).get(flat[k]!.ledger)!).push(k);
    if (byLedger.size < 2) continue;
    if ([...byLedger.values()].some((own) => own.length > 1 && sumFen(own.map((k) => flat[k]!.e.amount)) > thresholdFen)) continue;
    const first = flat[part[0]!]!;
    out.push({
      ledger: first.ledger,
      finding: {
        code: 'ledger.split-expense-periods',
        path: ['expense', first.index, 'amount'],
        severity: 'warning',
        params: {
          count: part.length,
          vouchers: part.map((k) => `${ledgers[flat[k]!.ledger]!.id}/${flat[k]!.e.voucher}`).join('、'),
          total: formatYuan(sumFen(part.map((k) => flat[k]!.e.amount))),
          threshold: formatYuan(thresholdFen),
          days: SPLIT_EXPENSE_WINDOW_DAYS,
        },
      },
    });
  }
  return out;
}

/** The parts of each split: indexes into `expenses`, ordered by date, two or more, together over the threshold. */
function findSplitParts(expenses: readonly ExpenseLike[], thresholdFen: number): number[][] {
  const groups = new Map<string, number[]>();
  expenses.forEach((e, i) => {
    if (e.resolution || e.amount > thresholdFen || !e.summary || SPLIT_EXPENSE_EXEMPT_CATEGORIES.includes(e.category)) return;
    if (e.amount * SPLIT_EXPENSE_MIN_PART.denominator < thresholdFen * SPLIT_EXPENSE_MIN_PART.numerator) return;
    const stem = getPurposeStem(e.summary);
    if (stem.length < 2) return;
    const key = `${e.category}|${stem}|${e.handler === undefined ? '' : getPersonKey(e.handler)}`;
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  const out: number[][] = [];
  for (const indexes of groups.values()) {
    if (indexes.length < 2) continue;
    const byDate = [...indexes].sort((a, b) => (expenses[a]!.date < expenses[b]!.date ? -1 : expenses[a]!.date > expenses[b]!.date ? 1 : a - b));
    let start = 0;
    while (start < byDate.length) {
      let end = start + 1;
      while (end < byDate.length && daysBetween(expenses[byDate[start]!]!.date, expenses[byDate[end]!]!.date) <= SPLIT_EXPENSE_WINDOW_DAYS) end += 1;
      const part = byDate.slice(start, end);
      if (part.length > 1 && sumFen(part.map((i) => expenses[i]!.amount)) > thresholdFen) out.push(part);
      start = end;
    }
  }
  return out;
}

/** Dashes, hyphens and minus signs of every width, as one hyphen. */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D\u30FC-]/gu;

/**
 * A voucher number as the ledger tells vouchers apart: 记－07－001 (full-width), 记-07-\u200b001 (a zero-width space)
 * and 记-07-001 are one voucher, so a number written twice is a duplicate however it is typed.
 */
export function getVoucherKey(voucher: string): string {
  // Most numbers are ASCII letters, digits and hyphens with Chinese characters (记-07-001): nothing to change.
  if (/^[!-~\u4E00-\u9FFF]+$/u.test(voucher)) return voucher;
  return removeInvisible(voucher).normalize('NFKC').replace(DASHES, '-').replace(/\s+/gu, '');
}

/**
 * Expenses of a ledger its own reviewer handled or approved (REVIEWER_EXCLUDED_DUTIES): the supervision committee member
 * who signs the ledger as checked would be checking their own payments. One finding per expense and duty, on that field.
 */
export function findReviewerConflicts(ledger: { expense: readonly ExpenseLike[]; signoff: { reviewer?: string | undefined } }): Finding[] {
  const reviewer = ledger.signoff.reviewer;
  if (reviewer === undefined) return [];
  const out: Finding[] = [];
  ledger.expense.forEach((e, i) => {
    for (const role of REVIEWER_EXCLUDED_DUTIES) {
      const name = e[role];
      if (name !== undefined && isSamePerson(name, reviewer))
        out.push({ code: 'ledger.reviewer-conflict', path: ['expense', i, role], params: { name: reviewer, role, voucher: e.voucher } });
    }
  });
  return out;
}

/**
 * Money of a ledger that went to, or is owed by or to, its own reviewer: an expense whose summary names them (误工补贴
 * 刘志强), a debt whose party is them. A warning, not an error: a name in a summary may be another person's or a mention
 * (two-character names are common), so the clerk is asked to look. Debts are compared as people (isSamePerson).
 */
export function findReviewerPaid(ledger: {
  expense: readonly ExpenseLike[];
  receivables: readonly { party: string }[];
  payables: readonly { party: string }[];
  signoff: { reviewer?: string | undefined };
}): Finding[] {
  if (ledger.signoff.reviewer === undefined) return [];
  const reviewer = ledger.signoff.reviewer;
  const key = getPersonKey(reviewer);
  if (key.length < 2) return [];
  const out: Finding[] = [];
  ledger.expense.forEach((e, i) => {
    if (readAsSeen(e.summary ?? '').includes(key))
      out.push({
        code: 'ledger.reviewer-paid',
        path: ['expense', i, 'summary'],
        severity: 'warning',
        params: { name: reviewer, where: 'expense', what: e.voucher },
      });
  });
  for (const side of ['receivables', 'payables'] as const)
    ledger[side].forEach((d, i) => {
      if (isSamePerson(d.party, reviewer))
        out.push({ code: 'ledger.reviewer-paid', path: [side, i, 'party'], severity: 'warning', params: { name: reviewer, where: side, what: d.party } });
    });
  return out;
}

/**
 * A ledger reviewed or published before the last of its own entries happened: the supervision committee cannot have
 * checked, nor the board shown, a payment not yet made. One finding per date (review, publication) that is too early,
 * naming the latest entry.
 */
export function checkSignedAfterEntries(ledger: {
  income: readonly LedgerEntryLike[];
  expense: readonly LedgerEntryLike[];
  publishedAt: string;
  signoff: { reviewedAt?: string | undefined };
}): Finding[] {
  let last: LedgerEntryLike | undefined;
  for (const e of [...ledger.income, ...ledger.expense]) if (!last || e.date > last.date) last = e;
  if (!last) return [];
  const out: Finding[] = [];
  const dates: [string | undefined, (string | number)[], 'review' | 'publication'][] = [
    [ledger.signoff.reviewedAt, ['signoff', 'reviewedAt'], 'review'],
    [ledger.publishedAt, ['publishedAt'], 'publication'],
  ];
  for (const [date, path, what] of dates)
    if (date !== undefined && date < last.date)
      out.push({ code: 'ledger.signed-before-entries', path, params: { what, date, last: last.date, voucher: last.voucher } });
  return out;
}
