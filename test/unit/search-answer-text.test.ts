/**
 * The sentence the search page says about an answer (src/client/search-results.ts). When the first search left
 * townships for later to keep its download small and found nothing in the ones it searched, a villager must not be told
 * that nothing exists: the records may be in the townships not yet searched.
 */
import { describe, expect, it } from 'vitest';
import { describeAnswer, restText } from '../../src/client/search-results.ts';
import { describeFound } from '../../src/lib/search-answer-text.ts';
import type { SplitLexicon } from '../../src/lib/search-bundles.ts';
import type { SearchResultData } from '../../src/lib/search-entries.ts';
import type { QueryPlan } from '../../src/lib/search-query.ts';
import type { SearchAnswer } from '../../src/lib/search-run.ts';

const plan = { terms: [], villages: [], townships: [], quarters: [], kinds: [], tracks: [], prefer: [], ignored: [], notes: [] } as unknown as QueryPlan;
const nothingFound = (later: number[]): SearchAnswer<SearchResultData> => ({
  plan,
  outcome: { hits: [], terms: [{ text: '路灯', found: [], bySynonym: false, pages: 0 }], dropped: [], tooBroad: false },
  scope: { now: [0], later },
});

describe('what the search page says when it found nothing', () => {
  it('says the townships not yet searched may hold it, and points to the button that searches them', () => {
    const text = describeAnswer('东关社区路灯', nothingFound([1]), []);
    expect(text).toContain('已搜索的乡镇中没有找到');
    expect(text).toContain('搜索其余');
    expect(text).not.toContain('错别字');
  });

  it('says nothing was found, and suggests checking for a miswritten character, when every township was searched', () => {
    const text = describeAnswer('东关社区路灯', nothingFound([]), []);
    expect(text).toMatch(/^没有找到/);
    expect(text).toContain('错别字');
  });

  it('says a whole year asked for (去年的账) as the year, 2024年, not as its four quarters; single quarters stay named', () => {
    const year = ['2024年第一季度', '2024年第二季度', '2024年第三季度', '2024年第四季度'];
    const answer = (quarters: string[]): SearchAnswer<SearchResultData> => ({
      plan: { ...plan, quarters, kinds: ['财务收支'] },
      outcome: { hits: [], terms: [], dropped: [], tooBroad: false },
      scope: { now: [0], later: [] },
    });
    expect(describeAnswer('去年的账', answer(year), [])).toContain('没有找到记录（2024年、财务收支）');
    expect(describeAnswer('去年三季度', answer(['2024年第三季度']), [])).toContain('（2024年第三季度、财务收支）');
  });
});

describe('what the search page says when a township could not be searched', () => {
  const lexicon = {
    places: [],
    t2s: '',
    directory: {
      chars: '',
      bundles: [
        { id: 'a', townships: ['东风镇'], villages: [], pages: 9, bytes: 10_240, missing: '' },
        { id: 'b', townships: ['东风镇'], villages: [], pages: 9, bytes: 10_240, missing: '' },
        { id: 'c', townships: ['城关街道'], villages: [], pages: 9, bytes: 10_240, missing: '' },
      ],
    },
  } as unknown as SplitLexicon;
  const found = (later: number[], failed: number[]): SearchAnswer<SearchResultData> => ({
    plan,
    outcome: {
      hits: [{ id: 'x', data: () => Promise.reject(new Error('unused')) }],
      terms: [{ text: '低保', found: ['低保'], bySynonym: false, pages: 1 }],
      dropped: [],
      tooBroad: false,
    },
    scope: { now: [0], later, failed },
  });

  it('says how many were found, then which townships were not searched and to press 再试一次 or search again later', () => {
    const text = describeAnswer('低保', found([], [2]), [], lexicon);
    expect(text).toBe(
      '找到 1 条含有“低保”的记录。 城关街道这次没能搜索（网络或网站没有响应），结果中没有这些地方的记录。请按下面的“再试一次”按钮，或过一会儿再搜索。',
    );
    expect(restText(lexicon, [0], [], [2])).toEqual({ text: '', button: '再试一次：搜索城关街道（约 10 KB）' });
  });

  it('points to 搜索其余 when townships were also left for later, and its button searches both', () => {
    expect(describeAnswer('低保', found([1], [2]), [], lexicon)).toContain('请按下面的“搜索其余”按钮');
    expect(restText(lexicon, [0], [1], [2])).toEqual({
      text: '为节省流量，这次只搜索了部分乡镇，还有 1 个乡镇没有搜索或没有搜完：东风镇其余村。',
      button: '搜索其余乡镇（约 20 KB）',
    });
  });

  it('gives the size of the townships left to search in KB of 1,000 bytes, as every size the project states: 50,000 B is 约 50 KB', () => {
    const big = {
      ...lexicon,
      directory: { ...lexicon.directory, bundles: lexicon.directory.bundles.map((b) => ({ ...b, bytes: 25_000 })) },
    } as SplitLexicon;
    expect(restText(big, [0], [1, 2]).button).toBe('搜索其余 2 个乡镇（约 50 KB）');
  });

  it('names the masked names of the 公示 lists when their bundle could not be searched, and offers to try it again', () => {
    const named = {
      ...lexicon,
      directory: {
        ...lexicon.directory,
        bundles: [...lexicon.directory.bundles, { id: 'names', townships: [], villages: [], pages: 0, bytes: 0, missing: '', names: true }],
      },
    } as unknown as SplitLexicon;
    expect(describeAnswer('马*顺', found([], [3]), [], named)).toContain('公示名单上的姓名这次没能搜索');
    expect(restText(named, [0], [], [3])).toEqual({ text: '', button: '再试一次：搜索公示名单上的姓名' });
  });

  it('does not say nothing exists when the townships searched found nothing and one failed', () => {
    const text = describeAnswer('东关社区路灯', { ...nothingFound([]), scope: { now: [0], later: [], failed: [2] } }, [], lexicon);
    expect(text).toMatch(/^已搜索的乡镇中没有找到/);
    expect(text).not.toContain('错别字');
    expect(text).toContain('城关街道这次没能搜索');
  });
});

