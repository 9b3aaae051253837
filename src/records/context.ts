/**
 * What facts may depend on besides the record and its village: the build's as-of date, the province
 * rule profile and the county's site settings. Passed in, never read from globals (house rule 14).
 */
import type { County, VillageRecords } from '../check/model.ts';

export type FactsContext = Pick<County, 'asOf' | 'profile' | 'site'>;

/** The committee that issues a village's notices and keeps its books: 村民委员会, or 居民委员会 for a 社区. */
export function getIssuer(v: Pick<VillageRecords, 'data'>): string {
  return `${v.data.name}${v.data.kind === '社区' ? '居民委员会' : '村民委员会'}`;
}
