/**
 * One view-model per page. Pages only render these: every figure, label, date and link is prepared
 * here from the checked county, so .astro files do no arithmetic.
 */
import type { DisclosureRec, LedgerRec, NoticeRec, VillageRecords } from '../check/model.ts';
import { formatDateZh } from '../lib/dates.ts';
import { getTownshipSlugs } from '../lib/township.ts';
import { summariseLedger } from '../lib/ledger.ts';
import { formatYuan } from '../lib/money.ts';
import { comparePeriods, periodKey, periodLabel, periodLabelEn } from '../lib/period.ts';
import type { DisclosureStanding } from '../lib/schedule.ts';
import { getDisclosureFacts } from '../records/disclosure.ts';
import { getIssuer } from '../records/context.ts';
import { getLedgerFacts, getLedgerPlainFacts, type LedgerPlainFacts } from '../records/ledger.ts';
import { getMeetingFacts, type MeetingRec } from '../records/meeting.ts';
import { getNoticeFacts } from '../records/notice.ts';
import { RECORD_TYPES, recordPath, villagePath, type RecordTypeName } from '../records/registry.ts';
import { formatHours, getVolunteerFacts } from '../records/volunteer.ts';
import { getNewestRecordDate, getNoticePosting, getVillageStanding, kioskPath } from '../records/dated.ts';
import { getCounty, getStateDate, getVillage, href, rendersRecordPage, rendersTownship, urls } from './county.ts';
import { GLOSSARY } from './glossary.ts';

// ── shared ────────────────────────────────────────────────────────────────

export interface PageMeta {
  siteTitle: string;
  county: string;
  /** What the county-wide pages print as 数据截至: the last day a state changed (`getStateDate`), not the build's date. */
  asOf: string;
  asOfZh: string;
  hotline: string;
  hotlineTel: string;
  homeHref: string;
  faviconHref: string;
}

export function getPageMeta(): PageMeta {
  const c = getCounty();
  return {
    siteTitle: c.site.title,
    county: c.site.county,
    asOf: getStateDate(),
    asOfZh: formatDateZh(getStateDate()),
    hotline: c.site.hotline,
    hotlineTel: telHref(c.site.hotline),
    homeHref: urls.home(),
    faviconHref: `${urls.home()}favicon.svg`,
  };
}

export interface StandingView {
  state: DisclosureStanding['state'];
  zh: string;
  en: string;
  detail: string;
}

function standingView(s: DisclosureStanding): StandingView {
  const period = periodLabel(parsePeriodKey(s.period));
  if (s.state === 'on-time')
    return { state: s.state, zh: '按时公开', en: 'on time', detail: `${period}已于${formatDateZh(s.publishedAt)}公开（期限${formatDateZh(s.deadline)}）` };
  if (s.state === 'late')
    return {
      state: s.state,
      zh: '逾期公开',
      en: 'published late',
      detail: `${period}于${formatDateZh(s.publishedAt)}公开，晚于期限${formatDateZh(s.deadline)}`,
    };
  return { state: s.state, zh: '未按期公开', en: 'overdue', detail: `${period}应于${formatDateZh(s.deadline)}前公开，至今未公开` };
}

function parsePeriodKey(key: string) {
  const [y, q] = key.split('-q');
  return { kind: 'quarter' as const, year: Number(y), quarter: Number(q) as 1 | 2 | 3 | 4 };
}

function villageStanding(v: VillageRecords): StandingView {
  const c = getCounty();
  return standingView(getVillageStanding(v, c.asOf, c.profile));
}

/** Disclosures in force: the latest correction of each, newest period first. */
export function currentDisclosures(v: VillageRecords): DisclosureRec[] {
  return v.disclosures
    .filter((d) => !getDisclosureFacts(d, v).supersededBy)
    .sort((a, b) => comparePeriods(b.period, a.period) || b.data.publishedAt.localeCompare(a.data.publishedAt));
}

function noticeStatus(n: NoticeRec) {
  return getNoticePosting(n, getCounty().asOf);
}

