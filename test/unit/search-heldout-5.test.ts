/**
 * Issue 12, fifth held-out round (test/search-eval/heldout-5.json): 党务 as the party-affairs disclosures, the last
 * and this quarter, vouchers typed without 记, pinyin places in two words, English words for a record kind, and
 * question words that put the records answering them first.
 */
import { describe, expect, it } from 'vitest';
import { planQuery, relativeQuarter, type SearchLexicon } from '../../src/lib/search-query.ts';
import { combineFilters, runPlan } from '../../src/lib/search-run.ts';
import { SEARCH_LANGUAGE } from '../../src/lib/search-synonyms.ts';
import { memoryPagefind } from '../helpers/memory-pagefind.ts';

const LEXICON: SearchLexicon = {
  places: [
    { name: '东关社区', kind: 'village', keys: ['dongguan'] },
    { name: '温水村', kind: 'village', keys: ['wenshui'] },
  ],
  t2s: '',
  words: '低保 停车位 划线 宅基地 门面房 租金',
  // As the build writes them: sorted as strings, so 第二 comes after 第三.
  quarters: ['2025年第一季度', '2025年第三季度', '2025年第二季度', '2025年第四季度'],
  ...SEARCH_LANGUAGE,
};

describe('tracks and record kinds named in the query', () => {
  it('reads 党务 as the party-affairs disclosures: the track 党务 and the kind 村务公开, with no word left to match', () => {
    const plan = planQuery('党务', LEXICON);
    expect(plan).toMatchObject({ terms: [], tracks: ['党务'], kinds: ['村务公开'] });
    expect(planQuery('东关社区党务', LEXICON)).toMatchObject({ villages: ['东关社区'], tracks: ['党务'] });
    expect(combineFilters({}, plan)).toEqual({ kind: { any: ['村务公开'] }, track: { any: ['党务'] } });
  });

  it('reads English words for a record kind: Wenshui accounts lists 温水村’s ledgers', () => {
    expect(planQuery('Wenshui accounts', LEXICON)).toMatchObject({ terms: [], villages: ['温水村'], kinds: ['财务收支'] });
  });

  it('reads a pinyin place typed in two words beside other words: Dong Guan 低保', () => {
    const plan = planQuery('Dong Guan 低保', LEXICON);
    expect(plan.villages).toEqual(['东关社区']);
    expect(plan.terms.map((t) => t.text)).toEqual(['低保']);
  });
});

describe('quarters and vouchers as villagers say them', () => {
  it('takes the newest quarter of the index as this quarter and the one before as the last: 上个季度的账 is the third quarter’s ledgers', () => {
    expect(planQuery('上个季度的账', LEXICON)).toMatchObject({ quarters: ['2025年第三季度'], kinds: ['财务收支'], terms: [] });
    expect(planQuery('这个季度', LEXICON).quarters).toEqual(['2025年第四季度']);
    expect(planQuery('本季度 低保', LEXICON).quarters).toEqual(['2025年第四季度']);
    expect(relativeQuarter(['2025年第一季度'], true)).toBe('2024年第四季度');
    expect(relativeQuarter([], true)).toBeUndefined();
  });

  it('reads a voucher typed without its 记: 9-4号凭证 and 凭证9-4 are 记-09-004', () => {
    for (const q of ['9-4号凭证', '凭证9-4', '凭证号 9-4'])
      expect(
        planQuery(q, LEXICON).terms.map((t) => t.text),
        q,
      ).toEqual(['记-09-004']);
    // A range of numbers is no voucher.
    expect(planQuery('4-6月', LEXICON).terms.map((t) => t.text)).not.toContain('记-04-006');
  });
});

describe('question words', () => {
  it('puts the ledgers, disclosures and notices first when the question asks how much money, ahead of a meeting whose title has the words', async () => {
    const pf = memoryPagefind({ meeting: '停车位 划线 协商', ledger: '停车位划线 2,960.00', disclosure: '停车位 划线 支出2,960.00元' });
    const kinds: Record<string, string> = { meeting: '会议决议', ledger: '财务收支', disclosure: '村务公开' };
    const describe = (id: string) => ({ title: id === 'meeting' ? '停车位划线协商会' : '', superseded: false, kind: kinds[id] });
    const plan = planQuery('停车位划线花了多少钱', LEXICON);
    expect(plan.prefer).toEqual(['财务收支', '村务公开', '公示']);
    const r = await runPlan(pf, plan, {}, 'relevance', { describe });
    expect(r.hits.map((h) => h.id).at(-1)).toBe('meeting');
    // Without a question word the title decides.
    const plain = await runPlan(pf, planQuery('停车位划线', LEXICON), {}, 'relevance', { describe });
    expect(plain.hits[0]!.id).toBe('meeting');
  });

  it('puts the disclosures first when the question asks how a project is going (咋样了)', () => {
    expect(planQuery('马曲村修路弄得咋样了', LEXICON).prefer).toEqual(['村务公开']);
    expect(planQuery('低保', LEXICON).prefer).toEqual([]);
  });
});
