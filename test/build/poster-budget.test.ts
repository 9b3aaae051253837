/**
 * The build's memory budget (`scripts/build.ts --memory-budget`, issue 18) for the posters rendered beside the pages:
 * with a budget the page process alone passes, the poster workers stop at once and the posters wait until the pages are
 * written. The demo county, built cold with the smallest budget, still gets every poster, each rendered once, and the
 * same site as a build with the default budget. test/unit/poster-pool.test.ts covers the pool's pause alone.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CACHE_DIR } from '../../src/posters/cache.ts';
import { ensureDemoDist } from '../helpers/dist.ts';
import { makeTree, ROOT } from '../helpers/fixture-tree.ts';
import { addProjectCode } from '../helpers/project-tree.ts';
import { digestTree as digest } from '../helpers/tree-digest.ts';

// A project of its own: its poster cache starts empty, so every poster is rendered in this build.
const tree = makeTree();
const buildScript = addProjectCode(tree.root);
const timings = join(tree.root, 'timings.jsonl');

let out = '';
let stages: { stage: string; rendered?: number }[] = [];
let demo = '';
beforeAll(() => {
  demo = ensureDemoDist().dist;
  // The publication log as the demo's build left it: the posters carry the same entries, so the same bytes.
  cpSync(join(ROOT, 'log'), join(tree.root, 'log'), { recursive: true });
  const run = spawnSync(process.execPath, [buildScript, '--root', tree.root, '--memory-budget', '256'], {
    cwd: tree.root,
    encoding: 'utf8',
    // Two poster workers whatever the machine's free memory, so there are workers to stop.
    env: { ...process.env, GONGKAI_AS_OF: '', GONGKAI_TIMINGS: timings, GONGKAI_POSTER_WORKERS: '2' },
  });
  expect(run.status, run.stdout.slice(-3000) + run.stderr).toBe(0);
  out = run.stdout;
  stages = readFileSync(timings, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { stage: string; rendered?: number });
}, 600_000);

afterAll(() => tree.cleanup());

describe('a cold build with the smallest memory budget (--memory-budget 256)', () => {
  it('stops the poster workers while the pages render, and renders every poster once, after the pages', () => {
    expect(stages.some((s) => s.stage === 'posters-paused')).toBe(true);
    const ahead = stages.find((s) => s.stage === 'posters-ahead')!.rendered!;
    expect(ahead).toBeGreaterThan(10);
    // All of them before the poster step (those the pause held, once the pages were written): it rendered none itself.
    expect(out).toContain(`posters: ${ahead} rendered in this build (${ahead} of them while the pages were built), 0 reused from the cache`);
    // One cache entry per poster and paper size, none left over from a job stopped half-way.
    expect(readdirSync(join(tree.root, CACHE_DIR)).filter((e) => existsSync(join(tree.root, CACHE_DIR, e, 'manifest.json')))).toHaveLength(ahead);
  });

  it('gives the same site, byte for byte, as a build with the default budget', () => {
    const small = digest(join(tree.root, 'dist'));
    const usual = digest(demo);
    expect(Object.keys(small).sort()).toEqual(Object.keys(usual).sort());
    expect(small).toEqual(usual);
  });
});
