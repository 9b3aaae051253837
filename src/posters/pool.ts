/**
 * Renders poster jobs in parallel worker processes (one per CPU core, at most 4; GONGKAI_POSTER_WORKERS
 * overrides), or in this process when there are only a few jobs and starting workers would cost
 * more than it saves.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runPosterJob, type PosterJob, type PosterJobResult } from './job.ts';

export class PosterJobError extends Error {}

/** Jobs at or below this count are rendered in-process. */
const IN_PROCESS_MAX = 2;

export function getWorkerCount(jobs: number, env: Readonly<Record<string, string | undefined>> = process.env): number {
  const wanted = Number(env['GONGKAI_POSTER_WORKERS'] ?? '');
  const cap = Number.isInteger(wanted) && wanted > 0 ? wanted : Math.min(4, availableParallelism());
  return Math.max(1, Math.min(cap, jobs));
}

function describe(job: PosterJob): string {
  return `${job.doc.record.file}（${job.size}）`;
}

/** Renders every job; rejects with the first failure, naming the record file. */
export async function runPosterJobs(jobs: readonly PosterJob[], onDone: (r: PosterJobResult, job: PosterJob) => void = () => {}): Promise<PosterJobResult[]> {
  const workers = getWorkerCount(jobs.length);
  if (jobs.length <= IN_PROCESS_MAX || workers <= 1) {
    const out: PosterJobResult[] = [];
    for (const job of jobs) {
      try {
        const r = await runPosterJob(job);
        onDone(r, job);
        out.push(r);
      } catch (error) {
        throw new PosterJobError(`海报 ${describe(job)} 生成失败 / rendering the poster of ${describe(job)} failed:\n${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return out;
  }
  const queue = [...jobs];
  const results: PosterJobResult[] = [];
  const script = fileURLToPath(new URL('./worker.ts', import.meta.url));
  const children: ChildProcess[] = [];
  try {
    await Promise.all(
      Array.from({ length: workers }, () =>
        new Promise<void>((resolve, reject) => {
          const child = fork(script, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
          children.push(child);
          let current: PosterJob | undefined;
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
            if (!msg.ok) return reject(new PosterJobError(`海报 ${describe(current!)} 生成失败 / rendering the poster of ${describe(current!)} failed:\n${msg.error}`));
            results.push(msg.result);
            onDone(msg.result, current!);
            next();
          });
          child.on('exit', (code, signal) => {
            if (current && !results.some((r) => r.key === current!.key)) {
              reject(new PosterJobError(`生成海报 ${describe(current)} 时工作进程意外退出（${signal ?? code}）/ the poster worker died (${signal ?? code}) while rendering ${describe(current)}`));
            }
          });
          child.on('error', reject);
        }),
      ),
    );
  } finally {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill();
  }
  return results;
}