/** The village a record belongs to, for breadcrumbs and back links. */
function villageRef(v: VillageRecords) {
  return { id: v.id, name: v.data.name, township: v.data.township, href: urls.village(v.id) };
}

// ── county home and township pages ──────────────────────────────────────

/**
 * Up to this many villages the county-wide pages list every village (the home page's cards, the search page's 按村浏览);
 * above it, one line per township linking its page (/t/<slug>/), so they stay within budget at 1,000 villages (issue 18).
 */
export const VILLAGES_LISTED_MAX = 60;

function villageCard(v: VillageRecords) {
  const latest = currentDisclosures(v).find((d) => d.data.track === '村务');
  const running = v.notices.filter((n) => noticeStatus(n).state === 'running').length;
  return {
    id: v.id,
    name: v.data.name,
    township: v.data.township,
    kind: v.data.kind,
    href: urls.village(v.id),
    latest: latest
      ? { label: periodLabel(latest.period), href: urls.disclosure(v.id, latest.id), publishedZh: formatDateZh(latest.data.publishedAt) }
      : undefined,
    standing: villageStanding(v),
    runningNotices: running,
  };
}

type VillageCard = ReturnType<typeof villageCard>;

function countStandings(cards: readonly VillageCard[]) {
  return {
    villages: cards.length,
    onTime: cards.filter((v) => v.standing.state === 'on-time').length,
    late: cards.filter((v) => v.standing.state === 'late').length,
    overdue: cards.filter((v) => v.standing.state === 'overdue').length,
  };
}

/** The county's townships in the order they first appear, each with its slug and villages. */
export function listTownships(): { name: string; slug: string; villages: VillageRecords[] }[] {
  const c = getCounty();
  const slugs = getTownshipSlugs(c.villages.map((v) => v.data.township));
  const by = new Map<string, VillageRecords[]>();
  for (const v of c.villages) (by.get(v.data.township) ?? by.set(v.data.township, []).get(v.data.township)!).push(v);
  return [...by].map(([name, villages]) => ({ name, slug: slugs.get(name)!, villages }));
}

export function getHomeView() {
  const c = getCounty();
  const all: VillageCard[] = [];
  const townships = listTownships().map((t) => {
    const villages = t.villages.map(villageCard);
    all.push(...villages);
    return { name: t.name, href: urls.township(t.slug), counts: countStandings(villages), villages };
  });
  return {
    title: c.site.title,
    county: `${c.site.province}${c.site.city ?? ''}${c.site.county}`,
    profileName: c.profile.name,
    townships,
    /** Small counties show every village's card on the home page; large ones link to the township pages. */
    showCards: all.length <= VILLAGES_LISTED_MAX,
    counts: countStandings(all),
  };
}

/** A township's page (/t/<slug>/): every village's card. */
export function getTownshipView(slug: string) {
  const c = getCounty();
  const t = listTownships().find((x) => x.slug === slug)!;
  const villages = t.villages.map(villageCard);
  return { name: t.name, county: `${c.site.province}${c.site.city ?? ''}${c.site.county}`, counts: countStandings(villages), villages };
}

/**
 * Paths of the township pages this build renders: all of them (they list standings, which depend on the date), but in a
 * one-village update on the same day only the changed villages' townships (src/build/context.ts `townshipsToRender`).
 */
export function listTownshipPages() {
  return listTownships()
    .filter((t) => rendersTownship(t.name))
    .map((t) => ({ params: { township: t.slug } }));
}

// ── village board ─────────────────────────────────────────────────────────

/** The 名词解释 page: every term with its anchor. */
export function getGlossaryView() {
  return GLOSSARY;
}

/** The glossary entries of the words a page uses, each with its link; unknown words are left out. */
export function getGlossaryLinks(terms: readonly string[]): { term: string; href: string }[] {
  return terms.flatMap((t) => {
    const g = GLOSSARY.find((x) => x.term === t);
    return g ? [{ term: g.term, href: `${href('mingci')}#${g.id}` }] : [];
  });
}

