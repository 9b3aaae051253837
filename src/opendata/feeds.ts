/**
 * Feeds of new records and corrections, for the county and for each village: Atom 1.0 (`buildAtomFeed`) and JSON
 * Feed 1.0 (`buildJsonFeed`), both written by npm `feed` from one list of entries. A feed carries the newest entries
 * only (`selectFeedEntries`: the 20 newest and every entry dated within 31 days before the 20th newest), the full
 * history being the open data's tables, which the feed's subtitle names. Every date comes from a record (publication
 * date, meeting date, notice start), never from the clock, so the same content gives the same bytes. Items project
 * record facts; a correction says what changed (records/disclosure.ts `changes`). No personal data: notices say what
 * kind of 公示 they are and how long it runs, never who is on them, and a notice past its `unpublishAfter` date is left out.
 */
import { Feed } from 'feed';
import type { County, VillageRecords } from '../check/model.ts';
import { addDays, formatDateZh } from '../lib/dates.ts';
import { getDisclosureFacts } from '../records/disclosure.ts';
import { getLedgerFacts } from '../records/ledger.ts';
import { getMeetingFacts } from '../records/meeting.ts';
import { getStateDate, isNoticeUnpublished, type VillageFileDate } from '../records/dated.ts';
import { getNoticeFacts } from '../records/notice.ts';
import { getVolunteerFacts } from '../records/volunteer.ts';
import { RECORD_TYPES, villagePath, type RecordTypeName } from '../records/registry.ts';
import { formatYuan } from '../lib/money.ts';

export interface FeedEntry {
  /** Absolute URL of the record page: the item's id and link. */
  url: string;
  title: string;
  /** YYYY-MM-DD, from the record. */
  date: string;
  summary: string;
  kind: RecordTypeName;
  village: string;
  correction: boolean;
}

export interface FeedScope {
  county: County;
  villages: readonly VillageRecords[];
  /** Absolute site address with a trailing slash (site.yaml baseUrl). */
  baseUrl: string;
  /** Title, e.g. 陇县村务公开栏 · 马曲村. */
  title: string;
  /** Absolute URL of the scope's home page (county home or village board). */
  homeUrl: string;
  /** Absolute URLs of the feeds themselves. */
  atomUrl: string;
  jsonUrl: string;
  /** Absolute URL of the open data that holds every record of the scope (the full history the feed leaves out). */
  dataUrl: string;
}

/** The feeds of the county (no village) or of one village: their title and the addresses they print, from site.yaml's baseUrl. */
export function getFeedScope(county: County, village?: VillageRecords): FeedScope {
  const baseUrl = county.site.baseUrl.replace(/\/?$/, '/');
  const at = (path: string) => new URL(path, baseUrl).href;
  const folder = village ? `${villagePath(village.id)}/` : '';
  return {
    county,
    villages: village ? [village] : county.villages,
    baseUrl,
    title: village ? `${county.site.title} · ${village.data.name}` : county.site.title,
    homeUrl: at(folder),
    atomUrl: at(`${folder}feed.xml`),
    jsonUrl: at(`${folder}feed.json`),
    dataUrl: at(village ? `${folder}#data` : 'data/'),
  };
}

/** Newest first; on the same day by kind and address, so the order never depends on file order. */
export function listFeedEntries(scope: Pick<FeedScope, 'county' | 'villages' | 'baseUrl'>): FeedEntry[] {
  const { county } = scope;
  const abs = (path: string) => new URL(`${path}/`, scope.baseUrl).href;
  const out: FeedEntry[] = [];
  for (const v of scope.villages) {
    const name = v.data.name;
    for (const d of v.disclosures) {
      const f = getDisclosureFacts(d, v);
      const items = d.data.items.map((it) => it.title).join('、');
      out.push({
        url: abs(f.path),
        kind: 'disclosure',
        village: v.id,
        date: d.data.publishedAt,
        correction: Boolean(f.corrects),
        title: f.corrects && !d.data.title.includes('更正') ? `更正：${d.data.title}` : d.data.title,
        summary: f.corrects
          ? `${name}更正了${d.data.track}公开。更正原因：${(d.data.correctionReason ?? '').replace(/。$/, '')}。${(f.changes ?? []).join('')}`
          : `${name}${d.data.track}公开，共 ${d.data.items.length} 项：${items}。`,
      });
    }
    for (const l of v.ledgers) {
      const f = getLedgerFacts(l, v);
      out.push({
        url: abs(f.path),
        kind: 'ledger',
        village: v.id,
        date: l.data.publishedAt,
        correction: false,
        title: `${name}${f.periodZh}财务收支公开`,
        summary: `${f.entity}${f.periodZh}：上期结余 ${formatYuan(l.data.openingBalance)} 元，本期收入 ${formatYuan(l.data.totals.income)} 元，本期支出 ${formatYuan(l.data.totals.expense)} 元，本期结余 ${formatYuan(l.data.closingBalance)} 元。`,
      });
    }
    for (const m of v.meetings) {
      const f = getMeetingFacts(m, v, county);
      const outcomes = m.data.resolutions.map((r, i) => `${r.title}（${f.outcomes[i]}）`).join('；');
      out.push({
        url: abs(f.path),
        kind: 'meeting',
        village: v.id,
        date: m.data.publishedAt ?? m.data.date,
        correction: false,
        title: `${name}${m.data.title}`,
        summary: `${formatDateZh(m.data.date)}召开${m.data.body}，应到 ${m.data.eligible} 人，实到 ${m.data.present} 人${f.quorum.met ? '' : '（未达到法定人数）'}。${outcomes ? `决议：${outcomes}。` : ''}`,
      });
    }
    for (const n of v.notices) {
      const f = getNoticeFacts(n, v, county);
      if (f.unpublished) continue;
      out.push({
        url: abs(f.path),
        kind: 'notice',
        village: v.id,
        date: n.data.startDate,
        correction: false,
        title: n.data.title,
        summary: f.summary,
      });
    }
    for (const p of v.volunteers) {
      const f = getVolunteerFacts(p, v);
      out.push({
        url: abs(f.path),
        kind: 'volunteer',
        village: v.id,
        date: f.lastDate,
        correction: false,
        title: `${name}${f.figures.label}志愿服务`,
        summary: `${f.figures.teams} 支服务队，${f.figures.volunteers} 名志愿者，开展活动 ${f.figures.activities} 次，服务 ${f.figures.hours} 小时。`,
      });
    }
  }
  return sortFeedEntries(out);
}

