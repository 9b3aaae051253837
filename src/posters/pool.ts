/**
 * Renders poster jobs in parallel worker processes (one per CPU core, at most 4, and no more than
 * free memory allows; GONGKAI_POSTER_WORKERS overrides), or in this process when there are only a
 * few jobs and starting workers would cost more than it saves. The number of workers can change
 * while jobs run (`PosterRun.setWorkers`): the build runs one while the page process has the other
 * core, and all of them after. Jobs wait serialised (a few KB each, off the JavaScript heap), so a
 * county's queue does not keep its documents alive.
 *
 * Memory is bounded: each worker's JavaScript heap is capped (WORKER_HEAP_MB), its resident memory
 * (the native renderers' included) is watched and a worker past WORKER_MEMORY_MB is stopped; a
 * worker is replaced by a fresh one after RECYCLE_JOBS jobs or once it passes RECYCLE_RSS after a
 * job. A poster whose worker ran out of memory is tried once more in a fresh worker, then the build
 * stops with the record file and the cap named (GONGKAI_POSTER_WORKER_MB raises it).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, freemem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { runPosterJob, type PosterJob, type PosterJobResult } from './job.ts';

export class PosterJobError extends Error {}

type Env = Readonly<Record<string, string | undefined>>;

/** Jobs at or below this count are rendered in-process. */
const IN_PROCESS_MAX = 2;

/** JavaScript heap cap of a worker, in MB (a poster job needs well under 200 MB). */
export const WORKER_HEAP_MB = 512;
/** Resident memory cap of a worker, in MB (GONGKAI_POSTER_WORKER_MB overrides): a worker past it is stopped. */
export const WORKER_MEMORY_MB = 1024;
/** A worker is replaced after this many jobs … */
export const RECYCLE_JOBS = 200;
/** … or once its resident memory after a job passes this many bytes. */
export const RECYCLE_RSS = 640 * 1024 * 1024;
/** What each worker needs free. */
const WORKER_BUDGET = WORKER_MEMORY_MB * 1024 * 1024;
/** How often a worker's resident memory is read (ms). */
const WATCH_MS = 200;

export function getWorkerCount(jobs: number, env: Env = process.env, free: number = freemem()): number {
  const wanted = Number(env['GONGKAI_POSTER_WORKERS'] ?? '');
  const cap = Number.isInteger(wanted) && wanted > 0 ? wanted : Math.min(4, availableParallelism(), Math.floor(free / WORKER_BUDGET));
  return Math.max(1, Math.min(cap, jobs));
}

/** The resident memory cap of a worker in MB: GONGKAI_POSTER_WORKER_MB, else WORKER_MEMORY_MB. */
export function getWorkerMemoryMb(env: Env = process.env): number {
  const wanted = Number(env['GONGKAI_POSTER_WORKER_MB'] ?? '');
  return Number.isInteger(wanted) && wanted > 0 ? wanted : WORKER_MEMORY_MB;
}

/** A job as it waits for a worker: its name for messages and the job serialised. */
export interface PackedPosterJob {
  key: string;
  /** The record file and paper size, for messages. */
  label: string;
  data: Buffer;
}

/** Serialises a job for the queue and the worker (the worker deserialises it with node:v8). */
export function packPosterJob(job: PosterJob): PackedPosterJob {
  return { key: job.key, label: `${job.doc.record.file}（${job.size}）`, data: serialize(job) };
}

export interface PosterPoolOptions {
  onDone?: (r: PosterJobResult) => void;
  /** Workers to run at first (at most getWorkerCount); `setWorkers` changes it. */
  workers?: number;
  /** A worker is replaced after this many jobs (tests). */
  recycleJobs?: number;
  /** Resident memory cap of a worker, MB (default getWorkerMemoryMb()). */
  memoryMb?: number;
  /** JavaScript heap cap of a worker, MB (default WORKER_HEAP_MB, never above memoryMb). */
  heapMb?: number;
}