/** A phone number as a tap-to-call address (tel:), digits and a leading + only. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/** A change in fen in words: 多 / 少 so many yuan, or 持平. */
function changeZh(fen: number): string {
  if (fen === 0) return '持平';
  return `${fen > 0 ? '多' : '少'} ${formatYuan(Math.abs(fen))}\u00a0元`; // the amount never parts from 元 at a line end
}

/** One row of a ledger page's income or expense table (numbered from 1, with its anchor). */
function entryRow(e: LedgerRec['data']['income'][number] | LedgerRec['data']['expense'][number], i: number, anchor: string) {
  return {
    no: i + 1,
    anchor,
    dateZh: e.date,
    voucher: e.voucher,
    category: e.category,
    summary: e.summary,
    amount: formatYuan(e.amount),
    source: e.source ?? '',
  };
}

/** The plain-words block at the top of a village board, formatted from the latest ledger's plain facts. */
function plainWordsView(f: LedgerPlainFacts, ledgerHref: string) {
  const topSources = f.sources.slice(0, 3);
  const restSources = f.sources.slice(3);
  return {
    periodZh: f.periodZh,
    href: ledgerHref,
    income: formatYuan(f.income),
    expense: formatYuan(f.expense),
    sources: [
      ...topSources.map((s) => ({ label: s.source, amount: formatYuan(s.amount) })),
      ...(restSources.length > 0 ? [{ label: `其他 ${restSources.length} 项来源`, amount: formatYuan(restSources.reduce((a, s) => a + s.amount, 0)) }] : []),
    ],
    mainExpenses: f.mainExpenses.map((e) => ({ label: e.purpose, amount: formatYuan(e.amount), dateZh: formatDateZh(e.date) })),
    otherExpenses: f.otherExpenses.count > 0 ? `另有 ${f.otherExpenses.count} 笔支出，共 ${formatYuan(f.otherExpenses.amount)}\u00a0元` : undefined,
    change: f.change
      ? `与${f.change.periodZh}相比，收入${changeZh(f.change.income)}，支出${changeZh(f.change.expense)}。`
      : '这是本村在本系统中的第一期账，还没有上一季度可以比较。',
  };
}

/**
 * The village board's one table of money by quarter, newest first: each quarter's income, spending
 * and closing balance, with the income and spending also as bars (percent of the largest figure),
 * and a link to the quarter's every entry.
 */
function quarterMoneyView(v: VillageRecords, ledgers: readonly LedgerRec[]) {
  const max = Math.max(1, ...ledgers.flatMap((l) => [l.data.totals.income, l.data.totals.expense]));
  const pct = (fen: number) => Math.round((fen / max) * 1000) / 10;
  return ledgers.map((l) => ({
    label: periodLabel(l.period),
    href: urls.ledger(v.id, l.id),
    income: formatYuan(l.data.totals.income),
    incomePercent: pct(l.data.totals.income),
    expense: formatYuan(l.data.totals.expense),
    expensePercent: pct(l.data.totals.expense),
    closing: formatYuan(l.data.closingBalance),
  }));
}

/** A village's notices as its board lists them, the newest first: title, link, dates and posting status. */
function boardNotices(v: VillageRecords) {
  return [...v.notices]
    .sort((a, b) => b.data.startDate.localeCompare(a.data.startDate))
    .map((n) => ({
      title: n.data.title,
      type: n.data.type,
      year: Number(n.data.startDate.slice(0, 4)),
      href: urls.notice(v.id, n.id),
      startZh: formatDateZh(n.data.startDate),
      endZh: formatDateZh(n.endDate),
      status: noticeStatus(n),
    }));
}

/**
 * The notices a village's board shows as running (公示中), in the board's order: what county.json lists of a village,
 * without the rest of the board (its meetings' facts above all, which cost the county-summary step most of its time).
 */
export function getRunningNoticesView(id: string) {
  return boardNotices(getVillage(id)).filter((n) => n.status.state === 'running');
}

