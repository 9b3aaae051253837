/**
 * One view-model per page. Pages only render these: every figure, label, date and link is prepared
 * here from the checked county, so .astro files do no arithmetic.
 */
import type { DisclosureRec, LedgerRec, NoticeRec, Rec, VillageRecords, VolunteerRec } from '../check/model.ts';
import { getPostingStatus } from '../lib/calendar.ts';
import { getChain, type ChainMeeting } from '../lib/chain.ts';
import { layoutBars } from '../lib/chart.ts';
import { formatDateZh } from '../lib/dates.ts';
import { summariseLedger } from '../lib/ledger.ts';
import { formatYuan } from '../lib/money.ts';
import { comparePeriods, periodKey, periodLabel, periodLabelEn } from '../lib/period.ts';
import { maskName } from '../lib/privacy.ts';
import { describeThreshold, getOutcome, getQuorum } from '../lib/quorum.ts';
import { getDisclosureStanding, type DisclosureStanding } from '../lib/schedule.ts';
import { getBodyRule } from '../law/bodies.ts';
import { getNoticeType } from '../law/notice-types.ts';
import type { Meeting } from '../schemas/index.ts';
import { getCounty, getVillage, rendersVillage, urls } from './county.ts';

// ── shared ────────────────────────────────────────────────────────────────

export interface PageMeta {
  siteTitle: string;
  county: string;
  asOf: string;
  asOfZh: string;
  hotline: string;
  hotlineTel: string;
  homeHref: string;
  faviconHref: string;
}

export function getPageMeta(): PageMeta {
  const c = getCounty();
  return { siteTitle: c.site.title, county: c.site.county, asOf: c.asOf, asOfZh: formatDateZh(c.asOf), hotline: c.site.hotline, hotlineTel: `tel:${c.site.hotline.replace(/[^\d+]/g, '')}`, homeHref: urls.home(), faviconHref: `${urls.home()}favicon.svg` };
}

export interface StandingView {
  state: DisclosureStanding['state'];
  zh: string;
  en: string;
  detail: string;
}

function standingView(s: DisclosureStanding): StandingView {
  const period = periodLabel(parsePeriodKey(s.period));
  if (s.state === 'on-time') return { state: s.state, zh: '按时公开', en: 'on time', detail: `${period}已于${formatDateZh(s.publishedAt)}公开（期限${formatDateZh(s.deadline)}）` };
  if (s.state === 'late') return { state: s.state, zh: '逾期公开', en: 'published late', detail: `${period}于${formatDateZh(s.publishedAt)}公开，晚于期限${formatDateZh(s.deadline)}` };
  return { state: s.state, zh: '未按期公开', en: 'overdue', detail: `${period}应于${formatDateZh(s.deadline)}前公开，至今未公开` };
}

function parsePeriodKey(key: string) {
  const [y, q] = key.split('-q');
  return { kind: 'quarter' as const, year: Number(y), quarter: Number(q) as 1 | 2 | 3 | 4 };
}

function villageStanding(v: VillageRecords): StandingView {
  const c = getCounty();
  const published = v.disclosures.filter((d) => d.data.track === '村务' && !d.data.supersedes).map((d) => ({ period: d.period, publishedAt: d.data.publishedAt }));
  return standingView(getDisclosureStanding(published, c.asOf, c.profile));
}

function supersededBy(v: VillageRecords, id: string): DisclosureRec | undefined {
  return v.disclosures.find((d) => d.data.supersedes === id);
}

/** Disclosures in force: the latest correction of each, newest period first. */
export function currentDisclosures(v: VillageRecords): DisclosureRec[] {
  return v.disclosures.filter((d) => !supersededBy(v, d.id)).sort((a, b) => comparePeriods(b.period, a.period) || b.data.publishedAt.localeCompare(a.data.publishedAt));
}

