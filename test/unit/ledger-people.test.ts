/**
 * A ledger's handlers and approvers (经手/审批): a name on the village's roster stands as written; anyone else is a
 * private person, masked alike on the ledger page and the notice-board poster, and never in the search index (LedgerFacts).
 */
import { describe, expect, it } from 'vitest';
import type { BuildContext } from '../../src/build/context.ts';
import { provideBuildContext } from '../../src/build/handover.ts';
import { loadCounty } from '../../src/check/load.ts';
import { getLedgerView } from '../../src/data/views.ts';
import { listSearchDocuments } from '../../src/data/search.ts';
import { buildVillagePosterDocs } from '../../src/posters/documents.ts';
import { ROOT } from '../helpers/fixture-tree.ts';

/** The demo county with the first expense of 马曲村's 2025-q3 ledger handled by a villager on no roster. */
function countyWithPrivateHandler() {
  const county = structuredClone(loadCounty(ROOT).county!);
  const maqu = county.villages.find((v) => v.id === 'maqu')!;
  const ledger = maqu.ledgers.find((l) => l.id === '2025-q3')!;
  ledger.data.expense[0] = { ...ledger.data.expense[0]!, handler: '刘建平' };
  return { county, maqu };
}

describe('who handled a ledger entry', () => {
  const { county, maqu } = countyWithPrivateHandler();

  it('shows a private person masked (刘*平) on the ledger page, and the committee members as written', () => {
    provideBuildContext({ root: ROOT, project: ROOT, outDir: ROOT, county, problems: [], asOf: county.asOf } as unknown as BuildContext);
    const view = getLedgerView('maqu', '2025-q3');
    expect(view.expenseEntries[0]!.people).toBe('刘*平');
    expect(view.expenseEntries.map((e) => e.people)).toContain('王堃 / 赵建军');
    expect(JSON.stringify(view)).not.toContain('刘建平');
  });

  it('prints the same masked name on the notice-board poster, and the search index names no private person at all', () => {
    const poster = buildVillagePosterDocs(county, maqu).find((d) => d.id === 'finance-2025-q3');
    expect(poster).toBeDefined();
    expect(JSON.stringify(poster)).toContain('刘*平');
    expect(JSON.stringify(poster)).not.toContain('刘建平');
    const doc = listSearchDocuments(county).find((d) => d.path === 'v/maqu/finances/2025-q3/')!;
    expect(JSON.stringify(doc)).not.toContain('刘*平');
    expect(JSON.stringify(doc)).not.toContain('刘建平');
    // The committee members still are.
    expect(JSON.stringify(doc)).toContain('经手 王堃，审批 赵建军');
  });
});
