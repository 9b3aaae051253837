/**
 * The search index step runs from its search input alone: scripts/build.ts runs it in a process that holds no county
 * (the steps that read the county run in a child process, scripts/build-county-steps.ts), so the index's threads and
 * Pagefind processes never run beside the county (issue 18). Its own file: the build context it provides (without a
 * county) stays for the rest of the file.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { SEARCH_STEP, runPostBuildSteps } from '../../scripts/build-steps.ts';
import { provideBuildContextWithoutCounty } from '../../src/build/handover.ts';
import { loadCounty } from '../../src/check/load.ts';
import { getCounty } from '../../src/data/county.ts';
import { getSearchInput } from '../../src/data/search.ts';
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
});
