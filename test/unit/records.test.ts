/**
 * The facts layer (src/records/): one set of facts per record, derived from the demo county the
 * same way every output (page, poster, kiosk, search) reads them.
 */
import { describe, expect, it } from 'vitest';
import { loadCounty } from '../../src/check/load.ts';
import type { County } from '../../src/check/model.ts';
import { getBodyRule } from '../../src/law/bodies.ts';
import { getIssuer } from '../../src/records/context.ts';
import { getLedgerFacts, getLedgerPlainFacts } from '../../src/records/ledger.ts';
import { getMeetingFacts } from '../../src/records/meeting.ts';
import { getNoticeFacts } from '../../src/records/notice.ts';
import { getRecordTypeOfFolder, recordPath, recordUrl, RECORD_TYPE_NAMES, RECORD_TYPES } from '../../src/records/registry.ts';
import { parseEntryRef, parseResolutionRef } from '../../src/schemas/refs.ts';
import { ROOT } from '../helpers/fixture-tree.ts';

const county: County = (() => {
  const r = loadCounty(ROOT);
  if (!r.county) throw new Error('the demo county must load');
  return r.county;
})();
const village = (id: string) => county.villages.find((v) => v.id === id)!;

describe('the record registry', () => {
  it('names a content folder that every demo village has for every record type, and finds the type back from it', () => {
    for (const t of RECORD_TYPE_NAMES) {
      expect(getRecordTypeOfFolder(RECORD_TYPES[t].folder)).toBe(t);
      for (const v of county.villages) expect(Array.isArray(v[RECORD_TYPES[t].list]), `${v.id} ${t}`).toBe(true);
    }
    expect(county.villages.every((v) => v.ledgers.length > 0)).toBe(true);
  });

  it('builds the public ledger address under finances/ and percent-encodes the id in a QR address', () => {
    expect(recordPath('ledger', 'maqu', '2025-q3')).toBe('v/maqu/finances/2025-q3');
    expect(recordUrl('https://example.org/gk', 'notice', 'maqu', '2025-11-17-低保')).toBe(
      'https://example.org/gk/v/maqu/notices/2025-11-17-%E4%BD%8E%E4%BF%9D/',
    );
  });
});

describe('references parsed once in the schema', () => {
  it('reads a resolution reference as its meeting and, after #, the resolution number', () => {
    expect(parseResolutionRef('2025-07-22-daibiao')).toEqual({ ref: '2025-07-22-daibiao', meetingId: '2025-07-22-daibiao' });
    expect(parseResolutionRef('2025-07-22-daibiao#2')).toEqual({ ref: '2025-07-22-daibiao#2', meetingId: '2025-07-22-daibiao', index: 2 });
  });

  it('reads an authorised entry as ledger period and voucher, and keeps a malformed one as written for the clerk message', () => {
    expect(parseEntryRef('2025-q3/记-08-003')).toEqual({ ref: '2025-q3/记-08-003', ledgerId: '2025-q3', voucher: '记-08-003' });
    expect(parseEntryRef('记-08-003')).toEqual({ ref: '记-08-003' });
  });
});

describe('the issuing committee', () => {
  it('is the 居民委员会 for a 社区 and the 村民委员会 for a village, on the ledger as on the seal', () => {
    const community = county.villages.find((v) => v.data.kind === '社区')!;
    const plain = county.villages.find((v) => v.data.kind !== '社区')!;
    expect(getIssuer(community)).toBe(`${community.data.name}居民委员会`);
    expect(getIssuer(plain)).toBe(`${plain.data.name}村民委员会`);
    for (const l of community.ledgers.filter((x) => !x.data.entity)) expect(getLedgerFacts(l, community).entity).toBe(getIssuer(community));
  });
});

