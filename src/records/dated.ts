/**
 * Which pages depend on the as-of date ("today" of the build), and through which facts. A rebuild
 * on a new day re-renders only the pages whose date facts differ between the previous build's date
 * and today's (plus whatever content changed), so a daily refresh does not rebuild the county.
 *
 * A page depends on the date only through discrete states, never through a day count: a 公示 starts or ends
 * (`getNoticePosting` prints its period, 公示至2025年12月20日, and the browser adds the days left), its names leave
 * after `unpublishAfter`, a quarter's deadline passes (the board's standing, the kiosk's freshness). So a new day
 * re-renders only the pages whose state changed that day.
 *
 * Always dated (re-rendered on every new day on which Astro runs): the county-wide pages (home, compliance, search,
 * open data) and the village data files that carry the day's findings (`VillageFileDate`). They too show states only:
 * an overdue quarter's deadline, not a day count, and as 数据截至 the last day a state of the county changed
 * (`getStateDate`), so a new day on which no state changes changes no page and starts no Astro (scripts/build.ts). A village's board shows the date only
 * through its standing and its notices' states, and says when the village's newest record is from instead of
 * "数据截至" (`getNewestRecordDate`). Its kiosk screen says the same 最近更新 and depends on the date through its
 * freshness (`getKioskFreshness`) and the notices it shows; the screen learns the build's date from the small
 * `version.json` written every build, not from its page. A village's feeds and notice tables leave out a 公示
 * past its `unpublishAfter`, so they are rendered again when one of its notice pages is; its other data files
 * (ledgers, disclosures, meetings, volunteers, the workbook, README) are dated by their newest record.
 * Record pages carry no "数据截至" stamp; of them only notices depend on the date. The posters a village's
 * pages link to depend on the date only through which notices are still posted (src/posters/selection.ts): when that
 * changes, the village's print page (v/<village>/posters) and the pages of the notices concerned are rendered again
 * (a poster's view, src/data/posters.ts, is shown only on its record's page and the print page; the poster step places
 * the village's poster files afresh and removes those it no longer places).
 * Pure: the date is passed in.
 */
import { addDays } from '../lib/dates.ts';
import { describePosting, type NoticePosting, type PostingPeriod } from '../lib/notice-posting.ts';
import { describeStaleness, getBoardDeadline, getNewestPeriod, isBoardStale, listComingDeadlines } from '../lib/kiosk.ts';
import type { NoticeRec, VillageRecords } from '../check/model.ts';
import { getBodyRule } from '../law/bodies.ts';
import type { RuleProfile } from '../law/profiles.ts';
import { getDisclosureStanding, getLatestDueQuarter, getPublicationDeadline, type DisclosureStanding } from '../lib/schedule.ts';
import { recordPath, villagePath } from './registry.ts';

/**
 * How a file of a village's own (a data file, a feed) depends on the as-of date: `as-of`, it prints
 * the date or the day's findings (every new day); `notices`, it lists the notices still published (a
 * new day whose notice pages of the village changed); undefined, not at all.
 */
export type VillageFileDate = 'as-of' | 'notices' | undefined;

/**
 * A notice's posting state on `asOf`, in words that stay true on every later day of that state (src/lib/notice-posting.ts,
 * which the search page runs too, from the period the search index keeps: `getNoticePeriod`).
 */
export function getNoticePosting(n: NoticeRec, asOf: string): NoticePosting {
  return describePosting(getNoticePeriod(n), asOf);
}

