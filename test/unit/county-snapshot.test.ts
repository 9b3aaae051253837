/**
 * While the page process renders, the build keeps the checked county on disk (src/check/county-snapshot.ts):
 * what is read back is the very county that was checked, and a file cut short, altered or left by
 * another build is never taken for it.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VillageCheckCache } from '../../src/check/check-cache.ts';
import { readCountySnapshot, removeCountySnapshot, writeCountySnapshot } from '../../src/check/county-snapshot.ts';
import { contentDigests } from '../../src/check/digest.ts';
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

  it('names the villages the check cache holds instead of writing them again, and gives back the same county', () => {
    const tree = makeTree();
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-county-snapshot-'));
    try {
      const cache = new VillageCheckCache(join(dir, 'check-cache'), 'scope-1', contentDigests(tree.root).villages);
      const checked = loadCounty(tree.root, { env: {}, cache }).county!;
      // Before it is saved, a village checked afresh has no cache file to name.
      expect(checked.villages.map((v) => cache.fileOf(v.id))).toEqual(checked.villages.map(() => undefined));
      cache.save();
      const file = join(dir, 'county-1.v8');
      writeCountySnapshot({ file, key: 'build-a' }, county);
      const whole = statSync(file).size;
      writeCountySnapshot({ file, key: 'build-a' }, checked, (id) => cache.fileOf(id));
      // Every village is a cache file linked beside the snapshot, which holds the county without them.
      expect(readdirSync(`${file}.villages`).sort()).toEqual(checked.villages.map((v) => `${v.id}.v8`).sort());
      for (const v of checked.villages) expect(statSync(join(`${file}.villages`, `${v.id}.v8`)).ino).toBe(statSync(join(dir, 'check-cache', `${v.id}.v8`)).ino);
      expect(statSync(file).size).toBeLessThan(whole / 4);
      expect(readCountySnapshot({ file, key: 'build-a' })).toEqual(checked);
      // A linked village file altered (or replaced by another build's) makes the whole snapshot read as missing.
      const one = join(`${file}.villages`, `${checked.villages[0]!.id}.v8`);
      const bytes = readFileSync(one);
      rmSync(one);
      writeFileSync(one, Buffer.concat([bytes.subarray(0, -1), Buffer.from([bytes.at(-1)! ^ 1])]));
      expect(readCountySnapshot({ file, key: 'build-a' })).toBeUndefined();
      removeCountySnapshot(file);
      expect([existsSync(file), existsSync(`${file}.villages`)]).toEqual([false, false]);
    } finally {
      tree.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
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
