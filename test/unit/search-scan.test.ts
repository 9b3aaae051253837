/**
 * Which files the search step reads when it walks the output for pages (src/integrations/search-index.ts). In an
 * incremental build it walks the output while the kiosk step, beside it, removes the screens' Workbox library and copies
 * it again: the walk never enters that folder (nor the index's own), so it cannot trip over files that vanish under it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { htmlFiles } from '../../src/integrations/search-index.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function site(files: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-scan-'));
  dirs.push(dir);
  for (const f of files) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), '<!doctype html>');
  }
  return dir;
}

describe('the search step walking the output for pages', () => {
  it('reads every page but none in the Workbox library or the search index, and none of a village left out', () => {
    const dir = site([
      'index.html',
      'v/maqu/index.html',
      'v/maqu/finances/2025-q3/index.html',
      'v/dongguan/index.html',
      'kiosk/maqu/index.html',
      'kiosk/workbox-v7.4.1/offline.html',
      'pagefind/bundle-1/fragment.html',
    ]);
    const found = htmlFiles(dir, (rel) => rel === 'v/dongguan').map((f) => relative(dir, f));
    expect(found).toEqual(['index.html', 'kiosk/maqu/index.html', 'v/maqu/finances/2025-q3/index.html', 'v/maqu/index.html']);
  });
});
