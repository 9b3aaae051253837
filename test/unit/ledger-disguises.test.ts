import { describe, expect, it } from 'vitest';
import {
  checkSignedAfterEntries,
  findReviewerConflicts,
  findReviewerPaid,
  findSplitExpenses,
  findSplitExpensesAcrossLedgers,
  getVoucherKey,
} from '../../src/lib/ledger.ts';

describe('one expense split into parts under the threshold (化整为零)', () => {
  const threshold = 30_000_00;
  const part = (
    date: string,
    voucher: string,
    amount: number,
    more: Partial<{ summary: string; category: string; handler: string; resolution: string }> = {},
  ) => ({
    date,
    voucher,
    category: '公益支出',
    summary: `村道硬化工程进度款（第${voucher}笔）`,
    amount,
    handler: '王堃',
    ...more,
  });

  it('warns when six parts of 28,000 元 for one purpose, paid by one handler within days, add up to 168,000 元', () => {
    const parts = [1, 2, 3, 4, 5, 6].map((n) => part(`2025-09-1${n}`, String(n), 28_000_00));
    const found = findSplitExpenses(parts, threshold);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: 'ledger.split-expense', severity: 'warning', path: ['expense', 0, 'amount'] });
    expect(found[0]!.params).toMatchObject({ count: 6, total: '168,000.00' });
  });

  it('joins parts a week apart into windows of fifteen days', () => {
    const parts = [0, 1, 2, 3].map((n) => part(['2025-07-01', '2025-07-08', '2025-07-15', '2025-07-22'][n]!, String(n), 20_000_00));
    expect(findSplitExpenses(parts, threshold).map((f) => (f.params as { count: number }).count)).toEqual([3]);
  });

  it('leaves alone monthly wages, taxes, different handlers, small payments and parts that cite a resolution', () => {
    const wages = ['2025-07-10', '2025-08-10', '2025-09-10'].map((d, n) => part(d, `w${n}`, 21_600_00, { summary: `${7 + n}月村干部基本报酬` }));
    const taxes = ['2025-07-10', '2025-07-12'].map((d, n) => part(d, `t${n}`, 20_000_00, { category: '税金及附加', summary: '房产税' }));
    const handlers = ['王堃', '李秀兰'].map((h, n) => part('2025-07-10', `h${n}`, 20_000_00, { handler: h }));
    const small = [1, 2, 3, 4, 5].map((n) => part('2025-07-10', `s${n}`, 7_000_00));
    const resolved = [1, 2].map((n) => part('2025-07-10', `r${n}`, 20_000_00, { resolution: '2025-07-08-daibiao' }));
    for (const set of [wages, taxes, handlers, small, resolved]) expect(findSplitExpenses(set, threshold)).toEqual([]);
  });
});

describe('one expense split across the periods of two ledgers', () => {
  const threshold = 30_000_00;
  const part = (date: string, voucher: string, amount = 28_000_00, handler = '王堃') => ({
    date,
    voucher,
    category: '公益支出',
    summary: '村文化广场健身器材采购款（第1笔）',
    amount,
    handler,
  });

  it('warns on the first part when 28,000 元 on 28 June (2025-q2) and 28,000 元 on 2 July (2025-q3) add up to 56,000 元', () => {
    const ledgers = [
      { id: '2025-q2', expense: [part('2025-05-02', 'a', 1_000_00), part('2025-06-28', '记-06-901')] },
      { id: '2025-q3', expense: [part('2025-07-02', '记-07-901')] },
    ];
    // Each ledger alone holds one part under the threshold: the per-ledger check finds nothing.
    for (const l of ledgers) expect(findSplitExpenses(l.expense, threshold)).toEqual([]);
    expect(findSplitExpensesAcrossLedgers(ledgers, threshold)).toEqual([
      {
        ledger: 0,
        finding: {
          code: 'ledger.split-expense-periods',
          path: ['expense', 1, 'amount'],
          severity: 'warning',
          params: { count: 2, vouchers: '2025-q2/记-06-901、2025-q3/记-07-901', total: '56,000.00', threshold: '30,000.00', days: 15 },
        },
      },
    ]);
  });

  it('says nothing twice: a split a ledger already shows by itself, parts further apart than 15 days, or different handlers', () => {
    const own = [
      { id: '2025-q2', expense: [part('2025-06-25', '1'), part('2025-06-28', '2')] },
      { id: '2025-q3', expense: [part('2025-07-02', '3')] },
    ];
    expect(findSplitExpensesAcrossLedgers(own, threshold)).toEqual([]);
    const apart = [
      { id: '2025-q2', expense: [part('2025-06-10', '1')] },
      { id: '2025-q3', expense: [part('2025-07-02', '2')] },
    ];
    expect(findSplitExpensesAcrossLedgers(apart, threshold)).toEqual([]);
    const handlers = [
      { id: '2025-q2', expense: [part('2025-06-28', '1')] },
      { id: '2025-q3', expense: [part('2025-07-02', '2', 28_000_00, '李秀兰')] },
    ];
    expect(findSplitExpensesAcrossLedgers(handlers, threshold)).toEqual([]);
  });
});

