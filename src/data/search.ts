/**
 * Search view-models: what the index knows about each record page (filters, result meta, sort
 * date, one line per ledger entry) and what the search page shows (filter choices, village lists).
 * Works on a checked County so the post-build step can use it outside Astro.
 */
import type { County, VillageRecords } from '../check/model.ts';
import { formatDateZh } from '../lib/dates.ts';
import { formatYuan } from '../lib/money.ts';
import { POSTING_STATES, postingToken, type PostingPeriod } from '../lib/notice-posting.ts';
import { periodLabel, periodStart, quarterOf, type Period } from '../lib/period.ts';
import type { FilterKey } from '../lib/search-run.ts';
import { getDisclosureFacts } from '../records/disclosure.ts';
import { getNoticePeriod } from '../records/dated.ts';
import { getMeetingFacts } from '../records/meeting.ts';
import { getNoticeFacts } from '../records/notice.ts';
import { RECORD_TYPES, RECORD_TYPE_NAMES, type RecordTypeName } from '../records/registry.ts';
import { getLedgerFacts, type LedgerFacts } from '../records/ledger.ts';
import { getVolunteerFacts } from '../records/volunteer.ts';
import { getCounty, getVillage, urls } from './county.ts';
import { keepVillageJson } from './village-kept.ts';
import { listTownships, VILLAGES_LISTED_MAX } from './views.ts';

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
   * Ledger entries, whose tables are too large to index whole: one short line per entry (date, side,
   * voucher, category, summary, amount, funding source, handler and approver) and the id of its row on the page, so a
   * result opens at the entry. Empty for other record types, and for a ledger whose entries were not asked for
   * (`listSearchDocuments`).
   */
  entries: SearchEntry[];
  /**
   * A 公示's posting period (src/records/dated.ts `getNoticePeriod`), kept in its result data (meta `posting`) and in
   * its bundle's postings file: the search page shows and filters the state it gives on the site's as-of date. Never
   * the state itself: what the index holds must not change from day to day (docs/search.md, "A new day").
   */
  posting?: PostingPeriod;
  /**
   * The rows of a personal 公示's list while the web shows them (NoticeFacts.listedRows: masked names, amounts, groups):
   * the list, which the page itself marks as not indexed (PERSONAL_DATA_MARKS, src/lib/privacy.ts). Absent when none.
   */
  listed?: string[];
}

export interface SearchEntry {
  /** Id of the entry's row on the ledger page (see getEntryAnchor in src/lib/ledger.ts). */
  anchor: string;
  /** The entry's voucher number: the short heading Pagefind shows for the entry (kept short: Pagefind stores it twice). */
  voucher: string;
  /** The rest of what is indexed, e.g. "2025年9月12日 支出 管理费用：购买办公用品，1,200.00 元，经手 王堃。" */
  text: string;
}

type LedgerEntry = County['villages'][number]['ledgers'][number]['data']['income'][number];

/**
 * One ledger entry as the index reads it: labels and values apart, one sentence. It starts with the entry's date the way
 * villagers type it (2025年9月12日 holds 9月12日; a typed 2025-09-12 is searched as 2025年9月12日) and ends with who
 * handled and approved it (`people`, from LedgerFacts.expensePeople): cadres and staff by name; a private person is
 * not named at all (domain rules §4.3, no site-search indexing of names).
 */
export function describeEntry(side: 'income' | 'expense', e: LedgerEntry, anchor: string, people: LedgerFacts['expensePeople'][number] = {}): SearchEntry {
  const source = e.source ? `，资金来源 ${e.source}` : '';
  const named = (role: 'handler' | 'approver') => (people.private?.includes(role) ? undefined : people[role]);
  const handler = named('handler');
  const approver = named('approver');
  const handled = (handler ? `，经手 ${handler}` : '') + (approver ? `，审批 ${approver}` : '');
  return {
    anchor,
    voucher: e.voucher,
    text: `${formatDateZh(e.date)} ${side === 'income' ? '收入' : '支出'} ${e.category}：${e.summary}，${formatYuan(e.amount)} 元${source}${handled}。`,
  };
}

function quarterLabels(periods: Period[]): string[] {
  return periods.map((p) => periodLabel(p.kind === 'quarter' ? p : quarterOf(periodStart(p))));
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
  quarters: Period[] = [period],
  posting?: PostingPeriod,
): SearchDocument {
  const quarter = quarterLabels(quarters);
  return {
    path: path.replace(/^\/+/, ''),
    village: v.id,
    filters: { village: [v.data.name], township: [v.data.township], track: [track], kind: [RECORD_TYPES[kind].zh], year: [`${period.year}年`], quarter },
    meta: { village: `${v.data.township} ${v.data.name}`, date: formatDateZh(date), kind: RECORD_TYPES[kind].zh, ...(note ? { note } : {}) },
    date,
    entries,
    ...(posting ? { posting } : {}),
  };
}

