/**
 * How many bundles the search index step indexes at a time (src/lib/search-workers.ts, issue 18): one per core, but
 * only as many as the build's memory budget holds beside what its processes already use.
 */
import { describe, expect, it } from 'vitest';
import { chooseSearchWorkers, largestFirst, type SearchWorkerLimits } from '../../src/lib/search-workers.ts';

const MB = 1024 * 1024;
/** A 300-village cold build on this machine: 2 cores, the build process at 0.45 GB when the index starts. */
const county: SearchWorkerLimits = {
  pages: 23_000,
  minPages: 1000,
  bundles: 20,
  cores: 2,
  maxWorkers: 4,
  budgetBytes: 2048 * MB,
  usedBytes: 450 * MB,
  workerBytes: 550 * MB,
  freeMemoryWorkers: 8,
};

describe('bundles indexed at a time', () => {
  it('uses both cores of a two-core machine when the 2 GB budget holds two threads and their Pagefind processes', () => {
    expect(chooseSearchWorkers(county)).toBe(2);
  });

  it('starts no more than the budget holds on a machine with more cores, instead of one per core', () => {
    expect(chooseSearchWorkers({ ...county, cores: 8 })).toBe(2);
    expect(chooseSearchWorkers({ ...county, cores: 8, budgetBytes: 4096 * MB })).toBe(4);
  });

  it('indexes one bundle at a time when the budget leaves room for no more, and never none', () => {
    expect(chooseSearchWorkers({ ...county, budgetBytes: 1024 * MB })).toBe(1);
    expect(chooseSearchWorkers({ ...county, budgetBytes: 256 * MB })).toBe(1);
  });

  it('counts what the build already uses: a process beside it leaves room for fewer', () => {
    expect(chooseSearchWorkers({ ...county, usedBytes: 1200 * MB })).toBe(1);
  });

  it('indexes a few pages on the build’s own thread, and starts no more threads than bundles or free memory allow', () => {
    expect(chooseSearchWorkers({ ...county, pages: 400 })).toBe(1);
    expect(chooseSearchWorkers({ ...county, cores: 8, budgetBytes: 8192 * MB, bundles: 3 })).toBe(3);
    expect(chooseSearchWorkers({ ...county, freeMemoryWorkers: 1 })).toBe(1);
  });

  it('without a budget, is one per core up to the most wanted', () => {
    expect(chooseSearchWorkers({ ...county, cores: 8, budgetBytes: Number.POSITIVE_INFINITY })).toBe(4);
  });
});

describe('the order bundles are indexed in', () => {
  it('hands the threads the largest bundles first and the small ones last, so no core waits long at the end', () => {
    expect(largestFirst([640, 280, 691, 471, 691])).toEqual([2, 4, 0, 3, 1]);
    expect(largestFirst([])).toEqual([]);
  });
});
