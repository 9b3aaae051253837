/**
 * The one hand-over of the build context into Astro's page modules. scripts/build-pages.ts calls
 * `provideBuildContext` before it starts Astro in the same process; page code and content.config.ts
 * import `getBuildContext` from here, and the Vite plugin of src/integrations/build-context.ts keeps
 * THIS file out of Vite's bundle and module runner (an external module, a "builtin" for the runner),
 * so Node loads it once and the pages see the same module instance (and the same context object) as
 * the build script: no environment variables, no globalThis.
 *
 * scripts/build.ts provides it in its own process (the post-build steps read the county through
 * src/data/) once the pages are written, and scripts/build-pages.ts, the child process that runs Astro,
 * provides the copy it was sent, whose `county` is read from the build's snapshot on first access.
 *
 * Pages rendered in parallel (`--workers`, Astro's experimental.parallelPrerender) run in worker
 * threads Astro starts, each with its own copy of this module. For them (and only for them:
 * `toWorkerThreads`) the context is also put in Node's per-thread environment data (worker_threads
 * setEnvironmentData), which Node clones into every worker thread started afterwards: a worker reads
 * its copy on first use. Each worker thus holds a whole copy of the county (see README.md, build
 * section, for what that costs); other worker threads (the search step's) get none.
 *
 * This file must stay loadable by plain Node (type-only imports) and hold nothing but the context of
 * the build running in this process; a process runs one build.
 */
import { getEnvironmentData, isMainThread, setEnvironmentData } from 'node:worker_threads';
import type { BuildContext } from './context.ts';

const KEY = 'gongkai:build-context';

let current: BuildContext | undefined;

/**
 * Hands `context` to the page modules and post-build steps of this process; with `toWorkerThreads`,
 * also to the worker threads started afterwards (Astro's page workers, `--workers` above 1).
 */
export function provideBuildContext(context: BuildContext, toWorkerThreads = false): void {
  current = context;
  if (toWorkerThreads) setEnvironmentData(KEY, context);
}

/** The context scripts/build.ts provided, or undefined outside a build (astro dev, astro check). */
export function getBuildContext(): BuildContext | undefined {
  if (!current && !isMainThread) current = getEnvironmentData(KEY) as BuildContext | undefined;
  return current;
}

/**
 * Hands over `context` without a county: scripts/build.ts, whose own post-build step (the search index) runs from its
 * documents while the steps that read the county run in a child process (scripts/build-county-steps.ts). Reading the
 * county is then a mistake in the build and throws, rather than falling back to loading content/ again
 * (src/data/county.ts).
 */
export function provideBuildContextWithoutCounty(context: Omit<BuildContext, 'county'>): void {
  current = Object.defineProperty({ ...context }, 'county', {
    enumerable: true,
    get(): never {
      throw new Error('构建进程不持有县数据：搜索索引步骤只读它的文档。 The build process holds no county: the search index step reads its documents only.');
    },
  }) as BuildContext;
}
