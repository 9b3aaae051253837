/**
 * Long spoken questions (src/lib/search-run.ts runPlan, `partial`): a sentence said into voice input has several
 * content words, and few pages have every one. When they find less than a screen together, the pages having all but
 * one of them (all but a quarter, for eight words or more) follow, those having more words first, and the answer says
 * which words those pages may lack. Short queries are unchanged: every word must match.
 */
import { describe, expect, it } from 'vitest';
import { placeKeys } from '../../src/lib/search-lexicon.ts';
import { planQuery, type SearchLexicon } from '../../src/lib/search-query.ts';
import { indexWords } from '../../src/lib/search-bundles.ts';
import { PAGE_SIZE, runPlan, runSearch } from '../../src/lib/search-run.ts';
import { SEARCH_LANGUAGE } from '../../src/lib/search-synonyms.ts';
import { memoryPagefind } from '../helpers/memory-pagefind.ts';

const LEXICON: SearchLexicon = {
  places: [{ name: '马曲村', kind: 'village', keys: placeKeys('马曲村', ['maqu']) }],
  t2s: '',
  ...SEARCH_LANGUAGE,
  words: '五组 硬化 尾款 施工 路灯 公司 开工 光伏 电站 逆变器',
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

// Issue 18: the first query of a long question stays within 150 KB at 300 villages. Each word searched reads an index
// chunk per character, and each word did-you-mean looks up loads vocabulary shards.
describe('what a long question reads on its first query', () => {
  // No page has 五组, 硬化, 尾款 and 施工 together; 人家 is no word of the site (a guessed word).
  const apart = { road: '五组 硬化 施工', rest: '尾款 人家' };

  it('does not look up the characters of a long question that are no word of the site, even when its own words find nothing together', async () => {
    const pagefind = memoryPagefind(apart);
    const r = await runPlan(pagefind, planQuery('请问五组硬化尾款施工那个人家', LEXICON));
    expect(pagefind.queries).not.toContain('"人 家"');
    expect(r.unsearched).toEqual(['人家']);
    // The page having most of its own words answers it.
    expect(ids(r)).toEqual(['road']);
  });

  it('still looks them up in a short query whose words find nothing together', async () => {
    const pagefind = memoryPagefind(apart);
    await runPlan(pagefind, planQuery('五组 尾款 人家', LEXICON));
    expect(pagefind.queries).toContain('"人 家"');
  });

  it('does not download the did-you-mean vocabulary for words of a long question its other words left unsearched', async () => {
    const pages = { inverter: '马曲村 光伏电站 逆变器 维修', other: '光伏电站 发电收益' };
    const asked: string[] = [];
    const loadVocabulary = async (query: string) => {
      asked.push(query);
      return { words: [], readings: {} };
    };
    const r = await runSearch(memoryPagefind(pages), LEXICON, '光伏电站的逆变器坏了修好了没有', {}, 'relevance', { loadVocabulary });
    expect(r.outcome.hits.map((h) => h.id)).toEqual(['inverter']);
    // 坏 goes with the word before it (逆变器坏, or 逆变器: spoken17); 修好 is no word of the site.
    expect(r.outcome.unsearched).toEqual(['修好']);
    expect(asked).toEqual([]);
    // A short query's unsearched word may be misspelt (低宝 beside 名单): there it is still looked up.
    await runSearch(memoryPagefind(pages), LEXICON, '光伏 坏了修好', {}, 'relevance', { loadVocabulary });
    expect(asked).toEqual(['坏了修好']);
  });

  // 施工 is on many pages (the lexicon's common words); no page has two of 五组, 硬化 and 尾款.
  const scattered = { a: '五组 施工', b: '硬化 施工', c: '尾款 施工' };
  const question = '请问五组施工硬化尾款那个人家';

  it('searches a long question’s common words last and leaves them unsearched once no page can have most of its words', async () => {
    const pagefind = memoryPagefind(scattered);
    const r = await runPlan(pagefind, planQuery(question, LEXICON), {}, 'relevance', { common: '施工1 村民2' });
    expect(pagefind.queries).not.toContain('"施 工"');
    expect(r.unsearched).toEqual(['施工', '人家']);
    // The same answer as searching every word: no page has most of them.
    const all = await runPlan(memoryPagefind(scattered), planQuery(question, LEXICON));
    expect(ids(r)).toEqual([]);
    expect(ids(all)).toEqual([]);
  });

  it('still searches the common word when a page could have most of the words with it', async () => {
    const pagefind = memoryPagefind({ ...scattered, road: '五组 硬化 尾款' });
    const r = await runPlan(pagefind, planQuery(question, LEXICON), {}, 'relevance', { common: '施工1' });
    expect(pagefind.queries).toContain('"施 工"');
    expect(ids(r)).toEqual(['road']);
  });

  it('counts the synonyms of an English word among the index words a query reads, so a township of two bundles opens one first', () => {
    expect(indexWords(planQuery('road repair', LEXICON))).toEqual(['road', '村', '道', '路', '生', '产', '硬', '化', 'repair', '维', '修']);
  });
});