export interface PosterRun {
  /** Every job's result; rejects with the first failure, naming the record file. */
  done: Promise<PosterJobResult[]>;
  /**
   * Runs this many workers from now on (at most getWorkerCount; 0 pauses). A running job finishes first, unless
   * `now`: then the workers over the number are stopped at once and their jobs wait for a worker again (the build's
   * memory budget: a worker's memory is given back the moment it is needed).
   */
  setWorkers(n: number, options?: { now?: boolean }): void;
  /** The resident memory of the running workers together, in bytes. */
  rss(): number;
}

/** Resident memory of a process, in bytes (Linux), or undefined. */
export function readRss(pid: number): number | undefined {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * 4096;
  } catch {
    return undefined;
  }
}

const failed = (label: string, why: string) => new PosterJobError(`海报 ${label} 生成失败 / rendering the poster of ${label} failed:\n${why}`);

async function runInProcess(jobs: readonly (PosterJob | PackedPosterJob)[], onDone: (r: PosterJobResult) => void): Promise<PosterJobResult[]> {
  const out: PosterJobResult[] = [];
  for (const j of jobs) {
    const job = 'data' in j ? (deserialize(j.data) as PosterJob) : j;
    try {
      const r = await runPosterJob(job);
      onDone(r);
      out.push(r);
    } catch (error) {
      throw failed(`${job.doc.record.file}（${job.size}）`, error instanceof Error ? error.message : String(error));
    }
  }
  return out;
}

interface Slot {
  child: ChildProcess;
  current?: PackedPosterJob | undefined;
  done: number;
  /** Stopped by the pool for passing the memory cap. */
  overCap?: number;
  leaving?: boolean;
}

