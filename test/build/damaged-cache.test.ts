/**
 * A damaged build cache never makes wrong output or a crash: every cache the build keeps between
 * builds (src/check/cache-file.ts) cut short, changed by a byte or given another version's header
 * makes the next build recompute it, say so, and publish exactly what a clean full build of the same
 * content publishes. A build killed while it renders the pages leaves the published output as it was,
 * and the next build succeeds and equals a full build.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoDist } from '../helpers/dist.ts';
import { makeTree, ROOT } from '../helpers/fixture-tree.ts';
import { addProjectCode } from '../helpers/project-tree.ts';
import { digestTree as digest, listFiles } from '../helpers/tree-digest.ts';

/** The files under `dir`, none when the folder is not there (a cache the build has not made). */
const files = (dir: string) => (existsSync(dir) ? listFiles(dir) : []);

const tree = makeTree();
const buildScript = addProjectCode(tree.root);
const env = { ...process.env, GONGKAI_AS_OF: '' };
const build = (...args: string[]) => {
  const run = spawnSync(process.execPath, [buildScript, '--root', tree.root, ...args], { cwd: tree.root, encoding: 'utf8', env });
  expect(run.status, run.stdout + run.stderr).toBe(0);
  return run.stdout + run.stderr;
};
const at = (...parts: string[]) => join(tree.root, ...parts);

// Two states of the content: the demo (A) and maqu's minutes edited (B); each round switches between them.
const minutes = at('content/villages/maqu/meetings/2025-07-04-lianxi.md');
const original = readFileSync(minutes, 'utf8');
const setContent = (edited: boolean) => writeFileSync(minutes, edited ? original.replace('一致同意于7月8日', '经逐项核对，一致同意于7月8日') : original);

/** Every cache file the build keeps, by kind, and the files of two poster entries (one data file, one manifest). */
function cacheFiles(): Record<string, string[]> {
  const posters = readdirSync(at('.gongkai-cache/posters')).sort();
  const dataFile = (entry: string) =>
    join(
      at('.gongkai-cache/posters', entry),
      readdirSync(at('.gongkai-cache/posters', entry))
        .filter((f) => f !== 'manifest.json')
        .sort()[0]!,
    );
  return {
    'check-cache': files(at('.gongkai-build/check-cache')),
    'opendata-parts': files(at('.gongkai-build/opendata-parts')),
    'log-leaves': [at('.gongkai-build/log-leaves.json')],
    'search-counts': files(at('.gongkai-build/search-counts')),
    'poster-layouts': files(at('.gongkai-cache/poster-layouts')),
    posters: [join(at('.gongkai-cache/posters', posters[0]!), 'manifest.json'), dataFile(posters[1]!)],
    // The store of incremental builds (a full build's, .astro-cache/, is not read by the rounds' incremental builds).
    'astro-content-store': [at('.gongkai-build/astro-cache-incremental/data-store.json')].filter((f) => existsSync(f)),
  };
}

type Damage = 'cut short' | 'one byte changed' | "another version's header";

/** Damages `file` the way a full disk, a hand edit or an older build would. */
function damage(file: string, how: Damage): void {
  const bytes = readFileSync(file);
  const body = bytes.indexOf(0x0a) + 1;
  if (how === 'cut short') return truncateSync(file, Math.floor(bytes.length / 2));
  const headed = bytes.subarray(0, 14).toString('latin1') === 'gongkai-cache ';
  if (how === 'one byte changed' || (!headed && !file.endsWith('data-store.json'))) {
    // A digit in the body made another digit: the file still parses, and says something else.
    let i = bytes.findIndex((b, j) => j >= body + (bytes.length - body) / 2 && b >= 0x30 && b <= 0x39);
    if (i < 0) i = Math.floor((body + bytes.length) / 2);
    bytes[i] = bytes[i]! >= 0x30 && bytes[i]! <= 0x39 ? 0x30 + ((bytes[i]! - 0x30 + 1) % 10) : bytes[i]! ^ 0x01;
    return writeFileSync(file, bytes);
  }
  // A format version the file was not written in (the next one: whatever version each kind is at).
  if (headed)
    writeFileSync(
      file,
      Buffer.from(
        bytes.toString('latin1').replace(/^(gongkai-cache \S+) (\d+) /, (_, head: string, v: string) => `${head} ${Number(v) + 1} `),
        'latin1',
      ),
    );
  // Astro's store has no header of ours: a well-formed store whose rendered text was changed.
  else writeFileSync(file, readFileSync(file, 'utf8').replaceAll('同意', '反对'));
}

