/**
 * The content digests a build keeps for the next: a one-village update reads only that village's new
 * files, and no edit, however it keeps the file's size and modification time, goes unnoticed (a cached
 * check or page built from the old bytes would publish them).
 */
import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentDigests, settleContentDigests, SETTLED_MS, type DigestCache } from '../../src/check/digest.ts';
import { makeTree } from '../helpers/fixture-tree.ts';

/** A cache whose clock reads `later` ms ahead of the real one: files written now count as long settled. */
const cacheIn = (root: string, later = 0): DigestCache => ({ file: join(root, '.gongkai-build', 'content-digests'), now: () => Date.now() + later });
const settled = SETTLED_MS + 60_000;
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));
const digestsOnly = ({ filesRead: _read, unsettled: _unsettled, ...rest }: ReturnType<typeof contentDigests>) => rest;

describe('the content digest cache', () => {
  it('gives the same digests as reading every file, and reads only the files that changed', () => {
    const tree = makeTree();
    try {
      const cache = cacheIn(tree.root, settled);
      const first = contentDigests(tree.root, cache);
      expect(first.filesRead).toBeGreaterThan(20);
      const again = contentDigests(tree.root, cache);
      expect(again.filesRead).toBe(0);
      expect(digestsOnly(again)).toEqual(digestsOnly(contentDigests(tree.root)));
      const file = join(tree.root, 'content/villages/maqu/notices/2025-12-01-new.md');
      writeFileSync(file, readFileSync(join(tree.root, 'content/villages/maqu/village.yaml')));
      const updated = contentDigests(tree.root, cache);
      expect(updated.filesRead).toBe(1);
      expect(updated.villages['maqu']).not.toBe(first.villages['maqu']);
      expect(updated.villages['wenshui']).toBe(first.villages['wenshui']);
      expect(digestsOnly(updated)).toEqual(digestsOnly(contentDigests(tree.root)));
    } finally {
      tree.cleanup();
    }
  });

  it('notices a file rewritten with the same size and its old modification time set back', async () => {
    const tree = makeTree();
    try {
      const cache = cacheIn(tree.root, settled);
      const file = join(tree.root, 'content/villages/maqu/village.yaml');
      // A whole second, which utimes(2) sets back exactly.
      const mtime = new Date(Math.floor(Date.now() / 1000) * 1000 - 5000);
      utimesSync(file, mtime, mtime);
      const before = contentDigests(tree.root, cache);
      const { size } = statSync(file);
      // Past the kernel's coarse clock tick, so the rewrite gets another change time.
      await pause(50);
      const text = readFileSync(file, 'utf8');
      const edited = text.replace(/\d(?=\D*$)/, (d) => String((Number(d) + 1) % 10));
      expect(edited).not.toBe(text);
      writeFileSync(file, edited);
      utimesSync(file, mtime, mtime);
      expect(statSync(file).size).toBe(size);
      expect(statSync(file).mtimeMs).toBe(mtime.getTime());
      const after = contentDigests(tree.root, cache);
      expect(after.filesRead).toBe(1);
      expect(after.villages['maqu']).not.toBe(before.villages['maqu']);
      expect(after.villages['maqu']).toBe(contentDigests(tree.root).villages['maqu']);
    } finally {
      tree.cleanup();
    }
  });

  it('reads a file again while it was written too recently to trust its times (racy clean)', () => {
    const tree = makeTree();
    try {
      // The real clock: every file of the fresh tree was written within the last moments.
      const cache = cacheIn(tree.root);
      const first = contentDigests(tree.root, cache);
      expect(contentDigests(tree.root, cache).filesRead).toBe(first.filesRead);
    } finally {
      tree.cleanup();
    }
  });

  it('trusts files read before they settled once a finished build has read them again, unchanged, after they settled', async () => {
    const tree = makeTree();
    try {
      // The real clock: the fresh tree's files were written moments ago, as a generated or copied county's before its first build.
      const cache = cacheIn(tree.root);
      const first = contentDigests(tree.root, cache);
      expect(first.unsettled).toBe(first.filesRead);
      // Not settled yet by the real clock: nothing is read again.
      expect(settleContentDigests(tree.root, cache)).toBe(0);
      // One file is written again after the build read it (past the kernel's coarse clock tick, so its change time moves).
      await pause(50);
      const edited = join(tree.root, 'content/villages/wenshui/village.yaml');
      writeFileSync(edited, `${readFileSync(edited, 'utf8')}\n`);
      // The end of the build, once the files have settled (a clock ahead): every file read again but the one written since.
      expect(settleContentDigests(tree.root, cacheIn(tree.root, settled))).toBe(first.filesRead - 1);
      const next = contentDigests(tree.root, cache);
      expect(next.filesRead).toBe(1);
      expect(next.villages['wenshui']).not.toBe(first.villages['wenshui']);
      expect(digestsOnly(next)).toEqual(digestsOnly(contentDigests(tree.root)));
    } finally {
      tree.cleanup();
    }
  });

  it('reads every file again when the cache is damaged or the build asks for it (--full)', () => {
    const tree = makeTree();
    try {
      const cache = cacheIn(tree.root, settled);
      const all = contentDigests(tree.root, cache).filesRead;
      expect(contentDigests(tree.root, { ...cache, reuse: false }).filesRead).toBe(all);
      const bytes = readFileSync(cache.file);
      bytes.writeUInt8(bytes.readUInt8(bytes.length - 10) ^ 1, bytes.length - 10);
      writeFileSync(cache.file, bytes);
      expect(contentDigests(tree.root, cache).filesRead).toBe(all);
      expect(contentDigests(tree.root, cache).filesRead).toBe(0);
      rmSync(cache.file);
      expect(contentDigests(tree.root, cache).filesRead).toBe(all);
    } finally {
      tree.cleanup();
    }
  });
});
