/**
 * The index split into township bundles, at demo scale: the demo's copy is indexed with one bundle
 * per township (its townships are small enough to share one bundle in a real build), then searched
 * in Node the way the search page does (test/helpers/pagefind-node.ts → src/lib/search-bundles.ts).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCounty } from '../../src/check/load.ts';
import type { County } from '../../src/check/model.ts';
import { buildSearchIndex, NAMES_BUNDLE, villagesToIndexAgain, type SearchIndexResult } from '../../src/integrations/search-index.ts';
import { getSearchInput } from '../../src/data/search.ts';
import { sortableDate } from '../../src/lib/search-bundles.ts';
import { copyDemoDist, ensureDemoDist } from '../helpers/dist.ts';
import { ROOT } from '../helpers/fixture-tree.ts';
import { openLexicon, openSiteSearch, type SiteSearch } from '../helpers/pagefind-node.ts';

let county: County;
let split: string;
let cacheRoot: string;
let full: SearchIndexResult;
let whole: SiteSearch;
let site: SiteSearch;

/** Every file of the index (pagefind/, the lexicon and vocabulary with their shards) with its digest. */
function digest(dir: string): Record<string, string> {
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));
  return Object.fromEntries(
    [...walk(join(dir, 'pagefind')), ...walk(join(dir, 'search')).filter((f) => f.endsWith('.json'))].map((f) => [
      f.slice(dir.length + 1),
      createHash('sha256').update(readFileSync(f)).digest('hex'),
    ]),
  );
}

beforeAll(async () => {
  const { dist } = ensureDemoDist();
  county = loadCounty(ROOT, { env: {} }).county!;
  split = copyDemoDist('search-split');
  cacheRoot = mkdtempSync(join(tmpdir(), 'gongkai-split-'));
  full = await buildSearchIndex({ outDir: split, search: getSearchInput(county), root: cacheRoot }, { bundlePages: 1 });
  whole = await openSiteSearch(dist);
  site = await openSiteSearch(split);
});

afterAll(async () => {
  await whole?.close();
  await site?.close();
  rmSync(split, { recursive: true, force: true });
  rmSync(cacheRoot, { recursive: true, force: true });
});

