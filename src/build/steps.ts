/**
 * The contract of a post-build step: a step runs on the finished site in the staging folder, before
 * scripts/build.ts publishes it. The list of steps is owned by the build (scripts/build-steps.ts);
 * steps import only these types, never the list.
 *
 * In an incremental build (`incremental` set) only the named villages' pages and the county home
 * were rendered; every other file in the staging folder is a hard link to the previous output and was
 * already processed by the previous build. So a step must never open a file there for writing (it writes
 * every file through src/build/staging-files.ts: a new file renamed over the old name), and must not
 * assume pages are unprocessed.
 */
import type { County, Problem } from '../check/model.ts';
import type { LogPlan } from './context.ts';

/** What a post-build step is given: the parts of the build context (src/build/context.ts) it needs. */
export interface StepContext {
  /** The county folder (where content/ is, and where caches and private-posters/ live). */
  root: string;
  /** The staging output folder that becomes the published output. */
  outDir: string;
  /** The checked county the site was built from. */
  county: County;
  /** What the check found (warnings only: a county with errors never reaches the steps). */
  problems: readonly Problem[];
  log(message: string): void;
  /**
   * Set in an incremental build: the villages whose pages were rendered again, and whether the as-of
   * date moved (then the boards, notices and kiosk screens whose state changed are in `pages`).
   */
  incremental?: {
    villages: readonly string[];
    newDay?: boolean;
    /**
     * Pages (boards v/<village>, record pages v/<village>/notices/<id>, screens kiosk/<village>, print pages v/<village>/posters) rendered again in villages of `villages` that were not rendered whole:
     * their dated pages on a new day (src/records/dated.ts). A village of `villages` with none listed was rendered whole.
     */
    pages?: readonly string[];
  };
  /**
   * The poster cache keys of the posters scripts/build.ts rendered while the pages were built (src/posters/build-step.ts
   * `renderMissingPosters`): the poster step counts them as rendered by this build, not reused.
   */
  postersRenderedAhead?: readonly string[];
  /** The publication log planned before rendering (src/build/context.ts); absent outside scripts/build.ts. */
  publicationLog?: LogPlan;
  /**
   * The county's input hash (src/build/input-hash.ts) of the content the build checked, from the digests
   * it took before the check; absent: a step that needs it hashes content/ and the code itself.
   */
  inputHash?: string;
}

/**
 * A post-build step. `C`: what it is given, the step context by default; a step that needs less of the county than the
 * whole (the search index step: its documents) names its own context without `county`, so the build can let the
 * county go before it runs.
 */
export interface BuildStep<C = StepContext> {
  name: string;
  /** Throwing stops the build and leaves the previous output untouched. */
  run(ctx: C): Promise<void>;
}
