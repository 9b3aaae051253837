/**
 * The self-checking cache file (src/check/cache-file.ts): what a build reads back is exactly what it
 * wrote for the same key, or nothing; a damaged file is said once per kind and build on the console,
 * in Chinese with the English beside it; what a killed build left under a temporary name goes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  dropUnsealedFile,
  openCacheBody,
  readCacheFile,
  readCacheJson,
  removeDeadTemps,
  removeDeadTempsOf,
  sealFile,
  tempPath,
  writeCacheFile,
} from '../../src/check/cache-file.ts';

let dir = '';
let warnings: string[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-cache-file-'));
  warnings = [];
  vi.spyOn(console, 'warn').mockImplementation((m: string) => void warnings.push(m));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

/** A kind of its own per test: damage is reported once per kind in a process. */
let n = 0;
const spec = (key = 'village-a') => ({ kind: `test-${(n += 1)}`, version: 3, key });
const BODY = JSON.stringify({ csv: '"马曲村","1,234.50"\n', rows: [1, 2, 3] });

describe('a cache file', () => {
  it('reads back the body written for the same kind, version and key, and leaves no temporary file', () => {
    const s = spec();
    const file = join(dir, 'part.json');
    writeCacheFile(file, s, BODY);
    expect(readCacheFile(file, s)?.toString('utf8')).toBe(BODY);
    expect(readCacheJson(file, s, (v): v is object => typeof v === 'object')).toEqual(JSON.parse(BODY));
    expect(readdirSync(dir)).toEqual(['part.json']);
    expect(warnings).toEqual([]);
  });

  it('reads as missing, silently, when it was made for another key or is not there', () => {
    const s = spec();
    const file = join(dir, 'part.json');
    writeCacheFile(file, s, BODY);
    expect(readCacheFile(file, { ...s, key: 'village-b' })).toBeUndefined();
    expect(readCacheFile(join(dir, 'none.json'), s)).toBeUndefined();
    expect(warnings).toEqual([]);
  });

  const damages: [string, (file: string) => void][] = [
    ['cut short by a full disk or a killed build', (f) => truncateSync(f, readFileSync(f).length - 5)],
    ['cut inside its header', (f) => truncateSync(f, 20)],
    ['empty', (f) => writeFileSync(f, '')],
    [
      'changed by one byte in the body',
      (f) => {
        const b = readFileSync(f);
        b[b.length - 3] = b[b.length - 3]! ^ 0x01;
        writeFileSync(f, b);
      },
    ],
    ['changed in the body and its length kept', (f) => writeFileSync(f, readFileSync(f, 'utf8').replace('1,234.50', '9,234.50'))],
    ['of another format version', (f) => writeFileSync(f, readFileSync(f, 'utf8').replace(/^(gongkai-cache \S+) 3 /, '$1 2 '))],
    ['of another kind', (f) => writeFileSync(f, readFileSync(f, 'utf8').replace(/^gongkai-cache \S+ /, 'gongkai-cache other '))],
    ['written by an older build without a header', (f) => writeFileSync(f, BODY)],
    ['garbage', (f) => writeFileSync(f, Buffer.from([0xff, 0xfe, 0x00, 0x0a, 0x41]))],
  ];
  for (const [what, damage] of damages) {
    it(`reads as missing when it is ${what}, and the build says so once`, () => {
      const s = spec();
      const file = join(dir, 'part.json');
      writeCacheFile(file, s, BODY);
      damage(file);
      expect(readCacheFile(file, s)).toBeUndefined();
      expect(readCacheFile(file, s)).toBeUndefined();
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(
        new RegExp(`^缓存 ${s.kind} 已损坏（.+：.+part\\.json），已重新生成。 cache ${s.kind} unreadable \\(.+: .+part\\.json\\), rebuilt$`),
      );
    });
  }

  it('reads as missing when its digest matches but its body is not the shape the code expects', () => {
    const s = spec();
    const file = join(dir, 'part.json');
    writeCacheFile(file, s, '{"csv": 5}');
    expect(readCacheJson(file, s, (v): v is { csv: string } => typeof (v as { csv?: unknown }).csv === 'string')).toBeUndefined();
    expect(warnings).toHaveLength(1);
  });

  it('is read by the pure check exactly as written, byte for byte, whatever the body holds', () => {
    const s = spec();
    const body = Buffer.from([0, 10, 13, 255, 10, 32]);
    const file = join(dir, 'bin');
    writeCacheFile(file, s, body);
    const opened = openCacheBody(s, readFileSync(file));
    expect('body' in opened && Buffer.compare(opened.body, body)).toBe(0);
  });
});

