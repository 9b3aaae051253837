/**
 * The page-rendering half of scripts/build.ts, run by it as a child process (never by hand): receives
 * the build context (src/build/context.ts) as the one message on its IPC channel, hands it to the page
 * modules (src/build/handover.ts) and runs Astro's build with the config of that context. Exits 0 when
 * Astro finished, 1 when it failed (after printing why); scripts/build.ts then publishes or discards.
 *
 * A process of its own so that what rendering the pages holds (Vite's and Rolldown's memory, the page
 * modules and their per-build data, the garbage collector's grown heap) is given back to the system
 * when the pages are written, before the post-build steps (the search index above all) start: the
 * build's peak memory is the larger of the two halves, not their sum (docs/benchmarks.md, session 5).
 *
 * The county is not in the message: it is read from the snapshot the build process wrote
 * (src/check/county-snapshot.ts) on the first need of it (the first page module that asks for it, after
 * Astro's content sync and Vite's bundling of the pages), so the bundling's peak and the county are not
 * held at once (docs/benchmarks.md, session 6: memory).
 */
import { enableCompileCache, flushCompileCache } from 'node:module';
import { join } from 'node:path';
import type { BuildContext, PageHandover } from '../src/build/context.ts';
import type { County } from '../src/check/model.ts';

if (!process.send) {
  console.error('scripts/build-pages.ts 由 scripts/build.ts 启动，请运行 npm run build。 Run by scripts/build.ts; use npm run build.');
  process.exit(1);
}

/** The build context of `handover`, whose county is read from its snapshot when first asked for. */
async function lazyContext(handover: PageHandover): Promise<BuildContext> {
  const [{ useCacheNoticeFolder }, { readCountySnapshot }] = await Promise.all([
    import('../src/check/cache-file.ts'),
    import('../src/check/county-snapshot.ts'),
  ]);
  const { countySnapshot, cacheNotices, ...rest } = handover;
  // A damaged cache the build process already reported is not said again from here.
  if (cacheNotices) useCacheNoticeFolder(cacheNotices);
  let county: County | undefined;
  return Object.defineProperty(rest, 'county', {
    enumerable: true,
    get(): County {
      county ??= readCountySnapshot(countySnapshot);
      if (!county)
        throw new Error(
          `页面生成进程读不到本次构建检查过的数据（${countySnapshot.file}），请重新构建。 The page process could not read this build's checked county (${countySnapshot.file}); build again.`,
        );
      return county;
    },
  }) as BuildContext;
}

process.once('message', (handover: PageHandover) => {
  void (async () => {
    // Node's compile cache (V8's code of every module this process loads: Astro, Vite, Rolldown, our TypeScript, the
    // pages' chunks), kept in the checkout beside Vite's cache: loading Astro, Vite, Rolldown and the config took 1.4–1.5
    // CPU-s of every build, 0.9 with the cache (docs/benchmarks.md, session 11). Keyed by each module's text, so a changed
    // module is compiled again; it holds code, never output. Before anything else is imported: what is imported
    // statically is compiled before this line runs.
    enableCompileCache(join(handover.project, '.astro-cache', 'node-compile-cache'));
    const [context, { provideBuildContext }, { gongkaiConfig }] = await Promise.all([
      lazyContext(handover),
      import('../src/build/handover.ts'),
      import('../astro.config.mjs'),
    ]);
    // Astro's page workers (--workers) each get a copy (the county read first); with one thread nothing is copied.
    provideBuildContext(context, (context.pageWorkers ?? 1) > 1);
    const { build } = await import('astro');
    await build({ ...gongkaiConfig(context), configFile: false });
  })().then(
    // Astro and Vite may leave handles open; the pages are written (and the modules compiled for the first time kept).
    () => {
      flushCompileCache();
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
