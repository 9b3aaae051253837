/**
 * The one build context: everything a build depends on besides the code, made once by
 * scripts/build.ts and passed explicitly to the Astro config (astro.config.mjs `gongkaiConfig`), to
 * the page modules (src/build/handover.ts, the one hand-over) and to the post-build steps
 * (src/build/steps.ts). Nothing below the build script finds these through environment variables,
 * globalThis or the current folder (GONGKAI_AS_OF is read by the build script only; GONGKAI_TIMINGS
 * and GONGKAI_POSTER_WORKERS are tuning knobs, not inputs of the output).
 *
 * Without a context (`astro dev`, `astro check`, a plain `astro build`) the pages load and check the
 * county of this checkout themselves (src/data/county.ts): the one documented fallback.
 */
import type { CountySnapshot } from '../check/county-snapshot.ts';
import type { County, Problem } from '../check/model.ts';
import type { SignerKey } from '../lib/tlog/note.ts';
import type { VillageFileDate } from '../records/dated.ts';

export interface BuildContext {
  /** The county folder: where content/ is, and where caches and private-posters/ live. */
  root: string;
  /** The project checkout (the code: astro.config.mjs, src/, node_modules/). */
  project: string;
  /** The staging folder Astro and the post-build steps write into; published as the output when all succeeded. */
  outDir: string;
  /** The checked county the whole site is built from (content is read and checked once per build). */
  county: County;
  /**
   * `county.site.baseUrl`, given apart so Astro's config is made without reading the county (the page process reads it
   * only on its first need, see `PageHandover`). Absent: taken from `county`.
   */
  baseUrl?: string;
  /** `county.site.stylesheets`, given apart like `baseUrl`: inline each page's CSS or link it (astro.config.mjs). Absent: taken from `county`. */
  stylesheets?: 'inline' | 'linked';
  /** Every problem the check found (warnings only, or the build would have stopped): /compliance/ lists them. */
  problems: Problem[];
  /** The one "today" of this build (src/check/as-of.ts); equals county.asOf. */
  asOf: string;
  /**
   * Incremental build: the villages whose pages are rendered again; every other file is carried over
   * from the previous output. Absent: a full build renders every village.
   */
  villagesToRender?: readonly string[];
  /**
   * Incremental build on a new day (src/records/dated.ts): the pages of other villages whose date facts
   * changed (boards v/<village>, record pages v/<village>/notices/<id>); with `newDay` every village's
   * kiosk screen is rendered too.
   */
  datedPages?: readonly string[];
  /** Incremental build whose as-of date differs from the previous build's. */
  newDay?: boolean;
  /**
   * Incremental build on the same day as the previous one, with the county's state date and its townships the same
   * (scripts/build-run.ts): the townships (by name) whose pages (/t/<slug>/, /compliance/<slug>/ and its views) are
   * rendered again, those of the changed villages (as they were and as they are); every other township's pages are
   * carried over. Absent: every township's pages are rendered.
   */
  townshipsToRender?: readonly string[];
  /**
   * How many threads render the pages (`--workers`): above 1, Astro's experimental.parallelPrerender
   * renders them in that many worker threads, each given a copy of this context (src/build/handover.ts).
   * A tuning knob: the output is the same for any count. Absent or 1: the build's own thread.
   */
  pageWorkers?: number;
  /** Cache folders: Astro's data store (next to the content) and Vite's dependency cache (in the checkout: it holds code). */
  cacheDirs: { astro: string; vite: string };
  /** The publication log as this build will leave it (planned before rendering; written by the log step). */
  publicationLog?: LogPlan;
  /**
   * The villages' open-data parts kept between builds (src/data/opendata-parts.ts): their folder, and each village's
   * key (a digest of its folder, content/site.yaml and the code). Absent: parts are made afresh and not kept.
   */
  openDataParts?: { dir: string; keys: Readonly<Record<string, string>> };
  /** Largest county data file, in bytes (`--data-file-mb`; src/lib/deploy-hosts.ts `DATA_FILE_BYTES` when absent): src/opendata/files.ts splits to it. */
  dataFileBytes?: number;
}

/**
 * What scripts/build.ts sends the page process (scripts/build-pages.ts): the build context without the county, which the
 * page process reads from `countySnapshot` (src/check/county-snapshot.ts) on its first need of it, after Vite has
 * bundled the pages, so the bundling's peak and the county are not in its memory at once.
 */
export type PageHandover = Omit<BuildContext, 'county'> & {
  baseUrl: string;
  stylesheets: 'inline' | 'linked';
  countySnapshot: CountySnapshot;
  /** Where the build notes the damaged caches it reported (src/check/cache-file.ts `useCacheNoticeFolder`): each is said once. */
  cacheNotices?: string;
};

/**
 * The publication log (issue 15) as planned before the pages are rendered: every published record
 * version has its leaf and index, so a record page can show and check its own entry. The log only
 * grows, so an entry's index and leaf never change once logged (carried-over pages stay right).
 */
