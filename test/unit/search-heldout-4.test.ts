/**
 * Issue 12, fourth held-out round (test/search-eval/heldout-4.json): what voice input writes (fillers, dates in
 * Chinese numerals), dates and vouchers typed with slashes or spaces, a masked name with words after it, a place
 * named by its office, a filler character inside an unknown word, English words, words typed together found apart,
 * and common words widened before any is left out.
 */
import { describe, expect, it } from 'vitest';
import { planQuery, spokenDates, type SearchLexicon } from '../../src/lib/search-query.ts';
import { runPlan } from '../../src/lib/search-run.ts';
import { SEARCH_LANGUAGE } from '../../src/lib/search-synonyms.ts';
import { memoryPagefind } from '../helpers/memory-pagefind.ts';

const LEXICON: SearchLexicon = {
  places: [
    { name: '马曲村', kind: 'village', keys: ['maqu'] },
    { name: '东关社区', kind: 'village', keys: ['dongguan'] },
    { name: '天成镇', kind: 'township', keys: ['tianchengzhen'] },
  ],
  t2s: '',
  words: '宅基地 一事一议 补贴 补助 低保 中秋节 慰问 光伏 电站 收益',
  ...SEARCH_LANGUAGE,
};
const terms = (q: string) => planQuery(q, LEXICON).terms.map((t) => t.text);
const labels = (q: string) => planQuery(q, LEXICON).terms.map((t) => t.tries.map((x) => x.label));

describe('what voice input writes down', () => {
  it('drops the spoken fillers around a question: 就是那个一事一议的钱 searches 一事一议', () => {
    const plan = planQuery('就是那个一事一议的钱', LEXICON);
    expect(plan.terms.map((t) => t.text)).toEqual(['一事一议']);
    expect(plan.ignored).toEqual(expect.arrayContaining(['就是', '那个']));
    expect(terms('嗯 呃 低保')).toEqual(['低保']);
  });

  it('reads a date said in Chinese numerals: 二〇二五年七月二十二日 is 2025年7月22日, 七月二十二号 is 7月22日', () => {
    expect(terms('二〇二五年七月二十二日')).toEqual(['2025年7月22日']);
    expect(terms('二零二五年十月')).toEqual(['2025年10月']);
    expect(terms('七月二十二号')).toEqual(['7月22日']);
    expect(spokenDates('十二月三十一日')).toBe('12月31日');
    // Numbers that are no date stay as they were.
    expect(spokenDates('一二三四五')).toBe('一二三四五');
  });
});

describe('dates and vouchers typed with slashes, spaces and other dashes', () => {
  it('reads 2025/6/18 as one day and 2025/9 as one month, though / also separates words', () => {
    expect(terms('2025/6/18')).toEqual(['2025年6月18日']);
    expect(terms('2025/9')).toEqual(['2025年9月']);
  });

  it('reads a voucher typed with spaces or dashes of every width: 记 08 003, 记—07—003, 记字第 9 - 2 号', () => {
    expect(terms('记 08 003')).toEqual(['记-08-003']);
    expect(terms('记—07—003')).toEqual(['记-07-003']);
    expect(terms('记字第 9 - 2 号')).toEqual(['记-09-002']);
    // 登记 is a word, not a voucher.
    expect(terms('登记 08 003')).not.toContain('记-08-003');
  });
});

describe('names, places and unknown words', () => {
  it('keeps a masked name apart from the words typed after it: 田*明的宅基地 is 田*明 and 宅基地', () => {
    expect(terms('田*明的宅基地')).toEqual(['田*明', '宅基地']);
    expect(terms('低保马*顺')).toEqual(['低保', '马*顺']);
  });

  it('takes a place named by its office as the place: 马曲村委会, 东关居委会, 天成镇政府', () => {
    expect(planQuery('马曲村委会', LEXICON)).toMatchObject({ terms: [], villages: ['马曲村'] });
    expect(planQuery('东关居委会 低保', LEXICON)).toMatchObject({ villages: ['东关社区'] });
    expect(terms('东关居委会 低保')).toEqual(['低保']);
    expect(planQuery('天成镇政府', LEXICON)).toMatchObject({ terms: [], townships: ['天成镇'] });
  });

  it('keeps a one-character filler inside a word the site does not have: 退耕还林补贴 is not 补贴 alone', () => {
    const plan = planQuery('退耕还林补贴', LEXICON);
    expect(plan.terms.map((t) => [t.text, t.split?.map((s) => s.text)])).toEqual([['退耕还林补贴', ['退耕还林', '补贴']]]);
    expect(plan.ignored).not.toContain('还');
  });

  it('searches English words as the boards’ words: Maqu solar is 光伏 in 马曲村, street lights is 路灯', () => {
    expect(planQuery('Maqu solar', LEXICON)).toMatchObject({ villages: ['马曲村'] });
    expect(labels('Maqu solar')).toEqual([['solar', '光伏', '太阳能']]);
    expect(labels('street lights')).toEqual([['street light', '路灯']]);
    expect(labels('water project')).toEqual([
      ['water', '饮水', '供水'],
      ['project', '工程', '项目'],
    ]);
  });
});

describe('running words typed together and common words', () => {
  it('finds words typed together as one phrase first, then apart: 中秋节慰问 also finds 中秋节前慰问', async () => {
    const pf = memoryPagefind({ ledger: '中秋节慰问困难群众', disclosure: '中秋节前慰问困难居民30户', volunteers: '中秋节前为老人送月饼' });
    const r = await runPlan(pf, planQuery('中秋节慰问', LEXICON));
    expect(r.hits.map((h) => h.id)).toEqual(['ledger', 'disclosure']);
  });

  it('finds a name that is a character and a word (权建设) only as typed', async () => {
    const lexicon = { ...LEXICON, words: '建设' };
    const pf = memoryPagefind({ ledger: '经手 权建设', other: '村庄建设 权利' });
    expect((await runPlan(pf, planQuery('权建设', lexicon))).hits.map((h) => h.id)).toEqual(['ledger']);
  });

  it('finds words apart as typed, not by their synonyms: 工程尾款 is not 工程 … 质保金', async () => {
    const pf = memoryPagefind({ road: '工程尾款', roadNote: '村道硬化工程 尾款及质保金', water: '饮水工程 质保金' });
    const r = await runPlan(pf, planQuery('工程尾款', { ...LEXICON, words: '工程 尾款' }));
    expect(r.hits.map((h) => h.id)).toEqual(['road', 'roadNote']);
  });

  it('widens a common word to its related words before leaving any word out: 修房子补贴 finds the 危房改造 notice that says 补助', async () => {
    const pf = memoryPagefind({ notice: '危房改造 补助资金', a: '耕地地力保护补贴', b: '养殖补贴', c: '误工补贴' });
    const r = await runPlan(pf, planQuery('修房子补贴', LEXICON));
    expect(r.hits.map((h) => h.id)).toEqual(['notice']);
    expect(r.dropped).toEqual([]);
  });
});

describe('words of the fourth held-out round', () => {
  it('searches cadre pay said as a subsidy (村官补贴, 干部补贴) as the ledgers’ 报酬', () => {
    expect(labels('村官补贴')).toEqual([['村官补贴', '报酬', '误工补贴']]);
    expect(labels('干部补贴')).toEqual([['干部补贴', '报酬', '误工补贴']]);
  });

  it('searches everyday words for paid jobs as the ledgers say them: 扫大街 is 保洁, 漏水 is 防水', () => {
    expect(labels('扫大街的钱')).toEqual([['扫大街', '保洁']]);
    expect(labels('漏水')).toEqual([['漏水', '防水']]);
  });
});
