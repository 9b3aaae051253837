/**
 * The search documents without their ledger entries (src/data/search.ts listSearchDocuments): what the search page and a
 * bundle kept from the last build need is the same with or without them, and only the villages asked for get them; an
 * incremental build's search input carries them only for the bundles its search step may read again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildContext } from '../../src/build/context.ts';
import { provideBuildContext } from '../../src/build/handover.ts';
import { loadCounty } from '../../src/check/load.ts';
import { getSearchInput, getSearchPageView, listSearchDocuments, type SearchDocument } from '../../src/data/search.ts';
import { buildSearchIndex, villagesToIndexAgain } from '../../src/integrations/search-index.ts';
import { ROOT } from '../helpers/fixture-tree.ts';

const withoutEntries = (d: SearchDocument) => ({ ...d, entries: [] });

describe('search documents without ledger entries', () => {
  const county = loadCounty(ROOT).county!;
  provideBuildContext({ root: ROOT, project: ROOT, outDir: ROOT, county, problems: [], asOf: county.asOf } as unknown as BuildContext);
  const full = listSearchDocuments(county);

  it('give every ledger entry line only to the villages asked for, and every other field as before', () => {
    const some = listSearchDocuments(county, (id) => id === 'maqu');
    expect(some.map((d) => d.path)).toEqual(full.map((d) => d.path));
    expect(some.filter((d) => d.village === 'maqu')).toEqual(full.filter((d) => d.village === 'maqu'));
    expect(full.some((d) => d.village !== 'maqu' && d.entries.length > 0)).toBe(true);
    expect(some.filter((d) => d.village !== 'maqu').every((d) => d.entries.length === 0)).toBe(true);
    expect(some.map(withoutEntries)).toEqual(full.map(withoutEntries));
  });

  it('give one village’s documents alone, in the order of the whole list', () => {
    const maqu = county.villages.filter((v) => v.id === 'maqu');
    expect(listSearchDocuments(county, () => true, maqu)).toEqual(full.filter((d) => d.village === 'maqu'));
  });

  it('leave the search page the same filter choices and record count as the documents with their entries', () => {
    const view = getSearchPageView();
    expect(view.records).toBe(full.length);
    const choices = (key: string) => view.filters.find((f) => f.key === key)!.options;
    expect(new Set(choices('year'))).toEqual(new Set(full.flatMap((d) => d.filters.year)));
    expect(new Set(choices('quarter'))).toEqual(new Set(full.flatMap((d) => d.filters.quarter)));
    expect(new Set(choices('kind'))).toEqual(new Set(full.flatMap((d) => d.filters.kind)));
    expect(new Set(choices('track'))).toEqual(new Set(full.flatMap((d) => d.filters.track)));
  });
});

describe('the search input of an incremental build', () => {
  const county = loadCounty(ROOT).county!;
  provideBuildContext({ root: ROOT, project: ROOT, outDir: ROOT, county, problems: [], asOf: county.asOf } as unknown as BuildContext);
  const full = getSearchInput(county);
  // One bundle per township (the demo county is one bundle at the default size).
  const perTownship = { bundlePages: 1 };
  let out = '';
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'gongkai-search-input-'));
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('carries every village’s ledger entries when the last build left no index to reuse', () => {
    const input = getSearchInput(county, (made) => villagesToIndexAgain(made, ['maqu'], { outDir: out, root: out }, perTownship));
    expect(new Set(input.entriesOf)).toEqual(new Set(county.villages.map((v) => v.id)));
    expect(input.docs).toEqual(full.docs);
  });

  it('hands out the entries of the villages asked for, a village at a time, and leaves the documents without any', () => {
    const put = new Map<string, [string, number][]>();
    const input = getSearchInput(
      county,
      () => new Set(['maqu']),
      (id, entries) =>
        put.set(
          id,
          entries.map(([path, lines]) => [path, lines.length]),
        ),
    );
    expect([...put.keys()]).toEqual(['maqu']);
    expect(put.get('maqu')).toEqual(full.docs.filter((d) => d.village === 'maqu' && d.entries.length > 0).map((d) => [d.path, d.entries.length]));
    expect(input.entriesOf).toEqual(['maqu']);
    expect(input.docs).toEqual(full.docs.map(withoutEntries));
  });

  it('stops the search step rather than index a bundle whose ledger entries were left out', async () => {
    const lean = getSearchInput(county, () => new Set(['maqu']));
    const entries = new Map(full.docs.map((d) => [d.path, d.entries.length]));
    expect(lean.docs.some((d) => d.village !== 'maqu' && d.entries.length === 0 && entries.get(d.path)! > 0)).toBe(true);
    await expect(buildSearchIndex({ outDir: out, search: lean }, perTownship)).rejects.toThrow(/lacks the ledger entries of village/);
  });
});
