/**
 * The open-data tables: one row per published fact, projected from the checked records and their
 * facts (src/records/), never re-derived. Each table names its columns once (with the zod schema
 * each projects, see table-schema.ts), its keys, and how a village's records become rows. Personal
 * data never reaches a table: no names of private persons, no notice after `unpublishAfter`, no
 * volunteer names, no handlers or approvers.
 */
import { z } from 'astro/zod';
import type { County, VillageRecords } from '../check/model.ts';
import { periodEnd, periodKey, periodLabel, periodStart } from '../lib/period.ts';
import { getNoticeType } from '../law/notice-types.ts';
import { getDisclosureFacts } from '../records/disclosure.ts';
import { getLedgerFacts } from '../records/ledger.ts';
import { getMeetingFacts } from '../records/meeting.ts';
import { getNoticeFacts } from '../records/notice.ts';
import { getVolunteerFacts } from '../records/volunteer.ts';
import type { VillageFileDate } from '../records/dated.ts';
import { DisclosureItemSchema, DisclosureSchema } from '../schemas/disclosure.ts';
import { ExpenseEntrySchema, IncomeEntrySchema, LedgerSchema } from '../schemas/ledger.ts';
import { MeetingSchema, ResolutionSchema, VotesSchema } from '../schemas/meeting.ts';
import { NoticeSchema, NoticeSubjectSchema } from '../schemas/notice.ts';
import { Count, HoursTenths, IsoDate, Slug, Text } from '../schemas/primitives.ts';
import { TeamSchema } from '../schemas/volunteer.ts';
import type { Column } from './table-schema.ts';

export type Cell = string | number;

/** A finding of the compliance checks for one village, as the compliance page words it. */
export interface Finding {
  period: string;
  check: string;
  result: string;
  severity: '错误' | '提醒' | '';
  file: string;
  field: string;
  problem: string;
  fix: string;
}

export interface TableInput {
  county: County;
  village: VillageRecords;
  /** This village's compliance findings, in order. */
  findings: readonly Finding[];
}

export interface Table {
  /** File name without extension, also the Data Package resource name. */
  name: string;
  title: string;
  description: string;
  columns: Column[];
  primaryKey: string[];
  foreignKeys?: { fields: string[]; reference: { resource: string; fields: string[] } }[];
  /**
   * How its rows depend on the as-of date (src/records/dated.ts): `notices`, a 公示 past its
   * `unpublishAfter` is left out; `as-of`, the day's findings. Absent: records only, on any day.
   */
  date?: VillageFileDate;
  /**
   * A column whose value starts with a year (2025-q3): the county's file of this table is one file per year
   * (ledger-entries-2025.csv), the table that grows with every quarter of every village (issue 18). A village's stays one file.
   */
  countyPartsBy?: string;
  rows(input: TableInput): Cell[][];
}

/** Yuan as a number with at most two decimals, from integer fen: 1250000 → 12500. */
export const yuan = (fen: number): number => fen / 100;
const opt = (v: string | number | undefined): Cell => v ?? '';
const bool = (v: boolean): string => (v ? 'true' : 'false');

const VILLAGE: Column = { name: 'village', title: '村编号', description: '村（社区）编号，即网址 /v/<村编号>/ 中的部分。', schema: Slug, required: true };
const VILLAGE_NAME: Column = { name: 'village_name', title: '村名', description: '村（社区）名称。', schema: Text };
const LEDGER_ID: Column = { name: 'ledger', title: '账期', description: '账期编号：季度如 2025-q3，月份如 2025-07。', schema: Text, required: true };
const DISCLOSURE_ID: Column = { name: 'disclosure', title: '公开编号', description: '季度公开的编号（文件名），如 2025-q3。', schema: Text, required: true };
const MEETING_ID: Column = { name: 'meeting', title: '会议编号', description: '会议的编号（文件名），如 2025-07-22-daibiao。', schema: Text, required: true };
const NOTICE_ID: Column = { name: 'notice', title: '公示编号', description: '公示的编号（文件名），如 2025-11-03-dibao。', schema: Text, required: true };
const NO: Column = { name: 'no', title: '序号', description: '在该记录中的序号，从 1 起。', schema: Count, required: true };
const URL: Column = { name: 'url', title: '网页', description: '本记录在网站上的页面地址（相对网站根目录）。', schema: Text, required: true };

