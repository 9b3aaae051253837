/**
 * A public notice (公示): content/villages/<id>/notices/<yyyy-mm-dd>-<slug>.md. The end date is
 * computed from the start date and duration per 民法典 §201–203 with the holiday calendar.
 */
import { z } from 'astro/zod';
import { NOTICE_TYPE_NAMES } from '../law/notice-types.ts';
import { Count, DayUnit, Fen, Flag, IsoDate, OfficePhone, Pattern, Text } from './primitives.ts';

/** One subject of the notice; only the fields the notice type allows may be filled. */
export const NoticeSubjectSchema = z.strictObject({
  /** Name of the household head / applicant / person (masked on the web when private). */
  name: Text.optional(),
  /** Number of people covered (保障人数 / 家庭人口). */
  members: Count.optional(),
  /** Amount in yuan (保障金额 per month / compensation). */
  amount: Fen.optional(),
  /** Village group (村民小组), never a house number. */
  group: Text.optional(),
  /** Reason (宅基地申请理由). */
  reason: Text.optional(),
  /** Plot location (拟用地位置, 地块), never a house-number address. */
  plot: Text.optional(),
  /** Area in square metres. */
  area: Text.optional(),
  /** Storeys planned (拟建层数). */
  floors: Count.optional(),
  /** Gender (发展党员). */
  gender: z.enum(['男', '女']).optional(),
  /** Year and month of birth, YYYY-MM (发展党员). */
  birthMonth: Pattern(/^\d{4}-(0[1-9]|1[0-2])$/, 'month.format').optional(),
  /** Education (发展党员). */
  education: Text.optional(),
  /** Short note. */
  note: Text.optional(),
});
export type NoticeSubject = z.infer<typeof NoticeSubjectSchema>;

export const NoticeSchema = z.strictObject({
  /** Title, e.g. 马曲村2025年第四季度低保初审对象公示. */
  title: Text,
  /** Kind of notice: 低保初审, 低保对象名单, 宅基地申请, 征地补偿安置, 项目, 一事一议, 选民名单, 发展党员 … */
  type: z.enum(NOTICE_TYPE_NAMES),
  /** First day of the notice, YYYY-MM-DD; the period is counted from the next day. */
  startDate: IsoDate,
  /** Length of the period. */
  duration: z.strictObject({
    /** Number of days. */
    days: Count,
    /** 自然日 (calendar days) or 工作日 (working days). */
    unit: DayUnit.default('calendar'),
  }),
  /** The list stays up long-term until replaced (低保对象名单 only). */
  longTerm: Flag.default(false),
  /** Legal basis, e.g. 社会救助暂行办法第十一条. */
  legalBasis: Text.optional(),
  /** Subjects of the notice (households, applicants, projects). */
  subjects: z.array(NoticeSubjectSchema).default([]),
  /** Where to object during the period. */
  objection: z.strictObject({
    /** Who receives objections: 村务监督委员会, 村民委员会, 乡镇人民政府, 县民政局 … */
    to: Text,
    /** Public office phone. */
    phone: OfficePhone,
    /** Where to come in person, e.g. 村委会办公室. */
    place: Text.optional(),
  }),
  /** Date the web page with personal data is taken down (PIPL §47); required when subjects name people. */
  unpublishAfter: IsoDate.optional(),
});
export type Notice = z.infer<typeof NoticeSchema>;
