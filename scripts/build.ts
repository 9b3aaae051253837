/**
 * `npm run build [-- --root <dir>] [-- --out <dir>] [-- --full] [-- --no-posters] [-- --workers N]`: checks <root>/content (default:
 * the current folder), builds the site into a staging folder and only then publishes it as <out>
 * (default <root>/dist). A failed check or build leaves the previous output exactly as it was.
 *
 * Content is read and checked once. This script makes the one build context (src/build/context.ts:
 * county folder, staging folder, checked county, problems, as-of date, villages to render, cache
 * folders) and passes it explicitly: to Astro, which renders the pages in a child process
 * (scripts/build-pages.ts: Astro's config, astro.config.mjs `gongkaiConfig`, and the page modules,
 * src/build/handover.ts), and to the post-build steps (scripts/build-steps.ts). From the page process on,
 * the county is on disk only (src/check/county-snapshot.ts): this process drops its copy and never reads it
 * back; the page process reads it when its pages first need it, after Vite's bundling, and so does the child
 * process that runs the post-build steps reading the county (scripts/build-county-steps.ts), which sends back
 * the search index step's input; the search index step then runs in this process, beside no copy of the county.
 * Villages whose files did not change since the last build reuse their check results
 * (src/check/check-cache.ts).
 *
 * One build of a county folder at a time (src/check/build-lock.ts): a second build of the same folder waits for the first to
 * end, saying so, and then builds what is left to build (often nothing). Builds of different county folders run side by side, also from one checkout: the page process runs
 * in the county's work folder, so Astro's page chunks are written in each build's own staging folder.
 *
 * Publishing is one atomic step: <out> is a symbolic link to a release folder under
 * <root>/.gongkai-build/; a new link is made next to <out> and renamed over it (rename(2)), so a
 * reader always sees either the whole old site or the whole new one, never no site. The replaced
 * release is kept until the next build (an incremental build takes its unchanged folders by rename,
 * src/build/carry-over.ts `linkAhead`), then removed in the background. Staging folders and
 * private-poster folders of builds that were killed (their process is gone) are removed when the
 * next build starts.
 *
 * Incremental builds: when the previous build made <out> from the same site.yaml and code, and only
 * a few villages changed, Astro renders just those villages' pages and the county-wide pages; every
 * other file is carried over from <out> as a hard link. Pages depend only on their own village,
 * site.yaml, the code and, for dated pages, the as-of date, which is what makes this safe. On a new
 * day the dated pages are rendered again: the county-wide pages, and the boards, record pages and kiosk screens whose
 * date facts changed (src/records/dated.ts). A new day on which no state of the county changed (the same
 * `getStateDate`, no village's date facts changed, nothing to log) starts no Astro: the last release is linked into a
 * new one with each screen's version.json and county.json written for the day. `--full` (or any doubt: a different
 * <out>, a missing record) builds everything.
 *
 * Nothing changed: when content/, the code, the as-of date, the options, the log key and the
 * publication log are all what the build that made <out> was given, and <out> is still that build's
 * release, the build says so and leaves <out> and the log as they are (its output would be the same
 * bytes). `--full` builds anyway.
 *
 * `--workers N`: render the pages in N worker threads (default 1: the page process's own thread). Each worker gets its
 * own copy of the build context (src/build/handover.ts); the output is the same for any N.
 *
 * `--memory-budget MB` (default 2048): what the build's process tree may use while the pages render; the posters rendered
 * meanwhile (src/posters/build-step.ts renderMissingPosters) pause before it would be passed.
 *
 * `--no-posters` (benchmarks and page-only previews, never a county's published site): no poster is
 * rendered or placed; the print pages still list them, so their poster links are dead.
 *
 * This file turns on Node's compile cache and then runs the build (scripts/build-run.ts): V8's code of every module the
 * build process loads (ours and the packages', TypeScript as Node strips it) kept in the checkout beside the page
 * process's (.astro-cache/node-compile-cache), and handed to the worker threads and child processes through
 * NODE_COMPILE_CACHE. Loading the build process's modules took 0.77 CPU-s of every build, 0.42 with the cache
 * (docs/benchmarks.md, session 12). Keyed by each module's text, so a changed module is compiled again; it holds code,
 * never output. It must be on before the build's modules are imported, which is why they are imported from here.
 */
import { enableCompileCache } from 'node:module';
import { join } from 'node:path';

const compileCache = join(import.meta.dirname, '..', '.astro-cache', 'node-compile-cache');
enableCompileCache(compileCache);
process.env['NODE_COMPILE_CACHE'] = compileCache;
// Astro lets the environment override the names Vite gives `import.meta.env` (BASE_URL, SITE …) in the built pages: a
// BASE_URL left in the shell or CI environment (Vitest sets one for its tests) made a county served under /c1/ link every
// page to /. The site's address comes from content/site.yaml alone, so the build and every process it starts never see them.
for (const name of ['BASE_URL', 'SITE', 'ASSETS_PREFIX', 'MODE', 'DEV', 'PROD', 'SSR']) delete process.env[name];
await import('./build-run.ts');
