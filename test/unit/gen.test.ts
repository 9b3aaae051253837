/**
 * The synthetic county of the benchmark (bench/gen) is deterministic and passes the same check as a
 * real county, so the benchmark measures valid content.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCounty } from '../../bench/gen/county.ts';
import { createRandom } from '../../bench/gen/random.ts';
import { formatProblems } from '../../src/check/format.ts';
import { loadCounty } from '../../src/check/load.ts';

function write(files: readonly { path: string; text: string }[]): string {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-gen-'));
  for (const f of files) {
    mkdirSync(dirname(join(root, f.path)), { recursive: true });
    writeFileSync(join(root, f.path), f.text);
  }
  return root;
}

describe('the synthetic county generator', () => {
  const county = generateCounty({ villages: 6, quarters: 8, seed: 7 });

  it('writes a county that passes the content check with no errors', () => {
    const root = write(county.files);
    try {
      const result = loadCounty(root, { env: {} });
      expect(
        result.problems.filter((p) => p.severity === 'error'),
        formatProblems(result.problems),
      ).toEqual([]);
      expect(result.county?.villages).toHaveLength(6);
      expect(result.county?.asOf).toBe('2026-01-20');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('gives the same files for the same seed and different files for another seed', () => {
    expect(generateCounty({ villages: 6, quarters: 8, seed: 7 }).files).toEqual(county.files);
    expect(generateCounty({ villages: 6, quarters: 8, seed: 8 }).files).not.toEqual(county.files);
  });

  it('makes a smaller county the first villages of a larger one', () => {
    const small = generateCounty({ villages: 3, quarters: 8, seed: 7 });
    const villageFiles = (files: typeof county.files, ids: Set<string>) => files.filter((f) => f.village && ids.has(f.village));
    const ids = new Set(small.villages.map((v) => v.id));
    expect(villageFiles(small.files, ids)).toEqual(villageFiles(county.files, ids));
  });

  it('has ledgers of 50 to 500 entries per quarter with a median near 150, and every kind of record', () => {
    const big = generateCounty({ villages: 40, quarters: 2, seed: 3 });
    const counts = big.files.filter((f) => f.path.includes('/finances/')).map((f) => (f.text.match(/voucher:/g) ?? []).length);
    counts.sort((a, b) => a - b);
    expect(counts[0]).toBeGreaterThanOrEqual(50);
    expect(counts.at(-1)).toBeLessThanOrEqual(502);
    const median = counts[Math.floor(counts.length / 2)]!;
    expect(median).toBeGreaterThan(110);
    expect(median).toBeLessThan(200);
    const text = big.files.map((f) => f.text).join('\n');
    for (const needle of [
      'body: 党组织会议',
      'body: 党员大会',
      'body: 议事协商会',
      'authorises:',
      'type: 低保初审',
      'type: 宅基地申请',
      'track: 党务',
      'activities:',
    ])
      expect(text).toContain(needle);
  });

  it('tags the files of each quarter so one village can publish its latest quarter later', () => {
    const id = county.villages[2]!.id;
    const batch = county.files.filter((f) => f.village === id && f.batch === county.quarters.at(-1));
    expect(batch.map((f) => f.path.split('/')[3])).toEqual(expect.arrayContaining(['disclosures', 'finances', 'meetings', 'volunteers']));
    const root = write(county.files.filter((f) => !batch.includes(f)));
    try {
      const result = loadCounty(root, { env: {} });
      expect(
        result.problems.filter((p) => p.severity === 'error'),
        formatProblems(result.problems),
      ).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('draws the same numbers from the same seed', () => {
    const a = createRandom('x');
    const b = createRandom('x');
    const seq = (r: typeof a) => Array.from({ length: 5 }, () => r.int(0, 1000));
    expect(seq(a)).toEqual(seq(b));
    expect(seq(createRandom('x').fork('v1'))).not.toEqual(seq(createRandom('x').fork('v2')));
  });
});
