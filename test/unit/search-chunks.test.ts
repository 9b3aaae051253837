import { describe, expect, it } from 'vitest';
import { encodeChunk, groupWords, readChunkFiles, readChunkWords, replaceChunkList, type ChunkWord } from '../../src/lib/search-chunks.ts';

/** CBOR as minicbor writes Pagefind's files: definite lengths, shortest heads. */
function cbor(value: unknown): Uint8Array {
  const head = (major: number, n: number) =>
    n < 24
      ? [(major << 5) | n]
      : n < 256
        ? [(major << 5) | 24, n]
        : n < 65536
          ? [(major << 5) | 25, n >> 8, n & 255]
          : [(major << 5) | 26, n >>> 24, (n >> 16) & 255, (n >> 8) & 255, n & 255];
  const out: number[] = [];
  const put = (v: unknown): void => {
    if (typeof v === 'number') out.push(...(v >= 0 ? head(0, v) : head(1, -1 - v)));
    else if (typeof v === 'string') {
      const b = new TextEncoder().encode(v);
      out.push(...head(3, b.length), ...b);
    } else if (Array.isArray(v)) {
      out.push(...head(4, v.length));
      v.forEach(put);
    }
  };
  put(value);
  return Uint8Array.from(out);
}

/** A word as Pagefind packs it: the word, its pages with their positions (weight markers are negative), and its variants. */
const word = (w: string, pages: number) => [w, Array.from({ length: pages }, (_, i) => [i, [-25, 10 + i, 300], []]), []];

function chunkOf(words: unknown[]): Uint8Array {
  return cbor([words]);
}

describe('smaller word chunks for a Pagefind bundle', () => {
  it('reads the words of a chunk byte for byte, so a chunk made of them is the chunk Pagefind wrote', () => {
    const original = chunkOf([word('印', 3), word('危', 40), word('县', 2)]);
    const words = readChunkWords(original);
    expect(words.map((w) => w.word)).toEqual(['印', '危', '县']);
    expect(encodeChunk(words)).toEqual(original);
  });

  it('never puts a rare word in a chunk bigger than the limit, and gives a word bigger than the limit a chunk of its own', () => {
    const words = readChunkWords(chunkOf([word('一', 1), word('村', 400), word('印', 2), word('县', 2), word('花', 3), word('财', 300)]));
    const limit = 200;
    const groups = groupWords(words, limit);
    expect(groups.map((g) => g.map((w) => w.word))).toEqual([['一'], ['村'], ['印', '县', '花'], ['财']]);
    for (const g of groups) if (g.length > 1) expect(g.reduce((sum, w) => sum + w.bytes.length, 0)).toBeLessThanOrEqual(limit);
    expect(groups.flat()).toEqual(words);
  });

  it('lists the new chunks in the metadata with boundaries cut as Pagefind cuts them, and keeps every other part of it', () => {
    const meta = cbor(['1.6.0', [['zh-cn_abc', 120, []]], [['a', 'z', 'zh-cn_old']], [['village', 'zh-cn_f1']], [], ['date']]);
    expect(readChunkFiles(meta)).toEqual(['zh-cn_old']);
    const next = replaceChunkList(meta, [
      { from: 'apple', to: 'apple', file: 'zh-cn_1' },
      { from: 'apricot', to: 'banana', file: 'zh-cn_2' },
      { from: 'peach', to: 'peach', file: 'zh-cn_3' },
    ]);
    expect(next).toEqual(
      cbor([
        '1.6.0',
        [['zh-cn_abc', 120, []]],
        [
          ['apple', 'app', 'zh-cn_1'],
          ['apr', 'b', 'zh-cn_2'],
          ['p', 'peach', 'zh-cn_3'],
        ],
        [['village', 'zh-cn_f1']],
        [],
        ['date'],
      ]),
    );
    expect(readChunkFiles(next)).toEqual(['zh-cn_1', 'zh-cn_2', 'zh-cn_3']);
  });

  it('stops with a clear error on a file that is not Pagefind’s CBOR', () => {
    expect(() => readChunkWords(Uint8Array.from([0xff, 0x00]))).toThrow(/Unknown Pagefind index format/);
    expect(() => readChunkWords(Uint8Array.from([0x81]))).toThrow(/Unknown Pagefind index format/);
    const words: ChunkWord[] = readChunkWords(chunkOf([]));
    expect(words).toEqual([]);
  });

  it('refuses a chunk that is cut short or has bytes after its words, and a word that is not an array starting with its text', () => {
    const whole = chunkOf([word('村', 3), word('县', 2)]);
    expect(readChunkWords(whole).map((w) => w.word)).toEqual(['村', '县']);
    expect(() => readChunkWords(whole.subarray(0, whole.length - 1))).toThrow(/Unknown Pagefind index format/);
    expect(() => readChunkWords(Uint8Array.from([...whole, 0]))).toThrow(/Unknown Pagefind index format/);
    expect(() => readChunkWords(chunkOf([7]))).toThrow(/Unknown Pagefind index format/);
    expect(() => readChunkWords(chunkOf([[3, []]]))).toThrow(/Unknown Pagefind index format/);
  });
});
