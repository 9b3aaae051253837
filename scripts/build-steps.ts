/**
 * The post-build steps of `npm run build` and their runner. The build owns this list; each step
 * implements the contract in src/build/steps.ts and never imports the list back. A step that throws
 * stops the build and leaves the previous output untouched.
 *
 * The steps run in two rounds. First the steps that read the county (`COUNTY_STEPS`), at the same time: they read
 * the pages and write disjoint files (kiosk: kiosk/<village>/sw.js and version.json; posters: v/<village>/posters/
 * files other than index.html; county.json; log/), and the heavy parts run outside this thread (the poster worker
 * processes). Then the search index (`SEARCH_STEP`: pagefind/ and search/), from the search input made from the
 * county beforehand (src/data/search.ts `getSearchInput`): scripts/build.ts lets the county go between the rounds,
 * so the index's worker threads and Pagefind processes do not run beside it (issue 18, docs/benchmarks.md, session 7).
 */
import type { BuildStep, StepContext } from '../src/build/steps.ts';
import { getSearchInput } from '../src/data/search.ts';
import { kioskOfflineStep } from '../src/integrations/kiosk-offline.ts';
import { logStep } from '../src/integrations/publication-log.ts';
import { searchIndexStep, type SearchStepContext } from '../src/integrations/search-index.ts';
import { recordTiming } from '../src/integrations/timings.ts';
import { countySummaryStep } from '../src/integrations/county-summary.ts';
import { posterStep } from '../src/posters/build-step.ts';

/** The steps that read the county: the first round. */
export const COUNTY_STEPS: readonly BuildStep[] = [kioskOfflineStep, posterStep, countySummaryStep, logStep];

/** The second round: the search index, from the search input alone. */
export const SEARCH_STEP: BuildStep<SearchStepContext> = searchIndexStep;

/**
 * Runs `steps` at the same time on `ctx`. `before`: work a step must wait for, by step (the posters the
 * build started rendering ahead, before Astro; a rejected promise fails that step).
 */
export async function runPostBuildSteps<C extends { log(message: string): void }>(
  ctx: C,
  steps: readonly BuildStep<C>[],
  before: ReadonlyMap<BuildStep<C>, Promise<unknown>> = new Map(),
): Promise<void> {
  const results = await Promise.allSettled(
    steps.map(async (step) => {
      await before.get(step);
      const started = performance.now();
      // Each step's messages are kept together and printed when it ends, in the order steps end.
      const lines: string[] = [];
      await step.run({ ...ctx, log: (m: string) => lines.push(m) });
      const ms = performance.now() - started;
      recordTiming(`post-build:${step.name}`, ms);
      for (const line of lines) ctx.log(line);
      ctx.log(`✓ ${step.name} (${Math.round(ms)} ms)`);
    }),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * Every post-build step on the site `ctx.county` was built into, in the build's two rounds (tests and tools; the
 * build runs the rounds itself, to let the county go between them).
 */
export async function runAllPostBuildSteps(ctx: StepContext): Promise<void> {
  const { county, ...rest } = ctx;
  const search = getSearchInput(county);
  await runPostBuildSteps(ctx, COUNTY_STEPS);
  await runPostBuildSteps({ ...rest, search }, [SEARCH_STEP]);
}
