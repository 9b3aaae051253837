/**
 * The content check on every core: `loadCounty` (load.ts) with the village folders read, validated
 * and checked by this thread and child processes (village-worker.ts), a village at a time to whichever
 * is free.
 * Villages are independent (a village's rules read only its own files, the site and the law), so the
 * result is the same as `loadCounty`'s: the same records, the same problems in the same order
 * (test/unit/check-parallel.test.ts). The site, the cache and the county-wide warnings stay on this
 * thread. Used by `npm run build` and `npm run check`; the clerk tools check one village in-thread.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { checkVillageFiles, loadCountyWith, type CheckedVillageFiles, type LoadOptions, type LoadResult, type VillageScope } from './load.ts';
import type { VillageWorkerReply, VillageWorkerRequest } from './village-worker.ts';

/** Below this many villages to check, starting processes (a few hundred ms each) costs more than it saves. */
const IN_THREAD_MAX = 8;

export interface ParallelOptions {
  /** Checkers: this thread and `threads - 1` child processes; default one per core. 0 or 1 checks on this thread only. */
  threads?: number;
  /** Check on this thread below this many villages (default 8); 0 always uses child processes (tests). */
  inThreadMax?: number;
}

/**
 * Checks villages on this thread and `threads - 1` child processes (village-worker.ts), each taking the next village
 * when it is free; each result is put at its village's place. This thread is one of the checkers: a village checked
 * here is not copied from one process to another (copying a village's records costs about a tenth of checking it).
 * The children exit when the check ends, and their memory goes with them.
 */
async function checkOnThreads(root: string, ids: readonly string[], scope: VillageScope | undefined, threads: number): Promise<CheckedVillageFiles[]> {
  const results: CheckedVillageFiles[] = new Array<CheckedVillageFiles>(ids.length);
  const children: ChildProcess[] = [];
  let next = 0;
  try {
    const elsewhere = Array.from(
      { length: threads - 1 },
      () =>
        new Promise<void>((resolve, reject) => {
          const child = fork(fileURLToPath(new URL('./village-worker.ts', import.meta.url)), [], { serialization: 'advanced', stdio: 'inherit' });
          children.push(child);
          const send = (request: VillageWorkerRequest) => child.send(request);
          send({ root, scope });
          // Two villages in hand, so a child never waits for this thread to hand it the next one.
          const inHand: number[] = [];
          const take = () => {
            while (inHand.length < 2 && next < ids.length) {
              inHand.push(next);
              send(ids[next++]!);
            }
            if (inHand.length === 0) resolve();
          };
          child.on('message', (reply: VillageWorkerReply) => {
            const i = inHand.shift()!;
            // An exception in a village's check fails the whole check, as it would on this thread.
            if ('error' in reply) return reject(new Error(`检查村 ${ids[i]} 时出错 / checking village ${ids[i]} failed:\n${reply.error}`));
            results[i] = reply.result;
            return take();
          });
          child.on('error', reject);
          child.on('exit', (code, signal) => {
            if (inHand.length > 0)
              reject(new Error(`检查进程意外退出（${signal ?? code}）/ a check process stopped (${signal ?? code}) while checking village ${ids[inHand[0]!]}`));
          });
          take();
        }),
    );
    const here = (async () => {
      while (next < ids.length) {
        const i = next++;
        results[i] = checkVillageFiles(root, ids[i]!, scope);
        // Let the children's results in and hand them their next villages.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await Promise.all([here, ...elsewhere]);
  } finally {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            // Asked to end (its channel closed); killed if it is still checking a village (the check failed).
            if (child.connected) child.disconnect();
            child.kill();
          }),
      ),
    );
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