/** Site path without the base, for the post-build step (Astro's base only matters in links). */
function sitePath(url: string): string {
  const base = (import.meta.env?.BASE_URL ?? '/').replace(/\/$/, '');
  return url.startsWith(`${base}/`) ? url.slice(base.length) : url;
}

type Village = County['villages'][number];

/** The search document of each record of one village, by record type, built only when asked for; a ledger's entries only with `entries`. */
function recordDocuments(v: Village, county: County, at: (path: string) => string, entries = true) {
  return {
    disclosure: v.disclosures.map((d) => ({
      id: d.id,
      make: () => {
        const f = getDisclosureFacts(d, v);
        return doc(v, at(f.path), 'disclosure', d.data.track, d.data.publishedAt, d.period, [], f.supersededBy ? '已更正，请看更正版' : undefined);
      },
    })),
    ledger: v.ledgers.map((l) => ({
      id: l.id,
      make: () => {
        const f = getLedgerFacts(l, v);
        const lines = entries
          ? [
              ...l.data.income.map((e, i) => describeEntry('income', e, f.entryAnchors.income[i]!)),
              ...l.data.expense.map((e, i) => describeEntry('expense', e, f.entryAnchors.expense[i]!, f.expensePeople[i])),
            ]
          : [];
        return doc(v, at(f.path), 'ledger', '财务', l.data.publishedAt, l.period, lines);
      },
    })),
    meeting: v.meetings.map((m) => ({
      id: m.id,
      make: () => {
        const f = getMeetingFacts(m, v, county);
        return doc(v, at(f.path), 'meeting', f.track, m.data.date, quarterOf(m.data.date), [], undefined, f.quarters);
      },
    })),
    notice: v.notices.map((n) => ({
      id: n.id,
      make: () => {
        const f = getNoticeFacts(n, v, county);
        const d = doc(v, at(f.path), 'notice', f.track, n.data.startDate, quarterOf(n.data.startDate), [], undefined, undefined, getNoticePeriod(n));
        return f.listedRows.length > 0 ? { ...d, listed: f.listedRows } : d;
      },
    })),
    volunteer: v.volunteers.map((p) => ({
      id: p.id,
      make: () => {
        const f = getVolunteerFacts(p, v);
        return doc(v, at(f.path), 'volunteer', '村务', f.lastDate, p.period);
      },
    })),
  } satisfies Record<RecordTypeName, { id: string; make: () => SearchDocument }[]>;
}

const atSitePath = (path: string) => sitePath(urls.path(path));

/**
 * One search document per record page of `villages` (every village of the county unless given), in a stable order
 * (village, then path). A ledger's entries, one line each, are made only for the villages `entriesOf` names (all unless
 * given): they are what Pagefind indexes of a ledger page, and the only costly part (134,000 lines at 100 villages),
 * while the search page and a bundle kept from the last build need the documents' paths and filters only.
 */
export function listSearchDocuments(
  county: County,
  entriesOf: (villageId: string) => boolean = () => true,
  villages: readonly VillageRecords[] = county.villages,
): SearchDocument[] {
  const docs: SearchDocument[] = [];
  for (const v of villages) {
    const byType = recordDocuments(v, county, atSitePath, entriesOf(v.id));
    for (const type of RECORD_TYPE_NAMES) for (const r of byType[type]) docs.push(r.make());
  }
  return docs.sort(byPath);
}

/** The documents' order: by path (village, then record). */
const byPath = (a: SearchDocument, b: SearchDocument) => a.path.localeCompare(b.path);

/**
 * Every village's search documents without their ledger entries (`listSearchDocuments` with no entries asked for), each
 * village's kept between builds (src/data/opendata-parts.ts `keepVillageSearchDocuments`): the search page and an
 * incremental build's search input make again only those of the villages whose files changed.
 */
function listSearchDocumentsWithoutEntries(county: County): SearchDocument[] {
  return county.villages.flatMap((v) => listVillageSearchDocuments(county, v)).sort(byPath);
}

