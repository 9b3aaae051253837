import { describe, expect, it } from 'vitest';
import { checkSignoff } from '../../src/lib/signoff.ts';
import { checkLedger } from '../../src/lib/ledger.ts';
import { getPersonKey, isSamePerson, normalisePersonName, readAsSeen, readAsSimplified } from '../../src/lib/person-name.ts';

const ctx = { publishedAt: '2025-10-10', reviewRequired: true, supervisors: ['刘志强', '杨桂芳'], committee: ['赵建军', '王堃'] };
const signoff = { responsible: '赵建军', preparer: '马晓东', reviewer: '刘志强', reviewedAt: '2025-10-09', opinion: '同意' };

describe('people named on a record', () => {
  it('shows a name without the characters nobody sees and without spaces between Chinese characters', () => {
    expect(normalisePersonName('刘\u200b志强')).toBe('刘志强');
    expect(normalisePersonName('刘　志 强')).toBe('刘志强');
    expect(normalisePersonName('\u202e刘志强\u202c')).toBe('刘志强');
    expect(normalisePersonName('阿依古丽・买买提')).toBe('阿依古丽·买买提');
    expect(normalisePersonName('ＪＯＨＮ  Smith')).toBe('JOHN Smith');
  });

  it('knows a person written with a role in brackets, a space or a zero-width space is the same person', () => {
    for (const written of ['刘志强（主任）', '刘 志强', '刘\u200d志强', '刘志强 (监委会)', '【主任】刘志强'])
      expect(isSamePerson(written, '刘志强')).toBe(true);
  });

  it('knows a person written in traditional characters is the same person as in simplified ones', () => {
    for (const [traditional, simplified] of [
      ['劉志強', '刘志强'],
      ['陳國強', '陈国强'],
      ['劉翠蘭', '刘翠兰'],
      ['歐陽娜娜', '欧阳娜娜'],
      ['劉 志強（主任）', '刘志强'],
    ] as const)
      expect(isSamePerson(traditional, simplified), traditional).toBe(true);
    // Characters the mainland standard keeps as its own are not read as another: 张乾 is not 张干, 於 not 于.
    expect(isSamePerson('张乾', '张干')).toBe(false);
    expect(isSamePerson('於明', '于明')).toBe(false);
  });

  it('knows a name written with or without the dot of a minority name, or with a list mark after it, is the same person', () => {
    for (const written of ['阿依古丽买买提', '阿依古丽.买买提', '阿依古丽．买买提', '阿依古丽・买买提'])
      expect(isSamePerson(written, '阿依古丽·买买提'), written).toBe(true);
    for (const written of ['刘翠兰、', '刘翠兰；', ' 刘翠兰 ', '“刘翠兰”', '刘翠兰（户主）。']) expect(isSamePerson(written, '刘翠兰'), written).toBe(true);
    expect(isSamePerson('John Smith', 'John.Smith')).toBe(false);
  });

  it('reads traditional characters as simplified without moving any character of the text', () => {
    const text = '本季度退出低保1户（劉翠蘭），由陳國強核實。';
    expect(readAsSimplified(text)).toBe('本季度退出低保1户（刘翠兰），由陈国强核实。');
    expect(readAsSimplified(text)).toHaveLength(text.length);
    expect(readAsSimplified(readAsSimplified(text))).toBe(readAsSimplified(text));
    const plain = '刘翠兰';
    expect(readAsSimplified(plain)).toBe(plain);
  });

  it('keeps different people apart, however alike their names look', () => {
    expect(isSamePerson('张伟', '张玮')).toBe(false);
    expect(isSamePerson('刘志强', '刘志')).toBe(false);
    expect(isSamePerson('欧阳娜娜', '欧阳娜')).toBe(false);
    expect(getPersonKey('John Smith')).not.toBe(getPersonKey('JohnSmith'));
  });

  it('refuses a disclosure whose preparer is its reviewer written with a space, a zero-width space or a role', () => {
    for (const preparer of ['刘 志强', '刘\u200b志强', '刘志强（主任）', '刘　志强']) {
      const codes = checkSignoff({ ...signoff, preparer }, ctx).map((f) => f.code);
      expect(codes, preparer).toContain('signoff.same-person');
    }
    expect(checkSignoff({ ...signoff, responsible: '刘志强（村务监督委员会主任）' }, ctx).map((f) => f.code)).toContain('signoff.same-person');
  });

  it('refuses a disclosure whose preparer is its reviewer written in traditional characters', () => {
    expect(checkSignoff({ ...signoff, preparer: '劉志強' }, ctx).map((f) => f.code)).toContain('signoff.same-person');
    expect(checkSignoff({ ...signoff, reviewer: '趙建軍', responsible: '赵建军' }, ctx).map((f) => f.code)).toContain('signoff.same-person');
  });

  it('accepts a reviewer on the supervision committee whose name is written with a role, and a lawful sign-off as it is', () => {
    expect(checkSignoff(signoff, ctx)).toEqual([]);
    expect(checkSignoff({ ...signoff, reviewer: '刘志强（主任）' }, ctx)).toEqual([]);
  });

  it('refuses a reviewer who sits on the village committee, written with a space', () => {
    expect(checkSignoff({ ...signoff, reviewer: '王 堃' }, { ...ctx, supervisors: [...ctx.supervisors, '王堃'] }).map((f) => f.code)).toContain(
      'signoff.reviewer-on-committee',
    );
  });
});

describe('who approves an expense', () => {
  const period = { kind: 'quarter', year: 2025, quarter: 3 } as const;
  const ledger = (handler: string, approver: string) => ({
    openingBalance: 0,
    income: [{ date: '2025-07-01', voucher: '记-1', category: '补助收入', amount: 100_00 }],
    expense: [{ date: '2025-07-02', voucher: '记-2', category: '管理费用', amount: 100_00, handler, approver }],
    totals: { income: 100_00, expense: 100_00 },
    closingBalance: 0,
  });

  it('refuses an expense approved by the person who handled it, however the name is written', () => {
    for (const handler of ['赵建军', '赵 建军', '赵建军（主任）', '趙建軍']) {
      expect(
        checkLedger(ledger(handler, '赵建军'), period, 30_000_00).map((f) => f.code),
        handler,
      ).toContain('ledger.self-approved');
    }
  });

  it('accepts an expense handled by one person and approved by another', () => {
    expect(checkLedger(ledger('王堃', '赵建军'), period, 30_000_00)).toEqual([]);
  });
});

describe('text read for names as a villager sees it', () => {
  it('is the same as the full normalisation, whether or not it needed any', () => {
    for (const text of ['刘翠兰户退出低保', '刘 翠兰', '刘\u200b翠兰', '⼈民', '刘翠兰（一组）', 'Ｌｉｕ', ''])
      expect(readAsSeen(text)).toBe(normalisePersonName(text));
  });
});
