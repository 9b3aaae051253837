/**
 * Which posters every build renders: what a clerk must put on the board now. Older periods are on
 * the web pages already and are rendered on request (`npm run posters`), so a county of hundreds of
 * villages and years of records builds in minutes, not hours. Pure: `asOf` is the build's "today".
 *
 * A poster is in the default set when it is not replaced by a newer version and
 *   - it belongs to the village's current quarter — the latest quarter with a 村务/党务/财务公开 —
 *     or a later one (a 公示 or resolution of the quarter now running), or
 *   - it is a 公示 whose posting period has not ended (running, or starting later), or long-term, or
 *   - it is a 决议/协商结果公开 of the quarter before that has no posting date yet (the 公开 step is
 *     due; older unposted resolutions are overdue, reported on /compliance/ and printed on request), or
 *   - it is a correction (第2版 …): the board must carry it in place of the poster it corrects.
 */
import type { County } from '../check/model.ts';
import type { PosterDoc } from './doc.ts';

/** Why a poster is in the default set (for the print page and the report), or undefined when it is not. */
export type DefaultReason = 'current-quarter' | 'running-notice' | 'resolution-due' | 'correction';

/** The default-set reason of each poster of one village, by poster id. */
export function selectDefaultPosters(county: Pick<County, 'asOf' | 'villages'>, villageDocs: readonly PosterDoc[]): Map<string, DefaultReason> {
  const out = new Map<string, DefaultReason>();
  if (villageDocs.length === 0) return out;
  const village = county.villages.find((v) => v.id === villageDocs[0]!.village.id);
  const quarterly = villageDocs.filter((d) => d.kind === 'disclosure' || d.kind === 'finance');
  const latest = (quarterly.length > 0 ? quarterly : villageDocs).reduce((q, d) => (d.quarter > q ? d.quarter : q), '');
  const previous = previousQuarterKey(latest);
  const superseded = new Set(villageDocs.flatMap((d) => (d.corrects ? [d.corrects.posterId] : [])));
  for (const d of villageDocs) {
    if (superseded.has(d.id)) continue;
    const notice = d.record.folder === 'notices' ? village?.notices.find((n) => n.id === d.record.id) : undefined;
    if (d.quarter >= latest) out.set(d.id, 'current-quarter');
    else if (notice && (notice.data.longTerm || notice.endDate >= county.asOf)) out.set(d.id, 'running-notice');
    else if (d.kind === 'resolution' && d.publishedAt === undefined && d.quarter === previous) out.set(d.id, 'resolution-due');
    else if (d.corrects) out.set(d.id, 'correction');
  }
  return out;
}

/** The quarter before a quarter key: 2025-q1 → 2024-q4 (undefined for anything else). */
export function previousQuarterKey(key: string): string | undefined {
  const m = /^(\d{4})-q([1-4])$/.exec(key);
  if (!m) return undefined;
  const [year, q] = [Number(m[1]), Number(m[2])];
  return q === 1 ? `${year - 1}-q4` : `${year}-q${q - 1}`;
}
