/**
 * Which pages depend on the as-of date ("today" of the build), and through which facts. A rebuild
 * on a new day re-renders only the pages whose date facts differ between the previous build's date
 * and today's (plus whatever content changed), so a daily refresh does not rebuild the county.
 *
 * Always dated (re-rendered every new day): the county-wide pages (home, compliance, search, open data), each
 * village's kiosk screen (freshness deadline, "数据截至", which the screen's own clock checks), and the
 * village data files that carry the day's findings (`VillageFileDate`). A village's board shows the
 * date only through its standing and its notices' status, and says when the village's newest record is
 * from instead of "数据截至" (`getNewestRecordDate`), so it is rendered again only when those differ.
 * A village's feeds and notice tables leave out a 公示 past its `unpublishAfter`, so they are rendered
 * again only when one of its notice pages is; its other data files (ledgers, disclosures, meetings,
 * volunteers, the workbook, README) are dated by their newest record, not by the day.
 * Record pages carry no "数据截至" stamp; of them only notices depend on the date, through their
 * posting status (days left) and `unpublishAfter` (names leave the page). The posters a village's
 * pages link to depend on the date only through which notices are still posted
 * (src/posters/selection.ts): when that changes, every page of the village is rendered again.
 * Pure: the date is passed in.
 */
import { getPostingStatus } from '../lib/calendar.ts';
import type { NoticeRec, VillageRecords } from '../check/model.ts';
import type { RuleProfile } from '../law/profiles.ts';
import { getDisclosureStanding, type DisclosureStanding } from '../lib/schedule.ts';
import { recordPath, villagePath } from './registry.ts';

export interface NoticePosting {
  state: 'upcoming' | 'running' | 'ended';
  zh: string;
  en: string;
  /**
   * `zh` in two parts, `steady` + `count`: the words that change only with the state (公示中) and the day
   * count (，剩余3天; N天后开始), which changes every day. Search indexes only `steady`, so a 公示 counting
   * one day further reads the same to the index (src/integrations/search-index.ts).
   */
  steady: string;
  count: string;
}

/**
 * How a file of a village's own (a data file, a feed) depends on the as-of date: `as-of`, it prints
 * the date or the day's findings (every new day); `notices`, it lists the notices still published (a
 * new day whose notice pages of the village changed); undefined, not at all.
 */
export type VillageFileDate = 'as-of' | 'notices' | undefined;

/** A notice's posting status on `asOf`, as pages show it. */
export function getNoticePosting(n: NoticeRec, asOf: string): NoticePosting {
  const s = getPostingStatus(n.data.startDate, n.endDate, asOf);
  const posting = (state: NoticePosting['state'], steady: string, count: string, en: string): NoticePosting => ({
    state,
    zh: steady + count,
    en,
    steady,
    count,
  });
  if (n.data.longTerm) return posting('running', '长期公示', '', 'long-term');
  if (s.state === 'upcoming') return posting(s.state, '', `${s.startsInDays}天后开始`, `starts in ${s.startsInDays} days`);
  if (s.state === 'running') return posting(s.state, '公示中', `，剩余${s.daysLeft}天`, `${s.daysLeft} day(s) left`);
  return posting(s.state, '公示期已结束', '', 'ended');
}

/** Whether a notice's page shows the as-of date: while its status counts days (upcoming or running, not long-term). */
export function isNoticePageDated(n: NoticeRec, asOf: string): boolean {
  return !n.data.longTerm && getNoticePosting(n, asOf).state !== 'ended';
}

/** Whether a notice's names have left the site on `asOf` (past its `unpublishAfter`). */
export function isNoticeUnpublished(n: NoticeRec, asOf: string): boolean {
  return n.data.unpublishAfter !== undefined && asOf > n.data.unpublishAfter;
}

/** A village's standing on `asOf`: whether its latest due 村务 disclosure is out, on time or late (its board's badge). */
export function getVillageStanding(v: VillageRecords, asOf: string, profile: RuleProfile): DisclosureStanding {
  const published = v.disclosures
    .filter((d) => d.data.track === '村务' && !d.data.supersedes)
    .map((d) => ({ period: d.period, publishedAt: d.data.publishedAt }));
  return getDisclosureStanding(published, asOf, profile);
}

/**
 * The date of the newest record of `villages` (publication dates of ledgers and disclosures, meeting days, the
 * first day of each 公示), no later than `upTo` when given; undefined when there is none. What a village's board
 * says instead of "数据截至" (with `upTo`: the as-of date), and the date of the data files (without: a 公示 that
 * starts later is a record too), so neither changes until a record arrives.
 */
export function getNewestRecordDate(villages: readonly VillageRecords[], upTo?: string): string | undefined {
  let newest: string | undefined;
  const see = (d: string) => {
    if ((newest === undefined || d > newest) && (upTo === undefined || d <= upTo)) newest = d;
  };
  for (const v of villages) {
    for (const l of v.ledgers) see(l.data.publishedAt);
    for (const d of v.disclosures) see(d.data.publishedAt);
    for (const m of v.meetings) see(m.data.date);
    for (const n of v.notices) see(n.data.startDate);
  }
  return newest;
}

export interface DatedFacts {
  /** Facts every page of the village depends on (the default poster set): a change renders the whole village. */
  village: string;
  /** Date facts of each dated page but the kiosk screen: the board (v/<village>) and record pages (v/<village>/notices/<id>). */
  pages: Record<string, string>;
}

/** The date facts of one village's pages on `asOf`. */
export function getDatedFacts(v: VillageRecords, asOf: string, profile: RuleProfile): DatedFacts {
  const pages: Record<string, string> = {};
  for (const n of v.notices) {
    const dated = isNoticePageDated(n, asOf);
    pages[recordPath('notice', v.id, n.id)] = [getNoticePosting(n, asOf).zh, isNoticeUnpublished(n, asOf), dated ? asOf : ''].join('|');
  }
  // The board: its standing badge, every notice's status, and the date of the newest record it says it is updated to.
  pages[villagePath(v.id)] = JSON.stringify([
    getVillageStanding(v, asOf, profile),
    v.notices.map((n) => getNoticePosting(n, asOf).zh),
    getNewestRecordDate([v], asOf) ?? '',
  ]);
  const posted = v.notices.map((n) => `${n.id}:${n.data.longTerm || n.endDate >= asOf ? 1 : 0}`).join(',');
  return { village: posted, pages };
}

/**
 * The pages of a village whose date facts differ between `before` and `asOf` (its board v/<village> and record
 * pages), or undefined when every page of the village must be rendered again.
 */
export function getChangedDatedPages(v: VillageRecords, before: string, asOf: string, profile: RuleProfile): string[] | undefined {
  if (before === asOf) return [];
  const a = getDatedFacts(v, before, profile);
  const b = getDatedFacts(v, asOf, profile);
  if (a.village !== b.village) return undefined;
  return Object.keys(b.pages).filter((p) => a.pages[p] !== b.pages[p]);
}
