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
 */
import { gongkaiConfig } from '../astro.config.mjs';
import type { BuildContext } from '../src/build/context.ts';
import { provideBuildContext } from '../src/build/handover.ts';

if (!process.send) {
  console.error('scripts/build-pages.ts 由 scripts/build.ts 启动，请运行 npm run build。 Run by scripts/build.ts; use npm run build.');
  process.exit(1);
}

process.once('message', (context: BuildContext) => {
  void (async () => {
    // Astro's page workers (--workers) each get a copy; with one thread nothing is copied.
    provideBuildContext(context, (context.pageWorkers ?? 1) > 1);
    const { build } = await import('astro');
    await build({ ...gongkaiConfig(context), configFile: false });
  })().then(
    // Astro and Vite may leave handles open; the pages are written.
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
