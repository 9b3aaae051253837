/**
 * Checking the villages on every core changes nothing a clerk or a villager sees: the records, the
 * problems, their order and their lines are those of the check on one thread, for good content, for
 * content with every kind of broken file, for a broken site.yaml and with the check cache.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VillageCheckCache } from '../../src/check/check-cache.ts';
import { contentDigests } from '../../src/check/digest.ts';
import { formatProblems } from '../../src/check/format.ts';
import { loadCounty } from '../../src/check/load.ts';
import { loadCountyInParallel } from '../../src/check/load-workers.ts';
import { placeHostileCases } from '../helpers/hostile.ts';
import { makeTree, ROOT } from '../helpers/fixture-tree.ts';

/** Always on this thread and a child process, however few villages: what a 300-village county gets. */
const onThreads = (root: string) => loadCountyInParallel(root, { env: {}, threads: 2, inThreadMax: 0 });

describe('the check on every core', () => {
  it('gives the demo county with the same records and the same warnings, in the same order, as on one thread', async () => {
    const one = loadCounty(ROOT, { env: {} });
    const many = await onThreads(ROOT);
    expect(many.county).toBeDefined();
    expect(many.county).toEqual(one.county);
    expect(many.problems).toEqual(one.problems);
    expect(formatProblems(many.problems)).toBe(formatProblems(one.problems));
  });

  it('refuses hostile and broken files with the same messages and lines, and still checks the other villages', async () => {
    const tree = makeTree();
    const outside = mkdtempSync(join(tmpdir(), 'gongkai-outside-'));
    try {
      const content = join(tree.root, 'content');
      placeHostileCases(tree.root);
      const ledger = join(content, 'villages/dongguan/finances/2025-q3.yaml');
      const aliases = (n: number) => Array<string>(10).fill(`*a${n}`).join(', ');
      writeFileSync(ledger, `a0: &a0 [x]\na1: &a1 [${aliases(0)}]\na2: &a2 [${aliases(1)}]\na3: [${aliases(2)}]\n${readFileSync(ledger, 'utf8')}`);
      writeFileSync(join(content, 'villages/wenshui/finances/2025-q2.yaml'), `openingBalance: 0\n# ${'x'.repeat(3 * 1024 * 1024)}\n`);
      writeFileSync(join(content, 'villages/dongxing/village.yaml'), Buffer.from([0xc4, 0xe3, 0xba, 0xc3]));
      writeFileSync(join(outside, 'secret.yaml'), 'openingBalance: 1\n');
      symlinkSync(join(outside, 'secret.yaml'), join(content, 'villages/maqu/finances/2024-q4.yaml'));
      execFileSync('mkfifo', [join(content, 'villages/maqu/notices/2025-01-01-pipe.md')]);
      mkdirSync(join(content, 'villages/Bad_Name'));
      mkdirSync(join(content, 'villages/no-yaml'));
      writeFileSync(join(content, 'villages/a-file'), 'not a folder');
      symlinkSync(outside, join(content, 'villages/linked'));
      const one = loadCounty(tree.root, { env: {} });
      const many = await onThreads(tree.root);
      const codes = new Set(one.problems.map((p) => p.code));
      for (const code of ['file.yaml-aliases', 'file.too-large', 'file.encoding', 'file.symlink-outside', 'file.unexpected', 'file.name', 'file.missing'])
        expect(codes, code).toContain(code);
      expect(many.problems).toEqual(one.problems);
      expect(many.partial).toEqual(one.partial);
      expect(many.county).toBeUndefined();
    } finally {
      tree.cleanup();
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('still reads every village and names its problems when site.yaml itself is broken', async () => {
    const tree = makeTree();
    try {
      const site = join(tree.root, 'content/site.yaml');
      writeFileSync(site, readFileSync(site, 'utf8').replace(/^profile: .*$/m, 'profile: atlantis'));
      const ledger = join(tree.root, 'content/villages/maqu/finances/2025-q3.yaml');
      writeFileSync(ledger, readFileSync(ledger, 'utf8').replace(/^openingBalance: .*$/m, 'openingBalance: lots'));
      const one = loadCounty(tree.root, { env: {} });
      const many = await onThreads(tree.root);
      expect(one.problems.map((p) => p.code)).toContain('site.profile');
      expect(many.problems).toEqual(one.problems);
      expect(many.partial).toBeUndefined();
    } finally {
      tree.cleanup();
    }
  });

  it('gives the same county from the check cache on the next run, and checks an edited village again', async () => {
    const tree = makeTree();
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-check-cache-'));
    try {
      const one = loadCounty(tree.root, { env: {} });
      const first = new VillageCheckCache(dir, 'scope', contentDigests(tree.root).villages);
      expect((await loadCountyInParallel(tree.root, { env: {}, threads: 2, inThreadMax: 0, cache: first })).problems).toEqual(one.problems);
      first.save();
      const ledger = join(tree.root, 'content/villages/maqu/finances/2025-q3.yaml');
      writeFileSync(ledger, readFileSync(ledger, 'utf8').replace('closingBalance: 296,163.98', 'closingBalance: 296,163.99'));
      const edited = loadCounty(tree.root, { env: {} });
      const second = new VillageCheckCache(dir, 'scope', contentDigests(tree.root).villages);
      const again = await loadCountyInParallel(tree.root, { env: {}, threads: 2, inThreadMax: 0, cache: second });
      expect(second.hits).toBe(3);
      expect(second.misses).toBe(1);
      expect(again.problems).toEqual(edited.problems);
      expect(again.problems.some((p) => p.code === 'ledger.closing')).toBe(true);
    } finally {
      tree.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('checks villages in a child process that has exited, and given its memory back, when the check returns', async () => {
    /** This process's children that run the check (by their command line). */
    const checkers = () =>
      readdirSync('/proc')
        .filter((name) => /^\d+$/.test(name))
        .filter((pid) => {
          try {
            const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
            return (
              Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid &&
              readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('village-worker.ts')
            );
          } catch {
            return false;
          }
        });
    const seen = new Set<string>();
    const watch = setInterval(() => checkers().forEach((pid) => seen.add(pid)), 5);
    try {
      const many = await onThreads(ROOT);
      expect(many.county).toBeDefined();
    } finally {
      clearInterval(watch);
    }
    expect(seen.size).toBe(1);
    expect(checkers()).toEqual([]);
  });
});