describe("a sealed file another program keeps (Astro's content store)", () => {
  it('is kept when it is as the finished build sealed it', () => {
    const file = join(dir, 'data-store.json');
    writeFileSync(file, '[{"maqu/meetings/a":"<p>决议</p>"}]');
    sealFile(file, 'test-store-1');
    dropUnsealedFile(file, 'test-store-1');
    expect(existsSync(file)).toBe(true);
    expect(warnings).toEqual([]);
  });

  it('is removed, and the build says so, when it was changed after the build sealed it', () => {
    const file = join(dir, 'data-store.json');
    writeFileSync(file, '[{"maqu/meetings/a":"<p>决议</p>"}]');
    sealFile(file, 'test-store-2');
    writeFileSync(file, '[{"maqu/meetings/a":"<p>否决</p>"}]');
    dropUnsealedFile(file, 'test-store-2');
    expect(existsSync(file)).toBe(false);
    expect(warnings).toHaveLength(1);
  });

  it('is removed silently when no finished build sealed it (a killed build wrote it)', () => {
    const file = join(dir, 'data-store.json');
    writeFileSync(file, '[{"maqu/meetings/a":"<p>决');
    dropUnsealedFile(file, 'test-store-3');
    expect(existsSync(file)).toBe(false);
    expect(warnings).toEqual([]);
  });
});

describe('the notice of a damaged cache', () => {
  const module = resolve('src/check/cache-file.ts');
  /** A process of the build (the build's own, the page process) that reports `kind` damaged, and from a worker thread too. */
  const reportIn = (folder: string, kind: string) =>
    spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { Worker } from 'node:worker_threads';
         const { useCacheNoticeFolder, reportUnreadableCache } = await import(${JSON.stringify(module)});
         useCacheNoticeFolder(${JSON.stringify(folder)});
         reportUnreadableCache(${JSON.stringify(kind)}, '/county/.gongkai-cache/poster-layouts/maqu.json', 'digest mismatch');
         const worker = new Worker(\`const { reportUnreadableCache } = await import(\${JSON.stringify(${JSON.stringify(module)})});
           reportUnreadableCache(${JSON.stringify(kind)}, 'other.json', 'no header');\`, { eval: true, type: 'module' });
         await new Promise((done) => worker.on('exit', done));`,
      ],
      { encoding: 'utf8' },
    ).stderr;

  it('is said once in a build, though its processes and their worker threads each find the damage', () => {
    const folder = join(dir, 'notices');
    const first = reportIn(folder, 'poster-layouts');
    const second = reportIn(folder, 'poster-layouts');
    expect(first).toBe(
      '缓存 poster-layouts 已损坏（digest mismatch：/county/.gongkai-cache/poster-layouts/maqu.json），已重新生成。 cache poster-layouts unreadable (digest mismatch: /county/.gongkai-cache/poster-layouts/maqu.json), rebuilt\n',
    );
    expect(second).toBe('');
    // The next build has its own folder: it says it again.
    expect(reportIn(join(dir, 'next-build'), 'poster-layouts')).toBe(first);
  }, 90_000);
});

describe('temporary files a killed build left', () => {
  it('are removed, in the folder and its subfolders, unless the process that writes them is running', () => {
    // A process that has exited: what a killed build was.
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    const put = (name: string, folder = false) => {
      mkdirSync(join(dir, name, folder ? '' : '..'), { recursive: true });
      if (folder) writeFileSync(join(dir, name, 'sheet-1.png'), 'png');
      else writeFileSync(join(dir, name), 'half');
      return join(dir, name);
    };
    const left = [
      put(`check-1.v8.tmp-${dead}-0`),
      put(`maqu/rows-ab12.json.tmp-${dead}-3`),
      put(`0123abcd.tmp-${dead}-1`, true),
      put(`last-build-0a1b.json.tmp-${dead}`),
    ];
    const kept = [put('maqu/rows-ab12.json'), put('check-2.v8'), put(tempPath('mine.json')), put('running.json.tmp-1-0')];
    // A name older than a day is a leftover whatever its process id (ids are reused).
    const old = put('reused.json.tmp-1-0');
    utimesSync(old, new Date(Date.now() - 2 * 86_400_000), new Date(Date.now() - 2 * 86_400_000));
    expect(removeDeadTemps(dir, 1)).toBe(left.length + 1);
    for (const f of [...left, old]) expect(existsSync(f), f).toBe(false);
    for (const f of kept) expect(existsSync(f), f).toBe(true);
  });

  it('of one name are removed beside it, leaving other names in its folder alone (a folder given with --out may hold anything)', () => {
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    const put = (name: string) => {
      writeFileSync(join(dir, name), 'x');
      return join(dir, name);
    };
    const left = [put(`.dist.link.tmp-${dead}-0`), put(`.dist.link.tmp-${dead}`)];
    const kept = [put('.dist.link.tmp-1-0'), put(`.other.link.tmp-${dead}-0`), put(`notes.txt.tmp-${dead}-0`), put('.dist.link')];
    expect(removeDeadTempsOf(join(dir, '.dist.link'))).toBe(left.length);
    for (const f of left) expect(existsSync(f), f).toBe(false);
    for (const f of kept) expect(existsSync(f), f).toBe(true);
  });
});
