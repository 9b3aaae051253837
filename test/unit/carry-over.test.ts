/**
 * An incremental build's carry-over: the published release's unchanged files reach the new release as hard links
 * (no bytes copied), a page this build wrote is never replaced by the old one, a village rendered again or removed
 * keeps none of its old files, and the published release is never written through a link. With `cp` or without it.
 * The folders linked aside while the pages render (`linkAhead`) go in whole, unless the build wrote into one after all;
 * a folder of the release replaced before whose files are still the published folder's own is moved, not linked again.
 */
import { cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { carryOver, linkAhead, placeAhead } from '../../src/build/carry-over.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-carry-over-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const put = (root: string, rel: string, text: string) => {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
};

const filesUnder = (root: string): string[] =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();

/** A published release and a staging folder where this build wrote the home page and one village (maqu). */
function twoReleases() {
  const published = join(dir, 'published');
  const staging = join(dir, 'staging');
  for (const rel of ['index.html', 'search/index.html', 'v/maqu/index.html', 'v/maqu/old/index.html', 'v/wenshui/index.html', 'v/gone/index.html'])
    put(published, rel, `old ${rel}`);
  for (let i = 0; i < 50; i += 1) put(published, `pagefind/fragment/f${i}.pf_fragment`, `fragment ${i}`);
  for (let i = 0; i < 20; i += 1) put(published, `v/wenshui/meetings/m${i}/index.html`, `meeting ${i}`);
  put(staging, 'index.html', 'new home');
  put(staging, 'v/maqu/index.html', 'new maqu');
  return { published, staging };
}

/** `withCp`: search/, pagefind/ and v/wenshui/ are linked whole by `cp` (their files not counted), else file by file. */
async function carryAndCheck(withCp: boolean) {
  const { published, staging } = twoReleases();
  const carried = await carryOver(published, staging, (top, id) => top === 'v' && (id === 'maqu' || id === 'gone'));
  expect(carried).toEqual(withCp ? { files: 0, folders: 3 } : { files: 1 + 50 + 1 + 20, folders: 0 });
  expect(filesUnder(staging)).toEqual(
    [
      'index.html',
      'search/index.html',
      'v/maqu/index.html',
      'v/wenshui/index.html',
      ...Array.from({ length: 20 }, (_, i) => `v/wenshui/meetings/m${i}/index.html`),
      ...Array.from({ length: 50 }, (_, i) => `pagefind/fragment/f${i}.pf_fragment`),
    ].sort(),
  );
  expect(readFileSync(join(staging, 'index.html'), 'utf8')).toBe('new home');
  expect(readFileSync(join(staging, 'v/maqu/index.html'), 'utf8')).toBe('new maqu');
  expect(readFileSync(join(published, 'index.html'), 'utf8')).toBe('old index.html');
  for (const rel of ['search/index.html', 'pagefind/fragment/f7.pf_fragment', 'v/wenshui/meetings/m3/index.html'])
    expect(statSync(join(staging, rel)).ino).toBe(statSync(join(published, rel)).ino);
}