function noticeStatus(n: NoticeRec) {
  const c = getCounty();
  const s = getPostingStatus(n.data.startDate, n.endDate, c.asOf);
  if (n.data.longTerm) return { state: 'running' as const, zh: '长期公示', en: 'long-term' };
  if (s.state === 'upcoming') return { state: s.state, zh: `${s.startsInDays}天后开始`, en: `starts in ${s.startsInDays} days` };
  if (s.state === 'running') return { state: s.state, zh: `公示中，剩余${s.daysLeft}天`, en: `${s.daysLeft} day(s) left` };
  return { state: s.state, zh: '公示期已结束', en: 'ended' };
}

/** The village a record belongs to, for breadcrumbs and back links. */
function villageRef(v: VillageRecords) {
  return { id: v.id, name: v.data.name, township: v.data.township, href: urls.village(v.id) };
}

// ── county home ───────────────────────────────────────────────────────────

export function getHomeView() {
  const c = getCounty();
  const villages = c.villages.map((v) => {
    const latest = currentDisclosures(v).find((d) => d.data.track === '村务');
    const running = v.notices.filter((n) => noticeStatus(n).state === 'running').length;
    return {
      id: v.id,
      name: v.data.name,
      township: v.data.township,
      kind: v.data.kind,
      href: urls.village(v.id),
      latest: latest ? { label: periodLabel(latest.period), href: urls.disclosure(v.id, latest.id), publishedZh: formatDateZh(latest.data.publishedAt) } : undefined,
      standing: villageStanding(v),
      runningNotices: running,
    };
  });
  const townships = [...new Set(villages.map((v) => v.township))].map((t) => ({ name: t, villages: villages.filter((v) => v.township === t) }));
  return {
    title: c.site.title,
    county: `${c.site.province}${c.site.city ?? ''}${c.site.county}`,
    profileName: c.profile.name,
    townships,
    counts: {
      villages: villages.length,
      onTime: villages.filter((v) => v.standing.state === 'on-time').length,
      late: villages.filter((v) => v.standing.state === 'late').length,
      overdue: villages.filter((v) => v.standing.state === 'overdue').length,
    },
  };
}

// ── village board ─────────────────────────────────────────────────────────

function ledgerSummary(v: VillageRecords, l: LedgerRec) {
  return {
    id: l.id,
    label: periodLabel(l.period),
    href: urls.ledger(v.id, l.id),
    opening: formatYuan(l.data.openingBalance),
    income: formatYuan(l.data.totals.income),
    expense: formatYuan(l.data.totals.expense),
    closing: formatYuan(l.data.closingBalance),
  };
}

export function volunteerFigures(p: VolunteerRec) {
  const tenths = p.data.activities.reduce((sum, a) => sum + a.participants.reduce((s, x) => s + x.hours, 0), 0);
  return {
    label: periodLabel(p.period),
    teams: p.data.teams.length,
    volunteers: p.data.volunteers.length,
    activities: p.data.activities.length,
    hours: (tenths / 10).toFixed(1),
  };
}

export function meetingOutcomes(m: Rec<Meeting>) {
  const rule = getBodyRule(m.data.body)!;
  const q = getQuorum(rule, m.data, { womenRepQuorum: getCounty().profile.womenRepQuorum });
  return m.data.resolutions.map((r) => getOutcome(rule, m.data, r.votes, q.met));
}

