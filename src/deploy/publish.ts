/**
 * `npm run publish -- <web root>`: copies a finished build into `<web root>/releases/<id>/` and points
 * `<web root>/current` at it by making a new symlink and renaming it over the old one (rename is
 * atomic, so the web server sees either the old release or the new one, never a mix). The release id
 * is `<as-of date>-<content hash>`: the same build always gets the same id and ids sort by date.
 * `<web root>/releases.json` lists the releases in the order they went online; the last `keep` stay
 * on disk, and `rollback` points `current` at the one before. `previous` points at the release that
 * was current before the last switch: the web server falls back to it for hashed assets, so a page
 * loaded just before a switch still gets its scripts.
 */
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isProcessAlive, isTempName, removeDeadTemps, tempPath } from '../check/cache-file.ts';

/** Never copied into a web root: posters with personal data stay on the build machine. */
const PRIVATE_DIRS = ['private-posters'];
/** A build is finished only when these exist (the search index is written after the pages). */
const REQUIRED_FILES = ['index.html', 'pagefind/pagefind.js'];

export interface PublishLogEntry {
  id: string;
  asOf: string;
  /** When it went online (ISO, UTC); not part of any page. */
  publishedAt: string;
}

export interface PublishOptions {
  dist: string;
  webRoot: string;
  keep?: number;
  now?: Date;
}

export interface PublishResult {
  ok: boolean;
  message: string;
  id?: string;
  removed?: string[];
}

const LOG = 'releases.json';

export function readPublishLog(webRoot: string): PublishLogEntry[] {
  const file = join(webRoot, LOG);
  if (!existsSync(file)) return [];
  return JSON.parse(readFileSync(file, 'utf8')) as PublishLogEntry[];
}

function writeAtomically(file: string, text: string): void {
  const tmp = tempPath(file);
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** The release `current` points at, or undefined. */
export function currentRelease(webRoot: string): string | undefined {
  const link = join(webRoot, 'current');
  if (!existsSync(link) && !isSymlink(link)) return undefined;
  return readlinkSync(link).split('/').pop();
}

function isSymlink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Points `<web root>/<name>` at `releases/<id>` atomically: a new link, renamed over the old one. */
function pointLink(webRoot: string, name: 'current' | 'previous', id: string): void {
  const tmp = tempPath(join(webRoot, `.${name}`));
  rmSync(tmp, { force: true });
  symlinkSync(join('releases', id), tmp);
  renameSync(tmp, join(webRoot, name));
}

/** Makes `releases/<id>` current; the release it replaces becomes `previous`. */
function switchCurrent(webRoot: string, id: string): void {
  const before = currentRelease(webRoot);
  if (before && before !== id && existsSync(join(webRoot, 'releases', before))) pointLink(webRoot, 'previous', before);
  pointLink(webRoot, 'current', id);
}

/** The release `previous` points at, or undefined. */
function previousRelease(webRoot: string): string | undefined {
  return isSymlink(join(webRoot, 'previous')) ? readlinkSync(join(webRoot, 'previous')).split('/').pop() : undefined;
}

/** Why `dist` is not a finished build, or undefined when it is. */
function findUnfinishedBuild(dist: string): string | undefined {
  if (!existsSync(dist) || !statSync(dist).isDirectory()) {
    return `找不到构建结果 ${dist}，请先运行 npm run build。 No build at ${dist}: run npm run build first.`;
  }
  const missing = REQUIRED_FILES.filter((f) => !existsSync(join(dist, f)));
  if (missing.length > 0) {
    return `${dist} 不是完整的构建（缺少 ${missing.join('、')}），可能构建中断了；请重新运行 npm run build。 ${dist} is not a finished build (missing ${missing.join(', ')}); the build was probably interrupted: run npm run build again.`;
  }
  if (readAsOf(dist) === undefined) {
    return `${dist}/index.html 没有数据截至日期（gongkai:as-of），不是本项目的构建。 ${dist}/index.html has no gongkai:as-of date; it is not a gongkai build.`;
  }
  return undefined;
}

/**
 * The build's as-of date: county.json's (the day it was built for), else the home page's gongkai:as-of marker, which
 * is the last day a state of the county changed (src/records/dated.ts `getStateDate`), so it stays the same over days
 * without a change.
 */
function readAsOf(dist: string): string | undefined {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const marker = /<meta name="gongkai:as-of" content="(\d{4}-\d{2}-\d{2})"/.exec(html)?.[1];
  if (!marker) return undefined;
  try {
    const asOf = (JSON.parse(readFileSync(join(dist, 'county.json'), 'utf8')) as { asOf?: unknown }).asOf;
    return typeof asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : marker;
  } catch {
    return marker;
  }
}

/** Every file that will be published, relative to `dist`, sorted, private folders left out. */
function listFiles(dist: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      const rel = relative(dist, p);
      if (PRIVATE_DIRS.includes(rel)) continue;
      if (e.isDirectory()) walk(p);
      else out.push(rel);
    }
  };
  walk(dist);
  return out.sort();
}