export function getVillageBoardView(id: string) {
  const v = getVillage(id);
  const c = getCounty();
  const ledgers = [...v.ledgers].sort((a, b) => comparePeriods(b.period, a.period));
  const meetings = [...v.meetings].sort((a, b) => b.data.date.localeCompare(a.data.date));
  const volunteers = [...v.volunteers].sort((a, b) => comparePeriods(b.period, a.period));
  return {
    id: v.id,
    name: v.data.name,
    township: v.data.township,
    kind: v.data.kind,
    households: v.data.households,
    population: v.data.population,
    groups: v.data.groups.length,
    phone: v.data.phone,
    phoneTel: telHref(v.data.phone),
    objection: {
      to: v.data.supervisors[0] ? `村务监督委员会（${v.data.supervisors[0].role} ${v.data.supervisors[0].name}）` : '村务监督委员会',
      address: v.data.office?.address ?? `${getIssuer(v)}办公室`,
      hours: v.data.office?.hours,
      hotline: c.site.hotline,
    },
    boards: v.data.boards.map((b) => b.location),
    plainWords: ledgers[0] ? plainWordsView(getLedgerPlainFacts(ledgers[0], ledgers[1]), urls.ledger(v.id, ledgers[0].id)) : undefined,
    quarters: quarterMoneyView(v, ledgers),
    committee: v.data.committee,
    supervisors: v.data.supervisors,
    standing: villageStanding(v),
    disclosures: foldOlder(disclosurePeriods(v), BOARD_OPEN_PERIODS),
    notices: foldOlder(boardNotices(v), BOARD_OPEN_NOTICES, (n) => n.status.state !== 'ended'),
    meetings: foldOlder(
      meetings.map((m) => {
        const f = getMeetingFacts(m, v, c);
        return {
          title: m.data.title,
          body: m.data.body,
          year: Number(m.data.date.slice(0, 4)),
          dateZh: formatDateZh(m.data.date),
          href: urls.path(f.path),
          passed: f.passed,
          failed: f.failed,
        };
      }),
      BOARD_OPEN_MEETINGS,
    ),
    volunteers: foldOlder(
      volunteers.map((p) => {
        const f = getVolunteerFacts(p, v);
        return { ...f.figures, year: p.period.year, href: urls.path(f.path) };
      }),
      BOARD_OPEN_PERIODS,
    ),
    asOfZh: formatDateZh(c.asOf),
    /** The date of the village's newest record, which the board shows instead of the as-of date (src/records/dated.ts). */
    updated: updatedView(getNewestRecordDate([v], c.asOf)),
  };
}

/**
 * A village board shows its newest disclosures, notices, meetings and volunteer periods open and folds the older ones under one heading per
 * year (a `<details>` that opens without JavaScript), so a villager on a phone sees this year's business first
 * instead of scrolling past every record since the board began.
 */
const BOARD_OPEN_PERIODS = 4;
const BOARD_OPEN_MEETINGS = 10;
const BOARD_OPEN_NOTICES = 6;

/**
 * At least the first `open` items shown as they are (and every item `keep` holds for, with all before it), then the rest
 * of the last shown item's year; older years grouped, newest first.
 */
function foldOlder<T extends { year: number }>(items: T[], open: number, keep: (item: T) => boolean = () => false) {
  let cut = Math.max(Math.min(open, items.length), items.findLastIndex(keep) + 1);
  while (cut > 0 && cut < items.length && items[cut]!.year === items[cut - 1]!.year) cut++;
  const older: { year: number; items: T[] }[] = [];
  for (const item of items.slice(cut)) {
    const last = older.at(-1);
    if (last?.year === item.year) last.items.push(item);
    else older.push({ year: item.year, items: [item] });
  }
  return { recent: items.slice(0, cut), older };
}

const TRACK_ORDER = ['村务', '财务', '党务'] as const;

