/**
 * Search view-models: what the index knows about each record page (filters, result meta, sort
 * date, one line per ledger entry) and what the search page shows (filter choices, village lists).
 * Works on a checked County so the post-build step can use it outside Astro.
 */
import type { County, VillageRecords } from '../check/model.ts';
import { formatDateZh } from '../lib/dates.ts';
import { formatYuan } from '../lib/money.ts';
import { periodLabel, periodStart, quarterOf, type Period } from '../lib/period.ts';
import type { FilterKey } from '../lib/search-run.ts';
import { getDisclosureFacts } from '../records/disclosure.ts';
import { getMeetingFacts } from '../records/meeting.ts';
import { getNoticeFacts } from '../records/notice.ts';
import { RECORD_TYPES, RECORD_TYPE_NAMES, type RecordTypeName } from '../records/registry.ts';
import { getLedgerFacts } from '../records/ledger.ts';
import { getVolunteerFacts } from '../records/volunteer.ts';
import { getCounty, urls } from './county.ts';

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
   * Ledger entries, whose tables are too large to index whole: one short line per entry (side,
   * voucher, category, summary, amount, funding source) and the id of its row on the page, so a
   * result opens at the entry. Empty for other record types.
   */
  entries: SearchEntry[];
}

export interface SearchEntry {
  /** Id of the entry's row on the ledger page (see getEntryAnchor in src/lib/ledger.ts). */
  anchor: string;
  /** The entry's voucher number: the short heading Pagefind shows for the entry (kept short: Pagefind stores it twice). */
  voucher: string;
  /** The rest of what is indexed, e.g. "支出 管理费用：购买办公用品，1,200.00 元。" */
  text: string;
}

type LedgerEntry = County['villages'][number]['ledgers'][number]['data']['income'][number];

/** One ledger entry as the index reads it: labels and values apart, one sentence. */
export function describeEntry(side: 'income' | 'expense', e: LedgerEntry, anchor: string): SearchEntry {
  const source = e.source ? `，资金来源 ${e.source}` : '';
  return { anchor, voucher: e.voucher, text: `${side === 'income' ? '收入' : '支出'} ${e.category}：${e.summary}，${formatYuan(e.amount)} 元${source}。` };
}

function quarterLabels(p: Period): string[] {
  const q = p.kind === 'quarter' ? p : quarterOf(periodStart(p));
  return [periodLabel(q)];
}

function doc(
  v: VillageRecords,
  path: string,
  kind: RecordTypeName,
  track: string,
  date: string,
  period: Period,
  entries: SearchEntry[] = [],
  note?: string,
): SearchDocument {
  const quarter = quarterLabels(period);
  return {
    path: path.replace(/^\/+/, ''),
    village: v.id,
    filters: { village: [v.data.name], township: [v.data.township], track: [track], kind: [RECORD_TYPES[kind].zh], year: [`${period.year}年`], quarter },
    meta: { village: `${v.data.township} ${v.data.name}`, date: formatDateZh(date), kind: RECORD_TYPES[kind].zh, ...(note ? { note } : {}) },
    date,
    entries,
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
  const at = (path: string) => sitePath(urls.path(path));
  for (const v of county.villages) {
    for (const d of v.disclosures) {
      const f = getDisclosureFacts(d, v);
      docs.push(doc(v, at(f.path), 'disclosure', d.data.track, d.data.publishedAt, d.period, [], f.supersededBy ? '已更正，请看更正版' : undefined));
    }
    for (const l of v.ledgers) {
      const f = getLedgerFacts(l, v);
      const entries = [
        ...l.data.income.map((e, i) => describeEntry('income', e, f.entryAnchors.income[i]!)),
        ...l.data.expense.map((e, i) => describeEntry('expense', e, f.entryAnchors.expense[i]!)),
      ];
      docs.push(doc(v, at(f.path), 'ledger', '财务', l.data.publishedAt, l.period, entries));
    }
    for (const m of v.meetings) {
      const f = getMeetingFacts(m, v, county);
      docs.push(doc(v, at(f.path), 'meeting', f.track, m.data.date, quarterOf(m.data.date)));
    }
    for (const n of v.notices) {
      const f = getNoticeFacts(n, v, county);
      docs.push(doc(v, at(f.path), 'notice', f.track, n.data.startDate, quarterOf(n.data.startDate)));
    }
    for (const p of v.volunteers) {
      const f = getVolunteerFacts(p, v);
      docs.push(doc(v, at(f.path), 'volunteer', '村务', f.lastDate, p.period));
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
  const byPeriod = (a: string, b: string) =>
    b.slice(0, 5).localeCompare(a.slice(0, 5)) || QUARTER_ORDER.indexOf(b.charAt(6)) - QUARTER_ORDER.indexOf(a.charAt(6));
  const townships = [...new Set(county.villages.map((v) => v.data.township))];
  const options: Record<FilterKey, string[]> = {
    village: county.villages.map((v) => v.data.name),
    township: townships,
    track: TRACKS.filter((t) => values('track').includes(t)),
    kind: RECORD_TYPE_NAMES.map((k) => RECORD_TYPES[k].zh).filter((k) => values('kind').includes(k)),
    year: values('year').sort().reverse(),
    quarter: values('quarter').sort(byPeriod),
  };
  return {
    filters: SEARCH_FILTERS.map((f) => ({ ...f, options: options[f.key] })),
    townships: townships.map((t) => ({
      name: t,
      villages: county.villages.filter((v) => v.data.township === t).map((v) => ({ name: v.data.name, href: urls.village(v.id) })),
    })),
    records: docs.length,
    base: import.meta.env.BASE_URL,
    // Two: the placeholder must fit the box on a 360 px phone.
    examples: ['低保', '宅基地'],
  };
}
