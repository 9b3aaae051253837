/**
 * Smaller word chunks for a Pagefind bundle. Pagefind writes a bundle's words, in order, into index
 * chunks of about 20,000 word positions each (a constant in its indexer, not an option): a rare word
 * shares its chunk with the common words beside it, so 印花税's pin 印花 read two chunks of 24 KB for
 * a few hundred bytes of its own (docs/search.md, "The first query at 300 villages"). After
 * indexing, the build cuts the same words into chunks of at most `CHUNK_BYTES` (a word bigger than
 * that alone): a query reads about what its own words weigh, plus at most `CHUNK_BYTES`.
 *
 * Pagefind's files are CBOR (minicbor, definite lengths). This module reads only the framing: a
 * chunk is `[[word, …]]`, each word an item copied byte for byte; the metadata is an array whose
 * item 2 lists the chunks as `[from, to, file]`, `from` and `to` cut to the shortest prefixes that
 * tell neighbouring chunks apart (as Pagefind's own `chunk_meta` does, so its lookup is unchanged).
 * Every other item of the metadata is copied unchanged. Pure: the build runs it, and the tests.
 */
import { concatBytes } from './tlog/bytes.ts';

/** Most CBOR bytes of words in one chunk (about 3.5 KB gzipped); a bigger word gets a chunk of its own. */
export const CHUNK_BYTES = 8 * 1024;

/** A word of a chunk: its text and its CBOR item as stored. */
export interface ChunkWord {
  word: string;
  bytes: Uint8Array;
}

function fail(what: string): never {
  throw new Error(`Pagefind 索引格式不认识：${what}。Unknown Pagefind index format: ${what}`);
}

/** The head of the CBOR item at `at`: major type, argument and where its content starts. */
function head(buf: Uint8Array, at: number): { major: number; value: number; next: number } {
  if (at >= buf.length) fail('unexpected end');
  const first = buf[at]!;
  const major = first >> 5;
  const info = first & 31;
  if (info < 24) return { major, value: info, next: at + 1 };
  const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : fail(`length ${info} at ${at}`);
  if (at + 1 + size > buf.length) fail('unexpected end');
  let value = 0;
  for (let i = 0; i < size; i++) value = value * 256 + buf[at + 1 + i]!;
  return { major, value, next: at + 1 + size };
}

/** Where the CBOR item at `at` ends. */
function skip(buf: Uint8Array, at: number): number {
  const h = head(buf, at);
  switch (h.major) {
    case 0:
    case 1:
      return h.next;
    case 2:
    case 3:
      if (h.next + h.value > buf.length) fail('unexpected end');
      return h.next + h.value;
    case 4: {
      let p = h.next;
      for (let i = 0; i < h.value; i++) p = skip(buf, p);
      return p;
    }
    case 5: {
      let p = h.next;
      for (let i = 0; i < 2 * h.value; i++) p = skip(buf, p);
      return p;
    }
    case 7:
      if (h.value > 23) fail(`float at ${at}`);
      return h.next;
    default:
      return fail(`major type ${h.major} at ${at}`);
  }
}

/** The items of the CBOR array at `at`, as [start, end) spans. */
function arrayItems(buf: Uint8Array, at: number): [number, number][] {
  const h = head(buf, at);
  if (h.major !== 4) fail(`array expected at ${at}`);
  const spans: [number, number][] = [];
  let p = h.next;
  for (let i = 0; i < h.value; i++) {
    const end = skip(buf, p);
    spans.push([p, end]);
    p = end;
  }
  return spans;
}

const utf8 = new TextDecoder();

function text(buf: Uint8Array, at: number): string {
  const h = head(buf, at);
  if (h.major !== 3) fail(`text expected at ${at}`);
  return utf8.decode(buf.subarray(h.next, h.next + h.value));
}

function encodeHead(major: number, value: number): number[] {
  if (value < 24) return [(major << 5) | value];
  if (value < 2 ** 8) return [(major << 5) | 24, value];
  if (value < 2 ** 16) return [(major << 5) | 25, value >> 8, value & 255];
  return [(major << 5) | 26, (value >>> 24) & 255, (value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function encodeText(value: string): Uint8Array {
  const bytes = new TextEncoder().encode(value);
  return concatBytes(Uint8Array.from(encodeHead(3, bytes.length)), bytes);
}

function encodeArray(items: readonly Uint8Array[]): Uint8Array {
  return concatBytes(Uint8Array.from(encodeHead(4, items.length)), ...items);
}

/** The words of one index chunk (its CBOR, without Pagefind's signature), in order. */
export function readChunkWords(chunk: Uint8Array): ChunkWord[] {
  // One walk over the chunk (its postings are most of it): the outer array's head, then each word's span.
  const outer = head(chunk, 0);
  if (outer.major !== 4 || outer.value !== 1) fail('chunk');
  const spans = arrayItems(chunk, outer.next);
  if ((spans.at(-1)?.[1] ?? head(chunk, outer.next).next) !== chunk.length) fail('chunk');
  return spans.map(([start, end]) => {
    const word = head(chunk, start);
    if (word.major !== 4 || word.value < 1) fail('word');
    return { word: text(chunk, word.next), bytes: chunk.subarray(start, end) };
  });
}

/** The files of the index chunks the metadata lists (item 2), in order. */
export function readChunkFiles(meta: Uint8Array): string[] {
  const items = arrayItems(meta, 0);
  const chunks = items[2] ?? fail('metadata');
  return arrayItems(meta, chunks[0]).map(([start]) => text(meta, (arrayItems(meta, start)[2] ?? fail('chunk entry'))[0]));
}

/** Words (in order) grouped into chunks of at most `maxBytes` CBOR bytes each, a bigger word alone. */
export function groupWords(words: readonly ChunkWord[], maxBytes = CHUNK_BYTES): ChunkWord[][] {
  const groups: ChunkWord[][] = [];
  let size = 0;
  for (const w of words) {
    const open = groups.at(-1);
    if (open && open.length > 0 && size + w.bytes.length <= maxBytes) {
      open.push(w);
      size += w.bytes.length;
    } else {
      groups.push([w]);
      size = w.bytes.length;
    }
  }
  return groups;
}

/** A chunk's CBOR: `[[word, …]]`. */
export function encodeChunk(words: readonly ChunkWord[]): Uint8Array {
  return encodeArray([encodeArray(words.map((w) => w.bytes))]);
}

/** The shortest prefixes of neighbouring boundary words `a` (last of one chunk) and `b` (first of the next) that tell them apart. */
function prefixes(a: string, b: string): [string, string] {
  const x = Array.from(a);
  const y = Array.from(b);
  let common = 0;
  while (common < x.length && common < y.length && x[common] === y[common]) common++;
  return [x.slice(0, common + 1).join(''), y.slice(0, common + 1).join('')];
}

/** The metadata with its chunk list replaced: `chunks` in order, each its words' first and last and its file. */
export function replaceChunkList(meta: Uint8Array, chunks: readonly { from: string; to: string; file: string }[]): Uint8Array {
  const items = arrayItems(meta, 0);
  if (items.length < 3 || skip(meta, 0) !== meta.length) fail('metadata');
  const bounds = chunks.map((c) => ({ ...c }));
  for (let i = 0; i + 1 < bounds.length; i++) [bounds[i]!.to, bounds[i + 1]!.from] = prefixes(bounds[i]!.to, bounds[i + 1]!.from);
  const list = encodeArray(bounds.map((c) => encodeArray([encodeText(c.from), encodeText(c.to), encodeText(c.file)])));
  return encodeArray(items.map(([start, end], i) => (i === 2 ? list : meta.subarray(start, end))));
}
