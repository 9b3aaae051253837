/**
 * The one way the build writes into its staging folder (src/build/staging-files.ts): a file there may be a hard link
 * to the release online (an incremental build's carry-over), and writing it must leave that release as it was.
 */
import { linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { replaceFile, replaceWithLink } from '../../src/build/staging-files.ts';

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** A release online with one file, and a staging folder holding a hard link to it. */
function linkedStaging(): { online: string; staged: string; folder: string } {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-staging-'));
  roots.push(root);
  mkdirSync(join(root, 'release'));
  mkdirSync(join(root, 'staging'));
  const online = join(root, 'release', 'county.json');
  writeFileSync(online, '{"asOf":"2025-11-20"}\n');
  const staged = join(root, 'staging', 'county.json');
  linkSync(online, staged);
  return { online, staged, folder: join(root, 'staging') };
}

describe('writing into the staging folder', () => {
  it('writes a carried-over file as a new file: the release online keeps its bytes and its modification time', () => {
    const { online, staged, folder } = linkedStaging();
    const before = statSync(online);
    replaceFile(staged, '{"asOf":"2025-11-21"}\n');
    expect(readFileSync(online, 'utf8')).toBe('{"asOf":"2025-11-20"}\n');
    expect(statSync(online).mtimeMs).toBe(before.mtimeMs);
    expect(statSync(online).nlink).toBe(1);
    expect(readFileSync(staged, 'utf8')).toBe('{"asOf":"2025-11-21"}\n');
    // No temporary name is left beside it.
    expect(readdirSync(folder)).toEqual(['county.json']);
  });

  it('links a cache file in place of a carried-over one without touching the release online', () => {
    const { online, staged, folder } = linkedStaging();
    const cached = join(folder, '..', 'cached.pdf');
    writeFileSync(cached, '%PDF-1.7 new');
    replaceWithLink(cached, staged);
    expect(readFileSync(online, 'utf8')).toBe('{"asOf":"2025-11-20"}\n');
    expect(statSync(staged).ino).toBe(statSync(cached).ino);
    expect(readdirSync(folder)).toEqual(['county.json']);
  });

  it('leaves nothing behind and the old file in place when the new one cannot be made', () => {
    const { online, staged, folder } = linkedStaging();
    expect(() => replaceWithLink(join(folder, 'missing.pdf'), staged)).toThrow();
    expect(readFileSync(staged, 'utf8')).toBe(readFileSync(online, 'utf8'));
    expect(readdirSync(folder)).toEqual(['county.json']);
  });
});
