/**
 * `npm run build [-- --root <dir>] [-- --out <dir>] [-- --full] [-- --no-posters] [-- --workers N]`: checks <root>/content (default:
 * the current folder), builds the site into a staging folder and only then publishes it as <out>
 * (default <root>/dist). A failed check or build leaves the previous output exactly as it was.
 *
 * Content is read and checked once. This script makes the one build context (src/build/context.ts:
 * county folder, staging folder, checked county, problems, as-of date, villages to render, cache
 * folders) and passes it explicitly: to Astro, which renders the pages in a child process
 * (scripts/build-pages.ts: Astro's config, astro.config.mjs `gongkaiConfig`, and the page modules,
 * src/build/handover.ts), and to the post-build steps (scripts/build-steps.ts) in this one. While the page
 * process runs, the county is on disk only (src/check/county-snapshot.ts): this process drops its copy and
 * reads it back after, the page process reads it when its pages first need it, after Vite's bundling.
 * Villages whose files did not change since the last build reuse their check results
 * (src/check/check-cache.ts).
 *
 * Publishing is one atomic step: <out> is a symbolic link to a release folder under
 * <root>/.gongkai-build/; a new link is made next to <out> and renamed over it (rename(2)), so a
 * reader always sees either the whole old site or the whole new one, never no site. The replaced
 * release is removed in the background. Staging folders and private-poster folders of builds that
 * were killed (their process is gone) are removed when the next build starts.
 *
 * Incremental builds: when the previous build made <out> from the same site.yaml and code, and only
 * a few villages changed, Astro renders just those villages' pages and the county-wide pages; every
 * other file is carried over from <out> as a hard link. Pages depend only on their own village,
 * site.yaml, the code and, for dated pages, the as-of date, which is what makes this safe. On a new
 * day the dated pages are rendered again: every kiosk screen, and the boards and record pages whose
 * date facts changed (src/records/dated.ts). `--full` (or any doubt: a different <out>, a missing
 * record) builds everything.
 *
 * Nothing changed: when content/, the code, the as-of date, the options, the log key and the
 * publication log are all what the build that made <out> was given, and <out> is still that build's
 * release, the build says so and leaves <out> and the log as they are (its output would be the same
 * bytes). `--full` builds anyway.
 *
 * `--workers N`: render the pages in N worker threads (default 1: the page process's own thread). Each worker gets its
 * own copy of the build context (src/build/handover.ts); the output is the same for any N.
 *
 * `--no-posters` (benchmarks and page-only previews, never a county's published site): no poster is
 * rendered or placed; the print pages still list them, so their poster links are dead.
 */
