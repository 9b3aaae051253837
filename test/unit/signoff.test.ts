import { describe, expect, it } from 'vitest';
import { checkSignoff, type SignoffLike } from '../../src/lib/signoff.ts';

/** 王五 and 赵六 sit on the 村务监督委员会; 张三 and 李四 on the 村委会. */
const ctx = { publishedAt: '2025-10-10', reviewRequired: true, supervisors: ['王五', '赵六'], committee: ['张三', '李四'] };
const good: SignoffLike = { responsible: '张三', preparer: '李四', reviewer: '王五', reviewedAt: '2025-10-08', opinion: '同意公开' };

const codes = (s: SignoffLike, c = ctx) => checkSignoff(s, c).map((f) => f.code);

describe('checkSignoff: review by the supervision committee before publication', () => {
  it('finds nothing wrong when a supervisor other than the preparer and the responsible person approved before publication', () => {
    expect(checkSignoff(good, ctx)).toEqual([]);
  });

  it('accepts a review on the day of publication', () => {
    expect(codes({ ...good, reviewedAt: '2025-10-10' })).toEqual([]);
  });

  it('flags a reviewer who also prepared the disclosure', () => {
    const f = checkSignoff({ ...good, preparer: '王五' }, ctx);
    expect(f).toEqual([
      expect.objectContaining({
        code: 'signoff.same-person',
        path: ['signoff', 'reviewer'],
        params: expect.objectContaining({ name: '王五', role: 'reviewer', otherRole: 'preparer' }),
      }),
    ]);
  });

  it('flags a reviewer who is also the responsible person', () => {
    const f = checkSignoff({ ...good, responsible: '王五' }, ctx);
    expect(f).toEqual([
      expect.objectContaining({
        code: 'signoff.same-person',
        path: ['signoff', 'reviewer'],
        params: expect.objectContaining({ name: '王五', role: 'reviewer', otherRole: 'responsible' }),
      }),
    ]);
  });

  it('flags a preparer who is also the responsible person', () => {
    expect(checkSignoff({ ...good, preparer: '张三' }, ctx)).toEqual([
      expect.objectContaining({ code: 'signoff.same-person', path: ['signoff', 'preparer'], params: expect.objectContaining({ name: '张三' }) }),
    ]);
  });

  it('refuses a preparer or a responsible person who sits on the supervision committee, beside a reviewer who does too', () => {
    expect(checkSignoff({ ...good, preparer: '赵六' }, ctx)).toEqual([
      { code: 'signoff.supervisor-in-role', path: ['signoff', 'preparer'], params: { name: '赵六', role: 'preparer' } },
    ]);
    expect(checkSignoff({ ...good, responsible: '赵 六' }, ctx)).toEqual([
      { code: 'signoff.supervisor-in-role', path: ['signoff', 'responsible'], params: { name: '赵 六', role: 'responsible' } },
    ]);
  });

  it('lets the party branch member who chairs the supervision committee prepare a 党务 disclosure, which needs no review', () => {
    expect(checkSignoff({ responsible: '张三', preparer: '赵六' }, { ...ctx, reviewRequired: false })).toEqual([]);
  });

  it('flags a reviewer who is not on the supervision committee, listing who is', () => {
    expect(checkSignoff({ ...good, reviewer: '孙七' }, ctx)).toEqual([
      expect.objectContaining({ code: 'signoff.not-supervisor', params: { name: '孙七', supervisors: '王五、赵六' } }),
    ]);
  });

  it('flags a village committee member reviewing their own committee’s disclosure', () => {
    expect(codes({ ...good, reviewer: '李四', preparer: '钱八' })).toEqual(['signoff.not-supervisor', 'signoff.reviewer-on-committee']);
  });

  it('flags a review dated after publication', () => {
    expect(checkSignoff({ ...good, reviewedAt: '2025-10-11' }, ctx)).toEqual([
      expect.objectContaining({
        code: 'signoff.review-after-publish',
        path: ['signoff', 'reviewedAt'],
        params: { reviewedAt: '2025-10-11', publishedAt: '2025-10-10' },
      }),
    ]);
  });

  it('flags a review opinion of 不同意: the supervisors refused publication', () => {
    expect(checkSignoff({ ...good, opinion: '不同意' }, ctx)).toEqual([expect.objectContaining({ code: 'signoff.rejected', path: ['signoff', 'opinion'] })]);
  });

  it('asks for the review date and opinion when a reviewer is named without them', () => {
    const { reviewedAt: _d, opinion: _o, ...bare } = good;
    expect(codes(bare)).toEqual(['signoff.date-missing', 'signoff.opinion-missing']);
  });

  it('asks for a reviewer where review is required', () => {
    const { reviewer: _r, ...unreviewed } = good;
    expect(codes(unreviewed)).toEqual(['signoff.reviewer-missing']);
  });

  it('accepts a 党务 disclosure without a reviewer, where review by the supervision committee is not required', () => {
    const { reviewer: _r, reviewedAt: _d, opinion: _o, ...partyOnly } = good;
    expect(checkSignoff(partyOnly, { ...ctx, reviewRequired: false })).toEqual([]);
  });

  it('still checks a reviewer who is named on a 党务 disclosure', () => {
    expect(codes({ ...good, reviewedAt: '2025-10-12' }, { ...ctx, reviewRequired: false })).toEqual(['signoff.review-after-publish']);
  });
});
