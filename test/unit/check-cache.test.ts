/**
 * Reusing checked villages between builds changes nothing a clerk or a villager sees: the problems
 * and records are those of a fresh check, and an edited village is checked again.
 */
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCounty } from '../../bench/gen/county.ts';
import { VillageCheckCache } from '../../src/check/check-cache.ts';
import { contentDigests } from '../../src/check/digest.ts';
import { loadCountyInParallel } from '../../src/check/load-workers.ts';
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

  it('is not used for another site or code version (another scope)', () => {
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

  it('keeps the records that failed their own checks, so references to them are still not reported as missing', () => {
    const tree = makeTree();
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-check-cache-'));
    try {
      const ledger = join(tree.root, 'content/villages/maqu/finances/2025-q3.yaml');
      writeFileSync(ledger, readFileSync(ledger, 'utf8').replace('closingBalance: 296,163.98', 'closingBalance: 二十九万'));
      const fresh = loadCounty(tree.root, { env: {} });
      const first = new VillageCheckCache(dir, 'scope-1', contentDigests(tree.root).villages);
      loadCounty(tree.root, { env: {}, cache: first });
      first.save();
      const second = new VillageCheckCache(dir, 'scope-1', contentDigests(tree.root).villages);
      const cached = loadCounty(tree.root, { env: {}, cache: second });
      expect(second.hits).toBe(4);
      const maqu = cached.partial!.villages.find((v) => v.id === 'maqu')!;
      expect(maqu.unreadable).toBeInstanceOf(Set);
      expect([...maqu.unreadable]).toEqual(['finances/2025-q3']);
      expect(cached.partial!.villages).toStrictEqual(fresh.partial!.villages);
    } finally {
      tree.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * The cache is not tied to a day: a county checked on one day and checked again on another from the
 * cache gives, in the same order, every problem and record a fresh check on that other day gives,
 * though the date's own findings (overdue quarters, posting deadlines, dates in the future) differ.
 */
describe('the village check cache on another day', () => {
  const sameAsFreshOnEachDay = async (root: string, days: readonly string[]) => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-check-cache-'));
    try {
      const warm = new VillageCheckCache(dir, 'scope-1', contentDigests(root).villages);
      loadCounty(root, { env: { GONGKAI_AS_OF: days[0] }, cache: warm });
      warm.save();
      const seen = new Set<string>();
      for (const day of days.slice(1)) {
        const env = { GONGKAI_AS_OF: day };
        const fresh = loadCounty(root, { env });
        const cache = new VillageCheckCache(dir, 'scope-1', contentDigests(root).villages);
        const cached = loadCounty(root, { env, cache });
        const parallel = await loadCountyInParallel(root, {
          env,
          cache: new VillageCheckCache(dir, 'scope-1', contentDigests(root).villages),
          threads: 2,
          inThreadMax: 0,
        });
        expect(cache.misses).toBe(0);
        // The lines of warnings new on this day are remembered for the next day's check.
        cache.save();
        expect(cached.problems).toStrictEqual(fresh.problems);
        expect(parallel.problems).toStrictEqual(fresh.problems);
        expect(cached.partial).toStrictEqual(fresh.partial);
        expect(cached.partial!.asOf).toBe(day);
        seen.add(JSON.stringify(fresh.problems));
      }
      // The days chosen do give different findings, so the cache was tested against the date.
      expect(seen.size).toBe(days.length - 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('gives the fresh check of that day on the demo county', async () => {
    const tree = makeTree();
    try {
      await sameAsFreshOnEachDay(tree.root, ['2025-11-20', '2025-08-01', '2025-11-21', '2026-02-20', '2026-03-16']);
    } finally {
      tree.cleanup();
    }
  });

  it('gives the fresh check of that day on a generated county', async () => {
    const root = mkdtempSync(join(tmpdir(), 'gongkai-check-cache-gen-'));
    try {
      for (const f of generateCounty({ villages: 4, quarters: 4, seed: 3 }).files) {
        mkdirSync(dirname(join(root, f.path)), { recursive: true });
        writeFileSync(join(root, f.path), f.text);
      }
      await sameAsFreshOnEachDay(root, ['2026-01-20', '2025-12-20', '2026-01-21', '2026-04-30']);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
