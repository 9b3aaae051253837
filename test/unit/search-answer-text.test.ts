/**
 * The sentence the search page says about an answer (src/client/search-results.ts). When the first search left
 * townships for later to keep its download small and found nothing in the ones it searched, a villager must not be told
 * that nothing exists: the records may be in the townships not yet searched.
 */
import { describe, expect, it } from 'vitest';
import { describeAnswer } from '../../src/client/search-results.ts';
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
});
