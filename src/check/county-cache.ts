/**
 * The checked county, handed from scripts/build.ts to the Astro process so that content/ is read
 * and validated once per build, not three times (build script, content-check integration, pages).
 *
 * build.ts writes the county it checked to a JSON file named by the digest of content/, and passes
 * the file in GONGKAI_COUNTY_CACHE. Inside Astro, the content-check integration re-computes the
 * digest (reading bytes is cheap; parsing and validating is not) and uses the file only when it
 * matches, so an edit made during the build is never built from a stale model. The integration then
 * shares the county with the page modules through a global of the same process (shareCounty).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeCalendar } from '../lib/calendar.ts';
import { NATIONAL_CALENDAR } from '../law/holidays-cn.ts';
import { PROFILES } from '../law/profiles.ts';
import type { County } from './model.ts';

/** Bump when the shape of County changes, so an old file is never read as a new model. */
const VERSION = 1;

/** SHA-256 over every file under <root>/content: relative path, length and bytes, in path order. */
export function contentDigest(root: string): string {
  const hash = createHash('sha256');
  const walk = (dir: string, rel: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const abs = join(dir, e.name);
      const r = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(abs, r);
      else if (e.isFile()) {
        const bytes = readFileSync(abs);
        hash.update(`${r}\0${bytes.length}\0`);
        hash.update(bytes);
      }
    }
  };
  walk(join(root, 'content'), 'content');
  return `${VERSION}:${hash.digest('hex')}`;
}

interface CacheFile {
  digest: string;
  asOf: string;
  profile: string;
  site: County['site'];
  villages: County['villages'];
}

/** Writes the checked county for the Astro process. */
export function writeCountyCache(file: string, county: County, digest: string): void {
  const data: CacheFile = { digest, asOf: county.asOf, profile: county.profile.key, site: county.site, villages: county.villages };
  writeFileSync(file, JSON.stringify(data));
}

/** The county in `file` if it was written for exactly this content (same digest), else undefined. */
export function readCountyCache(file: string, digest: string): County | undefined {
  let data: CacheFile;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
  } catch {
    return undefined;
  }
  const profile = PROFILES[data.profile];
  if (data.digest !== digest || !profile) return undefined;
  return { site: data.site, profile, calendar: makeCalendar(NATIONAL_CALENDAR, data.site.calendar), asOf: data.asOf, villages: data.villages };
}

const SHARED = Symbol.for('gongkai.checked-county');

/** Makes the checked county available to page modules in this process (see src/data/county.ts). */
export function shareCounty(county: County): void {
  (globalThis as Record<symbol, unknown>)[SHARED] = county;
}

/** The county shared by the content-check integration in this process, if any. */
export function sharedCounty(): County | undefined {
  return (globalThis as Record<symbol, unknown>)[SHARED] as County | undefined;
}
