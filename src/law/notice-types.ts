/**
 * Kinds of 公示 (public notice): the minimum posting period each needs and the only subject fields
 * the law allows to be published for it (个人信息保护法 §6 minimisation). A province profile may
 * raise a minimum (profiles.ts → noticeMinimums).
 */
export interface NoticeType {
  name: string;
  en: string;
  /** Minimum period; the profile's general minimum posting days applies on top. */
  minimum: { days: number; unit: 'calendar' | 'working' };
  /** Subject fields that may be published for this type. */
  allowedFields: readonly string[];
  /** Subjects are private persons: their names are personal data and are masked on the web. */
  personal: boolean;
  /** The list may stay up long-term (低保对象名单) instead of for a fixed period. */
  longTermAllowed: boolean;
  /** What the subjects are counted in where they are not listed by name (the kiosk: 共 4 户); none: not counted. */
  countUnit?: '户' | '人';
  /** The disclosure track: 发展党员 is 党务; 一事一议 fund raising is 财务 (catalogue CZ-02); the rest 村务. */
  track: '党务' | '村务' | '财务';
  /**
   * The 公示 this one follows for the same persons: a list of those approved is posted only after their review 公示 has
   * ended without objection (低保初审 → 低保对象名单). Its notice for a person must start after that one's last day.
   */
  after?: { type: string; source: string };
  source: string;
}

export const NOTICE_TYPES: readonly NoticeType[] = [
  {
    name: '低保初审',
    en: 'minimum-allowance first review',
    minimum: { days: 7, unit: 'calendar' },
    allowedFields: ['name', 'members', 'amount', 'group'],
    personal: true,
    longTermAllowed: false,
    countUnit: '户',
    track: '村务',
    source: '最低生活保障审核确认办法（2021）[S]：公示7天；只公示户主姓名、保障人数、保障金额',
  },
  {
    name: '低保对象名单',
    en: 'minimum-allowance recipient list',
    minimum: { days: 7, unit: 'calendar' },
    allowedFields: ['name', 'members', 'amount', 'group'],
    personal: true,
    longTermAllowed: true,
    countUnit: '户',
    track: '村务',
    after: { type: '低保初审', source: '最低生活保障审核确认办法（2021）[S]：初审结果公示无异议后才审核确认，确认后公布' },
    source: '民政部规定 [S]：长期公布，动态更新',
  },
  {
    name: '特困供养',
    en: 'extreme-poverty support',
    minimum: { days: 7, unit: 'calendar' },
    allowedFields: ['name', 'members', 'amount', 'group'],
    personal: true,
    longTermAllowed: false,
    countUnit: '户',
    track: '村务',
    source: '社会救助暂行办法 §18 [V]；期限由地方规定',
  },
  {
    name: '临时救助',
    en: 'temporary assistance',
    minimum: { days: 7, unit: 'calendar' },
    allowedFields: ['name', 'members', 'amount', 'group'],
    personal: true,
    longTermAllowed: false,
    countUnit: '户',
    track: '村务',
    source: '社会救助暂行办法 §48 [V]；期限由地方规定',
  },
  {
    name: '宅基地申请',
    en: 'homestead application',
    minimum: { days: 5, unit: 'calendar' },
    allowedFields: ['name', 'reason', 'plot', 'area', 'floors', 'group'],
    personal: true,
    longTermAllowed: false,
    countUnit: '户',
    track: '村务',
    source: '土地管理法实施条例 §34 [V]；期限为地方通行做法 [CONV]',
  },
  {
    name: '征地补偿安置',
    en: 'land-requisition compensation plan',
    minimum: { days: 30, unit: 'calendar' },
    allowedFields: ['name', 'amount', 'plot', 'area', 'group'],
    personal: true,
    longTermAllowed: false,
    countUnit: '户',
    track: '村务',
    source: '土地管理法实施条例 §28 [V]：不少于30日',
  },
  {
    name: '项目',
    en: 'project',
    minimum: { days: 5, unit: 'calendar' },
    allowedFields: ['name', 'amount', 'note'],
    personal: false,
    longTermAllowed: false,
    track: '村务',
    source: '农村集体经济组织财务公开规定（2011）专项公开 [S]',
  },
  {
    name: '一事一议',
    en: 'one-matter-one-discussion plan',
    minimum: { days: 7, unit: 'calendar' },
    allowedFields: ['name', 'amount', 'note'],
    personal: false,
    longTermAllowed: false,
    track: '财务',
    source: '村民一事一议筹资筹劳管理办法 [R]；期限为通行做法',
  },
  {
    name: '选民名单',
    en: 'voter roll',
    minimum: { days: 20, unit: 'calendar' },
    allowedFields: ['name', 'group'],
    personal: true,
    longTermAllowed: false,
    countUnit: '人',
    track: '村务',
    source: '村民委员会组织法 §14 [V]：选举日20日前公布',
  },
  {
    name: '发展党员',
    en: 'party-member candidates',
    minimum: { days: 5, unit: 'calendar' },
    allowedFields: ['name', 'gender', 'birthMonth', 'education', 'note'],
    personal: true,
    longTermAllowed: false,
    countUnit: '人',
    track: '党务',
    source: '发展党员工作细则；期限为通行做法 [CONV]',
  },
  {
    name: '评先评优',
    en: 'awards',
    minimum: { days: 5, unit: 'calendar' },
    allowedFields: ['name', 'group', 'note'],
    personal: true,
    longTermAllowed: false,
    countUnit: '人',
    track: '村务',
    source: '通行做法 [CONV]',
  },
  {
    name: '其他',
    en: 'other',
    minimum: { days: 0, unit: 'calendar' },
    allowedFields: ['name', 'amount', 'group', 'note'],
    personal: false,
    longTermAllowed: false,
    track: '村务',
    source: '省级公开栏最短公开期',
  },
];

export const NOTICE_TYPE_NAMES = NOTICE_TYPES.map((t) => t.name) as [string, ...string[]];

export function getNoticeType(name: string): NoticeType | undefined {
  return NOTICE_TYPES.find((t) => t.name === name);
}
