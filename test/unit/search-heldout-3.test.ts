/**
 * Issue 12, third held-out round (test/search-eval/heldout-3.json): amounts match the amount (not a part of a longer
 * one), capital numerals are read, a ledger entry is found by its date and by who handled it, and the tables know more
 * of how villagers say things.
 */
import { describe, expect, it } from 'vitest';
import { loadCounty } from '../../src/check/load.ts';
import { listSearchDocuments } from '../../src/data/search.ts';
import { AMOUNT_TAIL_MARK, amountExcerpt, amountTail, cutAmountTail, sentenceAmounts } from '../../src/lib/search-amounts.ts';
import { planQuery, type SearchLexicon } from '../../src/lib/search-query.ts';
import { KIND_WORDS, SYNONYMS } from '../../src/lib/search-synonyms.ts';
import { getLedgerFacts } from '../../src/records/ledger.ts';
import { ROOT } from '../helpers/fixture-tree.ts';

const LEXICON: SearchLexicon = { places: [], t2s: '' };
const queries = (q: string) => planQuery(q, LEXICON).terms.map((t) => t.tries.map((x) => x.query));

describe('amounts in the search', () => {
  it('searches 15元 only as 15.00, the word pages print, so 15,000.00 元 (indexed with the part 15) is not found', () => {
    expect(queries('15元')).toEqual([['"15.00"']]);
    expect(queries('15万')).toEqual([['"150,000.00"']]);
    expect(queries('2.9万')).toEqual([['"29,000.00"']]);
  });

  it('gives every amount a sentence states its printed form, and leaves printed amounts alone', () => {
    expect(sentenceAmounts('四组村民按每人15元标准筹资5,700.00元，其中申请15万元；预算约2.9万元，另收15.00元。')).toEqual(['15.00', '150,000.00', '29,000.00']);
    expect(sentenceAmounts('工程全长2.3公里，186户，2025年9月12日')).toEqual([]);
    // An amount of no whole fen is no amount a page prints: left out, not rounded to one it does not state.
    expect(sentenceAmounts('每亩补贴15.005元，每户0.004元，共1.2345678万元；单价2.5元')).toEqual(['2.50']);
    expect(amountTail('每人15元')).toBe(`${AMOUNT_TAIL_MARK} 15.00`);
    expect(amountTail('5,700.00元')).toBe('');
  });

  it('cuts the tail from a stored page text and keeps every word before it where it was', () => {
    const words = ['每', '人', '15', '元', '。', AMOUNT_TAIL_MARK, ' 15.00'];
    const fragment = { content: words.join('\u200B'), url: '/p/' };
    expect(cutAmountTail(fragment)).toMatchObject({ content: '每\u200B人\u200B15\u200B元\u200B。', url: '/p/' });
    const plain = { content: '没\u200B有', url: '/q/' };
    expect(cutAmountTail(plain)).toBe(plain);
  });

  it('shows a page found only through an amount its sentence states with that sentence as the excerpt, the amount marked', () => {
    const page = '工程全长2.3公里。四组村民按每人15元标准筹资，预算约2.9万元。公示期内如有异议，请向村务监督委员会反映。';
    const words = [...page.replace(/\d+(\.\d+)?/g, (n) => `\u0000${n}\u0000`).split('\u0000')].flatMap((part) => (/^\d/.test(part) ? [part] : [...part]));
    const tail = [AMOUNT_TAIL_MARK, ' 15.00', ' 29,000.00'];
    const cut = cutAmountTail({ content: [...words, ...tail].join('\u200B'), url: '/p/' });
    const at = words.length;
    expect(cut.amountTail?.at).toBe(at);
    // 29,000.00 is the tail's second amount, at word at + 2: the excerpt is the sentence that says 2.9万元, not the page's last one.
    expect(amountExcerpt({ ...cut, locations: [at + 2] })).toBe(
      '四组村民按每人15元标准筹资，预算约<mark>2.9</mark><mark>万</mark><mark>元</mark>。公示期内如有异议，请向村务监督',
    );
    expect(amountExcerpt({ ...cut, locations: [at + 1] })).toMatch(/^四组村民按每人<mark>15<\/mark><mark>元<\/mark>标准筹资/);
    // A match in the page's own text keeps Pagefind's excerpt.
    expect(amountExcerpt({ ...cut, locations: [3, at + 1] })).toBeUndefined();
    expect(amountExcerpt({ locations: [0] })).toBeUndefined();
  });

  it('reads an amount written in capital numerals: 叁仟陆佰元 is 3,600.00, 捌仟伍佰元 is 8,500.00, and 拾 in a word stays', () => {
    expect(queries('叁仟陆佰元')).toEqual([['"3,600.00"']]);
    expect(queries('捌仟伍佰元')).toEqual([['"8,500.00"']]);
    expect(queries('贰万元整')).toEqual([['"20,000.00"']]);
    expect(queries('壹万二千伍佰元')).toEqual([['"12,500.00"']]);
    expect(planQuery('拾金不昧', LEXICON).terms[0]!.text).toBe('拾金不昧');
  });
});

