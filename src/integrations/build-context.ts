/**
 * Astro integration: hands the build context (src/build/context.ts) to the page modules and refuses
 * to build content with errors.
 *
 * - Its Vite plugin keeps src/build/handover.ts out of the bundle (an external module), so the pages
 *   and content.config.ts, run by Node, read the very context object scripts/build.ts provided (see
 *   handover.ts).
 * - Without a context (`astro dev`, a plain `astro build`): a build checks content/ here, with the
 *   same messages as `npm run check`, before anything is written; handover.ts then holds no context
 *   and the pages load the county themselves (src/data/county.ts), the one documented fallback.
 */
import { builtinModules } from 'node:module';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { BuildContext } from '../build/context.ts';
import { formatProblems } from '../check/format.ts';
import { loadCounty } from '../check/load.ts';
import { timed } from './timings.ts';

const HANDOVER = fileURLToPath(new URL('../build/handover.ts', import.meta.url));
const HANDOVER_URL = pathToFileURL(HANDOVER).href;

/**
 * `npm run build` only: no dependency optimizer. Astro's content sync starts a temporary Vite dev server
 * whose client environment lists two dependencies to pre-bundle (the dev toolbar's), and Vite bundles
 * them with Rolldown on every build ("[optimizer] bundling dependencies"): its cache is kept in Astro's
 * cacheDir (`<cacheDir>/vite-sync/`), which an incremental build has apart from a full one, and nothing in
 * a build loads them (they are for a browser talking to a dev server). `astro dev` keeps them.
 */
const noDependencyOptimizer = {
  name: 'gongkai:no-dependency-optimizer',
  enforce: 'post',
  configEnvironment(_name: string, config: { optimizeDeps?: { include?: string[]; noDiscovery?: boolean } }) {
    // After Astro's own plugin has added its entries (`enforce: 'post'`): a mutation, since a returned config would be merged into them.
    if (config.optimizeDeps) {
      config.optimizeDeps.include = [];
      config.optimizeDeps.noDiscovery = true;
    }
  },
} as const;

export function buildContext(context: BuildContext | undefined, fallbackRoot: string): AstroIntegration {
  return {
    name: 'gongkai:build-context',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'gongkai:build-context',
                enforce: 'pre',
                // Vite's module runner (content.config.ts, astro dev) imports "builtins" with Node's own
                // import; Vite's defaults for server environments are Node's modules, kept here.
                configEnvironment(_name, config) {
                  if (config.consumer === 'client') return undefined;
                  return { resolve: { builtins: [...builtinModules, /^node:/, /^bun:/, HANDOVER_URL] } };
                },
                resolveId(source, importer) {
                  if (!source.endsWith('/build/handover.ts')) return undefined;
                  const file = isAbsolute(source) ? source : importer ? resolve(dirname(importer.split('?')[0]!), source) : source;
                  // As a file: URL, which the bundler keeps as it is (a path it would rewrite relative to the chunk).
                  return file === HANDOVER ? { id: HANDOVER_URL, external: true } : undefined;
                },
              },
              ...(context ? [noDependencyOptimizer] : []),
            ],
          },
        });
        if (context || command !== 'build') return;
        const result = timed('astro:content-check', () => loadCounty(fallbackRoot));
        if (!result.county || result.problems.some((p) => p.severity === 'error')) {
          throw new Error(`内容检查未通过，已停止构建。Content check failed; the build was stopped.\n\n${formatProblems(result.problems)}`);
        }
      },
    },
  };
}
