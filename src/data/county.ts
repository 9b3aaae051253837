/**
 * The checked county for the pages: the one in the build context scripts/build.ts made
 * (src/build/context.ts, handed over by src/build/handover.ts), or, without one
 * (`astro dev`, a plain `astro build`), loaded here once from the current folder with the same loader
 * `npm run check` uses: the one documented fallback. A build with content errors never gets here.
 */
import { getBuildContext } from '../build/handover.ts';
import { contextRendersRecordPage, contextRendersTownship, contextRendersVillageFile } from '../build/context.ts';
import { formatProblems } from '../check/format.ts';
import { loadCounty } from '../check/load.ts';
import type { County, Problem, VillageRecords } from '../check/model.ts';
import { timed } from '../integrations/timings.ts';
import { getStateDate as getCountyStateDate, type VillageFileDate } from '../records/dated.ts';
import { recordPath, villagePath } from '../records/registry.ts';

let fallback: { county: County; problems: Problem[] } | undefined;
/** Each county's villages by id, made on first look-up and gone with the county (never one county's map for another). */
const villagesById = new WeakMap<County, Map<string, VillageRecords>>();

/** The checked county and its problems: the build's, or (astro dev) checked here. */
function getChecked(): { county: County; problems: Problem[] } {
  const context = getBuildContext();
  if (context) return context;
  if (!fallback) {
    const result = timed('astro:pages-load-county', () => loadCounty(process.cwd()));
    if (!result.county) throw new Error(formatProblems(result.problems));
    fallback = { county: result.county, problems: result.problems };
  }
  return fallback;
}

/**
 * The county folder (where content/ and the caches are): the build context's, or (astro dev) the
 * current folder. The posters' layout cache lives here, shared by the pages and the poster step.
 */
export function getCountyRoot(): string {
  return getBuildContext()?.root ?? process.cwd();
}

export function getCounty(): County {
  return getChecked().county;
}

const stateDates = new WeakMap<County, string>();

/**
 * The date the county-wide pages and files print as 数据截至: the last day on which a state of the county changed, on
 * or before the as-of date (src/records/dated.ts `getStateDate`), so they change only when a state does.
 */
export function getStateDate(): string {
  const county = getCounty();
  let date = stateDates.get(county);
  if (date === undefined) stateDates.set(county, (date = getCountyStateDate(county.villages, county.asOf, county.profile)));
  return date;
}

/** Every problem the check of this county found (only warnings: a build with errors stops). */
export function getCheckProblems(): Problem[] {
  return getChecked().problems;
}

/**
 * Whether this build renders the page at `path` of village `id` (a record page, its board, print page or kiosk screen):
 * always, except in an incremental build, where the build context names the changed villages and, on a new day, the
 * dated pages of the others (src/records/dated.ts); scripts/build.ts carries every other page over from the previous
 * output. Pages that are not a village's own (the county home) are always rendered.
 */
export function rendersRecordPage(id: string, path: string): boolean {
  return contextRendersRecordPage(getBuildContext(), id, path);
}

/** Whether this build renders the pages of township `name` (its village cards, its compliance and their views; src/build/context.ts). */
export function rendersTownship(name: string): boolean {
  return contextRendersTownship(getBuildContext(), name);
}

/** Whether this build renders a data file or feed of village `id` that depends on the date as `date` says (src/records/dated.ts). */
export function rendersVillageFile(id: string, date: VillageFileDate): boolean {
  return contextRendersVillageFile(getBuildContext(), id, date);
}

export function getVillage(id: string): VillageRecords {
  const county = getCounty();
  let byId = villagesById.get(county);
  if (!byId) villagesById.set(county, (byId = new Map(county.villages.map((x) => [x.id, x]))));
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
  /** A township's page of village cards (slug from src/lib/township.ts). */
  township: (slug: string) => href(`t/${slug}`),
  /** A record page from its facts' `path`. */
  path: (path: string) => href(path),
  disclosure: (v: string, id: string) => href(recordPath('disclosure', v, id)),
  ledger: (v: string, id: string) => href(recordPath('ledger', v, id)),
  meeting: (v: string, id: string) => href(recordPath('meeting', v, id)),
  notice: (v: string, id: string) => href(recordPath('notice', v, id)),
  volunteers: (v: string, id: string) => href(recordPath('volunteer', v, id)),
};
