/**
 * Renders poster jobs in parallel worker processes (one per CPU core, at most 4, and no more than
 * free memory allows; GONGKAI_POSTER_WORKERS overrides), or in this process when there are only a
 * few jobs and starting workers would cost more than it saves. Memory is bounded: each worker's
 * JavaScript heap is capped, and a worker is replaced by a fresh one after RECYCLE_JOBS jobs or once
 * its resident memory (the native renderers' included) passes RECYCLE_RSS.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism, freemem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runPosterJob, type PosterJob, type PosterJobResult } from './job.ts';

export class PosterJobError extends Error {}

/** Jobs at or below this count are rendered in-process. */
const IN_PROCESS_MAX = 2;

/** JavaScript heap cap of a worker, in MB (a poster job needs well under 200 MB). */
export const WORKER_HEAP_MB = 512;
/** A worker is replaced after this many jobs … */
export const RECYCLE_JOBS = 200;
/** … or once its resident memory passes this many bytes. */
export const RECYCLE_RSS = 1024 * 1024 * 1024;
/** Memory a worker may reach before it is recycled, with headroom: what each worker needs free. */
const WORKER_BUDGET = RECYCLE_RSS + 256 * 1024 * 1024;

export function getWorkerCount(jobs: number, env: Readonly<Record<string, string | undefined>> = process.env, free: number = freemem()): number {
  const wanted = Number(env['GONGKAI_POSTER_WORKERS'] ?? '');
  const cap = Number.isInteger(wanted) && wanted > 0 ? wanted : Math.min(4, availableParallelism(), Math.floor(free / WORKER_BUDGET));
  return Math.max(1, Math.min(cap, jobs));
}

function describe(job: PosterJob): string {
  return `${job.doc.record.file}（${job.size}）`;
}

/** Renders every job; rejects with the first failure, naming the record file. `recycleJobs` is for tests. */
export async function runPosterJobs(
  jobs: readonly PosterJob[],
  onDone: (r: PosterJobResult, job: PosterJob) => void = () => {},
  recycleJobs = RECYCLE_JOBS,
): Promise<PosterJobResult[]> {
  const workers = getWorkerCount(jobs.length);
  if (jobs.length <= IN_PROCESS_MAX || workers <= 1) {
    const out: PosterJobResult[] = [];
    for (const job of jobs) {
      try {
        const r = await runPosterJob(job);
        onDone(r, job);
        out.push(r);
      } catch (error) {
        throw new PosterJobError(
          `海报 ${describe(job)} 生成失败 / rendering the poster of ${describe(job)} failed:\n${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    return out;
  }
  const queue = [...jobs];
  const results: PosterJobResult[] = [];
  const script = fileURLToPath(new URL('./worker.ts', import.meta.url));
  const children: ChildProcess[] = [];
  try {
    const startWorker = (): ChildProcess => {
      const child = fork(script, [], {
        serialization: 'advanced',
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        execArgv: [...process.execArgv.filter((a) => !a.startsWith('--max-old-space-size')), `--max-old-space-size=${WORKER_HEAP_MB}`],
      });
      children.push(child);
      return child;
    };
    await Promise.all(
      Array.from(
        { length: workers },
        () =>
          new Promise<void>((resolve, reject) => {
            const run = (child: ChildProcess) => {
              let current: PosterJob | undefined;
              let done = 0;
              const next = () => {
                current = queue.shift();
                if (current) child.send({ job: current });
                else {
                  child.send({ exit: true });
                  resolve();
                }
              };
              child.on('message', (msg: { ready: true } | { ok: true; result: PosterJobResult } | { ok: false; error: string }) => {
                if ('ready' in msg) return next();
                if (!msg.ok)
                  return reject(
                    new PosterJobError(`海报 ${describe(current!)} 生成失败 / rendering the poster of ${describe(current!)} failed:\n${msg.error}`),
                  );
                results.push(msg.result);
                onDone(msg.result, current!);
                done += 1;
                if (queue.length > 0 && (done >= recycleJobs || msg.result.rss > RECYCLE_RSS)) {
                  // Replace this worker with a fresh one: the native renderers do not give all memory back.
                  current = undefined;
                  child.send({ exit: true });
                  run(startWorker());
                  return undefined;
                }
                return next();
              });
              child.on('exit', (code, signal) => {
                if (current && !results.some((r) => r.key === current!.key)) {
                  reject(
                    new PosterJobError(
                      `生成海报 ${describe(current)} 时工作进程意外退出（${signal ?? code}）/ the poster worker died (${signal ?? code}) while rendering ${describe(current)}`,
                    ),
                  );
                }
              });
              child.on('error', reject);
            };
            run(startWorker());
          }),
      ),
    );
  } finally {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill();
  }
  return results;
}