export function getVillageBoardView(id: string) {
  const v = getVillage(id);
  const c = getCounty();
  const ledgers = [...v.ledgers].sort((a, b) => comparePeriods(b.period, a.period));
  const notices = [...v.notices].sort((a, b) => b.data.startDate.localeCompare(a.data.startDate));
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
    boards: v.data.boards.map((b) => b.location),
    committee: v.data.committee,
    supervisors: v.data.supervisors,
    standing: villageStanding(v),
    disclosures: currentDisclosures(v).map((d) => ({
      title: d.data.title,
      track: d.data.track,
      label: periodLabel(d.period),
      publishedZh: formatDateZh(d.data.publishedAt),
      href: urls.disclosure(v.id, d.id),
      corrected: Boolean(d.data.supersedes),
    })),
    latestLedger: ledgers[0] ? ledgerSummary(v, ledgers[0]) : undefined,
    ledgers: ledgers.map((l) => ledgerSummary(v, l)),
    notices: notices.map((n) => ({ title: n.data.title, type: n.data.type, href: urls.notice(v.id, n.id), startZh: formatDateZh(n.data.startDate), endZh: formatDateZh(n.endDate), status: noticeStatus(n) })),
    meetings: meetings.map((m) => {
      const outcomes = meetingOutcomes(m);
      return { title: m.data.title, body: m.data.body, dateZh: formatDateZh(m.data.date), href: urls.meeting(v.id, m.id), passed: outcomes.filter((o) => o === '通过').length, failed: outcomes.filter((o) => o === '未通过').length };
    }),
    volunteers: volunteers.map((p) => ({ ...volunteerFigures(p), href: urls.volunteers(v.id, p.id) })),
    asOfZh: formatDateZh(c.asOf),
  };
}

// ── disclosure ────────────────────────────────────────────────────────────

export function getDisclosureView(villageId: string, id: string) {
  const v = getVillage(villageId);
  const d = v.disclosures.find((x) => x.id === id)!;
  const c = getCounty();
  const newer = supersededBy(v, id);
  const older = d.data.supersedes ? v.disclosures.find((x) => x.id === d.data.supersedes) : undefined;
  const approval = d.data.approval ? v.meetings.find((m) => m.id === d.data.approval!.meeting) : undefined;
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
    approval: approval ? { title: approval.data.title, dateZh: formatDateZh(approval.data.date), href: urls.meeting(v.id, approval.id) } : undefined,
    supersededBy: newer ? { title: newer.data.title, href: urls.disclosure(v.id, newer.id), reason: newer.data.correctionReason ?? '', dateZh: formatDateZh(newer.data.publishedAt) } : undefined,
    corrects: older ? { title: older.data.title, href: urls.disclosure(v.id, older.id), reason: d.data.correctionReason ?? '' } : undefined,
  };
}

// ── finance ───────────────────────────────────────────────────────────────

