/**
 * The first round of the post-build steps of scripts/build.ts (scripts/build-steps.ts `COUNTY_STEPS`: kiosk copies,
 * posters, county.json, the publication log), run by it as a child process (never by hand) once the pages are
 * written: receives the steps' context without the county and the county snapshot's place (`CountyStepsRequest`) as
 * the one message on its IPC channel, reads the county from the snapshot (src/check/county-snapshot.ts), sends back
 * the search index step's input (src/data/search.ts `getSearchInput`) as its one message, its ledger entries written
 * a village at a time into files of their own (src/integrations/search-entry-files.ts), runs the steps and exits 0
 * (1 after printing why a step failed).
 *
 * A process of its own so that the county and what the steps made of it are given back to the system when they are
 * done: the build process never reads the county back, and the search index step it runs next (its worker threads
 * and Pagefind processes) starts beside no copy of the county (issue 18, docs/benchmarks.md, session 7).
 */
import type { BuildContext, PageHandover } from '../src/build/context.ts';
import { provideBuildContext } from '../src/build/handover.ts';
import type { StepContext } from '../src/build/steps.ts';
import type { County } from '../src/check/model.ts';
import { useCacheNoticeFolder } from '../src/check/cache-file.ts';
import { readCountySnapshot, type CountySnapshot } from '../src/check/county-snapshot.ts';
import { getSearchInput, type SearchEntriesFiles, type SearchInput } from '../src/data/search.ts';
import { villagesToIndexAgain } from '../src/integrations/search-index.ts';
import { writeVillageEntries } from '../src/integrations/search-entry-files.ts';
import { timed } from '../src/integrations/timings.ts';
import { posterStep } from '../src/posters/build-step.ts';
import { COUNTY_STEPS, runPostBuildSteps } from './build-steps.ts';

/** What scripts/build.ts sends: the build context and the steps' context, both without the county, and where the county is. */
export interface CountyStepsRequest {
  context: Omit<BuildContext, 'county'> & Pick<PageHandover, 'cacheNotices'>;
  steps: Omit<StepContext, 'county' | 'log'>;
  countySnapshot: CountySnapshot;
  /** Where the search input's ledger entries are written, one file per village (`SearchInput.entriesFiles`). */
  searchEntries: SearchEntriesFiles;
  /** `--no-posters`: the poster step does not run. */
  noPosters: boolean;
}

/** What this process sends back before it runs the steps. */
export interface CountyStepsReply {
  search: SearchInput;
}

/**
 * Makes the search index step's input and sends it to the build process: the documents, while each village's ledger
 * entries go to a file of their own (`request.searchEntries`) as soon as they are made. Nothing of it is kept here once
 * it is sent (the steps then run beside the county alone).
 */
async function sendSearchInput(request: CountyStepsRequest, county: County): Promise<void> {
  // An incremental build's search step reads again only the bundles of the villages it rendered and those it cannot
  // reuse: only their villages' entries are written.
  const touched = request.steps.incremental?.villages;
  const dirs = { outDir: request.steps.outDir, root: request.steps.root };
  const files = request.searchEntries;
  const search = timed('search-documents', () =>
    getSearchInput(county, touched && ((input) => villagesToIndexAgain(input, touched, dirs)), (id, entries) => writeVillageEntries(files, id, entries)),
  );
  const reply: CountyStepsReply = { search: { ...search, entriesFiles: files } };
  await new Promise<void>((sent, failed) => process.send!(reply, (error: Error | null) => (error ? failed(error) : sent())));
}

if (!process.send) {
  console.error('scripts/build-county-steps.ts 由 scripts/build.ts 启动，请运行 npm run build。 Run by scripts/build.ts; use npm run build.');
  process.exit(1);
}

process.once('message', (request: CountyStepsRequest) => {
  // A damaged cache this process finds is said once per build, not again after the build or page process said it.
  if (request.context.cacheNotices) useCacheNoticeFolder(request.context.cacheNotices);
  void (async () => {
    const county = timed('county-snapshot-read', () => readCountySnapshot(request.countySnapshot));
    if (!county)
      throw new Error(
        `构建后续步骤读不到本次构建检查过的数据（${request.countySnapshot.file}），请重新构建。 The post-build steps could not read this build's checked county (${request.countySnapshot.file}); build again.`,
      );
    // The steps read the county through src/data/ too (county.json's views).
    provideBuildContext({ ...request.context, county });
    await sendSearchInput(request, county);
    await runPostBuildSteps(
      { ...request.steps, county, log: (m: string) => console.log(m) },
      request.noPosters ? COUNTY_STEPS.filter((s) => s !== posterStep) : COUNTY_STEPS,
    );
  })().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
