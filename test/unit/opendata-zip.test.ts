/**
 * The zip writer (src/opendata/zip.ts) compresses an entry given in pieces as it comes, writing its
 * header back once the size is known: the archive must be the bytes of the same entries given whole,
 * so a county file written piece by piece to disk is the file built in memory.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { crc32, inflateRawSync } from 'node:zlib';
import { crc32Combine, deflatePiece, memorySink, ZipWriter, type EntryContent } from '../../src/opendata/zip.ts';

async function zip(entries: readonly (readonly [string, EntryContent])[]): Promise<Buffer> {
  const sink = memorySink();
  const writer = new ZipWriter(sink);
  for (const [name, content] of entries) await writer.add(name, content);
  await writer.end();
  return sink.bytes();
}

/** `text` cut into pieces of uneven sizes (a multi-byte character never split). */
function* pieces(text: string): Generator<string> {
  for (let i = 0, n = 1; i < text.length; i += n, n = (n * 7 + 3) % 5003) yield text.slice(i, i + n);
}

describe('a zip archive', () => {
  it('is the same bytes whether an entry is given whole or in pieces, and reads back whole', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `<row r="${i}"><c t="s"><v>${(i * 7919) % 3001}</v></c><c><v>村${i % 97}.5</v></c></row>`).join('');
    const whole = await zip([
      ['a.xml', rows],
      ['empty.xml', ''],
      ['b.bin', Buffer.from([0, 1, 2, 255])],
    ]);
    const streamed = await zip([
      ['a.xml', pieces(rows)],
      ['empty.xml', []],
      [
        'b.bin',
        (async function* () {
          yield Buffer.from([0, 1]);
          yield Buffer.from([2, 255]);
        })(),
      ],
    ]);
    expect(streamed.equals(whole)).toBe(true);
    const read = await JSZip.loadAsync(streamed);
    expect(await read.file('a.xml')!.async('string')).toBe(rows);
    expect(await read.file('empty.xml')!.async('string')).toBe('');
    expect([...(await read.file('b.bin')!.async('uint8array'))]).toEqual([0, 1, 2, 255]);
  });

  it('reads back an entry given as pieces compressed apart as their texts end to end, with the CRC of the whole', async () => {
    const texts = ['<row r="2">村</row>'.repeat(3000), '', 'x', '<row r="3">第二段</row>'.repeat(70_000)];
    const pieces = texts.map(deflatePiece);
    // Each piece is a deflate stream of its own: it inflates alone, and it ends byte-aligned without a final block.
    expect(inflateRawSync(pieces[0]!.bytes, { finishFlush: 2 }).toString('utf8')).toBe(texts[0]);
    const archive = await zip([['sheet.xml', { pieces }]]);
    const read = await JSZip.loadAsync(archive, { checkCRC32: true });
    expect(await read.file('sheet.xml')!.async('string')).toBe(texts.join(''));
    // The local header's CRC-32 is the whole text's.
    expect(archive.readUInt32LE(14)).toBe(crc32(Buffer.from(texts.join(''), 'utf8')));
  });

  it('combines the CRC-32 of two byte strings into the CRC-32 of both end to end, as zlib does', () => {
    const bytes = Buffer.from(Array.from({ length: 70_001 }, (_, i) => (i * 131 + (i >> 7)) % 256));
    for (const cut of [0, 1, 2, 3, 255, 256, 4097, 65_536, 70_000, 70_001]) {
      const [a, b] = [bytes.subarray(0, cut), bytes.subarray(cut)];
      expect(crc32Combine(crc32(a), crc32(b), b.length), `cut at ${cut}`).toBe(crc32(bytes));
    }
  });

  it('refuses a patch that is not over a header it wrote', async () => {
    const sink = memorySink();
    await sink.write(Buffer.from('abcdef'));
    await expect(sink.writeAt(Buffer.from('x'), 2)).rejects.toThrow(/writeAt 2/);
  });
});
