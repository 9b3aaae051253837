/**
 * Feeds of new records and corrections, for the county and for each village: Atom (`buildAtomFeed`) and
 * JSON Feed 1.1. Every date comes from a record (publication date, meeting date, notice start),
 * never from the clock, so the same content gives the same bytes. Items project record facts; a
 * correction says what changed (records/disclosure.ts `changes`). No personal data: notices say
 * what kind of 公示 they are and how long it runs, never who is on them, and a notice past its
 * `unpublishAfter` date is left out.
 */
import type { County, VillageRecords } from '../check/model.ts';
import { formatDateZh } from '../lib/dates.ts';
import { getDisclosureFacts } from '../records/disclosure.ts';
import { getLedgerFacts } from '../records/ledger.ts';
import { getMeetingFacts } from '../records/meeting.ts';
import { getStateDate, isNoticeUnpublished, type VillageFileDate } from '../records/dated.ts';
import { getNoticeFacts } from '../records/notice.ts';
import { getVolunteerFacts } from '../records/volunteer.ts';
import { RECORD_TYPES, type RecordTypeName } from '../records/registry.ts';
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

/** Midnight in China on a record's date. */
const dateTime = (date: string) => `${date}T00:00:00+08:00`;

/** The date the feed was last updated: its newest item, else the day the county's states last changed (what 数据截至 says). */
function updatedOf(entries: readonly FeedEntry[], county: FeedScope['county']): string {
  return entries[0]?.date ?? getStateDate(county.villages, county.asOf, county.profile);
}

/**
 * Atom 1.0 (RFC 4287), written here as npm `feed` 6 wrote it (its `atom1()` through xml-js, four spaces of indent), byte
 * for byte: test/unit/atom-feed.test.ts compares the two. A string per entry instead of an element tree: the county's
 * feed lists every record of the county and is made again whenever a village changes (300 villages: the package took
 * ≈ 1.3 CPU-s of every such build; docs/benchmarks.md, session 12).
 */
export function buildAtomFeed(scope: FeedScope, entries: readonly FeedEntry[]): string {
  return `${getAtomHead(scope, entries)}${entries.map(atomEntry).join('')}${ATOM_TAIL}`;
}

/** The Atom feed without its entries: what it prints about the feed itself (its newest entry's date among it). */
export function getAtomHead(scope: FeedScope, entries: readonly FeedEntry[]): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    xmlElement('    ', 'id', scope.homeUrl),
    xmlElement('    ', 'title', scope.title),
    `    <updated>${isoTime(updatedOf(entries, scope.county))}</updated>`,
    '    <generator>gongkai</generator>',
    `    <link rel="alternate" href="${xmlAttribute(sanitizeUrl(scope.homeUrl))}"/>`,
    `    <link rel="self" href="${xmlAttribute(sanitizeUrl(scope.atomUrl))}"/>`,
    ...(scope.county.site.title ? [xmlElement('    ', 'rights', scope.county.site.title)] : []),
  ].join('\n');
}

const ATOM_TAIL = '\n</feed>';

/** One entry of `buildAtomFeed`, with the line break before it. */
function atomEntry(e: FeedEntry): string {
  const url = sanitizeUrl(e.url);
  const categories = [RECORD_TYPES[e.kind].zh, ...(e.correction ? ['更正'] : [])];
  return [
    '\n    <entry>',
    `\n        <title type="html">${cdata(e.title)}</title>`,
    `\n        ${xmlElement('', 'id', url)}`,
    `\n        <link href="${xmlAttribute(url)}"/>`,
    `\n        <updated>${isoTime(e.date)}</updated>`,
    e.summary ? `\n        <summary type="html">${cdata(e.summary)}</summary>` : '',
    ...categories.map((c) => `\n        <category label="${xmlAttribute(c.replace(/&/g, '&amp;'))}"/>`),
    '\n    </entry>',
  ].join('');
}

/** A record's date (midnight in China) as the UTC time Atom's updated element gives. */
const isoTime = (date: string) => new Date(dateTime(date)).toISOString();
/** What `feed` does to a URL: the WHATWG form, its ampersands escaped. */
const sanitizeUrl = (url: string) => new URL(url).toString().replace(/&/g, '&amp;');
/** An element with text, as xml-js writes it: an escaped ampersand kept, other ampersands and angle brackets escaped; empty text an empty element. */
function xmlElement(indent: string, name: string, text: string): string {
  if (text === '') return `${indent}<${name}/>`;
  return `${indent}<${name}>${text.replace(/&amp;/g, '&').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</${name}>`;
}
/** An attribute's value as xml-js writes it: only double quotes escaped (the URL and label escaped their ampersands before). */
const xmlAttribute = (value: string) => value.replace(/"/g, '&quot;');
/** A CDATA section as xml-js writes it: its first `]]>` split across two sections. */
const cdata = (text: string) => `<![CDATA[${text.replace(']]>', ']]]]><![CDATA[>')}]]>`;

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1). */
export function buildJsonFeed(scope: FeedScope, entries: readonly FeedEntry[]): string {
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: scope.title,
    home_page_url: scope.homeUrl,
    feed_url: scope.jsonUrl,
    language: 'zh-CN',
    items: entries.map(jsonItem),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}

/** One item of `buildJsonFeed`. */
const jsonItem = (e: FeedEntry) => ({
  id: e.url,
  url: e.url,
  title: e.title,
  content_text: e.summary,
  date_published: dateTime(e.date),
  tags: [RECORD_TYPES[e.kind].zh, ...(e.correction ? ['更正'] : [])],
});

/**
 * What both feeds print of `entries`: each one's Atom entry and JSON item (without the JSON feed's indent), a line each.
 * The privacy scan reads it once when a village's entries are listed (src/data/opendata-parts.ts
 * `keepVillageFeedEntries`): an entry's text in a feed is one of these, between tags and brackets that end any run of
 * digits, so a feed of kept entries needs only its head scanned.
 */
export function getFeedEntriesText(entries: readonly FeedEntry[]): string {
  return entries.map((e) => `${atomEntry(e)}\n${JSON.stringify(jsonItem(e))}`).join('\n');
}
