/**
 * Poster jobs in worker processes: a poster that cannot be rendered stops the build with the record
 * file named, instead of a silent gap or a crashed build with no explanation; a worker that passes its memory
 * cap is stopped and the build says so; the number of workers follows the build (one while the pages render).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPosterJob } from '../../src/posters/job.ts';
import { getWorkerCount, getWorkerMemoryMb, RECYCLE_RSS, runPosterJobs, startPosterJobs, WORKER_HEAP_MB, WORKER_MEMORY_MB } from '../../src/posters/pool.ts';
import { demoDoc } from '../helpers/posters.ts';

describe('rendering posters in worker processes', () => {
  it('uses one worker per core, at most 4, unless GONGKAI_POSTER_WORKERS says otherwise', () => {
    expect(getWorkerCount(100, {})).toBeLessThanOrEqual(4);
    expect(getWorkerCount(1, {})).toBe(1);
    expect(getWorkerCount(100, { GONGKAI_POSTER_WORKERS: '3' })).toBe(3);
    expect(getWorkerCount(2, { GONGKAI_POSTER_WORKERS: '8' })).toBe(2);
  });

  it('starts no more workers than free memory allows, and always at least one', () => {
    expect(getWorkerCount(100, {}, 2.5 * RECYCLE_RSS)).toBeLessThanOrEqual(2);
    expect(getWorkerCount(100, {}, 0)).toBe(1);
    expect(WORKER_HEAP_MB).toBeLessThanOrEqual(1024);
  });

  it('replaces a worker with a fresh one after its share of jobs, and still renders every job', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gongkai-pool-'));
    const previous = process.env['GONGKAI_POSTER_WORKERS'];
    process.env['GONGKAI_POSTER_WORKERS'] = '2';
    try {
      const doc = demoDoc('maqu', 'resolution-2025-07-22-daibiao');
      const jobs = [0, 1, 2, 3, 4].map((i) => ({ doc, size: 'A4' as const, formats: ['pdf' as const], key: `r${i}`, root }));
      const results = await runPosterJobs(jobs, () => {}, 1);
      expect(results.map((r) => r.key).sort()).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
      expect(new Set(results.map((r) => r.pid)).size).toBeGreaterThan(2);
      expect(results.every((r) => r.pid !== process.pid && r.rss > 0)).toBe(true);
    } finally {
      if (previous === undefined) delete process.env['GONGKAI_POSTER_WORKERS'];
      else process.env['GONGKAI_POSTER_WORKERS'] = previous;
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);

  it('stops with the record file named when a worker cannot render a poster', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gongkai-pool-'));
    const previous = process.env['GONGKAI_POSTER_WORKERS'];
    process.env['GONGKAI_POSTER_WORKERS'] = '2';
    try {
      const good = demoDoc('maqu', 'resolution-2025-07-22-daibiao');
      const broken = { ...demoDoc('maqu', 'notice-2025-11-17-dibao'), title: '有一个字体里没有的字𪜀' };
      const jobs = [broken, good, good].map((doc, i) => ({ doc, size: 'A4' as const, formats: ['pdf' as const], key: `k${i}`, root }));
      await expect(runPosterJobs(jobs)).rejects.toThrow(/content\/villages\/maqu\/notices\/2025-11-17-dibao\.md（A4）.*U\+2A700/s);
    } finally {
      if (previous === undefined) delete process.env['GONGKAI_POSTER_WORKERS'];
      else process.env['GONGKAI_POSTER_WORKERS'] = previous;
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);

  it("stops with the record file and the memory cap named when a poster cannot be rendered within its worker's cap", async () => {
    const root = mkdtempSync(join(tmpdir(), 'gongkai-pool-'));
    const previous = process.env['GONGKAI_POSTER_WORKERS'];
    process.env['GONGKAI_POSTER_WORKERS'] = '2';
    try {
      const doc = demoDoc('maqu', 'notice-2025-11-17-dibao');
      const jobs = [0, 1, 2].map((i) => ({ doc, size: 'A3' as const, formats: ['pdf' as const, 'preview' as const], key: `m${i}`, root }));
      // Loading the poster font and laying out a sheet takes far more than 120 MB: every try passes the cap.
      await expect(startPosterJobs(jobs, { memoryMb: 120 }).done).rejects.toThrow(
        /content\/villages\/maqu\/notices\/2025-11-17-dibao\.md（A3）.*内存上限.*120 MB.*memory cap \(120 MB resident.*GONGKAI_POSTER_WORKER_MB/s,
      );
    } finally {
      if (previous === undefined) delete process.env['GONGKAI_POSTER_WORKERS'];
      else process.env['GONGKAI_POSTER_WORKERS'] = previous;
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);

  it('caps each worker at 1 GB resident unless GONGKAI_POSTER_WORKER_MB says otherwise', () => {
    expect(getWorkerMemoryMb({})).toBe(WORKER_MEMORY_MB);
    expect(WORKER_MEMORY_MB).toBeLessThanOrEqual(1024);
    expect(getWorkerMemoryMb({ GONGKAI_POSTER_WORKER_MB: '2048' })).toBe(2048);
    expect(getWorkerMemoryMb({ GONGKAI_POSTER_WORKER_MB: 'lots' })).toBe(WORKER_MEMORY_MB);
  });

  it('renders with one worker until told to use more, pauses when told to, and writes the same bytes as rendering in-process', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gongkai-pool-'));
    const alone = mkdtempSync(join(tmpdir(), 'gongkai-pool-'));
    const previous = process.env['GONGKAI_POSTER_WORKERS'];
    process.env['GONGKAI_POSTER_WORKERS'] = '2';
    try {
      const doc = demoDoc('maqu', 'resolution-2025-07-22-daibiao');
      const jobs = [0, 1, 2, 3, 4, 5].map((i) => ({ doc, size: 'A4' as const, formats: ['pdf' as const, 'preview' as const], key: `w${i}`, root }));
      const pids: number[] = [];
      let twoDone!: () => void;
      const two = new Promise<void>((resolve) => (twoDone = resolve));
      const run = startPosterJobs(jobs, {
        workers: 1,
        onDone: (r) => {
          pids.push(r.pid);
          if (pids.length === 2) {
            run.setWorkers(0);
            twoDone();
          }
        },
      });
      // Paused after two jobs: nothing more is rendered until the run is told to go on.
      await two;
      await new Promise((resolve) => setTimeout(resolve, 2000));
      expect(pids.length).toBe(2);
      expect(new Set(pids).size).toBe(1);
      run.setWorkers(2);
      const results = await run.done;
      expect(results.map((r) => r.key).sort()).toEqual(['w0', 'w1', 'w2', 'w3', 'w4', 'w5']);
      expect(new Set(pids.slice(2)).size).toBe(2);
      // The job crossed to the worker serialised: the files are those of the same job rendered here.
      await runPosterJob({ ...jobs[0]!, root: alone });
      const files = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
      const here = files(alone).filter((e) => !e.name.endsWith('.json'));
      expect(here.length).toBeGreaterThan(1);
      for (const e of here) {
        const rel = join(e.parentPath, e.name).slice(alone.length);
        expect(readFileSync(join(root, rel)).equals(readFileSync(join(alone, rel))), rel).toBe(true);
      }
    } finally {
      if (previous === undefined) delete process.env['GONGKAI_POSTER_WORKERS'];
      else process.env['GONGKAI_POSTER_WORKERS'] = previous;
      rmSync(root, { recursive: true, force: true });
      rmSync(alone, { recursive: true, force: true });
    }
  }, 120_000);

  it('stops a running worker at once when the build runs short of memory, and renders its job later exactly once', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gongkai-pool-'));
    const previous = process.env['GONGKAI_POSTER_WORKERS'];
    process.env['GONGKAI_POSTER_WORKERS'] = '2';
    try {
      const doc = demoDoc('maqu', 'resolution-2025-07-22-daibiao');
      const jobs = [0, 1, 2, 3].map((i) => ({ doc, size: 'A4' as const, formats: ['pdf' as const, 'preview' as const], key: `n${i}`, root }));
      const keys: string[] = [];
      let stopped!: () => void;
      const paused = new Promise<void>((resolve) => (stopped = resolve));
      const run = startPosterJobs(jobs, {
        workers: 1,
        onDone: (r) => {
          keys.push(r.key);
          // The worker has just been given its second job: stop it in the middle of it.
          if (keys.length === 1)
            setImmediate(() => {
              run.setWorkers(0, { now: true });
              stopped();
            });
        },
      });
      await paused;
      await new Promise((resolve) => setTimeout(resolve, 3000));
      // The second job was cut short: had its worker been let finish it, either its result would be here or the worker
      // would still hold its memory.
      expect(keys).toEqual(['n0']);
      expect(run.rss()).toBe(0);
      run.setWorkers(2);
      const results = await run.done;
      expect(results.map((r) => r.key).sort()).toEqual(['n0', 'n1', 'n2', 'n3']);
    } finally {
      if (previous === undefined) delete process.env['GONGKAI_POSTER_WORKERS'];
      else process.env['GONGKAI_POSTER_WORKERS'] = previous;
      rmSync(root, { recursive: true, force: true });
    }
  }, 120_000);
});
