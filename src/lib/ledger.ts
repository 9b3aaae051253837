/**
 * Ledger reconciliation: opening + income − expense = closing, declared totals equal the sums,
 * every entry dated inside the period with a category of the accounting system in force that day,
 * vouchers unique, large expenses approved and authorised, and continuity between periods.
 */
import { getAccountingSystem, SEPARATED_EXPENSE_DUTIES } from '../law/accounting.ts';
import { isSamePerson } from './person-name.ts';
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
      const prior = seen.get(e.voucher);
      if (prior) out.push({ code: 'ledger.voucher-duplicate', path: [side, i, 'voucher'], params: { voucher: e.voucher, first: prior } });
      else seen.set(e.voucher, `${side}[${i}]`);
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
