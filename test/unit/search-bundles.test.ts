import { describe, expect, it } from 'vitest';
import { packTownships, splitVillages } from '../../src/integrations/search-index.ts';
import { chooseBundles, mergeByDate, sortableDate, type SearchDirectory } from '../../src/lib/search-bundles.ts';

const term = (query: string) => ({ text: query, tries: [{ query: `"${query}"`, label: query, synonym: false }] });

describe('township bundles', () => {
  it('gives a big township its own bundle and packs small ones together, in name order', () => {
    const pages: Record<string, number> = { 东南镇: 900, 城关镇: 300, 天成镇: 140, 温水镇: 20 };
    expect(packTownships(Object.keys(pages), (t) => pages[t]!, 400)).toEqual([['东南镇'], ['城关镇', '天成镇', '温水镇']]);
    // A small rest joins the bundle before it.
    expect(packTownships(['东南镇', '温水镇'], (t) => (t === '东南镇' ? 500 : 20), 400)).toEqual([['东南镇', '温水镇']]);
  });

  it('splits a township over the page limit into neighbouring villages of about equal size', () => {
    const villages = Array.from({ length: 16 }, (_, i) => ({ id: `v${i}`, pages: 80 + (i % 3) }));
    const parts = splitVillages(villages, 700);
    expect(parts).toHaveLength(2);
    expect(parts.flat()).toEqual(villages.map((v) => v.id));
    expect(parts.map((p) => p.length)).toEqual([8, 8]);
    expect(splitVillages(villages, Infinity)).toEqual([villages.map((v) => v.id)]);
  });

  const directory: SearchDirectory = {
    chars: '低保马曲利息',
    bundles: [
      { id: 'a', townships: ['天成镇'], villages: ['马曲村'], pages: 30, bytes: 30_000, missing: '' },
      { id: 'b', townships: ['东南镇'], villages: ['东兴村'], pages: 50, bytes: 30_000, missing: '马曲' },
      { id: 'c', townships: ['温水镇'], villages: ['温水村'], pages: 20, bytes: 30_000, missing: '马曲利息' },
    ],
  };

  it('opens only the bundle of a chosen or named village or township', () => {
    expect(chooseBundles(directory, { terms: [term('低保')], villages: [], townships: [] }, { village: '东兴村' })).toEqual({ now: [1], later: [] });
    expect(chooseBundles(directory, { terms: [], villages: [], townships: ['温水镇'] }, {})).toEqual({ now: [2], later: [] });
  });

  it('skips bundles without a character of the query, opens the biggest first within the budget and leaves the rest for later', () => {
    expect(chooseBundles(directory, { terms: [term('马曲')], villages: [], townships: [] }, {})).toEqual({ now: [0], later: [] });
    expect(chooseBundles(directory, { terms: [term('利息')], villages: [], townships: [] }, {}, 50_000)).toEqual({ now: [1], later: [0] });
    expect(chooseBundles(directory, { terms: [term('低保')], villages: [], townships: [] }, {}, Infinity)).toEqual({ now: [1, 0, 2], later: [] });
  });

  it('shows results of several bundles in one date order, loading a result only when it is compared', async () => {
    const loaded: string[] = [];
    const hit = (bundle: number, date: string) => ({ bundle, data: () => (loaded.push(date), Promise.resolve({ date })) });
    const hits = [hit(0, '2025年11月17日'), hit(0, '2025年7月1日'), hit(0, '2025年3月2日'), hit(1, '2025年9月5日'), hit(1, '2025年8月1日')];
    const merged = mergeByDate(hits, (d) => sortableDate(d.date), 'newest');
    expect((await merged.take(2)).map((d) => d.date)).toEqual(['2025年11月17日', '2025年9月5日']);
    expect(loaded).not.toContain('2025年3月2日');
    expect((await merged.take(10)).map((d) => d.date)).toEqual(['2025年8月1日', '2025年7月1日', '2025年3月2日']);
  });
});