describe('ledger entry lines in the search index', () => {
  const county = loadCounty(ROOT).county!;
  const maqu = county.villages.find((v) => v.id === 'maqu')!;

  it('start with the entry’s date as villagers type it and end with who handled and approved it', () => {
    const doc = listSearchDocuments(county).find((d) => d.path === 'v/maqu/finances/2025-q3/')!;
    const road = doc.entries.find((e) => e.voucher === '记-09-002')!;
    expect(road.text).toMatch(/^2025年9月12日 支出 公益支出：/);
    expect(road.text).toMatch(/，经手 王堃，审批 赵建军。$/);
    const income = doc.entries.find((e) => e.voucher === '记-07-001')!;
    expect(income.text).toMatch(/^2025年7月8日 收入 /);
  });

  it('mask a handler who is on no roster of the village (a private person), and keep the committee’s names as the village page prints them', () => {
    const ledger = maqu.ledgers.find((l) => l.id === '2025-q3')!;
    const [first, ...rest] = ledger.data.expense;
    const changed = { ...ledger, data: { ...ledger.data, expense: [{ ...first!, handler: '刘建平' }, ...rest] } };
    const people = getLedgerFacts(changed, maqu).expensePeople;
    expect(people[0]).toEqual({ handler: '刘*平', private: ['handler'] });
    expect(people.find((p) => p.approver)).toEqual({ handler: '王堃', approver: '赵建军' });
  });
});

describe('words of the third held-out round', () => {
  const lexicon: SearchLexicon = { places: [], t2s: '', synonyms: SYNONYMS, kinds: KIND_WORDS };
  const labels = (q: string) => planQuery(q, lexicon).terms.map((t) => t.tries.map((x) => x.label));

  it('searches 水泥路 as a hardened road, not as every village road (村道 is every clean-up along one)', () => {
    expect(labels('水泥路')).toEqual([['水泥路', '硬化']]);
  });

  it('finds the pages of 承包费 for 承包款, of 管网 for 供水管道, of a school building for 老学校, and of 推迟 for 晚了', () => {
    expect(labels('承包款')).toEqual([['承包款', '承包费']]);
    expect(labels('供水管道')).toEqual([['供水管道', '管网', '供水']]);
    expect(labels('老学校')).toEqual([['老学校', '校舍', '小学']]);
    expect(labels('晚了')).toEqual([['晚了', '推迟', '延误']]);
  });

  it('reads 开的会 as the meetings, so 7月份开的会 lists meetings that name July', () => {
    const plan = planQuery('7月份开的会', lexicon);
    expect(plan.kinds).toEqual(['会议决议']);
    expect(plan.terms.map((t) => t.text)).toEqual(['7月']);
  });

  it('reads 路修 as 修路 (路修到哪了), and 村务公开 as the disclosures themselves, not the words every page has', () => {
    expect(labels('路修')[0]).toEqual(['路修', '道路硬化', '硬化', '生产路']);
    const plan = planQuery('2025年第3季度 村务公开', { ...lexicon, quarters: ['2025年第三季度'] });
    expect(plan.kinds).toEqual(['村务公开']);
    expect(plan.terms).toEqual([]);
  });
});