describe('meeting facts', () => {
  it('post the resolutions of villagers’ bodies and consultations but not the internal steps of 四议两公开', () => {
    const all = county.villages.flatMap((v) => v.meetings.map((m) => ({ m, f: getMeetingFacts(m, v, county) })));
    expect(all.some(({ f }) => f.posted)).toBe(true);
    for (const { m, f } of all) {
      if (['党组织会议', '两委联席会议', '党员大会', '村委会会议'].includes(m.data.body)) expect(f.posted, m.id).toBe(false);
      if (m.data.body === '村民代表会议' && m.data.resolutions.length > 0) expect(f.posted, m.id).toBe(true);
    }
  });

  it('link every large demo expense to the decision-making meeting that authorised it, and that meeting lists the expense back', () => {
    for (const v of county.villages) {
      for (const l of v.ledgers) {
        const f = getLedgerFacts(l, v);
        l.data.expense.forEach((e, i) => {
          if (!e.resolution) return;
          const basis = f.expenseBasis[i]!;
          expect(basis.meetingId).toBe(e.resolution.meetingId);
          expect(getBodyRule(basis.body)!.decidesSpending).toBe(true);
          const m = v.meetings.find((x) => x.id === basis.meetingId)!;
          expect(getMeetingFacts(m, v, county).authorisedSpending.map((a) => a.voucher)).toContain(e.voucher);
        });
      }
    }
  });

  it('put the party bodies’ minutes on the 党务 track and the rest on 村务', () => {
    const maqu = village('maqu');
    const track = (body: string) =>
      getMeetingFacts(
        maqu.meetings.find((m) => m.data.body === body)!,
        maqu,
        county,
      ).track;
    expect(track('党员大会')).toBe('党务');
    expect(track('党组织会议')).toBe('党务');
    expect(track('村民代表会议')).toBe('村务');
  });

  it('belong to the quarter of the disclosure they approve, not the one they are held in; a meeting approving none to its date’s quarter', () => {
    const quarters = (villageId: string, meetingId: string) => {
      const v = village(villageId);
      return getMeetingFacts(
        v.meetings.find((m) => m.id === meetingId)!,
        v,
        county,
      ).quarters.map((q) => `${q.year}-q${q.quarter}`);
    };
    // 马曲村 on 9 October fixes the third quarter's 党务 and 村务 disclosures: one quarter, the third.
    expect(quarters('maqu', '2025-10-09-lianxi')).toEqual(['2025-q3']);
    expect(quarters('maqu', '2025-10-13-lianxi')).toEqual(['2025-q3']);
    // 温水村 on 9 April fixes the first quarter's disclosure.
    expect(quarters('wenshui', '2025-04-09-lianxi')).toEqual(['2025-q1']);
    expect(quarters('maqu', '2025-07-22-daibiao')).toEqual(['2025-q3']);
    expect(quarters('dongguan', '2025-06-18-xieshang')).toEqual(['2025-q2']);
  });
});

describe('notice facts', () => {
  it('print the names of a 低保 list in full for the board and mask them for screens, counted in households', () => {
    const maqu = village('maqu');
    const n = maqu.notices.find((x) => x.data.type.startsWith('低保'))!;
    const f = getNoticeFacts(n, maqu, county);
    const name = f.columns.findIndex((c) => c.key === 'name');
    expect(name).toBeGreaterThanOrEqual(0);
    expect(f.rows[0]![name]).toBe(n.data.subjects[0]!.name);
    expect(f.maskedRows[0]![name]).not.toBe(n.data.subjects[0]!.name);
    expect(f.maskedRows[0]![name]).toContain('*');
    expect(f.countZh).toBe(`共 ${n.data.subjects.length} 户`);
    expect(f.columns.find((c) => c.key === 'amount')?.numeric).toBe(true);
  });

  it('count a notice as taken down only after its unpublish date', () => {
    const maqu = village('maqu');
    const n = maqu.notices[0]!;
    const withDate = { ...n, data: { ...n.data, unpublishAfter: '2025-12-31' } };
    expect(getNoticeFacts(withDate, maqu, { asOf: '2025-12-31' }).unpublished).toBe(false);
    expect(getNoticeFacts(withDate, maqu, { asOf: '2026-01-01' }).unpublished).toBe(true);
  });
});

describe("a ledger's plain words (本季度钱从哪来、花在哪)", () => {
  const maqu = village('maqu');
  const sorted = [...maqu.ledgers].sort((a, b) => a.id.localeCompare(b.id));
  const [prev, latest] = [sorted.at(-2)!, sorted.at(-1)!];
  const f = getLedgerPlainFacts(latest, prev);
  const sum = (xs: readonly { amount: number }[]) => xs.reduce((s, e) => s + e.amount, 0);

  it('adds up the income by where it came from, largest first, to the whole income', () => {
    expect(sum(f.sources)).toBe(sum(latest.data.income));
    expect(f.sources.map((s) => s.amount)).toEqual([...f.sources.map((s) => s.amount)].sort((a, b) => b - a));
    expect(f.sources.map((s) => s.source)).toContain(latest.data.income.find((e) => e.source)!.source);
  });

  it('names the three largest expenses by what they paid for, and the rest as one count and sum', () => {
    const largest = Math.max(...latest.data.expense.map((e) => e.amount));
    expect(f.mainExpenses).toHaveLength(Math.min(3, latest.data.expense.length));
    expect(f.mainExpenses[0]!.amount).toBe(largest);
    expect(f.mainExpenses[0]!.purpose).toBe(latest.data.expense.find((e) => e.amount === largest)!.summary);
    expect(f.otherExpenses.count).toBe(latest.data.expense.length - f.mainExpenses.length);
    expect(sum(f.mainExpenses) + f.otherExpenses.amount).toBe(sum(latest.data.expense));
  });

  it('says how income and spending changed since the quarter before, and nothing for the first ledger', () => {
    expect(f.change).toEqual({
      periodZh: expect.any(String),
      income: sum(latest.data.income) - sum(prev.data.income),
      expense: sum(latest.data.expense) - sum(prev.data.expense),
    });
    expect(getLedgerPlainFacts(sorted[0]!, undefined).change).toBeUndefined();
  });
});
