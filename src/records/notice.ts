/**
 * Every derived fact about one 公示, once: its type's rule, the subject columns it shows (with the
 * one table of column labels), the cells (amounts in yuan; names in full for the paper board and
 * masked for screens), whether it has been taken down (unpublished on the as-of date), its track,
 * the count of its subjects in the type's unit, and its page path. Pure and serialisable.
 */
import type { NoticeRec, VillageRecords } from '../check/model.ts';
import { formatDateZh } from '../lib/dates.ts';
import { formatYuan } from '../lib/money.ts';
import { maskName } from '../lib/privacy.ts';
import { getNoticeType } from '../law/notice-types.ts';
import { getIssuer, type FactsContext } from './context.ts';
import { deriveOnce } from './once.ts';
import { recordPath } from './registry.ts';

/** The subject fields of a 公示 as column headings, and which are numbers (right-aligned). */
export const SUBJECT_FIELDS: Readonly<Record<string, { label: string; numeric: boolean }>> = {
  name: { label: '姓名/名称', numeric: false },
  members: { label: '人数', numeric: true },
  amount: { label: '金额（元）', numeric: true },
  group: { label: '村民小组', numeric: false },
  reason: { label: '理由', numeric: false },
  plot: { label: '位置', numeric: false },
  area: { label: '面积（㎡）', numeric: true },
  floors: { label: '层数', numeric: true },
  gender: { label: '性别', numeric: false },
  birthMonth: { label: '出生年月', numeric: false },
  education: { label: '学历', numeric: false },
  note: { label: '备注', numeric: false },
};

export interface NoticeFacts {
  id: string;
  path: string;
  typeEn: string;
  /** Subjects are private persons: names are masked on the web. */
  personal: boolean;
  /** A personal type that lists names: its poster is for the board only, never published online. */
  namesPersons: boolean;
  /** Taken down: the as-of date is after `unpublishAfter`. */
  unpublished: boolean;
  track: '党务' | '村务' | '财务';
  /** 共 4 户, for personal types counted in a unit and with subjects; where names are not shown. */
  countZh?: string;
  /** 个工作日 or 天. */
  unitZh: string;
  columns: { key: string; label: string; numeric: boolean }[];
  /** Cells as the paper board shows them (names in full). */
  rows: string[][];
  /** Cells as screens show them (names of persons masked). */
  maskedRows: string[][];
  /**
   * The rows of a personal 公示's list as the web shows them (马*顺 3 1,260.00 二组), one text each, while it shows
   * them (until `unpublishAfter`); none after, none for other types. The only personal data the site search holds, in
   * its names bundle: a villager finds the 公示 by a masked name or an amount on its list (issues 3 and 12), never
   * once the list has left the web (domain rules §4.3), never by an unmasked name.
   */
  listedRows: string[];
  /**
   * One sentence: type, period, count, where to object. The feed item's summary and the page's share card; the same
   * whether or not the names are still on the web, so the page's head does not change the day they leave.
   */
  summary: string;
  issuer: string;
}

/** A 公示's facts, derived once per record, village and as-of date (./once.ts). */
export const getNoticeFacts: (n: NoticeRec, v: VillageRecords, ctx: Pick<FactsContext, 'asOf'>) => NoticeFacts = deriveOnce(
  deriveNoticeFacts,
  (ctx) => ctx.asOf,
);

function deriveNoticeFacts(n: NoticeRec, v: VillageRecords, ctx: Pick<FactsContext, 'asOf'>): NoticeFacts {
  const x = n.data;
  const type = getNoticeType(x.type)!;
  const keys = type.allowedFields.filter((f) => x.subjects.some((s) => s[f as keyof typeof s] !== undefined));
  const cell = (field: string, value: unknown, mask: boolean): string => {
    if (value === undefined) return '';
    if (field === 'name' && mask) return maskName(String(value));
    if (field === 'amount') return formatYuan(Number(value));
    return String(value);
  };
  const rows = (mask: boolean) => x.subjects.map((s) => keys.map((f) => cell(f, s[f as keyof typeof s], mask)));
  const unpublished = x.unpublishAfter !== undefined && ctx.asOf > x.unpublishAfter;
  const unitZh = x.duration.unit === 'working' ? '个工作日' : '天';
  const countZh = type.personal && type.countUnit && x.subjects.length > 0 ? `共 ${x.subjects.length} ${type.countUnit}` : undefined;
  return {
    id: n.id,
    path: recordPath('notice', v.id, n.id),
    typeEn: type.en,
    personal: type.personal,
    namesPersons: type.personal && x.subjects.some((s) => s.name !== undefined),
    unpublished,
    track: type.track,
    ...(countZh ? { countZh } : {}),
    unitZh,
    columns: keys.map((f) => ({ key: f, label: SUBJECT_FIELDS[f]?.label ?? f, numeric: SUBJECT_FIELDS[f]?.numeric ?? false })),
    rows: rows(false),
    maskedRows: rows(type.personal),
    summary: `${x.type}公示，自${formatDateZh(x.startDate)}起 ${x.duration.days} ${unitZh}，至${formatDateZh(n.endDate)}。${countZh ? `${countZh}。` : ''}如有异议请向${x.objection.to}反映（电话 ${x.objection.phone}）。`,
    listedRows: type.personal && !unpublished ? rows(true).map((r) => r.filter(Boolean).join(' ')) : [],
    issuer: getIssuer(v),
  };
}
