/**
 * Every derived fact about one ledger, once: the accounting entity (the village's issuing committee
 * unless the ledger names one), the meeting behind each expense, the receivables and payables with
 * private persons masked, and its page path. Pure and serialisable; money stays in fen.
 */
import type { LedgerRec, VillageRecords } from '../check/model.ts';
import { getEntryAnchor } from '../lib/ledger.ts';
import { periodLabel } from '../lib/period.ts';
import { maskName } from '../lib/privacy.ts';
import { getIssuer } from './context.ts';
import { recordPath } from './registry.ts';

export interface LedgerFacts {
  id: string;
  path: string;
  periodZh: string;
  /** 核算单位: the ledger's `entity`, or the issuing committee (村民委员会 / 居民委员会). */
  entity: string;
  /** Per expense entry, in order: the authorising meeting, when the entry names one that exists. */
  expenseBasis: ({ meetingId: string; title: string; body: string; date: string; path: string } | undefined)[];
  /** 应收款 and 应付款 with a private person's name masked (no law requires it, web or paper). */
  receivables: { party: string; partyKind: string; amount: number; note: string }[];
  payables: { party: string; partyKind: string; amount: number; note: string }[];
  /** Per entry, in order: the id of its row on the ledger page (`shouru-1`, `zhichu-3`), which a search result opens at. */
  entryAnchors: { income: string[]; expense: string[] };
}

function maskedParties(items: LedgerRec['data']['receivables']) {
  return items.map((r) => ({ party: r.partyKind === '个人' ? maskName(r.party) : r.party, partyKind: r.partyKind, amount: r.amount, note: r.note ?? '' }));
}

export function getLedgerFacts(l: LedgerRec, v: VillageRecords): LedgerFacts {
  const meetings = new Map(v.meetings.map((m) => [m.id, m]));
  return {
    id: l.id,
    path: recordPath('ledger', v.id, l.id),
    periodZh: periodLabel(l.period),
    entity: l.data.entity ?? getIssuer(v),
    expenseBasis: l.data.expense.map((e) => {
      const m = e.resolution ? meetings.get(e.resolution.meetingId) : undefined;
      return m ? { meetingId: m.id, title: m.data.title, body: m.data.body, date: m.data.date, path: recordPath('meeting', v.id, m.id) } : undefined;
    }),
    receivables: maskedParties(l.data.receivables),
    payables: maskedParties(l.data.payables),
    entryAnchors: { income: l.data.income.map((_, i) => getEntryAnchor('income', i)), expense: l.data.expense.map((_, i) => getEntryAnchor('expense', i)) },
  };
}
