/**
 * The checked county, handed from scripts/build.ts to the Astro build it runs in the same process,
 * so that content/ is read and validated once per build instead of three times (build script,
 * content-check integration, pages). The hand-over carries a stamp of content/ taken before the
 * check (src/check/digest.ts); the integration takes the county only while the stamp still matches,
 * so an edit made during the build is checked again rather than built from a stale model.
 */
import type { County } from './model.ts';
import { contentStamp } from './digest.ts';

const SHARED = Symbol.for('gongkai.checked-county');

interface Shared {
  county: County;
  root: string;
  /** contentStamp(root) before the county was checked; '' when checked inside Astro itself. */
  stamp: string;
}

const slot = () => globalThis as unknown as Record<symbol, Shared | undefined>;

/** Makes the checked county of `root` available to the Astro build in this process. */
export function shareCounty(county: County, root: string, stamp: string): void {
  slot()[SHARED] = { county, root, stamp };
}

/** The shared county of `root` if its content has not changed since it was checked. */
export function takeCheckedCounty(root: string): County | undefined {
  const shared = slot()[SHARED];
  if (!shared || shared.root !== root || !shared.stamp || shared.stamp !== contentStamp(root)) return undefined;
  return shared.county;
}

/** The county shared in this process (for the page modules), if any. */
export function sharedCounty(): County | undefined {
  return slot()[SHARED]?.county;
}
