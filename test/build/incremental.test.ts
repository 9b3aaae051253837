/**
 * An incremental build (one village's quarterly update) gives exactly the files a full build of the
 * same content gives, while rendering only that village's pages and the county home, also in a copy
 * of the county folder (with its output and .gongkai-build/); a change to site.yaml builds everything again.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCacheFile, writeCacheFile } from '../../src/check/cache-file.ts';
import { ensureDemoDist } from '../helpers/dist.ts';
import { makeTree, ROOT } from '../helpers/fixture-tree.ts';
import { inlineHashes, policyHashes } from '../helpers/page-policy.ts';
import { addProjectCode } from '../helpers/project-tree.ts';
import { digestTree as digest, listFiles as files } from '../helpers/tree-digest.ts';

// A project of its own (tree.root/scripts/build.ts), so its builds never touch this checkout's folders.
const tree = makeTree();
const buildScript = addProjectCode(tree.root);
const build = (...args: string[]) => buildIn(tree.root, ...args);
/** Builds the county folder `root` (the tree or a copy of it) with the tree's code. */
const buildIn = (root: string, ...args: string[]) => {
  const run = spawnSync(process.execPath, [buildScript, '--root', root, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, GONGKAI_AS_OF: '' },
  });
  expect(run.status, run.stdout + run.stderr).toBe(0);
  return run.stdout;
};
const villages = join(tree.root, 'content/villages');

