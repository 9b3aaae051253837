/**
 * How many bundles the search index step indexes at a time (src/integrations/search-index.ts): each at a time is a
 * worker thread with its own Pagefind process, and both grow the build's memory. Chosen against the build's memory
 * budget (`--memory-budget`, issue 18), so a machine with more cores does not run more of them than the budget holds.
 */

export interface SearchWorkerLimits {
  /** Pages to index, and below how many one thread (the build's own) indexes them: a thread costs more than it saves. */
  pages: number;
  minPages: number;
  /** Bundles to index: never more threads than bundles. */
  bundles: number;
  /** Cores, and the most threads wanted whatever the cores. */
  cores: number;
  maxWorkers: number;
  /** The build's memory budget in bytes, and what its processes use before the first thread starts. */
  budgetBytes: number;
  usedBytes: number;
  /** What each bundle indexed at a time adds to the build: its thread and its Pagefind process at their largest. */
  workerBytes: number;
  /** How many the machine's free memory allows (each needs its share of it), whatever the budget. */
  freeMemoryWorkers: number;
}

/**
 * Bundles indexed at a time: one per core, at most `maxWorkers`, and only as many as fit in what the budget leaves
 * (`budgetBytes - usedBytes`, `workerBytes` each) and in the machine's free memory; one below `minPages` pages. Always
 * at least one: a budget too small for even one is not met by stopping the build.
 */
export function chooseSearchWorkers(limits: SearchWorkerLimits): number {
  if (limits.pages < limits.minPages) return 1;
  const room = Math.floor((limits.budgetBytes - limits.usedBytes) / limits.workerBytes);
  return Math.max(1, Math.min(limits.cores, limits.maxWorkers, limits.bundles, limits.freeMemoryWorkers, room));
}

/**
 * The order bundles are handed to the threads in: indexes of `sizes` (pages per bundle) from the largest to the
 * smallest, equal sizes in their order. The last bundle a thread takes is then a small one, so the other core does not
 * wait long for it at the end.
 */
export function largestFirst(sizes: readonly number[]): number[] {
  return sizes
    .map((size, i) => ({ size, i }))
    .sort((a, b) => b.size - a.size || a.i - b.i)
    .map((x) => x.i);
}
