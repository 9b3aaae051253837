/**
 * Ledger entries in the search index, kept out of the ledger's Pagefind fragment. A ledger page is
 * one Pagefind record, so a query matches it, counts it and filters it once; but its fragment (what
 * a result's data loads) held every entry's line, about 5 KB gzipped at 150 entries, and a first
 * screen of five ledger results cost 30 KB (docs/search.md). After indexing, the build cuts the
 * entry lines out of the fragment into chunks of `ENTRIES_PER_CHUNK` entries, each gzipped on its
 * own, and writes them one after another into one file per ledger (`entryPackFile`); the fragment
 * keeps the anchor of each chunk's first entry and each chunk's byte range (`entryRanges`). A
 * result's match positions (Pagefind's word locations, unchanged) then say which chunk holds the
 * matching entry: only its bytes are fetched (an HTTP range, about 1 KB), and the result opens at
 * that entry with its line as the excerpt. One file per ledger, not per chunk: a county of 300
 * villages has 2,400 ledgers and 21,330 chunks, and static hosts cap the files of a deployment.
 *
 * Pure: the build (src/integrations/search-index.ts), the search page and the Node tests run it.
 * Pagefind's word positions count the pieces of the fragment's text between zero-width spaces
 * (the indexed copy separates every Han character, src/lib/search-query.ts), so positions survive
 * only as long as no piece before them is removed: the cut keeps the text before the first entry.
 */
import { isEntryAnchor } from './ledger.ts';
import { amountExcerpt, type AmountTailNote } from './search-amounts.ts';

/** Entries per chunk: one chunk is about 0.6–1 KB gzipped, and a result loads one. */
export const ENTRIES_PER_CHUNK = 20;

/** What a search result's data needs to find its entry (Pagefind's fragment fields). */
export interface EntryAnchor {
  element?: string;
  id: string;
  text?: string;
  location: number;
}

/** One file of a ledger's entries: each entry's row id, its first word's position and its words as Pagefind split them. */
export interface EntryChunk {
  entries: { id: string; at: number; words: string[] }[];
}

/**
 * The file (under the bundle's folder) holding the chunks of the record whose Pagefind id is `recordId`: gzip members
 * one after another. Not .json or .gz: a host sends it as it is (application/octet-stream), so a byte range of it is a
 * whole gzipped chunk.
 */
export function entryPackFile(recordId: string): string {
  return `entries/${recordId}.bin`;
}

/** Byte range of a chunk in its ledger's file: offset and length. */
export type EntryRange = readonly [number, number];

/** A result's data on the search pages (the county's and the province portal's): Pagefind's, and what a ledger's entries are found by. */
export interface SearchResultData {
  url: string;
  excerpt: string;
  /** The page's indexed text, whose window `excerpt` is. */
  content?: string;
  meta: Record<string, string>;
  /** Where the page's headings with ids are, and where the query matched (word positions): a ledger's entry is found by them. */
  anchors?: EntryAnchor[];
  locations?: number[];
  /** A ledger's chunks of entries: their byte ranges in its file. */
  entryRanges?: EntryRange[];
  /** Set by withLedgerEntries when the match is in a ledger entry: the entry's row and line. */
  entry?: { url: string; excerpt: string };
}

/** The ledger's file of chunks (each JSON, gzipped by `gzip`) and the byte range of each. */
export function packEntryChunks(chunks: readonly EntryChunk[], gzip: (data: Uint8Array) => Uint8Array): { pack: Uint8Array; ranges: EntryRange[] } {
  const parts = chunks.map((c) => gzip(new TextEncoder().encode(JSON.stringify(c))));
  const pack = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  const ranges: EntryRange[] = [];
  let at = 0;
  for (const p of parts) {
    pack.set(p, at);
    ranges.push([at, p.length]);
    at += p.length;
  }
  return { pack, ranges };
}

/** The HTTP Range header asking for `range`. */
export function rangeHeader([offset, length]: EntryRange): string {
  return `bytes=${offset}-${offset + length - 1}`;
}

/**
 * A chunk from the answer to a range request: a 206 answer is the chunk's bytes; a host that ignores Range answers 200
 * with the whole file, from which the chunk is cut. Decompressed with the platform's DecompressionStream; anything
 * else (a 404 page, cut bytes) fails to decompress and rejects.
 */
