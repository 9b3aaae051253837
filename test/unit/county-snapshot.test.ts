/**
 * While the page process renders, the build keeps the checked county on disk (src/check/county-snapshot.ts):
 * what is read back is the very county that was checked, and a file cut short, altered or left by
 * another build is never taken for it.
 */
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCountySnapshot, writeCountySnapshot } from '../../src/check/county-snapshot.ts';
import { loadCounty } from '../../src/check/load.ts';
import { makeTree } from '../helpers/fixture-tree.ts';

function withSnapshot(test: (file: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-county-snapshot-'));
  try {
    test(join(dir, 'county-1.v8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function checkedCounty() {
  const tree = makeTree();
  try {
    const county = loadCounty(tree.root, { env: {} }).county;
    if (!county) throw new Error('the fixture county has errors');
    return county;
  } finally {
    tree.cleanup();
  }
}

describe('the county snapshot kept while the pages render', () => {
  const county = checkedCounty();

  it('gives back the checked county exactly as it was written, sets and all', () => {
    withSnapshot((file) => {
      writeCountySnapshot({ file, key: 'build-a' }, county);
      const back = readCountySnapshot({ file, key: 'build-a' });
      expect(back).toEqual(county);
      expect(back).not.toBe(county);
    });
  });

  it('reads as missing when the file was cut short, had a byte changed, or was written by another build', () => {
    withSnapshot((file) => {
      writeCountySnapshot({ file, key: 'build-a' }, county);
      expect(readCountySnapshot({ file, key: 'build-b' })).toBeUndefined();
      const whole = readFileSync(file);
      const altered = Buffer.from(whole);
      altered.writeUInt8(altered.readUInt8(altered.length - 10) ^ 1, altered.length - 10);
      writeFileSync(file, altered);
      expect(readCountySnapshot({ file, key: 'build-a' })).toBeUndefined();
      writeFileSync(file, whole);
      truncateSync(file, whole.length - 1);
      expect(readCountySnapshot({ file, key: 'build-a' })).toBeUndefined();
      rmSync(file);
      expect(readCountySnapshot({ file, key: 'build-a' })).toBeUndefined();
    });
  });
});
