/**
 * The checked county for the pages: the one the content-check integration checked (or took from
 * scripts/build.ts) in this build, or, outside a build (astro dev), loaded here with the same
 * loader `npm run check` uses. A build with content errors never gets here.
 */
import { sharedCounty } from '../check/county-cache.ts';
import { formatProblems } from '../check/format.ts';
import { loadCounty } from '../check/load.ts';
import type { County, VillageRecords } from '../check/model.ts';
import { timed } from '../integrations/timings.ts';
import { recordPath, villagePath } from '../records/registry.ts';

let cached: County | undefined;
let byId: Map<string, VillageRecords> | undefined;

export function getCounty(): County {
  if (!cached) {
    cached = sharedCounty();
    if (!cached) {
      const result = timed('astro:pages-load-county', () => loadCounty(process.env['GONGKAI_ROOT'] ?? process.cwd()));
      if (!result.county) throw new Error(formatProblems(result.problems));
      cached = result.county;
    }
  }
  return cached;
}

/**
 * Whether this build renders the pages of a village: always, except in an incremental build, where
 * scripts/build.ts names the changed villages in GONGKAI_ONLY_VILLAGES and carries the other
 * villages' pages over from the previous output. Pages that are not a village's own (the county
 * home) are always rendered.
 */
export function rendersVillage(id: string): boolean {
  const only = process.env['GONGKAI_ONLY_VILLAGES'];
  if (only === undefined) return true;
  onlyVillages ??= new Set(only.split(',').filter(Boolean));
  return onlyVillages.has(id);
}
let onlyVillages: Set<string> | undefined;

export function getVillage(id: string): VillageRecords {
  byId ??= new Map(getCounty().villages.map((x) => [x.id, x]));
  const v = byId.get(id);
  if (!v) throw new Error(`unknown village ${id}`);
  return v;
}

/** Site-relative URL under the configured base path, always with a trailing slash. Outside Astro (post-build steps) the base is "/". */
export function href(path: string): string {
  const base = (import.meta.env?.BASE_URL ?? '/').replace(/\/$/, '');
  const clean = path.replace(/^\/+|\/+$/g, '');
  return clean ? `${base}/${clean}/` : `${base}/`;
}

/** Site-relative links of the pages, from the one path builder in src/records/registry.ts. */
export const urls = {
  home: () => href(''),
  village: (v: string) => href(villagePath(v)),
  /** A record page from its facts' `path`. */
  path: (path: string) => href(path),
  disclosure: (v: string, id: string) => href(recordPath('disclosure', v, id)),
  ledger: (v: string, id: string) => href(recordPath('ledger', v, id)),
  meeting: (v: string, id: string) => href(recordPath('meeting', v, id)),
  notice: (v: string, id: string) => href(recordPath('notice', v, id)),
  volunteers: (v: string, id: string) => href(recordPath('volunteer', v, id)),
};
