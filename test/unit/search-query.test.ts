import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatYuan } from '../../src/lib/money.ts';
import { placeKeys, buildT2s } from '../../src/lib/search-lexicon.ts';
import { amountTerm, monthTerm, normalizeQuery, planQuery, separateHan, splitOffPlaces, splitTerms, t2sMap, type SearchLexicon } from '../../src/lib/search-query.ts';
import { combineFilters, runPlan, type PagefindLike } from '../../src/lib/search-run.ts';

const LEXICON: SearchLexicon = {
  places: [
    { name: '马曲村', kind: 'village', keys: placeKeys('马曲村', ['maqu']) },
    { name: '东兴村', kind: 'village', keys: placeKeys('东兴村') },
    { name: '温水村', kind: 'village', keys: placeKeys('温水村') },
    { name: '温水镇', kind: 'township', keys: placeKeys('温水镇') },
    { name: '天成镇', kind: 'township', keys: placeKeys('天成镇') },
  ],
  t2s: '東东興兴務务監监會会員员',
};

describe('Han characters each become a word', () => {
  it('puts the separator between Han characters and at Han/other boundaries only', () => {
    expect(separateHan('马曲村2025年9月', ' ')).toBe('马 曲 村 2025 年 9 月');
    expect(separateHan('记-07-003', ' ')).toBe('记 -07-003');
    expect(separateHan('马*顺', ' ')).toBe('马 * 顺');
    expect(separateHan('12,500.00 元', ' ')).toBe('12,500.00 元');
  });

  it('never changes the text apart from the separators, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'低保宅基地村 -*,.0123456789abc（），') }), (s) => {
        const once = separateHan(s, '\u200B');
        expect(once.replace(/\u200B/g, '')).toBe(s);
        expect(separateHan(once, '\u200B')).toBe(once);
      }),
    );
  });
});

describe('what a villager types is normalised', () => {
  it('turns full-width characters into half-width and traditional into simplified', () => {
    expect(normalizeQuery('１２，５００．００', new Map())).toBe('12,500.00');
    expect(normalizeQuery('東興村 “監督”', t2sMap(LEXICON))).toBe('东兴村 监督');
  });

  it('splits on spaces and punctuation but keeps voucher numbers, masked names and amounts whole', () => {
    expect(splitTerms('马曲村 低保，宅基地、光伏')).toEqual(['马曲村', '低保', '宅基地', '光伏']);
    expect(splitTerms('记-07-003 马*顺 12,500.00')).toEqual(['记-07-003', '马*顺', '12,500.00']);
    expect(splitTerms('低保, 12,500')).toEqual(['低保', '12,500']);
  });

  it('reads months the way pages print them', () => {
    expect(monthTerm('2025-09')).toBe('2025年9月');
    expect(monthTerm('2025/9')).toBe('2025年9月');
    expect(monthTerm('九月')).toBe('9月');
    expect(monthTerm('十二月份')).toBe('12月');
    expect(monthTerm('2025-13')).toBeUndefined();
    expect(monthTerm('低保')).toBeUndefined();
  });

  it('reads amounts the way pages print them, for any amount', () => {
    expect(amountTerm('12500.5')).toBe('12,500.50');
    expect(amountTerm('12,500')).toBe('12,500.00');
    expect(amountTerm('12,50')).toBeUndefined();
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 ** 13 }), (fen) => void expect(amountTerm(formatYuan(fen))).toBe(formatYuan(fen))));
  });
});

describe('the query plan', () => {
  it('reads a village name in pinyin or initials as that village', () => {
    for (const q of ['maqu', 'maqucun', 'mqc', 'Ma Qu Cun', "ma'qu"]) {
      const plan = planQuery(q, LEXICON);
      expect(plan.villages, q).toEqual(['马曲村']);
      expect(plan.terms, q).toEqual([]);
    }
  });

  it('keeps the other words of a pinyin query as terms', () => {
    const plan = planQuery('maqu 低保', LEXICON);
    expect(plan.villages).toEqual(['马曲村']);
    expect(plan.terms.map((t) => t.text)).toEqual(['低保']);
    expect(plan.notes).toContain('maqu → 马曲村');
  });

  it('finds traditional characters as simplified and says so', () => {
    const plan = planQuery('東興村', LEXICON);
    expect(plan.terms.map((t) => t.text)).toEqual(['东兴村']);
    expect(plan.notes).toEqual(['東興村 → 东兴村']);
  });

  it('searches every term as an exact phrase first and all its characters anywhere last', () => {
    const [term] = planQuery('危房改造', LEXICON).terms;
    expect(term!.tries).toEqual([
      { query: '"危 房 改 造"', exact: true, label: '危房改造' },
      { query: '危 房 改 造', exact: false, label: '危房改造' },
    ]);
  });

  it('tries a plain number as an amount when it is not found as typed', () => {
    expect(planQuery('12500', LEXICON).terms[0]!.tries.map((t) => t.query)).toEqual(['"12500"', '"12,500.00"', '12500']);
    expect(planQuery('12500.5', LEXICON).terms[0]!.tries[0]!.query).toBe('"12,500.50"');
  });

  it('separates a place name from the words typed with it, but never cuts a name apart', () => {
    expect(planQuery('马曲村低保', LEXICON).terms.map((t) => t.text)).toEqual(['马曲村', '低保']);
    expect(planQuery('天成镇马曲村低保', LEXICON).terms.map((t) => t.text)).toEqual(['天成镇', '马曲村', '低保']);
    expect(splitOffPlaces('马曲村', [...LEXICON.places, { name: '曲村', kind: 'village', keys: [] }])).toEqual(['马曲村']);
    expect(splitOffPlaces('东兴村村委会', LEXICON.places)).toEqual(['东兴村', '村委会']);
  });

  it('limits results to the chosen village, and finds nothing when pinyin names another village', () => {
    const plan = planQuery('maqu', LEXICON);
    expect(combineFilters({}, plan)).toEqual({ village: { any: ['马曲村'] } });
    expect(combineFilters({ village: '马曲村', year: '2025年' }, plan)).toEqual({ village: '马曲村', year: '2025年' });
    expect(combineFilters({ village: '东兴村' }, plan)).toBeUndefined();
  });
});

