/**
 * Search view-models: what the index knows about each record page (filters, result meta, sort
 * date, the compact ledger digest) and what the search page shows (filter choices, village lists).
 * Works on a checked County so the post-build step can use it outside Astro.
 */
import type { County, VillageRecords } from '../check/model.ts';
import { formatDateZh } from '../lib/dates.ts';
import { formatYuan } from '../lib/money.ts';
import { periodEnd, periodLabel, periodStart, quarterOf, type Period } from '../lib/period.ts';
import type { FilterKey } from '../lib/search-run.ts';
import { getCounty, urls } from './county.ts';

/** The record kinds villagers can filter by. */
export const RECORD_KINDS = {
  disclosure: { zh: '村务公开', en: 'Disclosure' },
  finance: { zh: '财务收支', en: 'Finance' },
  meeting: { zh: '会议决议', en: 'Meeting' },
  notice: { zh: '公示', en: 'Notice' },
  volunteer: { zh: '志愿服务', en: 'Volunteering' },
} as const;
export type RecordKind = keyof typeof RECORD_KINDS;

/** Filters on the search page, in the order shown. */
export const SEARCH_FILTERS: readonly { key: FilterKey; zh: string; en: string }[] = [
  { key: 'village', zh: '村（社区）', en: 'Village' },
  { key: 'township', zh: '乡镇', en: 'Township' },
  { key: 'track', zh: '公开类别', en: 'Track' },
  { key: 'kind', zh: '记录类型', en: 'Record type' },
  { key: 'year', zh: '年份', en: 'Year' },
  { key: 'quarter', zh: '季度', en: 'Quarter' },
];

export const TRACKS = ['党务', '村务', '财务'] as const;

/** Meeting bodies whose records belong to the 党务 track. */
const PARTY_BODIES = new Set(['党组织会议', '党员大会']);
/** Notice types that are not 村务: 发展党员 is 党务; 一事一议 fund raising is 财务 (catalogue CZ-02). */
const NOTICE_TRACKS: Record<string, (typeof TRACKS)[number]> = { 发展党员: '党务', 一事一议: '财务' };

export interface SearchDocument {
  /** Page path under the site root, without the base path, e.g. v/maqu/notices/2025-11-17-dibao/. */
  path: string;
  village: string;
  filters: Record<FilterKey, string[]>;
  /** Shown with each result: village, date and kind. */
  meta: { village: string; date: string; kind: string; note?: string };
  /** ISO date for sorting: publication, meeting or notice start date. */
  date: string;
  /**
   * Text the page shows in tables too large to index whole: one line per ledger entry with its
   * voucher and amount, plus the summary for entries at or above the county's large-expense threshold.
   */
  digest: string[];
}

function quarterLabels(p: Period): string[] {
  const q = p.kind === 'quarter' ? p : quarterOf(periodStart(p));
  return [periodLabel(q)];
}

function doc(v: VillageRecords, path: string, kind: RecordKind, track: string, date: string, period: Period, digest: string[] = [], note?: string): SearchDocument {
  const quarter = quarterLabels(period);
  return {
    path: path.replace(/^\/+/, ''),
    village: v.id,
    filters: { village: [v.data.name], township: [v.data.township], track: [track], kind: [RECORD_KINDS[kind].zh], year: [`${period.year}年`], quarter },
    meta: { village: `${v.data.township} ${v.data.name}`, date: formatDateZh(date), kind: RECORD_KINDS[kind].zh, ...(note ? { note } : {}) },
    date,
    digest,
  };
}

/** Site path without the base, for the post-build step (Astro's base only matters in links). */
function sitePath(url: string): string {
  const base = (import.meta.env?.BASE_URL ?? '/').replace(/\/$/, '');
  return url.startsWith(`${base}/`) ? url.slice(base.length) : url;
}

/** One search document per record page, in a stable order (village, then path). */
export function listSearchDocuments(county: County): SearchDocument[] {
  const docs: SearchDocument[] = [];
  for (const v of county.villages) {
    for (const d of v.disclosures) {
      const superseded = v.disclosures.some((x) => x.data.supersedes === d.id);
      docs.push(doc(v, sitePath(urls.disclosure(v.id, d.id)), 'disclosure', d.data.track, d.data.publishedAt, d.period, [], superseded ? '已更正，请看更正版' : undefined));
    }
    for (const l of v.ledgers) {
      // Compact: voucher and amount of every entry; the summary (摘要) only of large entries.
      const digest = [...l.data.income, ...l.data.expense].map((e) => `${e.voucher} ${formatYuan(e.amount)}${e.amount >= county.site.largeExpenseThreshold ? ` ${e.summary}` : ''}`);
      docs.push(doc(v, sitePath(urls.ledger(v.id, l.id)), 'finance', '财务', l.data.publishedAt, l.period, digest));
    }
    for (const m of v.meetings) docs.push(doc(v, sitePath(urls.meeting(v.id, m.id)), 'meeting', PARTY_BODIES.has(m.data.body) ? '党务' : '村务', m.data.date, quarterOf(m.data.date)));
    for (const n of v.notices) docs.push(doc(v, sitePath(urls.notice(v.id, n.id)), 'notice', NOTICE_TRACKS[n.data.type] ?? '村务', n.data.startDate, quarterOf(n.data.startDate)));
    for (const p of v.volunteers) {
      const last = p.data.activities.map((a) => a.date).sort().at(-1) ?? periodEnd(p.period);
      docs.push(doc(v, sitePath(urls.volunteers(v.id, p.id)), 'volunteer', '村务', last, p.period));
    }
  }
  return docs.sort((a, b) => a.path.localeCompare(b.path));
}

// ── the search page ───────────────────────────────────────────────────────

const QUARTER_ORDER = ['一', '二', '三', '四'];

export function getSearchPageView() {
  const county = getCounty();
  const docs = listSearchDocuments(county);
  const values = (key: FilterKey) => [...new Set(docs.flatMap((d) => d.filters[key]))];
  const byPeriod = (a: string, b: string) => b.slice(0, 5).localeCompare(a.slice(0, 5)) || QUARTER_ORDER.indexOf(b.charAt(6)) - QUARTER_ORDER.indexOf(a.charAt(6));
  const townships = [...new Set(county.villages.map((v) => v.data.township))];
  const options: Record<FilterKey, string[]> = {
    village: county.villages.map((v) => v.data.name),
    township: townships,
    track: TRACKS.filter((t) => values('track').includes(t)),
    kind: Object.values(RECORD_KINDS).map((k) => k.zh).filter((k) => values('kind').includes(k)),
    year: values('year').sort().reverse(),
    quarter: values('quarter').sort(byPeriod),
  };
  return {
    filters: SEARCH_FILTERS.map((f) => ({ ...f, options: options[f.key] })),
    townships: townships.map((t) => ({ name: t, villages: county.villages.filter((v) => v.data.township === t).map((v) => ({ name: v.data.name, href: urls.village(v.id) })) })),
    records: docs.length,
    base: import.meta.env.BASE_URL,
    examples: ['低保', '宅基地', '一事一议', '危房改造'],
  };
}
