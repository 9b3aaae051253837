/**
 * Vitest's order, with the longest test files first (measured, README "Tests and code tools"): in the
 * group that runs two files at a time (vitest.config.ts) the province pipeline starts at once and
 * the other files fill the second worker, instead of the pipeline running alone at the end. Within a
 * project every other file keeps Vitest's own order.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const LONGEST_FIRST = [
  'test/build/province.test.ts',
  'test/build/province-search.test.ts',
  'test/build/hostile.test.ts',
  'test/build/reproducible.test.ts',
  'test/build/publication-log.test.ts',
  'test/build/damaged-cache.test.ts',
  'test/build/daily-refresh.test.ts',
  'test/build/incremental.test.ts',
  'test/build/publish-nginx.test.ts',
  'test/build/build-context.test.ts',
  'test/build/decision-warnings.test.ts',
  'test/build/no-posters.test.ts',
];

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const project = new Map<string, number>();
    for (const [i, f] of sorted.entries()) if (!project.has(f.project.name)) project.set(f.project.name, i);
    const rank = (f: TestSpecification) => {
      const i = LONGEST_FIRST.findIndex((p) => f.moduleId.endsWith(p));
      return i < 0 ? LONGEST_FIRST.length : i;
    };
    const position = new Map(sorted.map((f, i) => [f, i]));
    return [...sorted].sort((a, b) => project.get(a.project.name)! - project.get(b.project.name)! || rank(a) - rank(b) || position.get(a)! - position.get(b)!);
  }
}
