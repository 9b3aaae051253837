/**
 * `npm run build -- --no-posters` (benchmarks, page-only previews): every page of the demo and no
 * poster file; the next ordinary build does not carry that output over as if it were complete, it
 * places the posters again.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoDist } from '../helpers/dist.ts';
import { makeProjectTree } from '../helpers/project-tree.ts';

const tree = makeProjectTree();
const list = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
const isPosterFile = (f: string) => /^v\/[^/]+\/posters\/(?!index\.html$)/.test(f);
const build = (...args: string[]) => {
  const run = spawnSync(process.execPath, ['scripts/build.ts', ...args], { cwd: tree.root, encoding: 'utf8', env: { ...process.env, GONGKAI_AS_OF: '' } });
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
};
let withoutPosters: string[] = [];
let demo: string[] = [];

beforeAll(() => {
  demo = list(ensureDemoDist().dist);
  build('--no-posters');
  withoutPosters = list(join(tree.root, 'dist'));
});
afterAll(() => tree.cleanup());

describe('a build without posters', () => {
  it('writes every page of the demo, print pages included, and no poster file', () => {
    expect(withoutPosters.filter((f) => f.endsWith('.html'))).toEqual(demo.filter((f) => f.endsWith('.html')));
    expect(withoutPosters.filter(isPosterFile)).toEqual([]);
    expect(demo.filter(isPosterFile).length).toBeGreaterThan(10);
  });

  it('is not carried over by the next build with posters, which places every poster again', () => {
    build();
    expect(list(join(tree.root, 'dist')).filter(isPosterFile)).toEqual(demo.filter(isPosterFile));
  }, 600_000);
});
