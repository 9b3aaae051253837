import { describe, expect, it } from 'vitest';
import { checkSignedAfterEntries, findSplitExpenses, getVoucherKey } from '../../src/lib/ledger.ts';

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