describe('voucher numbers typed differently', () => {
  it('are one voucher when they differ only in full-width dashes, zero-width spaces or spaces', () => {
    for (const written of ['记－07－001', '记-07-\u200b001', '记 -07-001', '记—07—001']) expect(getVoucherKey(written)).toBe(getVoucherKey('记-07-001'));
  });

  it('stay apart when their numbers differ', () => {
    expect(getVoucherKey('记-07-001')).not.toBe(getVoucherKey('记-07-010'));
    expect(getVoucherKey('记-07-001')).not.toBe(getVoucherKey('付-07-001'));
  });
});

describe('a ledger signed before its own entries', () => {
  const ledger = (reviewedAt: string, publishedAt: string) => ({
    income: [{ date: '2025-09-26', voucher: '记-09-005', category: '其他收入', amount: 1 }],
    expense: [{ date: '2025-07-02', voucher: '记-07-001', category: '管理费用', amount: 1 }],
    publishedAt,
    signoff: { reviewedAt },
  });

  it('is refused when reviewed or published before the last entry, naming it', () => {
    expect(checkSignedAfterEntries(ledger('2025-09-25', '2025-09-25')).map((f) => [f.path.join('.'), (f.params as { voucher: string }).voucher])).toEqual([
      ['signoff.reviewedAt', '记-09-005'],
      ['publishedAt', '记-09-005'],
    ]);
  });

  it('is accepted when reviewed and published on the day of the last entry or after', () => {
    expect(checkSignedAfterEntries(ledger('2025-09-26', '2025-10-10'))).toEqual([]);
  });
});

describe('a ledger reviewed by someone who handled or approved its money', () => {
  const expense = (voucher: string, handler: string, approver?: string) => ({
    date: '2025-08-20',
    voucher,
    category: '公益支出',
    amount: 1,
    handler,
    approver,
  });
  const ledger = (reviewer: string | undefined, ...expenses: ReturnType<typeof expense>[]) => ({ expense: expenses, signoff: { reviewer } });

  it('is refused on each expense the reviewer handled or approved, written however (刘 志强 is 刘志强)', () => {
    const found = findReviewerConflicts(
      ledger('刘志强', expense('记-08-004', '王堃'), expense('记-08-005', '刘 志强'), expense('记-09-002', '王堃', '刘志强（主任）')),
    );
    expect(found.map((f) => [f.code, f.path.join('.'), (f.params as { voucher: string }).voucher])).toEqual([
      ['ledger.reviewer-conflict', 'expense.1.handler', '记-08-005'],
      ['ledger.reviewer-conflict', 'expense.2.approver', '记-09-002'],
    ]);
  });

  it('is accepted when the reviewer neither handled nor approved any of it, or there is no reviewer yet', () => {
    expect(findReviewerConflicts(ledger('刘志强', expense('记-08-004', '王堃', '赵建军')))).toEqual([]);
    expect(findReviewerConflicts(ledger(undefined, expense('记-08-004', '刘志强')))).toEqual([]);
  });
});

describe('a ledger reviewed by someone it pays or who owes in it', () => {
  const ledger = (summary: string, party = '国网陇县供电分公司') => ({
    expense: [{ date: '2025-08-20', voucher: '记-08-004', category: '公益支出', summary, amount: 1 }],
    receivables: [{ party }],
    payables: [],
    signoff: { reviewer: '刘志强（主任）' },
  });

  it('warns when an expense summary names the reviewer, however spaced, or a debt is theirs', () => {
    expect(findReviewerPaid(ledger('误工补贴（刘 志强）')).map((f) => [f.code, f.severity, f.path.join('.')])).toEqual([
      ['ledger.reviewer-paid', 'warning', 'expense.0.summary'],
    ]);
    expect(findReviewerPaid(ledger('办公用品', '刘志强')).map((f) => f.path.join('.'))).toEqual(['receivables.0.party']);
  });

  it('says nothing when the money has nothing to do with the reviewer', () => {
    expect(findReviewerPaid(ledger('汛期排水渠疏通（刘志刚）'))).toEqual([]);
  });
});