describe('the lexicon', () => {
  it('spells a place in full pinyin, without its suffix, and by initials', () => {
    expect(placeKeys('马曲村', ['maqu'])).toEqual(['maqu', 'maqucun', 'mq', 'mqc']);
    expect(placeKeys('东关社区')).toEqual(['dg', 'dgsq', 'dongguan', 'dongguanshequ']);
  });

  it('maps only traditional characters whose simplified form is in the index', () => {
    const t2s = t2sMap({ t2s: buildT2s(new Set(['东', '兴', '村', '监', '督'])) });
    expect(t2s.get('東')).toBe('东');
    expect(t2s.get('興')).toBe('兴');
    expect(t2s.get('監')).toBe('监');
    expect(t2s.has('會')).toBe(false); // 会 is not in this index
    expect(t2s.has('村')).toBe(false); // the same in both
  });
});

/** An in-memory Pagefind: pages with text; exact = substring of the spaced-out phrase, loose = all words. */
function fakePagefind(pages: Record<string, string>): PagefindLike<string> & { queries: string[] } {
  const queries: string[] = [];
  return {
    queries,
    async search(term) {
      queries.push(String(term));
      const exact = /^".*"$/.test(term ?? '');
      const words = (term ?? '').replace(/"/g, '').split(' ').filter(Boolean);
      const results = Object.entries(pages)
        .filter(([, text]) => (exact ? text.includes(words.join('')) : words.every((w) => text.includes(w))))
        .map(([id, text]) => ({ id, score: words.reduce((s, w) => s + text.split(w).length - 1, 0), data: async () => id }));
      return { results };
    },
  };
}

describe('running a plan', () => {
  const pages = { notice: '低保初审对象公示 低保 低保', disclosure: '全村低保对象30户', other: '保证低温运输' };

  it('returns exactly the pages containing the phrase, ranked by how often its characters occur', async () => {
    const pf = fakePagefind(pages);
    const r = await runPlan(pf, planQuery('低保', LEXICON));
    expect(r.hits.map((h) => h.id)).toEqual(['notice', 'disclosure']);
    expect(r.exact).toBe(true);
  });

  it('falls back to pages with all the characters when the phrase is nowhere, and says it is not exact', async () => {
    const r = await runPlan(fakePagefind(pages), planQuery('低温保', LEXICON));
    expect(r.hits.map((h) => h.id)).toEqual(['other']);
    expect(r.exact).toBe(false);
    expect(r.terms[0]).toMatchObject({ text: '低温保', exact: false, found: 1 });
  });

  it('needs every term to match', async () => {
    const r = await runPlan(fakePagefind(pages), planQuery('低保 公示', LEXICON));
    expect(r.hits.map((h) => h.id)).toEqual(['notice']);
  });

  it('lists what the filters select, newest first, when there is no query', async () => {
    const pf = fakePagefind(pages);
    let options: unknown;
    pf.search = async (term, o) => {
      options = o;
      return { results: term === null ? [{ id: 'notice', score: 1, data: async () => 'notice' }] : [] };
    };
    const r = await runPlan(pf, planQuery('maqu', LEXICON));
    expect(r.hits.map((h) => h.id)).toEqual(['notice']);
    expect(options).toEqual({ filters: { village: { any: ['马曲村'] } }, sort: { date: 'desc' } });
  });

  it('finds nothing, without searching, for an empty query and no filters', async () => {
    const pf = fakePagefind(pages);
    expect((await runPlan(pf, planQuery('  ', LEXICON))).hits).toEqual([]);
    expect(pf.queries).toEqual([]);
  });
});
