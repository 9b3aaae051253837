/**
 * The search documents without their ledger entries (src/data/search.ts listSearchDocuments): what the search page and a
 * bundle kept from the last build need is the same with or without them, and only the villages asked for get them; an
 * incremental build's search input carries them only for the bundles its search step may read again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildContext } from '../../src/build/context.ts';
import { provideBuildContext } from '../../src/build/handover.ts';
import { loadCounty } from '../../src/check/load.ts';
import { getSearchInput, getSearchPageView, listSearchDocuments, type SearchDocument } from '../../src/data/search.ts';
import { buildSearchIndex, villagesBundledWith } from '../../src/integrations/search-index.ts';
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
  const input = getSearchInput(county, (made) => villagesBundledWith(made, ['maqu'], perTownship));
  const township = county.villages.find((v) => v.id === 'maqu')!.data.township;
  const neighbours = county.villages.filter((v) => v.data.township === township).map((v) => v.id);

  it('carries ledger entries only for the villages bundled with a rendered village, every other field as in a full build', () => {
    expect(new Set(input.entriesOf)).toEqual(new Set(neighbours));
    expect(input.docs.map((d) => d.path)).toEqual(full.docs.map((d) => d.path));
    expect(input.docs.filter((d) => neighbours.includes(d.village))).toEqual(full.docs.filter((d) => neighbours.includes(d.village)));
    expect(full.docs.some((d) => !neighbours.includes(d.village) && d.entries.length > 0)).toBe(true);
    expect(input.docs.filter((d) => !neighbours.includes(d.village)).every((d) => d.entries.length === 0)).toBe(true);
    expect(input.docs.map(withoutEntries)).toEqual(full.docs.map(withoutEntries));
  });

  it('stops the search step rather than index a bundle whose ledger entries were left out', async () => {
    const out = mkdtempSync(join(tmpdir(), 'gongkai-search-input-'));
    try {
      await expect(buildSearchIndex({ outDir: out, search: input }, perTownship)).rejects.toThrow(/lacks the ledger entries of village/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