describe('the search index split by township', () => {
  it('writes one bundle per township, and a directory saying which villages and characters each holds', async () => {
    // Which bundles lack a character comes with the lexicon's shard of that character, a bundle's villages with the
    // shards of their names.
    const bundles = (
      await openLexicon(split).loader.forQuery(
        '低曲',
        county.villages.map((v) => v.data.name),
      )
    ).directory.bundles.filter((b) => !b.names);
    const townships = [...new Set(county.villages.map((v) => v.data.township))].sort();
    expect(bundles.flatMap((b) => b.townships).sort()).toEqual(townships);
    expect(bundles.every((b) => b.townships.length === 1)).toBe(true);
    for (const v of county.villages) expect(bundles.find((b) => b.townships.includes(v.data.township))!.villages).toContain(v.data.name);
    // 马曲村's 低保 notice: its bundle has 低 and 保; a township whose pages never say 曲 lacks it.
    const maqu = bundles.find((b) => b.villages.includes('马曲村'))!;
    expect(maqu.missing).not.toContain('低');
    expect(bundles.filter((b) => b.missing.includes('曲')).length).toBeGreaterThan(0);
  });

  it('finds the same pages across the bundles as in one index, for a dozen of the 40-query test’s queries', async () => {
    for (const q of [
      '低保',
      '宅基地',
      '一事一议',
      '光伏',
      '危房改造',
      '村民代表会议',
      '马*顺',
      '赵建军',
      '记-07-003',
      '12,500.00',
      '2025年9月',
      '印花税',
      '利息',
    ]) {
      const a = await whole.search(q);
      const b = await site.search(q, {}, 'relevance', Infinity);
      expect(b.urls.sort(), q).toEqual(a.urls.sort());
    }
  });

  it('a search filtered to one village fetches only its township bundle (and Pagefind’s hub)', async () => {
    const fresh = await openSiteSearch(split);
    try {
      const r = await fresh.search('低保', { village: '马曲村' });
      expect(r.urls.length).toBeGreaterThan(0);
      const own = fresh.lexicon.directory.bundles.find((b) => b.villages.includes('马曲村'))!.id;
      const folders = new Set(fresh.fetched().map((f) => (/^[0-9a-f]{10}\//.test(f.path) ? f.path.slice(0, 10) : 'hub')));
      expect([...folders].sort()).toEqual([own, 'hub'].sort());
      // The village named in the query does the same.
      const named = await fresh.search('马曲村 低保');
      expect(named.scope?.now).toHaveLength(1);
      expect(named.urls.sort()).toEqual(r.urls.sort());
    } finally {
      await fresh.close();
    }
  });

  it('skips the bundles that lack a character of the query, and says which townships a small budget left for later', async () => {
    const r = await site.search('印花税');
    const searched = [...(r.scope?.now ?? []), ...(r.scope?.later ?? [])];
    // The names bundle is opened only for a masked name: skipped, but not for a missing character.
    const skipped = site.lexicon.directory.bundles.filter((b, i) => !searched.includes(i) && !b.names);
    expect(skipped.length).toBeGreaterThan(0);
    for (const b of skipped) expect(Array.from('印花税').some((c) => b.missing.includes(c))).toBe(true);
    expect(r.urls.sort()).toEqual((await whole.search('印花税')).urls.sort());
    const small = await site.search('低保', {}, 'relevance', 1);
    expect(small.scope?.now).toHaveLength(1);
    expect(small.scope?.later.length).toBeGreaterThan(0);
    const all = await site.search('低保', {}, 'relevance', Infinity);
    expect(all.urls.length).toBeGreaterThan(small.urls.length);
  });

  it('lists results from several townships newest first', async () => {
    const r = await site.search('低保', {}, 'newest', Infinity);
    expect(r.scope?.now.length).toBeGreaterThan(1);
    const dates = (await r.data()).map((d) => sortableDate(d.meta['date'] ?? ''));
    expect(dates).toEqual([...dates].sort().reverse());
    expect(r.urls.sort()).toEqual((await whole.search('低保')).urls.sort());
  });

  it('an incremental build re-indexes only the township of a page that reads differently, from ledger entries of that township only, and writes what a full build writes', async () => {
    expect(full.reused).toEqual([]);
    const before = digest(split);
    const maqu = county.villages.find((v) => v.id === 'maqu')!.data.township;
    const id = site.lexicon.directory.bundles.find((b) => b.townships.includes(maqu))!.id;
    const other = site.lexicon.directory.bundles.find((b) => !b.townships.includes(maqu))!.id;
    const otherMeta = readdirSync(join(split, 'pagefind', other)).find((f) => f.endsWith('.pf_meta'))!;
    const inode = statSync(join(split, 'pagefind', other, otherMeta)).ino;
    // maqu's pages rendered again as they were: nothing to index.
    const same = await buildSearchIndex(
      { outDir: split, search: getSearchInput(county), root: cacheRoot, incremental: { villages: ['maqu'] } },
      { bundlePages: 1 },
    );
    expect(same.indexed).toEqual([]);
    // A page of maqu reads differently (as a new file, the way a build writes it), then as before again: its township is indexed each time.
    const file = join(split, 'v/maqu/notices/2025-11-17-dibao/index.html');
    const html = readFileSync(file, 'utf8');
    const rewrite = (text: string) => {
      rmSync(file);
      writeFileSync(file, text);
    };
    const changedText = html.replace('<h2 id="object-h">如有异议</h2>', '<h2 id="object-h">如有意见</h2>');
    expect(changedText).not.toBe(html);
    rewrite(changedText);
    // The input an incremental build makes: ledger entries only for the villages of maqu's bundle, the one it may index again.
    const lean = getSearchInput(county, (made) => villagesToIndexAgain(made, ['maqu'], { outDir: split, root: cacheRoot }, { bundlePages: 1 }));
    expect(new Set(lean.entriesOf)).toEqual(new Set(county.villages.filter((v) => v.data.township === maqu).map((v) => v.id)));
    expect(lean.docs.some((d) => d.entries.length === 0 && getSearchInput(county).docs.find((f) => f.path === d.path)!.entries.length > 0)).toBe(true);
    const changed = await buildSearchIndex({ outDir: split, search: lean, root: cacheRoot, incremental: { villages: ['maqu'] } }, { bundlePages: 1 });
    expect(changed.indexed).toEqual([maqu]);
    expect(digest(split)).not.toEqual(before);
    rewrite(html);
    const again = await buildSearchIndex({ outDir: split, search: lean, root: cacheRoot, incremental: { villages: ['maqu'] } }, { bundlePages: 1 });
    expect(again.indexed).toEqual([maqu]);
    expect(again.reused.sort()).toEqual(full.indexed.filter((t) => t !== maqu).sort());
    // The other townships' bundles were not written again (the same file), and nothing differs from the full build.
    expect(statSync(join(split, 'pagefind', other, otherMeta)).ino).toBe(inode);
    expect(readdirSync(join(split, 'pagefind'))).toContain(id);
    expect(digest(split)).toEqual(before);
  });
});

describe('pages rendered again on a new day', () => {
  const page = 'v/maqu/notices/2025-11-17-dibao/';
  /** Puts the as-of date in the page's frame (outside its indexed body), as a dated page shows it; as a new file, never in place. */
  const stamp = (dir: string, date: string) => {
    const file = join(dir, page, 'index.html');
    const html = readFileSync(file, 'utf8').replace(/<p class="stamp">[^<]*<\/p>/, '');
    rmSync(file);
    writeFileSync(file, html.replace('</body>', `<p class="stamp">数据截至 ${date}</p></body>`));
  };
  /** A copy of the demo build with the page stamped, indexed in full with its counts kept. */
  const prepare = async (name: string) => {
    const dir = copyDemoDist(name);
    const root = mkdtempSync(join(tmpdir(), 'gongkai-dated-'));
    stamp(dir, '2025-11-20');
    const first = await buildSearchIndex({ outDir: dir, search: getSearchInput(county), root }, { bundlePages: 1 });
    return { dir, root, first, done: () => [dir, root].forEach((d) => rmSync(d, { recursive: true, force: true })) };
  };

  it('keeps the bundle of a page whose frame changed but whose indexed text did not', async () => {
    const site = await prepare('search-dated-frame');
    try {
      const before = digest(site.dir);
      stamp(site.dir, '2025-11-21');
      const again = await buildSearchIndex(
        { outDir: site.dir, search: getSearchInput(county), root: site.root, incremental: { villages: ['maqu'], newDay: true, pages: [page] } },
        { bundlePages: 1 },
      );
      expect(again.indexed).toEqual([]);
      expect(again.reused.sort()).toEqual(site.first.indexed.sort());
      expect(digest(site.dir)).toEqual(before);
    } finally {
      site.done();
    }
  });

  it('keeps the bundle of a 公示 whose state changed (公示至… → 公示期已结束, its day count gone): the state is neither indexed nor counted', async () => {
    const site = await prepare('search-dated-state');
    try {
      const before = digest(site.dir);
      const file = join(site.dir, page, 'index.html');
      const html = readFileSync(file, 'utf8');
      // The state as the page prints it on the day after the 公示's last day: no day count, no script for it.
      const ended = html.replace(/(<p data-pagefind-ignore data-gongkai-dated><span class="badge )running">[\s\S]*?<\/p>/, '$1ended">公示期已结束</span></p>');
      expect(ended).not.toBe(html);
      rmSync(file);
      writeFileSync(file, ended);
      const again = await buildSearchIndex(
        { outDir: site.dir, search: getSearchInput(county), root: site.root, incremental: { villages: ['maqu'], newDay: true, pages: [page] } },
        { bundlePages: 1 },
      );
      expect(again.indexed).toEqual([]);
      expect(again.reused.sort()).toEqual(site.first.indexed.sort());
      expect(digest(site.dir)).toEqual(before);
    } finally {
      site.done();
    }
  });

  it('keeps the township bundle of a 公示 whose names were taken down (its list is never indexed there, what replaces it is dated), indexes only the names bundle again, and writes what a full build writes', async () => {
    const site = await prepare('search-dated-body');
    const full = copyDemoDist('search-dated-body-full');
    try {
      const before = digest(site.dir);
      for (const dir of [site.dir, full]) {
        const file = join(dir, page, 'index.html');
        const html = readFileSync(file, 'utf8');
        // The list and its removal date as the page prints them the day after unpublishAfter: the notice of removal instead.
        const changed = html.replace(
          /<div class="table-scroll" data-pagefind-ignore="all" data-gongkai-personal>[\s\S]*?<\/table>\s*<\/div>\s*<p class="meta">本页含个人信息[^<]*<\/p>/,
          '<p class="notice-box">按个人信息保护要求，名单已于 2025年11月25日 从网站撤下；原件存村档案备查。</p>',
        );
        expect(changed).not.toBe(html);
        rmSync(file);
        writeFileSync(file, changed);
      }
      for (const dir of [site.dir, full]) stamp(dir, '2025-11-21');
      // Its search document no longer lists anyone (NoticeFacts.listedRows is empty once the names have left).
      const input = getSearchInput(county);
      const taken = { ...input, docs: input.docs.map(({ listed, ...d }) => (d.path === page ? d : { ...d, ...(listed ? { listed } : {}) })) };
      expect(input.docs.find((d) => d.path === page)?.listed).toContain('马*顺 3 1,260.00 二组');
      const again = await buildSearchIndex(
        { outDir: site.dir, search: taken, root: site.root, incremental: { villages: ['maqu'], newDay: true, pages: [page] } },
        { bundlePages: 1 },
      );
      expect(again.indexed).toEqual([]);
      expect(again.reused.sort()).toEqual(site.first.indexed.sort());
      // Every file but the names bundle's is the one the first build wrote; that one no longer finds 马*顺.
      const townships = (d: Record<string, string>) => Object.fromEntries(Object.entries(d).filter(([f]) => !f.startsWith(`pagefind/${NAMES_BUNDLE}/`)));
      expect(townships(digest(site.dir))).toEqual(townships(before));
      expect(digest(site.dir)).not.toEqual(before);
      const after = await openSiteSearch(site.dir);
      try {
        expect((await after.search('马*顺')).urls).toEqual([]);
        expect((await after.search('刘*兰')).urls).toEqual([]);
      } finally {
        await after.close();
      }
      await buildSearchIndex({ outDir: full, search: taken }, { bundlePages: 1 });
      expect(digest(site.dir)).toEqual(digest(full));
    } finally {
      site.done();
      rmSync(full, { recursive: true, force: true });
    }
  });
});

describe('the bundles indexed in worker threads', () => {
  it('writes exactly the files that indexing them one after another in the build thread writes', async () => {
    const copy = copyDemoDist('search-split-workers');
    try {
      const r = await buildSearchIndex({ outDir: copy, search: getSearchInput(county) }, { bundlePages: 1, workers: 2 });
      expect(r.indexed.sort()).toEqual(full.indexed.sort());
      expect(digest(copy)).toEqual(digest(split));
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('stops with a message naming each page when record pages of two bundles cannot be indexed', async () => {
    const copy = copyDemoDist('search-split-workers-broken');
    try {
      const notice = join(copy, 'v/maqu/notices/2025-11-17-dibao/index.html');
      writeFileSync(notice, readFileSync(notice, 'utf8').replace(/<article data-pagefind-body\b/, '<article'));
      rmSync(join(copy, 'v/dongguan/finances/2025-q3/index.html'));
      const error = await buildSearchIndex({ outDir: copy, search: getSearchInput(county) }, { bundlePages: 1, workers: 2 }).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect(String(error)).toContain('记录页 v/maqu/notices/2025-11-17-dibao/ 缺少 data-pagefind-body');
      expect(String(error)).toContain('Record page v/dongguan/finances/2025-q3/ was not built.');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