import { fork, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { copyFile, link, mkdir } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { BuildContext, PageHandover } from '../src/build/context.ts';
import { provideBuildContext } from '../src/build/handover.ts';
import { resolveAsOf } from '../src/check/as-of.ts';
import { dropUnsealedFile, sealFile } from '../src/check/cache-file.ts';
import { VillageCheckCache } from '../src/check/check-cache.ts';
import { readCountySnapshot, writeCountySnapshot } from '../src/check/county-snapshot.ts';
import { codeFingerprint, contentDigests, contentStamp } from '../src/check/digest.ts';
import { formatInputHash } from '../src/build/input-hash.ts';
import { formatProblems } from '../src/check/format.ts';
import { loadCountyInParallel } from '../src/check/load-workers.ts';
import { recordTiming, timed } from '../src/integrations/timings.ts';
import { warnIfPublishedReleaseIsOld } from '../src/deploy/release-age.ts';
import { PRIVATE_DIR, posterStep, renderMissingPosters } from '../src/posters/build-step.ts';
import { getChangedDatedPages } from '../src/records/dated.ts';
import { planPublicationLog } from '../src/integrations/publication-log.ts';
import { formatVerifierKey, getVerifierKey } from '../src/lib/tlog/note.ts';
import { loadSignerKey } from '../src/log-store/keys.ts';
import { LogRefusal } from '../src/log-store/store.ts';
import { POST_BUILD_STEPS, runPostBuildSteps } from './build-steps.ts';

const { values } = parseArgs({
  options: {
    root: { type: 'string' },
    out: { type: 'string' },
    full: { type: 'boolean', default: false },
    'no-posters': { type: 'boolean', default: false },
    'web-root': { type: 'string' },
    'log-key': { type: 'string' },
    workers: { type: 'string' },
  },
});
const started = performance.now();
const project = join(import.meta.dirname, '..');
const root = resolve(values.root ?? process.cwd());
const dist = resolve(values.out ?? join(root, 'dist'));
const work = join(root, '.gongkai-build');
// `--workers N`: threads rendering the pages (Astro's experimental.parallelPrerender; README.md, build section).
const pageWorkers = Number(values.workers ?? 1);
if (!Number.isInteger(pageWorkers) || pageWorkers < 1 || pageWorkers > 64) {
  console.error(`--workers ${values.workers} 应为 1 到 64 之间的整数。 --workers must be a whole number from 1 to 64.`);
  process.exit(1);
}
const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\0')).digest('hex');

async function timedAsync<T>(stage: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  try {
    return await fn();
  } finally {
    recordTiming(stage, performance.now() - t);
  }
}

/**
 * Hard-links into `to` every file of `from` that this build did not write, except the folders of
 * villages under v/ that `skipVillage` names. Folders are made level by level and links are made
 * a few at a time on libuv's threads (about three times faster than one by one here). Returns the
 * number of files carried over.
 */
async function carryOver(from: string, to: string, skipVillage: (id: string) => boolean): Promise<number> {
  const levels: string[][] = [];
  const files: [string, string][] = [];
  const walk = (src: string, dst: string, rel: string, depth: number, fresh: boolean) => {
    for (const e of readdirSync(src, { withFileTypes: true })) {
      const s = join(src, e.name);
      const d = join(dst, e.name);
      if (e.isDirectory()) {
        if (rel === 'v' && skipVillage(e.name)) continue;
        const made = fresh || !existsSync(d);
        if (made) (levels[depth] ??= []).push(d);
        walk(s, d, rel ? `${rel}/${e.name}` : e.name, depth + 1, made);
      } else if (fresh || !existsSync(d)) files.push([s, d]);
    }
  };
  walk(from, to, '', 0, false);
  const pool = async <T>(items: readonly T[], fn: (item: T) => Promise<unknown>) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < items.length) await fn(items[next++]!);
      }),
    );
  };
  for (const level of levels) if (level) await pool(level, (d) => mkdir(d));
  await pool(files, ([s, d]) => link(s, d).catch(() => copyFile(s, d)));
  return files.length;
}

/**
 * Removes a replaced output folder in the background: deleting tens of thousands of files takes
 * longer than building a village, and nothing waits for it. Falls back to removing it here.
 */