/**
 * One village's search documents without ledger entries, kept between builds in its open-data folder
 * (`search-<key>.json`, src/data/opendata-parts.ts `keepVillageJson`), or made (or given, `made`) and kept. They depend
 * on what its feed entries depend on: its folder, content/site.yaml, the code, and of the day only which of its notices
 * are taken down (a 公示's listed rows go with its names; getNoticeFacts). 300 villages: making every village's took
 * 1.2–1.6 CPU-s of the page process (the search page) and again of the county steps (the search input) in every build
 * (docs/benchmarks.md, session 17).
 */
function listVillageSearchDocuments(county: County, v: VillageRecords, made?: SearchDocument[]): SearchDocument[] {
  return keepVillageJson(
    v,
    county.asOf,
    { prefix: 'search-', kind: 'search-documents', version: 1 },
    areDocumentsWithoutEntries,
    () => made ?? listSearchDocuments(county, () => false, [v]),
  );
}

/** Whether a kept value is a list of search documents without ledger entries (the cache file itself is checked whole). */
const areDocumentsWithoutEntries = (value: unknown): value is SearchDocument[] =>
  Array.isArray(value) &&
  value.every(
    (d: Partial<SearchDocument> | null) =>
      typeof d === 'object' &&
      d !== null &&
      typeof d.path === 'string' &&
      typeof d.village === 'string' &&
      typeof d.date === 'string' &&
      typeof d.filters === 'object' &&
      d.filters !== null &&
      typeof d.meta === 'object' &&
      d.meta !== null &&
      Array.isArray(d.entries) &&
      d.entries.length === 0,
  );

/** A village as the search index step knows it: for the bundles (townships), the lexicon's places and the directory. */
export interface SearchVillage {
  id: string;
  name: string;
  township: string;
}

/**
 * Everything the search index step (src/integrations/search-index.ts) reads of the county: its villages in the county's
 * order and every record page's document. Made once from the checked county, so the step runs without the county in
 * memory (scripts/build.ts lets the county go before the step starts: issue 18, docs/benchmarks.md, session 7).
 */
export interface SearchInput {
  villages: SearchVillage[];
  docs: SearchDocument[];
  /** The villages whose documents carry their ledger entries, when not all do (an incremental build's input). */
  entriesOf?: string[];
  /**
   * Where the ledger entries are when the documents carry none of them: one file per village (those `entriesOf` names,
   * or every village), written by `getSearchInput`'s `putEntries` (scripts/build-county-steps.ts) and read by the
   * bundle that indexes the village's pages (src/integrations/search-entries.ts). The entries are most of the input
   * (404,000 lines at 300 villages): held whole, they grew the build process by about 300 MB per 300 villages through
   * the search step (docs/benchmarks.md, session 16: mem16).
   */
  entriesFiles?: SearchEntriesFiles;
}

/** One build's folder of ledger entry files (`SearchInput.entriesFiles`) and the key they were written with (random per build). */
export interface SearchEntriesFiles {
  folder: string;
  key: string;
}

/** The ledger entries of one village's record pages, by page path (pages without entries left out), in the documents' order. */
export type VillageEntries = [path: string, entries: SearchEntry[]][];

/**
 * The search index step's input (`SearchInput`) made from a checked county. `entriesOf`, in an incremental build, picks
 * from the input made without any ledger entry the villages whose documents need theirs (those of the bundles the step
 * may read again: src/integrations/search-index.ts `villagesToIndexAgain`): the entries are the costly part (404,000
 * lines at 300 villages: about 2 CPU-s to make and 2 more to send to the build process). `putEntries`: each village's
 * entries are handed to it, a village at a time, and the documents keep none (`SearchInput.entriesFiles`), so they are
 * never all in memory at once.
 */
export function getSearchInput(
  county: County,
  entriesOf?: (input: SearchInput) => ReadonlySet<string>,
  putEntries?: (villageId: string, entries: VillageEntries) => void,
): SearchInput {
  const villages = county.villages.map((v) => ({ id: v.id, name: v.data.name, township: v.data.township }));
  const entriesIn = (v: VillageRecords, docs: readonly SearchDocument[]) => {
    putEntries!(
      v.id,
      docs.flatMap((d): VillageEntries => (d.entries.length > 0 ? [[d.path, d.entries]] : [])),
    );
  };
  if (!entriesOf) {
    if (!putEntries) return { villages, docs: listSearchDocuments(county) };
    const docs: SearchDocument[] = [];
    for (const v of county.villages) {
      const own = listSearchDocuments(county, () => true, [v]);
      entriesIn(v, own);
      // The documents without entries are kept for the next build (`listVillageSearchDocuments`).
      docs.push(
        ...listVillageSearchDocuments(
          county,
          v,
          own.map((d) => (d.entries.length > 0 ? { ...d, entries: [] } : d)),
        ),
      );
    }
    return { villages, docs: docs.sort(byPath) };
  }
  const docs = listSearchDocumentsWithoutEntries(county);
  const near = entriesOf({ villages, docs });
  const withEntries = county.villages.filter((v) => near.has(v.id));
  if (putEntries) {
    for (const v of withEntries)
      entriesIn(
        v,
        listSearchDocuments(county, () => true, [v]),
      );
    return { villages, docs, entriesOf: [...near] };
  }
  const made = new Map(listSearchDocuments(county, () => true, withEntries).map((d) => [d.path, d]));
  return { villages, docs: docs.map((d) => made.get(d.path) ?? d), entriesOf: [...near] };
}

