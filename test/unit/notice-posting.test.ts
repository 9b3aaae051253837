import { describe, expect, it } from 'vitest';
import { describePosting, keepPostingState, postingToken, readPostingToken, typedPostingState } from '../../src/lib/notice-posting.ts';

const period = { start: '2025-11-17', end: '2025-11-24' };

describe('a 公示 state from its period and the site’s date', () => {
  it('says when a 公示 starts before it starts, until when it runs on its last day, and that it ended the day after', () => {
    expect(describePosting(period, '2025-11-16')).toMatchObject({ state: 'upcoming', zh: '2025年11月17日起公示' });
    expect(describePosting(period, '2025-11-24')).toMatchObject({ state: 'running', zh: '公示至2025年11月24日' });
    expect(describePosting(period, '2025-11-25')).toMatchObject({ state: 'ended', zh: '公示期已结束' });
    expect(describePosting({ start: '2025-11-17' }, '2030-01-01')).toMatchObject({ state: 'running', zh: '长期公示' });
  });

  it('keeps the period in the index as a token that reads back the same, and reads nothing else as one', () => {
    expect(readPostingToken(postingToken(period))).toEqual(period);
    expect(readPostingToken(postingToken({ start: '2025-11-17' }))).toEqual({ start: '2025-11-17' });
    expect(readPostingToken('公示至2025年11月24日')).toBeUndefined();
  });
});

describe('the 公示状态 filter over a bundle’s answers', () => {
  const answer = { results: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] };
  const periods = { a: '2025-11-17~2025-11-24', b: '2025-10-01~2025-10-08', c: '2025-11-17~' };
  const search = keepPostingState(
    async () => answer,
    async () => periods,
    'running',
    '2025-11-24',
  );

  it('keeps only the notices in the chosen state on the site’s date, a long-term one among the running', async () => {
    expect((await search('低保', {}))?.results.map((r) => r.id)).toEqual(['a', 'c']);
  });

  it('keeps no page whose period the bundle does not list (a record that is not a 公示)', async () => {
    const other = keepPostingState(
      async () => ({ results: [{ id: 'x' }] }),
      async () => periods,
      'ended',
      '2025-11-24',
    );
    expect((await other(null, {}))?.results).toEqual([]);
  });
});

describe('a state typed into the search box', () => {
  it('reads 正在公示的低保 as 低保 among the 公示 being posted', () => {
    expect(typedPostingState('正在公示的低保')).toEqual({ state: 'running', rest: '低保' });
    expect(typedPostingState('低保公示中')).toEqual({ state: 'running', rest: '低保' });
  });

  it('reads the ended and not-yet-started wordings, the longest wording first', () => {
    expect(typedPostingState('公示期已结束的宅基地')).toEqual({ state: 'ended', rest: '宅基地' });
    expect(typedPostingState('宅基地 公示结束了')).toEqual({ state: 'ended', rest: '宅基地' });
    expect(typedPostingState('即将公示 马曲村')).toEqual({ state: 'upcoming', rest: '马曲村' });
  });

  it('leaves a query alone whose words only sound like a state (项目已结束, 公示栏)', () => {
    expect(typedPostingState('修路项目已结束')).toBeUndefined();
    expect(typedPostingState('在公示栏张贴')).toBeUndefined();
    expect(typedPostingState('低保')).toBeUndefined();
  });

  it('gives an empty query when the state is all that was typed, so every 公示 in that state is listed', () => {
    expect(typedPostingState('正在公示')).toEqual({ state: 'running', rest: '' });
  });
});
