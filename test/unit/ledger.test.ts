import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkLedger,
  checkLedgerContinuity,
  getEntryAnchor,
  isEntryAnchor,
  summariseLedger,
  type ExpenseLike,
  type LedgerEntryLike,
  type LedgerLike,
} from '../../src/lib/ledger.ts';
import { addDays } from '../../src/lib/dates.ts';
import type { Period } from '../../src/lib/period.ts';

const Q3_2025: Period = { kind: 'quarter', year: 2025, quarter: 3 };
/** 5,000.00 yuan. */
const THRESHOLD = 500_000;

const inc = (date: string, voucher: string, amount: number, category = '经营收入'): LedgerEntryLike => ({ date, voucher, category, amount });
const exp = (date: string, voucher: string, amount: number, extra: Partial<ExpenseLike> = {}): ExpenseLike => ({
  date,
  voucher,
  category: '管理费用',
  amount,
  ...extra,
});

/** A ledger whose declared totals and closing balance are computed by hand from its entries. */
function balanced(openingBalance: number, income: LedgerEntryLike[], expense: ExpenseLike[]): LedgerLike {
  let i = 0;
  for (const e of income) i += e.amount;
  let x = 0;
  for (const e of expense) x += e.amount;
  return { openingBalance, income, expense, totals: { income: i, expense: x }, closingBalance: openingBalance + i - x };
}

const codes = (findings: readonly { code: string }[]) => findings.map((f) => f.code);

describe('summariseLedger: the totals villagers see are computed, never copied', () => {
  it('adds 1,000.00 and 234.56 of income and 300.00 of expense onto 10,000.00 to close at 10,934.56', () => {
    const l = balanced(1_000_000, [inc('2025-07-03', 'J1', 100_000), inc('2025-07-10', 'J2', 23_456, '补助收入')], [exp('2025-08-01', 'Z1', 30_000)]);
    const s = summariseLedger({ ...l, totals: { income: 0, expense: 0 }, closingBalance: 0 });
    expect(s.income).toBe(123_456);
    expect(s.expense).toBe(30_000);
    expect(s.closing).toBe(1_093_456);
  });

  it('groups amounts by side and category', () => {
    const l = balanced(
      0,
      [inc('2025-07-03', 'J1', 100, '经营收入'), inc('2025-07-04', 'J2', 50, '经营收入'), inc('2025-07-05', 'J3', 7, '其他收入')],
      [exp('2025-07-06', 'Z1', 20)],
    );
    expect(summariseLedger(l).byCategory).toEqual(
      expect.arrayContaining([
        { side: 'income', category: '经营收入', amount: 150 },
        { side: 'income', category: '其他收入', amount: 7 },
        { side: 'expense', category: '管理费用', amount: 20 },
      ]),
    );
    expect(summariseLedger(l).byCategory).toHaveLength(3);
  });
});

