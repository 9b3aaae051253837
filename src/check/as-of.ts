/**
 * The single source of "today" for a build: GONGKAI_AS_OF if set, else the site's pinned `asOf`,
 * else the build date in China Standard Time. Everything date-dependent (overdue, days left,
 * unpublishing) uses this value and every page prints it.
 */
import { isIsoDate } from '../lib/dates.ts';

export function resolveAsOf(pinned: string | undefined, env: Readonly<Record<string, string | undefined>>, now: Date): string {
  const fromEnv = env['GONGKAI_AS_OF'];
  if (fromEnv) {
    if (!isIsoDate(fromEnv)) throw new Error(`GONGKAI_AS_OF=${fromEnv} 不是有效日期 / is not a date (YYYY-MM-DD)`);
    return fromEnv;
  }
  if (pinned) return pinned;
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
