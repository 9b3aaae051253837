/**
 * Two counties built at the same time from one checkout (`scripts/build.ts --root <county>` run in the project, as a
 * county office or CI building the province's shards does): both finish, and each gives what its build alone gives.
 * Astro writes its page chunks into the current folder's .astro/ when the staging folder is outside it; the page process
 * runs in the county's work folder so each build's chunks stay in its own staging folder (scripts/build-run.ts
 * `renderPages`). Of two builds of one county folder at once, the second waits for the first, saying so
 * (src/check/build-lock.ts): the log is appended once and the output is whole.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixture-tree.ts';
import { digestTree } from '../helpers/tree-digest.ts';

const AS_OF = '2026-11-02';
const scratch = mkdtempSync(join(tmpdir(), 'gongkai-parallel-'));

/** A county folder holding a copy of the demo content; `title` replaces the site's title in site.yaml. */
function makeCounty(folder: string, title?: string): string {
  const root = join(scratch, folder);
  cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
  if (title) {
    const site = join(root, 'content', 'site.yaml');
    const text = readFileSync(site, 'utf8');
    const changed = text.replace(/^title: .*$/m, `title: ${title}`);
    if (changed === text) throw new Error('site.yaml has no title line to change');
    writeFileSync(site, changed);
  }
  return root;
}

interface Run {
  code: number | null;
  output: string;
}

/** Runs this checkout's build of `root` from the checkout's folder, as `npm run build -- --root <root>` does. */
function build(root: string): Promise<Run> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts/build.ts'), '--root', root, '--no-posters'], {
    cwd: ROOT,
    env: { ...process.env, GONGKAI_AS_OF: AS_OF },
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => void (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => void (output += d.toString()));
  return new Promise((done, failed) => {
    child.on('error', failed);
    child.on('close', (code) => done({ code, output }));
  });
}

const together: Record<string, Run> = {};
const alone: Record<string, Run> = {};
let sameFolder: Run[] = [];
let fromElsewhere: Run;

beforeAll(async () => {
  // Two counties at once, from this checkout; then each again alone, in fresh folders.
  const [a, b] = await Promise.all([build(makeCounty('a')), build(makeCounty('b', '龙溪县村务公开栏'))]);
  Object.assign(together, { a, b });
  Object.assign(alone, { a: await build(makeCounty('a-alone')), b: await build(makeCounty('b-alone', '龙溪县村务公开栏')) });
  // One county folder built twice at once.
  const same = makeCounty('same');
  sameFolder = await Promise.all([build(same), build(same)]);
  // A county folder last built from another checkout: its work folder links that checkout's node_modules (here one gone).
  const moved = makeCounty('moved');
  mkdirSync(join(moved, '.gongkai-build'));
  symlinkSync(join(scratch, 'gone', 'node_modules'), join(moved, '.gongkai-build', 'node_modules'));
  fromElsewhere = await build(moved);
}, 900_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('two counties built at the same time from one checkout', () => {
  it('both finish', () => {
    for (const run of [together['a']!, together['b']!, alone['a']!, alone['b']!]) expect(run.code, run.output.slice(-3000)).toBe(0);
  });

  it("each gives byte for byte what its build alone gives, and not the other's", () => {
    const a = digestTree(join(scratch, 'a', 'dist'));
    const b = digestTree(join(scratch, 'b', 'dist'));
    expect(Object.keys(a).length).toBeGreaterThan(100);
    expect(a).toEqual(digestTree(join(scratch, 'a-alone', 'dist')));
    expect(b).toEqual(digestTree(join(scratch, 'b-alone', 'dist')));
    expect(a['index.html']).not.toBe(b['index.html']);
  });
});

describe('one county folder built twice at the same time', () => {
  it('the second build waits for the first, saying so in Chinese and English, and both finish', () => {
    for (const run of sameFolder) expect(run.code, run.output.slice(-3000)).toBe(0);
    const waited = sameFolder.filter((r) => r.output.includes('Waiting for another build of the county folder'));
    expect(waited).toHaveLength(1);
    expect(waited[0]!.output).toContain('另一个构建正在构建这个县的文件夹');
    // It then found the first build's output made from the same inputs: nothing left to build.
    expect(waited[0]!.output).toContain('Nothing changed since the last build');
  });

  it('publishes the whole site, with each record logged once, the same as the same content built alone', () => {
    expect(digestTree(join(scratch, 'same', 'dist'))).toEqual(digestTree(join(scratch, 'a-alone', 'dist')));
  });
});

describe('a county folder last built from another checkout', () => {
  it('builds from this checkout with this checkout’s packages, the same as the same content built alone', () => {
    expect(fromElsewhere.code, fromElsewhere.output.slice(-3000)).toBe(0);
    expect(readlinkSync(join(scratch, 'moved', '.gongkai-build', 'node_modules'))).toBe(join(ROOT, 'node_modules'));
    expect(digestTree(join(scratch, 'moved', 'dist'))).toEqual(digestTree(join(scratch, 'a-alone', 'dist')));
  });
});
