/**
 * The search index step runs from its search input alone: scripts/build.ts runs it in a process that holds no county
 * (the steps that read the county run in a child process, scripts/build-county-steps.ts), so the index's threads and
 * Pagefind processes never run beside the county (issue 18). Its own file: the build context it provides (without a
 * county) stays for the rest of the file.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { SEARCH_STEP, runPostBuildSteps } from '../../scripts/build-steps.ts';
import { provideBuildContextWithoutCounty } from '../../src/build/handover.ts';
import { loadCounty } from '../../src/check/load.ts';
import { getCounty } from '../../src/data/county.ts';
import { getSearchInput, type SearchEntriesFiles } from '../../src/data/search.ts';
import { buildSearchIndex } from '../../src/integrations/search-index.ts';
import { writeVillageEntries } from '../../src/integrations/search-entry-files.ts';
import { copyDemoDist, demoDistPath } from '../helpers/dist.ts';
import { ROOT } from '../helpers/fixture-tree.ts';

/** Every file of the index (pagefind/) and the lexicon's JSON files (search/), by path and content hash. */
function indexDigest(dir: string): Record<string, string> {
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return Object.fromEntries(
    [...walk(join(dir, 'pagefind')), ...walk(join(dir, 'search')).filter((f) => f.endsWith('.json'))].map((f) => [
      relative(dir, f),
      createHash('sha256').update(readFileSync(f)).digest('hex'),
    ]),
  );
}

it('builds the same search index from its documents alone, in a process whose build context holds no county', async () => {
  const county = loadCounty(ROOT, { env: {} }).county!;
  const search = getSearchInput(county);
  const copy = copyDemoDist('search-without-county');
  const root = mkdtempSync(join(tmpdir(), 'gongkai-search-step-'));
  try {
    provideBuildContextWithoutCounty({ root, project: ROOT, outDir: copy, problems: [], asOf: county.asOf, cacheDirs: { astro: root, vite: root } });
    // Nothing in the step may read the county: not from its context, and not through src/data/ (which would otherwise
    // fall back to loading content/ again).
    expect(() => getCounty()).toThrow('The build process holds no county');
    await runPostBuildSteps({ root, outDir: copy, problems: [], log: () => undefined, search }, [SEARCH_STEP]);
    expect(indexDigest(copy)).toEqual(indexDigest(demoDistPath()));
  } finally {
    rmSync(copy, { recursive: true, force: true });
    rmSync(root, { recursive: true, force: true });
  }
  // The first test of the run to need the demo build makes it (test/helpers/dist.ts).
}, 300_000);

it('builds the same search index when the documents it is given carry no ledger entry, each village’s entries read from a file of its own', async () => {
  const county = loadCounty(ROOT, { env: {} }).county!;
  const root = mkdtempSync(join(tmpdir(), 'gongkai-search-entries-'));
  const files: SearchEntriesFiles = { folder: join(root, 'entries'), key: 'this build' };
  const written: string[] = [];
  const inline = getSearchInput(county);
  const lean = getSearchInput(county, undefined, (id, entries) => {
    written.push(id);
    writeVillageEntries(files, id, entries);
  });
  const copies = ['entries-inline', 'entries-files', 'entries-inline-threads', 'entries-files-threads'].map((name) => copyDemoDist(name));
  try {
    provideBuildContextWithoutCounty({ root, project: ROOT, outDir: copies[0]!, problems: [], asOf: county.asOf, cacheDirs: { astro: root, vite: root } });
    // The build process holds the documents only: every ledger entry line is in the files, a village to each.
    expect(written).toEqual(county.villages.map((v) => v.id));
    expect(inline.docs.reduce((n, d) => n + d.entries.length, 0)).toBeGreaterThan(50);
    expect(lean.docs.every((d) => d.entries.length === 0)).toBe(true);
    expect(lean.docs).toEqual(inline.docs.map((d) => ({ ...d, entries: [] })));
    await runPostBuildSteps({ root, outDir: copies[1]!, problems: [], log: () => undefined, search: { ...lean, entriesFiles: files } }, [SEARCH_STEP]);
    expect(indexDigest(copies[1]!)).toEqual(indexDigest(demoDistPath()));
    // In worker threads (one bundle per township), as the build indexes a county: the same files as with the entries inline.
    const threads = { workers: 2, bundlePages: 1 };
    await buildSearchIndex({ outDir: copies[2]!, search: inline }, threads);
    await buildSearchIndex({ outDir: copies[3]!, search: { ...lean, entriesFiles: files } }, threads);
    expect(readdirSync(join(copies[3]!, 'pagefind')).length).toBeGreaterThan(2);
    expect(indexDigest(copies[3]!)).toEqual(indexDigest(copies[2]!));
    // A file cut short (a disk filled, a build beside this one) stops the step, naming the village and the file.
    const village = written[0]!;
    const file = join(files.folder, `${village}.v8`);
    writeFileSync(file, readFileSync(file).subarray(0, -10));
    await expect(buildSearchIndex({ outDir: copies[3]!, search: { ...lean, entriesFiles: files } }, threads)).rejects.toThrow(
      new RegExp(
        `读不到村 ${village} 的账目条目.*could not read the ledger entries of village ${village} \\(${files.folder}/${village}\\.v8: \\d+ bytes, not \\d+\\); build again`,
      ),
    );
  } finally {
    for (const copy of copies) rmSync(copy, { recursive: true, force: true });
    rmSync(root, { recursive: true, force: true });
  }
}, 300_000);
