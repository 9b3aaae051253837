/**
 * `npm run build -- --workers N` renders the pages in N worker threads (Astro's parallelPrerender):
 * every worker gets the build context of the county being built (src/build/handover.ts), so the site
 * is byte-identical to one rendered in one thread, for a county folder other than the project's own
 * content, and an incremental build on workers still renders only the changed village.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixture-tree.ts';
import { addProjectCode } from '../helpers/project-tree.ts';
import { digestTree as digest, listFiles as files } from '../helpers/tree-digest.ts';

// The project (a copy of the code, with the full demo content) is where the builds run from; the county
// built is another folder: the demo without the village wenshui (温水村). A worker without the build
// context would fall back to the project's own content and render wenshui.
const project = mkdtempSync(join(tmpdir(), 'gongkai-code-'));
const county = mkdtempSync(join(tmpdir(), 'gongkai-county-'));
cpSync(join(ROOT, 'content'), join(project, 'content'), { recursive: true });
const buildScript = addProjectCode(project);
const build = (...args: string[]) => {
  const run = spawnSync(process.execPath, [buildScript, '--root', county, '--no-posters', ...args], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, GONGKAI_AS_OF: '' },
  });
  expect(run.status, run.stdout.slice(-3000) + run.stderr).toBe(0);
  return run.stdout;
};

let onOne: Record<string, string> = {};
let onTwo: Record<string, string> = {};
let incremental = '';
beforeAll(() => {
  cpSync(join(ROOT, 'content'), join(county, 'content'), { recursive: true });
  rmSync(join(county, 'content/villages/wenshui'), { recursive: true });
  build('--workers', '1', '--out', join(county, 'one'));
  onOne = digest(join(county, 'one'));
  build('--workers', '2');
  onTwo = digest(join(county, 'dist'));
  const minutes = join(county, 'content/villages/maqu/meetings/2025-07-04-lianxi.md');
  writeFileSync(minutes, readFileSync(minutes, 'utf8').replace('一致同意于7月8日', '经逐项核对，一致同意于7月8日'));
  incremental = build('--workers', '2');
}, 900_000);

afterAll(() => {
  rmSync(county, { recursive: true, force: true });
  rmSync(project, { recursive: true, force: true });
});

describe('a build on two worker threads', () => {
  it('gives byte-identical output to a build in one thread, with only the villages of the county folder built', () => {
    expect(Object.keys(onTwo).length).toBeGreaterThan(100);
    expect(Object.keys(onTwo).sort()).toEqual(Object.keys(onOne).sort());
    expect(onTwo).toEqual(onOne);
    expect(Object.keys(onTwo).some((f) => f.startsWith('v/wenshui/'))).toBe(false);
    expect(Object.keys(onTwo)).toContain('v/maqu/index.html');
  });

  it("renders, when one village changed, only that village's pages, its township's and the county-wide pages, and shows the change", () => {
    expect(incremental).toContain('Incremental build: 1 village(s) changed');
    const pages = Number(/(\d+) page\(s\) built/.exec(incremental)?.[1]);
    const dist = join(county, 'dist');
    const html = (dir: string) => files(join(dist, dir)).filter((f) => f.endsWith('.html')).length;
    // The county-wide pages, of the townships' own pages only maqu's (天成镇): the others' are carried over (same day).
    const countyWide = files(dist).filter(
      (f) => f.endsWith('index.html') && !/^(v|kiosk)\/|^(t|compliance)\/(?!tianchengzhen\/)[^/]+\//.test(relative(dist, f)),
    ).length;
    expect(pages).toBe(html('v/maqu') + html('kiosk/maqu') + countyWide);
    expect(readFileSync(join(dist, 'v/maqu/meetings/2025-07-04-lianxi/index.html'), 'utf8')).toContain('经逐项核对');
  });
});
