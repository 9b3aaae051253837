/**
 * The county benchmark's report (`node bench/county.ts --report`), written from recorded results: each
 * size was run on its own day from its own commit, so each size's machine is said once, under the
 * label of its row, and no machine line stands without saying which run it belongs to.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixture-tree.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/**
 * bench/results' recorded run of `villages`, as another commit and day may have made it, with the
 * posters (a run without them says so in its label, which is not what this test is about).
 */
function recorded(villages: number, machine: { gitSha: string; date: string; node: string }): string {
  const result = JSON.parse(readFileSync(join(ROOT, 'bench', 'results', `county-${villages}v-8q.json`), 'utf8')) as { machine: object };
  return `${JSON.stringify({ ...result, posters: true, machine: { ...result.machine, ...machine } }, null, 2)}\n`;
}

describe('the county benchmark report', () => {
  it('says each size’s machine once, beside the commit and day of its row, when the sizes were run from different commits', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-report-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'county-30v-8q.json'), recorded(30, { gitSha: 'aaaaaaa', date: '2026-12-06T05:31:44.843Z', node: 'v24.21.0' }));
    writeFileSync(join(dir, 'county-300v-8q.json'), recorded(300, { gitSha: 'bbbbbbb+dirty', date: '2026-11-22T16:59:43.474Z', node: 'v24.1.0' }));
    const run = spawnSync(process.execPath, [join(ROOT, 'bench', 'county.ts'), '--report', '--results', dir], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const report = readFileSync(join(dir, 'county.md'), 'utf8');
    const machineLines = report.split('\n').filter((line) => line.includes('AMD') || line.includes('GiB'));
    expect(machineLines).toEqual([
      expect.stringMatching(/^- 30 × 8 \(aaaaaaa, 2026-12-06\): .*GiB.*Node v24\.21\.0/),
      expect.stringMatching(/^- 300 × 8 \(bbbbbbb\+dirty, 2026-11-22\): .*GiB.*Node v24\.1\.0/),
    ]);
    // The main table's rows carry the same labels.
    expect(report).toMatch(/^\| 30 × 8 \(aaaaaaa, 2026-12-06\) \|/m);
    expect(report).toMatch(/^\| 300 × 8 \(bbbbbbb\+dirty, 2026-11-22\) \|/m);
    expect(report).not.toMatch(/^Machine: /m);
  });

  it('gives each cold build’s tree peak with the processes it was made of, and each kind of process’s own peak, when the run recorded them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-report-'));
    dirs.push(dir);
    const result = JSON.parse(recorded(300, { gitSha: 'ccccccc', date: '2026-12-07T16:00:00.000Z', node: 'v24.21.0' })) as { cold: object[] };
    result.cold = result.cold.map((run) => ({
      ...run,
      treePeak: {
        rssBytes: 1_750e6,
        atMs: 150_000,
        processes: [
          { pid: 1, name: 'build', rssBytes: 1_000e6 },
          { pid: 2, name: 'Pagefind', rssBytes: 750e6 },
        ],
      },
      processPeaks: [
        { name: 'page process', peakRssBytes: 1_400e6, count: 1 },
        { name: 'build', peakRssBytes: 1_000e6, count: 1 },
        { name: 'Pagefind', peakRssBytes: 750e6, count: 6 },
      ],
    }));
    writeFileSync(join(dir, 'county-300v-8q.json'), JSON.stringify(result));
    const run = spawnSync(process.execPath, [join(ROOT, 'bench', 'county.ts'), '--report', '--results', dir], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const report = readFileSync(join(dir, 'county.md'), 'utf8');
    expect(report).toMatch(
      /^\| 300 × 8 \(ccccccc, 2026-12-07\) cold-1 \| 1,750 MB at 150\.0 s = build 1,000 \+ Pagefind 750 \| page process 1,400 · build 1,000 · Pagefind 750 ×6 \| [\d.]+ +\|$/m,
    );
  });

  it('leaves the memory table out for runs recorded before it was measured', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-bench-report-'));
    dirs.push(dir);
    // A run recorded before the bench measured each process: its builds carry no process peaks.
    const result = JSON.parse(recorded(300, { gitSha: 'ddddddd', date: '2026-12-07T16:00:00.000Z', node: 'v24.21.0' })) as Record<string, unknown>;
    for (const kind of ['cold', 'incremental', 'unchanged', 'newDay'])
      for (const build of (result[kind] as Record<string, unknown>[] | undefined) ?? []) {
        delete build['processPeaks'];
        delete build['treePeak'];
      }
    writeFileSync(join(dir, 'county-300v-8q.json'), `${JSON.stringify(result, null, 2)}\n`);
    const run = spawnSync(process.execPath, [join(ROOT, 'bench', 'county.ts'), '--report', '--results', dir], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(dir, 'county.md'), 'utf8')).not.toContain('Memory by process');
  });
});
