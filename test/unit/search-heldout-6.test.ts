/**
 * Session 16, sixth held-out round (test/search-eval/heldout-6.json): masked names typed with other marks, amounts
 * said with digits and units or roughly, counts in Chinese numerals, 今年/去年/前年, English words no table knows, and
 * the dialect words of older villagers.
 */
import { describe, expect, it } from 'vitest';
import { moneyTerm, planQuery, type SearchLexicon } from '../../src/lib/search-query.ts';
import { suggestQuery } from '../../src/lib/search-suggest.ts';
import { SEARCH_LANGUAGE } from '../../src/lib/search-synonyms.ts';

const LEXICON: SearchLexicon = {
  places: [
    { name: '东关社区', kind: 'village', keys: ['dongguan', 'dgsq'] },
    { name: '温水村', kind: 'village', keys: ['wenshui'] },
  ],
  t2s: '',
  words: '低保 宅基地 路灯 分红 玉米 理发 砂石 生产路 维修 海燕 水渠 中秋节 慰问',
  quarters: ['2025年第一季度', '2025年第三季度', '2025年第二季度', '2025年第四季度'],
  ...SEARCH_LANGUAGE,
};
const texts = (q: string) => planQuery(q, LEXICON).terms.map((t) => t.text);

describe('masked names typed the way people mask them', () => {
  it('reads ×, x, 〇 and ○ inside a name as the page’s *: 马×顺, 孙x国宅基地 and 赵〇玲 find 马*顺, 孙*国 and 赵*玲', () => {
    expect(texts('马×顺')).toEqual(['马*顺']);
    expect(texts('孙x国宅基地')).toEqual(['孙*国', '宅基地']);
    expect(texts('赵〇玲')).toEqual(['赵*玲']);
    expect(texts('赵○玲')).toEqual(['赵*玲']);
  });

  it('reads 某某 after a surname as the whole given name hidden: 张某某低保 looks for 张* and 低保', () => {
    expect(texts('张某某低保')).toEqual(['张*', '低保']);
  });

  it('leaves 〇 in a date typed in Chinese numerals alone: 二〇二五年七月 is July 2025', () => {
    expect(texts('二〇二五年七月')).toEqual(['2025年7月']);
  });
});

describe('amounts and counts as people say them', () => {
  it('reads digits with their units: 21万4千8 is 214,800.00 and 2千1百8 is 2,180.00, as 3万6 is 36,000.00', () => {
    expect(moneyTerm('21万4千8')).toBe('214,800.00');
    expect(moneyTerm('2千1百8')).toBe('2,180.00');
    expect(moneyTerm('3万6')).toBe('36,000.00');
    expect(moneyTerm('5千2块')).toBe('5,200.00');
    expect(moneyTerm('3千5万')).toBeUndefined();
    expect(texts('21万4千8')).toEqual(['214,800.00']);
  });

  it('leaves out an amount said roughly (两万多, 三千来块, 一万左右) and says so, instead of searching 20,000.00', () => {
    for (const q of ['路灯花了两万多', '路灯三千来块', '路灯一万左右']) {
      const plan = planQuery(q, LEXICON);
      expect(
        plan.terms.map((t) => t.text),
        q,
      ).toEqual(['路灯']);
      expect(plan.ignored.join(' '), q).toMatch(/两万多|三千来块|一万左右/);
    }
  });

  it('writes counts in Chinese numerals as pages print them: 一百二十亩地 looks for 120亩, while 一户一宅 stays a phrase', () => {
    expect(texts('一百二十亩地')).toEqual(['120亩']);
    expect(texts('五十八盏')).toEqual(['58盏']);
    expect(texts('一户一宅').join(' ')).not.toMatch(/\d/);
  });
});

describe('years counted back from the newest the index has', () => {
  it('reads 去年的账 and 前年开的会 as the records of 2024 and 2023: filters that find nothing here, not every ledger', () => {
    expect(planQuery('去年的账', LEXICON)).toMatchObject({
      terms: [],
      kinds: ['财务收支'],
      quarters: ['2024年第一季度', '2024年第二季度', '2024年第三季度', '2024年第四季度'],
    });
    expect(planQuery('前年开的会', LEXICON).quarters).toEqual(['2023年第一季度', '2023年第二季度', '2023年第三季度', '2023年第四季度']);
  });

  it('reads 今年上半年 as the first two quarters of the newest year, and 去年的分红 as the pages naming 2024', () => {
    expect(planQuery('今年上半年的账', LEXICON).quarters.sort()).toEqual(['2025年第一季度', '2025年第二季度']);
    expect(texts('去年的分红')).toEqual(['分红', '2024年']);
    expect(planQuery('去年三季度', LEXICON).quarters).toEqual(['2024年第三季度']);
  });
});

