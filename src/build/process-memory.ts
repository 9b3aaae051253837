/**
 * How the processes a build starts are set up to hold little memory (issue 18: a cold 300-village build under 2 GB for
 * the whole process tree; docs/benchmarks.md, session 14: mem14, and session 15: mem15). scripts/build-run.ts puts
 * `allocatorSettings` into its own environment before it starts any process (the check's, the page process, the county
 * steps', Pagefind) and starts the page process with `pageProcessExecArgv`, the county steps' with `countyStepsExecArgv`;
 * the search step's threads get `SEARCH_WORKER_YOUNG_MB`. Pure: no environment is read or written here.
 */

/**
 * The allocators' settings every process a build starts inherits (a native allocator reads them once, when it starts):
 *
 * - `GLIBC_TUNABLES`: glibc's threshold for mapping a large block on its own stays at 128 KiB (by default it grows with
 *   each such block freed, and larger blocks then stay in its heap after they are freed).
 * - `MIMALLOC_PURGE_DELAY`: mimalloc (linked into Rolldown's, Oxc's and jieba's native modules) gives freed pages back
 *   at once instead of after a delay.
 * - `MIMALLOC_ARENA_EAGER_COMMIT`: mimalloc commits its 1 GiB arena as it uses it, not whole when it reserves it. The
 *   arena committed whole is backed by transparent huge pages (`madvise` mode, Debian's default), which stay resident
 *   after Rolldown has freed them: 220–260 MB of the page process at 300 villages, from the bundling to the end of
 *   the pages.
 */
export const ALLOCATOR_SETTINGS: Readonly<Record<string, string>> = {
  GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=131072',
  MIMALLOC_PURGE_DELAY: '0',
  MIMALLOC_ARENA_EAGER_COMMIT: '0',
};

/** The settings of `ALLOCATOR_SETTINGS` that `env` does not set: a value the caller set is kept. */
export function allocatorSettings(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(Object.entries(ALLOCATOR_SETTINGS).filter(([name]) => env[name] === undefined));
}

/** Semi-space of the page process's young generation, in MB (V8 in Node 24 grows it up to 64 on this machine). */
export const PAGE_SEMI_SPACE_MB = 32;

/**
 * How far V8 lets the page process's heap grow past what was live after its last full collection, in percent. V8's own
 * factor (up to 4× while collections are cheap against the work between them) let Astro's content sync, which makes
 * and drops its data store's text several times over, take the heap to 620–850 MB with about 200 MB live, the page
 * process's peak in some runs (300 villages). A factor scales with the county, unlike a cap on the heap's size.
 */
export const PAGE_HEAP_GROWING_PERCENT = 25;

/**
 * The Node options of the page process (scripts/build-pages.ts): the build process's own (`parent`), but for the ones
 * set here. Rendering makes short-lived strings by the million; a young generation smaller than the one V8 grows to
 * on a machine with memory to spare (64 MB semi-spaces) stays in cache (100 villages, three runs against two on a loaded
 * machine: page process 67 → 58–67 CPU-s, mean −7 %; peak 1.07–1.09 → 0.98–1.03 GB; docs/benchmarks.md, session 8).
 * The old generation grows by `PAGE_HEAP_GROWING_PERCENT`.
 */
export function pageProcessExecArgv(parent: readonly string[]): string[] {
  return withOptions(parent, [`--max-semi-space-size=${PAGE_SEMI_SPACE_MB}`, `--heap-growing-percent=${PAGE_HEAP_GROWING_PERCENT}`]);
}

/**
 * The Node options of the county steps' process (scripts/build-county-steps.ts): the build process's own, with the page
 * process's young generation. Reading the county's snapshot and making the search documents grew V8's default young
 * generation to 134 MB (64 MB semi-spaces), kept for the rest of the process beside the county (150 villages;
 * docs/benchmarks.md, session 16: mem16).
 */
export function countyStepsExecArgv(parent: readonly string[]): string[] {
  return withOptions(parent, [`--max-semi-space-size=${PAGE_SEMI_SPACE_MB}`]);
}

/**
 * The young generation of each of the search step's worker threads (src/integrations/search-index.ts), in MB: V8's
 * semi-spaces are a third of it (16 MB). Indexing makes short-lived strings by the million; V8 let each thread's young
 * generation grow to 134 MB (64 MB semi-spaces) beside an old generation of 15–20 MB, for as long as the thread ran
 * (docs/benchmarks.md, session 16: mem16).
 */
export const SEARCH_WORKER_YOUNG_MB = 48;

/** `parent` without the options `own` names (`--name=value` or `--name value`), then `own`. */
function withOptions(parent: readonly string[], own: readonly string[]): string[] {
  const names = own.map((option) => option.split('=')[0]!);
  const kept: string[] = [];
  for (let i = 0; i < parent.length; i++) {
    const option = parent[i]!;
    // `--name value` (the value is the next item) or `--name=value`.
    if (names.includes(option)) i++;
    else if (!names.some((name) => option.startsWith(`${name}=`))) kept.push(option);
  }
  return [...kept, ...own];
}