function removeLater(dir: string): void {
  try {
    spawn('sh', ['-c', 'nice -n 19 rm -rf "$1" 2>/dev/null || rm -rf "$1"', 'sh', dir], { detached: true, stdio: 'ignore' })
      .on('error', () => undefined)
      .unref();
  } catch {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether process `pid` is still running (a build that was killed leaves its folders behind). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes what killed builds left: staging folders `<work>/dist-<pid>` and private-poster folders
 * `<root>/private-posters.tmp-<pid>` (personal data) whose process is gone, and releases of this
 * output that it no longer links to (`keep`).
 */
function removeStale(outKey: string, keep: string | undefined): void {
  for (const name of readdirSync(work)) {
    const staging = /^dist-(\d+)$/.exec(name);
    if (staging && Number(staging[1]) !== process.pid && !isAlive(Number(staging[1]))) rmSync(join(work, name), { recursive: true, force: true });
    const snapshot = /^county-(\d+)\.v8$/.exec(name);
    if (snapshot && Number(snapshot[1]) !== process.pid && !isAlive(Number(snapshot[1]))) rmSync(join(work, name), { force: true });
    if (name.startsWith(`release-${outKey}-`) && join(work, name) !== keep) removeLater(join(work, name));
  }
  for (const name of readdirSync(root)) {
    const tmp = new RegExp(`^${PRIVATE_DIR}\\.tmp-(\\d+)$`).exec(name);
    if (tmp && Number(tmp[1]) !== process.pid && !isAlive(Number(tmp[1]))) rmSync(join(root, name), { recursive: true, force: true });
  }
}

/** The release folder <out> links to, if <out> is such a link. */
function currentRelease(out: string): string | undefined {
  try {
    return lstatSync(out).isSymbolicLink() ? resolve(dirname(out), readlinkSync(out)) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Publishes `release` as `out` in one rename(2): a new symbolic link made next to `out` replaces it.
 * An `out` that is still a real folder (made before outputs were links) is moved aside first, once.
 * Returns what `out` showed before, for removal.
 */
function publish(release: string, out: string): string | undefined {
  const before = currentRelease(out);
  let aside: string | undefined;
  if (!before && existsSync(out)) {
    aside = join(work, `old-${process.pid}`);
    renameSync(out, aside);
  }
  mkdirSync(dirname(out), { recursive: true });
  const next = join(dirname(out), `.${basename(out)}.link-${process.pid}`);
  rmSync(next, { force: true });
  symlinkSync(relative(dirname(out), release), next);
  renameSync(next, out);
  return before ?? aside;
}

/**
 * A full garbage collection now. V8 collects when this process next allocates, and while the page process runs it
 * hardly does: the dropped county (and the snapshot's buffers) would stay in its memory through the page process's
 * peak (300 villages: 0.87 GB until V8 collected, 0.35 GB after; docs/benchmarks.md, session 6: memory).
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** The page process died or failed: its message is for the clerk (the stack of this script would not help). */
class PageProcessFailure extends Error {}

/**
 * Runs Astro on `context` in a child process (scripts/build-pages.ts), sent the context over the IPC
 * channel (structured clone: the log plan and its key never touch the disk; the county is read from its
 * snapshot, src/check/county-snapshot.ts, when the pages first need it). Everything
 * rendering the pages holds is given back to the system when the child exits, before the post-build
 * steps run in this process. Its output (Astro's progress, errors) goes to this build's.
 */
function renderPages(context: PageHandover): Promise<void> {
  return new Promise((done, failed) => {
    const child = fork(join(project, 'scripts', 'build-pages.ts'), { serialization: 'advanced', stdio: 'inherit' });
    child.on('error', failed);
    child.on('exit', (code, signal) =>
      code === 0
        ? done()
        : failed(
            new PageProcessFailure(
              signal
                ? `页面生成进程被终止（${signal}${signal === 'SIGKILL' ? '，可能是内存不足' : ''}）。 The page process was killed (${signal}${signal === 'SIGKILL' ? ', possibly for lack of memory' : ''}).`
                : `页面生成失败（退出码 ${code}），原因见上文。 Page generation failed (exit code ${code}); the cause is printed above.`,
            ),
          ),
    );
    child.send(context);
  });
}

/** What scripts/build.ts remembers of the last build into an output folder (`lastFile`). */
interface LastBuild {
  out: string;
  /** Inode of the output folder we swapped in; anything else there means we did not make it. */
  outIno: number;
  /** site.yaml + code: what every page depends on. */
  pagesKey: string;
  /** The as-of date of that build: on a new day only dated pages are rendered again (src/records/dated.ts). */
  asOf?: string;
  villages: Record<string, string>;
  /** Everything the output depends on (`inputKeyOf`): the same key again means nothing to build. */
  inputKey?: string;
  /** What the check printed (its warnings), shown again when nothing changed. */
  problems?: string;
  /** Whether <root>/private-posters/ was there after that build (posters with personal data). */
  privatePosters?: boolean;
}
const lastFile = join(work, `last-build-${hash(dist).slice(0, 12)}.json`);

function readLastBuild(): LastBuild | undefined {
  try {
    const last = JSON.parse(readFileSync(lastFile, 'utf8')) as LastBuild;
    // Only an output this build script made and that is still there as it left it (a record cut short or
    // of another shape means a full build).
    return typeof last.pagesKey === 'string' &&
      typeof last.villages === 'object' &&
      last.villages !== null &&
      last.out === dist &&
      statSync(dist).ino === last.outIno &&
      existsSync(join(dist, 'index.html'))
      ? last
      : undefined;
  } catch {
    return undefined;
  }
}

/** Every file under <root>/log (the publication log the build appends to), by path and bytes. */
function logDigest(): string {
  const h = createHash('sha256');
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.isDirectory()) walk(join(dir, e.name), `${rel}/${e.name}`);
      else h.update(`${rel}/${e.name}\0`).update(e.isFile() ? readFileSync(join(dir, e.name)) : 'other');
    }
  };
  if (existsSync(join(root, 'log'))) walk(join(root, 'log'), 'log');
  return h.digest('hex');
}

/**
 * Everything a build's output depends on: content/ (site.yaml included), the code, the as-of date,
 * the options that change the output, the public key the log is signed with and the publication log
 * itself. Undefined when the log key cannot be read (the build then reports why).
 */
async function inputKeyOf(contentDigest: string, code: string, asOf: string): Promise<string | undefined> {
  try {
    const signer = await loadSignerKey({ keyFile: values['log-key'] ?? process.env['GONGKAI_LOG_KEY_FILE'], keyText: process.env['GONGKAI_LOG_KEY'] });
    return hash(
      contentDigest,
      code,
      asOf,
      values['no-posters'] ? 'no-posters' : '',
      signer ? formatVerifierKey(getVerifierKey(signer)) : 'unsigned',
      logDigest(),
    );
  } catch {
    return undefined;
  }
}

// ── check ──
// The stamp is taken before reading, so an edit made while we check is noticed before Astro starts.
const digests = timed('digest', () => contentDigests(root));
const stamp = digests.stamp;
const code = timed('fingerprint', () => codeFingerprint(project));
// GONGKAI_AS_OF (reproducible builds) is read here, at the boundary, and nowhere below.
const asOfInput = resolveAsOf(undefined, process.env, new Date());

// ── nothing changed: the published output stays as it is ──
// The same content, code, as-of date, options, log key and log as the build that made <out>: that
// build's output is what this one would make, byte for byte (builds are deterministic), so nothing
// is checked, rendered, logged or published again.
const inputKey = await inputKeyOf(digests.all, code, asOfInput);
const unchanged = values.full || !inputKey ? undefined : readLastBuild();
if (unchanged && inputKey && unchanged.inputKey === inputKey && Boolean(unchanged.privatePosters) === existsSync(join(root, PRIVATE_DIR))) {
  if (unchanged.problems) console.log(unchanged.problems);
  // What killed builds left (staging folders, personal-data poster folders) goes even when nothing is built.
  removeStale(hash(dist).slice(0, 12), currentRelease(dist));
  recordTiming('mode', 0, { incremental: true, changed: 0, newDay: false, datedPages: 0, unchanged: true });
  recordTiming('total', performance.now() - started);
  console.log(
    `\n没有变化：内容、代码、数据日期和选项都与上次构建相同，${values.out ? dist : 'dist/'} 保持不变。 Nothing changed since the last build (content, code, as-of date, options, log); ${values.out ? dist : 'dist/'} was left as it was.`,
  );
  warnIfPublishedReleaseIsOld(root, values['web-root'], process.env, new Date(), (t) => console.warn(`\n${t}`));
  process.exit(0);
}

// Village rules depend on the village's files, site.yaml and the code, never on the as-of date
// (src/check/county-rules.ts `VillageRuleScope`): a new day reuses every unchanged village's check and
// runs only the date's rules (src/check/compliance-rules.ts) again.
const checkScope = hash(digests.site, code);
const checkCache = new VillageCheckCache(join(work, 'check-cache'), checkScope, digests.villages);
// Villages are checked on worker threads, one per core (src/check/load-workers.ts).
const result = await timedAsync('check', () => loadCountyInParallel(root, { cache: checkCache }));
timed('check-cache-save', () => checkCache.save());
recordTiming('check-cache-hits', checkCache.hits, { misses: checkCache.misses });
const problems = result.problems;
const problemsText = problems.length > 0 ? formatProblems(problems) : '';
if (problemsText) console.log(problemsText);
// The one reference to the checked county in this process: dropped while the page process runs, read back after.
let county = result.county;
delete result.county;
delete result.partial;
if (!county) {
  console.error('\n构建已停止，dist/ 未改动。 Build stopped; dist/ was left untouched.');
  process.exit(1);
}

// ── the publication log: key, and the append planned before anything is rendered ──
// The log's private key is read here and only here (--log-key, GONGKAI_LOG_KEY_FILE, GONGKAI_LOG_KEY).
let publicationLog: NonNullable<BuildContext['publicationLog']>;
try {
  const signer = await loadSignerKey({ keyFile: values['log-key'] ?? process.env['GONGKAI_LOG_KEY_FILE'], keyText: process.env['GONGKAI_LOG_KEY'] });
  const pinned = county.site.logKey;
  if (signer && pinned && formatVerifierKey(getVerifierKey(signer)) !== pinned.trim())
    throw new LogRefusal(
      `content/site.yaml: logKey 与构建使用的日志私钥不是一对（私钥对应的公钥是 ${formatVerifierKey(getVerifierKey(signer))}）。请给构建正确的私钥，或按 npm run log-keygen 的输出更新 logKey。\ncontent/site.yaml: logKey does not match the log key given to the build (its public key is the line above). Give the right key, or update logKey.`,
    );
  if (signer && !pinned)
    console.log(
      '注意：site.yaml 没有 logKey，审计方无法从仓库得知公钥，请把 npm run log-keygen 打印的 logKey 行加入 site.yaml。 Note: site.yaml has no logKey; add the line npm run log-keygen printed.',
    );
  if (!signer && pinned)
    console.log(
      '注意：site.yaml 有 logKey，但构建没有拿到日志私钥（--log-key 或 GONGKAI_LOG_KEY_FILE），公开日志本次未签名。 Note: no log key given; the publication log is UNSIGNED this time.',
    );
  // The leaves of villages whose files did not change are the last build's (not with --full).
  const leafCache = values.full ? undefined : { file: join(work, 'log-leaves.json'), scope: hash(digests.site, code), villages: digests.villages };
  publicationLog = timed('log-plan', () => planPublicationLog(root, county!, signer, dist, leafCache));
} catch (error) {
  console.error(`\n${error instanceof LogRefusal ? error.message : String(error)}`);
  console.error('\n构建已停止，dist/ 和公开日志都未改动。 Build stopped; dist/ and the publication log were left untouched.');
  process.exit(1);
}

// ── full or incremental ──
const pagesKey = hash(digests.site, code, values['no-posters'] ? 'no-posters' : '');
const ids = county.villages.map((v) => v.id);
let only: string[] | undefined;
let datedPages: string[] = [];
let newDay = false;
const last = values.full ? undefined : readLastBuild();
if (last) {
  try {
    if (last.pagesKey === pagesKey) {
      const changed = ids.filter((id) => last.villages[id] !== digests.villages[id]);
      // A new day: the dated pages of unchanged villages whose date facts differ; a village whose
      // default posters changed (a notice's posting ended) is rendered whole.
      newDay = last.asOf !== county.asOf;
      if (newDay) {
        const before = last.asOf ?? '';
        for (const v of county.villages) {
          if (changed.includes(v.id)) continue;
          const pages = before ? getChangedDatedPages(v, before, county.asOf, county.profile) : undefined;
          if (pages === undefined) changed.push(v.id);
          else datedPages.push(...pages);
        }
      }
      // A record logged for the first time in an unchanged village (a log started on an existing
      // site, or restored from git) changes that village's pages too.
      const logged = publicationLog.appendedVillages.filter((id) => !changed.includes(id));
      if (changed.length <= Math.max(3, ids.length / 5) && logged.length === 0) only = changed;
      else datedPages = [];
    }
  } catch {
    only = undefined;
  }
}
console.log(
  only
    ? `增量构建：${only.length} 个村有变化（${only.join('、') || '无'}），其余页面沿用上次构建。 Incremental build: ${only.length} village(s) changed.`
    : '全量构建。 Full build.',
);
if (only && newDay)
  console.log(
    `新的一天：重新生成 ${datedPages.length} 个状态有变化的页面（公开栏、公示、公开屏）。 New day: ${datedPages.length} page(s) whose state changed (boards, notices, screens) rendered again.`,
  );
recordTiming('mode', 0, { incremental: Boolean(only), changed: only?.length ?? ids.length, newDay, datedPages: datedPages.length });

// ── the build context, Astro in this process ──
const staging = join(work, `dist-${process.pid}`);
const outKey = hash(dist).slice(0, 12);
const privateTmp = join(root, `${PRIVATE_DIR}.tmp-${process.pid}`);
mkdirSync(work, { recursive: true });
// Astro writes its prerender chunks inside the staging folder (under <root>/.gongkai-build/), and they
// import packages by name: for a county folder outside the project, Node finds none there. A link to
// the project's node_modules in the work folder (never in the output) lets them resolve.
const modulesLink = join(work, 'node_modules');
if (relative(project, root).startsWith('..') && !existsSync(modulesLink)) symlinkSync(join(project, 'node_modules'), modulesLink, 'dir');
rmSync(staging, { recursive: true, force: true });
// Killed builds' staging folders, releases this output no longer shows, and outputs replaced by an
// earlier build whose background removal did not finish.
removeStale(outKey, currentRelease(dist));
for (const leftover of readdirSync(work).filter((n) => n.startsWith('old-'))) removeLater(join(work, leftover));
// The kept open-data parts of villages no longer in content/ (src/data/opendata-parts.ts; the county's kept workbook stays).
const partsDir = join(work, 'opendata-parts');
if (existsSync(partsDir))
  for (const name of readdirSync(partsDir))
    if (!ids.includes(name) && !/^county-[0-9a-f]+\.xlsx$/.test(name)) rmSync(join(partsDir, name), { recursive: true, force: true });
const countySnapshot = { file: join(work, `county-${process.pid}.v8`), key: randomBytes(16).toString('hex') };
const fail = (error?: unknown): never => {
  rmSync(staging, { recursive: true, force: true });
  rmSync(countySnapshot.file, { force: true });
  rmSync(privateTmp, { recursive: true, force: true });
  if (error) console.error(error instanceof PageProcessFailure ? `\n${error.message}` : error);
  console.error('\n构建失败，dist/ 未改动。 Build failed; dist/ was left untouched.');
  process.exit(1);
};
// The check read content/ after the stamp was taken; an edit made since is not built from a stale model.
if (contentStamp(root) !== stamp) fail('内容在检查后被修改，请重新构建。 content/ changed while it was being checked; build again.');
// The page process reads the county from this snapshot when its pages first need it (after Vite's bundling), and this
// process drops its own copy until the pages are written (issue 18: the two processes' peaks apart).
timed('county-snapshot-write', () => writeCountySnapshot(countySnapshot, county!));
const asOf = county.asOf;
const context: PageHandover = {
  root,
  project,
  outDir: staging,
  baseUrl: county.site.baseUrl,
  countySnapshot,
  problems,
  asOf,
  ...(only ? { villagesToRender: only, datedPages, newDay } : {}),
  pageWorkers,
  cacheDirs: { astro: only ? join(work, 'astro-cache-incremental') : join(root, '.astro-cache'), vite: join(project, '.astro-cache', 'vite') },
  publicationLog,
  openDataParts: { dir: partsDir, keys: Object.fromEntries(ids.map((id) => [id, hash(digests.site, code, digests.villages[id]!)])) },
};
process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
// Posters not in the cache yet are rendered by worker processes while Astro renders the pages (the
// second core); the poster step after the pages then only places cached files.
const postersStarted = performance.now();
const posters = (values['no-posters'] ? Promise.resolve(0) : renderMissingPosters({ root, county }, only)).then((n) =>
  recordTiming('posters-ahead', performance.now() - postersStarted, { rendered: n }),
);
// Handled by the poster step (which waits for it); this only keeps an early failure from going unhandled.
posters.catch(() => undefined);
// Unreferenced from here on (the poster workers' planning above keeps it only as long as it needs it).
county = undefined;
timed('county-drop-gc', collectGarbage);
const astroStarted = performance.now();
// Astro's content store reuses an entry whose file did not change, whatever the entry holds: used only as the last finished build left it.
const contentStore = join(context.cacheDirs.astro, 'data-store.json');
dropUnsealedFile(contentStore, 'astro-content-store');
try {
  await renderPages(context);
} catch (error) {
  fail(error);
}
sealFile(contentStore, 'astro-content-store');
recordTiming('astro', performance.now() - astroStarted);
if (!existsSync(join(staging, 'index.html'))) fail();
county =
  timed('county-snapshot-read', () => readCountySnapshot(countySnapshot)) ??
  fail('本次构建检查过的数据读不回来，请重新构建。 The checked county could not be read back; build again.');
rmSync(countySnapshot.file, { force: true });
// For the post-build steps, which read the county through src/data/ in this process.
const fullContext: BuildContext = { ...context, county };
provideBuildContext(fullContext);

// ── carry the unchanged pages over ──
if (only) {
  const changed = new Set(only);
  const current = new Set(ids);
  // A changed village's pages were just rendered; a removed village's are dropped.
  const linked = await timedAsync('carry-over', () => carryOver(dist, staging, (id) => changed.has(id) || !current.has(id)));
  recordTiming('carried-files', linked);
}

// ── post-build steps, swap ──
try {
  const postStarted = performance.now();
  // Villages with a dated page rendered again (a notice's names left it) count as changed for the steps.
  const touched = only ? [...new Set([...only, ...datedPages.map((p) => p.split('/')[1]!)])] : undefined;
  await runPostBuildSteps(
    {
      root,
      outDir: context.outDir,
      county,
      problems: context.problems,
      publicationLog,
      inputHash: formatInputHash(digests.all, code, county.asOf),
      log: (m) => console.log(m),
      ...(touched ? { incremental: { villages: touched, newDay, pages: datedPages } } : {}),
    },
    new Map([[posterStep, posters]]),
    values['no-posters'] ? POST_BUILD_STEPS.filter((s) => s !== posterStep) : POST_BUILD_STEPS,
  );
  recordTiming('post-build', performance.now() - postStarted);
} catch (error) {
  fail(error);
}

// The staging folder becomes a release (a rename inside .gongkai-build/), then <out> is switched to it.
const release = join(work, `release-${outKey}-${randomBytes(6).toString('hex')}`);
const replaced = timed('swap', () => {
  renameSync(staging, release);
  return publish(release, dist);
});
// Taken again: this build appended to the log.
const nextInputKey = inputKey && (await inputKeyOf(digests.all, code, asOfInput));
const record: LastBuild = {
  out: dist,
  outIno: statSync(dist).ino,
  pagesKey,
  asOf: county.asOf,
  villages: Object.fromEntries(ids.map((id) => [id, digests.villages[id]!])),
  ...(nextInputKey ? { inputKey: nextInputKey } : {}),
  ...(problemsText ? { problems: problemsText } : {}),
  privatePosters: existsSync(join(root, PRIVATE_DIR)),
};
// Written beside and renamed: a build killed here leaves the old record or the new one, never half of one.
writeFileSync(`${lastFile}.tmp-${process.pid}`, JSON.stringify(record));
renameSync(`${lastFile}.tmp-${process.pid}`, lastFile);
if (replaced && existsSync(replaced)) removeLater(replaced);
recordTiming('total', performance.now() - started);
console.log(`\n已生成 ${values.out ? dist : 'dist/'}（数据截至 ${county.asOf}）。 Built ${values.out ? dist : 'dist/'} (as of ${county.asOf}).`);
warnIfPublishedReleaseIsOld(root, values['web-root'], process.env, new Date(), (t) => console.warn(`\n${t}`));
// Astro and Vite may leave handles open; the build is done.
process.exit(0);
