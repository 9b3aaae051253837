/**
 * The build itself (`npm run build`), imported by scripts/build.ts once Node's compile cache is on: what it does, its
 * options and how it publishes are described there.
 */
import { fork, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { getTownshipsToRender, type BuildContext, type PageHandover } from '../src/build/context.ts';
import { addPlaced, carryOver, linkAhead, placeAhead } from '../src/build/carry-over.ts';
import { provideBuildContextWithoutCounty } from '../src/build/handover.ts';
import { allocatorSettings, countyStepsExecArgv, pageProcessExecArgv } from '../src/build/process-memory.ts';
import { resolveAsOf } from '../src/check/as-of.ts';
import {
  dropUnsealedFile,
  isProcessAlive,
  readCacheJson,
  removeDeadTemps,
  removeDeadTempsOf,
  sealFile,
  tempPath,
  useCacheNoticeFolder,
  writeCacheFile,
  type CacheFileSpec,
} from '../src/check/cache-file.ts';
import { describeWorkFolderFailure, takeBuildLock } from '../src/check/build-lock.ts';
import { VillageCheckCache } from '../src/check/check-cache.ts';
import { removeCountySnapshot, writeCountySnapshot } from '../src/check/county-snapshot.ts';
import { codeFingerprint, contentDigests, contentStamp, settleContentDigests } from '../src/check/digest.ts';
import { formatInputHash } from '../src/build/input-hash.ts';
import { formatProblems } from '../src/check/format.ts';
import { loadCountyInParallel } from '../src/check/load-workers.ts';
import { recordTiming, timed } from '../src/integrations/timings.ts';
import { warnIfPublishedReleaseIsOld } from '../src/deploy/release-age.ts';
import { PRIVATE_DIR, renderMissingPosters } from '../src/posters/build-step.ts';
import { CACHE_DIR as POSTER_CACHE_DIR, LAYOUT_CACHE_DIR } from '../src/posters/cache.ts';
import { readRss, RECYCLE_RSS } from '../src/posters/pool.ts';
import { getChangedDatedPages, getStateDate } from '../src/records/dated.ts';
import { formatKioskVersion } from '../src/lib/kiosk.ts';
import { replaceFile } from '../src/build/staging-files.ts';
import type { SearchInput } from '../src/data/search.ts';
import { COUNTY_SUMMARY_FILE } from '../src/integrations/county-summary.ts';
import { removeEntryFiles } from '../src/integrations/search-entry-files.ts';
import { narrowPagePolicies } from '../src/integrations/page-policies.ts';
import { planPublicationLog } from '../src/integrations/publication-log.ts';
import { formatVerifierKey, getVerifierKey } from '../src/lib/tlog/note.ts';
import { loadSignerKey } from '../src/log-store/keys.ts';
import { LogRefusal } from '../src/log-store/store.ts';
import type { CountyStepsReply, CountyStepsRequest } from './build-county-steps.ts';
import { SEARCH_STEP, runPostBuildSteps } from './build-steps.ts';
import { readCommandLine } from '../src/tools/command-line.ts';
import { getTownshipSlugs } from '../src/lib/township.ts';

const USAGE = `用法 usage: npm run build [-- --root <县文件夹 county folder>] [--out <输出 dir>] [--full] [--no-posters] [--workers N]
    [--web-root <网站根目录 web root>] [--log-key <私钥 key file>] [--memory-budget <MB>] [--data-file-mb <MB>]
  先检查 content/，再构建网站；出错时 dist/ 不变。Checks content/, then builds the site; on any error dist/ is left as it was.
  --full: 全部重建，不用上次的结果 rebuild everything, reusing nothing`;
const { values } = readCommandLine(
  {
    options: {
      root: { type: 'string' },
      out: { type: 'string' },
      full: { type: 'boolean', default: false },
      'no-posters': { type: 'boolean', default: false },
      'web-root': { type: 'string' },
      'log-key': { type: 'string' },
      workers: { type: 'string' },
      'memory-budget': { type: 'string' },
      'data-file-mb': { type: 'string' },
    },
  },
  USAGE,
);
const started = performance.now();
// The allocators of the processes this build starts (the page process's Rolldown, Pagefind, the check, the county steps)
// hold no more than they use (issue 18; src/build/process-memory.ts). A value the caller set is kept.
Object.assign(process.env, allocatorSettings(process.env));
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
// `--memory-budget MB` (default 2048, issue 18): while the pages render, the poster workers stop (their jobs wait) before the
// page process, this process and the workers could pass it together; the posters resume on every core when the pages are written.
// The search step indexes only as many bundles at a time as it holds (src/lib/search-workers.ts).
const memoryBudget = Number(values['memory-budget'] ?? 2048);
if (!Number.isInteger(memoryBudget) || memoryBudget < 256) {
  console.error(`--memory-budget ${values['memory-budget']} 应为不小于 256 的整数（MB）。 --memory-budget must be a whole number of MB, 256 or more.`);
  process.exit(1);
}
// `--data-file-mb MB` (issue 18): the largest county data file; larger tables are split into numbered parts (README, 开放数据).
const dataFileMb = values['data-file-mb'] === undefined ? undefined : Number(values['data-file-mb']);
if (dataFileMb !== undefined && !(dataFileMb >= 0.001 && dataFileMb <= 4096)) {
  console.error(`--data-file-mb ${values['data-file-mb']} 应为 0.001 到 4096 之间的数（MB）。 --data-file-mb must be a number of MB from 0.001 to 4096.`);
  process.exit(1);
}
// One build of a county folder at a time (src/check/build-lock.ts): a second would share its caches, log and output, so it
// waits for the first to end (and then finds what it left: often nothing to build).
const lockWork = () => {
  try {
    mkdirSync(work, { recursive: true });
    return takeBuildLock(work);
  } catch (error) {
    console.error(describeWorkFolderFailure(work, error));
    process.exit(1);
  }
};
let lock = lockWork();
if ('heldBy' in lock)
  console.log(
    `另一个构建正在构建这个县的文件夹 ${root}（进程 ${lock.heldBy}），等它结束后再开始。不同县的文件夹可以同时构建。\nWaiting for another build of the county folder ${root} (process ${lock.heldBy}) to finish. Builds of different county folders may run at the same time.`,
  );
while ('heldBy' in lock) {
  await new Promise((wake) => setTimeout(wake, 500));
  lock = lockWork();
}
process.on('exit', lock.release);
const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\0')).digest('hex');
// Each damaged cache is said once in this build, by whichever of its processes and threads finds it first.
const cacheNotices = tempPath(join(work, 'cache-notices'));
useCacheNoticeFolder(cacheNotices);
process.on('exit', () => rmSync(cacheNotices, { recursive: true, force: true }));

async function timedAsync<T>(stage: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  try {
    return await fn();
  } finally {
    recordTiming(stage, performance.now() - t);
  }
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

/**
 * The folders where the build writes files under a temporary name and renames them into place
 * (src/check/cache-file.ts `tempPath`), with how many levels of subfolders to look in: the caches,
 * the last-build records, the private-poster folder (personal data) and Astro's content store seal.
 */
const tempFolders = (): [string, number][] => [
  [root, 0],
  [work, 0],
  [join(work, 'check-cache'), 0],
  [join(work, 'search-counts'), 0],
  [join(work, 'opendata-parts'), 1],
  [join(work, 'astro-cache-incremental'), 0],
  [join(root, '.astro-cache'), 0],
  [join(root, POSTER_CACHE_DIR), 0],
  [join(root, LAYOUT_CACHE_DIR), 0],
];

/**
 * Removes what killed builds left: staging folders `<work>/dist-<pid>`, county snapshots and every
 * file or folder under a temporary name (`tempFolders`) whose process is gone, and releases of this
 * output that it no longer links to (`keep`). A build running beside this one keeps its own.
 */
function removeStale(outKey: string, keep: string | undefined): void {
  for (const name of readdirSync(work)) {
    const staging = /^(?:dist|ahead|spare)-(\d+)$/.exec(name);
    if (staging && Number(staging[1]) !== process.pid && !isProcessAlive(Number(staging[1]))) rmSync(join(work, name), { recursive: true, force: true });
    // A county snapshot, or the search input's ledger entries (src/integrations/search-entry-files.ts).
    const snapshot = /^(?:county-(\d+)\.v8(?:\.villages)?|search-entries-(\d+))$/.exec(name);
    const owner = Number(snapshot?.[1] ?? snapshot?.[2]);
    if (snapshot && owner !== process.pid && !isProcessAlive(owner)) rmSync(join(work, name), { recursive: true, force: true });
    if (name.startsWith(`release-${outKey}-`) && join(work, name) !== keep) removeLater(join(work, name));
  }
  for (const [dir, depth] of tempFolders()) removeDeadTemps(dir, depth);
}

/**
 * The release this output showed before the one published now, kept by the last build (`publishStaging`), if any: made
 * this build's own (`spare-<pid>`) by one rename, so that no other build of the same output removes it (or takes from
 * it) while this one moves folders out of it. What is left of it goes when this build publishes.
 */
function spareRelease(): string | undefined {
  const mine = join(work, `spare-${process.pid}`);
  if (existsSync(mine)) return mine;
  for (const name of readdirSync(work).filter((n) => n.startsWith(`replaced-${outKey}-`))) {
    try {
      renameSync(join(work, name), mine);
      return mine;
    } catch {
      // Taken by a build beside this one.
    }
  }
  return undefined;
}

/** Where the symbolic link `path` points, as written in it; undefined when it is no link. */
function readLink(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
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
  // The new link under this process's temporary name; a killed build's beside <out> goes first (only those: --out may be anywhere).
  const link = join(dirname(out), `.${basename(out)}.link`);
  removeDeadTempsOf(link);
  const next = tempPath(link);
  rmSync(next, { force: true });
  symlinkSync(relative(dirname(out), release), next);
  renameSync(next, out);
  return before ?? aside;
}

/**
 * A full garbage collection now, one that gives the freed memory back to the system. V8 collects when this process next
 * allocates, and while the page process runs it hardly does: the dropped county (and the snapshot's buffers) would stay
 * in its memory through the page process's peak (300 villages: 0.87 GB until V8 collected, 0.35 GB after;
 * docs/benchmarks.md, session 6: memory). An ordinary full collection may keep the freed heap pages in V8's pool, still
 * resident (300 villages checked on one thread: 544 MB resident after it with a 23 MB heap); the "last resort" one (V8's
 * gc extension, src/extensions/gc-extension.h: all available garbage, reducing the memory footprint) gives them back
 * (113 MB; docs/benchmarks.md, session 14: mem14).
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void)({
    type: 'major',
    execution: 'sync',
    flavor: 'last-resort',
  });
}

/** A child process (pages, post-build steps) died or failed: its message is for the clerk (the stack of this script would not help). */
class ChildProcessFailure extends Error {}

/** Why a child process ended other than with exit code 0, in Chinese and English; `zh`/`en`: what it was doing, `enProcess`: what the process is called. */
function childFailure(zh: string, en: string, enProcess: string, code: number | null, signal: NodeJS.Signals | null): ChildProcessFailure {
  return new ChildProcessFailure(
    signal
      ? `${zh}进程被终止（${signal}${signal === 'SIGKILL' ? '，可能是内存不足' : ''}）。 The ${enProcess} process was killed (${signal}${signal === 'SIGKILL' ? ', possibly for lack of memory' : ''}).`
      : `${zh}失败（退出码 ${code}），原因见上文。 ${en[0]!.toUpperCase()}${en.slice(1)} failed (exit code ${code}); the cause is printed above.`,
  );
}

/**
 * Runs Astro on `context` in a child process (scripts/build-pages.ts), sent the context over the IPC
 * channel (structured clone: the log plan and its key never touch the disk; the county is read from its
 * snapshot, src/check/county-snapshot.ts, when the pages first need it). Everything
 * rendering the pages holds is given back to the system when the child exits, before the post-build
 * steps run in this process. Its output (Astro's progress, errors) goes to this build's.
 */
function renderPages(context: PageHandover, onStarted: (pid: number) => void = () => {}): Promise<void> {
  return new Promise((done, failed) => {
    const child = fork(join(project, 'scripts', 'build-pages.ts'), {
      // Run in the work folder, which holds the staging folder: Astro writes its prerender chunks into <staging>/.prerender/
      // only when the staging folder is inside the current folder, else into <current folder>/.astro/.prerender/, which two
      // builds run from one folder (two counties built from one checkout with --root) would share, and the first to finish
      // would delete under the other.
      cwd: work,
      serialization: 'advanced',
      stdio: 'inherit',
      // Its young generation and heap growth: src/build/process-memory.ts.
      execArgv: pageProcessExecArgv(process.execArgv),
    });
    if (child.pid) onStarted(child.pid);
    child.on('error', failed);
    child.on('exit', (code, signal) => (code === 0 ? done() : failed(childFailure('页面生成', 'page generation', 'page', code, signal))));
    child.send(context);
  });
}

/** The post-build steps' child process (`startCountySteps`). */
interface CountySteps {
  /** The search index step's input, sent as soon as the child has read the county. */
  search: Promise<SearchInput>;
  /** Resolves when the child has run the steps and exited. */
  done: Promise<void>;
  /** The child's resident memory now, in bytes (0 once it has exited). */
  rss(): number;
}

/**
 * Starts the post-build steps that read the county in a child process (scripts/build-county-steps.ts), which reads the
 * county from its snapshot, sends back the search index step's input (`search`) and runs the steps (`done`, once it
 * has exited and so given the county's memory back to the system). Its output goes to this build's.
 */
function startCountySteps(request: CountyStepsRequest): CountySteps {
  const child = fork(join(project, 'scripts', 'build-county-steps.ts'), {
    serialization: 'advanced',
    stdio: 'inherit',
    // Its young generation: src/build/process-memory.ts.
    execArgv: countyStepsExecArgv(process.execArgv),
  });
  let sent = (_: SearchInput) => {};
  let notSent = (_: unknown) => {};
  const search = new Promise<SearchInput>((ok, no) => {
    sent = ok;
    notSent = no;
  });
  const done = new Promise<void>((ok, no) => {
    child.once('message', (reply: CountyStepsReply) => sent(reply.search));
    child.on('error', (error) => {
      notSent(error);
      no(error);
    });
    child.on('exit', (code, signal) => {
      const failure = childFailure('构建后续步骤', 'post-build steps', 'post-build steps', code === 0 ? 1 : code, signal);
      // A child that exited without sending the search input failed, whatever its exit code.
      notSent(failure);
      if (code === 0) ok();
      else no(failure);
    });
  });
  // Awaited where the build needs them (a cold build awaits `done` first); this only keeps a failure from going unhandled.
  search.catch(() => undefined);
  done.catch(() => undefined);
  child.send(request);
  return { search, done, rss: () => (child.pid !== undefined && child.exitCode === null && child.signalCode === null ? (readRss(child.pid) ?? 0) : 0) };
}

/** What scripts/build.ts remembers of the last build into an output folder (`lastFile`). */
interface LastBuild {
  /** Where it was written (for the reader; a copy of the county folder may be elsewhere now). */
  out: string;
  /**
   * SHA-256 of the county.json it wrote (its as-of date and the hash of everything it was built from): an output
   * showing another means we did not make it. Unlike the folder's inode, this survives a copy of the county folder
   * (`cp -a`, `cp -al`, a snapshot restored), which then builds incrementally like the original.
   */
  outSummary: string;
  /** site.yaml + code: what every page depends on. */
  pagesKey: string;
  /** The as-of date of that build: on a new day only dated pages are rendered again (src/records/dated.ts). */
  asOf?: string;
  /** The day its county's states last changed, which its county-wide pages print (src/records/dated.ts `getStateDate`). */
  stateDate?: string;
  villages: Record<string, string>;
  /** Everything the output depends on (`inputKeyOf`): the same key again means nothing to build. */
  inputKey?: string;
  /** What the check printed (its warnings), shown again when nothing changed. */
  problems?: string;
  /** Whether <root>/private-posters/ was there after that build (posters with personal data). */
  privatePosters?: boolean;
  /** Each village's township (by id) in that build: which townships' pages a one-village update renders again (`townshipsToRender`). */
  townships?: Record<string, string>;
}
/**
 * The output as the last-build record and the release folders name it: its path in the county folder when it is inside
 * (dist), so a copy of the county folder with its output finds its record; else its absolute path.
 */
const outInRoot = relative(root, dist);
const outId = outInRoot !== '' && !outInRoot.startsWith('..') && !isAbsolute(outInRoot) ? outInRoot : dist;
const lastFile = join(work, `last-build-${hash(outId).slice(0, 12)}.json`);
// A self-checking cache file (src/check/cache-file.ts): a record cut short or changed by a byte (an as-of
// date that would skip the new day's pages) reads as missing, and the build is a full one.
const lastSpec: CacheFileSpec = { kind: 'last-build', version: 2, key: outId };
const isLastBuild = (value: unknown): value is LastBuild => {
  const last = value as Partial<LastBuild> | null;
  return typeof last?.pagesKey === 'string' && typeof last.villages === 'object' && last.villages !== null && typeof last.outSummary === 'string';
};

/** SHA-256 of <out>/county.json, or undefined when there is none. */
function outSummaryOf(out: string): string | undefined {
  try {
    return createHash('sha256')
      .update(readFileSync(join(out, COUNTY_SUMMARY_FILE)))
      .digest('hex');
  } catch {
    return undefined;
  }
}

function readLastBuild(): LastBuild | undefined {
  const last = readCacheJson(lastFile, lastSpec, isLastBuild);
  // Only an output this build script made (or a copy of it) and that is still there as it left it.
  return last && outSummaryOf(dist) === last.outSummary && existsSync(join(dist, 'index.html')) ? last : undefined;
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
// Files as they were when the last build read them are not read again (src/check/digest.ts; --full reads all).
const digests = timed('digest', () => contentDigests(root, { file: join(work, 'content-digests'), now: Date.now, reuse: !values.full }));
recordTiming('digest-files-read', digests.filesRead);
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
  removeStale(hash(outId).slice(0, 12), currentRelease(dist));
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
// Villages are checked on every core: this thread and child processes (src/check/load-workers.ts).
const result = await timedAsync('check', () => loadCountyInParallel(root, { cache: checkCache }));
timed('check-cache-save', () => checkCache.save());
recordTiming('check-cache-hits', checkCache.hits, { misses: checkCache.misses });
const problems = result.problems;
const problemsText = problems.length > 0 ? formatProblems(problems) : '';
if (problemsText) console.log(problemsText);
// The one reference to the checked county in this process: dropped before the page process starts, never read back.
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
// The county's data files follow the cap (`--data-file-mb`): another cap builds in full.
const pagesKey = hash(digests.site, code, values['no-posters'] ? 'no-posters' : '', `data-file-mb=${dataFileMb ?? ''}`);
const ids = county.villages.map((v) => v.id);
const townshipOf: Record<string, string> = Object.fromEntries(county.villages.map((v) => [v.id, v.data.township]));
let only: string[] | undefined;
let datedPages: string[] = [];
let newDay = false;
const last = values.full ? undefined : readLastBuild();
if (last) {
  try {
    if (last.pagesKey === pagesKey) {
      const changed = ids.filter((id) => last.villages[id] !== digests.villages[id]);
      // A new day: the dated pages of unchanged villages whose date facts differ (with a village's print page and the
      // notice's page when a notice's posting ended: its poster left the default set; src/records/dated.ts).
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
const outKey = hash(outId).slice(0, 12);
const privateTmp = tempPath(join(root, PRIVATE_DIR));
mkdirSync(work, { recursive: true });
// Astro writes its prerender chunks into <staging>/.prerender/ (the page process runs in the work folder, `renderPages`),
// and they import packages by name: in the staging folder of a county folder outside the project, Node finds none. A link
// to the project's node_modules in the work folder (never in the output) lets them resolve. A link left by a build from
// another checkout (or one since moved) is made this project's again: the chunks must import this project's packages, and
// the posters' code is found through it (src/posters/cache.ts `getCodeDir`).
const modulesLink = join(work, 'node_modules');
const projectModules = join(project, 'node_modules');
if (relative(project, root).startsWith('..') && readLink(modulesLink) !== projectModules) {
  const next = tempPath(modulesLink);
  rmSync(next, { force: true });
  symlinkSync(projectModules, next, 'dir');
  try {
    renameSync(next, modulesLink);
  } catch {
    // A real folder of that name, made by hand: left as it is.
    rmSync(next, { force: true });
  }
}
rmSync(staging, { recursive: true, force: true });
// Killed builds' staging folders, releases this output no longer shows, and outputs replaced by an
// earlier build whose background removal did not finish.
removeStale(outKey, currentRelease(dist));
for (const leftover of readdirSync(work).filter((n) => n.startsWith('old-'))) removeLater(join(work, leftover));
// The kept open-data parts of villages no longer in content/ (src/data/opendata-parts.ts; the county's kept workbook, its entries sheet and feeds stay).
const partsDir = join(work, 'opendata-parts');
if (existsSync(partsDir))
  for (const name of readdirSync(partsDir))
    if (!ids.includes(name) && !/^county-(?:(?:feed-)?[0-9a-f]+\.(?:xlsx|xml|json)|entries\.sheet)$/.test(name))
      rmSync(join(partsDir, name), { recursive: true, force: true });
// ── a new day on which no state changed: the last release again, without Astro ──
// No village changed, added or removed, no dated page of a village changed (src/records/dated.ts), the county-wide pages' date is the
// same (`getStateDate`) and the log appends nothing: every page and data file would be the same bytes, so the last
// release is linked into a new one and only the files written on every build change: each kiosk screen's version.json
// (the build's date) and county.json (its as-of date and input hash). test/build/daily-refresh.test.ts compares it
// with a full build of the same day.
const stateDate = getStateDate(county.villages, county.asOf, county.profile);
// ── the townships whose pages a one-village update renders again ──
// A township's pages (/t/<slug>/, /compliance/<slug>/ and its views) show its own villages, the site, the county's state
// date and the date's states (src/build/context.ts `contextRendersTownship`). On the same day as the last build, with the
// same state date, the same townships (their slugs follow the set of names) and every unchanged village in the township it
// was in, only the townships a changed, added or removed village is or was in are rendered again; the others' pages are
// carried over (72 of 76 pages at 300 villages, byte-identical: docs/benchmarks.md, session 16).
const townshipsToRender = only && getTownshipsToRender(last, { townships: townshipOf, stateDate }, only, newDay);
// The townships' page folders (/t/<slug>/, /compliance/<slug>/), as the pages name them (src/data/views.ts).
const townshipSlugs = new Set(getTownshipSlugs(Object.values(townshipOf)).values());
recordTiming('townships-rendered', 0, { townships: townshipsToRender?.length ?? new Set(Object.values(townshipOf)).size });
if (
  only?.length === 0 &&
  // No village removed either (its pages would go, and the county-wide pages list it).
  Object.keys(last?.villages ?? {}).length === ids.length &&
  newDay &&
  datedPages.length === 0 &&
  last?.stateDate === stateDate &&
  publicationLog.appended === 0 &&
  publicationLog.relogged === 0 &&
  publicationLog.maskedNames.lines.length === 0 &&
  contentStamp(root) === stamp
) {
  mkdirSync(staging);
  // The folders of the release replaced before whose files are still the published ones go in by one rename each (no page
  // process here: straight into the staging folder), the others are linked; then everything else.
  const ahead = await timedAsync('carry-ahead', () =>
    linkAhead(dist, staging, ['log', 'pagefind', ...ids.flatMap((id) => [`v/${id}`, `kiosk/${id}`])], spareRelease()),
  );
  const linked = await timedAsync('carry-over', () => carryOver(dist, staging, () => false, new Set(ahead.folders.keys())));
  const carried = addPlaced(linked, ahead.folders);
  recordTiming('carried-files', carried.files, { wholeFolders: carried.folders, renamed: ahead.renamed });
  recordTiming('same-states', 0, { stateDate });
  if (timed('daily-files', () => writeDailyFiles(staging, ids, county!.asOf, formatInputHash(digests.all, code, county!.asOf)))) {
    console.log(
      `新的一天，没有状态变化（数据截至 ${stateDate}）：页面全部沿用上次构建，只更新公开屏的 version.json 和 county.json。 New day without a state change (as of ${stateDate}): every page kept from the last build; only the screens' version.json and county.json written.`,
    );
    await publishStaging(county.asOf);
  }
  // A release not made by this build script (a file missing): build it the ordinary way.
  rmSync(staging, { recursive: true, force: true });
}

/**
 * Writes into `staging`, a copy of the last release as hard links, the files every build writes with the day in them:
 * each screen's version.json (src/lib/kiosk.ts `formatKioskVersion`, its service worker's build id kept) and
 * county.json (src/integrations/county-summary.ts: its as-of date and input hash; everything else in it is a state).
 * False when one of them is missing or unreadable.
 */
function writeDailyFiles(staging: string, villages: readonly string[], asOf: string, inputHash: string): boolean {
  try {
    const versions = villages.map((id) => {
      const file = join(staging, 'kiosk', id, 'version.json');
      const { build } = JSON.parse(readFileSync(file, 'utf8')) as { build: unknown };
      if (typeof build !== 'string') throw new Error(`${file}: no build id`);
      return [file, formatKioskVersion(id, asOf, build)] as const;
    });
    const summaryFile = join(staging, 'county.json');
    const summary = JSON.parse(readFileSync(summaryFile, 'utf8')) as Record<string, unknown>;
    if (typeof summary['asOf'] !== 'string' || typeof summary['inputHash'] !== 'string') return false;
    // Files carried over are hard links to the release online: replaced, never written in place.
    for (const [file, text] of versions) replaceFile(file, text);
    replaceFile(summaryFile, `${JSON.stringify({ ...summary, asOf, inputHash }, null, 1)}\n`);
    return true;
  } catch {
    return false;
  }
}

const countySnapshot = { file: join(work, `county-${process.pid}.v8`), key: randomBytes(16).toString('hex') };
// The search input's ledger entries, one file per village, written by the county steps' process and read by the search step's threads.
const searchEntries = { folder: join(work, `search-entries-${process.pid}`), key: randomBytes(16).toString('hex') };
// Where an incremental build links the folders it will not write while the pages render (`linkAhead`).
const aside = join(work, `ahead-${process.pid}`);
const fail = (error?: unknown): never => {
  rmSync(staging, { recursive: true, force: true });
  rmSync(aside, { recursive: true, force: true });
  removeCountySnapshot(countySnapshot.file);
  removeEntryFiles(searchEntries);
  rmSync(privateTmp, { recursive: true, force: true });
  if (error) console.error(error instanceof ChildProcessFailure ? `\n${error.message}` : error);
  console.error('\n构建失败，dist/ 未改动。 Build failed; dist/ was left untouched.');
  process.exit(1);
};
// The check read content/ after the stamp was taken; an edit made since is not built from a stale model.
if (contentStamp(root) !== stamp) fail('内容在检查后被修改，请重新构建。 content/ changed while it was being checked; build again.');
// The page process reads the county from this snapshot when its pages first need it (after Vite's bundling), and this
// process drops its own copy until the pages are written (issue 18: the two processes' peaks apart).
// A village whose check is in the check cache (read from it, or saved above) is named there, not written again.
timed('county-snapshot-write', () => writeCountySnapshot(countySnapshot, county!, (id) => checkCache.fileOf(id)));
const asOf = county.asOf;
const context: PageHandover = {
  root,
  project,
  outDir: staging,
  baseUrl: county.site.baseUrl,
  stylesheets: county.site.stylesheets,
  countySnapshot,
  problems,
  asOf,
  ...(only ? { villagesToRender: only, datedPages, newDay, ...(townshipsToRender ? { townshipsToRender } : {}) } : {}),
  pageWorkers,
  cacheNotices,
  cacheDirs: { astro: only ? join(work, 'astro-cache-incremental') : join(root, '.astro-cache'), vite: join(project, '.astro-cache', 'vite') },
  publicationLog,
  openDataParts: { dir: partsDir, keys: Object.fromEntries(ids.map((id) => [id, hash(digests.site, code, digests.villages[id]!)])) },
  ...(dataFileMb === undefined ? {} : { dataFileBytes: Math.floor(dataFileMb * 1024 * 1024) }),
};
process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
// Villages with a dated page rendered again (a notice's names left it) count as changed for the post-build steps.
const touched = only ? [...new Set([...only, ...datedPages.map((p) => p.split('/')[1]!)])] : undefined;
const steps = {
  root,
  outDir: context.outDir,
  problems: context.problems,
  publicationLog,
  inputHash: formatInputHash(digests.all, code, asOf),
  ...(touched ? { incremental: { villages: touched, newDay, pages: datedPages } } : {}),
};
const { countySnapshot: _snapshot, ...handover } = context;
const countyStepsRequest: CountyStepsRequest = { context: handover, steps, countySnapshot, searchEntries, noPosters: values['no-posters'] };
// An incremental build links on the core the page process leaves the folders no page of this build goes into (the
// other villages' pages and screens, the log, the search index) from the published output into `aside`, to be moved
// into the staging folder once Astro has finished with it (issue 18). The post-build steps' process is not started
// beside the pages: its county and the page process's in memory together passed 2 GB at 300 villages (2.24 GB;
// docs/benchmarks.md, session 9).
// A folder of the release the published one replaced (`spareRelease`) whose files are still the published folder's own is
// moved over instead of linked again.
const aheadStarted = performance.now();
const ahead = only
  ? linkAhead(dist, aside, ['log', 'pagefind', ...ids.filter((id) => !touched!.includes(id)).flatMap((id) => [`v/${id}`, `kiosk/${id}`])], spareRelease()).then(
      ({ folders, renamed }) => {
        recordTiming('carry-ahead', performance.now() - aheadStarted, { folders: folders.size, renamed });
        return folders;
      },
    )
  : undefined;
// Awaited after the pages; this only keeps an early failure from going unhandled.
ahead?.catch(() => undefined);
// Posters not in the cache yet are rendered by worker processes while Astro renders the pages (on the cores the page
// process leaves, then on all of them); the poster step after the pages then only places cached files. Their jobs are
// planned here once the page process has started, and the county is collected right after.
const postersStarted = performance.now();
const postersAhead = values['no-posters']
  ? undefined
  : renderMissingPosters({ root, county, publicationLog }, only, { workers: Math.max(1, availableParallelism() - pageWorkers), onPlanned: collectGarbage });
const posters = (postersAhead?.done ?? Promise.resolve([])).then((keys) => {
  recordTiming('posters-ahead', performance.now() - postersStarted, { rendered: keys.length });
  return keys;
});
// Awaited before the post-build steps (a failure stops the build there); this only keeps an early failure from going unhandled.
posters.catch(() => undefined);
// Unreferenced from here on (the posters' planning above keeps it only as long as it needs it).
county = undefined;
const astroStarted = performance.now();
// Astro's content store reuses an entry whose file did not change, whatever the entry holds: used only as the last finished build left it.
const contentStore = join(context.cacheDirs.astro, 'data-store.json');
dropUnsealedFile(contentStore, 'astro-content-store');
// The memory budget while the pages render: the page process grows as it writes pages (by up to a few hundred MB a second
// while Astro loads the content), so the posters stop at once — the workers killed, their jobs kept — when the page
// process, this process, the workers (at least at their recycling size) and PAGE_GROWTH could pass the budget, and wait
// until the page process has exited. Checked often enough that the page process cannot outgrow PAGE_GROWTH in between.
const PAGE_GROWTH = 256 * 1024 * 1024;
let budgetWatch: NodeJS.Timeout | undefined;
try {
  const pages = renderPages(context, (pid) => {
    if (!postersAhead) return;
    budgetWatch = setInterval(() => {
      const tree = (readRss(pid) ?? 0) + process.memoryUsage.rss() + Math.max(postersAhead.rss(), RECYCLE_RSS);
      if (tree + PAGE_GROWTH > memoryBudget * 1024 * 1024) {
        postersAhead.pause();
        clearInterval(budgetWatch);
        recordTiming('posters-paused', performance.now() - astroStarted);
      }
    }, 250);
    budgetWatch.unref();
  });
  // The county is collected while the page process starts (its own start takes seconds and holds no county yet).
  timed('county-drop-gc', collectGarbage);
  await pages;
} catch (error) {
  fail(error);
}
clearInterval(budgetWatch);
sealFile(contentStore, 'astro-content-store');
recordTiming('astro', performance.now() - astroStarted);
// The page process has exited: the posters still to render get every core.
postersAhead?.useAllWorkers();
if (!existsSync(join(staging, 'index.html'))) fail();
// ── each page's content security policy: its own hashes only ──
// Before anything is carried over, so exactly the pages this build wrote; in this process, a page at a time, now that
// the page process has given its memory back (src/integrations/page-policies.ts).
try {
  const cpu = process.cpuUsage();
  const policies = await timedAsync('page-policies', () => narrowPagePolicies(staging));
  const { user, system } = process.cpuUsage(cpu);
  recordTiming('page-policies-pages', 0, { ...policies, cpu: Math.round((user + system) / 1000) });
} catch (error) {
  fail(error);
}
// This process never reads the county back: the steps that need it run in a child process (scripts/build-county-steps.ts),
// and nothing here may fall back to loading content/ again.
provideBuildContextWithoutCounty(context);

// ── carry the unchanged pages over ──
if (only && ahead) {
  const changed = new Set(only);
  const current = new Set(ids);
  try {
    // What was linked beside the pages goes in whole; a changed village's pages were just rendered, a removed village's
    // are dropped; the /data/ page wrote data/ whole.
    const placed = placeAhead(aside, staging, await ahead);
    const lastVillages = new Set(Object.keys(last?.villages ?? {}));
    // Not carried over: a village's pages rendered again; a removed village's pages and screen (kiosk/ also holds the
    // screens' shared Workbox folder); a township's pages, /t/ and /compliance/, when no village is in it any more.
    const skipFolder = (top: string, name: string) =>
      top === 'v'
        ? changed.has(name) || !current.has(name)
        : top === 'kiosk'
          ? lastVillages.has(name) && !current.has(name)
          : (top === 't' || top === 'compliance') && !townshipSlugs.has(name);
    const linked = await timedAsync('carry-over', () => carryOver(dist, staging, skipFolder, new Set([...placed.keys(), 'data'])));
    const carried = addPlaced(linked, placed);
    recordTiming('carried-files', carried.files, { wholeFolders: carried.folders, placedFolders: placed.size });
  } catch (error) {
    fail(error);
  }
}

// ── post-build steps, swap ──
// Two rounds (scripts/build-steps.ts): the steps that read the county, in a child process that reads the snapshot and
// sends back the search index step's input; then the search index in this process, from that input alone, once the
// child has exited and given the county's memory back: in a cold build the index's threads and Pagefind processes never
// run beside the county (issue 18). An incremental build, which indexes a township or two, runs the two side by side.
try {
  const postStarted = performance.now();
  // The posters rendered ahead are all in the cache before the poster step places them (and counts them as rendered by this build).
  const renderedAhead = await posters;
  const stepsProcess = startCountySteps({ ...countyStepsRequest, steps: { ...countyStepsRequest.steps, postersRenderedAhead: renderedAhead } });
  // The search step indexes as many bundles at a time as the memory budget holds beside this process and the county's
  // steps (src/lib/search-workers.ts).
  const searchMemory = { bytes: memoryBudget * 1024 * 1024, used: () => process.memoryUsage.rss() + stepsProcess.rss() };
  const indexSearch = async () =>
    runPostBuildSteps({ ...steps, search: await stepsProcess.search, memoryBudget: searchMemory, log: (m: string) => console.log(m) }, [SEARCH_STEP]);
  if (only) {
    // An incremental build indexes a township or two: the index runs beside the county's steps (they write disjoint files).
    await Promise.all([stepsProcess.done, indexSearch()]);
  } else {
    await stepsProcess.done;
    // What reading the search input over the IPC channel left goes back to the system before the index's threads start.
    timed('search-input-gc', collectGarbage);
    await indexSearch();
  }
  removeCountySnapshot(countySnapshot.file);
  removeEntryFiles(searchEntries);
  recordTiming('post-build', performance.now() - postStarted);
} catch (error) {
  fail(error);
}

await publishStaging(asOf);

/** The staging folder becomes a release (a rename inside .gongkai-build/), then <out> is switched to it; the build ends here. */
async function publishStaging(asOf: string): Promise<never> {
  const release = join(work, `release-${outKey}-${randomBytes(6).toString('hex')}`);
  const replaced = timed('swap', () => {
    renameSync(staging, release);
    return publish(release, dist);
  });
  // Taken again: this build appended to the log.
  const nextInputKey = inputKey && (await inputKeyOf(digests.all, code, asOfInput));
  const record: LastBuild = {
    out: dist,
    outSummary: outSummaryOf(dist) ?? '',
    pagesKey,
    asOf,
    stateDate,
    villages: Object.fromEntries(ids.map((id) => [id, digests.villages[id]!])),
    ...(nextInputKey ? { inputKey: nextInputKey } : {}),
    ...(problemsText ? { problems: problemsText } : {}),
    privatePosters: existsSync(join(root, PRIVATE_DIR)),
    townships: townshipOf,
  };
  // Written beside and renamed: a build killed here leaves the old record or the new one, never half of one.
  writeCacheFile(lastFile, lastSpec, JSON.stringify(record));
  // The content files this build read before they had settled (a county generated or edited just before) are read again
  // now that they have, so the next build need not (src/check/digest.ts `settleContentDigests`).
  if (digests.unsettled > 0)
    recordTiming('digest-settled', 0, {
      files: timed('digest-settle', () => settleContentDigests(root, { file: join(work, 'content-digests'), now: Date.now })),
    });
  // The replaced release is kept (renamed) until the next build, which may take its unchanged folders (`linkAhead`); the one kept before goes.
  // Each made another's first (one rename: a build beside this one may be taking it as its spare), then removed.
  for (const name of readdirSync(work).filter((n) => n.startsWith(`replaced-${outKey}-`) || n === `spare-${process.pid}`)) {
    const old = join(work, `old-${process.pid}-${randomBytes(6).toString('hex')}`);
    try {
      renameSync(join(work, name), old);
      removeLater(old);
    } catch {
      // Taken by a build beside this one.
    }
  }
  if (replaced && existsSync(replaced)) {
    if (basename(replaced).startsWith(`release-${outKey}-`)) renameSync(replaced, join(work, `replaced-${outKey}-${randomBytes(6).toString('hex')}`));
    else removeLater(replaced);
  }
  recordTiming('total', performance.now() - started);
  console.log(`\n已生成 ${values.out ? dist : 'dist/'}（数据截至 ${asOf}）。 Built ${values.out ? dist : 'dist/'} (as of ${asOf}).`);
  warnIfPublishedReleaseIsOld(root, values['web-root'], process.env, new Date(), (t) => console.warn(`\n${t}`));
  // Astro and Vite may leave handles open; the build is done.
  process.exit(0);
}
