import { describe, expect, it } from 'vitest';
import { findSplitExpenses } from '../../src/lib/ledger.ts';

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