/** The disclosures in force, one line per period: the period's tracks side by side, each with its publication date. */
function disclosurePeriods(v: VillageRecords) {
  const periods: { key: string; year: number; label: string; items: DisclosureRec[] }[] = [];
  for (const d of currentDisclosures(v)) {
    const key = periodKey(d.period);
    const last = periods.at(-1);
    if (last?.key === key) last.items.push(d);
    else periods.push({ key, year: d.period.year, label: periodLabel(d.period), items: [d] });
  }
  return periods.map((p) => {
    const items = [...p.items].sort((a, b) => TRACK_ORDER.indexOf(a.data.track) - TRACK_ORDER.indexOf(b.data.track));
    const dates = new Set(items.map((d) => d.data.publishedAt));
    return {
      year: p.year,
      label: p.label,
      /** The publication date once for the period when every track went up the same day. */
      publishedZh: dates.size === 1 ? formatDateZh(items[0]!.data.publishedAt) : undefined,
      items: items.map((d) => ({
        // A period with two disclosures of one track names them by title; otherwise the track says enough.
        text: items.filter((x) => x.data.track === d.data.track).length > 1 ? d.data.title : `${d.data.track}公开`,
        href: urls.disclosure(v.id, d.id),
        publishedZh: dates.size === 1 ? undefined : formatDateZh(d.data.publishedAt),
        corrected: Boolean(d.data.supersedes),
      })),
    };
  });
}

function updatedView(date: string | undefined) {
  return date ? { iso: date, zh: formatDateZh(date) } : undefined;
}

// ── disclosure ────────────────────────────────────────────────────────────

export function getDisclosureView(villageId: string, id: string) {
  const v = getVillage(villageId);
  const d = v.disclosures.find((x) => x.id === id)!;
  const c = getCounty();
  const f = getDisclosureFacts(d, v);
  const newer = f.supersededBy ? v.disclosures.find((x) => x.id === f.supersededBy) : undefined;
  const older = f.corrects ? v.disclosures.find((x) => x.id === f.corrects) : undefined;
  const catalogue = new Map(c.site.catalogue.map((x) => [x.code, x.title]));
  return {
    village: villageRef(v),
    title: d.data.title,
    track: d.data.track,
    label: periodLabel(d.period),
    labelEn: periodLabelEn(d.period),
    items: d.data.items.map((it) => ({ ...it, catalogueTitle: catalogue.get(it.code) ?? '' })),
    publishedZh: formatDateZh(d.data.publishedAt),
    postedUntilZh: formatDateZh(d.data.postedUntil),
    channels: d.data.channels,
    phone: d.data.objectionPhone ?? v.data.phone,
    signoff: { ...d.data.signoff, reviewedZh: d.data.signoff.reviewedAt ? formatDateZh(d.data.signoff.reviewedAt) : undefined },
    approval: f.approval ? { title: f.approval.title, dateZh: formatDateZh(f.approval.date), href: urls.path(f.approval.path) } : undefined,
    supersededBy: newer
      ? {
          title: newer.data.title,
          href: urls.disclosure(v.id, newer.id),
          reason: newer.data.correctionReason ?? '',
          dateZh: formatDateZh(newer.data.publishedAt),
        }
      : undefined,
    corrects: older ? { title: older.data.title, href: urls.disclosure(v.id, older.id), reason: d.data.correctionReason ?? '' } : undefined,
  };
}

// ── ledger ──────────────────────────────────────────────────────────────

