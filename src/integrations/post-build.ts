/**
 * Steps that run on the finished site in the staging folder, before scripts/build.ts swaps it in as
 * dist/. Each later capability (search index, posters, kiosk offline bundle) registers one step
 * here. A step that throws stops the build and leaves the previous dist/ untouched.
 */
import type { County } from '../check/model.ts';
import { recordTiming } from './timings.ts';

export interface BuildContext {
  /** Project root (where content/ is). */
  root: string;
  /** The staging output folder that becomes dist/. */
  outDir: string;
  /** The checked county the site was built from. */
  county: County;
  log(message: string): void;
}

export interface BuildStep {
  name: string;
  run(ctx: BuildContext): Promise<void>;
}

export const POST_BUILD_STEPS: BuildStep[] = [];

export async function runPostBuildSteps(ctx: BuildContext): Promise<void> {
  for (const step of POST_BUILD_STEPS) {
    const started = performance.now();
    await step.run(ctx);
    const ms = performance.now() - started;
    recordTiming(`post-build:${step.name}`, ms);
    ctx.log(`✓ ${step.name} (${Math.round(ms)} ms)`);
  }
}
