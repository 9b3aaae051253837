/**
 * The benchmark's deploy figures (bench/lib/deploy.ts): what a county's site holds, its posters and
 * private posters counted apart, and each host's limits checked, so the README's host figures come
 * from the run and not from a hand count.
 */
import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { measureDeployFigures } from '../../bench/lib/deploy.ts';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

function site(files: Record<string, string | number>): string {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-bench-deploy-'));
  roots.push(root);
  for (const [path, body] of Object.entries(files)) {
    const abs = join(root, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, typeof body === 'string' ? body : '');
    if (typeof body === 'number') truncateSync(abs, body);
  }
  return root;
}

describe('deploy figures of a benchmark run', () => {
  it('counts the poster files and their bytes apart from the pages, and the private posters beside the site', () => {
    const root = site({
      'dist/index.html': '<p>县</p>',
      'dist/v/maqu/index.html': '<p>村</p>',
      'dist/v/maqu/posters/index.html': '<p>海报</p>',
      'dist/v/maqu/posters/finance-2025-q4-a4.pdf': 1000,
      'dist/v/maqu/posters/finance-2025-q4-a4-preview.png': 500,
      'private-posters/maqu/dibao-a4.pdf': 700,
    });
    const d = measureDeployFigures(join(root, 'dist'), join(root, 'private-posters'));
    expect(d.files).toBe(5);
    expect(d.posters).toEqual({ files: 2, bytes: 1500 });
    expect(d.privatePosters).toEqual({ files: 1, bytes: 700 });
    expect(d.hosts['cloudflare-pages-free'].problems).toEqual([]);
    expect(d.hosts['gitlab-pages'].entries).toBe(5 + d.directories);
  });

  it('says which host a site breaks, by name of the limit, and that nginx takes it', () => {
    const root = site({ 'dist/index.html': '<p>县</p>', 'dist/data/ledger-entries.csv': 26 * 1024 * 1024 });
    const d = measureDeployFigures(join(root, 'dist'), join(root, 'private-posters'));
    expect(d.hosts['cloudflare-pages-free'].problems.join()).toContain('data/ledger-entries.csv');
    expect(d.hosts.nginx.problems).toEqual([]);
    expect(d.privatePosters).toEqual({ files: 0, bytes: 0 });
  });

  it('names every file over a host’s per-file cap, largest first, not only the largest', () => {
    const MiB = 1024 * 1024;
    const root = site({
      'dist/index.html': '<p>县</p>',
      'dist/data/ledger-entries-2024.csv': 26 * MiB,
      'dist/data/ledger-entries-2025.csv': 30 * MiB,
      'dist/v/maqu/posters/all-2025-q3-a3.pdf': 25 * MiB,
    });
    const d = measureDeployFigures(join(root, 'dist'), join(root, 'private-posters'));
    expect(d.hosts['cloudflare-pages-free'].problems).toEqual([
      '文件 data/ledger-entries-2025.csv 30.0 MiB > 单文件上限 file cap 25 MiB',
      '文件 data/ledger-entries-2024.csv 26.0 MiB > 单文件上限 file cap 25 MiB',
    ]);
  });
});
