/**
 * A zip archive of DEFLATE-compressed entries, deterministic: every entry is dated 1980-01-01 00:00
 * (the earliest DOS date), the entries keep the order given, nothing else (no extra fields, no
 * comments, no data descriptors) is written. Compressed by Node's zlib (level 6, the level JSZip
 * and exceljs use), several times faster than a JavaScript deflate.
 *
 * Written piece by piece (`ZipWriter`): an entry's text can be a sequence of chunks, compressed as it
 * comes and handed to a `ByteSink` (a file, or memory); its local header is written back over a
 * placeholder once its size and CRC are known. zlib's stream gives the same bytes as its one-shot
 * deflate, so the archive is the same whichever way an entry's text was given.
 *
 * An entry can also be given as pieces compressed apart (`deflatePiece`, `DeflatedPieces`): each an independent raw
 * deflate stream ended by a sync flush (byte-aligned, no final block), so the pieces end to end, then one empty final
 * block, are one valid deflate stream, and a piece made by an earlier build can be written again as it is (the county
 * workbook's villages, src/opendata/xlsx.ts). Their CRCs are combined (`crc32Combine`) without their text.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1;
const MAX_32 = 0xffffffff;

/** Where bytes are written in order; `writeAt` writes over bytes written earlier (a header placeholder). */
export interface ByteSink {
  write(bytes: Buffer): Promise<void>;
  writeAt(bytes: Buffer, position: number): Promise<void>;
}

/** A sink in memory: `bytes()` is everything written. */
export function memorySink(): ByteSink & { bytes(): Buffer } {
  const chunks: Buffer[] = [];
  const starts = new Map<number, Buffer>();
  let length = 0;
  return {
    write(bytes) {
      // Copied: a chunk may be patched later, and a caller may reuse its buffer.
      const own = Buffer.from(bytes);
      starts.set(length, own);
      chunks.push(own);
      length += own.length;
      return Promise.resolve();
    },
    writeAt(bytes, position) {
      const chunk = starts.get(position);
      if (!chunk || chunk.length < bytes.length) return Promise.reject(new Error(`writeAt ${position}: not the start of a chunk written before`));
      bytes.copy(chunk);
      return Promise.resolve();
    },
    bytes: () => Buffer.concat(chunks),
  };
}

/** Text compressed on its own (`deflatePiece`): a raw deflate stream ended by a sync flush, with the text's CRC-32 and length. */
export interface DeflatedPiece {
  bytes: Buffer;
  crc: number;
  size: number;
}

/** An entry given as pieces compressed apart, written end to end. */
export interface DeflatedPieces {
  pieces: Iterable<DeflatedPiece> | AsyncIterable<DeflatedPiece>;
}

/** An entry's content: text or bytes, or a sequence of them compressed as it comes, or pieces compressed apart. */
export type EntryContent = string | Buffer | Iterable<string | Buffer> | AsyncIterable<string | Buffer> | DeflatedPieces;

/** `text` compressed as a piece of an entry (`DeflatedPieces`); nothing for no text. */
export function deflatePiece(text: string): DeflatedPiece {
  if (text === '') return { bytes: Buffer.alloc(0), crc: 0, size: 0 };
  const data = Buffer.from(text, 'utf8');
  return { bytes: deflateRawSync(data, { finishFlush: constants.Z_SYNC_FLUSH }), crc: crc32(data), size: data.length };
}

/** The last block of a deflate stream made of pieces: an empty final block (fixed codes), what zlib ends an empty stream with. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

const CRC_POLY = 0xedb88320;

/** a(x)·b(x) modulo the CRC-32 polynomial, both reflected (zlib's multmodp). */
function multiplyModPoly(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ CRC_POLY : b >>> 1;
  }
  return p >>> 0;
}

/** x^(2^k) modulo the polynomial, k = 0 … 31. */
const X2N: readonly number[] = (() => {
  const table = [1 << 30];
  for (let k = 1; k < 32; k += 1) table.push(multiplyModPoly(table[k - 1]!, table[k - 1]!));
  return table;
})();

/**
 * The CRC-32 of two byte strings end to end from their CRCs and the second's length (zlib's crc32_combine): the
 * first's CRC multiplied by x^(8·length) modulo the polynomial, plus the second's.
 */