/** `<as-of>-<first 12 hex of sha256 over every path and its bytes>`: same build, same id. */
export function releaseId(dist: string): string {
  const h = createHash('sha256');
  for (const rel of listFiles(dist))
    h.update(`${rel}\0`)
      .update(readFileSync(join(dist, rel)))
      .update('\0');
  return `${readAsOf(dist)}-${h.digest('hex').slice(0, 12)}`;
}

/** Removes releases that are neither among the last `keep` published nor current nor previous. */
function prune(webRoot: string, log: PublishLogEntry[], keep: number): { log: PublishLogEntry[]; removed: string[] } {
  const kept = log.slice(-keep);
  const keepIds = new Set(kept.map((e) => e.id));
  for (const linked of [currentRelease(webRoot), previousRelease(webRoot)]) if (linked) keepIds.add(linked);
  const removed: string[] = [];
  const releases = join(webRoot, 'releases');
  for (const name of readdirSync(releases)) {
    // Copies being made are judged by removeDeadTemps; one named as before temporary names were shared
    // (`.incoming-<id>-<pid>`) is removed once its process is gone.
    const incoming = /^\.incoming-.*-(\d+)$/.exec(name);
    if (keepIds.has(name) || isTempName(name) || (name.startsWith('.') && !(incoming && !isProcessAlive(Number(incoming[1]))))) continue;
    rmSync(join(releases, name), { recursive: true, force: true });
    removed.push(name);
  }
  return { log: log.filter((e) => keepIds.has(e.id)), removed };
}

export function publish(options: PublishOptions): PublishResult {
  const keep = options.keep ?? 5;
  if (!Number.isInteger(keep) || keep < 2)
    return { ok: false, message: `--keep 至少为 2（否则无法回滚）。 --keep must be at least 2, or there is nothing to roll back to.` };
  const dist = resolve(options.dist);
  const webRoot = resolve(options.webRoot);
  const problem = findUnfinishedBuild(dist);
  if (problem) return { ok: false, message: problem };
  const id = releaseId(dist);
  const asOf = readAsOf(dist)!;
  const releases = join(webRoot, 'releases');
  mkdirSync(releases, { recursive: true });
  // What an interrupted publish left (a half-made copy, link or list); a publish running beside this one keeps its own.
  removeDeadTemps(webRoot);
  removeDeadTemps(releases);
  const target = join(releases, id);
  if (!existsSync(target)) {
    // Copy beside it first, so a half-copied release is never under its final name.
    const staging = tempPath(join(releases, `.incoming-${id}`));
    rmSync(staging, { recursive: true, force: true });
    cpSync(dist, staging, { recursive: true, dereference: true, filter: (src) => !PRIVATE_DIRS.includes(relative(dist, src)) });
    renameSync(staging, target);
  }
  switchCurrent(webRoot, id);
  const log = readPublishLog(webRoot).filter((e) => e.id !== id);
  log.push({ id, asOf, publishedAt: (options.now ?? new Date()).toISOString() });
  const pruned = prune(webRoot, log, keep);
  writeAtomically(join(webRoot, LOG), `${JSON.stringify(pruned.log, null, 2)}\n`);
  return {
    ok: true,
    id,
    removed: pruned.removed,
    message: `已上线 ${id}（数据截至 ${asOf}）：${join(webRoot, 'current')} → releases/${id}。 Published ${id} (as of ${asOf}).`,
  };
}

/** Points `current` at the release published before the current one (the newer one stays on disk). */
export function rollback(webRootIn: string): PublishResult {
  const webRoot = resolve(webRootIn);
  const log = readPublishLog(webRoot).filter((e) => existsSync(join(webRoot, 'releases', e.id)));
  const cur = currentRelease(webRoot);
  const at = log.findIndex((e) => e.id === cur);
  const previous = at > 0 ? log[at - 1] : undefined;
  if (!previous) return { ok: false, message: `${webRoot} 没有更早的版本可以回滚。 There is no earlier release in ${webRoot} to roll back to.` };
  // The log keeps its order, so a second rollback goes one further back.
  switchCurrent(webRoot, previous.id);
  return {
    ok: true,
    id: previous.id,
    message: `已回滚到 ${previous.id}（数据截至 ${previous.asOf}）。 Rolled back to ${previous.id} (as of ${previous.asOf}).`,
  };
}