export function getLedgerView(villageId: string, id: string) {
  const v = getVillage(villageId);
  const c = getCounty();
  const sorted = [...v.ledgers].sort((a, b) => comparePeriods(a.period, b.period));
  const idx = sorted.findIndex((l) => l.id === id);
  const l = sorted[idx]!;
  const prev = idx > 0 ? sorted[idx - 1] : undefined;
  const meetings = new Map(v.meetings.map((m) => [m.id, m]));
  const rows = summariseLedger(l.data).byCategory.sort((a, b) => (a.side === b.side ? b.amount - a.amount : a.side === 'income' ? -1 : 1));
  const max = Math.max(1, ...rows.map((r) => r.amount));
  const categories = rows.map((r) => ({ side: r.side, sideZh: r.side === 'income' ? '收入' : '支出', category: r.category, amount: formatYuan(r.amount), percent: Math.round((r.amount / max) * 1000) / 10 }));
  const mask = (party: string, kind: string) => (kind === '个人' ? maskName(party) : party);
  return {
    village: villageRef(v),
    entity: l.data.entity ?? `${v.data.name}村民委员会`,
    label: periodLabel(l.period),
    labelEn: periodLabelEn(l.period),
    opening: formatYuan(l.data.openingBalance),
    income: formatYuan(l.data.totals.income),
    expense: formatYuan(l.data.totals.expense),
    closing: formatYuan(l.data.closingBalance),
    continuity: prev
      ? { ok: true, zh: `上期结余与${periodLabel(prev.period)}本期结余 ${formatYuan(prev.data.closingBalance)} 元一致`, href: urls.ledger(v.id, prev.id) }
      : { ok: true, zh: '本村系统内最早的一期账，无上期可核对', href: undefined },
    incomeEntries: l.data.income.map((e, i) => ({ no: i + 1, dateZh: e.date, voucher: e.voucher, category: e.category, summary: e.summary, amount: formatYuan(e.amount), source: e.source ?? '' })),
    expenseEntries: l.data.expense.map((e, i) => {
      const m = e.resolution ? meetings.get(e.resolution.split('#')[0]!) : undefined;
      return { no: i + 1, dateZh: e.date, voucher: e.voucher, category: e.category, summary: e.summary, amount: formatYuan(e.amount), source: e.source ?? '', people: [e.handler, e.approver].filter(Boolean).join(' / '), resolution: m ? { title: m.data.title, href: urls.meeting(v.id, m.id) } : undefined };
    }),
    categories,
    chart: layoutBars(categories),
    receivables: l.data.receivables.map((r) => ({ party: mask(r.party, r.partyKind), kind: r.partyKind, amount: formatYuan(r.amount), note: r.note ?? '' })),
    payables: l.data.payables.map((r) => ({ party: mask(r.party, r.partyKind), kind: r.partyKind, amount: formatYuan(r.amount), note: r.note ?? '' })),
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
  const m = v.meetings.find((x) => x.id === id)!;
  const rule = getBodyRule(m.data.body)!;
  const quorum = getQuorum(rule, m.data, { womenRepQuorum: c.profile.womenRepQuorum });
  const chainById = new Map<string, ChainMeeting>(v.meetings.map((x) => [x.id, { id: x.id, body: x.data.body, date: x.data.date, previous: x.data.previous }]));
  const chain = getChain(id, chainById);
  const titleOf = (mid: string) => v.meetings.find((x) => x.id === mid);
  const pass = rule.pass ? describeThreshold(rule.pass.threshold) : undefined;
  const authorisedBy = v.ledgers.flatMap((l) => l.data.expense.filter((e) => e.resolution?.split('#')[0] === id).map((e) => ({ label: `${periodLabel(l.period)} ${e.voucher} ${e.summary}`, amount: formatYuan(e.amount), href: urls.ledger(v.id, l.id) })));
  return {
    village: villageRef(v),
    title: m.data.title,
    body: m.data.body,
    bodyEn: rule.en,
    dateZh: formatDateZh(m.data.date),
    noticeZh: m.data.noticeDate ? formatDateZh(m.data.noticeDate) : undefined,
    location: m.data.location,
    host: m.data.host,
    recorder: m.data.recorder,
    eligible: m.data.eligible,
    present: m.data.present,
    households: m.data.households,
    quorum: { met: quorum.met, zh: quorum.basis.zh, en: quorum.basis.en },
    consultative: rule.pass === null,
    passRule: pass && rule.pass ? { zh: `赞成票须达${rule.pass.base === 'present' ? '到会人数' : '全体应到人数'}的${pass.zh}`, en: `yes votes must be ${pass.en} of ${rule.pass.base === 'present' ? 'those present' : 'all members'}` } : undefined,
    source: rule.source.replace(/\s*\[[A-Z]+\]/g, ''),
    agenda: m.data.agenda,
    resolutions: m.data.resolutions.map((r) => ({ title: r.title, votes: r.votes, result: r.result, outcome: getOutcome(rule, m.data, r.votes, quorum.met) })),
    chain: chain
      ? {
          complete: chain.complete,
          steps: chain.steps.map((s) => {
            const mm = s.meetingId ? titleOf(s.meetingId) : undefined;
            return { zh: s.step.zh, en: s.step.en, current: s.meetingId === id, meeting: mm ? { title: mm.data.title, dateZh: formatDateZh(mm.data.date), href: urls.meeting(v.id, mm.id) } : undefined };
          }),
        }
      : undefined,
    authorisedBy,
  };
}

// ── notice ────────────────────────────────────────────────────────────────

export function getNoticeView(villageId: string, id: string) {
  const v = getVillage(villageId);
  const c = getCounty();
  const n = v.notices.find((x) => x.id === id)!;
  const type = getNoticeType(n.data.type)!;
  const unpublished = n.data.unpublishAfter !== undefined && c.asOf > n.data.unpublishAfter;
  const columns = type.allowedFields.filter((f) => n.data.subjects.some((s) => s[f as keyof typeof s] !== undefined));
  const LABELS: Record<string, string> = { name: '姓名/名称', members: '人数', amount: '金额（元）', group: '村民小组', reason: '理由', plot: '位置', area: '面积（㎡）', floors: '层数', gender: '性别', birthMonth: '出生年月', education: '学历', note: '备注' };
  const cell = (field: string, value: unknown): string => {
    if (value === undefined) return '';
    if (field === 'name' && type.personal) return maskName(String(value));
    if (field === 'amount') return formatYuan(Number(value));
    return String(value);
  };
  return {
    village: villageRef(v),
    title: n.data.title,
    type: n.data.type,
    typeEn: type.en,
    startZh: formatDateZh(n.data.startDate),
    endZh: formatDateZh(n.endDate),
    days: n.data.duration.days,
    unitZh: n.data.duration.unit === 'working' ? '个工作日' : '天',
    longTerm: n.data.longTerm,
    status: noticeStatus(n),
    legalBasis: n.data.legalBasis,
    objection: n.data.objection,
    personal: type.personal,
    unpublished,
    unpublishZh: n.data.unpublishAfter ? formatDateZh(n.data.unpublishAfter) : undefined,
    columns: columns.map((f) => ({ key: f, label: LABELS[f] ?? f, numeric: f === 'amount' || f === 'members' || f === 'area' || f === 'floors' })),
    rows: unpublished ? [] : n.data.subjects.map((s) => columns.map((f) => cell(f, s[f as keyof typeof s]))),
    count: n.data.subjects.length,
  };
}

// ── volunteers ────────────────────────────────────────────────────────────

export function getVolunteerView(villageId: string, id: string) {
  const v = getVillage(villageId);
  const p = v.volunteers.find((x) => x.id === id)!;
  const people = new Map(p.data.volunteers.map((x) => [x.id, x]));
  const teams = new Map(p.data.teams.map((t) => [t.id, t.name]));
  const hoursOf = (vid: string) => p.data.activities.reduce((s, a) => s + a.participants.filter((x) => x.volunteer === vid).reduce((t, x) => t + x.hours, 0), 0);
  const named = p.data.volunteers.filter((x) => x.consent);
  return {
    village: villageRef(v),
    label: periodLabel(p.period),
    key: periodKey(p.period),
    figures: volunteerFigures(p),
    teams: p.data.teams.map((t) => ({ name: t.name, members: p.data.volunteers.filter((x) => x.team === t.id).length })),
    activities: p.data.activities.map((a) => ({
      dateZh: formatDateZh(a.date),
      type: a.type,
      title: a.title,
      place: a.place,
      team: teams.get(a.team) ?? a.team,
      participants: a.participants.length,
      hours: (a.participants.reduce((s, x) => s + x.hours, 0) / 10).toFixed(1),
      named: a.participants.filter((x) => people.get(x.volunteer)?.consent).map((x) => people.get(x.volunteer)!.name),
    })),
    honour: named.map((x) => ({ name: x.name, team: teams.get(x.team) ?? '', hours: (hoursOf(x.id) / 10).toFixed(1) })),
    unnamed: p.data.volunteers.length - named.length,
  };
}

// ── static paths ──────────────────────────────────────────────────────────

/** Paths of one kind of record page, for the villages this build renders (see rendersVillage). */
export function listRecords(kind: 'disclosures' | 'ledgers' | 'meetings' | 'notices' | 'volunteers') {
  return getCounty()
    .villages.filter((v) => rendersVillage(v.id))
    .flatMap((v) => v[kind].map((r) => ({ params: { village: v.id, id: r.id } })));
}

/** Paths of the village boards this build renders. */
export function listVillages() {
  return getCounty()
    .villages.filter((v) => rendersVillage(v.id))
    .map((v) => ({ params: { village: v.id } }));
}