export function getLedgerView(villageId: string, id: string) {
  const v = getVillage(villageId);
  const c = getCounty();
  const sorted = [...v.ledgers].sort((a, b) => comparePeriods(a.period, b.period));
  const idx = sorted.findIndex((l) => l.id === id);
  const l = sorted[idx]!;
  const prev = idx > 0 ? sorted[idx - 1] : undefined;
  const f = getLedgerFacts(l, v);
  const rows = summariseLedger(l.data).byCategory.sort((a, b) => (a.side === b.side ? b.amount - a.amount : a.side === 'income' ? -1 : 1));
  const max = Math.max(1, ...rows.map((r) => r.amount));
  const categories = rows.map((r) => ({
    side: r.side,
    sideZh: r.side === 'income' ? '收入' : '支出',
    category: r.category,
    amount: formatYuan(r.amount),
    percent: Math.round((r.amount / max) * 1000) / 10,
  }));
  const chart = categories.map((c) => ({
    group: c.sideZh,
    label: c.category,
    amount: c.amount,
    percent: c.percent,
    tone: c.side === 'income' ? ('income' as const) : ('expense' as const),
  }));
  return {
    village: villageRef(v),
    entity: f.entity,
    label: periodLabel(l.period),
    labelEn: periodLabelEn(l.period),
    opening: formatYuan(l.data.openingBalance),
    income: formatYuan(l.data.totals.income),
    expense: formatYuan(l.data.totals.expense),
    closing: formatYuan(l.data.closingBalance),
    continuity: prev
      ? { ok: true, zh: `上期结余与${periodLabel(prev.period)}本期结余 ${formatYuan(prev.data.closingBalance)} 元一致`, href: urls.ledger(v.id, prev.id) }
      : { ok: true, zh: '本村系统内最早的一期账，无上期可核对', href: undefined },
    incomeEntries: l.data.income.map((e, i) => entryRow(e, i, f.entryAnchors.income[i]!)),
    expenseEntries: l.data.expense.map((e, i) => {
      const m = f.expenseBasis[i];
      return {
        ...entryRow(e, i, f.entryAnchors.expense[i]!),
        people: [f.expensePeople[i]?.handler, f.expensePeople[i]?.approver].filter(Boolean).join(' / '),
        /** A private person handled or approved it: shown, not indexed (PERSONAL_DATA_MARKS). */
        peoplePersonal: (f.expensePeople[i]?.private?.length ?? 0) > 0,
        resolution: m ? { title: m.title, href: urls.path(m.path) } : undefined,
      };
    }),
    categories,
    chart,
    receivables: f.receivables.map((r) => ({ party: r.party, kind: r.partyKind, amount: formatYuan(r.amount), note: r.note, personal: r.personal })),
    payables: f.payables.map((r) => ({ party: r.party, kind: r.partyKind, amount: formatYuan(r.amount), note: r.note, personal: r.personal })),
    signoff: { ...l.data.signoff, reviewedZh: l.data.signoff.reviewedAt ? formatDateZh(l.data.signoff.reviewedAt) : undefined },
    publishedZh: formatDateZh(l.data.publishedAt),
    phone: v.data.phone,
    threshold: formatYuan(c.site.largeExpenseThreshold),
  };
}

// ── meeting ───────────────────────────────────────────────────────────────

export function getMeetingView(villageId: string, id: string) {
  const v = getVillage(villageId);
  const c = getCounty();
  const m: MeetingRec = v.meetings.find((x) => x.id === id)!;
  const f = getMeetingFacts(m, v, c);
  return {
    village: villageRef(v),
    title: m.data.title,
    body: m.data.body,
    bodyEn: f.bodyEn,
    dateZh: formatDateZh(m.data.date),
    noticeZh: m.data.noticeDate ? formatDateZh(m.data.noticeDate) : undefined,
    location: m.data.location,
    host: m.data.host,
    recorder: m.data.recorder,
    eligible: m.data.eligible,
    present: m.data.present,
    households: m.data.households,
    quorum: f.quorum,
    consultative: f.consultative,
    passRule: f.passRule,
    source: f.source,
    agenda: m.data.agenda,
    resolutions: m.data.resolutions.map((r, i) => ({ title: r.title, votes: r.votes, result: r.result, outcome: f.outcomes[i]! })),
    chain: f.chain
      ? {
          complete: f.chain.complete,
          steps: f.chain.steps.map((s) => ({
            zh: s.zh,
            en: s.en,
            current: s.current,
            meeting: s.meeting ? { title: s.meeting.title, dateZh: formatDateZh(s.meeting.date), href: urls.path(s.meeting.path) } : undefined,
          })),
          publicSteps: f.chain.publicSteps.map((p) => ({ zh: p.zh, done: p.done, detail: p.detail, href: p.path ? urls.path(p.path) : undefined })),
          pendingZh: f.chain.publicSteps
            .filter((p) => !p.done)
            .map((p) => p.zh)
            .join('、'),
        }
      : undefined,
    authorisedBy: f.authorisedSpending.map((e) => ({
      label: `${e.periodZh} ${e.voucher} ${e.summary}`,
      amount: formatYuan(e.amount),
      href: urls.path(e.path),
    })),
  };
}

