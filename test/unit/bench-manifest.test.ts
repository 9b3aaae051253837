/**
 * The benchmark's page manifest (bench/lib/manifest.ts), which the floor, the reference Astro build and
 * Hugo read: a page per line, so a 1,000-village county's 80,000 pages of text never have to fit in one
 * string, and every page comes back as it was written wherever the reader's pieces happen to end.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { manifestWriter, readManifest, type ManifestPage } from '../../bench/lib/manifest.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const pages: ManifestPage[] = [
  { path: '', title: '某县村务公开', text: '首页 各村 公开栏' },
  { path: 'v/maqu/finances/2025-q3', title: '马曲村 2025年第三季度财务公开', text: '收入 1,846.00 元\n支出 "修路" 8,500.00 元 \\ 结余' },
  { path: 'v/dongguan/notices/dibao', title: '低保公示', text: '😀 多字节字符跨过读取边界也不会被截断'.repeat(40) },
];

function written(): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-manifest-'));
  dirs.push(dir);
  const file = join(dir, 'manifest.jsonl');
  const out = manifestWriter(file);
  for (const p of pages) out.add(p);
  out.close();
  return file;
}

describe('the benchmark page manifest', () => {
  it('holds one page per line, newlines inside a page escaped', () => {
    const lines = readFileSync(written(), 'utf8').split('\n');
    expect(lines).toHaveLength(pages.length + 1);
    expect(lines.at(-1)).toBe('');
  });

  it('gives every page back in order, whatever size the pieces it is read in', () => {
    const file = written();
    for (const chunk of [1, 2, 3, 7, 64, 1000, 1 << 24]) expect([...readManifest(file, chunk)], `pieces of ${chunk} B`).toEqual(pages);
  });
});
