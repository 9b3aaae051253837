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
import { buildAtomFeed, buildJsonFeed, listFeedEntries } from '../../src/opendata/feeds.ts';
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
    const base = county.site.baseUrl.replace(/\/?$/, '/');
    const scope = {
      county,
      villages: county.villages,
      baseUrl: base,
      title: county.site.title,
      homeUrl: base,
      atomUrl: `${base}feed.xml`,
      jsonUrl: `${base}feed.json`,
    };
    const entries = listFeedEntries(scope);
    expect(getAtomFeed()).toBe(buildAtomFeed(scope, entries));
    expect(getJsonFeed()).toBe(buildJsonFeed(scope, entries));
    expect(kept().sort()).toEqual([expect.stringMatching(/^county-feed-[0-9a-f]{32}\.json$/), expect.stringMatching(/^county-feed-[0-9a-f]{32}\.xml$/)]);
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

  it('prints a feed every time outside a build that keeps parts (astro dev)', () => {
    provideBuildContext({ root: ROOT, project: ROOT, outDir: dir, county, problems: [], asOf: county.asOf } as unknown as BuildContext);
    let made = 0;
    keepCountyFeed(county.villages, 'feed.xml', 'entries A', () => String((made += 1)));
    keepCountyFeed(county.villages, 'feed.xml', 'entries A', () => String((made += 1)));
    expect(made).toBe(2);
  });
});