describe('checkLedger: reconciliation of one period', () => {
  it('finds nothing wrong in a correct quarter', () => {
    const l = balanced(50_000, [inc('2025-07-01', 'J1', 200_000)], [exp('2025-09-30', 'Z1', 120_000, { category: '公益支出' })]);
    expect(checkLedger(l, Q3_2025, THRESHOLD)).toEqual([]);
  });

  it('flags a declared income total that differs from the sum of the lines, showing both in yuan', () => {
    const l = balanced(0, [inc('2025-07-01', 'J1', 100_000)], []);
    const f = checkLedger({ ...l, totals: { income: 100_100, expense: 0 }, closingBalance: 100_100 }, Q3_2025, THRESHOLD);
    expect(f).toEqual([
      expect.objectContaining({
        code: 'ledger.total',
        path: ['totals', 'income'],
        params: expect.objectContaining({ declared: '1,001.00', computed: '1,000.00' }),
      }),
    ]);
  });

  it('flags a closing balance that is not opening + income − expense', () => {
    const l = balanced(10_000, [inc('2025-07-01', 'J1', 5_000)], [exp('2025-07-02', 'Z1', 2_000)]);
    const f = checkLedger({ ...l, closingBalance: 13_100 }, Q3_2025, THRESHOLD);
    expect(f).toEqual([
      expect.objectContaining({
        code: 'ledger.closing',
        path: ['closingBalance'],
        params: expect.objectContaining({ declared: '131.00', computed: '130.00' }),
      }),
    ]);
  });

  it('flags entries dated before or after the quarter, and accepts its first and last day', () => {
    const l = balanced(0, [inc('2025-06-30', 'J1', 100), inc('2025-07-01', 'J2', 100)], [exp('2025-09-30', 'Z1', 50), exp('2025-10-01', 'Z2', 50)]);
    const f = checkLedger(l, Q3_2025, THRESHOLD).filter((x) => x.code === 'ledger.date-outside');
    expect(f.map((x) => x.path)).toEqual([
      ['income', 0, 'date'],
      ['expense', 1, 'date'],
    ]);
    expect(f[0]!.params).toEqual(expect.objectContaining({ period: '2025-q3', from: '2025-07-01', to: '2025-09-30' }));
  });

  describe('categories follow the accounting system in force on the entry date', () => {
    it('accepts 发包及上交收入 in 2023 under the 2004 system', () => {
      const l = balanced(0, [inc('2023-11-05', 'J1', 10_000, '发包及上交收入')], []);
      expect(codes(checkLedger(l, { kind: 'quarter', year: 2023, quarter: 4 }, THRESHOLD))).toEqual([]);
    });

    it('accepts 发包及上交收入 on 2023-12-31, the last day of the 2004 system', () => {
      const l = balanced(0, [inc('2023-12-31', 'J1', 10_000, '发包及上交收入')], []);
      expect(codes(checkLedger(l, { kind: 'quarter', year: 2023, quarter: 4 }, THRESHOLD))).toEqual([]);
    });

    it('refuses 发包及上交收入 on 2024-03-01, after the 2023 system removed it', () => {
      const l = balanced(0, [inc('2024-03-01', 'J1', 10_000, '发包及上交收入')], []);
      const f = checkLedger(l, { kind: 'quarter', year: 2024, quarter: 1 }, THRESHOLD);
      expect(f).toEqual([expect.objectContaining({ code: 'ledger.category', path: ['income', 0, 'category'] })]);
      const params = f[0]!.params as Record<string, string>;
      expect(params['system']).toContain('2023');
      expect(params['allowed']).not.toContain('发包及上交收入');
    });

    it('refuses 公益支出 in 2023, before the 2023 system introduced it', () => {
      const l = balanced(100_000, [], [exp('2023-10-10', 'Z1', 10_000, { category: '公益支出' })]);
      expect(checkLedger(l, { kind: 'quarter', year: 2023, quarter: 4 }, THRESHOLD)).toEqual([
        expect.objectContaining({ code: 'ledger.category', path: ['expense', 0, 'category'] }),
      ]);
    });

    it('accepts 公益支出 from 2024-01-01', () => {
      const l = balanced(100_000, [], [exp('2024-01-01', 'Z1', 10_000, { category: '公益支出' })]);
      expect(checkLedger(l, { kind: 'quarter', year: 2024, quarter: 1 }, THRESHOLD)).toEqual([]);
    });

    it('refuses a category no accounting system knows', () => {
      const l = balanced(0, [inc('2025-07-01', 'J1', 100, '红包收入')], []);
      expect(codes(checkLedger(l, Q3_2025, THRESHOLD))).toEqual(['ledger.category']);
    });
  });

  it('flags a voucher number used twice, pointing at the second use and naming the first', () => {
    const l = balanced(0, [inc('2025-07-01', 'J1', 100), inc('2025-07-02', 'J1', 200)], []);
    expect(checkLedger(l, Q3_2025, THRESHOLD)).toEqual([
      expect.objectContaining({ code: 'ledger.voucher-duplicate', path: ['income', 1, 'voucher'], params: { voucher: 'J1', first: 'income[0]' } }),
    ]);
  });

  it('flags a voucher number shared by an income line and an expense line', () => {
    const l = balanced(1_000, [inc('2025-07-01', 'V7', 100)], [exp('2025-07-02', 'V7', 50)]);
    expect(checkLedger(l, Q3_2025, THRESHOLD)).toEqual([
      expect.objectContaining({ code: 'ledger.voucher-duplicate', path: ['expense', 0, 'voucher'], params: { voucher: 'V7', first: 'income[0]' } }),
    ]);
  });

  it('asks for both an approver and a resolution on an expense over the county threshold', () => {
    const l = balanced(1_000_000, [], [exp('2025-08-01', 'Z1', THRESHOLD + 1)]);
    const f = checkLedger(l, Q3_2025, THRESHOLD);
    expect(f).toEqual([
      expect.objectContaining({ code: 'ledger.large-approver', path: ['expense', 0, 'approver'], params: { amount: '5,000.01', threshold: '5,000.00' } }),
      expect.objectContaining({ code: 'ledger.large-resolution', path: ['expense', 0, 'resolution'] }),
    ]);
  });

  it('accepts a large expense that names its approver and the authorising resolution', () => {
    const l = balanced(1_000_000, [], [exp('2025-08-01', 'Z1', 800_000, { approver: '李四', resolution: '2025-07-20-cmdbdh#1' })]);
    expect(checkLedger(l, Q3_2025, THRESHOLD)).toEqual([]);
  });

  it('asks only for what is missing when a large expense has an approver but no resolution', () => {
    const l = balanced(1_000_000, [], [exp('2025-08-01', 'Z1', 800_000, { approver: '李四' })]);
    expect(codes(checkLedger(l, Q3_2025, THRESHOLD))).toEqual(['ledger.large-resolution']);
  });

  it('does not ask for approval of an expense exactly at the threshold', () => {
    const l = balanced(1_000_000, [], [exp('2025-08-01', 'Z1', THRESHOLD)]);
    expect(checkLedger(l, Q3_2025, THRESHOLD)).toEqual([]);
  });

  it('flags a negative closing balance', () => {
    const l = balanced(1_000, [], [exp('2025-08-01', 'Z1', 1_001)]);
    expect(codes(checkLedger(l, Q3_2025, THRESHOLD))).toEqual(['ledger.negative-closing']);
  });

  describe('properties of reconciliation', () => {
    const dayOfQ3 = fc.integer({ min: 0, max: 91 }).map((n) => addDays('2025-07-01', n));
    const incomeEntries = fc.array(
      fc.record({
        date: dayOfQ3,
        category: fc.constantFrom('经营收入', '投资收益', '补助收入', '其他收入'),
        amount: fc.integer({ min: 1, max: 1_000_000_000 }),
      }),
      { maxLength: 20 },
    );
    const expenseEntries = fc.array(
      fc.record({
        date: dayOfQ3,
        category: fc.constantFrom('经营支出', '管理费用', '公益支出', '其他支出'),
        amount: fc.integer({ min: 1, max: 1_000_000_000 }),
      }),
      { maxLength: 20 },
    );
    const randomLedger = fc.tuple(fc.integer({ min: 0, max: 100_000_000_000 }), incomeEntries, expenseEntries).map(([opening, ins, exs]) =>
      balanced(
        opening,
        ins.map((e, i) => ({ ...e, voucher: `J${i}` })),
        exs.map((e, i) => ({ ...e, voucher: `Z${i}` })),
      ),
    );
    const reconciliation = (l: LedgerLike) => checkLedger(l, Q3_2025, THRESHOLD).filter((f) => f.code === 'ledger.total' || f.code === 'ledger.closing');

    it('computes totals equal to the exact sums of the lines, and closing = opening + income − expense', () => {
      fc.assert(
        fc.property(randomLedger, (l) => {
          const exactIncome = l.income.reduce((a, e) => a + BigInt(e.amount), 0n);
          const exactExpense = l.expense.reduce((a, e) => a + BigInt(e.amount), 0n);
          const s = summariseLedger(l);
          expect(BigInt(s.income)).toBe(exactIncome);
          expect(BigInt(s.expense)).toBe(exactExpense);
          expect(BigInt(s.closing)).toBe(BigInt(l.openingBalance) + exactIncome - exactExpense);
          const byCat = (side: 'income' | 'expense') => s.byCategory.filter((r) => r.side === side).reduce((a, r) => a + BigInt(r.amount), 0n);
          expect(byCat('income')).toBe(exactIncome);
          expect(byCat('expense')).toBe(exactExpense);
        }),
      );
    });

    it('finds no total or closing problem in a ledger whose declared figures are computed correctly', () => {
      fc.assert(
        fc.property(randomLedger, (l) => {
          expect(reconciliation(l)).toEqual([]);
        }),
      );
    });

    it('finds the problem when any declared figure is off by one fen', () => {
      const field = fc.constantFrom('totals.income', 'totals.expense', 'closingBalance', 'openingBalance');
      fc.assert(
        fc.property(randomLedger, field, fc.constantFrom(1, -1), (l, which, delta) => {
          let bad: LedgerLike;
          let expected: { code: string; path: readonly (string | number)[] };
          if (which === 'totals.income') {
            bad = { ...l, totals: { ...l.totals, income: l.totals.income + delta } };
            expected = { code: 'ledger.total', path: ['totals', 'income'] };
          } else if (which === 'totals.expense') {
            bad = { ...l, totals: { ...l.totals, expense: l.totals.expense + delta } };
            expected = { code: 'ledger.total', path: ['totals', 'expense'] };
          } else if (which === 'closingBalance') {
            bad = { ...l, closingBalance: l.closingBalance + delta };
            expected = { code: 'ledger.closing', path: ['closingBalance'] };
          } else {
            bad = { ...l, openingBalance: l.openingBalance + delta };
            expected = { code: 'ledger.closing', path: ['closingBalance'] };
          }
          expect(reconciliation(bad)).toContainEqual(expect.objectContaining(expected));
        }),
      );
    });
  });
});

