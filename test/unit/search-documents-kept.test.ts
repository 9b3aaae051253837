/**
 * Every village's search documents (without ledger entries) kept between builds (src/data/search.ts
 * `listVillageSearchDocuments`, src/data/opendata-parts.ts `keepVillageJson`): the search page and an incremental build's search input read back those of the
 * villages whose files did not change instead of deriving every record's facts again, and get exactly what they would
 * have made; a village whose key changed, or one of whose 公示 came down on the build's day, has its documents made again.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BuildContext } from '../../src/build/context.ts';
import { provideBuildContext } from '../../src/build/handover.ts';
import { loadCounty } from '../../src/check/load.ts';
import type { County } from '../../src/check/model.ts';
import { getSearchInput, listSearchDocuments } from '../../src/data/search.ts';
import { ROOT } from '../helpers/fixture-tree.ts';

describe("the villages' search documents kept between builds", () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-search-docs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const load = (asOf?: string) => loadCounty(ROOT, { env: asOf ? { GONGKAI_AS_OF: asOf } : {} }).county!;
  const provide = (county: County, keys: Record<string, string>) =>
    provideBuildContext({
      root: ROOT,
      project: ROOT,
      outDir: dir,
      county,
      problems: [],
      asOf: county.asOf,
      openDataParts: { dir, keys },
    } as unknown as BuildContext);
  /** The search step's input of an incremental build (no village's entries asked for): the kept documents. */
  const input = (county: County) => getSearchInput(county, () => new Set()).docs;
  /** The documents made afresh, as the last build made them without keeping any, JSON as the search step receives them. */
  const fresh = (county: County) => JSON.parse(JSON.stringify(listSearchDocuments(county, () => false))) as unknown;
  const keptFile = (village: string) => {
    const names = readdirSync(join(dir, village)).filter((n) => n.startsWith('search-'));
    expect(names, village).toEqual([expect.stringMatching(/^search-[0-9a-f]{32}\.json$/)]);
    return join(dir, village, names[0]!);
  };

  it('gives the same documents as made afresh, keeps each village’s beside its data parts, and reads them back the next build', () => {
    const county = load();
    const keys = Object.fromEntries(county.villages.map((v) => [v.id, `key-${v.id}`]));
    provide(county, keys);
    expect(JSON.parse(JSON.stringify(input(county)))).toEqual(fresh(county));
    const inodes = new Map(county.villages.map((v) => [v.id, statSync(keptFile(v.id)).ino]));

    // The next build, same files: every village's documents are read back, none written again.
    const next = load();
    provide(next, keys);
    expect(JSON.parse(JSON.stringify(input(next)))).toEqual(fresh(next));
    for (const v of next.villages) expect(statSync(keptFile(v.id)).ino, v.id).toBe(inodes.get(v.id));

    // One village's files changed (its key): only its documents are made again, and the earlier ones go.
    const changed = next.villages[0]!.id;
    provide(next, { ...keys, [changed]: `key-${changed}-2` });
    expect(JSON.parse(JSON.stringify(input(next)))).toEqual(fresh(next));
    for (const v of next.villages)
      if (v.id === changed) expect(statSync(keptFile(v.id)).ino).not.toBe(inodes.get(v.id));
      else expect(statSync(keptFile(v.id)).ino, v.id).toBe(inodes.get(v.id));
  });

  it("makes a village's documents again on the day one of its 公示 comes down, so its listed names leave the search", () => {
    const before = load('2026-05-31');
    const keys = Object.fromEntries(before.villages.map((v) => [v.id, `day-${v.id}`]));
    provide(before, keys);
    const listedBefore = input(before).filter((d) => d.path.includes('2025-11-17-dibao'));
    expect(listedBefore).toHaveLength(1);
    expect(listedBefore[0]!.listed?.length).toBeGreaterThan(0);

    // maqu's 低保 公示 is published until 2026-05-31: the next day its names are taken down.
    const after = load('2026-06-01');
    provide(after, keys);
    const docs = input(after);
    expect(JSON.parse(JSON.stringify(docs))).toEqual(fresh(after));
    expect(docs.find((d) => d.path.includes('2025-11-17-dibao'))!.listed).toBeUndefined();
  });
});
