/**
 * The build's warning that the site online is going stale: days left on a 公示, overdue status and
 * the removal of a 低保 list after `unpublishAfter` change only when the site is rebuilt and
 * published, so a release more than a day old is wrong. The web root is the one given with
 * `npm run build -- --web-root <dir>`, else GONGKAI_WEB_ROOT, else the one last published to from
 * this folder (LAST_PUBLISH_FILE, written by `npm run publish`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { currentRelease, readPublishLog } from './publish.ts';

/** In the project root, next to content/; ignored by git. */
export const LAST_PUBLISH_FILE = '.gongkai-publish.json';
const DAY_MS = 86_400_000;
/** A day, plus slack so that the nightly run, which builds about 24 hours after the last publish, stays quiet. */
const STALE_AFTER_MS = 26 * 3_600_000;

/** Finds the web root this build is meant for, or undefined when none is known. */
export function findWebRoot(root: string, given: string | undefined, env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (given) return given;
  if (env['GONGKAI_WEB_ROOT']) return env['GONGKAI_WEB_ROOT'];
  const file = join(root, LAST_PUBLISH_FILE);
  if (!existsSync(file)) return undefined;
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { webRoot?: string }).webRoot;
  } catch {
    return undefined;
  }
}

/** The loud warning, or undefined when the release online is less than a day old (or none is known). */
export function describeStaleRelease(webRoot: string, now: Date): string | undefined {
  const current = currentRelease(webRoot);
  if (!current) return undefined;
  const entry = readPublishLog(webRoot).find((e) => e.id === current);
  if (!entry) return undefined;
  const age = now.getTime() - Date.parse(entry.publishedAt);
  if (age <= STALE_AFTER_MS) return undefined;
  const days = Math.floor(age / DAY_MS);
  const bar = '!'.repeat(72);
  return [
    bar,
    `警告：网上的版本 ${current} 已有 ${days} 天没有更新（上线于 ${entry.publishedAt}，数据截至 ${entry.asOf}）。`,
    `公示剩余天数、逾期状态和到期撤下的个人信息只有重新构建并发布才会更新。请检查每日更新任务（见 README「每日更新」）。`,
    `WARNING: the release online in ${webRoot} (${current}, as of ${entry.asOf}) was published ${days} day(s) ago.`,
    `Days left, overdue status and personal data past unpublishAfter change only on a rebuild + publish: check the nightly refresh (README, Daily refresh).`,
    bar,
  ].join('\n');
}

/** Called once by scripts/build.ts. */
export function warnIfPublishedReleaseIsOld(
  root: string,
  given: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  now: Date,
  warn: (text: string) => void,
): void {
  const webRoot = findWebRoot(root, given, env);
  if (!webRoot || !existsSync(webRoot)) return;
  const text = describeStaleRelease(webRoot, now);
  if (text) warn(text);
}
