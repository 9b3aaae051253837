import { describe, expect, it } from 'vitest';
import { loadJieba, makeWordCounter } from '../../src/lib/search-lexicon.ts';

const loaded = await loadJieba();

describe('the site words counted for the search lexicon', () => {
  it('counts on how many pages each word stands, once per page however often it repeats there', () => {
    const counter = makeWordCounter(loaded);
    counter.add('村务监督委员会审核。村务监督委员会签字。');
    counter.add('村务公开：村务监督委员会。');
    expect(counter.pages.get('委员会')).toBe(2);
    expect(counter.pages.get('审核')).toBe(1);
  });

  it('never makes a word across punctuation, digits or spaces: 中华人民，共和国 has no 中华人民共和国', () => {
    const counter = makeWordCounter(loaded);
    counter.add('中华人民，共和国 2025年');
    expect(counter.pages.get('中华人民共和国')).toBeUndefined();
    expect(counter.pages.get('中华人民')).toBe(1);
    expect(counter.pages.get('共和国')).toBe(1);
    // Written together, jieba keeps it one word: the test above would see a join.
    const together = makeWordCounter(loaded);
    together.add('中华人民共和国');
    expect(together.pages.get('中华人民共和国')).toBe(1);
  });

  it('counts the same with one loaded dictionary shared by many counters as with a dictionary each', async () => {
    const jieba = await loadJieba();
    const pages = ['低保评议结果公示：马*顺一户 3 人。', '2025年第三季度财务收支公开，村务监督委员会审核。', '危房改造补助，一事一议。'];
    const shared = pages.map((p) => {
      const c = makeWordCounter(jieba);
      c.add(p);
      return [...c.pages];
    });
    const own = await Promise.all(
      pages.map(async (p) => {
        const c = makeWordCounter(await loadJieba());
        c.add(p);
        return [...c.pages];
      }),
    );
    expect(shared).toEqual(own);
  });
});
