/**
 * View-model of a village's kiosk screen (/kiosk/<village-id>/): the items the screen cycles through,
 * the deadline after which it must warn that it may be stale, and what it points people to. Screens
 * never list named people: notices show how many households or people they cover and send viewers
 * to the paper board and the website; meetings and volunteers are shown as counts and titles.
 */
import { encode } from 'uqr';
import type { VillageRecords } from '../check/model.ts';
import { formatDateZh } from '../lib/dates.ts';
import { getNewestPeriod } from '../lib/kiosk.ts';
import { summariseLedger } from '../lib/ledger.ts';
import { formatYuan } from '../lib/money.ts';
import { comparePeriods, periodKey, periodLabel } from '../lib/period.ts';
import type { FactsContext } from '../records/context.ts';
import { getLedgerPlainFacts } from '../records/ledger.ts';
import { getMeetingFacts } from '../records/meeting.ts';
import { getKioskFreshness, getNewestRecordDate, getNoticePosting } from '../records/dated.ts';
import { getNoticeFacts } from '../records/notice.ts';
import { villagePath } from '../records/registry.ts';
import { getVolunteerFacts } from '../records/volunteer.ts';
import { getCounty, getVillage, href } from './county.ts';
import { currentDisclosures } from './views.ts';

/** The kiosk address of a village, under the site's base path. */
export const kioskHref = (villageId: string) => href(`kiosk/${villageId}`);

/** How many meetings with votes the screen shows. */
const RECENT_MEETINGS = 3;
/** How many activities of the newest volunteer period the screen names. */
const VOLUNTEER_HIGHLIGHTS = 3;
/** How many categories of income and of expense the finance item shows. */
const TOP_CATEGORIES = 3;

export type KioskSlide =
  | {
      kind: 'notice';
      key: string;
      typeName: string;
      title: string;
      startZh: string;
      endZh: string;
      start: string;
      end: string;
      longTerm: boolean;
      status: { state: string; zh: string };
      /** e.g. 共 4 户 (personal notices only). */
      countZh?: string;
      objection: { to: string; phone: string; place?: string | undefined };
    }
  | {
      kind: 'disclosure';
      key: string;
      heading: string;
      track: string;
      label: string;
      publishedZh: string;
      corrected: boolean;
      position: string;
      itemTitle: string;
      itemContent: string;
    }
  | {
      kind: 'finance';
      key: string;
      label: string;
      publishedZh: string;
      figures: { zh: string; yuan: string }[];
    }
  | {
      kind: 'finance-categories';
      key: string;
      label: string;
      publishedZh: string;
      income: { category: string; yuan: string }[];
      expense: { category: string; yuan: string }[];
    }
  | {
      kind: 'finance-purposes';
      key: string;
      label: string;
      publishedZh: string;
      expense: string;
      /** The largest expenses by what they paid for (src/records/ledger.ts getLedgerPlainFacts). */
      main: { purpose: string; yuan: string }[];
      rest?: string;
    }
  | {
      kind: 'meeting';
      key: string;
      title: string;
      body: string;
      dateZh: string;
      resolutions: { title: string; outcome: string; outcomeZh: string; outcomeClass: 'passed' | 'failed' | 'neutral'; votesZh: string }[];
      /** 应到/实到 and whether the meeting stood (its quorum, from the meeting's facts). */
      attendanceZh: string;
      /** Its place in a 四议两公开 chain (src/records/meeting.ts getMeetingFacts): the step it is, each step's state, and the 两公开 still pending. */
      chain?: {
        stepZh: string;
        steps: { zh: string; state: 'done' | 'current' | 'todo' }[];
        publicSteps: { zh: string; done: boolean }[];
      };
    }
  | {
      kind: 'volunteers';
      key: string;
      label: string;
      figures: { zh: string; value: string }[];
      highlights: { dateZh: string; type: string; title: string; place: string }[];
    };

export interface KioskView {
  village: { id: string; name: string; township: string };
  siteTitle: string;
  /** The date of the village's newest record on the build's date (最近更新), what the screen's page prints instead of the build's date. */
  updated?: string;
  updatedZh?: string;
  hotline: string;
  phone: string;
  boards: string[];
  /** The screen's own addresses: its page (the service worker's scope), service worker and version file. */
  urls: { scope: string; sw: string; version: string; icon: string };
  /** The village's page on the public website, shown as text and as a QR code. */
  web: { url: string; display: string; qrPath: string; qrSize: number };
  /** After `deadline` the screen warns it may be stale; `staleAtBuild` is that test on the as-of date. */
  freshness: { deadline: string; staleAtBuild: boolean; dueZh: string; what: string; coming: { label: string; deadline: string }[]; known: string };
  slides: KioskSlide[];
}