describe('what the search page says about a long question answered by pages having most of its words', () => {
  const hit = { id: 'x', data: () => Promise.reject(new Error('unused')) };
  const answer = (complete: number): SearchAnswer<SearchResultData> => ({
    plan: { ...plan, villages: ['马曲村'] },
    outcome: {
      hits: [hit, hit, hit, hit],
      terms: ['五组', '修路', '还欠', '施工'].map((text) => ({ text, found: [text], bySynonym: false, pages: 3 })),
      dropped: [],
      tooBroad: false,
      partial: { complete, optional: ['还欠', '施工'] },
    },
  });

  it('says how many pages have every word, that the rest come after, and which words those may lack', () => {
    expect(describeAnswer('我是马曲村五组的村民修路还欠施工队多少钱', answer(1), [])).toBe(
      '找到 4 条记录（马曲村）。同时含有“五组”和“修路”和“还欠”和“施工”的记录只有 1 条，排在前面；后面 3 条含有其中大部分词语，不一定含“还欠”“施工”。',
    );
  });

  it('says only which words may be missing when no page has them all', () => {
    const text = describeAnswer('马曲村五组修路还欠施工', answer(0), []);
    expect(text).toBe('找到 4 条记录（马曲村）。下面 4 条含有其中大部分词语，不一定含“还欠”“施工”。');
  });
});

describe('what the province portal says about an answer (src/client/province-search.ts)', () => {
  it('says what the county search page says for a long question: the words left out and those the later results may lack', () => {
    const answer: SearchAnswer<SearchResultData> = {
      plan: { ...plan, ignored: ['请问', '花了', '多少钱'] },
      outcome: {
        hits: [0, 1, 2].map((i) => ({ id: `p${i}`, data: () => Promise.reject(new Error('unused')) })),
        terms: ['村史馆', '光伏', '高龄', '工程'].map((text) => ({ text, found: [text], bySynonym: false, pages: 1 })),
        dropped: [],
        tooBroad: false,
        partial: { complete: 1, optional: ['工程'] },
      },
    };
    const portal = describeFound('请问村史馆光伏高龄工程花了多少钱', answer, [], '或到下面的各县站点搜索');
    expect(portal.join(' ')).toBe(describeAnswer('请问村史馆光伏高龄工程花了多少钱', answer, []));
    expect(portal).toEqual([
      '已略去：请问、花了、多少钱。',
      '找到 3 条记录。同时含有“村史馆”和“光伏”和“高龄”和“工程”的记录只有 1 条，排在前面；后面 2 条含有其中大部分词语，不一定含“工程”。',
    ]);
  });
});
