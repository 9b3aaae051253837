/**
 * Poster jobs in worker processes: a poster that cannot be rendered stops the build with the record
 * file named, instead of a silent gap or a crashed build with no explanation.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getWorkerCount, RECYCLE_RSS, runPosterJobs, WORKER_HEAP_MB } from '../../src/posters/pool.ts';
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
});
