import { describe, expect, it } from 'vitest';
import { checkNoticeAfterReview } from '../../src/check/county-rules.ts';
import type { NoticeRec } from '../../src/check/model.ts';

const notice = (id: string, type: string, startDate: string, endDate: string, ...names: string[]) =>
  ({
    id,
    file: `content/villages/maqu/notices/${id}.md`,
    endDate,
    data: { type, startDate, subjects: names.map((name) => ({ name })) },
  }) as unknown as NoticeRec;

describe('a 低保对象名单 posted while the 低保初审 公示 of the same household still runs', () => {
  const review = notice('2025-11-17-dibao', '低保初审', '2025-11-17', '2025-11-24', '马天顺', '刘翠兰');

  it('is refused, naming the household masked, the review notice, its last day and the earliest start', () => {
    const list = notice('2025-11-20-mingdan', '低保对象名单', '2025-11-20', '2025-11-27', '张满仓', '马 天顺（户主）');
    expect(checkNoticeAfterReview(list, [review, list])).toEqual([
      {
        code: 'notice.before-review-ends',
        path: ['startDate'],
        params: expect.objectContaining({ review: '2025-11-17-dibao', end: '2025-11-24', earliest: '2025-11-25', masked: '马*顺', row: 2 }),
      },
    ]);
    // On the review's last day the period still runs (民法典 §203: to 24:00).
    expect(checkNoticeAfterReview(notice('m', '低保对象名单', '2025-11-24', '2025-12-01', '刘翠兰'), [review])).toHaveLength(1);
  });

  it('is accepted from the day after the review ends, and for households the review does not name', () => {
    expect(checkNoticeAfterReview(notice('m', '低保对象名单', '2025-11-25', '2025-12-02', '马天顺'), [review])).toEqual([]);
    expect(checkNoticeAfterReview(notice('m', '低保对象名单', '2025-11-20', '2025-11-27', '张满仓'), [review])).toEqual([]);
    // A type that follows no review is not compared at all.
    expect(checkNoticeAfterReview(notice('m', '宅基地申请', '2025-11-20', '2025-11-25', '马天顺'), [review])).toEqual([]);
  });
});