/**
 * Entries in feed order, newest first; on the same day by kind and address (one address, one entry: a total order, so
 * the entries of several villages listed apart and sorted together are in the order of one list of them all).
 */
export function sortFeedEntries(entries: FeedEntry[]): FeedEntry[] {
  return entries.sort((a, b) => b.date.localeCompare(a.date) || a.kind.localeCompare(b.kind) || a.url.localeCompare(b.url));
}

/**
 * How a village's feeds depend on the as-of date (src/records/dated.ts): through the notices still
 * published, and, with no entry at all, through their `updated` date, which is then the county's state date.
 */
export function getFeedDate(v: VillageRecords, asOf: string): VillageFileDate {
  const others = v.disclosures.length + v.ledgers.length + v.meetings.length + v.volunteers.length;
  return others === 0 && v.notices.every((n) => isNoticeUnpublished(n, asOf)) ? 'as-of' : 'notices';
}

/**
 * How many of the newest entries a feed always carries: a village that published nothing for months still shows
 * its last ones. Also the anchor of the window (`FEED_WINDOW_DAYS`), so that a record dated years ahead by mistake
 * cannot push out the rest: only this many such records could.
 */
export const FEED_LATEST = 20;

/**
 * How far back before the `FEED_LATEST`th newest entry's date a feed goes. A record stays in its feeds until at least
 * `FEED_LATEST` records are dated more than this many days after it, which no honest record can be before that many
 * days have passed; so a reader who looks once a week sees every record that reached the site within 25 days of its
 * own date (31 − the 6 days between two looks), and a county-wide quarterly release pushes none of them out however
 * large (300 villages: up to 2,306 entries in a feed). A bound by count alone could not promise that.
 */
export const FEED_WINDOW_DAYS = 31;

/**
 * The entries a feed carries, of `entries` in feed order (newest first): the `FEED_LATEST` newest and every later one
 * dated within `FEED_WINDOW_DAYS` before the `FEED_LATEST`th. Depends on the entries alone (never the clock): the
 * same records give the same feed.
 */
export function selectFeedEntries<T extends Pick<FeedEntry, 'date'>>(entries: readonly T[]): T[] {
  if (entries.length <= FEED_LATEST) return [...entries];
  const from = addDays(entries[FEED_LATEST - 1]!.date, -FEED_WINDOW_DAYS);
  let end = FEED_LATEST;
  while (end < entries.length && entries[end]!.date >= from) end += 1;
  return entries.slice(0, end);
}

/** Midnight in China on a record's date. */
const chinaMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`);

/** Text for an element `feed` declares `type="html"` (Atom) or `content_html` (JSON Feed): shown as written. */
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** What a feed's subtitle says: which entries it carries and where every record is. */
function getFeedSubtitle(scope: Pick<FeedScope, 'dataUrl'>): string {
  return `最新的 ${FEED_LATEST} 条公开记录和更正，及其前 ${FEED_WINDOW_DAYS} 天内的全部记录；全部记录见开放数据 ${scope.dataUrl}`;
}

/**
 * One feed of `entries` (all of the scope's, in feed order; `selectFeedEntries` takes the newest) as npm `feed` holds
 * it. Updated: its newest entry's date, else the day the county's states last changed (what 数据截至 says). The
 * summary is HTML in both formats (Atom `type="html"`, JSON Feed `content_html`), the title only in Atom's.
 */
function makeFeed(scope: FeedScope, entries: readonly FeedEntry[], format: 'atom' | 'json'): Feed {
  const feed = new Feed({
    id: scope.homeUrl,
    title: scope.title,
    description: getFeedSubtitle(scope),
    link: scope.homeUrl,
    language: 'zh-CN',
    updated: chinaMidnight(entries[0]?.date ?? getStateDate(scope.county.villages, scope.county.asOf, scope.county.profile)),
    generator: 'gongkai',
    feedLinks: { atom: scope.atomUrl, json: scope.jsonUrl },
    copyright: scope.county.site.title,
  });
  for (const e of selectFeedEntries(entries)) {
    const date = chinaMidnight(e.date);
    feed.addItem({
      id: e.url,
      link: e.url,
      title: format === 'atom' ? escapeHtml(e.title) : e.title,
      date,
      published: date,
      description: escapeHtml(e.summary),
      category: [{ name: RECORD_TYPES[e.kind].zh }, ...(e.correction ? [{ name: '更正' }] : [])],
    });
  }
  return feed;
}

/** The Atom 1.0 feed (RFC 4287) of a scope: its newest `entries` (`selectFeedEntries`). */
export function buildAtomFeed(scope: FeedScope, entries: readonly FeedEntry[]): string {
  return makeFeed(scope, entries, 'atom').atom1();
}

/** The JSON Feed (version 1, https://www.jsonfeed.org/version/1/) of a scope: its newest `entries` (`selectFeedEntries`). */
export function buildJsonFeed(scope: FeedScope, entries: readonly FeedEntry[]): string {
  return `${makeFeed(scope, entries, 'json').json1()}\n`;
}
