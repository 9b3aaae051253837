/**
 * The single source of "today" for a build, first found wins:
 * 1. GONGKAI_AS_OF=YYYY-MM-DD (reproduce or preview a given day);
 * 2. the site's pinned `asOf` in content/site.yaml (the demo county; remove it for a real county);
 * 3. SOURCE_DATE_EPOCH (seconds, the reproducible-builds convention), as a date in China Standard Time —
 *    e.g. `SOURCE_DATE_EPOCH=$(git log -1 --format=%ct -- content)` for the data commit's date;
 * 4. the build date in China Standard Time (what the nightly refresh uses).
 * Everything date-dependent (overdue, days left, unpublishing) uses this value and every page prints
 * it; nothing else in the output reads the clock, so the same content and as-of date give the same bytes.
 */
import { isIsoDate } from '../lib/dates.ts';

const CST_OFFSET_MS = 8 * 3_600_000;

export function resolveAsOf(pinned: string | undefined, env: Readonly<Record<string, string | undefined>>, now: Date): string {
  const fromEnv = env['GONGKAI_AS_OF'];
  if (fromEnv) {
    if (!isIsoDate(fromEnv)) throw new Error(`GONGKAI_AS_OF=${fromEnv} 不是有效日期 / is not a date (YYYY-MM-DD)`);
    return fromEnv;
  }
  if (pinned) return pinned;
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch) {
    if (!/^\d{1,12}$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH=${epoch} 不是秒数 / is not a number of seconds since 1970`);
    return new Date(Number(epoch) * 1000 + CST_OFFSET_MS).toISOString().slice(0, 10);
  }
  return new Date(now.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}
