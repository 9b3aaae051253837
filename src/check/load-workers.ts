/**
 * The content check on every core: `loadCounty` (load.ts) with the village folders read, validated
 * and checked by this thread and worker threads (village-worker.ts), a village at a time to whichever
 * thread is free.
 * Villages are independent (a village's rules read only its own files, the site and the law), so the
 * result is the same as `loadCounty`'s: the same records, the same problems in the same order
 * (test/unit/check-parallel.test.ts). The site, the cache and the county-wide warnings stay on this
 * thread. Used by `npm run build` and `npm run check`; the clerk tools check one village in-thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { checkVillageFiles, loadCountyWith, type CheckedVillageFiles, type LoadOptions, type LoadResult, type VillageScope } from './load.ts';

/** Below this many villages to check, starting threads (a few hundred ms each) costs more than it saves. */
const IN_THREAD_MAX = 8;

export interface ParallelOptions {
  /** Threads that check villages, this one included; default one per core. 0 or 1 checks on this thread only. */
  threads?: number;
  /** Check on this thread below this many villages (default 8); 0 always uses threads (tests). */
  inThreadMax?: number;
}

/**
 * Checks villages on this thread and `threads - 1` worker threads, each taking the next village when
 * it is free; each result is put at its village's place. This thread is one of the checkers: a
 * village checked here is not copied from one thread to another (copying a village's records costs
 * about a tenth of checking it).
 */
async function checkOnThreads(root: string, ids: readonly string[], scope: VillageScope | undefined, threads: number): Promise<CheckedVillageFiles[]> {
  const results: CheckedVillageFiles[] = new Array<CheckedVillageFiles>(ids.length);
  const workers: Worker[] = [];
  let next = 0;
  try {
    const elsewhere = Array.from(
      { length: threads - 1 },
      () =>
        new Promise<void>((resolve, reject) => {
          const worker = new Worker(new URL('./village-worker.ts', import.meta.url), { workerData: { root, scope } });
          workers.push(worker);
          // Two villages in hand, so a worker never waits for this thread to hand it the next one.
          const inHand: number[] = [];
          const take = () => {
            while (inHand.length < 2 && next < ids.length) {
              inHand.push(next);
              worker.postMessage(ids[next++]);
            }
            if (inHand.length === 0) resolve();
          };
          worker.on('message', (result: CheckedVillageFiles) => {
            results[inHand.shift()!] = result;
            take();
          });
          // An exception in a village's check fails the whole check, as it would on this thread.
          worker.on('error', reject);
          worker.on('exit', (code) => {
            if (inHand.length > 0) reject(new Error(`检查线程意外退出（${code}）/ a check thread stopped (${code}) while checking village ${ids[inHand[0]!]}`));
          });
          take();
        }),
    );
    const here = (async () => {
      while (next < ids.length) {
        const i = next++;
        results[i] = checkVillageFiles(root, ids[i]!, scope);
        // Let the workers' results in and hand them their next villages.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await Promise.all([here, ...elsewhere]);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

/** Reads and checks the content tree under `root/content` with every core. */
export async function loadCountyInParallel(root: string, options: LoadOptions & ParallelOptions = {}): Promise<LoadResult> {
  const { threads = availableParallelism(), inThreadMax = IN_THREAD_MAX, ...load } = options;
  return loadCountyWith(root, load, async (ids, scope) => {
    const count = Math.min(threads, ids.length);
    if (count <= 1 || ids.length <= inThreadMax) return ids.map((id) => checkVillageFiles(root, id, scope));
    return checkOnThreads(root, ids, scope, count);
  });
}