/** The search document of one record page: what its SearchBody marks for Pagefind. */
export function getRecordSearchDocument(type: RecordTypeName, villageId: string, id: string): SearchDocument {
  const record = recordDocuments(getVillage(villageId), getCounty(), atSitePath)[type].find((r) => r.id === id);
  if (!record) throw new Error(`unknown ${type} ${villageId}/${id}`);
  return record.make();
}

/**
 * Pagefind's filter, meta and sort markers of a record page, as attributes of its search body
 * element: the values sit in data attributes of their own and the marker lists only name them
 * (`kind[data-kind]`), because Pagefind takes everything after the first colon of a marker as one
 * literal value, commas included, and has no escape for them. Nothing here is shown or read aloud.
 * `title` is the page's heading: Pagefind would read it from the <h1>, but the indexed copy of the
 * heading has zero-width spaces between its Han characters.
 */
export function getSearchMarkers(d: SearchDocument, title: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  const refer = (name: string, attribute: string, value: string) => {
    attributes[attribute] = value;
    return `${name}[${attribute}]`;
  };
  const filters = SEARCH_FILTERS.flatMap(({ key }) => d.filters[key].map((value, i) => refer(key, i === 0 ? `data-${key}` : `data-${key}-${i + 1}`, value)));
  const kindAttribute = filters.find((f) => f.startsWith('kind['));
  const meta = [
    refer('title', 'data-title', title),
    refer('village', 'data-place', d.meta.village),
    refer('date', 'data-date', d.meta.date),
    d.filters.kind[0] === d.meta.kind && kindAttribute ? kindAttribute : refer('kind', 'data-kind-name', d.meta.kind),
    ...(d.meta.note ? [refer('note', 'data-note', d.meta.note)] : []),
    ...(d.posting ? [refer('posting', 'data-posting', postingToken(d.posting))] : []),
  ];
  return {
    'data-pagefind-filter': filters.join(', '),
    'data-pagefind-meta': meta.join(', '),
    'data-pagefind-sort': `date:${d.date}`,
    ...attributes,
  };
}

// ── the search page ───────────────────────────────────────────────────────

const QUARTER_ORDER = ['一', '二', '三', '四'];

export function getSearchPageView() {
  const county = getCounty();
  // The filter choices and the count of records: no ledger entry is needed.
  const docs = listSearchDocumentsWithoutEntries(county);
  const values = (key: FilterKey) => [...new Set(docs.flatMap((d) => d.filters[key]))];
  const byPeriod = (a: string, b: string) =>
    b.slice(0, 5).localeCompare(a.slice(0, 5)) || QUARTER_ORDER.indexOf(b.charAt(6)) - QUARTER_ORDER.indexOf(a.charAt(6));
  const townships = [...new Set(county.villages.map((v) => v.data.township))];
  const listed = county.villages.length <= VILLAGES_LISTED_MAX;
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
    /** 按村浏览: every village's board by township in a small county; in a large one each township's page (its village cards). */
    villagesListed: listed,
    villageCount: county.villages.length,
    townships: listTownships().map((t) => ({
      name: t.name,
      href: urls.township(t.slug),
      villageCount: t.villages.length,
      villages: listed ? t.villages.map((v) => ({ name: v.data.name, href: urls.village(v.id) })) : [],
    })),
    records: docs.length,
    /** The 公示状态 filter's choices, when the county has notices: applied by the page from their periods, not by the index. */
    postingStates: docs.some((d) => d.posting) ? POSTING_STATES : [],
    base: import.meta.env.BASE_URL,
    // Two: the placeholder must fit the box on a 360 px phone.
    examples: ['低保', '宅基地'],
  };
}
