/**
 * A static server for kiosk tests that can be unplugged and plugged back in on the same port, and
 * whose folder can be switched to a newer build the way scripts/build.ts swaps dist/. It logs every
 * request so a test can prove the screen needs nothing but its own origin.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface KioskServer {
  url: string;
  /** Paths requested so far, in order. */
  requests: string[];
  /** Serve another folder from now on (publishing a new build). */
  setRoot(dir: string): void;
  /** Pull the plug: close the port and drop open connections. */
  stop(): Promise<void>;
  /** Plug it back in on the same port (nothing to do if it is still plugged in). */
  start(): Promise<void>;
}

export async function startKioskServer(root: string): Promise<KioskServer> {
  let dir = root;
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    let file = normalize(join(dir, path));
    if (!file.startsWith(normalize(dir))) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  await listen(0);
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setRoot: (next) => void (dir = next),
    stop: () =>
      new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    start: () => (server.listening ? Promise.resolve() : listen(port)),
  };
}