let incremental = '';
/** A copy of the county folder (`cp -a`, with its output, .gongkai-build/ and caches) made before the incremental build, and its own incremental build. */
const copied = `${tree.root}-copy`;
let copiedIncremental = '';
/** `cp -a` of a county folder, as a user or the bench copies one. */
const copyCounty = (from: string, to: string) => {
  rmSync(to, { recursive: true, force: true });
  const run = spawnSync('cp', ['-a', from, to], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
};
/** The villages' open-data parts kept between builds (src/data/opendata-parts.ts). */
const PARTS = '.gongkai-build/opendata-parts';
/** Each kept part's file and modification time, by village/kind. */
const listParts = () =>
  Object.fromEntries(
    (existsSync(join(tree.root, PARTS)) ? files(join(tree.root, PARTS)) : []).map((f) => [
      relative(join(tree.root, PARTS), f)
        .replace(/-[0-9a-f]+\.(json|xlsx|part)$/, '')
        .replace(/-[0-9a-f]+\.(xml|rows\.json)$/, '.$1'),
      `${relative(join(tree.root, PARTS), f)} ${statSync(f).mtimeMs}`,
    ]),
  );
/**
 * Holds the files of the release `dir` by hard links in a folder of its own (the build removes the replaced release)
 * and what each one's inode holds: its bytes' hash and modification time, which a write through any hard link to it
 * changes, even with the same bytes. `changed()`: the files written through since.
 */
const holdRelease = (dir: string, name: string) => {
  const held = `${tree.root}-held-${name}`;
  rmSync(held, { recursive: true, force: true });
  const run = spawnSync('cp', ['-al', realpathSync(dir), held], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  const state = () =>
    Object.fromEntries(files(held).map((f) => [relative(held, f), `${createHash('sha256').update(readFileSync(f)).digest('hex')} ${statSync(f).mtimeMs}`]));
  const before = state();
  return {
    files: Object.keys(before).length,
    changed: () => {
      const after = state();
      rmSync(held, { recursive: true, force: true });
      return Object.keys(before).filter((f) => after[f] !== before[f]);
    },
  };
};
/** The files of the release online before the incremental build that it wrote through (none). */
let writtenThrough: string[] = [];
let heldFiles = 0;
let partsBefore: Record<string, string> = {};
let partsAfter: Record<string, string> = {};
/** Each file of the output before the incremental build, by its inode. */
let inodesBefore: Record<string, number> = {};
beforeAll(() => {
  // The previous build is this run's shared demo build of the same content, copied in with what a
  // build leaves beside its output: the poster cache, the publication log and the last-build record
  // (moved to the copy's folder). If the copy did not pass for a previous build, the next build would
  // be a full one and the first test below fails.
  const { dist: demo } = ensureDemoDist();
  for (const dir of ['.gongkai-cache', 'log', PARTS]) if (existsSync(join(ROOT, dir))) cpSync(join(ROOT, dir), join(tree.root, dir), { recursive: true });
  partsBefore = listParts();
  const dist = join(tree.root, 'dist');
  cpSync(demo, dist, { recursive: true, dereference: true });
  // The record names an output inside its county folder by its path there (the demo's: .gongkai-build/test-run-<pid>/dist).
  const lastBuild = (out: string, root: string) =>
    join(root, '.gongkai-build', `last-build-${createHash('sha256').update(out).digest('hex').slice(0, 12)}.json`);
  // A self-checking cache file (src/check/cache-file.ts) keyed by the output folder: read for the demo's, written for the copy's.
  const spec = (out: string) => ({ kind: 'last-build', version: 2, key: out });
  const demoOut = relative(ROOT, demo);
  const record = JSON.parse(readCacheFile(lastBuild(demoOut, ROOT), spec(demoOut))!.toString('utf8')) as { out: string };
  // The demo's county.json, copied with its output, is what the record names the output by.
  writeCacheFile(lastBuild('dist', tree.root), spec('dist'), JSON.stringify({ ...record, out: dist }));
  inodesBefore = Object.fromEntries(files(dist).map((f) => [relative(dist, f), statSync(f).ino]));
  // maqu edits a meeting's minutes; dongxing posts a new 公示.
  const minutes = join(villages, 'maqu/meetings/2025-07-04-lianxi.md');
  writeFileSync(minutes, readFileSync(minutes, 'utf8').replace('一致同意于7月8日', '经逐项核对，一致同意于7月8日'));
  const notice = readFileSync(join(villages, 'dongxing/notices/2025-09-08-zhaijidi.md'), 'utf8');
  writeFileSync(
    join(villages, 'dongxing/notices/2025-11-18-zhaijidi.md'),
    notice
      .replace('startDate: 2025-09-08', 'startDate: 2025-11-18')
      .replace('第三批', '第四批')
      .replace('unpublishAfter: 2026-03-15', 'unpublishAfter: 2026-05-15'),
  );
  copyCounty(tree.root, copied);
  const online = holdRelease(dist, 'incremental');
  incremental = build();
  heldFiles = online.files;
  writtenThrough = online.changed();
  partsAfter = listParts();
  copiedIncremental = buildIn(copied);
  // The full build makes every village's open-data part afresh: the incremental build's reused parts are compared with new ones.
  rmSync(join(tree.root, PARTS), { recursive: true, force: true });
  build('--out', join(tree.root, 'full'), '--full');
}, 900_000);

afterAll(() => {
  tree.cleanup();
  for (const dir of [copied, `${tree.root}-copy-2`, `${tree.root}-held-incremental`, `${tree.root}-held-new-day`])
    rmSync(dir, { recursive: true, force: true });
});

describe('an incremental build', () => {
  it("renders only the changed villages' pages and the county-wide pages (home, search, compliance)", () => {
    expect(incremental).toContain('Incremental build: 2 village(s) changed');
    expect(incremental).toMatch(/\b(\d+) page\(s\) built/);
    const pages = Number(/(\d+) page\(s\) built/.exec(incremental)![1]);
    const dist = join(tree.root, 'dist');
    const html = (dir: string) => files(join(dist, dir)).filter((f) => f.endsWith('.html')).length;
    // Pages that belong to no village (home, search, compliance) list every village: always rendered.
    const countyWide = files(dist).filter((f) => f.endsWith('index.html') && !/^(v|kiosk)\//.test(relative(dist, f))).length;
    expect(countyWide).toBeGreaterThanOrEqual(3);
    const changedPages = html('v/maqu') + html('v/dongxing') + html('kiosk/maqu') + html('kiosk/dongxing') + countyWide;
    expect(pages).toBe(changedPages);
  });

  it("spends nothing on Vite's dependency optimizer, whose bundles no build loads (full or incremental)", () => {
    // Astro's content sync starts a Vite dev server whose optimizer would bundle the dev toolbar into <cacheDir>/vite-sync/.
    for (const cache of ['.astro-cache', '.gongkai-build/astro-cache-incremental']) {
      expect(existsSync(join(tree.root, cache)), cache).toBe(true);
      expect(existsSync(join(tree.root, cache, 'vite-sync', 'deps')), cache).toBe(false);
    }
  });

  it('gives byte-identical output to a full build of the same content', () => {
    const inc = digest(join(tree.root, 'dist'));
    const full = digest(join(tree.root, 'full'));
    expect(Object.keys(inc).sort()).toEqual(Object.keys(full).sort());
    expect(inc).toEqual(full);
    expect(Object.keys(inc)).toContain('v/dongxing/notices/2025-11-18-zhaijidi/index.html');
  });

  it("gives every page, rendered again or carried over, a policy with only its own inline styles' and scripts' hashes", () => {
    const dist = join(tree.root, 'dist');
    const pages = files(dist).filter((f) => f.endsWith('.html'));
    const carried = new Set(pages.filter((f) => statSync(f).ino === inodesBefore[relative(dist, f)]).map((f) => relative(dist, f)));
    expect(carried).toContain('v/wenshui/index.html');
    expect(carried).not.toContain('v/dongxing/index.html');
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      expect(policyHashes(html), relative(dist, file)).toEqual(inlineHashes(html));
    }
  });

  it('builds a copy of the county folder (cp -a, with its output and .gongkai-build/) incrementally too, byte-identical to a full build', () => {
    expect(copiedIncremental).toContain('Incremental build: 2 village(s) changed');
    expect(digest(join(copied, 'dist'))).toEqual(digest(join(tree.root, 'full')));
  });

  it("makes the open-data parts of the changed villages again and reads back every other village's", () => {
    expect(Object.keys(partsBefore).sort()).toEqual([
      'county',
      'county-entries.sheet',
      'county-feed',
      'county-feed.xml',
      'dongguan/dated',
      'dongguan/feed',
      'dongguan/rows',
      'dongguan/rows.rows.json',
      'dongguan/search',
      'dongguan/xlsx',
      'dongxing/dated',
      'dongxing/feed',
      'dongxing/rows',
      'dongxing/rows.rows.json',
      'dongxing/search',
      'dongxing/xlsx',
      'maqu/dated',
      'maqu/feed',
      'maqu/rows',
      'maqu/rows.rows.json',
      'maqu/search',
      'maqu/xlsx',
      'wenshui/dated',
      'wenshui/feed',
      'wenshui/rows',
      'wenshui/rows.rows.json',
      'wenshui/search',
      'wenshui/xlsx',
    ]);
    expect(Object.keys(partsAfter).sort()).toEqual(Object.keys(partsBefore).sort());
    // The county's workbook holds every village's rows: made again, and its entries sheet (from the first changed village on).
    expect(partsAfter['county']!.split(' ')[0]).not.toBe(partsBefore['county']!.split(' ')[0]);
    expect(partsAfter['county-entries.sheet']).not.toBe(partsBefore['county-entries.sheet']);
    // So do the county's feeds (dongxing's new 公示 is an entry of them): printed again.
    for (const feed of ['county-feed', 'county-feed.xml']) expect(partsAfter[feed]!.split(' ')[0]).not.toBe(partsBefore[feed]!.split(' ')[0]);
    // Each village's search documents (the search page's and the search step's input) likewise.
    for (const kind of ['rows', 'rows.rows.json', 'dated', 'feed', 'search', 'xlsx']) {
      for (const v of ['maqu', 'dongxing']) expect(partsAfter[`${v}/${kind}`]!.split(' ')[0]).not.toBe(partsBefore[`${v}/${kind}`]!.split(' ')[0]);
      for (const v of ['dongguan', 'wenshui']) expect(partsAfter[`${v}/${kind}`]).toBe(partsBefore[`${v}/${kind}`]);
    }
  });

  it("writes no file of another village: its pages, data files, feeds and kiosk copy are the previous build's, linked over", () => {
    const dist = join(tree.root, 'dist');
    // Poster files are placed from the poster cache (src/posters/build-step.ts) as links in every build: not counted here.
    const others = Object.keys(inodesBefore).filter((f) => /^(v|kiosk)\/(dongguan|wenshui)\//.test(f) && !/\/posters\/.+\.(pdf|png)$/.test(f));
    expect(others.length).toBeGreaterThan(50);
    for (const f of others) expect(statSync(join(dist, f)).ino, f).toBe(inodesBefore[f]);
  });

  it('leaves every file of the release online as it was: no step writes through the hard links it carried over (kiosk copies, posters, county.json, log, search)', () => {
    expect(heldFiles).toBeGreaterThan(400);
    expect(writtenThrough).toEqual([]);
  });

  it("shows the village's update", () => {
    expect(readFileSync(join(tree.root, 'dist/v/maqu/meetings/2025-07-04-lianxi/index.html'), 'utf8')).toContain('经逐项核对');
    expect(readFileSync(join(tree.root, 'dist/v/dongxing/index.html'), 'utf8')).toContain('第四批');
  });

  it('leaves dist/ and the publication log exactly as they were when nothing changed, and says so', () => {
    const dist = join(tree.root, 'dist');
    const release = realpathSync(dist);
    const before = digest(dist);
    const log = digest(join(tree.root, 'log'));
    const out = build();
    expect(out).toContain('Nothing changed since the last build');
    expect(out).not.toContain('page(s) built');
    expect(realpathSync(dist)).toBe(release);
    expect(digest(dist)).toEqual(before);
    expect(digest(join(tree.root, 'log'))).toEqual(log);
  });

  it('finds its last build in a copy of the county folder whose output is a link into .gongkai-build/: nothing changed, nothing built', () => {
    const copy = `${tree.root}-copy-2`;
    expect(lstatSync(join(tree.root, 'dist')).isSymbolicLink()).toBe(true);
    copyCounty(tree.root, copy);
    const out = buildIn(copy);
    expect(out).toContain('Nothing changed since the last build');
    expect(digest(join(copy, 'dist'))).toEqual(digest(join(tree.root, 'full')));
    rmSync(copy, { recursive: true, force: true });
  });

  it('builds again on a new day and with --full, though the content is the same; on the new day nothing of the log or the search index is written again', () => {
    const inodes = (dir: string) => Object.fromEntries(files(dir).map((f) => [relative(dir, f), statSync(f).ino]));
    const log = inodes(join(tree.root, 'dist/log'));
    // 马曲村's 低保 公示 runs on both days: its page prints its period, not the days left, so it is not even rendered again.
    const index = digest(join(tree.root, 'dist/pagefind'));
    const bundles = inodes(join(tree.root, 'dist/pagefind'));
    const notice = 'dist/v/maqu/notices/2025-11-17-dibao/index.html';
    expect(readFileSync(join(tree.root, notice), 'utf8')).toContain('公示至2025年11月24日');
    const noticeBefore = statSync(join(tree.root, notice)).ino;
    const release = realpathSync(join(tree.root, 'dist'));
    const online = holdRelease(join(tree.root, 'dist'), 'new-day');
    const nextDay = spawnSync(process.execPath, [buildScript, '--root', tree.root], {
      cwd: tree.root,
      encoding: 'utf8',
      env: { ...process.env, GONGKAI_AS_OF: '2025-11-21' },
    });
    expect(nextDay.status, nextDay.stdout + nextDay.stderr).toBe(0);
    // No state changes on 2025-11-21: nothing is rendered or logged, the last release is linked into a new one.
    expect(nextDay.stdout).toContain('New day without a state change');
    // Each screen's version.json and county.json are written into a copy of the last release made of hard links: as new files.
    expect(online.changed()).toEqual([]);
    // A new release, whose published log is the last one's files, linked over (nothing appended).
    expect(realpathSync(join(tree.root, 'dist'))).not.toBe(release);
    expect(inodes(join(tree.root, 'dist/log'))).toEqual(log);
    expect(statSync(join(tree.root, notice)).ino).toBe(noticeBefore);
    // Every township's bundle is kept as it was (its files linked over); the directory of bundles is written again, the same bytes.
    expect(digest(join(tree.root, 'dist/pagefind'))).toEqual(index);
    const kept = Object.entries(inodes(join(tree.root, 'dist/pagefind'))).filter(([f]) => /^[0-9a-f]{10}\//.test(f));
    expect(kept.length).toBeGreaterThan(20);
    for (const [f, ino] of kept) expect(ino, f).toBe(bundles[f]);
    expect(build('--full')).toContain('Full build');
    expect(build()).toContain('Nothing changed since the last build');
  }, 300_000);

  it('drops the pages and kept open-data parts of a removed village and builds everything again after a change to site.yaml', () => {
    rmSync(join(villages, 'wenshui'), { recursive: true });
    // On another day than the last build, with no state changed: still rendered (the county-wide pages list the villages).
    const removed = spawnSync(process.execPath, [buildScript, '--root', tree.root], {
      cwd: tree.root,
      encoding: 'utf8',
      env: { ...process.env, GONGKAI_AS_OF: '2025-11-22' },
    });
    expect(removed.status, removed.stdout + removed.stderr).toBe(0);
    expect(removed.stdout).toContain('Incremental build: 0 village(s) changed');
    expect(removed.stdout).not.toContain('New day without a state change');
    expect(files(join(tree.root, 'dist')).some((f) => f.includes('/v/wenshui/'))).toBe(false);
    expect(existsSync(join(tree.root, PARTS, 'wenshui'))).toBe(false);
    // Nothing of it is left anywhere: its screen, its township's pages (温水镇 had no other village), its words in the
    // county workbook. Every file is a full build's (the log aside: it is the county's history, appended to, never rebuilt).
    const site = (dir: string) => Object.fromEntries(Object.entries(digest(dir)).filter(([f]) => !f.startsWith('log/')));
    const incremental = site(join(tree.root, 'dist'));
    expect(Object.keys(incremental).filter((f) => /^(kiosk\/wenshui|t\/wenshuizhen|compliance\/wenshuizhen)\//.test(f))).toEqual([]);
    const full = spawnSync(process.execPath, [buildScript, '--root', tree.root, '--full'], {
      cwd: tree.root,
      encoding: 'utf8',
      env: { ...process.env, GONGKAI_AS_OF: '2025-11-22' },
    });
    expect(full.stdout, full.stderr).toContain('Full build');
    expect(incremental).toEqual(site(join(tree.root, 'dist')));
    // The site's title is on every page and on no poster (the hotline would be: every poster rendered again, for nothing
    // this test looks at), so the full build renders every page and takes every poster from the cache.
    const siteYaml = join(tree.root, 'content/site.yaml');
    writeFileSync(siteYaml, readFileSync(siteYaml, 'utf8').replace('title: 陇县村务公开栏', 'title: 陇县村务公开'));
    const out = build();
    expect(out).toContain('Full build');
    expect(out).toMatch(/posters: 0 rendered in this build \(0 of them while the pages were built\), \d+ reused from the cache/);
    for (const page of ['index.html', 'v/maqu/index.html', 'v/dongguan/index.html', 'kiosk/dongxing/index.html'])
      expect(readFileSync(join(tree.root, 'dist', page), 'utf8'), page).toMatch(/<title>[^<]*陇县村务公开</);
  }, 300_000);

  it("renders only the changed village's township pages on the same day, carries the other townships' over, and still equals a full build", () => {
    const dist = join(tree.root, 'dist');
    const townshipPages = (dir: string) => files(dir).filter((f) => /^(t|compliance)\/[^/]+\//.test(relative(dir, f)));
    const before = Object.fromEntries(townshipPages(dist).map((f) => [relative(dist, f), statSync(f).ino]));
    // maqu (天成镇) edits its minutes again: no date changes, so the county's state date stays; 城关镇's and 东南镇's pages cannot change.
    const minutes = join(villages, 'maqu/meetings/2025-07-04-lianxi.md');
    writeFileSync(minutes, readFileSync(minutes, 'utf8').replace('经逐项核对', '经逐项核对无误'));
    const out = build();
    expect(out).toContain('Incremental build: 1 village(s) changed');
    const rendered = Object.keys(before).filter((f) => statSync(join(dist, f)).ino !== before[f]);
    const carried = Object.keys(before).filter((f) => statSync(join(dist, f)).ino === before[f]);
    // Each township has its village cards, its compliance page and that page's two views.
    expect(Object.keys(before).length).toBe(4 * 3);
    expect(rendered.length).toBe(4);
    expect(carried.length).toBe(8);
    for (const f of rendered) expect(readFileSync(join(dist, f), 'utf8'), f).toMatch(/<h1>天成镇/);
    for (const f of carried) expect(readFileSync(join(dist, f), 'utf8'), f).not.toMatch(/<h1>天成镇/);
    // The pages counted as built: the village's, its screen's and the county-wide pages but 8 of the townships'.
    const pages = Number(/(\d+) page\(s\) built/.exec(out)![1]);
    const html = (dir: string) => files(join(dist, dir)).filter((f) => f.endsWith('.html')).length;
    const countyWide = files(dist).filter((f) => f.endsWith('index.html') && !/^(v|kiosk)\//.test(relative(dist, f))).length;
    expect(pages).toBe(html('v/maqu') + html('kiosk/maqu') + countyWide - carried.length);
    build('--out', join(tree.root, 'full-2'), '--full');
    expect(digest(dist)).toEqual(digest(join(tree.root, 'full-2')));
  }, 300_000);
});