function noticeSlides(v: VillageRecords, asOf: string): KioskSlide[] {
  return [...v.notices]
    .sort((a, b) => a.endDate.localeCompare(b.endDate) || a.id.localeCompare(b.id))
    .flatMap((n): KioskSlide[] => {
      const status = getNoticePosting(n, asOf);
      const f = getNoticeFacts(n, v, { asOf });
      if (status.state === 'ended' || f.unpublished) return [];
      const slide: KioskSlide = {
        kind: 'notice',
        key: `notice-${n.id}`,
        typeName: n.data.type,
        title: n.data.title,
        startZh: formatDateZh(n.data.startDate),
        endZh: formatDateZh(n.endDate),
        start: n.data.startDate,
        end: n.endDate,
        longTerm: n.data.longTerm,
        status,
        objection: { to: n.data.objection.to, phone: n.data.objection.phone, place: n.data.objection.place },
      };
      if (f.countZh) slide.countZh = f.countZh;
      return [slide];
    });
}

function disclosureSlides(v: VillageRecords): KioskSlide[] {
  const current = currentDisclosures(v);
  const newest = getNewestPeriod(current.map((d) => d.period));
  if (!newest) return [];
  const order = ['村务', '财务', '党务'];
  return current
    .filter((d) => periodKey(d.period) === periodKey(newest))
    .sort((a, b) => order.indexOf(a.data.track) - order.indexOf(b.data.track) || a.id.localeCompare(b.id))
    .flatMap((d) =>
      d.data.items.map((item, i) => ({
        kind: 'disclosure' as const,
        key: `disclosure-${d.id}-${i + 1}`,
        heading: d.data.title,
        track: d.data.track,
        label: periodLabel(d.period),
        publishedZh: formatDateZh(d.data.publishedAt),
        corrected: Boolean(d.data.supersedes),
        position: `第 ${i + 1} 项 / 共 ${d.data.items.length} 项`,
        itemTitle: item.title,
        itemContent: item.content,
      })),
    );
}

function ledgerSlides(v: VillageRecords): KioskSlide[] {
  const sorted = [...v.ledgers].sort((a, b) => comparePeriods(b.period, a.period));
  const l = sorted[0];
  if (!l) return [];
  const plain = getLedgerPlainFacts(l, sorted[1]);
  const rows = summariseLedger(l.data).byCategory;
  const top = (side: 'income' | 'expense') =>
    rows
      .filter((r) => r.side === side)
      .sort((a, b) => b.amount - a.amount || a.category.localeCompare(b.category))
      .slice(0, TOP_CATEGORIES)
      .map((r) => ({ category: r.category, yuan: formatYuan(r.amount) }));
  return [
    {
      kind: 'finance',
      key: `finance-${l.id}`,
      label: periodLabel(l.period),
      publishedZh: formatDateZh(l.data.publishedAt),
      figures: [
        { zh: '上期结余', yuan: formatYuan(l.data.openingBalance) },
        { zh: '本期收入', yuan: formatYuan(l.data.totals.income) },
        { zh: '本期支出', yuan: formatYuan(l.data.totals.expense) },
        { zh: '本期结余', yuan: formatYuan(l.data.closingBalance) },
      ],
    },
    {
      kind: 'finance-purposes',
      key: `finance-${l.id}-purposes`,
      label: plain.periodZh,
      publishedZh: formatDateZh(l.data.publishedAt),
      expense: formatYuan(plain.expense),
      main: plain.mainExpenses.map((e) => ({ purpose: e.purpose, yuan: formatYuan(e.amount) })),
      ...(plain.otherExpenses.count > 0 ? { rest: `另有 ${plain.otherExpenses.count} 笔，共 ${formatYuan(plain.otherExpenses.amount)} 元` } : {}),
    },
    {
      kind: 'finance-categories',
      key: `finance-${l.id}-categories`,
      label: periodLabel(l.period),
      publishedZh: formatDateZh(l.data.publishedAt),
      income: top('income'),
      expense: top('expense'),
    },
  ];
}

