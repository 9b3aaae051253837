/**
 * Long spoken questions (src/lib/search-run.ts runPlan, `partial`): a sentence said into voice input has several
 * content words, and few pages have every one. When they find less than a screen together, the pages having all but
 * one of them (all but a quarter, for eight words or more) follow, those having more words first, and the answer says
 * which words those pages may lack. Short queries are unchanged: every word must match.
 */
import { describe, expect, it } from 'vitest';
import { placeKeys } from '../../src/lib/search-lexicon.ts';
import { planQuery, type SearchLexicon } from '../../src/lib/search-query.ts';
import { PAGE_SIZE, runPlan } from '../../src/lib/search-run.ts';
import { SEARCH_LANGUAGE } from '../../src/lib/search-synonyms.ts';
import { memoryPagefind } from '../helpers/memory-pagefind.ts';

const LEXICON: SearchLexicon = {
  places: [{ name: '马曲村', kind: 'village', keys: placeKeys('马曲村', ['maqu']) }],
  t2s: '',
  ...SEARCH_LANGUAGE,
  words: '五组 硬化 尾款 施工 路灯 公司 开工',
};

// The road of 五组: one page has every word; three have all but one; one has only two of the four.
const ROAD = {
  disclosure: '五组 道路硬化 尾款 施工',
  meeting: '五组 道路硬化 施工',
  ledger: '五组 硬化 尾款',
  vote: '五组 硬化 施工 尾款 尾款',
  unrelated: '五组 施工',
  lamps: '路灯 公司 开工',
};
const ids = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id);

describe('a long question whose words together find few pages', () => {
  it('lists the pages having every word first, then those lacking one word, and says which words they may lack', async () => {
    const r = await runPlan(memoryPagefind(ROAD), planQuery('五组 硬化 尾款 施工', LEXICON));
    expect(ids(r).slice(0, 2).sort()).toEqual(['disclosure', 'vote']);
    expect(ids(r).slice(2).sort()).toEqual(['ledger', 'meeting']);
    expect(r.partial).toEqual({ complete: 2, optional: ['尾款', '施工'] });
    expect(r.dropped).toEqual([]);
  });

  it('never lists a page having only half of the words', async () => {
    const r = await runPlan(memoryPagefind(ROAD), planQuery('五组 硬化 尾款 施工', LEXICON));
    expect(ids(r)).not.toContain('unrelated');
    expect(ids(r)).not.toContain('lamps');
  });

  it('ranks pages by how many of the words they have when a question has eight words or more', async () => {
    const words = ['甲一', '乙二', '丙三', '丁四', '戊五', '己六', '庚七', '辛八'];
    const pages = { all: words.join(' '), seven: words.slice(1).join(' '), six: words.slice(2).join(' '), five: words.slice(3).join(' ') };
    const r = await runPlan(memoryPagefind(pages), planQuery(words.join(' '), { ...LEXICON, words: words.join(' ') }));
    expect(ids(r)).toEqual(['all', 'seven', 'six']);
    expect(r.partial).toEqual({ complete: 1, optional: ['甲一', '乙二'] });
  });

  it('adds nothing when the words together already fill a screen', async () => {
    const many = Object.fromEntries(Array.from({ length: PAGE_SIZE }, (_, i) => [`all${i}`, '五组 硬化 尾款 施工']));
    const r = await runPlan(memoryPagefind({ ...many, meeting: ROAD.meeting }), planQuery('五组 硬化 尾款 施工', LEXICON));
    expect(ids(r)).toHaveLength(PAGE_SIZE);
    expect(r.partial).toBeUndefined();
  });

  it('keeps short queries strict: three words must all match', async () => {
    const r = await runPlan(memoryPagefind(ROAD), planQuery('五组 尾款 施工', LEXICON));
    expect(ids(r).sort()).toEqual(['disclosure', 'vote']);
    expect(r.partial).toBeUndefined();
  });

  it('lists only the pages having every word when those having most would be more than half of all pages', async () => {
    const r = await runPlan(memoryPagefind(ROAD), planQuery('五组 硬化 尾款 施工', LEXICON), {}, 'relevance', { totalPages: 6 });
    expect(ids(r).sort()).toEqual(['disclosure', 'vote']);
    expect(r).toMatchObject({ tooBroad: false });
    expect(r.partial).toBeUndefined();
  });

  it('keeps a list sorted by date to the pages having every word', async () => {
    const r = await runPlan(memoryPagefind(ROAD), planQuery('五组 硬化 尾款 施工', LEXICON), {}, 'newest');
    expect(ids(r).sort()).toEqual(['disclosure', 'vote']);
    expect(r.partial).toBeUndefined();
  });
});
