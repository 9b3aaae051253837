/**
 * The county's feeds kept between builds (src/data/opendata-parts.ts `keepCountyFeed`): a build whose feed would print
 * the same reads the kept text back instead of printing and scanning every entry again, and a feed that would differ is
 * printed again.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { BuildContext } from '../../src/build/context.ts';
import { provideBuildContext } from '../../src/build/handover.ts';
import { loadCounty } from '../../src/check/load.ts';
import { getAtomFeed, getJsonFeed } from '../../src/data/opendata.ts';
import { keepCountyFeed } from '../../src/data/opendata-parts.ts';
import { buildAtomFeed, buildJsonFeed, getFeedScope, listFeedEntries, selectFeedEntries } from '../../src/opendata/feeds.ts';
import { ROOT } from '../helpers/fixture-tree.ts';

describe('the county feeds kept between builds', () => {
  const county = loadCounty(ROOT, { env: {} }).county!;
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-feeds-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const keys = Object.fromEntries(county.villages.map((v) => [v.id, `key-${v.id}`]));
  provideBuildContext({
    root: ROOT,
    project: ROOT,
    outDir: dir,
    county,
    problems: [],
    asOf: county.asOf,
    openDataParts: { dir, keys },
  } as unknown as BuildContext);
  const kept = () => readdirSync(dir).filter((n) => n.startsWith('county-feed-'));

  it('gives the same Atom and JSON feeds as printed without a keeper, and keeps a copy of each', () => {
    const scope = getFeedScope(county);
    const entries = listFeedEntries(scope);
    expect(getAtomFeed()).toBe(buildAtomFeed(scope, entries));
    expect(getJsonFeed()).toBe(buildJsonFeed(scope, entries));
    expect(
      kept()
        .map((n) => n.replace(/-[0-9a-f]{32}\./, '-<key>.'))
        .sort(),
    ).toEqual(['county-feed-<key>.json', 'county-feed-<key>.xml']);
    expect(getAtomFeed()).toBe(buildAtomFeed(scope, entries));
  });

  it('prints a feed again when what it prints changed, and keeps only the newest copy', () => {
    let made = 0;
    const make = (text: string) => () => ((made += 1), text);
    expect(keepCountyFeed(county.villages, 'feed.xml', 'entries A', make('A'))).toBe('A');
    expect(keepCountyFeed(county.villages, 'feed.xml', 'entries A', make('not printed'))).toBe('A');
    expect(made).toBe(1);
    expect(keepCountyFeed(county.villages, 'feed.xml', 'entries B', make('B'))).toBe('B');
    expect(made).toBe(2);
    expect(kept().filter((n) => n.endsWith('.xml'))).toHaveLength(1);
  });

  it('prints a feed again when its kept copy was altered', () => {
    keepCountyFeed(county.villages, 'feed.json', 'entries C', () => 'C');
    const file = join(
      dir,
      kept().find((n) => n.endsWith('.json'))!,
    );
    writeFileSync(file, readFileSync(file, 'utf8').replace(/C$/, 'X'));
    expect(keepCountyFeed(county.villages, 'feed.json', 'entries C', () => 'C again')).toBe('C again');
  });

  it("keeps each village's entries beside its parts and prints the county's feeds from them as from one list of every entry, newest first", () => {
    // A county whose feeds were never printed (a copy of its own: the build's per-county caches start empty).
    const fresh = loadCounty(ROOT, { env: {} }).county!;
    provideBuildContext({
      root: ROOT,
      project: ROOT,
      outDir: dir,
      county: fresh,
      problems: [],
      asOf: fresh.asOf,
      openDataParts: { dir, keys },
    } as unknown as BuildContext);
    for (const v of fresh.villages) expect(readdirSync(join(dir, v.id)), v.id).toEqual([expect.stringMatching(/^feed-[0-9a-f]{32}\.json$/)]);
    const scope = { county: fresh, villages: fresh.villages, baseUrl: fresh.site.baseUrl.replace(/\/?$/, '/') };
    const entries = listFeedEntries(scope);
    expect(new Set(entries.map((e) => e.village)).size).toBeGreaterThan(1);
    expect(JSON.parse(getJsonFeed()).items.map((i: { id: string }) => i.id)).toEqual(selectFeedEntries(entries).map((e) => e.url));
  });

  it("prints the county's feeds again without a notice on the day after it is taken down (unpublishAfter)", () => {
    // maqu's 低保 公示 is taken down after 2026-05-31: the day after, its entry leaves maqu's entries and the county's feeds.
    const url = `${county.site.baseUrl.replace(/\/?$/, '/')}v/maqu/notices/2025-11-17-dibao/`;
    const onDay = (asOf: string) => {
      const c = loadCounty(ROOT, { env: { GONGKAI_AS_OF: asOf } }).county!;
      provideBuildContext({
        root: ROOT,
        project: ROOT,
        outDir: dir,
        county: c,
        problems: [],
        asOf: c.asOf,
        openDataParts: { dir, keys },
      } as unknown as BuildContext);
      const scope = getFeedScope(c);
      const atom = getAtomFeed();
      expect(atom).toBe(buildAtomFeed(scope, listFeedEntries(scope)));
      expect(getJsonFeed()).toBe(buildJsonFeed(scope, listFeedEntries(scope)));
      return atom;
    };
    expect(onDay('2026-05-31')).toContain(url);
    expect(onDay('2026-06-01')).not.toContain(url);
    expect(onDay('2026-05-31')).toContain(url);
  });

  it('stops the build when a feed would print a personal number, and keeps no copy of that feed', () => {
    // A disclosure's title with a mobile number in it (content that slipped past the checker), in the newest entries.
    const leaky = loadCounty(ROOT, { env: {} }).county!;
    const village = leaky.villages.find((v) => v.disclosures.length > 0)!;
    const newest = village.disclosures.reduce((a, b) => (b.data.publishedAt > a.data.publishedAt ? b : a));
    newest.data.title = '联系人电话 13812345678';
    const leakyDir = mkdtempSync(join(tmpdir(), 'gongkai-feeds-leaky-'));
    try {
      provideBuildContext({
        root: ROOT,
        project: ROOT,
        outDir: leakyDir,
        county: leaky,
        problems: [],
        asOf: leaky.asOf,
        openDataParts: { dir: leakyDir, keys },
      } as unknown as BuildContext);
      expect(() => getAtomFeed(village.id)).toThrow(`开放数据文件 ${leaky.site.baseUrl.replace(/\/?$/, '/')}v/${village.id}/feed.xml 含有个人号码`);
      expect(() => getJsonFeed()).toThrow(`开放数据文件 ${leaky.site.baseUrl.replace(/\/?$/, '/')}feed.json 含有个人号码`);
      expect(readdirSync(leakyDir).filter((n) => n.startsWith('county-feed-'))).toEqual([]);
    } finally {
      rmSync(leakyDir, { recursive: true, force: true });
    }
  });

  it('prints a feed every time outside a build that keeps parts (astro dev)', () => {
    provideBuildContext({ root: ROOT, project: ROOT, outDir: dir, county, problems: [], asOf: county.asOf } as unknown as BuildContext);
    let made = 0;
    keepCountyFeed(county.villages, 'feed.xml', 'entries A', () => String((made += 1)));
    keepCountyFeed(county.villages, 'feed.xml', 'entries A', () => String((made += 1)));
    expect(made).toBe(2);
  });
});
