/** A tiny static file server for dist/ on 127.0.0.1, for browser tests and screenshots. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

/** Types a static host compresses on the fly (Pagefind's index files are already gzipped). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg']);

/**
 * Serves `dir`. With `gzip`, text files are sent gzip-compressed to clients that accept it, as any
 * real static host does, so transfer sizes measured in a browser are realistic.
 */
export async function serveDir(dir: string, options: { gzip?: boolean } = {}): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(normalize(dir))) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end('not found');
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    // A validator, as static hosts send one: the browser asks again with If-None-Match and gets 304, not the file twice
    // (the search page makes a Pagefind instance per bundle, each asking for the hub's WebAssembly).
    const stat = statSync(file);
    const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    const asked = String(req.headers['if-none-match'] ?? '');
    if (asked === etag || asked === `W/${etag}`) return void res.writeHead(304, { etag }).end();
    if (options.gzip && COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      res.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding', etag: `W/${etag}` });
      createReadStream(file)
        .pipe(createGzip({ level: 6 }))
        .pipe(res);
      return;
    }
    // A byte range, as static hosts answer one (a ledger's chunk of entries, src/lib/search-entries.ts).
    const range = /^bytes=(\d+)-(\d+)$/.exec(String(req.headers.range ?? ''));
    const size = stat.size;
    if (range && Number(range[1]) <= Number(range[2]) && Number(range[2]) < size) {
      const [start, end] = [Number(range[1]), Number(range[2])];
      res.writeHead(206, { 'content-type': type, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': end - start + 1, etag });
      createReadStream(file, { start, end }).pipe(res);
      return;
    }
    res.writeHead(200, { 'content-type': type, etag });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { url: `http://127.0.0.1:${port}`, server, close: () => new Promise((r) => server.close(() => r())) };
}
