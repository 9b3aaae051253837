/**
 * The reference builds' page manifest: one JSON object per line (`{ path, title, text }`), written
 * and read a page at a time. One JSON document of every page's text passes V8's longest string
 * (about 1 GB) near 40,000 pages; a line per page has no such limit, so the floor, Astro and Hugo
 * are measured at 1,000 villages too.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';

export interface ManifestPage {
  path: string;
  title: string;
  text: string;
}

/** Opens `file` for `add(page)` calls; `close()` when done. */
export function manifestWriter(file: string): { add(page: ManifestPage): void; close(): void } {
  const fd = openSync(file, 'w');
  return {
    add: (page) => {
      writeSync(fd, `${JSON.stringify(page)}\n`);
    },
    close: () => closeSync(fd),
  };
}

/** Every page of the manifest, in order, reading it in pieces of `chunkBytes` (JSON escapes the newlines inside strings). */
export function* readManifest(file: string, chunkBytes = 16 * 1024 * 1024): Generator<ManifestPage> {
  const fd = openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(chunkBytes);
    let rest = Buffer.alloc(0);
    for (let n = readSync(fd, chunk); n > 0; n = readSync(fd, chunk)) {
      const data = Buffer.concat([rest, chunk.subarray(0, n)]);
      let start = 0;
      for (let end = data.indexOf(10, start); end >= 0; end = data.indexOf(10, start)) {
        if (end > start) yield JSON.parse(data.toString('utf8', start, end)) as ManifestPage;
        start = end + 1;
      }
      rest = Buffer.from(data.subarray(start));
    }
    if (rest.length > 0) yield JSON.parse(rest.toString('utf8')) as ManifestPage;
  } finally {
    closeSync(fd);
  }
}
