/**
 * One build of a county folder at a time (src/check/build-lock.ts): a second build finds the first one's lock and is
 * told who holds it; a killed build's lock is taken over; a released lock lets the next build in.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_LOCK_FILE, takeBuildLock } from '../../src/check/build-lock.ts';
import { ROOT } from '../helpers/fixture-tree.ts';

const scratch = mkdtempSync(join(tmpdir(), 'gongkai-build-lock-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A process id no process has now: a child's, once it has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((done) => child.on('exit', done));
  return child.pid!;
}

describe('the build lock of a county folder', () => {
  it('is taken by a build and let go when it ends, so the next build gets it', () => {
    const work = mkdtempSync(join(scratch, 'work-'));
    const lock = takeBuildLock(work);
    if (!('release' in lock)) throw new Error('the lock of an empty work folder was not taken');
    expect(readFileSync(join(work, BUILD_LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    expect(existsSync(join(work, BUILD_LOCK_FILE))).toBe(false);
    expect('release' in takeBuildLock(work)).toBe(true);
  });

  it('names the running build that holds it to a second build, and stays that build’s', () => {
    const work = mkdtempSync(join(scratch, 'work-'));
    // A build running now: this test's parent process.
    writeFileSync(join(work, BUILD_LOCK_FILE), `${process.ppid}\n`);
    expect(takeBuildLock(work)).toEqual({ heldBy: process.ppid });
    expect(readFileSync(join(work, BUILD_LOCK_FILE), 'utf8').trim()).toBe(String(process.ppid));
    expect(readdirSync(work)).toEqual([BUILD_LOCK_FILE]);
  });

  it('is taken over from a build that was killed, leaving no temporary file', async () => {
    const work = mkdtempSync(join(scratch, 'work-'));
    writeFileSync(join(work, BUILD_LOCK_FILE), `${await deadPid()}\n`);
    const lock = takeBuildLock(work);
    expect('release' in lock).toBe(true);
    expect(readFileSync(join(work, BUILD_LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
    expect(readdirSync(work)).toEqual([BUILD_LOCK_FILE]);
  });
});

describe('a county folder whose work folder cannot be made', () => {
  it('stops the build with the folder, the reason and what to check in Chinese and English, not a stack trace', () => {
    const root = mkdtempSync(join(scratch, 'county-'));
    // A plain file where the build's work folder goes (as a copy gone wrong leaves it); permissions cannot stop root.
    writeFileSync(join(root, '.gongkai-build'), 'not a folder');
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts'), '--root', root, '--no-posters'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`无法建立或锁定构建工作文件夹 ${join(root, '.gongkai-build')}`);
    expect(run.stderr).toContain("Cannot make or lock the build's work folder");
    expect(run.stderr).toMatch(/E(EXIST|NOTDIR)/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(root, '.gongkai-build'), 'utf8')).toBe('not a folder');
  });
});
