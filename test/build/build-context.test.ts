/**
 * `npm run build -- --root <dir>` builds the county in <dir>, even a folder outside the project, from
 * one build context: every page (the compliance page too) shows that county's villages and nothing
 * of the project's own demo content. Publishing swaps the output in one step, and what killed builds
 * left behind is cleaned up.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyPosterCache } from '../helpers/dist.ts';
import { ROOT } from '../helpers/fixture-tree.ts';
import { addProjectCode } from '../helpers/project-tree.ts';

// A county folder outside the project: the demo county without the village wenshui (温水村).
const county = mkdtempSync(join(tmpdir(), 'gongkai-county-'));
const dist = join(county, 'dist');
// The project is a copy of this checkout's code in a folder of its own too, so the builds never touch
// this checkout's folders (Astro's .astro/ is under the project).
const project = mkdtempSync(join(tmpdir(), 'gongkai-code-'));
cpSync(join(ROOT, 'content'), join(project, 'content'), { recursive: true });
const args = [addProjectCode(project), '--root', county];
const env = { ...process.env, GONGKAI_AS_OF: '' };
const page = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
/** A process id that is certainly not running any more: a child that has exited. */
const deadPid = () => spawnSync('true').pid;
/** Whether `path` is a symbolic link (existsSync follows it: a dangling link does not exist). */
const isLink = (path: string) => {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
};

let first = { status: 0 as number | null, output: '' };
beforeAll(() => {
  cpSync(join(ROOT, 'content'), join(county, 'content'), { recursive: true });
  rmSync(join(county, 'content/villages/wenshui'), { recursive: true });
  // The poster cache, so the build reuses the demo county's posters instead of rendering them all.
  copyPosterCache(county);
  // Run from inside the county folder, as a county's own scripts and the province pipeline do: Astro
  // then writes its prerender chunks under that folder, where no node_modules is (ERR_MODULE_NOT_FOUND
  // @oslojs/encoding before the build linked the project's packages into its work folder).
  const run = spawnSync(process.execPath, args, { cwd: county, encoding: 'utf8', env });
  first = { status: run.status, output: run.stdout.slice(-3000) + run.stderr };
}, 900_000);

afterAll(() => {
  rmSync(county, { recursive: true, force: true });
  rmSync(project, { recursive: true, force: true });
});

/** Every link of a built page that stays on the site, as the file it must lead to. */
function internalTargets(html: string): string[] {
  return [...html.matchAll(/href="(\/[^"#?]*)/g)].map((m) => join(dist, m[1]!, m[1]!.endsWith('/') ? 'index.html' : ''));
}

describe('a build of a county folder outside the project', () => {
  it('succeeds', () => {
    expect(first.status, first.output).toBe(0);
    expect(existsSync(join(dist, 'index.html'))).toBe(true);
  });

  it('lists on the compliance pages only the villages of that folder, with no dead links', () => {
    const county = page('compliance');
    expect(text(county)).not.toContain('温水镇');
    for (const target of internalTargets(county)) expect(existsSync(target), target).toBe(true);
    // The county page links each township's page (from its line and from the villages with the most problems); together they list every village once.
    const townships = [...new Set(internalTargets(county).filter((f) => /compliance\/[^/]+\/index\.html$/.test(f)))];
    expect(townships).toHaveLength(3);
    const html = townships.map((f) => readFileSync(f, 'utf8')).join('');
    const t = text(html);
    for (const name of ['东关社区', '东兴村', '马曲村']) expect(t).toContain(`${name}各季度合规情况`);
    expect(t.match(/各季度合规情况/g)).toHaveLength(3);
    expect(t).not.toContain('温水村');
    expect(html).not.toContain('/v/wenshui/');
    for (const target of internalTargets(html)) expect(existsSync(target), target).toBe(true);
  });

  it('lists on the home page only the villages of that folder, with no dead links', () => {
    const html = page('');
    expect(text(html)).not.toContain('温水村');
    for (const id of ['dongguan', 'dongxing', 'maqu']) expect(html).toContain(`href="/v/${id}/"`);
    expect(html).not.toContain('/v/wenshui/');
    for (const target of internalTargets(html)) expect(existsSync(target), target).toBe(true);
  });
});

describe('publishing a build', () => {
  it('replaces the output in one step, so readers never find it missing, and removes the old release', async () => {
    const before = realpathSync(dist);
    const reader = { checks: 0, missing: 0 };
    // --full: the content is unchanged since the build before, which would otherwise leave dist/ as it is.
    const child = spawn(process.execPath, [...args, '--full'], { cwd: ROOT, env, stdio: 'ignore' });
    const done = new Promise<number | null>((ok) => child.on('exit', ok));
    let running = true;
    void done.then(() => (running = false));
    while (running) {
      reader.checks++;
      if (!existsSync(join(dist, 'index.html'))) reader.missing++;
      await new Promise((ok) => setImmediate(ok));
    }
    expect(await done).toBe(0);
    expect(reader.checks).toBeGreaterThan(100);
    expect(reader.missing).toBe(0);
    expect(lstatSync(dist).isSymbolicLink()).toBe(true);
    expect(readlinkSync(dist)).toMatch(/^\.gongkai-build\/release-/);
    const after = realpathSync(dist);
    expect(after).not.toBe(before);
    // The replaced release is removed in the background.
    for (let i = 0; i < 100 && existsSync(before); i++) await new Promise((ok) => setTimeout(ok, 100));
    expect(existsSync(before)).toBe(false);
  }, 300_000);

  it('removes the staging folder, the personal-data poster folder, the new output link and the log checkpoint a killed build left behind', () => {
    const pid = deadPid();
    const staging = join(county, '.gongkai-build', `dist-${pid}`);
    const privateTmp = join(county, `private-posters.tmp-${pid}`);
    for (const dir of [staging, privateTmp]) {
      mkdirSync(join(dir, 'v'), { recursive: true });
      writeFileSync(join(dir, 'v', 'left-over.html'), 'left by a killed build');
    }
    // Killed between making the new link to its release and renaming it over dist; and while writing the log's checkpoint.
    const link = join(county, `.dist.link.tmp-${pid}-0`);
    symlinkSync(join('.gongkai-build', `release-${pid}`), link);
    const checkpoint = join(county, 'log', `checkpoint.tmp-${pid}-0`);
    mkdirSync(join(county, 'log'), { recursive: true });
    writeFileSync(checkpoint, 'half a checkpoint');
    const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env });
    expect(run.status, run.stdout.slice(-2000) + run.stderr).toBe(0);
    for (const left of [staging, privateTmp, link, checkpoint]) expect(existsSync(left) || isLink(left), left).toBe(false);
    expect(existsSync(join(dist, 'index.html'))).toBe(true);
  }, 300_000);
});
