import { describe, expect, it } from 'vitest';
import { describeTextChange } from '../../src/lib/text-change.ts';

describe('what a correction poster says changed', () => {
  it('shows a corrected amount as whole numbers with their unit, not as the two swapped digits', () => {
    const c = describeTextChange(
      '合同价214,800.00元。9月12日支付工程进度款186,000.00元，剩余46,800.00元',
      '合同价214,800.00元。9月12日支付工程进度款168,000.00元，剩余46,800.00元',
    );
    expect(c).toEqual({ before: '9月12日支付工程进度款186,000.00元', after: '9月12日支付工程进度款168,000.00元' });
  });

  it('says nothing when the text is the same', () => {
    expect(describeTextChange('同意', '同意')).toBeUndefined();
  });

  it('shows added and removed text', () => {
    expect(describeTextChange('低保对象30户', '低保对象30户56人')).toEqual({ before: '低保对象30户', after: '低保对象30户56人' });
    expect(describeTextChange('特困供养对象6人，无新增', '特困供养对象6人')?.after).toBe('特困供养对象6人');
  });

  it('changes one Chinese word with a little context before it', () => {
    expect(describeTextChange('由村务监督委员会审核', '由村民委员会审核', 2)).toEqual({ before: '由村务监督委员会', after: '由村民委员会' });
  });
});
