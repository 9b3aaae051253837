import { configDefaults, defineConfig } from 'vitest/config';
import LongestFirstSequencer from './test/setup/sequencer.ts';

/**
 * Test files that share nothing in this checkout but the demo build (made once, under a lock:
 * test/helpers/dist.ts) and the poster cache it fills, and whose builds run in project folders of
 * their own (a copy of the code: test/helpers/project-tree.ts), never from this checkout's folder:
 * unit tests and the build tests that build. They run two at a time, longest first
 * (test/setup/sequencer.ts). Two builds of one project folder must not overlap: Astro writes its
 * generated modules under the project's .astro/, and scripts/build.ts its caches beside the content.
 */
const TWO_AT_A_TIME = [
  'test/unit/**/*.test.ts',
  'test/build/province.test.ts',
  'test/build/province-search.test.ts',
  'test/build/hostile.test.ts',
  'test/build/reproducible.test.ts',
  'test/build/build-context.test.ts',
  'test/build/incremental.test.ts',
  'test/build/damaged-cache.test.ts',
  'test/build/workers.test.ts',
  'test/build/publication-log.test.ts',
  'test/build/decision-warnings.test.ts',
  'test/build/daily-refresh.test.ts',
  'test/build/no-posters.test.ts',
  'test/build/page-process.test.ts',
  'test/build/publish-nginx.test.ts',
];

export default defineConfig({
  test: {
    // The Debian packages the tests need (installed when running as root), then one shared build of
    // the demo county per run, made on first use (test/helpers/dist.ts).
    globalSetup: ['test/setup/system-packages.ts', 'test/setup/demo-build.ts'],
    sequence: { sequencer: LongestFirstSequencer },
    testTimeout: 30_000,
    hookTimeout: 600_000,
    projects: [
      { extends: true, test: { name: 'two-at-a-time', include: TWO_AT_A_TIME, maxWorkers: 2 } },
      // Then the tests that read (or copy) the shared build or drive Chromium (with timing budgets): one
      // file after another.
      {
        extends: true,
        test: { name: 'one-at-a-time', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...TWO_AT_A_TIME], fileParallelism: false },
      },
    ],
  },
});