function meetingSlides(v: VillageRecords, ctx: FactsContext): KioskSlide[] {
  return [...v.meetings]
    .filter((m) => m.data.resolutions.some((r) => r.votes))
    .sort((a, b) => b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id))
    .slice(0, RECENT_MEETINGS)
    .map((m) => {
      const { outcomes, chain, quorum } = getMeetingFacts(m, v, ctx);
      const at = chain ? chain.steps.findIndex((s) => s.current) : -1;
      return {
        kind: 'meeting' as const,
        key: `meeting-${m.id}`,
        title: m.data.title,
        body: m.data.body,
        dateZh: formatDateZh(m.data.date),
        attendanceZh: `应到 ${m.data.eligible} 人，实到 ${m.data.present} 人${m.data.households ? `（应到 ${m.data.households.eligible} 户，实到 ${m.data.households.present} 户）` : ''}，${quorum.met ? '会议有效' : `会议无效（${quorum.zh}）`}`,
        resolutions: m.data.resolutions.map((r, i) => ({
          title: r.title,
          outcome: outcomes[i]!,
          outcomeZh: outcomes[i] === '通过' ? '✓ 通过' : outcomes[i] === '未通过' ? '✗ 未通过' : outcomes[i]!,
          outcomeClass: outcomes[i] === '通过' ? ('passed' as const) : outcomes[i] === '未通过' ? ('failed' as const) : ('neutral' as const),
          votesZh: r.votes ? `赞成 ${r.votes.yes}，反对 ${r.votes.no}，弃权 ${r.votes.abstain}` : '',
        })),
        ...(chain && at >= 0
          ? {
              chain: {
                stepZh: `四议两公开 第 ${at + 1} 步（共 ${chain.steps.length} 步）`,
                steps: chain.steps.map((s) => ({
                  zh: s.zh,
                  state: s.current ? ('current' as const) : s.meeting ? ('done' as const) : ('todo' as const),
                })),
                publicSteps: chain.publicSteps.map((p) => ({ zh: p.zh, done: p.done })),
              },
            }
          : {}),
      };
    });
}

function volunteerSlides(v: VillageRecords): KioskSlide[] {
  const p = [...v.volunteers].sort((a, b) => comparePeriods(b.period, a.period))[0];
  if (!p) return [];
  const f = getVolunteerFacts(p, v).figures;
  return [
    {
      kind: 'volunteers',
      key: `volunteers-${p.id}`,
      label: f.label,
      figures: [
        { zh: '志愿服务队', value: `${f.teams} 支` },
        { zh: '志愿者', value: `${f.volunteers} 名` },
        { zh: '服务活动', value: `${f.activities} 次` },
        { zh: '服务时长', value: `${f.hours} 小时` },
      ],
      highlights: [...p.data.activities]
        .sort((a, b) => b.date.localeCompare(a.date))
        .slice(0, VOLUNTEER_HIGHLIGHTS)
        .map((a) => ({ dateZh: formatDateZh(a.date).replace(/^\d+年/, ''), type: a.type, title: a.title, place: a.place })),
    },
  ];
}

/** A QR code as one SVG path of horizontal runs (a few hundred bytes instead of one rect per module). */
function qrPath(text: string): { path: string; size: number } {
  const { data, size } = encode(text, { ecc: 'M', border: 2 });
  let path = '';
  data.forEach((row, y) => {
    for (let x = 0; x < size;) {
      if (!row[x]) {
        x += 1;
        continue;
      }
      let end = x;
      while (end < size && row[end]) end += 1;
      path += `M${x} ${y}h${end - x}v1h${x - end}z`;
      x = end;
    }
  });
  return { path, size };
}

export function getKioskView(villageId: string): KioskView {
  const c = getCounty();
  const v = getVillage(villageId);
  const url = new URL(`${villagePath(v.id)}/`, c.site.baseUrl).href;
  const qr = qrPath(url);
  const updated = getNewestRecordDate([v], c.asOf);
  return {
    village: { id: v.id, name: v.data.name, township: v.data.township },
    siteTitle: c.site.title,
    ...(updated ? { updated, updatedZh: formatDateZh(updated) } : {}),
    hotline: c.site.hotline,
    phone: v.data.phone,
    boards: v.data.boards.map((b) => b.location),
    urls: { scope: kioskHref(v.id), sw: `${kioskHref(v.id)}sw.js`, version: `${kioskHref(v.id)}version.json`, icon: `${href('')}favicon.svg` },
    web: { url, display: url.replace(/^https?:\/\//, ''), qrPath: qr.path, qrSize: qr.size },
    freshness: getKioskFreshness(v, c.asOf, c.profile),
    slides: [...noticeSlides(v, c.asOf), ...disclosureSlides(v), ...ledgerSlides(v), ...meetingSlides(v, c), ...volunteerSlides(v)],
  };
}
