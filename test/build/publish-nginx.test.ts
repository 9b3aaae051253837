/**
 * The site online as a county would run it: Debian's nginx with deploy/nginx/gongkai.conf serving
 * <web root>/current, and `npm run publish` switching releases while villagers keep loading pages.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoDist } from '../helpers/dist.ts';
import { ROOT } from '../helpers/fixture-tree.ts';
import { startNginx, type RunningNginx } from '../helpers/nginx.ts';
import { makeProjectTree } from '../helpers/project-tree.ts';

// Pages that print 数据截至 (village boards, 公示 and kiosk screens do not: they change only with a state). They print
// the day the county's states last changed: 2025-11-17 (maqu's 低保 公示 starts) for the demo's 2025-11-20, and
// 2025-11-25 (it has ended) for the next release.
const PAGES = ['/', '/search/', '/compliance/', '/t/tianchengzhen/', '/compliance/tianchengzhen/', '/data/'];
const FIRST_DATE = '2025-11-17';
const NEXT_DAY = '2025-11-25';
let web: string;
let firstDist: string;
let secondDist: string;
let nginx: RunningNginx;
let tree: ReturnType<typeof makeProjectTree>;

/** `npm run publish -- <web root> …`, as a separate process like the nightly job runs it. */
function publishCli(...args: string[]): Promise<{ code: number | null; out: string }> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'publish.ts'), web, '--root', web, ...args], { cwd: ROOT });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => ok({ code, out }));
  });
}
const asOfOf = (html: string) => [...html.matchAll(/<meta name="gongkai:as-of" content="([^"]+)"/g)].map((m) => m[1]);

beforeAll(async () => {
  firstDist = ensureDemoDist().dist;
  // The same county built on the day a 公示 ends: a real release that differs in every page's 数据截至 date.
  tree = makeProjectTree();
  const run = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: tree.root, encoding: 'utf8', env: { ...process.env, GONGKAI_AS_OF: NEXT_DAY } });
  if (run.status !== 0) throw new Error(`build failed:\n${run.stdout}\n${run.stderr}`);
  secondDist = join(tree.root, 'dist');
  web = mkdtempSync(join(tmpdir(), 'gongkai-web-'));
  const first = await publishCli('--dist', firstDist);
  if (first.code !== 0) throw new Error(first.out);
  nginx = await startNginx(web);
});

afterAll(async () => {
  await nginx?.stop();
  if (web) rmSync(web, { recursive: true, force: true });
  tree?.cleanup();
});

