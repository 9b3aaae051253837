/**
 * The checked county, loaded once per build from content/ (the same loader `npm run check` uses).
 * A build with content errors never gets here: the content-check integration stops it first.
 */
import { formatProblems } from '../check/format.ts';
import { loadCounty } from '../check/load.ts';
import type { County, VillageRecords } from '../check/model.ts';
import { timed } from '../integrations/timings.ts';

let cached: County | undefined;

export function getCounty(): County {
  if (!cached) {
    const result = timed('astro:pages-load-county', () => loadCounty(process.env['GONGKAI_ROOT'] ?? process.cwd()));
    if (!result.county) throw new Error(formatProblems(result.problems));
    cached = result.county;
  }
  return cached;
}

export function getVillage(id: string): VillageRecords {
  const v = getCounty().villages.find((x) => x.id === id);
  if (!v) throw new Error(`unknown village ${id}`);
  return v;
}

/** Site-relative URL under the configured base path, always with a trailing slash. */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  const clean = path.replace(/^\/+|\/+$/g, '');
  return clean ? `${base}/${clean}/` : `${base}/`;
}

export const urls = {
  home: () => href(''),
  village: (v: string) => href(`v/${v}`),
  disclosure: (v: string, id: string) => href(`v/${v}/disclosures/${id}`),
  ledger: (v: string, id: string) => href(`v/${v}/finances/${id}`),
  meeting: (v: string, id: string) => href(`v/${v}/meetings/${id}`),
  notice: (v: string, id: string) => href(`v/${v}/notices/${id}`),
  volunteers: (v: string, id: string) => href(`v/${v}/volunteers/${id}`),
};
