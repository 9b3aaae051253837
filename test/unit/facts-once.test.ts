/**
 * A record's facts are derived once per build (src/records/once.ts): every output that asks for them again (page, data
 * file, feed, search document, poster) gets the same facts, and a record of another county, or another as-of date or
 * rule profile, gets its own.
 */
import { describe, expect, it } from 'vitest';
import { loadCounty } from '../../src/check/load.ts';
import type { County } from '../../src/check/model.ts';
import { getLedgerFacts } from '../../src/records/ledger.ts';
import { getMeetingFacts } from '../../src/records/meeting.ts';
import { getNoticeFacts } from '../../src/records/notice.ts';
import { deriveOnce } from '../../src/records/once.ts';
import { ROOT } from '../helpers/fixture-tree.ts';

const load = (): County => {
  const r = loadCounty(ROOT);
  if (!r.county) throw new Error('the demo county must load');
  return r.county;
};

describe('facts derived once per record', () => {
  it('gives every output asking again the same facts, equal to those of a county loaded afresh', () => {
    const county = load();
    const again = load();
    for (const [i, v] of county.villages.entries()) {
      const w = again.villages[i]!;
      for (const [j, m] of v.meetings.entries()) {
        const f = getMeetingFacts(m, v, county);
        expect(getMeetingFacts(m, v, county)).toBe(f);
        expect(getMeetingFacts(w.meetings[j]!, w, again)).not.toBe(f);
        expect(getMeetingFacts(w.meetings[j]!, w, again)).toEqual(f);
      }
      for (const [j, l] of v.ledgers.entries()) {
        expect(getLedgerFacts(l, v)).toBe(getLedgerFacts(l, v));
        expect(getLedgerFacts(w.ledgers[j]!, w)).toEqual(getLedgerFacts(l, v));
      }
    }
  });

  it("derives a 公示's facts again for another as-of date: its names leave the web after unpublishAfter, and are back on the day before", () => {
    const county = load();
    const v = county.villages.find((x) => x.id === 'maqu')!;
    const n = v.notices.find((x) => x.id === '2025-11-17-dibao')!;
    const before = getNoticeFacts(n, v, { asOf: '2026-05-31' });
    const after = getNoticeFacts(n, v, { asOf: '2026-06-01' });
    expect(before.unpublished).toBe(false);
    expect(before.listedRows.length).toBeGreaterThan(0);
    expect(after.unpublished).toBe(true);
    expect(after.listedRows).toEqual([]);
    expect(getNoticeFacts(n, v, { asOf: '2026-05-31' })).toEqual(before);
  });

  it('derives again for another village or context, and once for the same record, village and context', () => {
    let derived = 0;
    const facts = deriveOnce(
      (r: { id: string }, v: { id: string }, ctx: { asOf: string }) => ({ n: ++derived, id: `${v.id}/${r.id}@${ctx.asOf}` }),
      (ctx) => ctx.asOf,
    );
    const r = { id: 'a' };
    const v = { id: 'v' };
    expect(facts(r, v, { asOf: '2026-01-01' })).toEqual({ n: 1, id: 'v/a@2026-01-01' });
    expect(facts(r, v, { asOf: '2026-01-01' }).n).toBe(1);
    expect(facts(r, { id: 'v' }, { asOf: '2026-01-01' }).n).toBe(2);
    expect(facts(r, v, { asOf: '2026-01-02' })).toEqual({ n: 3, id: 'v/a@2026-01-02' });
    expect(facts({ id: 'a' }, v, { asOf: '2026-01-02' }).n).toBe(4);
  });
});
