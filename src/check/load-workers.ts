/**
 * The content check on every core: `loadCounty` (load.ts) with the village folders read, validated
 * and checked by worker threads (village-worker.ts), a village at a time to whichever thread is free.
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
  /** Worker threads to use; default one per core. 0 or 1 checks on this thread. */
  threads?: number;
  /** Check on this thread below this many villages (default 8); 0 always uses threads (tests). */
  inThreadMax?: number;
}

/** Checks villages on `threads` worker threads; each result is put at its village's place. */
async function checkOnThreads(root: string, ids: readonly string[], scope: VillageScope | undefined, threads: number): Promise<CheckedVillageFiles[]> {
  const results: CheckedVillageFiles[] = new Array<CheckedVillageFiles>(ids.length);
  const workers: Worker[] = [];
  let next = 0;
  try {
    await Promise.all(
      Array.from(
        { length: threads },
        () =>
          new Promise<void>((resolve, reject) => {
            const worker = new Worker(new URL('./village-worker.ts', import.meta.url), { workerData: { root, scope } });
            workers.push(worker);
            let current = -1;
            const send = () => {
              if (next >= ids.length) return resolve();
              current = next++;
              worker.postMessage(ids[current]);
            };
            worker.on('message', (result: CheckedVillageFiles) => {
              results[current] = result;
              send();
            });
            // An exception in a village's check fails the whole check, as it would on this thread.
            worker.on('error', reject);
            worker.on('exit', (code) => {
              if (current >= 0 && results[current] === undefined)
                reject(new Error(`检查线程意外退出（${code}）/ a check thread stopped (${code}) while checking village ${ids[current]}`));
            });
            worker.on('online', send);
          }),
      ),
    );
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
