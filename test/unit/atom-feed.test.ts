/**
 * The Atom feeds (src/opendata/feeds.ts `buildAtomFeed`) are written as strings, as npm `feed` 6 wrote them through
 * xml-js: a reader that followed a feed before sees the same bytes. Compared here with the package itself on every
 * feed of the demo county and of a generated one, and on entries with every character XML escapes.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Feed } from 'feed';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCounty } from '../../bench/gen/county.ts';
import { loadCounty } from '../../src/check/load.ts';
import type { County } from '../../src/check/model.ts';
import { buildAtomFeed, listFeedEntries, type FeedEntry, type FeedScope } from '../../src/opendata/feeds.ts';
import { getStateDate } from '../../src/records/dated.ts';
import { RECORD_TYPES } from '../../src/records/registry.ts';
import { ROOT } from '../helpers/fixture-tree.ts';

/** The feed as npm `feed` 6 made it (the code buildAtomFeed replaced). */
function atomByPackage(scope: FeedScope, entries: readonly FeedEntry[]): string {
  const time = (date: string) => new Date(`${date}T00:00:00+08:00`);
  const feed = new Feed({
    id: scope.homeUrl,
    title: scope.title,
    link: scope.homeUrl,
    language: 'zh-CN',
    updated: time(entries[0]?.date ?? getStateDate(scope.county.villages, scope.county.asOf, scope.county.profile)),
    generator: 'gongkai',
    feedLinks: { atom: scope.atomUrl, json: scope.jsonUrl },
    copyright: scope.county.site.title,
  });
  for (const e of entries)
    feed.addItem({
      id: e.url,
      link: e.url,
      title: e.title,
      date: time(e.date),
      description: e.summary,
      category: [{ name: RECORD_TYPES[e.kind].zh }, ...(e.correction ? [{ name: '更正' }] : [])],
    });
  return feed.atom1();
}

/** The county's scope and each village's, as src/data/opendata.ts makes them. */
function scopesOf(county: County): FeedScope[] {
  const base = county.site.baseUrl.replace(/\/?$/, '/');
  const scope = (villages: County['villages'], folder: string, title: string): FeedScope => ({
    county,
    villages,
    baseUrl: base,
    title,
    homeUrl: `${base}${folder}`,
    atomUrl: `${base}${folder}feed.xml`,
    jsonUrl: `${base}${folder}feed.json`,
  });
  return [scope(county.villages, '', county.site.title), ...county.villages.map((v) => scope([v], `v/${v.id}/`, `${county.site.title} · ${v.data.name}`))];
}

const generatedRoot = mkdtempSync(join(tmpdir(), 'gongkai-atom-'));
afterAll(() => rmSync(generatedRoot, { recursive: true, force: true }));

describe('the Atom feeds', () => {
  it('are the bytes npm feed wrote, for the county and every village of the demo county', () => {
    const county = loadCounty(ROOT, { env: { GONGKAI_AS_OF: '2025-11-20' } }).county!;
    for (const scope of scopesOf(county)) {
      const entries = listFeedEntries(scope);
      expect(buildAtomFeed(scope, entries), scope.atomUrl).toBe(atomByPackage(scope, entries));
    }
  });

  it('are the bytes npm feed wrote for a generated county of twelve villages', () => {
    for (const f of generateCounty({ villages: 12, quarters: 3, seed: 7 }).files) {
      mkdirSync(dirname(join(generatedRoot, f.path)), { recursive: true });
      writeFileSync(join(generatedRoot, f.path), f.text);
    }
    const county = loadCounty(generatedRoot).county!;
    for (const scope of scopesOf(county)) {
      const entries = listFeedEntries(scope);
      expect(entries.length).toBeGreaterThan(0);
      expect(buildAtomFeed(scope, entries), scope.atomUrl).toBe(atomByPackage(scope, entries));
    }
  });

  it('escape what XML escapes as npm feed did: ampersands, angle brackets, quotes, a CDATA end, addresses with Chinese and a query', () => {
    const county = loadCounty(ROOT, { env: { GONGKAI_AS_OF: '2025-11-20' } }).county!;
    const odd = 'a & b &amp; <c> "d" \'e\' ]]> f ]]> g';
    const scope: FeedScope = {
      county: { ...county, site: { ...county.site, title: odd } },
      villages: county.villages,
      baseUrl: 'https://x.example/a&b/',
      title: odd,
      homeUrl: 'https://x.example/a&b/"q"/',
      atomUrl: 'https://x.example/feed.xml?x=1&y=<2>',
      jsonUrl: 'https://x.example/feed.json',
    };
    const entries: FeedEntry[] = [
      { url: 'https://x.example/v/马曲/?a=1&b="2"', title: odd, date: '2025-11-20', summary: odd, kind: 'notice', village: 'maqu', correction: true },
      { url: 'https://x.example/v/x/', title: '', date: '2025-11-19', summary: '', kind: 'ledger', village: 'x', correction: false },
    ];
    expect(buildAtomFeed(scope, entries)).toBe(atomByPackage(scope, entries));
    expect(buildAtomFeed(scope, [])).toBe(atomByPackage(scope, []));
  });
});
