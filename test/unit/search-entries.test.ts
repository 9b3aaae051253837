import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  ENTRIES_PER_CHUNK,
  entryExcerpt,
  entryPackFile,
  matchedChunk,
  packEntryChunks,
  rangeHeader,
  readEntryRange,
  splitLedgerFragment,
  withLedgerEntries,
  type EntryAnchor,
  type EntryRange,
} from '../../src/lib/search-entries.ts';
import { mayCorrect } from '../../src/lib/search-suggest.ts';

const ZW = '\u200B';

/** A ledger fragment as Pagefind writes it: words between zero-width spaces, one anchor per heading with its word position. */
function ledgerFragment(entries: number) {
  const words = ['马', '曲', '村', '财', '务', '. ', '审', '核', '签', '字', '. '];
  const anchors = [{ element: 'h2', id: 'signoff-h', text: '审核签字', location: 6 }];
  for (let i = 1; i <= entries; i++) {
    anchors.push({ element: 'h6', id: `zhichu-${i}`, text: `记-09-${String(i).padStart(3, '0')}`, location: words.length });
    words.push(`记-09-${String(i).padStart(3, '0')}. `, '支', '出', ' ', ...(i === 33 ? ['印', '花', '税'] : ['办', '公']), '，', `${i},000.00 `, '元', '。 ');
  }
  return { url: '/v/maqu/finances/2025-q3/', content: words.join(ZW), anchors, meta: { title: '马曲村2025年第三季度财务收支公开' } };
}

