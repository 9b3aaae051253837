import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatYuan } from '../../src/lib/money.ts';
import { placeKeys, buildT2s } from '../../src/lib/search-lexicon.ts';
import {
  amountTerm,
  moneyTerm,
  monthTerm,
  normalizeQuery,
  parseChineseNumber,
  planQuery,
  separateHan,
  splitTerms,
  t2sMap,
  voucherTerm,
  type SearchLexicon,
} from '../../src/lib/search-query.ts';
import { endAtSentence, startAtSentence, widenMarks } from '../../src/lib/search-excerpts.ts';
import { combineFilters, runPlan } from '../../src/lib/search-run.ts';
import type { SearchVocabulary } from '../../src/lib/search-shards.ts';
import { suggestQuery } from '../../src/lib/search-suggest.ts';
import { SEARCH_LANGUAGE } from '../../src/lib/search-synonyms.ts';
import { memoryPagefind } from '../helpers/memory-pagefind.ts';

const LEXICON: SearchLexicon = {
  places: [
    { name: '马曲村', kind: 'village', keys: placeKeys('马曲村', ['maqu']) },
    { name: '东兴村', kind: 'village', keys: placeKeys('东兴村') },
    { name: '温水村', kind: 'village', keys: placeKeys('温水村') },
    { name: '温水镇', kind: 'township', keys: placeKeys('温水镇') },
    { name: '天成镇', kind: 'township', keys: placeKeys('天成镇') },
  ],
  t2s: '東东興兴務务監监會会員员馬马鎮镇',
  ...SEARCH_LANGUAGE,
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
    expect(plan.villages).toEqual(['东兴村']);
    expect(plan.notes).toEqual(['東興村 → 东兴村']);
  });

  it('searches a word as an exact phrase and as each of its synonyms, never as loose characters', () => {
    const [term] = planQuery('自来水', LEXICON).terms;
    expect(term!.tries).toEqual([
      { query: '"自 来 水"', label: '自来水', synonym: false },
      { query: '"饮 水"', label: '饮水', synonym: true },
      { query: '"供 水"', label: '供水', synonym: true },
    ]);
    expect(planQuery('五保户', LEXICON).terms[0]!.tries.map((t) => t.label)).toContain('特困供养');
    expect(planQuery('两委会', LEXICON).terms[0]!.tries.map((t) => t.label)).toContain('两委联席会议');
  });

  it('tries a plain number as typed and as an amount', () => {
    expect(planQuery('12500', LEXICON).terms[0]!.tries.map((t) => t.query)).toEqual(['"12500"', '"12,500.00"']);
    expect(planQuery('12500.5', LEXICON).terms[0]!.tries.map((t) => t.label)).toEqual(['12500.5', '12,500.50']);
  });

  it('turns a place named in Chinese, traditional characters or pinyin into the place filter, and keeps the other words', () => {
    for (const q of ['马曲村低保', '马曲低保', '低保 maqu', '馬曲村 低保', 'Maqu village 低保']) {
      const plan = planQuery(q, LEXICON);
      expect(plan.villages, q).toEqual(['马曲村']);
      expect(
        plan.terms.map((t) => t.text),
        q,
      ).toEqual(['低保']);
    }
    const plan = planQuery('天成鎮马曲村低保', LEXICON);
    expect(plan.townships).toEqual(['天成镇']);
    expect(plan.villages).toEqual(['马曲村']);
  });

  it('splits a question typed as a sentence into its words and drops the question words', () => {
    const words = (q: string) => planQuery(q, { ...LEXICON, words: '门面房 租金 危房改造 补助' }).terms.map((t) => t.text);
    expect(words('村里修路花了多少钱')).toEqual(['修路']);
    expect(words('危房改造补助多少钱')).toEqual(['危房改造', '补助']);
    expect(words('门面房租金涨了没有')).toEqual(['门面房', '租金', '涨']);
    expect(planQuery('门面房租金涨了没有', LEXICON).terms[2]!.tries.map((t) => t.label)).toContain('调整');
    expect(words('马曲村停车怎么管')).toEqual(['停车']);
    expect(words('请问五保户有哪些？')).toEqual(['五保户']);
    expect(planQuery('村里修路花了多少钱', LEXICON).ignored).toEqual(['村里', '花了', '多少钱']);
  });

  it('hears where the money went as the ledgers, and who got something as the notices that name them', () => {
    expect(planQuery('村里的钱都花到哪里去了', LEXICON)).toMatchObject({ kinds: ['财务收支'], terms: [] });
    expect(planQuery('钱花哪了', LEXICON)).toMatchObject({ kinds: ['财务收支'], terms: [] });
    const who = planQuery('谁拿了低保', LEXICON);
    expect(who.kinds).toEqual(['公示']);
    expect(who.terms.map((t) => t.text)).toEqual(['低保']);
  });

  it('knows the everyday words for what the boards print in official words', () => {
    const tries = (q: string) => planQuery(q, LEXICON).terms.flatMap((t) => [t, ...(t.split ?? [])].flatMap((w) => w.tries.map((x) => x.label)));
    for (const [q, printed] of [
      ['种地补贴', '耕地地力保护补贴'],
      ['五保老人', '特困供养'],
      ['老房子改造', '危房'],
      ['太阳能板', '光伏'],
      ['扶贫资金', '衔接资金'],
      ['租地', '流转'],
      ['养羊', '奶山羊'],
      ['村干部', '社区干部'],
    ] as const)
      expect(tries(q), q).toContain(printed);
  });

  it('reads amounts in 元, 万, 块, ¥, with commas and in Chinese numerals, the way pages print them', () => {
    for (const [q, printed] of [
      ['12500元', '12,500.00'],
      ['1.25万', '12,500.00'],
      ['1.25万元', '12,500.00'],
      ['一万二千五', '12,500.00'],
      ['一万二千五百元', '12,500.00'],
      ['¥12,500', '12,500.00'],
      ['12500块', '12,500.00'],
      ['16.8万', '168,000.00'],
      ['两万', '20,000.00'],
      ['三千块', '3,000.00'],
      ['1万2', '12,000.00'],
      ['3千5块', '3,500.00'],
      ['12,500.00', '12,500.00'],
      ['二万四', '24,000.00'],
      ['一万零五百', '10,500.00'],
    ] as const)
      expect(
        planQuery(q, LEXICON).terms.map((t) => t.text),
        q,
      ).toEqual([printed]);
    expect(parseChineseNumber('一万二千五')).toBe(12500);
    expect(parseChineseNumber('十万零五')).toBe(100_005);
    expect(parseChineseNumber('十二')).toBe(12);
    expect(parseChineseNumber('一二')).toBeUndefined();
    expect(moneyTerm('三组')).toBeUndefined();
  });

  it('searches an amount however it was typed only as pages print it (sentences such as 约2.9万元 get that form from the build, src/lib/search-amounts.ts)', () => {
    for (const q of ['2.9万', '29000元', '二万九', '¥29,000'])
      expect(
        planQuery(q, LEXICON).terms[0]!.tries.map((t) => t.label),
        q,
      ).toEqual(['29,000.00']);
    expect(planQuery('12500元', LEXICON).terms[0]!.tries.map((t) => t.label)).toEqual(['12,500.00']);
  });

  it('reads a year typed with two digits (25年Q3, 25年三季度) as 2025', () => {
    const quarters = ['2025年第三季度'];
    for (const q of ['25年Q3', '25年第三季度', '25Q3 财务']) expect(planQuery(q, { ...LEXICON, quarters }).quarters, q).toEqual(['2025年第三季度']);
    expect(planQuery('25年9月', LEXICON).terms.map((t) => t.text)).toEqual(['2025年9月']);
  });

  it('finds a day typed with its year also where a sentence leaves the year out, when the dated form is rare', () => {
    const tries = planQuery('2025-09-16', LEXICON).terms[0]!.tries;
    expect(tries.map((t) => [t.label, Boolean(t.related)])).toEqual([
      ['2025年9月16日', false],
      ['9月16日', true],
    ]);
  });

  it('searches a day without its closing 日, on every page and a 12 KB index chunk of its own, but shows the whole day as what it found', () => {
    for (const q of ['2025-09-16', '2025年9月16日', '二〇二五年九月十六日']) {
      const tries = planQuery(q, LEXICON).terms[0]!.tries;
      expect(
        tries.map((t) => [t.label, t.query]),
        q,
      ).toEqual([
        ['2025年9月16日', '"2025 年 9 月 16"'],
        ['9月16日', '"9 月 16"'],
      ]);
    }
    // A month keeps its 月: the phrase 2025 年 9 is also in 2025年9—10月.
    expect(planQuery('2025年9月', LEXICON).terms[0]!.tries[0]!.query).toBe('"2025 年 9 月"');
  });

  it('reads dates, months and quarters, and makes a quarter the quarter filter instead of text', () => {
    const quarters = ['2025年第一季度', '2025年第二季度', '2025年第三季度', '2025年第四季度'];
    for (const q of ['三季度', '第三季度', 'Q3', '2025Q3', '2025年第三季度', 'q3 2025', '第3季度']) {
      const plan = planQuery(q, { ...LEXICON, quarters });
      expect(plan.quarters, q).toEqual(['2025年第三季度']);
      expect(plan.terms, q).toEqual([]);
    }
    expect(combineFilters({}, planQuery('低保 三季度', { ...LEXICON, quarters }))).toEqual({ quarter: { any: ['2025年第三季度'] } });
    expect(planQuery('2024年第一季度 低保', { ...LEXICON, quarters }).quarters).toEqual(['2024年第一季度']); // finds nothing, not everything
    expect(planQuery('下半年的账', { ...LEXICON, quarters })).toMatchObject({ quarters: ['2025年第三季度', '2025年第四季度'], kinds: ['财务收支'], terms: [] });
    for (const [q, printed] of [
      ['2025-07-22', '2025年7月22日'],
      ['2025.7.22', '2025年7月22日'],
      ['7月22号', '7月22日'],
      ['2025.9', '2025年9月'],
      ['9月份', '9月'],
      ['2025年9月', '2025年9月'],
    ] as const) {
      expect(
        planQuery(q, LEXICON).terms.map((t) => t.text),
        q,
      ).toEqual([printed]);
    }
  });

  it('reads vouchers in every printed form as the ledger prints them', () => {
    for (const q of ['记-9-2', '记-09-002', '记09-002', '凭证号记-09-002', '记字第9-2号', '凭证 记-9-2'])
      expect(
        planQuery(q, LEXICON).terms.map((t) => t.text),
        q,
      ).toEqual(['记-09-002']);
    expect(voucherTerm('记-07-003')).toBe('记-07-003');
  });

  it('keeps masked names whole, also when typed with 某', () => {
    expect(planQuery('马*顺', LEXICON).terms.map((t) => t.text)).toEqual(['马*顺']);
    expect(planQuery('马某顺', LEXICON).terms.map((t) => t.text)).toEqual(['马*顺']);
  });

  it('reads a two-character name typed with 某 (金某) as the masked name its list prints (金*)', () => {
    expect(planQuery('金*', LEXICON).terms.map((t) => t.text)).toEqual(['金*']);
    expect(planQuery('金某', LEXICON).terms.map((t) => t.text)).toEqual(['金*']);
    expect(planQuery('金某 低保', LEXICON).terms.map((t) => t.text)).toEqual(['金*', '低保']);
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

describe('running a plan', () => {
  const pages = { notice: '低保初审对象公示 低保 低保', disclosure: '全村低保对象30户', other: '保证低温运输' };

  it('returns exactly the pages containing the phrase, ranked by how often its characters occur', async () => {
    const pf = memoryPagefind(pages);
    const r = await runPlan(pf, planQuery('低保', LEXICON));
    expect(r.hits.map((h) => h.id)).toEqual(['notice', 'disclosure']);
    expect(r.dropped).toEqual([]);
  });

  it('never falls back to loose characters: a phrase that is nowhere finds nothing', async () => {
    const r = await runPlan(memoryPagefind(pages), planQuery('低温保', LEXICON));
    expect(r.hits).toEqual([]);
    expect(r.terms[0]).toMatchObject({ text: '低温保', pages: 0 });
  });

  it('needs every term to match', async () => {
    const r = await runPlan(memoryPagefind(pages), planQuery('低保 公示', LEXICON));
    expect(r.hits.map((h) => h.id)).toEqual(['notice']);
  });

  it('relaxes to most of the terms when no page has them all, and says which it dropped', async () => {
    const r = await runPlan(memoryPagefind(pages), planQuery('低保 公示 量子', LEXICON));
    expect(r.dropped).toEqual(['量子']);
    expect(r.hits.map((h) => h.id)).toEqual(['notice']);
    // Two words are not "most of them" after one is dropped: both must match.
    const two = await runPlan(memoryPagefind(pages), planQuery('低保 运输', LEXICON));
    expect(two).toMatchObject({ hits: [], dropped: [] });
  });

  it('shows nothing when a relaxed search would list more than half the pages', async () => {
    const r = await runPlan(memoryPagefind({ a: '公开 低保 村民', b: '公开 村民', c: '公开 村民' }), planQuery('公开 村民 量子', LEXICON), {}, 'relevance', {
      totalPages: 3,
    });
    expect(r).toMatchObject({ hits: [], dropped: ['量子'], tooBroad: true });
  });

  it('searches words typed together as one phrase first, and as separate words when no page has the phrase', async () => {
    const lexicon = { ...LEXICON, words: '核桃 危房改造 补助' };
    const pf = memoryPagefind({ orchard: '集体核桃园承包', transport: '运输核桃', house: '危房改造 每户补助' });
    expect((await runPlan(pf, planQuery('核桃园', lexicon))).hits.map((h) => h.id)).toEqual(['orchard']);
    expect((await runPlan(pf, planQuery('危房改造补助', lexicon))).hits.map((h) => h.id)).toEqual(['house']);
  });

  it('never relaxes words typed together one by one: 量子计算机 is not 计算', async () => {
    const lexicon = { ...LEXICON, words: '量子 计算' };
    const pf = memoryPagefind({ meeting: '结果由票数计算 低保 公示', other: '低保 公示' });
    const r = await runPlan(pf, planQuery('量子计算 低保 公示', lexicon));
    expect(r.dropped).toEqual(['量子计算']);
    expect(r.hits.map((h) => h.id).sort()).toEqual(['meeting', 'other']);
  });

  it('leaves out characters of a sentence that are no word and that no page has, and says so', async () => {
    const pf = memoryPagefind(pages);
    const plan = planQuery('低保呱呱了吗', LEXICON);
    expect(plan.terms.map((t) => [t.text, Boolean(t.guessed)])).toEqual([
      ['低保', false],
      ['呱呱', true],
    ]);
    const r = await runPlan(pf, plan);
    // 低保 found pages, so 呱呱 was not looked up: left out, not said to be missing from the results.
    expect(r.unsearched).toEqual(['呱呱']);
    expect(r.dropped).toEqual([]);
    expect(r.hits.map((h) => h.id)).toEqual(['notice', 'disclosure']);
    // Typed together as one word, or typed alone, they are meant as typed: 低保呱呱 and 低保 呱呱 are nowhere.
    expect((await runPlan(pf, planQuery('低保呱呱', LEXICON))).hits).toEqual([]);
    expect(await runPlan(pf, planQuery('低保 呱呱', LEXICON))).toMatchObject({ hits: [], dropped: [] });
  });

  it('takes a word the pages use often as meant, and looks up its synonyms only when it is rare', async () => {
    const pf = memoryPagefind({ a: '低保', b: '低保', c: '低保', d: '最低生活保障' });
    expect((await runPlan(pf, planQuery('低保', LEXICON))).hits.map((h) => h.id).sort()).toEqual(['a', 'b', 'c']);
    expect((await runPlan(pf, planQuery('最低生活保障', LEXICON))).hits.map((h) => h.id).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('never finds fewer when more townships are searched for the same words: what a narrower search looked up is looked up again', async () => {
    // One township: 低保 is rare there, so its related word 最低生活保障 is looked up too.
    const narrow = await runPlan(memoryPagefind({ a: '低保', d: '最低生活保障' }), planQuery('低保', LEXICON));
    expect(narrow.hits.map((h) => h.id).sort()).toEqual(['a', 'd']);
    expect(narrow.terms[0]).toMatchObject({ text: '低保', expanded: true });
    // The whole county: 低保 alone is common, so by itself the search would no longer find d (搜索其余 showed fewer).
    const county = memoryPagefind({ a: '低保', b: '低保', c: '低保', d: '最低生活保障' });
    expect((await runPlan(county, planQuery('低保', LEXICON))).hits.map((h) => h.id).sort()).toEqual(['a', 'b', 'c']);
    const expand = narrow.terms.filter((t) => t.expanded).map((t) => t.text);
    const wider = await runPlan(county, planQuery('低保', LEXICON), {}, 'relevance', { expand });
    expect(wider.hits.map((h) => h.id).sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('counts a page with a synonym as a match, and says when only the synonym was found', async () => {
    const r = await runPlan(memoryPagefind({ a: '农村饮水安全工程', b: '低保' }), planQuery('自来水', LEXICON));
    expect(r.hits.map((h) => h.id)).toEqual(['a']);
    expect(r.terms[0]).toMatchObject({ found: ['饮水'], bySynonym: true });
  });

  it('lists what the filters select, newest first, when there is no query', async () => {
    const pf = memoryPagefind(pages);
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
    const pf = memoryPagefind(pages);
    expect((await runPlan(pf, planQuery('  ', LEXICON))).hits).toEqual([]);
    expect(pf.queries).toEqual([]);
  });
});

describe('did you mean', () => {
  const vocab: SearchVocabulary = {
    words: [
      ['低保', 'di bao'],
      ['一事一议', 'yi shi yi yi'],
      ['马曲村', 'ma qu cun'],
      ['路灯', 'lu deng'],
      ['宅基地', 'zhai ji di'],
      ['特困供养', 'te kun gong yang'],
      ['合作社', 'he zuo she'],
    ],
    readings: {
      di: '低地弟',
      bao: '保宝包',
      yi: '一议以',
      shi: '事是市',
      ma: '马吗',
      qu: '曲区去',
      cun: '村存',
      lu: '路鹿',
      deng: '灯登',
      zhai: '宅',
      ji: '基几',
      zai: '在',
    },
  };

  it('replaces a word typed with the wrong character of the same sound by the site word', () => {
    expect(suggestQuery('低宝', vocab)).toBe('低保');
    expect(suggestQuery('一是一议', vocab)).toBe('一事一议');
    expect(suggestQuery('马区村低保', vocab)).toBe('马曲村低保');
    expect(suggestQuery('路登', vocab)).toBe('路灯');
  });

  it('reads typed pinyin and sounds people mix up (zh/z)', () => {
    expect(suggestQuery('dibao', vocab)).toBe('低保');
    expect(suggestQuery('zhai ji di', vocab)).toBe('宅基地');
    expect(suggestQuery('在基地', vocab)).toBe('宅基地');
  });

  it('replaces a word typed with one wrong character that does not sound alike, when one site word fits', () => {
    expect(suggestQuery('特因供养', vocab)).toBe('特困供养');
    // 合作医 is no misspelt 合作社: a piece of three characters inside a longer run is not guessed.
    expect(suggestQuery('合作医疗', vocab)).toBeUndefined();
  });

  it('leaves words the site uses alone, and suggests nothing for words that sound like nothing on the site', () => {
    expect(suggestQuery('低保', vocab)).toBeUndefined();
    expect(suggestQuery('量子', vocab)).toBeUndefined();
  });
});

describe('result excerpts', () => {
  it('start at the sentence that holds the first match, not in the middle of the one before, or say with “…” that they do', () => {
    expect(startAtSentence('出2,960.00元，已于6月底完工。 CW-02 <mark>低</mark><mark>保</mark>、特困供养')).toBe(
      'CW-02 <mark>低</mark><mark>保</mark>、特困供养',
    );
    expect(startAtSentence('. 公示中，剩余5天. 公示类型：<mark>低</mark><mark>保</mark>初审。公示期')).toBe(
      '公示类型：<mark>低</mark><mark>保</mark>初审。公示期',
    );
    // Amounts keep their decimal point; a sentence end after the first match stays.
    expect(startAtSentence('支出 经营支出：光伏电站<mark>逆</mark>\u200B<mark>变</mark>维修，1,950.00 元。 记-09-002')).toBe(
      '支出 经营支出：光伏电站<mark>逆</mark>\u200B<mark>变</mark>维修，1,950.00 元。 记-09-002',
    );
    expect(startAtSentence('共计1,950.00元<mark>逆</mark>')).toBe('共计1,950.00元<mark>逆</mark>');
    // Pagefind's window began inside a sentence: “…” says the page's text comes before it; at the page's start, nothing.
    const page = '本方案已经5月16日召开村民代表会议表决通过。';
    expect(startAtSentence('月16日召开村民代表<mark>会议</mark>表决通过。', page)).toBe('…月16日召开村民代表<mark>会议</mark>表决通过。');
    expect(startAtSentence('本方案已经5月16日召开村民代表<mark>会议</mark>', page)).toBe('本方案已经5月16日召开村民代表<mark>会议</mark>');
  });

  it('end at a sentence with “…” when the page goes on, instead of breaking off inside a word', () => {
    const page = '公示中，剩余5天. 公示类型：低保初审。公示期 2025年11月17日起 7 天。如有异议请联系村委会。';
    // Pagefind cut the excerpt after 公 of 公示期: the fragment goes, “…” says the page goes on.
    expect(endAtSentence('公示类型：<mark>低</mark><mark>保</mark>初审。公', page)).toBe('公示类型：<mark>低</mark><mark>保</mark>初审。…');
    // The excerpt reaches the page's end: nothing is cut, nothing added (a voucher number after the last 。 stays).
    const entry = '支出 经营支出：光伏电站逆变维修，1,950.00 元。 记-09-002';
    expect(endAtSentence('经营支出：光伏电站<mark>逆</mark><mark>变</mark>维修，1,950.00 元。 记-09-002', entry)).toBe(
      '经营支出：光伏电站<mark>逆</mark><mark>变</mark>维修，1,950.00 元。 记-09-002',
    );
    // No sentence end after the last match: cutting would lose the match, so the excerpt is kept, and “…” added.
    expect(endAtSentence('公示类型：<mark>低</mark><mark>保</mark>初审', page)).toBe('公示类型：<mark>低</mark><mark>保</mark>初审…');
    // Pagefind's block end ". " is a sentence end too; amounts' decimal points are not.
    expect(endAtSentence('剩余5天. <mark>公示</mark>类型. 低保初', page)).toBe('剩余5天. <mark>公示</mark>类型.…');
    // A table row's number is a cell of its own (“2. ”), not a sentence: the excerpt does not end in “2.…”.
    const table = '1. 项目总投资. 36,000.00. 维修四组生产路1.2公里. 2. 申请一事一议财政奖补. 20,000.00.';
    expect(endAtSentence('<mark>维修</mark>四组生产路1.2公里. 2. 申请一事', table)).toBe('<mark>维修</mark>四组生产路1.2公里.…');
  });

  it('mark the whole word a villager searched for, not only the piece the search looked up (报酬 searched by 酬)', () => {
    const words = ['报酬', '误工补贴'];
    expect(widenMarks('2025年7—9月村干部基本报<mark>酬</mark>，19,800.00 元', words)).toBe('2025年7—9月村干部基本<mark>报酬</mark>，19,800.00 元');
    expect(widenMarks('<mark>误</mark>工补贴 600 元；另付报<mark>酬</mark>', words)).toBe('<mark>误工补贴</mark> 600 元；另付<mark>报酬</mark>');
    // Per-character marks become one; a word not marked anywhere stays unmarked; other marks are kept as they are.
    expect(widenMarks('<mark>低</mark><mark>保</mark>名单，报酬另计', ['低保', '报酬'])).toBe('<mark>低保</mark>名单，报酬另计');
    expect(widenMarks('公示<mark>期</mark>满', words)).toBe('公示<mark>期</mark>满');
  });

  it('never change an excerpt’s text when widening its marks, and only ever mark more', () => {
    const piece = fc.constantFrom('报', '酬', '低', '保', '，', '1,950.00', ' ', '&lt;');
    const excerpt = fc.array(fc.tuple(piece, fc.boolean()), { maxLength: 30 });
    fc.assert(
      fc.property(excerpt, fc.array(fc.constantFrom('报酬', '低保', '保报', '酬'), { maxLength: 3 }), (parts, words) => {
        const before = parts.map(([t, m]) => (m ? `<mark>${t}</mark>` : t)).join('');
        const after = widenMarks(before, words);
        const strip = (x: string) => x.replace(/<\/?mark>/g, '');
        expect(strip(after)).toBe(strip(before));
        const markedChars = (x: string) => [...x.matchAll(/<mark>([^<]*)<\/mark>/g)].reduce((n, m) => n + m[1]!.length, 0);
        expect(markedChars(after)).toBeGreaterThanOrEqual(markedChars(before));
      }),
    );
  });
});
