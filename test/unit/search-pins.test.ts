import { describe, expect, it } from 'vitest';
import { choosePins, loadJieba, makeWordCounter, wordStream } from '../../src/lib/search-lexicon.ts';
import { planQuery, type SearchLexicon } from '../../src/lib/search-query.ts';

const jieba = await loadJieba();

/** The pins a site with these pages gets. */
function pinsOf(pages: string[]): Record<string, string> {
  const counter = makeWordCounter(jieba);
  for (const p of pages) counter.add(p);
  return choosePins(counter.occurrences);
}

describe('long words searched by a shorter piece of themselves (pins)', () => {
  it('reads 村务监督委员会 by one or two characters when they stand nowhere else on the site', () => {
    const pins = pinsOf(['村务监督委员会审核，签字。', '本季度由村务监督委员会主任审核。', '村民委员会：马曲村。']);
    expect(Array.from(pins['村务监督委员会']!).length).toBeLessThanOrEqual(2);
    // 委员会 also stands in 村民委员会: a pin is never a piece that occurs outside the word.
    expect(pins['村务监督委员会']).not.toMatch(/^(委员|员会)$/);
    expect('村务监督委员会').toContain(pins['村务监督委员会']);
  });

  it('keeps the whole word when every shorter piece also stands somewhere else', () => {
    const pins = pinsOf(['危房改造补助。', '房改方案；危房鉴定。改造道路。', '危房改建，住房改造。']);
    expect(pins['危房改造']).toBeUndefined();
  });

  it('counts a phrase across punctuation the way Pagefind steps over it, and numbers as words', () => {
    expect(wordStream('监督，委员会 2025年')).toBe('监督委员会\u0001年');
    // 督委 stands across the comma, so it is no pin for 监督委员会.
    const pins = pinsOf(['监督委员会。', '监督，委托书。']);
    expect(pins['监督委员会']).not.toBe('督委');
  });

  it('gives a word the site does not have the empty pin, so a query does not search it (it would find nothing)', () => {
    const pins = pinsOf(['村务监督委员会审核。', '发放误工补贴。']);
    expect(pins['一事一议']).toBe('');
    // 村干部工资 stands on no page: searched by its synonyms only (误工补贴), none of its own five characters' chunks read.
    const lexicon: SearchLexicon = { places: [], t2s: '', words: '村干部工资', pins, synonyms: { 村干部工资: ['报酬', '误工补贴'] } };
    const [term] = planQuery('村干部工资', lexicon).terms;
    expect(term!.tries.map((t) => [t.label, Boolean(t.absent)])).toEqual([
      ['村干部工资', true],
      ['报酬', true],
      ['误工补贴', false],
    ]);
  });

  it('searches the pin instead of the word', () => {
    const pins = pinsOf(['村务监督委员会审核。']);
    const lexicon: SearchLexicon = { places: [], t2s: '', words: '村务监督委员会', pins };
    const [term] = planQuery('村务监督委员会', lexicon).terms;
    expect(term!.text).toBe('村务监督委员会');
    expect(term!.tries[0]!.label).toBe('村务监督委员会');
    expect(term!.tries[0]!.query).toBe(`"${Array.from(pins['村务监督委员会']!).join(' ')}"`);
  });

  it('searches a synonym by its pin too, so a word whose synonym is a long phrase (理财小组 → 村务监督委员会) reads few index chunks', () => {
    const pins = pinsOf(['村务监督委员会审核。', '民主理财。']);
    const lexicon: SearchLexicon = { places: [], t2s: '', words: '村务监督委员会', pins, synonyms: { 理财小组: ['民主理财', '村务监督委员会'] } };
    const [term] = planQuery('理财小组', lexicon).terms;
    const synonym = term!.tries.find((t) => t.label === '村务监督委员会');
    expect(synonym?.synonym).toBe(true);
    expect(synonym!.query).toBe(`"${Array.from(pins['村务监督委员会']!).join(' ')}"`);
    expect(Array.from(pins['村务监督委员会']!).length).toBeLessThan(7);
  });
});
