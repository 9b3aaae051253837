/**
 * A 公示's posting state on a date, from its period alone: what its page's badge says, what the search page shows
 * beside a notice result and what its 公示状态 filter keeps. Pure and small: the build (src/records/dated.ts
 * `getNoticePosting`) and the search page in the browser run the same function, so a result says what its page says.
 *
 * The search index holds only the period (`postingToken`, in a notice's result data and in its bundle's
 * `POSTINGS_FILE`), never the state: a period does not change from day to day, so a new day on which a 公示 starts or
 * ends indexes nothing again (docs/search.md, "A new day"). The state follows from the period and the site's as-of date.
 */
import { getPostingStatus } from './calendar.ts';
import { formatDateZh, type IsoDate } from './dates.ts';

/** A 公示's posting period: first and last day; no last day for a 长期公示. */
export interface PostingPeriod {
  start: IsoDate;
  end?: IsoDate | undefined;
}

export type PostingState = 'upcoming' | 'running' | 'ended';

export interface NoticePosting {
  state: PostingState;
  /**
   * What pages print, the same on every day of a state: 2025年12月1日起公示, 公示至2025年12月20日, 公示期已结束,
   * 长期公示. Never a day count and never "公示中": a page that is not rebuilt stays true. The count (，剩余3天)
   * is added in the browser from the dates (src/client/notice-days.ts, src/lib/calendar.ts `describeNoticeDays`).
   */
  zh: string;
  en: string;
}

/** A notice's posting state on `asOf`, in words that stay true on every later day of that state. */
export function describePosting(p: PostingPeriod, asOf: IsoDate): NoticePosting {
  if (p.end === undefined) return { state: 'running', zh: '长期公示', en: 'long-term' };
  const s = getPostingStatus(p.start, p.end, asOf);
  if (s.state === 'upcoming') return { state: s.state, zh: `${formatDateZh(p.start)}起公示`, en: `posted from ${p.start}` };
  if (s.state === 'running') return { state: s.state, zh: `公示至${formatDateZh(p.end)}`, en: `posted until ${p.end}` };
  return { state: s.state, zh: '公示期已结束', en: 'ended' };
}

/** The choices of the search page's 公示状态 filter, in the order shown (a 长期公示 is 正在公示). */
export const POSTING_STATES: readonly { state: PostingState; zh: string }[] = [
  { state: 'running', zh: '正在公示' },
  { state: 'upcoming', zh: '尚未开始' },
  { state: 'ended', zh: '公示期已结束' },
];

/** A period as the search index keeps it: `2025-11-17~2025-11-24`, or `2025-11-17~` for a 长期公示. */
export function postingToken(p: PostingPeriod): string {
  return `${p.start}~${p.end ?? ''}`;
}

/** The period of a `postingToken`; undefined for anything else. */
export function readPostingToken(token: string): PostingPeriod | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})~(\d{4}-\d{2}-\d{2})?$/.exec(token);
  return m ? { start: m[1]!, ...(m[2] ? { end: m[2] } : {}) } : undefined;
}

/**
 * The file in each bundle's folder (pagefind/<bundle>/) listing its notices' periods by Pagefind result id
 * (`{ "<id>": "<postingToken>" }`), written when the bundle is indexed: the search page reads it only when the
 * 公示状态 filter is chosen, to keep the results in that state on the site's as-of date.
 */
export const POSTINGS_FILE = 'postings.json';

/** The part of a Pagefind search answer the filter reads and keeps. */
interface Answer {
  results: { id: string }[];
}

/**
 * A bundle's search (`search`) that keeps only the notices in `state` on `asOf`, by their periods in the bundle's
 * `POSTINGS_FILE` (`postings`, fetched once and only when a search asks for it). Every result, counts included, is
 * then of that state: the search page's sentences (找到 N 条) and its paging need nothing else.
 */
export function keepPostingState<O, A extends Answer>(
  search: (term: string | null, options: O) => Promise<A | null>,
  postings: () => Promise<Readonly<Record<string, string>>>,
  state: PostingState,
  asOf: IsoDate,
): (term: string | null, options: O) => Promise<A | null> {
  return async (term, options) => {
    const [answer, periods] = await Promise.all([search(term, options), postings()]);
    if (!answer) return answer;
    const keep = (id: string) => {
      const p = periods[id] === undefined ? undefined : readPostingToken(periods[id]);
      return p !== undefined && describePosting(p, asOf).state === state;
    };
    return { ...answer, results: answer.results.filter((r) => keep(r.id)) };
  };
}

/**
 * How villagers type a state into the search box (正在公示的低保, 公示期已结束): each names 公示, so 项目已结束 stays a
 * search for words. Such a query searches its other words with the 公示状态 filter, because the state is not indexed.
 */
const STATE_WORDS: readonly [PostingState, string][] = (
  [
    ['running', ['正在公示', '还在公示', '公示期内', '公示中']],
    ['upcoming', ['即将公示', '将要公示', '公示还没有开始', '公示还没开始', '公示尚未开始', '公示未开始']],
    ['ended', ['公示期已结束', '公示期已满', '公示已结束', '公示结束了', '公示结束', '公示期满', '已过公示期', '过了公示期', '公示过期']],
  ] as const
)
  .flatMap(([state, words]) => words.map((w) => [state, w] as [PostingState, string]))
  .sort((a, b) => b[1].length - a[1].length);

/** The state a query names (`STATE_WORDS`, with a 的 after it), and the query without it; undefined when it names none. */
export function typedPostingState(query: string): { state: PostingState; rest: string } | undefined {
  for (const [state, word] of STATE_WORDS) {
    const at = query.indexOf(word);
    if (at < 0) continue;
    const after = at + word.length + (query[at + word.length] === '的' ? 1 : 0);
    return { state, rest: `${query.slice(0, at)} ${query.slice(after)}`.replace(/\s+/g, ' ').trim() };
  }
  return undefined;
}
