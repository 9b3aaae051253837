/**
 * The feeds carry the newest entries (src/opendata/feeds.ts `selectFeedEntries`), written by npm `feed`: what a reader
 * who looks once a week gets, that a mistyped date or a county-wide release pushes nothing out before such a reader
 * saw it, and that the same records give the same bytes whenever the build runs.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateCounty } from '../../bench/gen/county.ts';
import { loadCounty } from '../../src/check/load.ts';
import type { County } from '../../src/check/model.ts';
import { addDays } from '../../src/lib/dates.ts';
import {
  FEED_LATEST,
  FEED_WINDOW_DAYS,
  buildAtomFeed,
  buildJsonFeed,
  getFeedScope,
  listFeedEntries,
  selectFeedEntries,
  sortFeedEntries,
  type FeedEntry,
  type FeedScope,
} from '../../src/opendata/feeds.ts';

/** An entry of village `v` dated `date` (the n-th of that day). */
const entry = (date: string, n = 0, v = 'v'): FeedEntry => ({
  url: `https://example.cn/v/${v}/notices/${date}-${n}/`,
  title: `公示 ${date} ${n}`,
  date,
  summary: `${date} 的第 ${n} 条。`,
  kind: 'notice',
  village: v,
  correction: false,
});

const countyScope = (county: County): FeedScope => getFeedScope(county);

/** The <entry> elements of an Atom feed, as printed. */
const atomEntries = (atom: string) => atom.match(/<entry>[\s\S]*?<\/entry>/g) ?? [];

describe('which entries a feed carries', () => {
  it(`carries the ${FEED_LATEST} newest entries of a village that publishes rarely, however old`, () => {
    const quarterly = sortFeedEntries(Array.from({ length: 40 }, (_, i) => entry(addDays('2020-01-15', 91 * i))));
    expect(selectFeedEntries(quarterly)).toEqual(quarterly.slice(0, FEED_LATEST));
  });

  it(`carries every entry dated within ${FEED_WINDOW_DAYS} days before the ${FEED_LATEST}th newest, and none older`, () => {
    const daily = sortFeedEntries(Array.from({ length: 200 }, (_, i) => entry(addDays('2025-01-01', i))));
    const shown = selectFeedEntries(daily);
    expect(shown).toHaveLength(FEED_LATEST + FEED_WINDOW_DAYS);
    expect(shown.at(-1)!.date).toBe(addDays(daily[FEED_LATEST - 1]!.date, -FEED_WINDOW_DAYS));
  });

  it('keeps all 3,000 records of a county-wide quarterly release made within a fortnight', () => {
    const release = sortFeedEntries(Array.from({ length: 3000 }, (_, i) => entry(addDays('2026-01-01', i % 14), i, `v${i % 300}`)));
    expect(selectFeedEntries(release)).toHaveLength(3000);
  });

  it('lets a record dated years ahead by mistake push nothing out: the window follows the 20th newest entry', () => {
    const month = sortFeedEntries(Array.from({ length: 60 }, (_, i) => entry(addDays('2026-01-01', i % 30), i)));
    const typo = sortFeedEntries([...month, entry('2062-01-01')]);
    expect(selectFeedEntries(typo)).toEqual(typo);
  });

  it('shows a reader who looks once a week every record that reached the site within 25 days of its date', () => {
    // Records with a date and the day they reached the site (0–25 days later); the reader reads the feed every 7th day.
    // The worst case: a record reaches the site 25 days after its date, a day after the reader looked; on the reader's
    // next look, a county-wide release dated that day has just come out.
    const late = entry('2026-01-01', 0, 'late');
    const release = Array.from({ length: 3 * FEED_LATEST }, (_, n) => entry('2026-02-01', n, `v${n}`));
    expect(selectFeedEntries(sortFeedEntries([late, ...release]))).toContainEqual(late);
    // Late records and bursts (a county-wide release) are the hard cases: each is drawn often.
    const record = fc.record({
      day: fc.integer({ min: 0, max: 120 }),
      late: fc.oneof(fc.constantFrom(0, 25), fc.integer({ min: 0, max: 25 })),
      burst: fc.oneof(fc.constant(FEED_LATEST), fc.integer({ min: 1, max: 40 })),
    });
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 6 }), (records, firstLook) => {
        const all = records.flatMap((r, i) =>
          Array.from({ length: r.burst }, (_, n) => ({ ...entry(addDays('2025-01-01', r.day), n, `v${i}`), arrives: r.day + r.late })),
        );
        const seen = new Set<string>();
        for (let look = firstLook; look <= 120 + 25 + 7; look += 7) {
          const onSite = sortFeedEntries(all.filter((e) => e.arrives <= look));
          for (const e of selectFeedEntries(onSite)) seen.add(e.url);
        }
        expect(all.filter((e) => !seen.has(e.url))).toEqual([]);
      }),
      { numRuns: 200, seed: 13 },
    );
  });
});

