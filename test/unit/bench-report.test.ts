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
});
