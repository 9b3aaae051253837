/**
 * The pages are rendered in a child process (scripts/build-pages.ts). When that process dies (killed
 * by the system for lack of memory, or by hand), the build stops with a clear message and the
 * previous output stays exactly as it was: nothing of the half-rendered site is published or left.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProjectTree } from '../helpers/project-tree.ts';

/** Pid of the child of `parent` whose command line names `script`, if it runs. */
function childRunning(parent: number, script: string): number | undefined {
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent && readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(script)) return Number(name);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

/** Whether the staging folder of build `pid` holds a rendered page yet. */
function hasRenderedPage(root: string, pid: number): boolean {
  const staging = join(root, '.gongkai-build', `dist-${pid}`);
  try {
    return readdirSync(staging, { recursive: true }).some((f) => String(f).endsWith('.html'));
  } catch {
    return false;
  }
}

describe('a build whose page process is killed while rendering', () => {
  it('exits non-zero saying so in Chinese and English, and leaves dist/ and no staging folder or county snapshot behind', async () => {
    const tree = makeProjectTree();
    try {
      mkdirSync(join(tree.root, 'dist'));
      writeFileSync(join(tree.root, 'dist', 'index.html'), 'previous build');
      const build = spawn(process.execPath, ['scripts/build.ts', '--no-posters'], { cwd: tree.root, env: { ...process.env, GONGKAI_AS_OF: '' } });
      let stderr = '';
      build.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
      build.stdout.resume();
      const exited = new Promise<number | null>((done) => build.on('exit', (code) => done(code)));
      let killed: number | undefined;
      let ended = false;
      void exited.then(() => (ended = true));
      // Killed as the system's out-of-memory killer would: SIGKILL, once the first pages are written.
      while (!ended && killed === undefined) {
        const child = childRunning(build.pid!, 'build-pages.ts');
        if (child !== undefined && hasRenderedPage(tree.root, build.pid!)) {
          process.kill(child, 'SIGKILL');
          killed = child;
        } else await new Promise((r) => setTimeout(r, 50));
      }
      const code = await exited;
      expect(killed, 'the page process was found and killed before the build ended').toBeDefined();
      expect(code).toBe(1);
      expect(stderr).toContain('页面生成进程被终止（SIGKILL，可能是内存不足）');
      expect(stderr).toContain('The page process was killed (SIGKILL, possibly for lack of memory)');
      expect(stderr).toContain('构建失败，dist/ 未改动。 Build failed; dist/ was left untouched.');
      expect(readdirSync(join(tree.root, 'dist'))).toEqual(['index.html']);
      expect(readFileSync(join(tree.root, 'dist', 'index.html'), 'utf8')).toBe('previous build');
      expect(
        readdirSync(join(tree.root, '.gongkai-build')).filter((n) => n.startsWith('dist-') || n.startsWith('release-') || n.startsWith('county-')),
      ).toEqual([]);
      expect(existsSync(join(tree.root, 'private-posters.tmp-' + String(build.pid)))).toBe(false);
    } finally {
      tree.cleanup();
    }
  }, 600_000);
});