export interface LogPlan {
  /** The log's private key (from --log-key or GONGKAI_LOG_KEY*, read by scripts/build.ts only); absent: unsigned. */
  signer?: SignerKey;
  /** Tree size after this build's append. */
  size: number;
  /** Leaves this build appends. */
  appended: number;
  /** Villages with a record this build logs for the first time (their pages must be rendered again). */
  appendedVillages: string[];
  /** Of the appended leaves, versions logged before under the old digest scheme. */
  relogged: number;
  /**
   * The canonical lines the log step appends to log/entries.jsonl, which was `logBytes` long when planned, those bytes
   * with SHA-256 `logSha256` (hex): the log the plan read and checked, which the log step publishes without decoding
   * every line again.
   */
  lines: string[];
  logBytes: number;
  logSha256: string;
  /** The salt of log/masked-names.jsonl and the lines the log step appends to it (src/log-store/masked-names.ts). */
  maskedNames: { salt: string; lines: string[] };
  /**
   * The current version of each published record, by `village/kind/id`: its index, its leaf text
   * (canonical JSON) and the first 8 hex digits of the log's root hash when it was appended (tree
   * size index + 1), which its poster prints: both never change once logged.
   */
  records: Record<
    string,
    {
      index: number;
      leaf: string;
      root: string;
      /** Its content is published as log/content/<index>.json (not for posters with personal data). */ content: boolean;
      /** The 核对码 of this version as first logged under the old digest scheme (posters printed before the re-log). */
      earlier?: { index: number; fingerprint: string };
    }
  >;
}

/** Whether a build with this context renders the record page at `path` (v/<village>/<folder>/<id>) of village `id`. */
export function contextRendersRecordPage(context: Pick<BuildContext, 'villagesToRender' | 'datedPages'> | undefined, id: string, path: string): boolean {
  return contextRendersVillage(context, id) || Boolean(context?.datedPages?.includes(path));
}

/**
 * Whether a build with this context renders a data file or feed of village `id` that depends on the
 * date as `date` says (src/records/dated.ts): on a new day, the files that print the date, and the
 * files that list notices when one of the village's notice pages is rendered again.
 */
export function contextRendersVillageFile(
  context: Pick<BuildContext, 'villagesToRender' | 'newDay' | 'datedPages'> | undefined,
  id: string,
  date: VillageFileDate,
): boolean {
  if (contextRendersVillage(context, id)) return true;
  if (!context?.newDay) return false;
  return date === 'as-of' || (date === 'notices' && Boolean(context.datedPages?.some((p) => p.startsWith(`v/${id}/notices/`))));
}

/**
 * Whether a build with this context renders the pages of township `name` (/t/<slug>/, /compliance/<slug>/ and its views):
 * a township page shows its own villages, the site, the county's state date and the date's states, nothing of another
 * township, so in a one-village update on the same day only the changed villages' townships are rendered again.
 */
export function contextRendersTownship(context: Pick<BuildContext, 'townshipsToRender'> | undefined, name: string): boolean {
  return !context?.townshipsToRender || context.townshipsToRender.includes(name);
}

/** What the last build of an output left that `getTownshipsToRender` reads, and the same of this build. */
export interface TownshipState {
  /** Each village's township, by village id. */
  townships: Readonly<Record<string, string>>;
  /** The day the county's states last changed, which its dated pages print (src/records/dated.ts `getStateDate`). */
  stateDate: string;
}

/**
 * The townships whose pages an incremental build renders again (`BuildContext.townshipsToRender`): undefined (every
 * township's) unless it is on the same day as the last build (`newDay` false), with the same state date, the same set
 * of townships (their slugs follow the set of names) and every unchanged village in the township it was in; then the
 * townships each changed (or added) village is and was in, and those of villages removed since (`last.townships` names
 * them). `last` undefined or without townships (a record from before session 16): every township's.
 */
export function getTownshipsToRender(
  last: Partial<TownshipState> | undefined,
  now: TownshipState,
  changed: readonly string[],
  newDay: boolean,
): string[] | undefined {
  const before = last?.townships;
  if (newDay || !before || last.stateDate !== now.stateDate) return undefined;
  const names = (of: Readonly<Record<string, string>>) => [...new Set(Object.values(of))].sort().join('\n');
  if (names(before) !== names(now.townships)) return undefined;
  const isChanged = new Set(changed);
  if (Object.keys(now.townships).some((id) => !isChanged.has(id) && before[id] !== now.townships[id])) return undefined;
  const removed = Object.keys(before).filter((id) => !(id in now.townships));
  const touched = [...changed.flatMap((id) => [now.townships[id], before[id]]), ...removed.map((id) => before[id])];
  return [...new Set(touched.filter((name): name is string => name !== undefined))];
}

/** Whether a build with this context renders the pages of village `id`. */
export function contextRendersVillage(context: Pick<BuildContext, 'villagesToRender'> | undefined, id: string): boolean {
  return !context?.villagesToRender || context.villagesToRender.includes(id);
}
