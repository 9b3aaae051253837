import { describe, expect, it } from 'vitest';
import { packTownships, splitVillages } from '../../src/integrations/search-index.ts';
import {
  bundleCost,
  chooseBundles,
  indexWords,
  mergeByDate,
  openBundles,
  searchBundles,
  sortableDate,
  type SearchDirectory,
} from '../../src/lib/search-bundles.ts';

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

  it('never packs a small township with a big one, so no bundle of several townships is over the page limit', () => {
    // At 300 villages a 350-page township was packed with the 1,300-page one after it: one bundle of 1,650 pages.
    const pages: Record<string, number> = { 东南镇: 350, 城关镇: 1300, 天成镇: 1300 };
    expect(packTownships(Object.keys(pages), (t) => pages[t]!, 400, 700)).toEqual([['东南镇'], ['城关镇'], ['天成镇']]);
    // Small ones are packed until the next would pass the limit.
    const small: Record<string, number> = { 东南镇: 300, 城关镇: 300, 天成镇: 100 };
    expect(packTownships(Object.keys(small), (t) => small[t]!, 400, 500)).toEqual([['东南镇'], ['城关镇', '天成镇']]);
    // A limit below the packing size: every bundle stays within it.
    expect(packTownships(Object.keys(small), (t) => small[t]!, 400, 350)).toEqual([['东南镇'], ['城关镇'], ['天成镇']]);
  });

  it('keeps every part of a split township within the page limit, even when villages differ in size', () => {
    const villages = [690, 20, 690].map((pages, i) => ({ id: `v${i}`, pages }));
    expect(splitVillages(villages, 700)).toEqual([['v0'], ['v1'], ['v2']]);
    const many = Array.from({ length: 40 }, (_, i) => ({ id: `v${i}`, pages: 5 + ((i * 7) % 23) }));
    for (const cap of [30, 50, 120, 333]) {
      const parts = splitVillages(many, cap);
      expect(parts.flat()).toEqual(many.map((v) => v.id));
      for (const p of parts) expect(p.reduce((n, id) => n + many.find((v) => v.id === id)!.pages, 0)).toBeLessThanOrEqual(cap);
    }
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

  it('opens the names bundle only for a query with a masked name or a printed amount, beside the bundles its other words choose and outside the budget', () => {
    const named: SearchDirectory = {
      ...directory,
      bundles: [...directory.bundles, { id: 'names', townships: [], villages: [], pages: 0, bytes: 0, missing: '', names: true }],
    };
    // Never for other words, whatever the budget, and never as a township.
    expect(chooseBundles(named, { terms: [term('低保')], villages: [], townships: [] }, {}, Infinity)).toEqual({ now: [1, 0, 2], later: [] });
    expect(chooseBundles(named, { terms: [term('低保')], villages: [], townships: [] }, { village: '马曲村' })).toEqual({ now: [0], later: [] });
    // With a masked name: the names bundle too, even when the budget is spent and a village is chosen.
    expect(chooseBundles(named, { terms: [term('马*顺'), term('低保')], villages: [], townships: [] }, {}, 30_000)).toEqual({ now: [1, 3], later: [0, 2] });
    expect(chooseBundles(named, { terms: [term('马*顺')], villages: [], townships: [] }, { village: '马曲村' })).toEqual({ now: [0, 3], later: [] });
    // An amount as pages print it may be a household's on a list: the names bundle too.
    expect(chooseBundles(named, { terms: [term('1,260.00')], villages: [], townships: [] }, {}, Infinity).now).toContain(3);
  });

  // A county of 100 villages: every township two bundles of about 25 KB, an index chunk about 3.4 KB.
  const split: SearchDirectory = {
    chars: '低保温水村修生产路民每人要交',
    bundles: [
      { id: 'a', townships: ['温水乡'], villages: ['上庄村'], pages: 659, bytes: 25_662, chunk: 3_433, missing: '' },
      { id: 'b', townships: ['温水乡'], villages: ['下庄村'], pages: 641, bytes: 25_029, chunk: 3_420, missing: '' },
      { id: 'c', townships: ['河北镇'], villages: ['河口村'], pages: 636, bytes: 25_014, chunk: 3_410, missing: '' },
    ],
  };
  // As planQuery writes a phrase: its Han characters spaced, each one index word.
  const phrase = (text: string) => ({ text, tries: [{ query: `"${Array.from(text).join(' ')}"`, label: text, synonym: false }] });
  const sentence = { terms: ['村修', '生产路', '村民', '每人要交'].map(phrase), villages: [], townships: [] };

  it('counts what a query reads in a bundle: an index chunk for each word it searches beyond two', () => {
    expect(indexWords(sentence)).toEqual(['村', '修', '生', '产', '路', '民', '每', '人', '要', '交']);
    expect(bundleCost(split.bundles[0]!, 2)).toBe(25_662);
    expect(bundleCost(split.bundles[0]!, 10)).toBe(25_662 + 8 * 3_433);
    // A lexicon written before the chunk was recorded: a bundle costs its bytes, as before.
    expect(bundleCost({ bytes: 25_662 }, 10)).toBe(25_662);
  });

  it('opens one bundle first for a sentence, where a word of two opens two: each would read every chunk of the sentence', () => {
    expect(chooseBundles(split, { terms: [phrase('低保')], villages: [], townships: [] }, {})).toEqual({ now: [0, 1], later: [2] });
    expect(chooseBundles(split, sentence, {})).toEqual({ now: [0], later: [1, 2] });
  });

  it('opens a township of two bundles whole for a word, and its first bundle for a sentence, offering the other', () => {
    expect(chooseBundles(split, { terms: [phrase('低保')], villages: [], townships: ['温水乡'] }, {})).toEqual({ now: [0, 1], later: [] });
    expect(chooseBundles(split, { ...sentence, townships: ['温水乡'] }, {})).toEqual({ now: [0], later: [1] });
    // Asked to search everything: the whole township.
    expect(chooseBundles(split, { ...sentence, townships: ['温水乡'] }, {}, Infinity)).toEqual({ now: [0, 1], later: [] });
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

describe('searching township bundles when one fails', () => {
  const directory: SearchDirectory = {
    chars: '低保',
    bundles: ['东风镇', '城关街道', '温水乡'].map((t, i) => ({ id: `b${i}`, townships: [t], villages: [], pages: 10, bytes: 1000, missing: '' })),
  };
  const plan = { terms: [term('低保')], villages: [], townships: [] };
  /** A bundle answering one result, or failing as a Pagefind instance whose files did not load. */
  const bundle = (i: number, fails = false) => ({
    search: () =>
      fails ? Promise.reject(new Error('RuntimeError: unreachable')) : Promise.resolve({ results: [{ id: 'p', score: 1, data: () => Promise.resolve(i) }] }),
  });

  it('searches the other bundles when one cannot be opened, and names it as not searched', async () => {
    const open = openBundles(directory, {}, (i) => (i === 1 ? Promise.reject(new Error('404')) : Promise.resolve(bundle(i))), Infinity);
    const { api, scope } = await open(plan);
    expect(scope).toEqual({ now: [0, 2], later: [], failed: [1] });
    expect((await api.search('低保', {}))!.results.map((r) => r.id).sort()).toEqual(['0:p', '2:p']);
  });

  it('leaves out a bundle whose search fails midway, from then on, and keeps the others’ results', async () => {
    let calls = 0;
    const flaky = { search: () => (++calls === 1 ? bundle(1).search() : bundle(1, true).search()) };
    const { api, scope } = await openBundles(directory, {}, (i) => Promise.resolve(i === 1 ? flaky : bundle(i)), Infinity)(plan);
    expect((await api.search('低保', {}))!.results).toHaveLength(3);
    expect((await api.search('低保', {}))!.results.map((r) => r.id).sort()).toEqual(['0:p', '2:p']);
    expect(await api.search('低保', {})).toBeTruthy();
    expect(calls).toBe(2);
    expect(scope).toEqual({ now: [0, 2], later: [], failed: [1] });
  });

  it('fails the search when no bundle can answer, so the page says search is not working now', async () => {
    await expect(openBundles(directory, {}, () => Promise.reject(new Error('offline')), Infinity)(plan)).rejects.toThrow('offline');
    const { api } = await openBundles(directory, {}, (i) => Promise.resolve(bundle(i, true)), Infinity)(plan);
    await expect(api.search('低保', {})).rejects.toThrow('unreachable');
  });

  it('without a report of failures (the province page), one bundle’s failure fails the search as before', async () => {
    const api = searchBundles([0, 1].map((i) => ({ bundle: i, api: bundle(i, i === 1) })));
    await expect(api.search('低保', {})).rejects.toThrow('unreachable');
  });
});