describe('English and dialect words', () => {
  it('leaves an English word no table knows to be dropped when the rest finds pages (Dongguan street lamp), but keeps pinyin for did-you-mean', () => {
    const plan = planQuery('Dongguan street lamp', LEXICON);
    expect(plan.villages).toEqual(['东关社区']);
    expect(plan.terms.find((t) => t.text === 'street')?.guessed).toBe(true);
    expect(planQuery('dibao list', LEXICON).terms.find((t) => t.text === 'dibao')?.guessed).toBeFalsy();
  });

  it('reads two English words that are one key with a plural: party dues is 党费, electricity bill 电费', () => {
    expect(planQuery('party dues', LEXICON).terms.flatMap((t) => t.tries.map((x) => x.label))).toContain('党费');
    expect(planQuery('electricity bill', LEXICON).terms.flatMap((t) => t.tries.map((x) => x.label))).toContain('电费');
  });

  it('reads the words of older villagers: 苞谷 is 玉米, 剃头 is 理发, 沙子 is 砂石, and 额们村/俺们 are fillers', () => {
    const labels = (q: string) => planQuery(q, LEXICON).terms.flatMap((t) => t.tries.map((x) => x.label));
    expect(labels('苞谷')).toContain('玉米');
    expect(labels('剃头')).toContain('理发');
    expect(labels('修路的沙子钱')).toContain('砂石');
    expect(planQuery('额们村的账', LEXICON)).toMatchObject({ terms: [], kinds: ['财务收支'] });
  });
});

describe('pinyin typed a syllable at a time, and slips that look like amounts', () => {
  it('joins pinyin typed a syllable at a time into one word (lu deng → ludeng, zhai ji di → zhaijidi), but not English or whole words', () => {
    expect(texts('dgsq lu deng')).toEqual(['ludeng']);
    expect(planQuery('dgsq lu deng', LEXICON).villages).toEqual(['东关社区']);
    expect(texts('zhai ji di')).toEqual(['zhaijidi']);
    expect(texts('guangfu shouyi')).toEqual(['guangfu', 'shouyi']);
  });

  it('corrects syllables typed apart beside other words: dgsq lu deng → dgsq 路灯, lu deng gai zao → 路灯 改造', () => {
    const vocab = {
      words: [
        ['路灯', 'lu deng'],
        ['改造', 'gai zao'],
        ['低保', 'di bao'],
      ] as [string, string][],
      readings: {},
    };
    expect(suggestQuery('dgsq lu deng', vocab)).toBe('dgsq 路灯');
    expect(suggestQuery('东关 lu deng gai zao', vocab)).toBe('东关 路灯 改造');
    expect(suggestQuery('dibao Dongguan', vocab)).toBe('低保 Dongguan');
  });

  it('reads 亿 with no 元 as a slip, not an amount: 一事一亿 is left for did-you-mean (一事一议), while 一亿元 is 100,000,000.00', () => {
    expect(texts('一事一亿').join(' ')).not.toContain('100,000,000.00');
    expect(moneyTerm('一亿元')).toBe('100,000,000.00');
  });
});

describe('months named by a holiday or a season', () => {
  it('reads 国庆节后开的会 as the meetings of October and 年底的账 as December’s rows', () => {
    expect(planQuery('国庆节后开的会', LEXICON)).toMatchObject({ terms: [{ text: '10月' }], kinds: ['会议决议'] });
    expect(texts('年底的账')).toEqual(['12月']);
    expect(texts('今年中秋节慰问')).toEqual(['中秋节慰问']);
  });
});

describe('a person’s name', () => {
  it('never finds a name by its given name alone: 王海燕 is not searched as 海燕 (another person’s records), while 修水渠 is still 修 and 水渠', () => {
    expect(planQuery('王海燕', LEXICON).terms).toMatchObject([{ text: '王海燕' }]);
    expect(planQuery('王海燕', LEXICON).terms[0]!.split).toBeUndefined();
    expect(planQuery('修水渠', LEXICON).terms[0]!.split?.map((t) => t.text)).toEqual(['水渠']);
  });
});