export async function readEntryRange(status: number, body: Uint8Array, [offset, length]: EntryRange): Promise<EntryChunk> {
  const bytes = status === 206 ? body : body.subarray(offset, offset + length);
  return (await new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'))).json()) as EntryChunk;
}

const WORD_BREAK = '\u200B';

/**
 * A ledger's Pagefind fragment without its entry lines: the text before the first entry, the
 * page's other anchors, and the first anchor of each chunk; and the chunks. A fragment without
 * entry anchors is returned unchanged, with no chunks.
 */
export function splitLedgerFragment<F extends { content: string; anchors: EntryAnchor[] }>(fragment: F): { fragment: F; chunks: EntryChunk[] } {
  const entries = fragment.anchors.filter((a) => isEntryAnchor(a.id)).sort((a, b) => a.location - b.location);
  if (entries.length === 0) return { fragment, chunks: [] };
  const words = fragment.content.split(WORD_BREAK);
  const chunks: EntryChunk[] = [];
  for (const [i, a] of entries.entries()) {
    if (i % ENTRIES_PER_CHUNK === 0) chunks.push({ entries: [] });
    const end = entries[i + 1]?.location ?? words.length;
    chunks.at(-1)!.entries.push({ id: a.id, at: a.location, words: words.slice(a.location, end) });
  }
  const starts = new Set(entries.filter((_, i) => i % ENTRIES_PER_CHUNK === 0));
  return {
    fragment: {
      ...fragment,
      content: words.slice(0, entries[0]!.location).join(WORD_BREAK),
      anchors: fragment.anchors.filter((a) => !isEntryAnchor(a.id) || starts.has(a)),
    },
    chunks,
  };
}

/**
 * The chunk that holds a result's first match inside its entries, from the anchors its fragment
 * kept (each chunk's first entry) and its match positions; undefined when no match is in an entry.
 */
export function matchedChunk(d: { anchors?: EntryAnchor[]; locations?: number[] }): { chunk: number; at: number } | undefined {
  const starts = (d.anchors ?? []).filter((a) => isEntryAnchor(a.id)).sort((a, b) => a.location - b.location);
  if (starts.length === 0) return undefined;
  const at = (d.locations ?? []).filter((l) => l >= starts[0]!.location).sort((a, b) => a - b)[0];
  if (at === undefined) return undefined;
  let chunk = 0;
  while (chunk + 1 < starts.length && starts[chunk + 1]!.location <= at) chunk++;
  return { chunk, at };
}

/** The entry of `chunk` holding word `at`, with its line as an excerpt: Pagefind's form, matched words in <mark>, `<` escaped. */
export function entryExcerpt(chunk: EntryChunk, at: number, locations: readonly number[]): { id: string; excerpt: string } | undefined {
  let entry: EntryChunk['entries'][number] | undefined;
  for (const e of chunk.entries) if (e.at <= at) entry = e;
  if (!entry || at >= entry.at + entry.words.length) return undefined;
  const marked = new Set(locations);
  const excerpt = entry.words
    .map((w, i) => {
      const word = w.replace(/</g, '&lt;').replace(/>/g, '&gt;');
      return marked.has(entry.at + i) ? `<mark>${word}</mark>` : word;
    })
    .join('')
    .trim();
  return { id: entry.id, excerpt };
}

/** What a ledger's fragment says about its chunks: their byte ranges in its file, in order (set by the build). */
export interface WithRanges {
  entryRanges?: EntryRange[];
}

/** A search result's data with the entry it opens at (`entry`), when its match is in a ledger entry. */
export type WithEntry<D> = D & { entry?: { url: string; excerpt: string } };

/**
 * A bundle's search API whose results load, with their data, the entry their match is in:
 * `load(file, range)` reads a byte range of a file under the bundle's folder (entryPackFile) as a
 * chunk. Results that are not ledgers, or whose match is outside the entries, are returned as
 * Pagefind made them, except that a result matched only in its amount tail gets the excerpt at the
 * sentence stating the amount (`amountExcerpt`).
 */
export function withLedgerEntries<
  D extends { url: string; excerpt?: string; anchors?: EntryAnchor[]; locations?: number[]; amountTail?: AmountTailNote } & WithRanges,
  O,
>(
  api: {
    search(term: string | null, options: O): Promise<{ results: { id: string; score: number; data(): Promise<D> }[] } | null>;
  },
  load: (file: string, range: EntryRange) => Promise<EntryChunk>,
) {
  return {
    async search(term: string | null, options: O) {
      const r = await api.search(term, options);
      if (!r) return r;
      return {
        ...r,
        results: r.results.map((x) => ({
          ...x,
          data: async (): Promise<WithEntry<D>> => {
            const d = await x.data();
            // A page found only through the amounts its sentences state (search-amounts.ts) shows the sentence stating one.
            const stated = amountExcerpt(d);
            const page = stated ? { ...d, excerpt: stated } : d;
            const match = matchedChunk(d);
            const range = match && d.entryRanges?.[match.chunk];
            if (!match || !range) return page;
            // A file that cannot be read (a half-published site) leaves the result as Pagefind made it: it opens at the page.
            const chunk = await load(entryPackFile(x.id), range).catch(() => undefined);
            const entry = chunk && entryExcerpt(chunk, match.at, d.locations ?? []);
            return entry ? { ...page, entry: { url: `${d.url}#${entry.id}`, excerpt: entry.excerpt } } : page;
          },
        })),
      };
    },
  };
}
