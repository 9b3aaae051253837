/**
 * Reusing checked villages between builds changes nothing a clerk or a villager sees: the problems
 * and records are those of a fresh check, and an edited village is checked again.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VillageCheckCache } from '../../src/check/check-cache.ts';
import { contentDigests } from '../../src/check/digest.ts';
import { loadCounty } from '../../src/check/load.ts';
import { makeTree } from '../helpers/fixture-tree.ts';

const plain = (x: unknown) => JSON.parse(JSON.stringify(x));

describe('the village check cache', () => {
  it('gives the same county and problems as a fresh check, from the cache the second time', () => {
    const tree = makeTree();
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-check-cache-'));
    try {
      const fresh = loadCounty(tree.root, { env: {} });
      const first = new VillageCheckCache(dir, 'scope-1', contentDigests(tree.root).villages);
      const a = loadCounty(tree.root, { env: {}, cache: first });
      first.save();
      expect(first.misses).toBe(4);
      const second = new VillageCheckCache(dir, 'scope-1', contentDigests(tree.root).villages);
      const b = loadCounty(tree.root, { env: {}, cache: second });
      expect(second.hits).toBe(4);
      expect(second.misses).toBe(0);
      for (const r of [a, b]) {
        expect(plain(r.county!.villages)).toEqual(plain(fresh.county!.villages));
        expect(new Set(r.problems.map((p) => JSON.stringify(p)))).toEqual(new Set(fresh.problems.map((p) => JSON.stringify(p))));
      }
    } finally {
      tree.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('checks an edited village again and finds its new mistake', () => {
    const tree = makeTree();
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-check-cache-'));
    try {
      const warm = new VillageCheckCache(dir, 'scope-1', contentDigests(tree.root).villages);
      loadCounty(tree.root, { env: {}, cache: warm });
      warm.save();
      const ledger = join(tree.root, 'content/villages/maqu/finances/2025-q3.yaml');
      writeFileSync(ledger, readFileSync(ledger, 'utf8').replace('closingBalance: 296,163.98', 'closingBalance: 296,163.99'));
      const again = new VillageCheckCache(dir, 'scope-1', contentDigests(tree.root).villages);
      const r = loadCounty(tree.root, { env: {}, cache: again });
      expect(again.misses).toBe(1);
      expect(again.hits).toBe(3);
      expect(r.county).toBeUndefined();
      expect(r.problems.some((p) => p.code === 'ledger.closing' && p.file === 'content/villages/maqu/finances/2025-q3.yaml')).toBe(true);
    } finally {
      tree.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is not used for another site, as-of date or code version (another scope)', () => {
    const tree = makeTree();
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-check-cache-'));
    try {
      const one = new VillageCheckCache(dir, 'scope-1', contentDigests(tree.root).villages);
      loadCounty(tree.root, { env: {}, cache: one });
      one.save();
      const other = new VillageCheckCache(dir, 'scope-2', contentDigests(tree.root).villages);
      loadCounty(tree.root, { env: {}, cache: other });
      expect(other.hits).toBe(0);
      const before = contentDigests(tree.root);
      appendFileSync(join(tree.root, 'content/site.yaml'), '\n');
      const after = contentDigests(tree.root);
      expect(after.site).not.toBe(before.site);
      expect(after.villages).toEqual(before.villages);
    } finally {
      tree.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
