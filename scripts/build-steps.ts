/**
 * The post-build steps of `npm run build` and their runner. The build owns this list; each step
 * implements the contract in src/build/steps.ts and never imports the list back. A step that throws
 * stops the build and leaves the previous output untouched.
 *
 * The steps run at the same time: they read the pages and write disjoint files (search: pagefind/
 * and search/; kiosk: kiosk/<village>/sw.js and version.json; posters: v/<village>/posters/ files
 * other than index.html), and the heavy parts run outside this thread (the Pagefind binary, the
 * poster worker processes), so a second core is used instead of waiting.
 */
import type { BuildStep, StepContext } from '../src/build/steps.ts';
import { kioskOfflineStep } from '../src/integrations/kiosk-offline.ts';
import { logStep } from '../src/integrations/publication-log.ts';
import { searchIndexStep } from '../src/integrations/search-index.ts';
import { recordTiming } from '../src/integrations/timings.ts';
import { countySummaryStep } from '../src/integrations/county-summary.ts';
import { posterStep } from '../src/posters/build-step.ts';

export const POST_BUILD_STEPS: readonly BuildStep[] = [searchIndexStep, kioskOfflineStep, posterStep, countySummaryStep, logStep];

/**
 * Runs every step at the same time. `before`: work a step must wait for, by step (the posters the
 * build started rendering ahead, before Astro; a rejected promise fails that step). `steps`: which
 * steps run (all of them but for `npm run build -- --no-posters`).
 */
export async function runPostBuildSteps(
  ctx: StepContext,
  before: ReadonlyMap<BuildStep, Promise<unknown>> = new Map(),
  steps: readonly BuildStep[] = POST_BUILD_STEPS,
): Promise<void> {
  const results = await Promise.allSettled(
    steps.map(async (step) => {
      await before.get(step);
      const started = performance.now();
      // Each step's messages are kept together and printed when it ends, in the order steps end.
      const lines: string[] = [];
      await step.run({ ...ctx, log: (m) => lines.push(m) });
      const ms = performance.now() - started;
      recordTiming(`post-build:${step.name}`, ms);
      for (const line of lines) ctx.log(line);
      ctx.log(`✓ ${step.name} (${Math.round(ms)} ms)`);
    }),
  );
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
