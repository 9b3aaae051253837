/**
 * Which pages depend on the as-of date ("today" of the build), and through which facts. A rebuild
 * on a new day re-renders only the pages whose date facts differ between the previous build's date
 * and today's (plus whatever content changed), so a daily refresh does not rebuild the county.
 *
 * Always dated (re-rendered every new day): the county-wide pages (home, compliance, search, open data), each
 * village's board (standing, notice days left, "数据截至"), kiosk screen (freshness deadline), and
 * the village data files that print the date or the day's findings (`VillageFileDate`). A village's
 * feeds and notice tables leave out a 公示 past its `unpublishAfter`, so they are rendered again only
 * when one of its notice pages is; its other data files (ledgers, disclosures, meetings, volunteers)
 * carry no date at all.
 * Record pages carry no "数据截至" stamp; of them only notices depend on the date, through their
 * posting status (days left) and `unpublishAfter` (names leave the page). The posters a village's
 * pages link to depend on the date only through which notices are still posted
 * (src/posters/selection.ts): when that changes, every page of the village is rendered again.
 * Pure: the date is passed in.
 */
import { getPostingStatus } from '../lib/calendar.ts';
import type { NoticeRec, VillageRecords } from '../check/model.ts';
import { recordPath } from './registry.ts';

export interface NoticePosting {
  state: 'upcoming' | 'running' | 'ended';
  zh: string;
  en: string;
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
  if (n.data.longTerm) return { state: 'running', zh: '长期公示', en: 'long-term' };
  if (s.state === 'upcoming') return { state: s.state, zh: `${s.startsInDays}天后开始`, en: `starts in ${s.startsInDays} days` };
  if (s.state === 'running') return { state: s.state, zh: `公示中，剩余${s.daysLeft}天`, en: `${s.daysLeft} day(s) left` };
  return { state: s.state, zh: '公示期已结束', en: 'ended' };
}

/** Whether a notice's page shows the as-of date: while its status counts days (upcoming or running, not long-term). */
export function isNoticePageDated(n: NoticeRec, asOf: string): boolean {
  return !n.data.longTerm && getNoticePosting(n, asOf).state !== 'ended';
}

/** Whether a notice's names have left the site on `asOf` (past its `unpublishAfter`). */
export function isNoticeUnpublished(n: NoticeRec, asOf: string): boolean {
  return n.data.unpublishAfter !== undefined && asOf > n.data.unpublishAfter;
}

export interface DatedFacts {
  /** Facts every page of the village depends on (the default poster set): a change renders the whole village. */
  village: string;
  /** Date facts of each dated record page, by record path (v/<village>/notices/<id>). */
  pages: Record<string, string>;
}

/** The date facts of one village's pages on `asOf`. */
export function getDatedFacts(v: VillageRecords, asOf: string): DatedFacts {
  const pages: Record<string, string> = {};
  for (const n of v.notices) {
    const dated = isNoticePageDated(n, asOf);
    pages[recordPath('notice', v.id, n.id)] = [getNoticePosting(n, asOf).zh, isNoticeUnpublished(n, asOf), dated ? asOf : ''].join('|');
  }
  const posted = v.notices.map((n) => `${n.id}:${n.data.longTerm || n.endDate >= asOf ? 1 : 0}`).join(',');
  return { village: posted, pages };
}

/**
 * The record pages of a village whose date facts differ between `before` and `asOf`, or undefined
 * when every page of the village must be rendered again.
 */
export function getChangedDatedPages(v: VillageRecords, before: string, asOf: string): string[] | undefined {
  if (before === asOf) return [];
  const a = getDatedFacts(v, before);
  const b = getDatedFacts(v, asOf);
  if (a.village !== b.village) return undefined;
  return Object.keys(b.pages).filter((p) => a.pages[p] !== b.pages[p]);
}
