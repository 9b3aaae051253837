/**
 * One build of a county folder at a time. Two builds of the same folder share its caches, its publication log and its
 * output: the second would append the same entries to the log and be refused only after rendering everything, so it waits
 * for the first (scripts/build-run.ts), then finds what the first left. Builds of
 * different county folders take different locks and run side by side (the province's shards, two counties built from
 * one checkout). The lock is a file `<work folder>/build.lock` holding the build's process id, made by link(2) so that
 * exactly one of two builds starting together gets it; a lock whose process is gone (a killed build's) is taken over.
 */
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isProcessAlive, tempPath } from './cache-file.ts';

export const BUILD_LOCK_FILE = 'build.lock';

/**
 * What a clerk is told when the county folder's work folder cannot be made or locked (a read-only disk, no permission, a
 * full disk, a file where the folder should be): the folder, the system's reason, and what to do, in Chinese and English.
 */
export function describeWorkFolderFailure(work: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code ? `${code}: ${(error as Error).message}` : String(error);
  return (
    `无法建立或锁定构建工作文件夹 ${work}（${reason}）。请确认县文件夹存在且可写：不是只读磁盘、有写入权限、磁盘未满，且该路径不是一个普通文件。\n` +
    `Cannot make or lock the build's work folder ${work} (${reason}). Check that the county folder exists and is writable: not a read-only disk, write permission, a disk with free space, and that this path is not a plain file.`
  );
}

/** The process id in a lock file, or undefined when it is missing or holds none. */
function readHolder(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the build lock of the work folder `work` (which must exist) for this process. Returns a function that releases
 * it, or, when another running build holds it, that build's process id (the caller says so and stops).
 */
export function takeBuildLock(work: string): { release: () => void } | { heldBy: number } {
  const file = join(work, BUILD_LOCK_FILE);
  const mine = tempPath(file);
  writeFileSync(mine, `${process.pid}\n`);
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(mine, file);
        return {
          release: () => {
            if (readHolder(file) === process.pid) rmSync(file, { force: true });
          },
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readHolder(file);
      if (holder !== undefined && holder !== process.pid && isProcessAlive(holder)) return { heldBy: holder };
      // A killed build's lock (or one cut short): moved aside under this process's name, so that of two builds finding it
      // only one removes it; a lock taken meanwhile by a live build is put back.
      const stale = tempPath(`${file}-stale`);
      try {
        renameSync(file, stale);
      } catch {
        continue;
      }
      const moved = readHolder(stale);
      if (moved !== undefined && moved !== holder && isProcessAlive(moved)) {
        try {
          linkSync(stale, file);
        } catch {
          // Another lock is there already: its holder goes on.
        }
        rmSync(stale, { force: true });
        return { heldBy: moved };
      }
      rmSync(stale, { force: true });
    }
    return { heldBy: readHolder(file) ?? 0 };
  } finally {
    rmSync(mine, { force: true });
  }
}