/** Starts rendering `jobs` (PosterJob objects or packed ones); see PosterRun. */
export function startPosterJobs(jobs: readonly (PosterJob | PackedPosterJob)[], options: PosterPoolOptions = {}): PosterRun {
  const onDone = options.onDone ?? (() => {});
  const most = getWorkerCount(jobs.length);
  if (jobs.length <= IN_PROCESS_MAX || most <= 1) return { done: runInProcess(jobs, onDone), setWorkers: () => {}, rss: () => 0 };
  const memoryMb = options.memoryMb ?? getWorkerMemoryMb();
  const heapMb = Math.min(options.heapMb ?? WORKER_HEAP_MB, memoryMb);
  const recycleJobs = options.recycleJobs ?? RECYCLE_JOBS;
  const queue: PackedPosterJob[] = jobs.map((j) => ('data' in j ? j : packPosterJob(j)));
  const retried = new Set<string>();
  const results: PosterJobResult[] = [];
  const slots = new Set<Slot>();
  const script = fileURLToPath(new URL('./worker.ts', import.meta.url));
  let target = Math.min(most, Math.max(0, options.workers ?? most));
  let settled = false;
  let resolveRun!: (r: PosterJobResult[]) => void;
  let rejectRun!: (e: unknown) => void;
  const done = new Promise<PosterJobResult[]>((resolve, reject) => {
    resolveRun = resolve;
    rejectRun = reject;
  });
  const watch = setInterval(() => {
    for (const slot of slots) {
      const rss = slot.current && slot.child.pid ? readRss(slot.child.pid) : undefined;
      if (rss !== undefined && rss > memoryMb * 1024 * 1024 && slot.overCap === undefined) {
        slot.overCap = rss;
        slot.child.kill('SIGKILL');
      }
    }
  }, WATCH_MS);
  watch.unref();
  const finish = (error?: unknown) => {
    if (settled) return;
    settled = true;
    clearInterval(watch);
    for (const s of slots) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill();
    if (error) rejectRun(error);
    else resolveRun(results);
  };
  /** Workers that are not on their way out, and those of them still waiting for their first job. */
  const active = () => [...slots].filter((s) => !s.leaving).length;
  const starting = () => [...slots].filter((s) => !s.leaving && !s.current).length;
  const leave = (slot: Slot) => {
    slot.leaving = true;
    slot.current = undefined;
    slot.child.send({ exit: true });
  };
  const feed = (slot: Slot) => {
    if (settled) return undefined;
    if (active() > target) return leave(slot);
    slot.current = queue.shift();
    if (!slot.current) return leave(slot);
    slot.child.send({ job: slot.current.data });
    return undefined;
  };
  const start = () => {
    const child = fork(script, [], {
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      execArgv: [...process.execArgv.filter((a) => !a.startsWith('--max-old-space-size')), `--max-old-space-size=${heapMb}`],
    });
    const slot: Slot = { child, done: 0 };
    slots.add(slot);
    child.on('message', (msg: { ready: true } | { ok: true; result: PosterJobResult } | { ok: false; error: string }) => {
      if ('ready' in msg) return feed(slot);
      const job = slot.current!;
      slot.current = undefined;
      if (!msg.ok) return finish(failed(job.label, msg.error));
      results.push(msg.result);
      onDone(msg.result);
      // Stopped meanwhile (setWorkers with `now`, from onDone).
      if (slot.leaving) return undefined;
      slot.done += 1;
      if (queue.length > 0 && (slot.done >= recycleJobs || msg.result.rss > RECYCLE_RSS)) {
        // Replace this worker with a fresh one: the native renderers do not give all memory back.
        leave(slot);
        if (active() < target) start();
        return undefined;
      }
      return feed(slot);
    });
    child.on('exit', (code, signal) => {
      slots.delete(slot);
      const job = slot.current;
      if (settled) return;
      if (job && !slot.leaving) {
        // Out of memory: the pool stopped it (resident memory), or V8 aborted it (heap).
        const memory = slot.overCap !== undefined || signal === 'SIGABRT' || code === 134;
        if (!retried.has(job.key)) {
          // Once more in a fresh worker: a worker that grew over many jobs may be what ran out.
          retried.add(job.key);
          queue.unshift(job);
        } else if (memory) {
          const used = slot.overCap === undefined ? '' : `（已用 ${Math.round(slot.overCap / 1048576)} MB / it used ${Math.round(slot.overCap / 1048576)} MB）`;
          return finish(
            failed(
              job.label,
              `在工作进程的内存上限内无法生成${used}：上限为常驻内存 ${memoryMb} MB、JavaScript 堆 ${heapMb} MB。请检查这条记录是否异常地长；确需更多内存时设置 GONGKAI_POSTER_WORKER_MB（例如 2048）。\nIt could not be rendered within the poster worker's memory cap (${memoryMb} MB resident, ${heapMb} MB JavaScript heap). Check whether the record is unusually long; if it really needs more, set GONGKAI_POSTER_WORKER_MB (e.g. 2048).`,
            ),
          );
        } else {
          return finish(
            new PosterJobError(
              `生成海报 ${job.label} 时工作进程意外退出（${signal ?? code}）/ the poster worker died (${signal ?? code}) while rendering ${job.label}`,
            ),
          );
        }
      }
      if (queue.length > 0 && active() < target) start();
      if (queue.length === 0 && slots.size === 0) finish();
      return undefined;
    });
    child.on('error', finish);
  };
  for (let i = 0; i < Math.min(target, queue.length); i += 1) start();
  return {
    done,
    setWorkers(n, options = {}) {
      target = Math.min(most, Math.max(0, n));
      if (options.now) {
        for (const slot of [...slots].filter((s) => !s.leaving).slice(target)) {
          // Stopped, not failed: its job goes back to the front of the queue, not counted as a retry.
          if (slot.current) queue.unshift(slot.current);
          slot.leaving = true;
          slot.current = undefined;
          slot.child.kill('SIGKILL');
        }
      }
      while (!settled && active() < target && queue.length > starting()) start();
    },
    rss() {
      let sum = 0;
      for (const slot of slots) sum += (slot.child.pid && readRss(slot.child.pid)) || 0;
      return sum;
    },
  };
}

/** Renders every job; rejects with the first failure, naming the record file. `recycleJobs` is for tests. */
export function runPosterJobs(
  jobs: readonly (PosterJob | PackedPosterJob)[],
  onDone: (r: PosterJobResult) => void = () => {},
  recycleJobs = RECYCLE_JOBS,
): Promise<PosterJobResult[]> {
  return startPosterJobs(jobs, { onDone, recycleJobs }).done;
}
