/**
 * Steps that run on the finished site in the staging folder, before scripts/build.ts swaps it in as
 * dist/. Each later capability (search index, posters, kiosk offline bundle) registers one step
 * here. A step that throws stops the build and leaves the previous dist/ untouched.
 *
 * In an incremental build (`incremental` set) only the named villages' pages and the county home
 * were rendered; every other file in the staging folder is a hard link to the previous dist/ and was
 * already processed by the previous build. So a step must never rewrite a file in place (write a
 * new file, or remove the old one first: `replaceFile`), and must not assume pages are unprocessed.
 */
import type { County } from '../check/model.ts';
import { posterStep } from '../posters/build-step.ts';
import { countySummaryStep } from './county-summary.ts';
import { kioskOfflineStep } from './kiosk-offline.ts';
import { searchIndexStep } from './search-index.ts';
import { recordTiming } from './timings.ts';
export { replaceFile } from './files.ts';

export interface BuildContext {
  /** Project root (where content/ is). */
  root: string;
  /** The staging output folder that becomes dist/. */
  outDir: string;
  /** The checked county the site was built from. */
  county: County;
  log(message: string): void;
  /** Set in an incremental build: the villages whose pages were rendered again. */
  incremental?: { villages: string[] };
}

export interface BuildStep {
  name: string;
  run(ctx: BuildContext): Promise<void>;
}

export const POST_BUILD_STEPS: BuildStep[] = [searchIndexStep, kioskOfflineStep, posterStep, countySummaryStep];

export async function runPostBuildSteps(ctx: BuildContext): Promise<void> {
  for (const step of POST_BUILD_STEPS) {
    const started = performance.now();
    await step.run(ctx);
    const ms = performance.now() - started;
    recordTiming(`post-build:${step.name}`, ms);
    ctx.log(`✓ ${step.name} (${Math.round(ms)} ms)`);
  }
}
