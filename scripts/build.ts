/**
 * `npm run build [-- --root <dir>] [-- --out <dir>] [-- --full]`: checks <root>/content (default:
 * the current folder), builds the site into a staging folder and only then swaps it in as <out>
 * (default <root>/dist). A failed check or build leaves the previous output exactly as it was.
 *
 * Content is read and checked once: the checked county goes to the Astro build, which runs in this
 * process (src/check/county-cache.ts). Villages whose files did not change since the last build
 * reuse their check results (src/check/check-cache.ts).
 *
 * Incremental builds: when the previous build made <out> from the same site.yaml, as-of date and
 * code, and only a few villages changed, Astro renders just those villages' pages and the county
 * home; every other file is carried over from <out> as a hard link. Pages depend only on their own
 * village, site.yaml, the as-of date and the code, which is what makes this safe; `--full` (or any
 * doubt: a different <out>, a missing record) builds everything.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveAsOf } from '../src/check/as-of.ts';
import { VillageCheckCache } from '../src/check/check-cache.ts';
import { shareCounty } from '../src/check/county-cache.ts';
import { codeFingerprint, contentDigests, contentStamp } from '../src/check/digest.ts';
import { formatProblems } from '../src/check/format.ts';
import { loadCounty } from '../src/check/load.ts';
import { runPostBuildSteps } from '../src/integrations/post-build.ts';
import { recordTiming, timed } from '../src/integrations/timings.ts';

const { values } = parseArgs({ options: { root: { type: 'string' }, out: { type: 'string' }, full: { type: 'boolean', default: false } } });
const started = performance.now();
const project = join(import.meta.dirname, '..');
const root = resolve(values.root ?? process.cwd());
const dist = resolve(values.out ?? join(root, 'dist'));
const work = join(root, '.gongkai-build');
const hash = (...parts: string[]) => createHash('sha256').update(parts.join('\0')).digest('hex');

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

// ── check ──
// The stamp is taken before reading, so an edit made while we build is noticed by the Astro side.
const stamp = timed('stamp', () => contentStamp(root));
const digests = timed('digest', () => contentDigests(root));
const code = timed('fingerprint', () => codeFingerprint(project));
// Village rules depend on the village's files, site.yaml and the code; the as-of date is included
// so that nothing cached outlives the day it was checked on.
const checkScope = hash(digests.site, code, resolveAsOf(undefined, process.env, new Date()));
const checkCache = new VillageCheckCache(join(work, 'check-cache'), checkScope, digests.villages);
const result = timed('check', () => loadCounty(root, { cache: checkCache }));
timed('check-cache-save', () => checkCache.save());
recordTiming('check-cache-hits', checkCache.hits, { misses: checkCache.misses });
if (result.problems.length > 0) console.log(formatProblems(result.problems));
const county = result.county;
if (!county) {
  console.error('\n构建已停止，dist/ 未改动。 Build stopped; dist/ was left untouched.');
  process.exit(1);
}

// ── full or incremental ──
interface LastBuild {
  out: string;
  /** Inode of the output folder we swapped in; anything else there means we did not make it. */
  outIno: number;
  /** site.yaml + as-of date + code: what every page depends on. */
  pagesKey: string;
  villages: Record<string, string>;
}
const lastFile = join(work, `last-build-${hash(dist).slice(0, 12)}.json`);
const pagesKey = hash(digests.site, county.asOf, code);
const ids = county.villages.map((v) => v.id);
let only: string[] | undefined;
if (!values.full && existsSync(lastFile) && existsSync(join(dist, 'index.html'))) {
  try {
    const last = JSON.parse(readFileSync(lastFile, 'utf8')) as LastBuild;
    if (last.out === dist && last.outIno === statSync(dist).ino && last.pagesKey === pagesKey) {
      const changed = ids.filter((id) => last.villages[id] !== digests.villages[id]);
      if (changed.length <= Math.max(3, ids.length / 5)) only = changed;
    }
  } catch {
    only = undefined;
  }
}
console.log(only ? `增量构建：${only.length} 个村有变化（${only.join('、') || '无'}），其余页面沿用上次构建。 Incremental build: ${only.length} village(s) changed.` : '全量构建。 Full build.');
recordTiming('mode', 0, { incremental: Boolean(only), changed: only?.length ?? ids.length });

// ── Astro, in this process ──
const staging = join(work, `dist-${process.pid}`);
const old = join(work, `old-${process.pid}`);
mkdirSync(work, { recursive: true });
rmSync(staging, { recursive: true, force: true });
// Output replaced by an earlier build whose background removal did not finish.
for (const leftover of readdirSync(work).filter((n) => n.startsWith('old-'))) removeLater(join(work, leftover));
const fail = (error?: unknown): never => {
  rmSync(staging, { recursive: true, force: true });
  if (error) console.error(error);
  console.error('\n构建失败，dist/ 未改动。 Build failed; dist/ was left untouched.');
  process.exit(1);
};
Object.assign(process.env, { GONGKAI_ROOT: root, GONGKAI_OUT_DIR: staging, ASTRO_TELEMETRY_DISABLED: '1' });
if (only) Object.assign(process.env, { GONGKAI_ONLY_VILLAGES: only.join(','), GONGKAI_CACHE_DIR: join(work, 'astro-cache-incremental') });
shareCounty(county, root, stamp);
const astroStarted = performance.now();
try {
  const { build } = await import('astro');
  await build({ root: project });
} catch (error) {
  fail(error);
}
recordTiming('astro', performance.now() - astroStarted);
if (!existsSync(join(staging, 'index.html'))) fail();

// ── carry the unchanged pages over ──
if (only) {
  const changed = new Set(only);
  const current = new Set(ids);
  let linked = 0;
  /** Links every file of `from` that this build did not write into `to`; `fresh`: `to` was just made. */
  const carry = (from: string, to: string, rel: string, fresh: boolean) => {
    for (const e of readdirSync(from, { withFileTypes: true })) {
      const src = join(from, e.name);
      const dst = join(to, e.name);
      if (e.isDirectory()) {
        // A changed village's pages were just rendered; a removed village's are dropped.
        if (rel === 'v' && (changed.has(e.name) || !current.has(e.name))) continue;
        const made = fresh || !existsSync(dst);
        if (made) mkdirSync(dst);
        carry(src, dst, rel ? `${rel}/${e.name}` : e.name, made);
      } else if (fresh || !existsSync(dst)) {
        try {
          linkSync(src, dst);
        } catch {
          copyFileSync(src, dst);
        }
        linked += 1;
      }
    }
  };
  timed('carry-over', () => carry(dist, staging, '', false));
  recordTiming('carried-files', linked);
}

// ── post-build steps, swap ──
try {
  const postStarted = performance.now();
  await runPostBuildSteps({ root, outDir: staging, county, log: (m) => console.log(m), ...(only ? { incremental: { villages: only } } : {}) });
  recordTiming('post-build', performance.now() - postStarted);
} catch (error) {
  fail(error);
}

timed('swap', () => {
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(staging, dist);
});
const record: LastBuild = { out: dist, outIno: statSync(dist).ino, pagesKey, villages: Object.fromEntries(ids.map((id) => [id, digests.villages[id]!])) };
writeFileSync(lastFile, JSON.stringify(record));
if (existsSync(old)) removeLater(old);
recordTiming('total', performance.now() - started);
console.log(`\n已生成 ${values.out ? dist : 'dist/'}（数据截至 ${county.asOf}）。 Built ${values.out ? dist : 'dist/'} (as of ${county.asOf}).`);
// Astro and Vite may leave handles open; the build is done.
process.exit(0);