describe('the feeds of a generated county of twelve villages, written by npm feed', () => {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-feeds-'));
  let county: County;
  beforeAll(() => {
    for (const f of generateCounty({ villages: 12, quarters: 3, seed: 7 }).files) {
      mkdirSync(dirname(join(root, f.path)), { recursive: true });
      writeFileSync(join(root, f.path), f.text);
    }
    county = loadCounty(root).county!;
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  afterEach(() => void vi.useRealTimers());

  it('are addressed under the site’s baseUrl: the county’s at its root, a village’s under its board, each pointing at its open data', () => {
    const base = county.site.baseUrl.replace(/\/?$/, '/');
    const v = county.villages[0]!;
    expect(getFeedScope(county)).toMatchObject({
      villages: county.villages,
      title: county.site.title,
      homeUrl: base,
      atomUrl: `${base}feed.xml`,
      jsonUrl: `${base}feed.json`,
      dataUrl: `${base}data/`,
    });
    expect(getFeedScope(county, v)).toMatchObject({
      villages: [v],
      title: `${county.site.title} · ${v.data.name}`,
      homeUrl: `${base}v/${v.id}/`,
      atomUrl: `${base}v/${v.id}/feed.xml`,
      jsonUrl: `${base}v/${v.id}/feed.json`,
      dataUrl: `${base}v/${v.id}/#data`,
    });
  });

  it('carry the newest entries only, newest first, and say in their subtitle where every record is', () => {
    const scope = countyScope(county);
    const entries = listFeedEntries(scope);
    const shown = selectFeedEntries(entries);
    expect(shown.length).toBeGreaterThanOrEqual(FEED_LATEST);
    expect(shown.length).toBeLessThan(entries.length);
    const atom = buildAtomFeed(scope, entries);
    expect(atomEntries(atom).map((e) => /<id>([^<]+)<\/id>/.exec(e)![1])).toEqual(shown.map((e) => e.url));
    expect(atom).toContain(
      `<subtitle>最新的 ${FEED_LATEST} 条公开记录和更正，及其前 ${FEED_WINDOW_DAYS} 天内的全部记录；全部记录见开放数据 ${scope.dataUrl}</subtitle>`,
    );
    const json = JSON.parse(buildJsonFeed(scope, entries));
    expect(json.items.map((i: { id: string }) => i.id)).toEqual(shown.map((e) => e.url));
    expect(json.description).toContain(scope.dataUrl);
  });

  it('are the same bytes whenever they are built: every date is a record date, never the clock', () => {
    const scope = countyScope(county);
    const entries = listFeedEntries(scope);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const then = [buildAtomFeed(scope, entries), buildJsonFeed(scope, entries)];
    vi.setSystemTime(new Date('2031-07-15T12:34:56Z'));
    expect([buildAtomFeed(scope, entries), buildJsonFeed(scope, entries)]).toEqual(then);
    // With no entry, the feed is dated by the county's state date, not the build's.
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    const empty = buildAtomFeed(scope, []);
    vi.setSystemTime(new Date('2031-07-15T12:34:56Z'));
    expect(buildAtomFeed(scope, [])).toBe(empty);
  });

  it('print every entry still carried with the same bytes after one more record', () => {
    const scope = countyScope(county);
    const entries = listFeedEntries(scope);
    const newer = entry(addDays(entries[0]!.date, 1), 0, county.villages[0]!.id);
    const before = atomEntries(buildAtomFeed(scope, entries));
    const after = atomEntries(buildAtomFeed(scope, sortFeedEntries([newer, ...entries])));
    expect(after[0]).toContain(newer.url);
    const carried = after.slice(1);
    expect(carried.length).toBeGreaterThan(FEED_LATEST);
    expect(carried).toEqual(before.slice(0, carried.length));
  });

  it('show a title and summary as written, whatever characters HTML or XML give a meaning to (the JSON title is plain text)', () => {
    const scope = countyScope(county);
    const odd = 'a & b &amp; <i>c</i> "d" ]]> e';
    const entries = [{ ...entry('2026-01-05'), title: odd, summary: odd }];
    const atom = buildAtomFeed(scope, entries);
    const html = 'a &amp; b &amp;amp; &lt;i&gt;c&lt;/i&gt; &quot;d&quot; ]]&gt; e';
    expect(atom).toContain(`<title type="html"><![CDATA[${html}]]></title>`);
    expect(atom).toContain(`<summary type="html"><![CDATA[${html}]]></summary>`);
    expect(JSON.parse(buildJsonFeed(scope, entries)).items[0]).toMatchObject({ title: odd, content_html: html });
  });
});
