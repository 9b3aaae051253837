/**
 * The post-build steps of `npm run build`, in order, and their runner. The build owns this list;
 * each step implements the contract in src/build/steps.ts and never imports the list back. A step
 * that throws stops the build and leaves the previous output untouched.
 */
import type { BuildStep, StepContext } from '../src/build/steps.ts';
import { kioskOfflineStep } from '../src/integrations/kiosk-offline.ts';
import { searchIndexStep } from '../src/integrations/search-index.ts';
import { recordTiming } from '../src/integrations/timings.ts';
import { countySummaryStep } from '../src/integrations/county-summary.ts';
import { posterStep } from '../src/posters/build-step.ts';

export const POST_BUILD_STEPS: readonly BuildStep[] = [searchIndexStep, kioskOfflineStep, posterStep, countySummaryStep];

export async function runPostBuildSteps(ctx: StepContext): Promise<void> {
  for (const step of POST_BUILD_STEPS) {
    const started = performance.now();
    await step.run(ctx);
    const ms = performance.now() - started;
    recordTiming(`post-build:${step.name}`, ms);
    ctx.log(`✓ ${step.name} (${Math.round(ms)} ms)`);
  }
}
