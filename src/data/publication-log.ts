/**
 * The publication-log box on a record's page (issue 15): the record's entry in the county's log as
 * the build planned it (src/build/context.ts `publicationLog`). Only what never changes once logged
 * is rendered (index, leaf), so pages carried over by an incremental build stay byte-identical; the
 * tree size and the signature are read by the page's script from /log/.
 */
import { getBuildContext } from '../build/handover.ts';
import type { LogPlan } from '../build/context.ts';
import type { County } from '../check/model.ts';
import { planPublicationLog } from '../integrations/publication-log.ts';
import type { RecordTypeName } from '../records/registry.ts';
import { getCounty, href } from './county.ts';

/** Without a build context: each county's plan read from log/, keyed by the county (never one county's plan for another). */
const fallbackPlans = new WeakMap<County, { plan: LogPlan | undefined }>();

/**
 * The build's log plan; without a build context (`astro dev`, a plain `astro build`) the same plan
 * read from this checkout's log/ (nothing is written; a refused change shows no log box here, the
 * real build stops on it).
 */
export function getLogPlan(): LogPlan | undefined {
  const context = getBuildContext();
  if (context) return context.publicationLog;
  const county = getCounty();
  let fallback = fallbackPlans.get(county);
  if (!fallback) {
    let plan: LogPlan | undefined;
    try {
      plan = planPublicationLog(process.cwd(), county, undefined);
    } catch {
      plan = undefined;
    }
    fallbackPlans.set(county, (fallback = { plan }));
  }
  return fallback.plan;
}

export interface RecordLogView {
  index: number;
  /** The leaf exactly as logged (canonical JSON), which the page's script hashes. */
  leaf: string;
  digest: string;
  version: number;
  publishedAt: string;
  /** /log/ under the site's base path. */
  logHref: string;
  proofHref: string;
  checkpointHref: string;
  /** The record's canonical content as logged; absent for a poster with personal data (never published). */
  contentHref?: string;
}

/** The log entry of a record's current version, or undefined (not logged, or no build context). */
export function getRecordLogView(kind: RecordTypeName, village: string, id: string): RecordLogView | undefined {
  const entry = getLogPlan()?.records[`${village}/${kind}/${id}`];
  if (!entry) return undefined;
  const leaf = JSON.parse(entry.leaf) as { digest: string; version: number; publishedAt: string };
  const logHref = href('log');
  return {
    index: entry.index,
    leaf: entry.leaf,
    digest: leaf.digest,
    version: leaf.version,
    publishedAt: leaf.publishedAt,
    logHref,
    proofHref: `${logHref}proof/${entry.index}.tlog-proof`,
    checkpointHref: `${logHref}checkpoint`,
    ...(entry.content ? { contentHref: `${logHref}content/${entry.index}.json` } : {}),
  };
}
