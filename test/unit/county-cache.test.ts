/**
 * The checked county is handed from the build script to Astro only for exactly the content it was
 * checked from.
 */
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentDigest, readCountyCache, writeCountyCache } from '../../src/check/county-cache.ts';
import { loadCounty } from '../../src/check/load.ts';
import { makeTree } from '../helpers/fixture-tree.ts';

describe('the county cache', () => {
  it('gives back the same county for the same content', () => {
    const tree = makeTree();
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-cache-'));
    try {
      const county = loadCounty(tree.root, { env: {} }).county!;
      const file = join(dir, 'county.json');
      writeCountyCache(file, county, contentDigest(tree.root));
      const back = readCountyCache(file, contentDigest(tree.root))!;
      expect(back.villages).toEqual(JSON.parse(JSON.stringify(county.villages)));
      expect(back.site).toEqual(county.site);
      expect(back.asOf).toBe(county.asOf);
      expect(back.profile).toBe(county.profile);
      expect([...back.calendar.holidays].sort()).toEqual([...county.calendar.holidays].sort());
      expect([...back.calendar.years].sort()).toEqual([...county.calendar.years].sort());
    } finally {
      tree.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is not used once any content file changed', () => {
    const tree = makeTree();
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-cache-'));
    try {
      const county = loadCounty(tree.root, { env: {} }).county!;
      const file = join(dir, 'county.json');
      const before = contentDigest(tree.root);
      writeCountyCache(file, county, before);
      appendFileSync(join(tree.root, 'content/villages/maqu/meetings/2025-07-04-lianxi.md'), '\n补记。\n');
      const after = contentDigest(tree.root);
      expect(after).not.toBe(before);
      expect(readCountyCache(file, after)).toBeUndefined();
      expect(readCountyCache(join(dir, 'missing.json'), before)).toBeUndefined();
    } finally {
      tree.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