describe('the site behind nginx, published with npm run publish', () => {
  it('keeps answering every page while a new release goes online, each page from one release and never back to the old one', async () => {
    const seen: string[] = [];
    const errors: string[] = [];
    let publishing: Promise<{ code: number | null; out: string }> | undefined;
    const started = Date.now();
    // Bounded: at most 3000 requests or 60 seconds, and at least until the new release has been seen.
    for (let i = 0; i < 3000 && Date.now() - started < 60_000; i++) {
      if (i === 20) publishing = publishCli('--dist', secondDist);
      const path = PAGES[i % PAGES.length]!;
      const res = await fetch(nginx.url + path);
      const html = await res.text();
      if (res.status !== 200) errors.push(`${path}: ${res.status}`);
      const dates = asOfOf(html);
      if (dates.length !== 1) errors.push(`${path}: as-of markers ${dates.join(',')}`);
      seen.push(dates[0] ?? '?');
      if (publishing && seen.at(-1) === NEXT_DAY && i % PAGES.length === PAGES.length - 1) break;
    }
    const result = await publishing;
    expect(result?.code, result?.out).toBe(0);
    expect(errors).toEqual([]);
    expect(seen[0]).toBe(FIRST_DATE);
    expect(seen.at(-1)).toBe(NEXT_DAY);
    // Once the new release answered, the old one never did again.
    expect(seen.slice(seen.indexOf(NEXT_DAY))).not.toContain(FIRST_DATE);
  }, 120_000);

  it('still serves the scripts of the release before, for pages loaded just before the switch', async () => {
    const previous = join(web, 'previous', '_astro');
    const onlyBefore = readdirSync(previous).find((n) => !readdirSync(join(web, 'current', '_astro')).includes(n)) ?? 'older-build.Bx1y2z3w.js';
    // Same code gives the same hashed names; stand in for a script only the release before had.
    if (!existsSync(join(previous, onlyBefore))) writeFileSync(join(previous, onlyBefore), 'export {};\n');
    const res = await fetch(`${nginx.url}/_astro/${onlyBefore}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${nginx.url}/_astro/never-built.js`)).status).toBe(404);
  });

  it('sends the security headers a meta tag cannot carry, compressed pages and a short cache for pages', async () => {
    const res = await fetch(`${nginx.url}/v/maqu/`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self' 'wasm-unsafe-eval'/);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('permissions-policy')).toMatch(/camera=\(\)/);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('lets browsers keep hashed assets for a year but never caches the kiosk service worker or version file', async () => {
    const asset = readdirSync(join(web, 'current', '_astro')).find((n) => n.endsWith('.js'))!;
    const immutable = await fetch(`${nginx.url}/_astro/${asset}`);
    expect(immutable.status).toBe(200);
    expect(immutable.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const fragment = readdirSync(join(web, 'current', 'pagefind', 'fragment'))[0]!;
    expect((await fetch(`${nginx.url}/pagefind/fragment/${fragment}`)).headers.get('cache-control')).toMatch(/immutable/);
    expect((await fetch(`${nginx.url}/pagefind/pagefind-entry.json`)).headers.get('cache-control')).toBe('no-cache');
    for (const file of ['sw.js', 'version.json']) {
      const res = await fetch(`${nginx.url}/kiosk/maqu/${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('cache-control'), file).toBe('no-store');
    }
  });

  it('never serves private-posters/, even if someone copied it into the web root', async () => {
    const stray = join(web, 'current', 'private-posters', 'maqu');
    expect((await fetch(`${nginx.url}/private-posters/maqu/dibao.pdf`)).status).toBe(404);
    mkdirSync(stray, { recursive: true });
    writeFileSync(join(stray, 'dibao.pdf'), 'personal data');
    const res = await fetch(`${nginx.url}/private-posters/maqu/dibao.pdf`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('personal data');
    rmSync(join(web, 'current', 'private-posters'), { recursive: true });
  });

  it('makes npm run build warn loudly when the release online is more than a day old', () => {
    const log = join(web, 'releases.json');
    const entries = JSON.parse(readFileSync(log, 'utf8')) as { publishedAt: string }[];
    const fresh = spawnSync(process.execPath, ['scripts/build.ts', '--web-root', web], {
      cwd: tree.root,
      encoding: 'utf8',
      env: { ...process.env, GONGKAI_AS_OF: NEXT_DAY },
    });
    expect(fresh.status, fresh.stderr).toBe(0);
    expect(fresh.stderr).not.toMatch(/WARNING/);
    writeFileSync(log, JSON.stringify(entries.map((e) => ({ ...e, publishedAt: new Date(Date.now() - 3 * 86_400_000).toISOString() }))));
    const stale = spawnSync(process.execPath, ['scripts/build.ts', '--web-root', web], {
      cwd: tree.root,
      encoding: 'utf8',
      env: { ...process.env, GONGKAI_AS_OF: NEXT_DAY },
    });
    expect(stale.status, stale.stderr).toBe(0);
    expect(stale.stderr).toMatch(/已有 3 天没有更新[\s\S]*WARNING: the release online in .* was published 3 day\(s\) ago/);
  }, 300_000);

  it('goes back to the previous release with --rollback, and refuses a half-built dist', async () => {
    const back = await publishCli('--rollback');
    expect(back.code, back.out).toBe(0);
    expect(asOfOf(await (await fetch(`${nginx.url}/`)).text())).toEqual([FIRST_DATE]);
    const half = mkdtempSync(join(tmpdir(), 'gongkai-half-'));
    cpSync(join(firstDist, 'index.html'), join(half, 'index.html'));
    const refused = await publishCli('--dist', half);
    rmSync(half, { recursive: true, force: true });
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/不是完整的构建.*not a finished build/s);
    expect(asOfOf(await (await fetch(`${nginx.url}/`)).text())).toEqual([FIRST_DATE]);
  });
});