describe('the carry-over of an incremental build', () => {
  it('links every unchanged file into the new release and leaves what this build wrote as it wrote it', async () => {
    await carryAndCheck(true);
  });

  it('carries no file of a removed village when this build rendered no village at all', async () => {
    const { published, staging } = twoReleases();
    rmSync(join(staging, 'v'), { recursive: true });
    // Its screen and its township's page, which had no other village, go with it; the screens' shared folder stays.
    for (const rel of ['kiosk/gone/index.html', 'kiosk/workbox-v7/workbox.js', 't/gonezhen/index.html', 't/tianchengzhen/index.html'])
      put(published, rel, `old ${rel}`);
    const carried = await carryOver(published, staging, (top, id) => ((top === 'v' || top === 'kiosk') && id === 'gone') || (top === 't' && id === 'gonezhen'));
    // search/, pagefind/, kiosk/, t/, v/maqu/ and v/wenshui/, each linked whole by cp.
    expect(carried).toEqual({ files: 0, folders: 6 });
    expect(filesUnder(join(staging, 'kiosk'))).toEqual(['workbox-v7/workbox.js']);
    expect(filesUnder(join(staging, 't'))).toEqual(['tianchengzhen/index.html']);
    expect(filesUnder(join(staging, 'v'))).toEqual(
      ['maqu/index.html', 'maqu/old/index.html', 'wenshui/index.html', ...Array.from({ length: 20 }, (_, i) => `wenshui/meetings/m${i}/index.html`)].sort(),
    );
  });

  it('does the same file by file where there is no cp', async () => {
    const path = process.env['PATH'];
    process.env['PATH'] = join(dir, 'no-programs-here');
    try {
      await carryAndCheck(false);
    } finally {
      process.env['PATH'] = path;
    }
  });

  it('moves the folders linked beside the pages in, and of one the build wrote into after all only what the build did not write', async () => {
    const { published, staging } = twoReleases();
    const aside = join(dir, 'aside');
    // Linked while the pages rendered: pagefind/, the unchanged wenshui, and maqu (which this build then rendered).
    const { folders: linked, renamed } = await linkAhead(published, aside, ['pagefind', 'v/wenshui', 'v/maqu', 'v/not-published']);
    expect(renamed).toBe(0);
    // Each linked whole by cp: their files are not counted.
    expect(new Map([...linked].sort())).toEqual(
      new Map([
        ['pagefind', undefined],
        ['v/maqu', undefined],
        ['v/wenshui', undefined],
      ]),
    );
    const placed = placeAhead(aside, staging, linked);
    expect([...placed.keys()].sort()).toEqual(['pagefind', 'v/maqu', 'v/wenshui']);
    // maqu's old page moved in beside the page this build wrote, which stays its own.
    expect(readdirSync(dir).sort()).toEqual(['published', 'staging']);
    const carried = await carryOver(published, staging, (top, id) => top === 'v' && id === 'gone', new Set(placed.keys()));
    // search/ alone: the placed folders are not walked again.
    expect(carried).toEqual({ files: 0, folders: 1 });
    expect(readFileSync(join(staging, 'v/maqu/index.html'), 'utf8')).toBe('new maqu');
    expect(readFileSync(join(staging, 'v/maqu/old/index.html'), 'utf8')).toBe('old v/maqu/old/index.html');
    expect(filesUnder(staging)).toEqual(
      [
        'index.html',
        'search/index.html',
        'v/maqu/index.html',
        'v/maqu/old/index.html',
        'v/wenshui/index.html',
        ...Array.from({ length: 20 }, (_, i) => `v/wenshui/meetings/m${i}/index.html`),
        ...Array.from({ length: 50 }, (_, i) => `pagefind/fragment/f${i}.pf_fragment`),
      ].sort(),
    );
    for (const rel of ['pagefind/fragment/f7.pf_fragment', 'v/wenshui/meetings/m3/index.html'])
      expect(statSync(join(staging, rel)).ino).toBe(statSync(join(published, rel)).ino);
  });

  it("keeps the published file where the build wrote a file with the same bytes into a folder linked beside the pages, and the build's own where they differ", async () => {
    const { published, staging } = twoReleases();
    put(published, 'v/wenshui/data/compliance-findings.csv', 'findings of the day before');
    put(published, 'v/wenshui/data/datapackage.json', 'descriptor of the day before');
    const aside = join(dir, 'aside');
    const { folders } = await linkAhead(published, aside, ['v/wenshui']);
    // A new day: the build wrote the village's dated data files again; the findings came out the same.
    put(staging, 'v/wenshui/data/compliance-findings.csv', 'findings of the day before');
    put(staging, 'v/wenshui/data/datapackage.json', 'descriptor of today');
    const before = statSync(join(published, 'v/wenshui/data/compliance-findings.csv'));
    const placed = placeAhead(aside, staging, folders);
    const findings = statSync(join(staging, 'v/wenshui/data/compliance-findings.csv'));
    expect(findings.ino).toBe(before.ino);
    expect(findings.mtimeMs).toBe(before.mtimeMs);
    expect(readFileSync(join(staging, 'v/wenshui/data/datapackage.json'), 'utf8')).toBe('descriptor of today');
    expect(statSync(join(staging, 'v/wenshui/data/datapackage.json')).ino).not.toBe(statSync(join(published, 'v/wenshui/data/datapackage.json')).ino);
    expect(readFileSync(join(published, 'v/wenshui/data/datapackage.json'), 'utf8')).toBe('descriptor of the day before');
    // Every file of the folder but the descriptor is the published one.
    expect(placed.has('v/wenshui')).toBe(true);
    const own = filesUnder(join(staging, 'v/wenshui')).filter(
      (rel) => statSync(join(staging, 'v/wenshui', rel)).ino !== statSync(join(published, 'v/wenshui', rel)).ino,
    );
    expect(own).toEqual(['data/datapackage.json']);
    expect(filesUnder(join(staging, 'v/wenshui'))).toHaveLength(21 + 2);
  });

  /** The release replaced before `published`, as the last build left it: `published`'s files linked (none copied). */
  const spareOf = (published: string) => {
    const spare = join(dir, 'spare');
    cpSync(published, spare, { recursive: true });
    for (const rel of filesUnder(published)) {
      rmSync(join(spare, rel));
      linkSync(join(published, rel), join(spare, rel));
    }
    return spare;
  };

  it("moves in a village's folders of the release replaced before whose files are still the published ones, and links the others", async () => {
    const { published, staging } = twoReleases();
    const spare = spareOf(published);
    // Since then the last build wrote wenshui's board again (a new file), and a meeting page of its own went.
    rmSync(join(spare, 'v/wenshui/index.html'));
    writeFileSync(join(spare, 'v/wenshui/index.html'), 'old v/wenshui/index.html');
    rmSync(join(spare, 'pagefind/fragment/f3.pf_fragment'));
    const aside = join(dir, 'aside');
    const { folders, renamed } = await linkAhead(published, aside, ['pagefind', 'v/wenshui', 'v/gone', 'search'], spare);
    // v/gone and wenshui's meetings folder; wenshui's board (its folder differs), search/ and pagefind/ (not a village's) are linked.
    expect(renamed).toBe(2);
    expect(new Map([...folders].sort())).toEqual(
      new Map([
        ['pagefind', undefined],
        ['search', undefined],
        ['v/gone', 1],
        ['v/wenshui', 21],
      ]),
    );
    // Moved out of the spare release: v/gone and wenshui's meetings; wenshui's board differs there, and stays.
    expect(existsSync(join(spare, 'v/gone'))).toBe(false);
    expect(existsSync(join(spare, 'search/index.html'))).toBe(true);
    expect(existsSync(join(spare, 'v/wenshui/meetings'))).toBe(false);
    expect(readFileSync(join(spare, 'v/wenshui/index.html'), 'utf8')).toBe('old v/wenshui/index.html');
    placeAhead(aside, staging, folders);
    // Every file in the staging folder is the published release's own (a hard link), whichever way it came.
    for (const rel of [
      'v/gone/index.html',
      'search/index.html',
      'v/wenshui/index.html',
      'v/wenshui/meetings/m3/index.html',
      'pagefind/fragment/f3.pf_fragment',
    ])
      expect(statSync(join(staging, rel)).ino, rel).toBe(statSync(join(published, rel)).ino);
    expect(filesUnder(join(staging, 'pagefind'))).toHaveLength(50);
  });

  it('leaves behind a page the release replaced before has and the published one lacks, and takes the rest', async () => {
    const { published } = twoReleases();
    const spare = spareOf(published);
    put(spare, 'v/wenshui/meetings/m99/index.html', 'a page the last build dropped');
    const aside = join(dir, 'aside');
    const { folders, renamed } = await linkAhead(published, aside, ['v/wenshui'], spare);
    // The meetings folder differs: each of its 20 pages' folders is taken alone.
    expect(renamed).toBe(20);
    expect(folders.get('v/wenshui')).toBe(21);
    expect(filesUnder(join(aside, 'v/wenshui'))).not.toContain('meetings/m99/index.html');
    expect(existsSync(join(spare, 'v/wenshui/meetings/m99/index.html'))).toBe(true);
  });
});