describe('checkLedgerContinuity: each period opens with the previous closing', () => {
  const q = (year: number, quarter: 1 | 2 | 3 | 4): Period => ({ kind: 'quarter', year, quarter });
  const mo = (year: number, month: number): Period => ({ kind: 'month', year, month });

  it('accepts Q3 opening with Q2’s closing balance', () => {
    expect(
      checkLedgerContinuity([
        { period: q(2025, 2), openingBalance: 0, closingBalance: 123_456 },
        { period: q(2025, 3), openingBalance: 123_456, closingBalance: 200_000 },
      ]),
    ).toEqual([]);
  });

  it('flags Q3 opening with a different amount than Q2 closed with', () => {
    const out = checkLedgerContinuity([
      { period: q(2025, 2), openingBalance: 0, closingBalance: 123_456 },
      { period: q(2025, 3), openingBalance: 123_457, closingBalance: 200_000 },
    ]);
    expect(out).toEqual([
      {
        index: 1,
        finding: expect.objectContaining({
          code: 'ledger.continuity',
          path: ['openingBalance'],
          params: { opening: '1,234.57', previous: '2025-q2', closing: '1,234.56' },
        }),
      },
    ]);
  });

  it('checks continuity across the year end, from 2024-q4 into 2025-q1', () => {
    const out = checkLedgerContinuity([
      { period: q(2024, 4), openingBalance: 0, closingBalance: 500 },
      { period: q(2025, 1), openingBalance: 400, closingBalance: 400 },
    ]);
    expect(out.map((o) => o.finding.code)).toEqual(['ledger.continuity']);
  });

  it('warns, without failing the build, when a quarter is missing between two ledgers', () => {
    const out = checkLedgerContinuity([
      { period: q(2025, 1), openingBalance: 0, closingBalance: 100 },
      { period: q(2025, 3), openingBalance: 100, closingBalance: 100 },
    ]);
    expect(out).toEqual([
      { index: 1, finding: expect.objectContaining({ code: 'ledger.gap', severity: 'warning', params: { period: '2025-q3', previous: '2025-q1' } }) },
    ]);
  });

  it('flags a monthly ledger that overlaps the quarterly ledger containing it', () => {
    const out = checkLedgerContinuity([
      { period: q(2025, 3), openingBalance: 0, closingBalance: 100 },
      { period: mo(2025, 8), openingBalance: 100, closingBalance: 100 },
    ]);
    expect(out).toEqual([{ index: 1, finding: expect.objectContaining({ code: 'ledger.overlap', params: { period: '2025-08', previous: '2025-q3' } }) }]);
  });

  it('accepts switching from monthly ledgers to a quarterly one at a quarter boundary', () => {
    expect(
      checkLedgerContinuity([
        { period: mo(2025, 6), openingBalance: 0, closingBalance: 100 },
        { period: q(2025, 3), openingBalance: 100, closingBalance: 150 },
        { period: mo(2025, 10), openingBalance: 150, closingBalance: 150 },
      ]),
    ).toEqual([]);
  });
});

describe('entry anchors (where a search result opens a ledger)', () => {
  it('gives every income and expense entry its own row id, which the search page recognises as an entry', () => {
    const ids = [0, 1, 2].flatMap((i) => [getEntryAnchor('income', i), getEntryAnchor('expense', i)]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every(isEntryAnchor)).toBe(true);
    expect(getEntryAnchor('expense', 6)).toBe('zhichu-7');
    for (const other of ['signoff-h', 'chart-2025-q3', 'zhichu-', 'main']) expect(isEntryAnchor(other)).toBe(false);
  });
});