/** A notice's posting period: its first and last day, no last day for a 长期公示. The same on every day. */
export function getNoticePeriod(n: NoticeRec): PostingPeriod {
  return n.data.longTerm ? { start: n.data.startDate } : { start: n.data.startDate, end: n.endDate };
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

/**
 * The last day on or before `asOf` on which a date-dependent state of `villages` may have changed: what the
 * county-wide pages print as 数据截至 instead of the build's date, so that a new day on which nothing changed
 * changes no page (scripts/build.ts then publishes the last release again without rendering anything).
 *
 * Every way the date reaches a page or data file is a comparison of the as-of date with a day taken from the records
 * or the law, and each such day is a candidate here: a record's dates (publication, meeting, 四议两公开 postings: a
 * finding that a date is still to come ends on it), a 公示's first day, the day after it ends and the day after its
 * names leave (`unpublishAfter`), the day after a 四议两公开 posting deadline not met yet (resolution: the meeting +
 * the profile's days; result: each payment it authorised + the days), and the day after each quarter's publication
 * deadline (each month's too where any village publishes finances monthly: the kiosk screens' deadlines). The
 * result is the newest candidate not after `asOf`. A candidate on which nothing visible changed only makes the
 * date newer than it had to be (still true: the data is as of that day too); test/unit/state-date.test.ts checks
 * on every day of two counties' years that every output's date facts on `asOf` equal those on this date.
 */
export function getStateDate(villages: readonly VillageRecords[], asOf: string, profile: RuleProfile): string {
  let latest = '';
  const see = (d: string | undefined) => {
    if (d !== undefined && d <= asOf && d > latest) latest = d;
  };
  const after = (d: string | undefined, days = 0) => (d === undefined ? undefined : addDays(d, days + 1));
  // A quarter's deadline passing: getLatestDueQuarter is the newest quarter whose deadline is before asOf.
  see(after(getPublicationDeadline(getLatestDueQuarter(asOf, profile), profile)));
  if (profile.financeCadence === 'month' || villages.some((v) => v.data.financeCadence === '每月')) {
    // The newest month whose deadline is before asOf (a deadline falls in the month after its month, or later).
    let year = Number(asOf.slice(0, 4));
    let month = Number(asOf.slice(5, 7));
    for (;;) {
      const deadline = getPublicationDeadline({ kind: 'month', year, month }, profile);
      if (deadline < asOf) {
        see(after(deadline));
        break;
      }
      [year, month] = month === 1 ? [year - 1, 12] : [year, month - 1];
    }
  }
  const { resolutionWithinDays, resultWithinDays } = profile.fourStepPosting;
  for (const v of villages) {
    for (const l of v.ledgers) see(l.data.publishedAt);
    for (const d of v.disclosures) see(d.data.publishedAt);
    // A resolving meeting of a 四议两公开 chain whose result is not posted: its deadline runs from each payment it authorised.
    const resultDue = new Set<string>();
    for (const m of v.meetings) {
      see(m.data.date);
      see(m.data.publishedAt);
      see(m.data.resultPublishedAt);
      if (getBodyRule(m.data.body)?.fourStep !== 'resolve' || !m.data.previous) continue;
      if (!m.data.publishedAt) see(after(m.data.date, resolutionWithinDays));
      if (!m.data.resultPublishedAt) resultDue.add(m.id);
    }
    for (const l of v.ledgers) for (const e of l.data.expense) if (e.resolution && resultDue.has(e.resolution.meetingId)) see(after(e.date, resultWithinDays));
    for (const n of v.notices) {
      see(n.data.startDate);
      if (!n.data.longTerm) see(after(n.endDate));
      see(after(n.data.unpublishAfter));
    }
  }
  return latest || asOf;
}

/**
 * What a village's kiosk screen says about its freshness on `asOf`: the deadline after which it warns, the coming
 * deadlines its script checks on the screen's own date, and the warning as the build prints it. It changes only
 * when a deadline passes (or a record arrives), not every day: the screen learns the day from its clock and the
 * date of the newest build from `version.json` (src/integrations/kiosk-offline.ts, src/client/kiosk.ts).
 */
export function getKioskFreshness(v: VillageRecords, asOf: string, profile: RuleProfile) {
  const newestDisclosure = getNewestPeriod(v.disclosures.filter((d) => d.data.track === '村务').map((d) => d.period));
  const newestLedger = getNewestPeriod(v.ledgers.map((l) => l.period));
  const monthly = profile.financeCadence === 'month' || v.data.financeCadence === '每月';
  const due = getBoardDeadline({ disclosure: newestDisclosure, ledger: newestLedger }, asOf, profile, monthly);
  const what = due.what === 'disclosure' ? '村务公开' : '财务公开';
  const coming = listComingDeadlines(due, profile);
  // The first day the page is known to be current on, though it carries no build date: its newest record's, or the
  // day after the last deadline it has seen pass (a screen that never reached version.json still knows the village missed it).
  const passed = coming.filter((c) => c.deadline < asOf).at(-1);
  const known = [getNewestRecordDate([v], asOf) ?? '', passed ? addDays(passed.deadline, 1) : ''].sort().at(-1)!;
  return { deadline: due.deadline, staleAtBuild: isBoardStale(asOf, due.deadline), dueZh: describeStaleness(coming, asOf, asOf, what), what, coming, known };
}

/** The path of a village's kiosk screen among the dated pages (kiosk/<village>). */
export function kioskPath(villageId: string): string {
  return `kiosk/${villageId}`;
}

/** The path of a village's print page among the dated pages (v/<village>/posters). */
export function postersPath(villageId: string): string {
  return `v/${villageId}/posters`;
}

export interface DatedFacts {
  /** Which of the village's notices are still posted (the default poster set depends on it, src/posters/selection.ts), by notice. */
  posted: Record<string, boolean>;
  /**
   * Date facts of each dated page: the board (v/<village>), record pages (v/<village>/notices/<id>) and the kiosk
   * screen (kiosk/<village>). Each is a state (a 公示 running or ended, a deadline passed), never a day count, so a
   * new day changes them only on the day a state changes.
   */
  pages: Record<string, string>;
}

/** The date facts of one village's pages on `asOf`. */
export function getDatedFacts(v: VillageRecords, asOf: string, profile: RuleProfile): DatedFacts {
  const pages: Record<string, string> = {};
  const states = v.notices.map((n) => `${n.id}:${getNoticePosting(n, asOf).state}`);
  const unpublished = v.notices.map((n) => isNoticeUnpublished(n, asOf));
  for (const [i, n] of v.notices.entries()) pages[recordPath('notice', v.id, n.id)] = `${states[i]}:${unpublished[i] ? 1 : 0}`;
  const updated = getNewestRecordDate([v], asOf) ?? '';
  // The board: its standing badge, every notice's state (it shows no names), and the date of its newest record.
  pages[villagePath(v.id)] = JSON.stringify([getVillageStanding(v, asOf, profile), states, updated]);
  // The kiosk screen: its freshness (a deadline passing), which notices it shows (not ended, names not removed), its 最近更新.
  const shown = states.filter((s, i) => !s.endsWith(':ended') && !unpublished[i]);
  pages[kioskPath(v.id)] = JSON.stringify([getKioskFreshness(v, asOf, profile), states, shown, updated]);
  const posted = Object.fromEntries(v.notices.map((n) => [n.id, Boolean(n.data.longTerm) || n.endDate >= asOf]));
  return { posted, pages };
}

/**
 * The pages of a village whose date facts differ between `before` and `asOf`: its board v/<village>, record pages and
 * kiosk screen kiosk/<village>; and when a notice's posting ended (or began again, a date set back), that notice's page
 * and the village's print page v/<village>/posters, whose posters are no longer (or again) of the default set.
 */
export function getChangedDatedPages(v: VillageRecords, before: string, asOf: string, profile: RuleProfile): string[] {
  if (before === asOf) return [];
  const a = getDatedFacts(v, before, profile);
  const b = getDatedFacts(v, asOf, profile);
  const pages = new Set(Object.keys(b.pages).filter((p) => a.pages[p] !== b.pages[p]));
  const moved = v.notices.filter((n) => a.posted[n.id] !== b.posted[n.id]);
  for (const n of moved) pages.add(recordPath('notice', v.id, n.id));
  if (moved.length > 0) pages.add(postersPath(v.id));
  return [...pages];
}