let reference: Record<'A' | 'B', Record<string, string>>;
beforeAll(() => {
  // The poster cache of this run's demo build, so only the posters a round damages are rendered again.
  ensureDemoDist();
  cpSync(join(ROOT, '.gongkai-cache'), at('.gongkai-cache'), { recursive: true });
  // Clean full builds of both states, before anything is damaged (the first not with --full, which keeps no log leaves).
  expect(build()).toContain('Full build');
  const a = digest(at('dist'));
  setContent(true);
  build('--full', '--out', at('full-b'));
  reference = { A: a, B: digest(at('full-b')) };
  expect(reference.A).not.toEqual(reference.B);
}, 900_000);

afterAll(() => tree.cleanup());

describe('a build whose caches were damaged', () => {
  const rounds: [Damage, boolean][] = [
    ['cut short', true],
    ['one byte changed', false],
    ["another version's header", true],
  ];
  for (const [how, edited] of rounds) {
    it(`with every cache file ${how} exits 0, says which caches it rebuilt and publishes what a clean full build does`, () => {
      setContent(edited);
      const caches = cacheFiles();
      for (const list of Object.values(caches)) for (const f of list) damage(f, how);
      const out = build();
      expect(out).toContain('Incremental build: 1 village(s) changed');
      // Each damaged kind said once in the build (its own process, the page process and their threads), in Chinese and English.
      for (const [kind, list] of Object.entries(caches))
        if (list.length > 0) {
          expect(out, kind).toMatch(new RegExp(`缓存 ${kind} 已损坏（.+），已重新生成。 cache ${kind} unreadable \\(.+\\), rebuilt`));
          expect(out.split(`cache ${kind} unreadable`).length - 1, kind).toBe(1);
        }
      expect(digest(at('dist'))).toEqual(reference[edited ? 'B' : 'A']);
    }, 600_000);
  }
});

describe('a build killed while it renders the pages', () => {
  let before: Record<string, string> = {};
  let release = '';
  let killed: { pid: number; stagingSeen: boolean } = { pid: 0, stagingSeen: false };
  beforeAll(async () => {
    setContent(false);
    release = realpathSync(at('dist'));
    before = digest(at('dist'));
    // Its own process group, so the page process and poster workers it started are killed with it.
    const child = spawn(process.execPath, [buildScript, '--root', tree.root], { cwd: tree.root, env, detached: true, stdio: 'ignore' });
    const staging = at('.gongkai-build', `dist-${child.pid}`);
    let running = true;
    const exited = new Promise((done) => child.on('exit', done)).finally(() => (running = false));
    // The page step has begun once Astro has written a page into the staging folder.
    while (running && !files(join(staging, 'v')).some((f) => f.endsWith('.html'))) await new Promise((r) => setTimeout(r, 100));
    killed = { pid: child.pid!, stagingSeen: running && existsSync(staging) };
    if (running) process.kill(-child.pid!, 'SIGKILL');
    await exited;
  }, 400_000);

  it('leaves the published output exactly as it was', () => {
    expect(killed.stagingSeen).toBe(true);
    expect(realpathSync(at('dist'))).toBe(release);
    expect(digest(at('dist'))).toEqual(before);
  });

  it('is followed by a build that succeeds, removes what the killed one left and equals a full build', () => {
    // What a build killed while writing its caches leaves beside them (src/check/cache-file.ts `tempPath`).
    // A village's folder (the county's kept workbook and feeds are files beside them).
    const village = readdirSync(at('.gongkai-build/opendata-parts')).find((f) => !f.startsWith('county-'))!;
    const temps = [
      at('.gongkai-build/opendata-parts', village, `rows-0123.json.tmp-${killed.pid}-0`),
      at('.gongkai-cache/poster-layouts', `${village}.json.tmp-${killed.pid}-2`),
      at('.gongkai-build/check-cache', `${village}.v8.tmp-${killed.pid}-1`),
      at('.gongkai-cache/posters', `0123456789abcdef0123456789abcdef.tmp-${killed.pid}-0`),
    ];
    for (const f of temps) writeFileSync(f, 'half');
    // The search input's ledger entries, had it been killed in the search step (src/integrations/search-entry-files.ts).
    const entries = at('.gongkai-build', `search-entries-${killed.pid}`);
    mkdirSync(entries);
    writeFileSync(join(entries, `${village}.v8`), 'half');
    build();
    expect(existsSync(at('.gongkai-build', `dist-${killed.pid}`))).toBe(false);
    expect(existsSync(entries)).toBe(false);
    for (const f of temps) expect(existsSync(f), f).toBe(false);
    expect(digest(at('dist'))).toEqual(reference.A);
  }, 600_000);
});
