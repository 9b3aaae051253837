/**
 * C2SP tlog-tiles (https://c2sp.org/tlog-tiles): the log published as static files —
 *
 *   tile/<L>/<N>[.p/<W>]        hashes at level L (tile height 8: 256 hashes per full tile)
 *   tile/entries/<N>[.p/<W>]    entry bundles: each entry as big-endian uint16 length || bytes
 *
 * <N> is written in 3-digit groups, all but the last prefixed with x (1234067 → x001/x234/067).
 * C2SP fixes the tile height at 8 and has no <H> path element (Go's sumdb tiles, tile/<H>/<L>/<N>,
 * are the older variant this replaced).
 */
import { concatBytes } from './bytes.ts';
import { buildMerkleTree, type Hash, hashChildren, hashLeaf } from './merkle.ts';

// Tiles are 8 levels high: TILE_WIDTH = 2^8 hashes (C2SP tlog-tiles).
export const TILE_WIDTH = 256;

/** `x001/x234/067` for 1234067. */
export function encodeTileIndex(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`tile index ${n} is not a non-negative integer`);
  const groups: string[] = [];
  let rest = n;
  do {
    groups.unshift(String(rest % 1000).padStart(3, '0'));
    rest = Math.floor(rest / 1000);
  } while (rest > 0);
  return groups.map((g, i) => (i < groups.length - 1 ? `x${g}` : g)).join('/');
}

/** Path of a hash tile (level >= 0) or, with level 'entries', of an entry bundle. */
export function getTilePath(level: number | 'entries', index: number, width = TILE_WIDTH): string {
  if (width < 1 || width > TILE_WIDTH) throw new RangeError(`tile width ${width} is not 1–256`);
  return `tile/${level}/${encodeTileIndex(index)}${width < TILE_WIDTH ? `.p/${width}` : ''}`;
}

/** The tiles of a tree of `size` leaves: level, index and width (tlog-tiles "Partial Tiles"). */
export function listTiles(size: number): { level: number; index: number; width: number }[] {
  const tiles: { level: number; index: number; width: number }[] = [];
  for (let level = 0, count = size; count > 0; level++, count = Math.floor(count / TILE_WIDTH)) {
    for (let index = 0; index * TILE_WIDTH < count; index++) tiles.push({ level, index, width: Math.min(TILE_WIDTH, count - index * TILE_WIDTH) });
  }
  return tiles;
}

/** Concatenates length-prefixed entries into a bundle. */
export function encodeEntryBundle(entries: readonly Uint8Array[]): Uint8Array {
  return concatBytes(
    ...entries.flatMap((e) => {
      if (e.length > 0xffff) throw new RangeError(`a log entry is ${e.length} bytes; entries are at most 65535`);
      return [Uint8Array.of(e.length >> 8, e.length & 0xff), e];
    }),
  );
}

/** Splits a bundle into its entries; null when it is truncated. */
export function decodeEntryBundle(bundle: Uint8Array): Uint8Array[] | null {
  const entries: Uint8Array[] = [];
  for (let at = 0; at < bundle.length;) {
    if (at + 2 > bundle.length) return null;
    const n = ((bundle[at] as number) << 8) | (bundle[at + 1] as number);
    if (at + 2 + n > bundle.length) return null;
    entries.push(bundle.slice(at + 2, at + 2 + n));
    at += 2 + n;
  }
  return entries;
}

/**
 * The hashes at each tile level: level 0 the leaf hashes, level l+1 the roots of the full
 * 256-wide groups at level l.
 */
export function getTileLevels(leafHashes: readonly Hash[]): Hash[][] {
  const levels: Hash[][] = [leafHashes.slice()];
  for (let below = levels[0] as Hash[]; below.length >= TILE_WIDTH;) {
    const above: Hash[] = [];
    for (let i = 0; i + TILE_WIDTH <= below.length; i += TILE_WIDTH) above.push(buildMerkleTree(below.slice(i, i + TILE_WIDTH)).getRoot());
    levels.push(above);
    below = above;
  }
  return levels;
}

/** Every tile and entry bundle of a log holding `entries`, keyed by path. */
export function buildTiles(entries: readonly Uint8Array[]): Map<string, Uint8Array> {
  const levels = getTileLevels(entries.map(hashLeaf));
  const files = new Map<string, Uint8Array>();
  for (const { level, index, width } of listTiles(entries.length)) {
    const hashes = (levels[level] as Hash[]).slice(index * TILE_WIDTH, index * TILE_WIDTH + width);
    files.set(getTilePath(level, index, width), concatBytes(...hashes));
    if (level === 0) files.set(getTilePath('entries', index, width), encodeEntryBundle(entries.slice(index * TILE_WIDTH, index * TILE_WIDTH + width)));
  }
  return files;
}

/** Splits a tile into its 32-byte hashes; null when its length is not width × 32. */
export function decodeHashTile(tile: Uint8Array, width: number): Hash[] | null {
  if (tile.length !== width * 32) return null;
  return Array.from({ length: width }, (_, i) => tile.slice(i * 32, i * 32 + 32));
}

/** Reads the hashes of the hash tile at `level`, `index` with `width` hashes (see getTilePath), e.g. by fetching it. */
export type TileReader = (level: number, index: number, width: number) => Promise<Hash[]>;

/**
 * RFC 6962 PATH(index, D[0:size]) read from the log's hash tiles (tlog-tiles "Reading tiles"): each
 * sibling is the root of whole aligned subtrees, each cut from the few hashes of one tile, so a
 * reader needs only the tiles above and beside the entry (two or three for a county's log).
 * `read` is called at most once per tile.
 */
export async function proveInclusionFromTiles(index: number, size: number, read: TileReader): Promise<Hash[]> {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size)
    throw new RangeError(`leaf ${index} is not in a tree of size ${size}`);
  const tiles = new Map<string, Promise<Hash[]>>();
  const readTile = (level: number, tile: number): Promise<Hash[]> => {
    const width = Math.min(TILE_WIDTH, Math.floor(size / TILE_WIDTH ** level) - tile * TILE_WIDTH);
    const key = `${level}/${tile}`;
    if (!tiles.has(key)) tiles.set(key, read(level, tile, width));
    return tiles.get(key)!;
  };
  // MTH(D[start:end]): whole aligned power-of-two subtrees come from one tile; others are split.
  const subtree = async (start: number, end: number): Promise<Hash> => {
    const n = end - start;
    if ((n & (n - 1)) === 0 && start % n === 0) {
      const height = Math.log2(n);
      const level = Math.floor(height / 8);
      const at = start / TILE_WIDTH ** level;
      const count = n / TILE_WIDTH ** level;
      const hashes = await readTile(level, Math.floor(at / TILE_WIDTH));
      const part = hashes.slice(at % TILE_WIDTH, (at % TILE_WIDTH) + count);
      if (part.length !== count) throw new Error(`tile ${getTilePath(level, Math.floor(at / TILE_WIDTH))} is too short`);
      return buildMerkleTree(part).getRoot();
    }
    let k = 1;
    while (k * 2 < n) k *= 2;
    return hashChildren(await subtree(start, start + k), await subtree(start + k, end));
  };
  const proof: Hash[] = [];
  for (let start = 0, end = size, at = index; end - start > 1;) {
    let k = 1;
    while (k * 2 < end - start) k *= 2;
    if (at - start < k) {
      proof.unshift(await subtree(start + k, end));
      end = start + k;
    } else {
      proof.unshift(await subtree(start, start + k));
      start += k;
    }
  }
  return proof;
}
