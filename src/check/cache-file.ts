/**
 * Cache files that check themselves. Every cache the build keeps between builds (the check cache,
 * the open-data parts, the log leaves, the search counts, the poster manifests and layouts) is one
 * file written here: a header line `gongkai-cache <kind> <version> <key hash> <body bytes> <body
 * sha256>` and the body after it, written beside and renamed into place, so a reader never sees half
 * a file. Reading returns the body only when the kind, the format version, the key and the body's
 * length and digest all match; anything else (a file cut short by a full disk or a killed build, a
 * byte changed by hand, a file of another format or version) reads as missing, so the build makes it
 * again. A file for another key is a stale entry and goes silently; a damaged one is said once per
 * kind in each build, in Chinese with the English beside it ("缓存 check-cache 已损坏（…），已重新生成。
 * cache check-cache unreadable (…), rebuilt"), across the build's processes and threads when the build
 * names a notice folder (`useCacheNoticeFolder`), else once per kind in each process.
 *
 * Temporary names: every file or folder the build, the publication log and `npm run publish` write
 * beside and rename into place is named `<name>.tmp-<pid>-<thread>` (`tempPath`); `removeDeadTemps`
 * (a folder) and `removeDeadTempsOf` (one name) remove those of processes that are gone (a killed
 * build's), never those of a build running beside this one.
 *
 * Only the bytes read are hashed (sha256 runs at several hundred MB a second; the caches a build
 * reads are a few MB per hundred villages).
 */
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { getEnvironmentData, setEnvironmentData, threadId } from 'node:worker_threads';

/** What a cache file must be to be used: its kind (a name), its body format's version and the key it was made for. */
export interface CacheFileSpec {
  kind: string;
  version: number;
  /** Everything the body depends on (digests of the inputs, the code): another key is another entry. */
  key: string;
}

const MAGIC = 'gongkai-cache';
/** A header is a few short fields; a first line longer than this is not one. */
const MAX_HEADER = 256;

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Kinds already reported unreadable in this thread (a console line, not a cache of data). */
const reported = new Set<string>();

const NOTICES = 'gongkai:cache-notices';
let noticeFolder: string | undefined;

/**
 * Makes `folder` (one per build, removed with it) where the build's processes and threads note the
 * kinds of damaged caches they reported, so each kind is said once per build: the build script calls
 * it, the page process with the folder it was handed; worker threads started afterwards inherit it.
 */
export function useCacheNoticeFolder(folder: string): void {
  mkdirSync(folder, { recursive: true });
  noticeFolder = folder;
  setEnvironmentData(NOTICES, folder);
}

/** Whether this is the first report of `kind` in this build (or, with no notice folder, in this thread). */
function claimNotice(kind: string): boolean {
  if (reported.has(kind)) return false;
  reported.add(kind);
  const folder = noticeFolder ?? (getEnvironmentData(NOTICES) as string | undefined);
  if (!folder) return true;
  try {
    // Made only if absent, in one step: of two processes reporting the same kind, one makes it.
    closeSync(openSync(join(folder, encodeURIComponent(kind)), 'wx'));
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'EEXIST';
  }
}

/** The clerk's line for a damaged cache file of `kind`: Chinese, with the English beside it. */
const formatUnreadableCache = (kind: string, file: string, reason: string): string =>
  `缓存 ${kind} 已损坏（${reason}：${file}），已重新生成。 cache ${kind} unreadable (${reason}: ${file}), rebuilt`;

/** Says once per kind in this build that a cache file of `kind` was damaged and is made again. */
export function reportUnreadableCache(kind: string, file: string, reason: string): void {
  if (claimNotice(kind)) console.warn(formatUnreadableCache(kind, file, reason));
}

const report = (spec: CacheFileSpec, file: string, reason: string) => reportUnreadableCache(spec.kind, file, reason);

/** The header and body of a cache file for `spec`, as written by `writeCacheFile`. */
export function sealCacheBody(spec: CacheFileSpec, body: string | Uint8Array): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const header = `${MAGIC} ${spec.kind} ${spec.version} ${sha256(spec.key).slice(0, 32)} ${bytes.length} ${sha256(bytes)}\n`;
  return Buffer.concat([Buffer.from(header, 'utf8'), bytes]);
}

/**
 * Why `data` is not a cache file for `spec` ('stale': made for another key), or its body. Pure: the
 * caller reports.
 */
export function openCacheBody(spec: CacheFileSpec, data: Buffer): { body: Buffer } | { stale: true } | { damaged: string } {
  const end = data.subarray(0, MAX_HEADER).indexOf(0x0a);
  if (end < 0) return { damaged: 'no header' };
  const fields = data.subarray(0, end).toString('latin1').split(' ');
  if (fields.length !== 6 || fields[0] !== MAGIC) return { damaged: 'no header' };
  const [, kind, version, key, length, digest] = fields as [string, string, string, string, string, string];
  if (kind !== spec.kind) return { damaged: `a ${kind} file` };
  if (version !== String(spec.version)) return { damaged: `format version ${version}, not ${spec.version}` };
  if (key !== sha256(spec.key).slice(0, 32)) return { stale: true };
  const body = data.subarray(end + 1);
  if (String(body.length) !== length) return { damaged: `${body.length} bytes, not ${length}` };
  if (sha256(body) !== digest) return { damaged: 'digest mismatch' };
  return { body };
}

