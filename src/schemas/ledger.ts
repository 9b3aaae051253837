/**
 * A finance ledger for one period: content/villages/<id>/finances/<yyyy>-q<n>.yaml (quarter) or
 * <yyyy>-<mm>.yaml (month). Amounts are written in yuan and kept as integer fen. Totals and the
 * closing balance are declared by the clerk and checked against the entries.
 */
import { z } from 'astro/zod';
import { IsoDate, PersonName, PositiveFen, Fen, SignedFen, Text } from './primitives.ts';
import { ResolutionRefSchema } from './refs.ts';
import { SignoffSchema } from './signoff.ts';

const EntryFields = {
  /** Date of the transaction, inside the period, YYYY-MM-DD. */
  date: IsoDate,
  /** Voucher number (凭证号), e.g. 记-07-003; unique within the ledger. */
  voucher: Text,
  /** Category of the accounting system in force on that date (e.g. 补助收入, 管理费用, 公益支出). */
  category: Text,
  /** What it was for (摘要). */
  summary: Text,
  /** Amount in yuan, e.g. 12,500.00. */
  amount: PositiveFen,
  /** Where the money came from or went to (资金来源), e.g. 财政转移支付, 村集体自有资金. */
  source: Text.optional(),
};

/** One income entry (收入). */
export const IncomeEntrySchema = z.strictObject(EntryFields);

/** One expense entry (支出). */
export const ExpenseEntrySchema = z.strictObject({
  ...EntryFields,
  /** Who handled it (经手人). */
  handler: PersonName.optional(),
  /** Who approved it (审批人); required above the county threshold. */
  approver: PersonName.optional(),
  /** Meeting that authorised it, e.g. 2025-07-15-daibiao (parsed: `{ ref, meetingId, index }`); required above the county threshold. */
  resolution: ResolutionRefSchema.optional(),
});

/** A receivable or payable (债权债务). */
export const BalanceItemSchema = z.strictObject({
  /** Counterparty; a private person's name is masked on the web. */
  party: Text,
  /** 单位 (organisation) or 个人 (private person). */
  partyKind: z.enum(['单位', '个人']),
  /** Amount in yuan. */
  amount: PositiveFen,
  /** Note, e.g. the contract or due date. */
  note: Text.optional(),
});

export const LedgerSchema = z.strictObject({
  /** Accounting entity, e.g. 马曲村股份经济合作社; defaults to the village committee. */
  entity: Text.optional(),
  /** Cash at the start of the period (上期结余), yuan. Must equal the previous period's closing. */
  openingBalance: SignedFen,
  /** Income entries (收入明细). */
  income: z.array(IncomeEntrySchema).default([]),
  /** Expense entries (支出明细). */
  expense: z.array(ExpenseEntrySchema).default([]),
  /** Declared totals, checked against the sum of the entries. */
  totals: z.strictObject({
    /** Total income (本期收入合计), yuan. */
    income: Fen,
    /** Total expense (本期支出合计), yuan. */
    expense: Fen,
  }),
  /** Cash at the end (本期结余), yuan: opening + income − expense. */
  closingBalance: SignedFen,
  /** Money owed to the village (应收款). */
  receivables: z.array(BalanceItemSchema).default([]),
  /** Money the village owes (应付款). */
  payables: z.array(BalanceItemSchema).default([]),
  /** Review and sign-off: 负责人, 会计/报账员, 村务监督委员会审核. */
  signoff: SignoffSchema,
  /** Date it went up on the notice board, YYYY-MM-DD. */
  publishedAt: IsoDate,
});
export type Ledger = z.infer<typeof LedgerSchema>;
export type LedgerEntry = z.infer<typeof IncomeEntrySchema>;
export type ExpenseEntry = z.infer<typeof ExpenseEntrySchema>;
