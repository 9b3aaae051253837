/**
 * Debian's nginx running the repo's own site configuration (deploy/nginx/gongkai.conf) on a loopback
 * port, as a foreground process with a temporary prefix: only `listen` and `root` are rewritten, every
 * other directive is the file's. Installed by test/setup/system-packages.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './fixture-tree.ts';

const NGINX = '/usr/sbin/nginx';
const SITE_CONF = join(ROOT, 'deploy', 'nginx', 'gongkai.conf');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** The site configuration with its listen lines on 127.0.0.1:<port> and its roots under <webRoot>. */
function siteConfigFor(webRoot: string, port: number): string {
  let conf = readFileSync(SITE_CONF, 'utf8');
  const listen = /^\s*listen 80;\n\s*listen \[::\]:80;\n/m;
  const root = /^(\s*)root \/srv\/gongkai\/(current|previous);$/gm;
  if (!listen.test(conf) || (conf.match(root) ?? []).length !== 2)
    throw new Error(`${SITE_CONF}: expected "listen 80;", "listen [::]:80;", "root /srv/gongkai/current;" and "root /srv/gongkai/previous;" lines`);
  conf = conf.replace(listen, `    listen 127.0.0.1:${port};\n`).replace(root, `$1root ${webRoot}/$2;`);
  return conf;
}

export interface RunningNginx {
  url: string;
  stop(): Promise<void>;
}

export async function startNginx(webRoot: string): Promise<RunningNginx> {
  const prefix = mkdtempSync(join(tmpdir(), 'gongkai-nginx-'));
  for (const d of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(prefix, d));
  const port = await freePort();
  const conf = [
    // As root the workers would run as nobody, who cannot read a private temporary folder.
    process.getuid?.() === 0 ? 'user root;' : '',
    'daemon off;',
    'worker_processes 1;',
    `pid ${prefix}/nginx.pid;`,
    `error_log ${prefix}/error.log warn;`,
    'events { worker_connections 256; }',
    'http {',
    '  include /etc/nginx/mime.types;',
    '  default_type application/octet-stream;',
    '  access_log off;',
    ...['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((d) => `  ${d === 'body' ? 'client_body' : d}_temp_path ${prefix}/${d};`),
    siteConfigFor(webRoot, port),
    '}',
  ].join('\n');
  writeFileSync(join(prefix, 'nginx.conf'), conf);
  const child: ChildProcess = spawn(NGINX, ['-p', prefix, '-e', join(prefix, 'error.log'), '-c', join(prefix, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    try {
      await fetch(`${url}/`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not start on ${url}: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGQUIT');
        await exited;
      }
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
