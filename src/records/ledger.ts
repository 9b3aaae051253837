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
import { deriveOnce } from './once.ts';
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
  receivables: BalanceFacts[];
  payables: BalanceFacts[];
  /** Per entry, in order: the id of its row on the ledger page (`shouru-1`, `zhichu-3`), which a search result opens at. */
  entryAnchors: { income: string[]; expense: string[] };
  /**
   * Per expense entry, in order: its handler (经手) and approver (审批) as every output shows them (ledger page, poster,
   * search index). A name on the village's roster (committee, supervisors, staff: published on the village page) stands
   * as written; anyone else is a private person and is masked (张*明), so no output holds a private person's full name.
   * `private` names the roles held by a private person: shown, but never indexed by the site search (domain rules §4.3).
   */
  expensePeople: { handler?: string; approver?: string; private?: ('handler' | 'approver')[] }[];
}

/** A receivable or payable as every output shows it. */
export interface BalanceFacts {
  /** The counterparty, masked when a private person (张*明). */
  party: string;
  partyKind: string;
  amount: number;
  note: string;
  /** Owed by or to a private person: personal data, shown but never indexed by the site search (domain rules §4.3). */
  personal: boolean;
}

function maskedParties(items: LedgerRec['data']['receivables']): BalanceFacts[] {
  return items.map((r) => {
    const personal = r.partyKind === '个人';
    return { party: personal ? maskName(r.party) : r.party, partyKind: r.partyKind, amount: r.amount, note: r.note ?? '', personal };
  });
}

/** A ledger's facts, derived once per record and village (./once.ts). */
export const getLedgerFacts: (l: LedgerRec, v: VillageRecords) => LedgerFacts = deriveOnce<LedgerRec, VillageRecords, void, LedgerFacts>(
  deriveLedgerFacts,
  () => undefined,
);

function deriveLedgerFacts(l: LedgerRec, v: VillageRecords): LedgerFacts {
  const meetings = new Map(v.meetings.map((m) => [m.id, m]));
  const roster = new Set([...v.data.committee, ...v.data.supervisors, ...v.data.staff].map((m) => m.name));
  const publicName = (name: string) => (roster.has(name) ? name : maskName(name));
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
    expensePeople: l.data.expense.map((e) => {
      const privateRoles = (['handler', 'approver'] as const).filter((role) => e[role] !== undefined && !roster.has(e[role]));
      return {
        ...(e.handler ? { handler: publicName(e.handler) } : {}),
        ...(e.approver ? { approver: publicName(e.approver) } : {}),
        ...(privateRoles.length > 0 ? { private: privateRoles } : {}),
      };
    }),
  };
}

/** Where one quarter's money came from and went, in plain words, and how it compares with the quarter before. Money in fen. */
export interface LedgerPlainFacts {
  periodZh: string;
  income: number;
  expense: number;
  /** 钱从哪来: income summed by its source (资金来源), or by category when an entry names no source; largest first. */
  sources: { source: string; amount: number }[];
  /** 花在哪: the largest expenses by what they paid for (摘要), at most `top`, largest first. */
  mainExpenses: { purpose: string; amount: number; date: string }[];
  /** The expenses not listed in mainExpenses. */
  otherExpenses: { count: number; amount: number };
  /** Against the village's previous ledger, when there is one. */
  change?: { periodZh: string; income: number; expense: number };
}

/** The plain-words facts of ledger `l`; `previous` is the village's ledger for the period before, if any. */
export function getLedgerPlainFacts(l: LedgerRec, previous: LedgerRec | undefined, top = 3): LedgerPlainFacts {
  const bySource = new Map<string, number>();
  for (const e of l.data.income) {
    const key = e.source ?? e.category;
    bySource.set(key, (bySource.get(key) ?? 0) + e.amount);
  }
  const sources = [...bySource].map(([source, amount]) => ({ source, amount })).sort((a, b) => b.amount - a.amount || a.source.localeCompare(b.source));
  const ranked = l.data.expense
    .map((e) => ({ purpose: e.summary, amount: e.amount, date: e.date }))
    .sort((a, b) => b.amount - a.amount || a.date.localeCompare(b.date));
  const mainExpenses = ranked.slice(0, top);
  const rest = ranked.slice(top);
  const sum = (xs: readonly { amount: number }[]) => xs.reduce((s, e) => s + e.amount, 0);
  const income = sum(l.data.income);
  const expense = sum(l.data.expense);
  return {
    periodZh: periodLabel(l.period),
    income,
    expense,
    sources,
    mainExpenses,
    otherExpenses: { count: rest.length, amount: sum(rest) },
    ...(previous
      ? { change: { periodZh: periodLabel(previous.period), income: income - sum(previous.data.income), expense: expense - sum(previous.data.expense) } }
      : {}),
  };
}