/**
 * The body of the cache file `file` when it is whole and made for `spec`; undefined when it is
 * missing, stale or damaged (damage is reported once per kind).
 */
export function readCacheFile(file: string, spec: CacheFileSpec): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') report(spec, file, (error as NodeJS.ErrnoException).code ?? 'unreadable');
    return undefined;
  }
  const opened = openCacheBody(spec, data);
  if ('body' in opened) return opened.body;
  if ('damaged' in opened) report(spec, file, opened.damaged);
  return undefined;
}

/**
 * The JSON value of the cache file `file` (see `readCacheFile`) when `isWhole` accepts it: a body
 * whose digest matches but whose shape this code does not know is damage too.
 */
export function readCacheJson<T>(file: string, spec: CacheFileSpec, isWhole: (value: unknown) => value is T): T | undefined {
  const body = readCacheFile(file, spec);
  if (!body) return undefined;
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    if (isWhole(value)) return value;
  } catch {
    // fall through: reported below
  }
  report(spec, file, 'not the expected shape');
  return undefined;
}

/**
 * Writes `body` as the cache file `file` for `spec`: whole, beside it (a name of this process and
 * thread) and renamed into place, so a build killed mid-write or a reader at the same time never
 * sees half a file. Makes the folder.
 */
export function writeCacheFile(file: string, spec: CacheFileSpec, body: string | Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = tempPath(file);
  try {
    writeFileSync(tmp, sealCacheBody(spec, body));
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/** The file beside `file` that holds its digest (`sealFile`). */
const sealOf = (file: string) => `${file}.gongkai-seal`;

/**
 * Seals a cache file another program keeps between builds (Astro's content store, which reuses an
 * entry whose source file's digest matches, whatever the entry holds): its sha256 is written beside
 * it, once the build that wrote it has finished.
 */
export function sealFile(file: string, kind: string): void {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    rmSync(sealOf(file), { force: true });
    return;
  }
  writeCacheFile(sealOf(file), { kind, version: 1, key: file }, sha256(data));
}

/**
 * Removes such a file unless it is as the last finished build sealed it (`sealFile`): one cut short
 * by a killed build, left by a build that failed, changed by hand or of an older version is made
 * again by its program. A damaged seal or file is reported once; a file never sealed goes silently.
 */
export function dropUnsealedFile(file: string, kind: string): void {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return;
  }
  const spec = { kind, version: 1, key: file };
  const seal = readCacheFile(sealOf(file), spec);
  if (seal && seal.toString('latin1') === sha256(data)) return;
  if (seal) report(spec, file, 'digest mismatch');
  rmSync(file, { force: true });
  rmSync(sealOf(file), { force: true });
}

/**
 * The temporary name of `path` while this process and thread write it (a file or a folder renamed into
 * place when whole). The one naming every such writer of the build uses, so `removeDeadTemps` can tell
 * a killed build's leftovers from a running build's.
 */
export const tempPath = (path: string): string => `${path}.tmp-${process.pid}-${threadId}`;

/** `tempPath`'s names (and the older `<name>.tmp-<pid>`), with the writer's process id. */
const TEMP = /\.tmp-(\d+)(?:-[0-9a-z]+)?$/;

/** Whether `name` is a temporary name (`tempPath`): another build's may be in use; `removeDeadTemps` judges. */
export const isTempName = (name: string): boolean => TEMP.test(name);

/** A temporary name older than this is a leftover whatever its process id says (ids are reused). */
const TEMP_MAX_AGE_MS = 24 * 3600 * 1000;

/** Whether process `pid` is still running (a build that was killed leaves its files behind). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether `name` in `dir` is what a process that is gone left: a temporary name (`tempPath`) whose
 * process is not running, or older than a day. Another name, or this process's, is not.
 */
export function isDeadTemp(dir: string, name: string): boolean {
  const match = TEMP.exec(name);
  if (!match) return false;
  const pid = Number(match[1]);
  if (pid === process.pid) return false;
  if (!isProcessAlive(pid)) return true;
  try {
    return Date.now() - statSync(join(dir, name)).mtimeMs > TEMP_MAX_AGE_MS;
  } catch {
    return false;
  }
}

/**
 * Removes from `dir` (and, with `depth`, from its folders that many levels down) the temporary files
 * and folders of builds that were killed while writing them (`isDeadTemp`). Returns how many went.
 */
export function removeDeadTemps(dir: string, depth = 0): number {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  let removed = 0;
  for (const e of entries) {
    if (isDeadTemp(dir, e.name)) {
      rmSync(join(dir, e.name), { recursive: true, force: true });
      removed += 1;
    } else if (depth > 0 && e.isDirectory() && !TEMP.test(e.name)) removed += removeDeadTemps(join(dir, e.name), depth - 1);
  }
  return removed;
}

/**
 * Removes the temporary names of `path` alone (`tempPath`: `<path>.tmp-…`) that processes which are
 * gone left beside it (`isDeadTemp`), for a writer whose folder holds other programs' files too (a
 * web root, a folder given with --out). Returns how many went.
 */
export function removeDeadTempsOf(path: string): number {
  const dir = dirname(path);
  const prefix = `${basename(path)}.tmp-`;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names)
    if (name.startsWith(prefix) && isDeadTemp(dir, name)) {
      rmSync(join(dir, name), { recursive: true, force: true });
      removed += 1;
    }
  return removed;
}
