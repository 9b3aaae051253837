/**
 * What the county disclosure catalogue (村务公开目录, site.yaml) expects in a quarter: items published
 * every quarter or every month are due each quarter, yearly items in the fourth quarter (published
 * after the year closes), and "whenever it happens" (随时) items only when something happened.
 * Items marked `ledger` are met by the period's ledger file, not by a disclosure item.
 */
import type { Period } from './period.ts';

export interface CatalogueEntry {
  code: string;
  track: '党务' | '村务' | '财务';
  title: string;
  cadence: '每季度' | '每月' | '每年' | '随时';
  ledger?: boolean;
}

export interface ExpectedItems<T extends CatalogueEntry> {
  /** Must appear in this quarter's disclosures (or ledger). */
  due: T[];
  /** Published only if it happened this quarter. */
  ifHappened: T[];
}

export function getExpectedItems<T extends CatalogueEntry>(catalogue: readonly T[], quarter: Period & { kind: 'quarter' }): ExpectedItems<T> {
  const due = catalogue.filter((c) => c.cadence === '每季度' || c.cadence === '每月' || (c.cadence === '每年' && quarter.quarter === 4));
  return { due, ifHappened: catalogue.filter((c) => c.cadence === '随时') };
}

/**
 * Due items not covered in a quarter: `cited` are the codes of the quarter's disclosures (those in
 * force), `hasLedger` whether a ledger covers the quarter. Grouped by track.
 */
export function getMissingItems<T extends CatalogueEntry>(
  catalogue: readonly T[],
  quarter: Period & { kind: 'quarter' },
  cited: ReadonlySet<string>,
  hasLedger: boolean,
): T[] {
  return getExpectedItems(catalogue, quarter).due.filter((c) => (c.ledger ? !hasLedger : !cited.has(c.code)));
}
