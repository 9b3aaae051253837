/**
 * One leaf of the county's publication log (issue 15): a published version of one record. The
 * leaf's bytes in the log are its canonical JSON (src/log-store/leaf.ts); part B fills these fields
 * from the record facts in src/records/.
 */
import { z } from 'astro/zod';
import { isIsoDate } from '../lib/dates.ts';

const Id = z
  .string()
  .min(1)
  // eslint-disable-next-line no-control-regex -- ids are refused when they contain control characters
  .regex(/^[^\s\u0000-\u001f]+$/u, 'no spaces or control characters');

export const LogLeafSchema = z.strictObject({
  /** The county (site) that published it, as in site.yaml `county`, e.g. 陇县. */
  county: z.string().min(1),
  /** Village id (its folder name under content/villages/). */
  village: Id,
  /** Record type, e.g. disclosure, ledger, meeting, notice, volunteer. */
  kind: Id,
  /** Record id within its village and kind (its file name without extension). */
  id: Id,
  /** Version of this record, 1 for the first publication; a changed content needs a new version. */
  version: z.number().int().positive(),
  /** Date the version was published, YYYY-MM-DD. */
  publishedAt: z.string().refine(isIsoDate, 'a YYYY-MM-DD date'),
  /** SHA-256 (lower-case hex) of the record's canonical content — the content the 核对码 is cut from. */
  digest: z.string().regex(/^[0-9a-f]{64}$/, '64 lower-case hex digits'),
  /**
   * What `digest` hashes. 2: the record's own published data (src/records/content.ts, published at
   * log/content/<index>.json). Absent: scheme 1, the poster document of the record (leaves logged before
   * 2026-12); a record version logged under scheme 1 is logged once more under scheme 2 (docs/transparency-log.md).
   */
  scheme: z.literal(2).optional(),
  /** Id of the record (same village and kind) this one corrects. */
  supersedes: Id.optional(),
});
export type LogLeaf = z.infer<typeof LogLeafSchema>;