// ── notice ────────────────────────────────────────────────────────────────

export function getNoticeView(villageId: string, id: string) {
  const v = getVillage(villageId);
  const c = getCounty();
  const n = v.notices.find((x) => x.id === id)!;
  const f = getNoticeFacts(n, v, c);
  return {
    village: villageRef(v),
    title: n.data.title,
    type: n.data.type,
    typeEn: f.typeEn,
    startZh: formatDateZh(n.data.startDate),
    endZh: formatDateZh(n.endDate),
    days: n.data.duration.days,
    unitZh: f.unitZh,
    longTerm: n.data.longTerm,
    status: noticeStatus(n),
    /** For the days left the browser adds (src/client/notice-days.ts). */
    start: n.data.startDate,
    end: n.endDate,
    legalBasis: n.data.legalBasis,
    objection: n.data.objection,
    personal: f.personal,
    unpublished: f.unpublished,
    unpublishZh: n.data.unpublishAfter ? formatDateZh(n.data.unpublishAfter) : undefined,
    columns: f.columns,
    rows: f.unpublished ? [] : f.maskedRows,
    count: n.data.subjects.length,
  };
}

// ── volunteers ────────────────────────────────────────────────────────────

export function getVolunteerView(villageId: string, id: string) {
  const v = getVillage(villageId);
  const p = v.volunteers.find((x) => x.id === id)!;
  const people = new Map(p.data.volunteers.map((x) => [x.id, x]));
  const teams = new Map(p.data.teams.map((t) => [t.id, t.name]));
  const hoursOf = (vid: string) =>
    p.data.activities.reduce((s, a) => s + a.participants.filter((x) => x.volunteer === vid).reduce((t, x) => t + x.hours, 0), 0);
  const named = p.data.volunteers.filter((x) => x.consent);
  return {
    village: villageRef(v),
    label: periodLabel(p.period),
    key: periodKey(p.period),
    figures: getVolunteerFacts(p, v).figures,
    teams: p.data.teams.map((t) => ({ name: t.name, members: p.data.volunteers.filter((x) => x.team === t.id).length })),
    activities: p.data.activities.map((a) => ({
      dateZh: formatDateZh(a.date),
      type: a.type,
      title: a.title,
      place: a.place,
      team: teams.get(a.team) ?? a.team,
      participants: a.participants.length,
      hours: formatHours(a.participants.reduce((s, x) => s + x.hours, 0)),
      named: a.participants.filter((x) => people.get(x.volunteer)?.consent).map((x) => people.get(x.volunteer)!.name),
    })),
    honour: named.map((x) => ({ name: x.name, team: teams.get(x.team) ?? '', hours: formatHours(hoursOf(x.id)) })),
    unnamed: p.data.volunteers.length - named.length,
  };
}

// ── static paths ──────────────────────────────────────────────────────────

/** Paths of one kind of record page this build renders (see rendersRecordPage). */
export function listRecords(type: RecordTypeName) {
  const list = RECORD_TYPES[type].list;
  return getCounty().villages.flatMap((v) =>
    v[list].filter((r) => rendersRecordPage(v.id, recordPath(type, v.id, r.id))).map((r) => ({ params: { village: v.id, id: r.id } })),
  );
}

/** Paths of the kiosk screens this build renders: on a new day, the screens whose date facts changed (src/records/dated.ts). */
export function listVillages() {
  return getCounty()
    .villages.filter((v) => rendersRecordPage(v.id, kioskPath(v.id)))
    .map((v) => ({ params: { village: v.id } }));
}

/** Paths of the village boards this build renders: on a new day, the boards whose date facts changed (src/records/dated.ts). */
export function listVillageBoards() {
  return getCounty()
    .villages.filter((v) => rendersRecordPage(v.id, villagePath(v.id)))
    .map((v) => ({ params: { village: v.id } }));
}