export function crc32Combine(crc1: number, crc2: number, length2: number): number {
  let p = 0x80000000;
  for (let n = length2, k = 3; n > 0; n = Math.floor(n / 2), k += 1) if (n % 2 === 1) p = multiplyModPoly(X2N[k & 31]!, p);
  return (multiplyModPoly(p, crc1) ^ crc2) >>> 0;
}

/** A zip archive written entry by entry into a sink; `end()` writes the central directory. */
export class ZipWriter {
  private offset = 0;
  private count = 0;
  private readonly central: Buffer[] = [];
  constructor(private readonly sink: ByteSink) {}

  private async put(bytes: Buffer): Promise<void> {
    await this.sink.write(bytes);
    this.offset += bytes.length;
  }

  /** Adds entry `name` (an ASCII path) with `content`. */
  async add(name: string, content: EntryContent): Promise<void> {
    const start = this.offset;
    if (start > MAX_32) throw new Error(`zip entry ${name} starts beyond 4 GB (zip64 is not written)`);
    const nameBytes = Buffer.from(name, 'ascii');
    const local = Buffer.alloc(30);
    let crc = 0;
    let size = 0;
    let compressed = 0;
    if (typeof content === 'object' && 'pieces' in content) {
      await this.put(local);
      await this.put(nameBytes);
      for await (const piece of content.pieces) {
        crc = crc32Combine(crc, piece.crc, piece.size);
        size += piece.size;
        compressed += piece.bytes.length;
        if (piece.bytes.length > 0) await this.put(piece.bytes);
      }
      compressed += FINAL_BLOCK.length;
      await this.put(FINAL_BLOCK);
      if (size > MAX_32 || compressed > MAX_32) throw new Error(`zip entry ${name} is larger than 4 GB (zip64 is not written)`);
      this.fillLocal(local, crc, compressed, size, nameBytes.length);
      await this.sink.writeAt(local, start);
    } else if (typeof content === 'string' || Buffer.isBuffer(content)) {
      const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      const packed = deflateRawSync(data);
      [crc, size, compressed] = [crc32(data), data.length, packed.length];
      if (size > MAX_32) throw new Error(`zip entry ${name} is larger than 4 GB (zip64 is not written)`);
      this.fillLocal(local, crc, compressed, size, nameBytes.length);
      await this.put(local);
      await this.put(nameBytes);
      await this.put(packed);
    } else {
      await this.put(local);
      await this.put(nameBytes);
      const source = async function* () {
        for await (const chunk of content) {
          const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
          if (data.length === 0) continue;
          crc = crc32(data, crc);
          size += data.length;
          yield data;
        }
      };
      await pipeline(Readable.from(source()), createDeflateRaw(), async (packed: AsyncIterable<Buffer>) => {
        for await (const bytes of packed) {
          compressed += bytes.length;
          await this.put(bytes);
        }
      });
      if (size > MAX_32 || compressed > MAX_32) throw new Error(`zip entry ${name} is larger than 4 GB (zip64 is not written)`);
      this.fillLocal(local, crc, compressed, size, nameBytes.length);
      await this.sink.writeAt(local, start);
    }
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
    local.copy(entry, 6, 4, 30); // version needed … name length, extra length
    entry.writeUInt16LE(0, 32); // comment length
    entry.writeUInt16LE(0, 34); // disk
    entry.writeUInt16LE(0, 36); // internal attributes
    entry.writeUInt32LE(0, 38); // external attributes
    entry.writeUInt32LE(start, 42);
    this.central.push(entry, nameBytes);
    this.count += 1;
  }

  private fillLocal(local: Buffer, crc: number, compressed: number, size: number, nameLength: number): void {
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0, 6); // flags
    local.writeUInt16LE(8, 8); // method: deflate
    local.writeUInt16LE(0, 10); // time 00:00
    local.writeUInt16LE(DOS_DATE_1980, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameLength, 26);
    local.writeUInt16LE(0, 28);
  }

  /** Writes the central directory and its end record. */
  async end(): Promise<void> {
    if (this.offset > MAX_32) throw new Error('zip archive is larger than 4 GB (zip64 is not written)');
    const directory = Buffer.concat(this.central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.count, 8);
    end.writeUInt16LE(this.count, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(this.offset, 16);
    await this.put(directory);
    await this.put(end);
  }
}
