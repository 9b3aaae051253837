/**
 * Province rule profiles: every rule that varies by province lives here as data. A site picks one
 * with `profile:` in content/site.yaml. Evidence grades from shared/reference/domain-rules.md:
 * [V] verified against the legal text, [S] secondary source, [CONV] common practice.
 */
export interface RuleProfile {
  /** Key used in site.yaml. */
  key: string;
  /** Human name, e.g. 山东省. */
  name: string;
  /** Minimum days anything stays on the 公开栏; shorter must be re-published. */
  minPostingDays: number;
  /** How often finances must be published: every quarter, or every month for all villages. */
  financeCadence: 'quarter' | 'month';
  /** Quarterly items are due by this day of the first month of the next quarter. */
  quarterDeadlineDay: number;
  /** Monthly items are due by this day of the next month. */
  monthDeadlineDay: number;
  /** Ad-hoc (随时) items are due within this many days of the event. */
  adhocWithinDays: number;
  /** Days of notice before a meeting, by body; overrides the body default. */
  noticeDays: Readonly<Record<string, number>>;
  /** 村民代表会议 also needs ≥ 2/3 of women representatives present (山东). */
  womenRepQuorum: boolean;
  /** Minimum 公示 duration by notice type; overrides the national default. */
  noticeMinimums: Readonly<Record<string, { days: number; unit: 'calendar' | 'working' }>>;
  /**
   * The two 公开 of 四议两公开: the resolution is posted within `resolutionWithinDays` of the meeting, the
   * result within `resultWithinDays` of the last payment it authorised. `source` says where the numbers
   * come from, or that the national default is used.
   */
  fourStepPosting: { resolutionWithinDays: number; resultWithinDays: number; source: string };
  /** Where the values come from. */
  sources: string;
}

const NATIONAL: RuleProfile = {
  key: 'national',
  name: '全国默认',
  minPostingDays: 5, // [CONV] no national minimum; 5 days is the most common provincial floor
  financeCadence: 'quarter', // 组织法 §30 [V]: at least quarterly; monthly where transactions are many
  quarterDeadlineDay: 15, // [CONV] "每季度首月15日"
  monthDeadlineDay: 15, // [CONV]
  adhocWithinDays: 10, // [CONV] after 重庆
  noticeDays: {},
  womenRepQuorum: false,
  noticeMinimums: {},
  // [CONV] No national statute fixes these two deadlines (组织法 §30 only says 重大事项随时公开); the
  // default applies the 随时公开 window of 10 days (after 重庆办法 §30) to both 公开.
  fourStepPosting: { resolutionWithinDays: 10, resultWithinDays: 10, source: '全国默认：随时公开，10日内' },
  sources: '村民委员会组织法 §30；各地通行做法',
};

export const PROFILES: Readonly<Record<string, RuleProfile>> = {
  national: NATIONAL,
  shandong: {
    ...NATIONAL,
    key: 'shandong',
    name: '山东省',
    minPostingDays: 5, // 山东条例 §13 [V]
    financeCadence: 'month', // 山东条例 §12 [V]: every month, item by item
    noticeDays: { 村民代表会议: 5 }, // 山东办法 §24 [V]
    womenRepQuorum: true, // 山东办法 §24 [V]
    sources: '山东省村务公开条例 §12–13；山东省实施《村民委员会组织法》办法 §24',
  },
  chongqing: {
    ...NATIONAL,
    key: 'chongqing',
    name: '重庆市',
    minPostingDays: 10, // 重庆办法 §30 [V]
    quarterDeadlineDay: 15, // 重庆办法 §30 [V]
    monthDeadlineDay: 15,
    adhocWithinDays: 10,
    // 重庆办法 §30 [V]: 随时公开 items within 10 days; applied to both 公开 of 四议两公开.
    fourStepPosting: { resolutionWithinDays: 10, resultWithinDays: 10, source: '重庆市实施办法 §30：10日内' },
    sources: '重庆市实施《村民委员会组织法》办法 §29–30',
  },
  zhejiang: {
    ...NATIONAL,
    key: 'zhejiang',
    name: '浙江省',
    noticeDays: { 村民代表会议: 3 }, // 浙江办法 [V]
    noticeMinimums: { 资产评估结果: { days: 15, unit: 'calendar' } }, // 浙江集体资产条例 §37 [V]
    sources: '浙江省实施《村民委员会组织法》办法；浙江省村经济合作社组织条例',
  },
  shanghai: {
    ...NATIONAL,
    key: 'shanghai',
    name: '上海市',
    noticeDays: { 村民代表会议: 10 }, // 上海办法 [V]
    sources: '上海市实施《村民委员会组织法》办法 §23–25',
  },
  shaanxi: {
    ...NATIONAL,
    key: 'shaanxi',
    name: '陕西省',
    // 陕西实施办法 2011 §33 [S]: items needing government approval within 5 days of approval.
    adhocWithinDays: 5,
    // The same §33 window for both 公开 of 四议两公开 [S].
    fourStepPosting: { resolutionWithinDays: 5, resultWithinDays: 5, source: '陕西省村务公开民主管理实施办法 §33：5日内' },
    sources: '陕西省村务公开民主管理实施办法（2011）§33 [S]；其余为全国默认值',
  },
  heilongjiang: {
    ...NATIONAL,
    key: 'heilongjiang',
    name: '黑龙江省',
    sources: '全国默认值（黑龙江省地方规定待核实）',
  },
};
