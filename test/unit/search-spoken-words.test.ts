/**
 * Session 17 (spoken17, test/search-eval/heldout-8.json): a character that is part of a word is never left out as a
 * filler or a stray character. The site's words decide (the lexicon's `words`, synonyms and fillers), never a list of
 * the words it happens to work for: a verb and its object said apart (修了路), a character typed against a word (产业路),
 * a filler holding the first half of a word (一个月饼).
 */
import { describe, expect, it } from 'vitest';
import { planQuery, type SearchLexicon } from '../../src/lib/search-query.ts';
import { runPlan } from '../../src/lib/search-run.ts';
import { FILLER_WORDS, KIND_WORDS, SEARCH_LANGUAGE, SYNONYMS } from '../../src/lib/search-synonyms.ts';
import { memoryPagefind } from '../helpers/memory-pagefind.ts';
import { siteWords } from '../../src/lib/search-lexicon.ts';

const LEXICON: SearchLexicon = {
  places: [
    { name: '马曲村', kind: 'village', keys: ['maqu'] },
    { name: '东兴村', kind: 'village', keys: ['dongxing'] },
  ],
  t2s: '',
  quarters: ['2025年第三季度'],
  ...SEARCH_LANGUAGE,
  words: '产业 危房 路灯 核桃 月饼 中秋节 老人 生产路 村民 出工',
};
const plan = (q: string) => planQuery(q, LEXICON);
const texts = (q: string) => plan(q).terms.map((t) => t.text);
const labels = (q: string, term: string) =>
  plan(q)
    .terms.find((t) => t.text === term)
    ?.tries.map((t) => t.label) ?? [];
const ids = (r: { hits: { id: string }[] }) => r.hits.map((h) => h.id);

describe('a verb and its object said apart are the word they make', () => {
  it('reads 修了路, 修村里的路 and 修那条路 as 修路, and says nothing of 修 or 路 being left out', () => {
    for (const q of ['修了路没有', '修村里的路花了多少钱', '马曲村修那条路花了多少钱']) {
      expect(texts(q)).toEqual(['修路']);
      expect(plan(q).ignored).not.toContain('修');
      expect(plan(q).ignored).not.toContain('路');
    }
  });

  it('reads 盖了几户房, 剃了头 and 养的那些羊 as 盖房, 剃头 and 养羊, which the boards call 宅基地, 理发 and 奶山羊', () => {
    expect(texts('东兴村盖了几户房')).toEqual(['盖房']);
    expect(labels('志愿者给老人剃了头没有', '剃头')).toContain('理发');
    expect(labels('东兴村养的那些羊', '养羊')).toContain('奶山羊');
  });

  it('holds for every two-character word of the synonym table said with a filler between its characters', () => {
    // Words whose characters are no word themselves (涨 of 涨价 is one: it is searched as typed; 账 of 进账 a record kind).
    const single = new Set([
      ...FILLER_WORDS,
      ...Object.keys(KIND_WORDS),
      ...Object.keys(SYNONYMS),
      ...Object.values(SYNONYMS).flat(),
      ...LEXICON.words!.split(' '),
    ]);
    // Not those whose verb starts a filler (花了费: 花了 is left out whole; not what people say).
    const pairs = Object.keys(SYNONYMS).filter(
      (w) => /^\p{sc=Han}{2}$/u.test(w) && ![...w].some((c) => single.has(c)) && !FILLER_WORDS.some((f) => f.length > 1 && f.startsWith(w[0]!)),
    );
    expect(pairs.length).toBeGreaterThan(30);
    for (const w of pairs)
      for (const filler of ['了', '的', '那条', '村里的', '了一条']) expect(texts(`${w[0]}${filler}${w[1]}`), `${w[0]}${filler}${w[1]}`).toContain(w);
  });
});

describe('a character typed against a word stays with it', () => {
  it('keeps a character between two words, or a count, off the word before it: 分红到账了吗 searches 分红, 电费一个季度 never 电费一', () => {
    expect(plan('去年的分红到账了吗').terms.map((t) => t.text)).not.toContain('分红到');
    expect(plan('去年的分红到账了吗').terms.map((t) => t.text)).toContain('分红');
    expect(plan('村委会电费一个季度多少').terms.map((t) => t.text)).toContain('电费');
    expect(plan('村委会电费一个季度多少').terms.map((t) => t.text)).not.toContain('电费一');
    // Where the phrase ends it still holds: the character typed against a word at the end, or before a filler.
    expect(plan('修那条产业路').terms.map((t) => t.text)).toEqual(['产业路']);
  });

  it('reads a unit of time said alone (电费一个季度多少) as that word, though the records write it only inside longer ones (第三季度)', () => {
    const words = siteWords(
      new Map([
        ['电费', 12],
        ['第三季度', 40],
        ['每季度', 9],
      ]),
    ).join(' ');
    const p = planQuery('电费一个季度多少', { ...LEXICON, words });
    expect(p.terms.map((t) => [t.text, Boolean(t.guessed)])).toEqual([
      ['电费', false],
      ['季度', false],
    ]);
  });

  it('searches 我想看看我们马曲村今年修那条产业路到底花了多少钱 as 产业路, or the 修路 it was asked of, never as 产业 alone', () => {
    const p = plan('我想看看我们马曲村今年修那条产业路到底花了多少钱');
    expect(p.villages).toEqual(['马曲村']);
    expect(p.terms.map((t) => t.text)).toEqual(['产业路']);
    expect(labels('我想看看我们马曲村今年修那条产业路到底花了多少钱', '产业路')).toEqual(['产业路', '修路', '道路硬化', '硬化', '生产路']);
    expect(p.ignored).not.toContain('修');
    expect(p.ignored).not.toContain('路');
  });

  it('searches 危房改了没有 as 危房改 and as 危房 (危房改造), leaving out only the question', () => {
    expect(texts('危房改了没有')).toEqual(['危房改']);
    expect(labels('危房改了没有', '危房改')).toEqual(['危房改', '危房', '危房改造']);
    expect(plan('危房改了没有').ignored).toEqual(['了没有']);
  });

  it('lists the pages having the phrase first, then those having the word, in a sentence', async () => {
    const pages = { phrase: '中秋节 老人送月饼', word: '中秋节 慰问老人', other: '中秋节 慰问' };
    const r = await runPlan(memoryPagefind(pages), plan('中秋节给老人送了什么'));
    expect(ids(r)).toEqual(['phrase', 'word']);
  });

  it('keeps a word and a character typed alone as one phrase, found as the word only when no page has it (核桃园)', () => {
    const [term] = plan('核桃园').terms;
    expect(term?.tries.map((t) => t.label)).toEqual(['核桃园']);
    expect(term?.split?.map((t) => t.text)).toEqual(['核桃']);
  });

  it('keeps a person’s name whole: 王海燕 is never searched as 海燕', () => {
    expect(texts('王海燕')).toEqual(['王海燕']);
    expect(plan('王海燕').terms[0]?.split).toBeUndefined();
  });
});

describe('a filler never holds half of a word', () => {
  it('stops 一个月 before 月 when 月饼 follows: 一个月饼多少钱 is 月饼', () => {
    expect(texts('一个月饼多少钱')).toEqual(['月饼']);
    expect(texts('中秋节发了一个月饼没有')).toEqual(['中秋节', '月饼']);
  });

  it('still leaves out a filler that holds no part of a word: 一个月的电费 is 电费', () => {
    expect(texts('一个月的电费')).toEqual(['电费']);
  });
});