const SIDE = z.enum(['收入', '支出']);
const OUTCOME = z.enum(['通过', '未通过', '不表决']);
const SEVERITY = z.enum(['错误', '提醒']);

export const TABLES: readonly Table[] = [
  {
    name: 'ledgers',
    title: '财务收支汇总（每期一行）',
    description: '每个账期的上期结余、本期收入合计、本期支出合计和本期结余，单位：元。',
    columns: [
      VILLAGE,
      VILLAGE_NAME,
      LEDGER_ID,
      { name: 'period', title: '期间', description: '账期的中文名称，如 2025年第三季度。', schema: Text },
      { name: 'period_start', title: '起始日', description: '账期第一天。', schema: IsoDate },
      { name: 'period_end', title: '截止日', description: '账期最后一天。', schema: IsoDate },
      { name: 'entity', title: '核算单位', description: '核算单位，未写明时为村民委员会（社区为居民委员会）。', schema: Text },
      { name: 'opening_balance', title: '上期结余', description: '期初现金结余（元），可为负数。', schema: LedgerSchema.shape.openingBalance },
      { name: 'income_total', title: '本期收入合计', description: '本期各笔收入之和（元）。', schema: LedgerSchema.shape.totals.shape.income },
      { name: 'expense_total', title: '本期支出合计', description: '本期各笔支出之和（元）。', schema: LedgerSchema.shape.totals.shape.expense },
      {
        name: 'closing_balance',
        title: '本期结余',
        description: '期末结余（元）= 上期结余 + 本期收入 − 本期支出。',
        schema: LedgerSchema.shape.closingBalance,
      },
      { name: 'income_entries', title: '收入笔数', description: '收入明细的笔数。', schema: Count },
      { name: 'expense_entries', title: '支出笔数', description: '支出明细的笔数。', schema: Count },
      { name: 'published_at', title: '公开日期', description: '张贴到村务公开栏的日期。', schema: LedgerSchema.shape.publishedAt },
      URL,
    ],
    primaryKey: ['village', 'ledger'],
    rows: ({ village: v }) =>
      v.ledgers.map((l) => [
        v.id,
        v.data.name,
        l.id,
        periodLabel(l.period),
        periodStart(l.period),
        periodEnd(l.period),
        getLedgerFacts(l, v).entity,
        yuan(l.data.openingBalance),
        yuan(l.data.totals.income),
        yuan(l.data.totals.expense),
        yuan(l.data.closingBalance),
        l.data.income.length,
        l.data.expense.length,
        l.data.publishedAt,
        `/v/${v.id}/finances/${l.id}/`,
      ]),
  },
  {
    name: 'ledger-entries',
    title: '财务收支明细（每笔一行）',
    description: '每个账期的每笔收入和支出，单位：元。按账期把金额相加即得汇总表的合计。',
    columns: [
      VILLAGE,
      LEDGER_ID,
      { name: 'side', title: '收支', description: '收入或支出。', schema: SIDE },
      { name: 'date', title: '日期', description: '发生日期。', schema: IncomeEntrySchema.shape.date },
      { name: 'voucher', title: '凭证号', description: '记账凭证号，如 记-07-003。', schema: IncomeEntrySchema.shape.voucher },
      { name: 'category', title: '科目', description: '会计科目，如 补助收入、管理费用。', schema: IncomeEntrySchema.shape.category },
      { name: 'summary', title: '摘要', description: '用途或来由。', schema: IncomeEntrySchema.shape.summary },
      { name: 'amount', title: '金额', description: '金额（元），大于零。', schema: IncomeEntrySchema.shape.amount },
      { name: 'source', title: '资金来源', description: '资金来源或去向，如 财政转移支付；未写明为空。', schema: IncomeEntrySchema.shape.source },
      { name: 'resolution', title: '决议', description: '授权该笔支出的会议编号（可带 #决议序号）；未写明为空。', schema: ExpenseEntrySchema.shape.resolution },
    ],
    primaryKey: ['village', 'ledger', 'side', 'voucher'],
    foreignKeys: [{ fields: ['village', 'ledger'], reference: { resource: 'ledgers', fields: ['village', 'ledger'] } }],
    countyPartsBy: 'ledger',
    rows: ({ village: v }) =>
      v.ledgers.flatMap((l) => [
        ...l.data.income.map((e): Cell[] => [v.id, l.id, '收入', e.date, e.voucher, e.category, e.summary, yuan(e.amount), opt(e.source), '']),
        ...l.data.expense.map((e): Cell[] => [
          v.id,
          l.id,
          '支出',
          e.date,
          e.voucher,
          e.category,
          e.summary,
          yuan(e.amount),
          opt(e.source),
          opt(e.resolution?.ref),
        ]),
      ]),
  },
  {
    name: 'disclosures',
    title: '村务公开（每季度每份一行）',
    description: '每份季度公开（党务、村务、财务）及其更正关系。',
    columns: [
      VILLAGE,
      VILLAGE_NAME,
      DISCLOSURE_ID,
      { name: 'title', title: '标题', description: '公开的标题。', schema: DisclosureSchema.shape.title },
      { name: 'track', title: '类别', description: '党务、村务或财务。', schema: DisclosureSchema.shape.track },
      { name: 'quarter', title: '季度', description: '所属季度，如 2025-q3。', schema: Text },
      { name: 'published_at', title: '公开日期', description: '张贴到村务公开栏的日期。', schema: DisclosureSchema.shape.publishedAt },
      { name: 'posted_until', title: '张贴至', description: '在公开栏张贴的最后一天。', schema: DisclosureSchema.shape.postedUntil },
      { name: 'items', title: '事项数', description: '公开事项的个数（明细见 disclosure-items）。', schema: Count },
      { name: 'corrects', title: '更正的公开', description: '本份更正的那份公开的编号；不是更正则为空。', schema: DisclosureSchema.shape.supersedes },
      { name: 'correction_reason', title: '更正原因', description: '更正的原因；不是更正则为空。', schema: DisclosureSchema.shape.correctionReason },
      { name: 'superseded_by', title: '已被更正', description: '更正本份的那份公开的编号；为空表示现行有效。', schema: DisclosureSchema.shape.supersedes },
      { name: 'approval_meeting', title: '审定会议', description: '审定公开方案的会议编号；未写明为空。', schema: DisclosureSchema.shape.supersedes },
      URL,
    ],
    primaryKey: ['village', 'disclosure'],
    rows: ({ village: v }) =>
      v.disclosures.map((d) => {
        const f = getDisclosureFacts(d, v);
        return [
          v.id,
          v.data.name,
          d.id,
          d.data.title,
          d.data.track,
          periodKey(d.period),
          d.data.publishedAt,
          d.data.postedUntil,
          d.data.items.length,
          opt(f.corrects),
          opt(d.data.correctionReason),
          opt(f.supersededBy),
          opt(f.approval?.meetingId),
          `/${f.path}/`,
        ];
      }),
  },
  {
    name: 'disclosure-items',
    title: '村务公开事项（每项一行）',
    description: '每份季度公开中的每个事项，引用县公开目录的编码。',
    columns: [
      VILLAGE,
      DISCLOSURE_ID,
      NO,
      { name: 'code', title: '目录编码', description: '县村务公开目录的编码，如 CW-03。', schema: DisclosureItemSchema.shape.code },
      { name: 'title', title: '事项', description: '事项标题。', schema: DisclosureItemSchema.shape.title },
      { name: 'content', title: '内容', description: '公开的内容。', schema: DisclosureItemSchema.shape.content },
    ],
    primaryKey: ['village', 'disclosure', 'no'],
    foreignKeys: [{ fields: ['village', 'disclosure'], reference: { resource: 'disclosures', fields: ['village', 'disclosure'] } }],
    rows: ({ village: v }) => v.disclosures.flatMap((d) => d.data.items.map((it, i): Cell[] => [v.id, d.id, i + 1, it.code, it.title, it.content])),
  },
  {
    name: 'meetings',
    title: '会议（每次一行）',
    description: '每次会议的机构、日期、到会人数、是否达到法定人数和表决结果统计。',
    columns: [
      VILLAGE,
      VILLAGE_NAME,
      MEETING_ID,
      { name: 'title', title: '会议名称', description: '会议名称。', schema: MeetingSchema.shape.title },
      { name: 'body', title: '会议机构', description: '开会的机构，如 村民代表会议。', schema: MeetingSchema.shape.body },
      { name: 'date', title: '日期', description: '开会日期。', schema: MeetingSchema.shape.date },
      { name: 'eligible', title: '应到人数', description: '应到会人数。', schema: MeetingSchema.shape.eligible },
      { name: 'present', title: '实到人数', description: '实到会人数。', schema: MeetingSchema.shape.present },
      { name: 'quorum_met', title: '达到法定人数', description: '到会人数是否达到法定要求（true/false）。', schema: z.boolean() },
      { name: 'resolutions', title: '决议数', description: '决议（或协商结果）的个数，明细见 resolutions。', schema: Count },
      { name: 'passed', title: '通过数', description: '获得通过的决议个数。', schema: Count },
      { name: 'failed', title: '未通过数', description: '未获通过的决议个数。', schema: Count },
      { name: 'previous', title: '上一步会议', description: '“四议两公开”中上一步会议的编号；没有则为空。', schema: MeetingSchema.shape.previous },
      { name: 'published_at', title: '决议公开日期', description: '决议张贴到公开栏的日期；未公开为空。', schema: MeetingSchema.shape.publishedAt },
      URL,
    ],
    primaryKey: ['village', 'meeting'],
    rows: ({ county, village: v }) =>
      v.meetings.map((m) => {
        const f = getMeetingFacts(m, v, county);
        return [
          v.id,
          v.data.name,
          m.id,
          m.data.title,
          m.data.body,
          m.data.date,
          m.data.eligible,
          m.data.present,
          bool(f.quorum.met),
          m.data.resolutions.length,
          f.passed,
          f.failed,
          opt(m.data.previous),
          opt(m.data.publishedAt),
          `/${f.path}/`,
        ];
      }),
  },
  {
    name: 'resolutions',
    title: '会议决议与表决（每项决议一行）',
    description: '每项决议的赞成、反对、弃权票数和按法定规则计算的结果。',
    columns: [
      VILLAGE,
      MEETING_ID,
      NO,
      { name: 'title', title: '决议事项', description: '决定的事项。', schema: ResolutionSchema.shape.title },
      { name: 'yes', title: '赞成', description: '赞成票数；不表决的机构为空。', schema: VotesSchema.shape.yes.optional() },
      { name: 'no_votes', title: '反对', description: '反对票数；不表决的机构为空。', schema: VotesSchema.shape.no.optional() },
      { name: 'abstain', title: '弃权', description: '弃权票数；不表决的机构为空。', schema: VotesSchema.shape.abstain.optional() },
      { name: 'outcome', title: '结果', description: '通过、未通过，或不表决（议事协商会、听证会）；由票数按法定规则计算。', schema: OUTCOME },
      { name: 'result', title: '协商结果', description: '不表决机构的协商结果；其他为空。', schema: ResolutionSchema.shape.result },
      { name: 'authorises', title: '授权支出', description: '本决议授权的支出（账期/凭证号），多项以分号分隔。', schema: Text.optional() },
    ],
    primaryKey: ['village', 'meeting', 'no'],
    foreignKeys: [{ fields: ['village', 'meeting'], reference: { resource: 'meetings', fields: ['village', 'meeting'] } }],
    rows: ({ county, village: v }) =>
      v.meetings.flatMap((m) => {
        const f = getMeetingFacts(m, v, county);
        return m.data.resolutions.map((r, i): Cell[] => [
          v.id,
          m.id,
          i + 1,
          r.title,
          opt(r.votes?.yes),
          opt(r.votes?.no),
          opt(r.votes?.abstain),
          f.outcomes[i]!,
          opt(r.result),
          r.authorises.map((a) => a.ref).join('；'),
        ]);
      }),
  },
  {
    name: 'notices',
    date: 'notices',
    title: '公示（每份一行）',
    description: '每份公示的类型、公示期和异议渠道。已过撤下日期（unpublishAfter）的公示不在此列。',
    columns: [
      VILLAGE,
      VILLAGE_NAME,
      NOTICE_ID,
      { name: 'title', title: '标题', description: '公示标题。', schema: NoticeSchema.shape.title },
      { name: 'type', title: '公示类型', description: '公示的类型，如 低保初审、项目。', schema: NoticeSchema.shape.type },
      { name: 'start_date', title: '公示开始', description: '公示第一天。', schema: NoticeSchema.shape.startDate },
      { name: 'end_date', title: '公示截止', description: '公示期最后一天（按民法典期间计算规则和节假日推算）。', schema: IsoDate },
      { name: 'days', title: '公示天数', description: '公示期的天数。', schema: NoticeSchema.shape.duration.shape.days },
      { name: 'day_unit', title: '天数单位', description: '自然日或工作日。', schema: NoticeSchema.shape.duration.shape.unit },
      { name: 'subjects', title: '对象数', description: '公示对象（户、人或项目）的个数。', schema: Count },
      { name: 'objection_to', title: '异议受理', description: '受理异议的机构。', schema: NoticeSchema.shape.objection.shape.to },
      { name: 'objection_phone', title: '异议电话', description: '受理异议的办公电话。', schema: NoticeSchema.shape.objection.shape.phone },
      {
        name: 'unpublish_after',
        title: '网上撤下日期',
        description: '含个人信息的公示从网站撤下的日期；之后本数据不再包含它。',
        schema: NoticeSchema.shape.unpublishAfter,
      },
      URL,
    ],
    primaryKey: ['village', 'notice'],
    rows: ({ county, village: v }) =>
      v.notices.flatMap((n) => {
        const f = getNoticeFacts(n, v, county);
        if (f.unpublished) return [];
        return [
          [
            v.id,
            v.data.name,
            n.id,
            n.data.title,
            n.data.type,
            n.data.startDate,
            n.endDate,
            n.data.duration.days,
            n.data.duration.unit === 'working' ? '工作日' : '自然日',
            n.data.subjects.length,
            n.data.objection.to,
            n.data.objection.phone,
            opt(n.data.unpublishAfter),
            `/${f.path}/`,
          ],
        ];
      }),
  },
  {
    name: 'notice-subjects',
    date: 'notices',
    title: '公示对象（每个对象一行）',
    description: '公示对象中法律允许在网上公开的字段。个人类公示（低保、宅基地、发展党员等）不含姓名；已撤下的公示不在此列。',
    columns: [
      VILLAGE,
      NOTICE_ID,
      NO,
      { name: 'name', title: '名称', description: '项目或单位名称；个人类公示一律为空（不公开个人姓名）。', schema: NoticeSubjectSchema.shape.name },
      { name: 'members', title: '人数', description: '保障人数或家庭人口。', schema: NoticeSubjectSchema.shape.members },
      { name: 'amount', title: '金额', description: '金额（元），如每月保障金额或补偿金额。', schema: NoticeSubjectSchema.shape.amount },
      { name: 'group', title: '村民小组', description: '所在村民小组。', schema: NoticeSubjectSchema.shape.group },
      { name: 'reason', title: '理由', description: '申请理由。', schema: NoticeSubjectSchema.shape.reason },
      { name: 'plot', title: '位置', description: '拟用地位置或地块（不含门牌号）。', schema: NoticeSubjectSchema.shape.plot },
      { name: 'area', title: '面积', description: '面积（平方米）。', schema: NoticeSubjectSchema.shape.area },
      { name: 'floors', title: '层数', description: '拟建层数。', schema: NoticeSubjectSchema.shape.floors },
      { name: 'gender', title: '性别', description: '性别（发展党员公示）。', schema: NoticeSubjectSchema.shape.gender },
      { name: 'birth_month', title: '出生年月', description: '出生年月，YYYY-MM（发展党员公示）。', schema: NoticeSubjectSchema.shape.birthMonth },
      { name: 'education', title: '学历', description: '学历（发展党员公示）。', schema: NoticeSubjectSchema.shape.education },
      { name: 'note', title: '备注', description: '备注。', schema: NoticeSubjectSchema.shape.note },
    ],
    primaryKey: ['village', 'notice', 'no'],
    foreignKeys: [{ fields: ['village', 'notice'], reference: { resource: 'notices', fields: ['village', 'notice'] } }],
    rows: ({ county, village: v }) =>
      v.notices.flatMap((n) => {
        const f = getNoticeFacts(n, v, county);
        if (f.unpublished) return [];
        // Only the fields the law allows on the web for this type (f.columns), and never a private person's name.
        const shown = new Set(f.columns.map((c) => c.key).filter((k) => !(k === 'name' && (f.personal || getNoticeType(n.data.type)!.personal))));
        const cell = (k: keyof (typeof n.data.subjects)[number], s: (typeof n.data.subjects)[number]): Cell => {
          const value = shown.has(k) ? s[k] : undefined;
          return value === undefined ? '' : k === 'amount' ? yuan(value as number) : value;
        };
        return n.data.subjects.map((s, i): Cell[] => [
          v.id,
          n.id,
          i + 1,
          ...(['name', 'members', 'amount', 'group', 'reason', 'plot', 'area', 'floors', 'gender', 'birthMonth', 'education', 'note'] as const).map((k) =>
            cell(k, s),
          ),
        ]);
      }),
  },
  {
    name: 'volunteers',
    title: '志愿服务统计（每期一行）',
    description: '每期的志愿服务队数、志愿者人数、活动次数和服务时长。不含志愿者姓名。',
    columns: [
      VILLAGE,
      VILLAGE_NAME,
      { name: 'period', title: '期间编号', description: '期间编号，如 2025-q3。', schema: Text, required: true },
      { name: 'period_label', title: '期间', description: '期间的中文名称。', schema: Text },
      { name: 'teams', title: '服务队数', description: '志愿服务队个数。', schema: Count },
      { name: 'volunteers', title: '志愿者人数', description: '登记的志愿者人数。', schema: Count },
      { name: 'activities', title: '活动次数', description: '本期开展的活动次数。', schema: Count },
      { name: 'hours', title: '服务时长', description: '本期服务总时长（小时，保留一位小数）。', schema: HoursTenths },
      { name: 'team_names', title: '服务队', description: '志愿服务队名称，以分号分隔。', schema: TeamSchema.shape.name },
      URL,
    ],
    primaryKey: ['village', 'period'],
    rows: ({ village: v }) =>
      v.volunteers.map((p) => {
        const f = getVolunteerFacts(p, v);
        return [
          v.id,
          v.data.name,
          p.id,
          f.figures.label,
          f.figures.teams,
          f.figures.volunteers,
          f.figures.activities,
          Number(f.figures.hours),
          p.data.teams.map((t) => t.name).join('；'),
          `/${f.path}/`,
        ];
      }),
  },
  {
    name: 'compliance-findings',
    date: 'as-of',
    title: '合规检查结果（每个季度、每个发现一行）',
    description: '每个季度是否按期公开，以及各项法定检查发现的问题，与网站“合规情况”页一致。',
    columns: [
      VILLAGE,
      { name: 'quarter', title: '季度', description: '季度编号，如 2025-q3。', schema: Text, required: true },
      { name: 'no', title: '序号', description: '该村该季度内的序号，从 1 起（1 为按期公开情况）。', schema: Count, required: true },
      { name: 'check', title: '检查项', description: '检查项，如 按期公开、目录齐全、公示期限。', schema: Text },
      { name: 'result', title: '结果', description: '按期公开行：按时、逾期公开、未公开或未到期；问题行为空。', schema: Text.optional() },
      { name: 'severity', title: '级别', description: '错误或提醒；按期公开行为空。', schema: SEVERITY.optional() },
      { name: 'file', title: '文件', description: '问题所在的内容文件。', schema: Text.optional() },
      { name: 'field', title: '字段', description: '问题所在的字段。', schema: Text.optional() },
      { name: 'problem', title: '问题', description: '问题的说明。', schema: Text },
      { name: 'fix', title: '如何改正', description: '改正的方法。', schema: Text.optional() },
    ],
    primaryKey: ['village', 'quarter', 'no'],
    rows: ({ village: v, findings }) => {
      const counters = new Map<string, number>();
      return findings.map((f) => {
        const n = (counters.get(f.period) ?? 0) + 1;
        counters.set(f.period, n);
        return [v.id, f.period, n, f.check, f.result, f.severity, f.file, f.field, f.problem, f.fix];
      });
    },
  },
];
