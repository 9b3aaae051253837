/**
 * The one hand-over of the build context into Astro's page modules. scripts/build.ts calls
 * `provideBuildContext` before it starts Astro in the same process; page code and content.config.ts
 * import `getBuildContext` from here, and the Vite plugin of src/integrations/build-context.ts keeps
 * THIS file out of Vite's bundle and module runner (an external module, a "builtin" for the runner),
 * so Node loads it once and the pages see the same module instance (and the same context object) as
 * the build script: no environment variables, no globalThis, no serialising the county.
 *
 * This file must stay loadable by plain Node (type-only imports) and hold nothing but the context of
 * the build running in this process; a process runs one build.
 */
import type { BuildContext } from './context.ts';

let current: BuildContext | undefined;

/** Hands `context` to the Astro build about to run in this process. */
export function provideBuildContext(context: BuildContext): void {
  current = context;
}

/** The context scripts/build.ts provided, or undefined outside a build (astro dev, astro check). */
export function getBuildContext(): BuildContext | undefined {
  return current;
}
