/**
 * A daily refresh: the same county built on the next day re-renders only the pages that depend on
 * the date (county-wide pages; boards, notices and kiosk screens whose state changed), gives exactly
 * the files a full build of that day gives, and on the day after a notice's `unpublishAfter` its
 * personal data leaves the page and every other file of the site; the search never indexed it, so that day
 * indexes no township. On a new day on which no state
 * changes, nothing is rendered: the last release is linked and only the files with the day in them are written.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAMES_BUNDLE } from '../../src/integrations/search-index.ts';
import { copyPosterCache } from '../helpers/dist.ts';
import { makeTree } from '../helpers/fixture-tree.ts';
import { addProjectCode, buildAsOf } from '../helpers/project-tree.ts';
import { openSiteSearch } from '../helpers/pagefind-node.ts';
import { digestTree as digest, listFiles as files } from '../helpers/tree-digest.ts';

// A project of its own (tree.root/scripts/build.ts), so its builds never touch this checkout's folders.
const tree = makeTree();
const buildScript = addProjectCode(tree.root);
const build = (asOf: string, ...args: string[]) => buildAsOf(buildScript, tree.root, asOf, ...args);
const TEXT = /\.(html|json|js|css|txt|xml|csv|svg|webmanifest)$/;

// dongxing's 宅基地 notice names three applicants; it may be shown until 2026-03-15.
const NOTICE = 'v/dongxing/notices/2025-09-08-zhaijidi/index.html';
const PERSONAL = '河道管理范围';
const NAME = '何*霞';
const LAST_DAY = '2026-03-15';
const NEXT_DAY = '2026-03-16';

let dayBefore: Record<string, string>;
let boardInodes: Record<string, number> = {};
let kioskInodes: Record<string, number> = {};
let noticeBefore = '';
let foundBefore: string[] = [];
let foundByName: string[] = [];
let foundByType: string[] = [];
let refresh = '';

beforeAll(async () => {
  copyPosterCache(tree.root);
  build(LAST_DAY);
  const dist = join(tree.root, 'dist');
  dayBefore = digest(dist);
  boardInodes = Object.fromEntries(
    Object.keys(dayBefore)
      .filter((f) => /^v\/[^/]+\/index\.html$/.test(f))
      .map((f) => [f, statSync(join(dist, f)).ino]),
  );
  kioskInodes = Object.fromEntries(
    Object.keys(dayBefore)
      .filter((f) => /^kiosk\/[^/]+\/(index\.html|sw\.js)$/.test(f))
      .map((f) => [f, statSync(join(dist, f)).ino]),
  );
  noticeBefore = readFileSync(join(dist, NOTICE), 'utf8');
  const search = await openSiteSearch(dist);
  try {
    foundBefore = (await search.search(PERSONAL)).urls;
    foundByName = (await search.search(NAME)).urls;
    foundByType = (await search.search('宅基地申请')).urls;
  } finally {
    await search.close();
  }
  refresh = build(NEXT_DAY);
  // The full build makes every village's open-data part afresh (src/data/opendata-parts.ts): the refresh's reused parts are compared with new ones.
  rmSync(join(tree.root, '.gongkai-build/opendata-parts'), { recursive: true, force: true });
  build(NEXT_DAY, '--out', join(tree.root, 'full'), '--full');
}, 900_000);

afterAll(() => tree.cleanup());

describe('a rebuild on a new day', () => {
  it('re-renders only the county-wide pages, and the boards, notices and kiosk screens whose state changed', () => {
    expect(refresh).toContain('Incremental build: 0 village(s) changed');
    const pages = Number(/(\d+) page\(s\) built/.exec(refresh)![1]);
    const dist = join(tree.root, 'dist');
    const html = files(dist)
      .filter((f) => f.endsWith('index.html'))
      .map((f) => relative(dist, f));
    const countyWide = html.filter((f) => !/^(v|kiosk)\//.test(f)).length;
    const now = digest(dist);
    const changedNotices = html.filter((f) => /^v\/[^/]+\/notices\//.test(f) && dayBefore[f] !== now[f]).length;
    const boards = html.filter((f) => /^v\/[^/]+\/index\.html$/.test(f));
    const changedBoards = boards.filter((f) => dayBefore[f] !== now[f]).length;
    const changedKiosks = html.filter((f) => /^kiosk\/[^/]+\/index\.html$/.test(f) && dayBefore[f] !== now[f]).length;
    expect(changedNotices).toBeGreaterThanOrEqual(1);
    // No screen: the 公示 whose names leave (dongxing's) had ended long before, so no screen showed it.
    expect(changedKiosks).toBe(0);
    expect(pages).toBe(countyWide + changedKiosks + changedBoards + changedNotices);
    expect(pages).toBeLessThan(html.length / 2);
  });

  it('leaves a board whose standing and notices did not change the same bytes, and writes it no more', () => {
    const dist = join(tree.root, 'dist');
    const now = digest(dist);
    const boards = Object.keys(now).filter((f) => /^v\/[^/]+\/index\.html$/.test(f));
    const same = boards.filter((f) => dayBefore[f] === now[f]);
    // On these days no board's standing changes and none of its 公示 counts days: every board is carried over.
    expect(boards.length).toBeGreaterThanOrEqual(4);
    expect(same).toEqual(boards);
    for (const f of same) expect(boardInodes[f], f).toBe(statSync(join(dist, f)).ino);
  });

  it('leaves a kiosk screen whose state did not change (and its offline copy) as it was, and tells every screen the new day in its version file', () => {
    const dist = join(tree.root, 'dist');
    const now = digest(dist);
    const kiosks = Object.keys(now).filter((f) => /^kiosk\/[^/]+\/index\.html$/.test(f));
    expect(kiosks.length).toBeGreaterThanOrEqual(4);
    for (const f of kiosks) {
      for (const file of [f, f.replace(/index\.html$/, 'sw.js')]) {
        expect(now[file], file).toBe(dayBefore[file]);
        expect(statSync(join(dist, file)).ino, file).toBe(kioskInodes[file]);
      }
      const version = JSON.parse(readFileSync(join(dist, f.replace(/index\.html$/, 'version.json')), 'utf8')) as { asOf: string };
      expect(version.asOf).toBe(NEXT_DAY);
    }
  });

  it('gives byte-identical output to a full build of the same day', () => {
    const inc = digest(join(tree.root, 'dist'));
    const full = digest(join(tree.root, 'full'));
    expect(Object.keys(inc).sort()).toEqual(Object.keys(full).sort());
    expect(inc).toEqual(full);
  });

  it("removes a notice's personal data from the page, the search index and every file on the day after unpublishAfter, and the search still finds the notice by its type", async () => {
    const url = `/${NOTICE.replace(/index\.html$/, '')}`;
    // On its last day the notice still shows its applicants' rows, which the search does not index (no site-search
    // indexing of rows), but finds it by an applicant's masked name and by its type.
    expect(noticeBefore).toContain(PERSONAL);
    expect(noticeBefore).toContain(NAME);
    expect(foundBefore).toEqual([]);
    expect(foundByName).toEqual([url]);
    expect(foundByType).toContain(url);
    const dist = join(tree.root, 'dist');
    expect(readFileSync(join(dist, NOTICE), 'utf8')).not.toContain(PERSONAL);
    const noticeAfter = readFileSync(join(dist, NOTICE), 'utf8');
    expect(noticeAfter).toContain('名单已于 2026年3月15日 从网站撤下');
    // Its share card says what it said (type, period, 共 3 户): the page's head reads the same to the search step.
    const card = (html: string) => /<meta property="og:description" content="([^"]*)"/.exec(html)?.[1];
    expect(card(noticeAfter)).toContain('宅基地申请公示');
    expect(card(noticeAfter)).toBe(card(noticeBefore));
    for (const f of files(dist).filter((x) => TEXT.test(x))) expect(readFileSync(f, 'utf8'), relative(dist, f)).not.toContain(PERSONAL);
    const search = await openSiteSearch(dist);
    try {
      expect((await search.search(PERSONAL)).urls).toEqual([]);
      expect((await search.search(NAME)).urls).toEqual([]);
      expect((await search.search('宅基地申请')).urls).toContain(url);
    } finally {
      await search.close();
    }
  });

  it('indexes no township on the day the names leave: every file of the township bundles and the lexicon is the one the day before wrote', () => {
    expect(refresh).toMatch(/ 0 township\(s\) indexed, [1-9]\d* reused\./);
    // Only the names bundle (pagefind/names/: the masked names of the lists the web shows) changes with them.
    const index = (d: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(d).filter(([f]) => (/^pagefind\//.test(f) && !f.startsWith(`pagefind/${NAMES_BUNDLE}/`)) || /^search\/.*\.json$/.test(f)),
      );
    const after = index(digest(join(tree.root, 'dist')));
    expect(Object.keys(after).length).toBeGreaterThan(0);
    expect(after).toEqual(index(dayBefore));
    expect(Object.keys(dayBefore).some((f) => f.startsWith(`pagefind/${NAMES_BUNDLE}/`))).toBe(true);
  });
});

describe('a rebuild on a new day whose record of the last build was damaged', () => {
  let out = '';
  beforeAll(() => {
    build(LAST_DAY);
    const work = join(tree.root, '.gongkai-build');
    // The record this build just wrote: other builds of this file (into other folders) keep records of their own.
    const record = readdirSync(work)
      .filter((f) => /^last-build-[0-9a-f]+\.json$/.test(f))
      .map((f) => join(work, f))
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0]!;
    const text = readFileSync(record, 'utf8');
    expect(text).toContain(`"asOf":"${LAST_DAY}"`);
    // One byte changed: the record now says the last build was already made for the new day.
    writeFileSync(record, text.replace(`"asOf":"${LAST_DAY}"`, `"asOf":"${NEXT_DAY}"`));
    out = build(NEXT_DAY);
  }, 600_000);

  it('says the record was unreadable, builds in full and gives what a full build of the day gives, personal data gone', () => {
    expect(out).toContain('Full build');
    expect(out.split('cache last-build unreadable').length - 1).toBe(1);
    const dist = join(tree.root, 'dist');
    expect(readFileSync(join(dist, NOTICE), 'utf8')).not.toContain(PERSONAL);
    expect(digest(dist)).toEqual(digest(join(tree.root, 'full')));
  });
});

describe('a new day on which no state changes', () => {
  // After dongxing's names left on 2026-03-16 nothing in the county changes until the next quarter's deadline.
  const QUIET_DAY = '2026-03-17';
  let before: Record<string, string> = {};
  let inodes: Record<string, number> = {};
  let out = '';
  beforeAll(() => {
    const dist = join(tree.root, 'dist');
    expect(JSON.parse(readFileSync(join(dist, 'county.json'), 'utf8'))).toMatchObject({ asOf: NEXT_DAY });
    before = digest(dist);
    inodes = Object.fromEntries(files(dist).map((f) => [relative(dist, f), statSync(f).ino]));
    out = build(QUIET_DAY);
    build(QUIET_DAY, '--out', join(tree.root, 'full-quiet'), '--full');
  }, 600_000);

  it("renders nothing: every page and data file is the last release's, linked, and only the screens' version.json and county.json are written", () => {
    expect(out).toContain(`New day without a state change (as of ${NEXT_DAY})`);
    expect(out).not.toMatch(/page\(s\) built/);
    const dist = join(tree.root, 'dist');
    const now = digest(dist);
    expect(Object.keys(now).sort()).toEqual(Object.keys(before).sort());
    const changed = Object.keys(now).filter((f) => now[f] !== before[f]);
    const versions = Object.keys(now).filter((f) => /^kiosk\/[^/]+\/version\.json$/.test(f));
    expect(versions.length).toBeGreaterThanOrEqual(4);
    expect(changed.sort()).toEqual(['county.json', ...versions].sort());
    for (const f of Object.keys(now).filter((x) => !changed.includes(x))) expect(statSync(join(dist, f)).ino, f).toBe(inodes[f]);
    for (const f of changed) expect(JSON.parse(readFileSync(join(dist, f), 'utf8')), f).toMatchObject({ asOf: QUIET_DAY });
    // The county-wide pages still say the day the county last changed.
    expect(readFileSync(join(dist, 'index.html'), 'utf8')).toContain(`<meta name="gongkai:as-of" content="${NEXT_DAY}">`);
  });

  it('gives byte-identical output to a full build of the same day, version files and county.json included', () => {
    const full = digest(join(tree.root, 'full-quiet'));
    expect(digest(join(tree.root, 'dist'))).toEqual(full);
  });
});

describe('a second new day on which no state changes', () => {
  // The release the quiet day replaced (the full build of NEXT_DAY) is kept until this build: the quiet day's release
  // holds its files by hard links, so this build moves its folders in by rename instead of linking them again.
  const QUIET_DAY_2 = '2026-03-18';
  let inodes: Record<string, number> = {};
  let out = '';
  let timings: { stage: string; renamed?: number }[] = [];
  beforeAll(() => {
    const dist = join(tree.root, 'dist');
    inodes = Object.fromEntries(files(dist).map((f) => [relative(dist, f), statSync(f).ino]));
    const timingsFile = join(tree.root, 'quiet-2-timings.jsonl');
    const run = spawnSync(process.execPath, [buildScript, '--root', tree.root], {
      cwd: tree.root,
      encoding: 'utf8',
      env: { ...process.env, GONGKAI_AS_OF: QUIET_DAY_2, GONGKAI_TIMINGS: timingsFile },
    });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    out = run.stdout + run.stderr;
    timings = readFileSync(timingsFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { stage: string; renamed?: number });
  }, 600_000);

  it("takes the folders of the release replaced before by rename, and gives the quiet day's files, linked, with only the day's files new", () => {
    expect(out).toContain(`New day without a state change (as of ${NEXT_DAY})`);
    // Every village's pages, whole (the screens' folders differ: their version files were written; the log and the search
    // index are linked by cp).
    expect(timings.find((t) => t.stage === 'carried-files')?.renamed).toBe(readdirSync(join(tree.root, 'content', 'villages')).length);
    const dist = join(tree.root, 'dist');
    const now = digest(dist);
    const quiet = digest(join(tree.root, 'full-quiet'));
    expect(Object.keys(now).sort()).toEqual(Object.keys(quiet).sort());
    const changed = Object.keys(now).filter((f) => now[f] !== quiet[f]);
    expect(changed.sort()).toEqual(['county.json', ...Object.keys(now).filter((f) => /^kiosk\/[^/]+\/version\.json$/.test(f))].sort());
    for (const f of changed) expect(JSON.parse(readFileSync(join(dist, f), 'utf8')), f).toMatchObject({ asOf: QUIET_DAY_2 });
    for (const f of Object.keys(now).filter((x) => !changed.includes(x))) expect(statSync(join(dist, f)).ino, f).toBe(inodes[f]);
  });
});