describe('ledger entries kept out of the ledger fragment', () => {
  it('leaves the text before the first entry in the fragment, and every entry in files of twenty', () => {
    const fragment = ledgerFragment(45);
    const { fragment: slim, chunks } = splitLedgerFragment(fragment);
    expect(slim.content).toBe(['马', '曲', '村', '财', '务', '. ', '审', '核', '签', '字', '. '].join(ZW));
    expect(chunks.map((c) => c.entries.length)).toEqual([ENTRIES_PER_CHUNK, ENTRIES_PER_CHUNK, 5]);
    // The fragment keeps the page's other anchors and the first entry of each file.
    expect(slim.anchors.map((a) => a.id)).toEqual(['signoff-h', 'zhichu-1', 'zhichu-21', 'zhichu-41']);
    // Nothing is lost: the files hold every entry's words, at the positions Pagefind gave them.
    const words = fragment.content.split(ZW);
    for (const e of chunks.flatMap((c) => c.entries)) expect(e.words).toEqual(words.slice(e.at, e.at + e.words.length));
    expect(chunks.flatMap((c) => c.entries).reduce((n, e) => n + e.words.length, 0)).toBe(words.length - 11);
    expect(slim.meta).toEqual(fragment.meta);
  });

  it('leaves a page without entries as it is', () => {
    const page = { content: `低${ZW}保`, anchors: [{ element: 'h2', id: 'signoff-h', text: '审核', location: 0 }] };
    expect(splitLedgerFragment(page)).toEqual({ fragment: page, chunks: [] });
  });

  it('finds the file and the entry a match is in, and marks the matched words in its line', () => {
    const fragment = ledgerFragment(45);
    const { fragment: slim, chunks } = splitLedgerFragment(fragment);
    const at = fragment.content.split(ZW).indexOf('印');
    const locations = [at, at + 1, at + 2];
    expect(matchedChunk({ ...slim, locations })).toEqual({ chunk: 1, at });
    expect(entryExcerpt(chunks[1]!, at, locations)).toEqual({
      id: 'zhichu-33',
      excerpt: '记-09-033. 支出 <mark>印</mark><mark>花</mark><mark>税</mark>，33,000.00 元。',
    });
    // A match before the entries (the title) opens the page itself; a result with no match, too.
    expect(matchedChunk({ ...slim, locations: [0, 1] })).toBeUndefined();
    expect(matchedChunk({ ...slim, locations: [] })).toBeUndefined();
    expect(matchedChunk({ anchors: [], locations: [3] })).toBeUndefined();
  });

  it('packs a ledger’s chunks into one file, each chunk a byte range that reads back on its own, whether the host answers the range or sends the whole file', async () => {
    const { chunks } = splitLedgerFragment(ledgerFragment(45));
    const { pack, ranges } = packEntryChunks(chunks, (data) => gzipSync(data));
    expect(ranges.length).toBe(3);
    expect(ranges.reduce((end, [offset, length]) => (expect(offset).toBe(end), offset + length), 0)).toBe(pack.length);
    for (const [i, range] of ranges.entries()) {
      expect(await readEntryRange(206, pack.subarray(range[0], range[0] + range[1]), range)).toEqual(chunks[i]);
      expect(await readEntryRange(200, pack, range)).toEqual(chunks[i]);
    }
    expect(rangeHeader([120, 30])).toBe('bytes=120-149');
    // Cut bytes, or a host's 404 page, do not decompress: the caller opens the result at its page.
    await expect(readEntryRange(206, pack.subarray(0, 5), ranges[0]!)).rejects.toThrow();
    await expect(readEntryRange(404, new TextEncoder().encode('<h1>Not found</h1>'), [0, 18])).rejects.toThrow();
  });

  it('gives a ledger result the entry it opens at, loading only the byte range of that chunk of entries', async () => {
    const fragment = ledgerFragment(45);
    const { fragment: slim, chunks } = splitLedgerFragment(fragment);
    const { pack, ranges } = packEntryChunks(chunks, (data) => gzipSync(data));
    const at = fragment.content.split(ZW).indexOf('印');
    const loaded: [string, EntryRange][] = [];
    type Data = { url: string; excerpt: string; anchors: EntryAnchor[]; locations: number[]; entryRanges?: EntryRange[] };
    const raw: { id: string; score: number; data(): Promise<Data> }[] = [
      { id: 'zh-cn_abc', score: 1, data: () => Promise.resolve({ ...slim, entryRanges: ranges, excerpt: '', locations: [at, at + 1, at + 2] }) },
      { id: 'zh-cn_def', score: 0.5, data: () => Promise.resolve({ url: '/v/maqu/notices/a/', excerpt: '低保', anchors: [], locations: [0] }) },
    ];
    const api = withLedgerEntries({ search: () => Promise.resolve({ results: raw }) }, (file, range) => {
      loaded.push([file, range]);
      return readEntryRange(206, pack.subarray(range[0], range[0] + range[1]), range);
    });
    const results = (await api.search('"印 花 税"', {}))!.results;
    const [ledger, notice] = await Promise.all(results.map((r) => r.data()));
    expect(ledger!.entry).toEqual({ url: '/v/maqu/finances/2025-q3/#zhichu-33', excerpt: expect.stringContaining('<mark>印</mark>') as string });
    expect(notice!.entry).toBeUndefined();
    expect(loaded).toEqual([[entryPackFile('zh-cn_abc'), ranges[1]]]);
    // A file that cannot be read leaves the result opening at the page, with Pagefind's own excerpt.
    const missing = withLedgerEntries({ search: () => Promise.resolve({ results: raw.slice(0, 1) }) }, () => Promise.reject(new Error('404')));
    // So does a fragment from an older build, which has no byte ranges.
    const older = withLedgerEntries(
      { search: () => Promise.resolve({ results: [{ ...raw[0]!, data: () => Promise.resolve({ ...slim, excerpt: '', locations: [at] }) }] }) },
      () => Promise.reject(new Error('not asked')),
    );
    expect((await (await older.search('"印"', {}))!.results[0]!.data()).entry).toBeUndefined();
    const [alone] = (await missing.search('"印 花 税"', {}))!.results;
    const d = await alone!.data();
    expect(d.entry).toBeUndefined();
    expect(d.url).toBe('/v/maqu/finances/2025-q3/');
  });
});

describe('the vocabulary for "did you mean"', () => {
  it('is not downloaded for an amount, a date or a voucher, which have nothing to correct', () => {
    for (const q of ['12,500.00', '1.25万', '记-09-002', '2025年9月', '9月']) expect(mayCorrect(q), q).toBe(false);
    for (const q of ['低宝', 'dibao', 'zhai ji di', '马区村 低保']) expect(mayCorrect(q), q).toBe(true);
  });
});
