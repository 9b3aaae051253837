/**
 * The county benchmark's memory by process (bench/lib/process-peaks.ts, issue 18): each process of a build's tree is
 * named by what it is, keeps its own peak, and the tree's peak says which processes made it up.
 */
import { describe, expect, it } from 'vitest';
import { formatTreePeak, nameProcess, peaksByName, ProcessPeaks } from '../../bench/lib/process-peaks.ts';

const NODE = '/work/main/node_modules/node/bin/node';
const build = [NODE, '/p/scripts/build.ts', '--root', '/tmp/c', '--no-posters'];
const pages = [NODE, '--max-semi-space-size=32', '/p/scripts/build-pages.ts'];
const steps = [NODE, '/p/scripts/build-county-steps.ts'];
const pagefind = ['/p/node_modules/@pagefind/linux-x64/bin/pagefind_extended', '--service'];
const poster = [NODE, '--max-old-space-size=3072', '/p/src/posters/worker.ts'];
const check = [NODE, '/p/src/check/village-worker.ts'];
const MB = 1e6;

describe('naming the processes of a build', () => {
  it('names the build, a check process, the page process, the county steps, a poster worker and Pagefind by their command lines', () => {
    expect([build, check, pages, steps, poster, pagefind].map(nameProcess)).toEqual([
      'build',
      'check process',
      'page process',
      'county steps',
      'poster worker',
      'Pagefind',
    ]);
  });

  it('names another Node script by its file, any other process by its program, and one whose command line is empty as unknown', () => {
    expect(nameProcess([NODE, '--max-old-space-size=512', '/p/bench/lib/floor.ts', 'm.jsonl'])).toBe('node floor.ts');
    expect(nameProcess(['sh', '-c', 'nice -n 19 rm -rf "$1"', 'sh', '/tmp/x'])).toBe('sh');
    expect(nameProcess(['/usr/bin/cp', '-RPl', '--', '/a/v', '/b/'])).toBe('cp');
    expect(nameProcess([])).toBe('unknown');
  });
});

describe('the peaks of a run', () => {
  it('keeps each process’s own peak with the moment it was sampled, and the tree’s peak with the processes that made it up', () => {
    const peaks = new ProcessPeaks();
    peaks.add(1000, [
      { pid: 10, ppid: 0, argv: build, rssBytes: 600 * MB },
      { pid: 11, ppid: 0, argv: pages, rssBytes: 1200 * MB },
    ]);
    // The page process has exited; the search step's Pagefind processes run beside the build.
    peaks.add(2000, [
      { pid: 10, ppid: 0, argv: build, rssBytes: 900 * MB },
      { pid: 12, ppid: 0, argv: pagefind, rssBytes: 700 * MB },
      { pid: 13, ppid: 0, argv: pagefind, rssBytes: 500 * MB },
    ]);
    peaks.add(3000, [
      { pid: 10, ppid: 0, argv: build, rssBytes: 400 * MB },
      { pid: 13, ppid: 0, argv: pagefind, rssBytes: 800 * MB },
    ]);
    expect(peaks.processes()).toEqual([
      { pid: 11, name: 'page process', peakRssBytes: 1200 * MB, atMs: 1000 },
      { pid: 10, name: 'build', peakRssBytes: 900 * MB, atMs: 2000 },
      { pid: 13, name: 'Pagefind', peakRssBytes: 800 * MB, atMs: 3000 },
      { pid: 12, name: 'Pagefind', peakRssBytes: 700 * MB, atMs: 2000 },
    ]);
    expect(peaks.tree()).toEqual({
      rssBytes: 2100 * MB,
      atMs: 2000,
      processes: [
        { pid: 10, name: 'build', rssBytes: 900 * MB },
        { pid: 12, name: 'Pagefind', rssBytes: 700 * MB },
        { pid: 13, name: 'Pagefind', rssBytes: 500 * MB },
      ],
    });
    expect(formatTreePeak(peaks.tree())).toBe('2,100 MB at 2.0 s = build 900 + Pagefind 700 + Pagefind 500');
    expect(peaksByName(peaks.processes())).toEqual([
      { name: 'page process', peakRssBytes: 1200 * MB, count: 1 },
      { name: 'build', peakRssBytes: 900 * MB, count: 1 },
      { name: 'Pagefind', peakRssBytes: 800 * MB, count: 2 },
    ]);
  });

  it('names a forked child by what it runs at its peak, not by the parent’s command line it showed before it started its own', () => {
    const peaks = new ProcessPeaks();
    peaks.add(100, [{ pid: 20, ppid: 0, argv: build, rssBytes: 40 * MB }]);
    peaks.add(200, [{ pid: 20, ppid: 0, argv: pages, rssBytes: 300 * MB }]);
    expect(peaks.processes()).toEqual([{ pid: 20, name: 'page process', peakRssBytes: 300 * MB, atMs: 200 }]);
  });

  it('adds the processes under 10 MB at the tree’s peak into one figure', () => {
    const peaks = new ProcessPeaks();
    peaks.add(500, [
      { pid: 1, ppid: 0, argv: build, rssBytes: 500 * MB },
      { pid: 2, ppid: 0, argv: ['cp', '-RPl', '/a', '/b'], rssBytes: 3 * MB },
      { pid: 3, ppid: 0, argv: ['sh', '-c', 'rm'], rssBytes: 4 * MB },
    ]);
    expect(formatTreePeak(peaks.tree())).toBe('507 MB at 0.5 s = build 500 + 2 other 7');
  });

  it('counts nothing for a child that still shows its parent’s command line (or none) and pages, before it runs its own program', () => {
    const peaks = new ProcessPeaks();
    const sum = peaks.add(700, [
      { pid: 1, ppid: 0, argv: build, rssBytes: 1000 * MB },
      { pid: 2, ppid: 1, argv: build, rssBytes: 420 * MB },
      { pid: 3, ppid: 1, argv: pagefind, rssBytes: 200 * MB },
      { pid: 4, ppid: 1, argv: [], rssBytes: 415 * MB },
    ]);
    expect(sum).toBe(1200 * MB);
    expect(formatTreePeak(peaks.tree())).toBe('1,200 MB at 0.7 s = build 1,000 + Pagefind 200');
    expect(peaks.processes().map((p) => p.pid)).toEqual([1, 3]);
  });
});
