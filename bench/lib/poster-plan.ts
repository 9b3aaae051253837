/**
 * The posters bench/posters.ts renders, planned as a build plans them: stamped with their publication-log entries
 * (src/integrations/publication-log.ts `planPublicationLog`, read only: nothing is appended), so the bench renders the
 * posters a build of the county renders (with the log line a build prints on them), under the same cache keys.
 * test/build/posters.test.ts finds every key planned here in the poster cache of the demo's build.
 */
import type { LogPlan } from '../../src/build/context.ts';
import type { County } from '../../src/check/model.ts';
import { planPublicationLog } from '../../src/integrations/publication-log.ts';
import { planVillagePosters, type PlannedPoster } from '../../src/posters/plan.ts';

/** The log plan a build of `county` in the county folder `root` gives its posters (the records' log entries). */
export function planBenchLog(root: string, county: County): LogPlan {
  return planPublicationLog(root, county, undefined);
}

/** Every village's posters (`all`, as the print pages plan them; else the default set, as the build step does), with `log`'s entries; layouts cached under `layoutRoot`. */
export function planBenchPosters(layoutRoot: string, county: County, log: LogPlan, all = false): PlannedPoster[] {
  return county.villages.flatMap((v) => planVillagePosters(layoutRoot, county, v, all, log));
}
