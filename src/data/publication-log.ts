/**
 * The publication-log box on a record's page (issue 15): the record's entry in the county's log as
 * the build planned it (src/build/context.ts `publicationLog`). Only what never changes once logged
 * is rendered (index, leaf), so pages carried over by an incremental build stay byte-identical; the
 * tree size and the signature are read by the page's script from /log/.
 */
import { getBuildContext } from '../build/handover.ts';
import type { RecordTypeName } from '../records/registry.ts';
import { href } from './county.ts';

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
}

/** The log entry of a record's current version, or undefined (not logged, or no build context). */
export function getRecordLogView(kind: RecordTypeName, village: string, id: string): RecordLogView | undefined {
  const entry = getBuildContext()?.publicationLog?.records[`${village}/${kind}/${id}`];
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
  };
}
