/**
 * Accounting systems for village collectives and the income/expense categories each allows. The
 * category a ledger entry may use depends on the system in force on the entry's date.
 * 财会〔2004〕12号 until 2023-12-31; 财会〔2023〕14号 from 2024-01-01 [S] (removed 发包及上交收入,
 * 农业税附加返还收入; added 公益支出, 税金及附加, 所得税费用).
 */
export interface AccountingSystem {
  key: string;
  name: string;
  /** First day in force. */
  from: string;
  /** Last day in force, if replaced. */
  until?: string;
  income: readonly string[];
  expense: readonly string[];
}

export const ACCOUNTING_SYSTEMS: readonly AccountingSystem[] = [
  {
    key: '2004',
    name: '村集体经济组织会计制度（财会〔2004〕12号）',
    from: '2005-01-01',
    until: '2023-12-31',
    income: ['经营收入', '发包及上交收入', '投资收益', '农业税附加返还收入', '补助收入', '其他收入'],
    expense: ['经营支出', '管理费用', '其他支出'],
  },
  {
    key: '2023',
    name: '农村集体经济组织会计制度（财会〔2023〕14号）',
    from: '2024-01-01',
    income: ['经营收入', '投资收益', '补助收入', '其他收入'],
    expense: ['经营支出', '税金及附加', '管理费用', '公益支出', '其他支出', '所得税费用'],
  },
];

/** The system in force on a date, if any. */
export function getAccountingSystem(date: string): AccountingSystem | undefined {
  return ACCOUNTING_SYSTEMS.find((s) => date >= s.from && (s.until === undefined || date <= s.until));
}

/**
 * Duties one person may not hold on the same expense (不相容职务相互分离): the person who handled the money (经手人)
 * does not approve it (审批人). The basis is internal control, not one sentence of the law: 《会计法》 (1999/2017 text)
 * 第二十七条（一）, since the 2024-06-28 amendment 第二十五条（一） [S: two secondary pages quoting both texts, see README
 * "The rules it enforces"], requires that 记账人员与经济业务事项和会计事项的审批人员、经办人员、财物保管人员的职责权限应当明确，
 * 并相互分离、相互制约 — it separates the bookkeeper from the approver and the handler, and does not itself name handler
 * and approver as a pair. 授权批准与业务经办 as incompatible duties is the internal-control norm (财政部《内部会计控制规范——
 * 基本规范（试行）》, 2001 [R]) and the reimbursement chain of domain rules §2.6 (经手人 signs, others approve) [S].
 */
export const SEPARATED_EXPENSE_DUTIES: readonly (readonly ['handler' | 'approver', 'handler' | 'approver'])[] = [['approver', 'handler']];

/**
 * Duties on a ledger's expenses that its reviewer (村务监督委员会审核人, `signoff.reviewer`) may not hold: nobody reviews
 * money they handled (经手人) or approved (审批人). 村民委员会组织法 §32 [V]: the supervision committee is kept apart from
 * those who run village affairs (村民委员会成员及其近亲属不得担任); 农村集体经济组织法 §32 [V]: 财务人员 may not be 监事;
 * domain rules §2.4: the reviewer is not the preparer nor the approving member.
 */
export const REVIEWER_EXCLUDED_DUTIES: readonly ('handler' | 'approver')[] = ['handler', 'approver'];

/**
 * Splitting one expense into several under the county's large-expense threshold to escape its approval (化整为零、
 * 拆分支付规避审批) is forbidden by county rules on village finance [CONV]. Payments for the same purpose (same
 * category, same summary but for numbers and 第…笔/批/期/次, handled by the same person) made within this many days of
 * the first are read as one expense for the threshold. Monthly payments (wages, electricity) are further apart and are not joined.
 */
export const SPLIT_EXPENSE_WINDOW_DAYS = 15;

/**
 * Only parts of at least this share of the threshold count as parts of a split (1/4: 7,500 元 of 30,000): everyday
 * small payments with one summary (office supplies, taxes paid in instalments) are not read as a split, and splitting
 * a large expense into parts smaller than that takes so many entries that the ledger shows it.
 */
export const SPLIT_EXPENSE_MIN_PART = { numerator: 1, denominator: 4 } as const;

/** Categories whose amounts the village does not choose (taxes assessed by the tax office): never read as a split. */
export const SPLIT_EXPENSE_EXEMPT_CATEGORIES: readonly string[] = ['税金及附加', '所得税费用'];
