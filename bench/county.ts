/**
 * County-scale benchmark: `node bench/county.ts [--sizes 30,300,1000] [--quarters 8] [--repeat N]
 * [--seed S] [--no-reference] [--no-posters]` (normally through `npm run bench`).
 *
 * For each size it generates a synthetic county (bench/gen), then:
 *   1. a cold build (no Astro cache, no dist) with `scripts/build.ts --root`, one village's latest
 *      quarter held back;
 *   2. an incremental build after that village's quarterly update is added (cache and dist kept),
 *      then a rebuild with nothing changed, then a rebuild on the next day (GONGKAI_AS_OF + 1 day:
 *      only the dated pages change);
 *   3. the plain-Node floor, a reference Astro build and, when a `hugo` binary is installed, a Hugo
 *      build (bench/lib/hugo.ts), all printing the same text on the same paths;
 * sampling the whole process tree's RSS, and records wall time per stage (content check, content
 * sync, bundling, page generation, each post-build step), pages/s, output size and page weights to
 * bench/results/county-<N>v-<Q>q.json and the table in bench/results/county.md. `--no-posters`
 * builds without posters (`scripts/build.ts --no-posters`; bench/posters.ts measures them).
 * `--references-from <dist> [--label L]` runs only the reference builds over a site built before.
 * `--deploy-from <county dir>` measures the deploy (dist/ and private-posters/ of a county built
 * before, bench/lib/deploy.ts) into the first size's result; `--report` only rewrites county.md.
 * `--results <dir>` reads and writes the results there instead of bench/results (the tests' report).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { generateCounty, type GenFile } from './gen/county.ts';
import { hugoVersion, writeHugoSite } from './lib/hugo.ts';
import { measureDeployFigures, type DeployFigures } from './lib/deploy.ts';
import { manifestWriter } from './lib/manifest.ts';
import { describeMachine, type Machine } from './lib/machine.ts';
import { measureOutput, templateOf, type OutputStats } from './lib/output.ts';
import { runSampled, type RunResult } from './lib/proc.ts';
import { formatProcessPeaks, formatTreePeak, peaksByName, type TreePeak } from './lib/process-peaks.ts';
import { loadBudgets } from './lib/weight.ts';
import { readCommandLine } from '../src/tools/command-line.ts';
import { kilobytes, median, megabytes, percentile, seconds, table } from './lib/stats.ts';

const PROJECT = join(import.meta.dirname, '..');
const WORK = join(PROJECT, 'bench', '.work');
const NODE = process.execPath;

const USAGE = `用法 usage: npm run bench -- [--only county] <options>   (or node bench/county.ts <options>)
  --sizes 30,300,1000       generated counties' village counts (default 30,300,1000)
  --quarters 8 --seed 1     quarters per village, generator seed
  --repeat N                rounds per size (medians)
  --no-reference            skip the plain-Node floor, the reference Astro build and Hugo
  --no-incremental          only the cold build
  --no-posters              build without posters (bench/posters.ts measures them)
  --references-from <dist> [--label L]   only the reference builds over a site built before
  --deploy-from <county dir>             measure the deploy of a county built before
  --report                  only rewrite bench/results/county.md
  --results <dir>           read and write results there instead of bench/results`;

const { values } = readCommandLine(
  {
    options: {
      sizes: { type: 'string', default: '30,300,1000' },
      quarters: { type: 'string', default: '8' },
      repeat: { type: 'string' },
      seed: { type: 'string', default: '1' },
      'no-reference': { type: 'boolean', default: false },
      'no-incremental': { type: 'boolean', default: false },
      'no-posters': { type: 'boolean', default: false },
      'references-from': { type: 'string' },
      label: { type: 'string', default: 'dist' },
      'deploy-from': { type: 'string' },
      report: { type: 'boolean', default: false },
      results: { type: 'string' },
    },
  },
  USAGE,
);
const RESULTS = resolve(values.results ?? join(PROJECT, 'bench', 'results'));
const sizes = values.sizes.split(',').map(Number);
const quarters = Number(values.quarters);

// ── one build ────────────────────────────────────────────────────────────

interface BuildRun {
  label: string;
  ok: boolean;
  wallMs: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  peakRssBytes: number;
  peakProcesses: number;
  /** Each kind of process's own highest RSS (the largest of its kind) and how many there were (bench/lib/process-peaks.ts). */
  processPeaks?: { name: string; peakRssBytes: number; count: number }[];
  /** The tree's peak: when, and the processes it was made of. */
  treePeak?: TreePeak;
  /** Mean 1-minute load average during the build (2 cores: above 2 means other work competed). */
  meanLoad: number;
  pages: number;
  /** Stage → ms, from GONGKAI_TIMINGS (our stages) and ASTRO_TIMER_PATH (Astro's phases). */
  stages: Record<string, number>;
  /** Post-build steps (search index, posters …) → ms. */
  postBuild: Record<string, number>;
  /** Posters this build rendered (the rest came from the poster cache); a cold build renders them all. */
  postersRendered: number;
  /** Per route template: p50 and p95 ms per page as Astro logged them. */
  routes: Record<string, { pages: number; p50: number; p95: number }>;
  logFile: string;
}

function readJsonLines(file: string): { stage: string; ms: number; rendered?: number }[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

async function build(root: string, label: string, logDir: string, env: Record<string, string> = {}): Promise<BuildRun> {
  const timings = join(logDir, `${label}.timings.jsonl`);
  const astroTimer = join(logDir, `${label}.astro-timer.json`);
  const logFile = join(logDir, `${label}.log`);
  for (const f of [timings, astroTimer]) rmSync(f, { force: true });
  console.log(`  ▸ ${label} …`);
  const run = await runSampled(NODE, [join(PROJECT, 'scripts/build.ts'), '--root', root, ...(values['no-posters'] ? ['--no-posters'] : [])], {
    cwd: PROJECT,
    env: { ...process.env, ...env, GONGKAI_TIMINGS: timings, ASTRO_TIMER_PATH: astroTimer, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
    logFile,
    echo: /Completed in|page\(s\) built|^✓ |错误|error/i,
  });
  const stages: Record<string, number> = {};
  const postBuild: Record<string, number> = {};
  let postersRendered = 0;
  for (const t of readJsonLines(timings)) {
    if (t.stage === 'posters-ahead') postersRendered += t.rendered ?? 0;
    if (t.stage.startsWith('post-build:')) postBuild[t.stage.slice('post-build:'.length)] = (postBuild[t.stage.slice('post-build:'.length)] ?? 0) + t.ms;
    else stages[t.stage] = (stages[t.stage] ?? 0) + t.ms;
  }
  if (existsSync(astroTimer)) {
    const phases: Record<string, { elapsedTime: number }> = JSON.parse(readFileSync(astroTimer, 'utf8'));
    for (const [k, v] of Object.entries(phases)) stages[`astro ${k}`] = Math.round(v.elapsedTime);
  }
  // Post-build steps also print "✓ name (N ms)"; use those if the timings file missed any.
  for (const m of run.stdout.matchAll(/^✓ (.+) \((\d+) ms\)$/gm)) postBuild[m[1]!] ??= Number(m[2]);
  const perRoute = new Map<string, number[]>();
  for (const m of run.stdout.matchAll(/[├└]─ (\S+\.html) \(\+(\d+)ms\)/g)) {
    const t = templateOf(m[1]!);
    (perRoute.get(t) ?? perRoute.set(t, []).get(t)!).push(Number(m[2]));
  }
  const routes = Object.fromEntries([...perRoute].map(([t, list]) => [t, { pages: list.length, p50: median(list), p95: percentile(list, 95) }]));
  const pages = Number(/(\d+) page\(s\) built/.exec(run.stdout)?.[1] ?? 0);
  const result: BuildRun = {
    label,
    ok: run.code === 0,
    wallMs: Math.round(run.wallMs),
    cpuUserMs: Math.round(run.cpu.userMs),
    cpuSystemMs: Math.round(run.cpu.systemMs),
    peakRssBytes: run.peakRssBytes,
    peakProcesses: run.peakProcesses,
    processPeaks: peaksByName(run.processPeaks),
    treePeak: run.treePeak,
    meanLoad: run.meanLoad,
    pages,
    stages,
    postBuild,
    postersRendered,
    routes,
    logFile: relative(PROJECT, logFile),
  };
  console.log(
    `    ${result.ok ? '✓' : '✗ FAILED'} ${seconds(result.wallMs)} s, ${pages} pages, ${postersRendered} posters rendered, peak RSS ${megabytes(result.peakRssBytes)} MB, mean load ${result.meanLoad}`,
  );
  console.log(`      tree peak ${formatTreePeak(run.treePeak)}; each process's own peak: ${formatProcessPeaks(result.processPeaks!)}`);
  if (!result.ok) console.log(run.stdout.split('\n').slice(-30).join('\n'));
  return result;
}

// ── reference builds over the same pages ────────────────────────────────

/** path, title and visible text of every page of a built site. */
function writeManifest(dist: string, file: string): number {
  const paths: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const abs = join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else if (e.name === 'index.html') paths.push(relative(dist, dirname(abs)).split('\\').join('/'));
    }
  };
  walk(dist);
  paths.sort((a, b) => a.localeCompare(b));
  // A page at a time: the text of 80,000 pages does not fit in one string (bench/lib/manifest.ts).
  const out = manifestWriter(file);
  try {
    for (const path of paths) {
      const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
      const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
      const body = html.replace(/^[\s\S]*?<body[^>]*>/, '').replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, '');
      const text = body
        .replace(/<[^>]+>/g, ' ')
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/\s+/g, ' ')
        .trim();
      out.add({ path, title, text });
    }
  } finally {
    out.close();
  }
  return paths.length;
}

interface ReferenceRun {
  ok: boolean;
  wallMs: number;
  /** User + system CPU of its process tree (sampled). */
  cpuMs?: number;
  /** Mean 1-minute load average while it ran. */
  meanLoad?: number;
  peakRssBytes: number;
  pages: number;
  detail?: Record<string, number>;
  /** The reference builder's version (Hugo). */
  version?: string;
}

/** What every reference build reports of its sampled run. */
function referenceFigures(run: RunResult, pages: number): ReferenceRun {
  return {
    ok: run.code === 0,
    wallMs: Math.round(run.wallMs),
    cpuMs: Math.round(run.sampledCpuMs),
    meanLoad: run.meanLoad,
    peakRssBytes: run.peakRssBytes,
    pages,
  };
}

async function floorRun(manifest: string, out: string): Promise<ReferenceRun> {
  console.log('  ▸ plain-Node floor …');
  const run = await runSampled(NODE, [join(PROJECT, 'bench/lib/floor.ts'), manifest, out], { cwd: PROJECT });
  const detail = run.code === 0 ? (JSON.parse(run.stdout.trim().split('\n').pop()!) as Record<string, number>) : {};
  rmSync(out, { recursive: true, force: true });
  console.log(`    ${run.code === 0 ? '✓' : '✗'} ${seconds(run.wallMs)} s`);
  return { ...referenceFigures(run, detail['pages'] ?? 0), detail };
}

async function referenceAstroRun(manifest: string, workDir: string): Promise<ReferenceRun> {
  console.log('  ▸ reference Astro (same paths, text only) …');
  const out = join(workDir, 'ref-dist');
  const cache = join(workDir, 'ref-cache');
  rmSync(out, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  const run = await runSampled(NODE, [join(PROJECT, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', join(PROJECT, 'bench/reference-astro')], {
    cwd: PROJECT,
    env: { ...process.env, REF_MANIFEST: manifest, REF_OUT_DIR: out, REF_CACHE_DIR: cache, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
    logFile: join(workDir, 'reference-astro.log'),
  });
  const pages = Number(/(\d+) page\(s\) built/.exec(run.stdout)?.[1] ?? 0);
  rmSync(out, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
  console.log(`    ${run.code === 0 ? '✓' : '✗'} ${seconds(run.wallMs)} s, peak RSS ${megabytes(run.peakRssBytes)} MB`);
  return referenceFigures(run, pages);
}

async function hugoRun(manifest: string, workDir: string): Promise<ReferenceRun | undefined> {
  const version = hugoVersion();
  if (!version) {
    console.log('  ▸ Hugo: not installed, skipped (Debian: apt-get install hugo)');
    return undefined;
  }
  console.log(`  ▸ ${version} (same paths, text only) …`);
  const site = join(workDir, 'hugo-site');
  const out = join(workDir, 'hugo-out');
  const prepared = performance.now();
  writeHugoSite(manifest, site);
  const prepareMs = Math.round(performance.now() - prepared);
  rmSync(out, { recursive: true, force: true });
  const run = await runSampled('hugo', ['--source', site, '--destination', out, '--noBuildLock'], {
    intervalMs: 50,
    cwd: PROJECT,
    logFile: join(workDir, 'hugo.log'),
  });
  const pages = Number(/Pages\s*\|\s*(\d+)/.exec(run.stdout)?.[1] ?? 0);
  rmSync(out, { recursive: true, force: true });
  rmSync(site, { recursive: true, force: true });
  console.log(`    ${run.code === 0 ? '✓' : '✗'} ${seconds(run.wallMs)} s, ${pages} pages, peak RSS ${megabytes(run.peakRssBytes)} MB`);
  return { ...referenceFigures(run, pages), detail: { prepareMs }, version };
}

// ── one county size ─────────────────────────────────────────────────────

interface SizeResult {
  villages: number;
  quarters: number;
  seed: string;
  /** false: built with --no-posters. */
  posters: boolean;
  machine: Machine;
  corpus: { files: number; megabytes: number; ledgerEntries: number; meetings: number; disclosures: number; notices: number; generateMs: number };
  update: { village: string; quarter: string; files: number };
  cold: BuildRun[];
  incremental: BuildRun[];
  /** Rebuilds with nothing changed, after the incremental build. */
  unchanged: BuildRun[];
  /** Rebuilds on the next day (nothing else changed): only dated pages are rendered again. */
  newDay: BuildRun[];
  output?: OutputStats;
  /** What the last build's site deploys, against each host's limits (bench/lib/deploy.ts). */
  deploy?: DeployFigures;
  floor?: ReferenceRun;
  referenceAstro?: ReferenceRun;
  hugo?: ReferenceRun;
  summary: Record<string, number>;
}

function writeFiles(root: string, files: readonly GenFile[]): void {
  const made = new Set<string>();
  for (const f of files) {
    const abs = join(root, f.path);
    const parent = dirname(abs);
    if (!made.has(parent)) mkdirSync(parent, { recursive: true });
    made.add(parent);
    writeFileSync(abs, f.text);
  }
}

async function benchSize(villages: number): Promise<SizeResult> {
  const repeat = Number(values.repeat ?? (villages <= 30 ? 3 : 1));
  console.log(`\n■ ${villages} villages × ${quarters} quarters (repeat ${repeat})`);
  const root = join(WORK, `county-${villages}v-${quarters}q`);
  const logDir = join(root, 'bench-logs');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(logDir, { recursive: true });
  const genStarted = performance.now();
  const county = generateCounty({ villages, quarters, seed: values.seed });
  // The incremental case: one village's latest quarter arrives after the full build.
  const target = county.villages[Math.floor(villages / 2)]!;
  const lastQuarter = county.quarters.at(-1)!;
  const update = county.files.filter((f) => f.village === target.id && f.batch === lastQuarter);
  const base = county.files.filter((f) => !update.includes(f));
  writeFiles(root, base);
  const generateMs = Math.round(performance.now() - genStarted);
  // Before the builds: the commit whose code is built (a long run may end after later commits).
  const machine = describeMachine(PROJECT);
  const bytes = county.files.reduce((s, f) => s + Buffer.byteLength(f.text), 0);
  console.log(
    `  generated ${county.files.length} files (${(bytes / 1e6).toFixed(1)} MB, ${county.stats.ledgerEntries} ledger entries) in ${seconds(generateMs)} s`,
  );

  const cold: BuildRun[] = [];
  const incremental: BuildRun[] = [];
  const unchanged: BuildRun[] = [];
  const newDay: BuildRun[] = [];
  const asOf = /^asOf:\s*(\d{4}-\d{2}-\d{2})/m.exec(readFileSync(join(root, 'content', 'site.yaml'), 'utf8'))?.[1];
  const nextDay = asOf ? new Date(Date.parse(`${asOf}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : undefined;
  for (let r = 1; r <= repeat; r += 1) {
    for (const f of update) if (existsSync(join(root, f.path))) unlinkSync(join(root, f.path));
    // Cold: every cache goes (Astro's data store, the previous output and check cache, the poster
    // cache and private posters, Vite's dependency cache in the checkout).
    for (const d of ['.astro-cache', 'dist', '.gongkai-build', '.gongkai-cache', 'private-posters']) rmSync(join(root, d), { recursive: true, force: true });
    rmSync(join(PROJECT, '.astro-cache', 'vite'), { recursive: true, force: true });
    cold.push(await build(root, `cold-${r}`, logDir));
    if (!values['no-incremental'] && cold.at(-1)!.ok) {
      writeFiles(root, update);
      incremental.push(await build(root, `incremental-${r}`, logDir));
      unchanged.push(await build(root, `unchanged-${r}`, logDir));
      if (nextDay) newDay.push(await build(root, `new-day-${r}`, logDir, { GONGKAI_AS_OF: nextDay }));
    }
  }

  const result: SizeResult = {
    villages,
    quarters,
    seed: values.seed,
    posters: !values['no-posters'],
    machine,
    corpus: { files: county.files.length, megabytes: Math.round(bytes / 1e5) / 10, ...county.stats, generateMs },
    update: { village: target.id, quarter: lastQuarter, files: update.length },
    cold,
    incremental,
    unchanged,
    newDay,
    summary: {},
  };
  const dist = join(root, 'dist');
  if (existsSync(dist)) {
    result.output = measureOutput(dist, loadBudgets(PROJECT));
    result.deploy = measureDeployFigures(dist, join(root, 'private-posters'));
    if (!values['no-reference']) {
      const manifest = join(root, 'manifest.jsonl');
      writeManifest(dist, manifest);
      result.floor = await floorRun(manifest, join(root, 'floor-out'));
      result.referenceAstro = await referenceAstroRun(manifest, root);
      const hugo = await hugoRun(manifest, root);
      if (hugo) result.hugo = hugo;
      rmSync(manifest, { force: true });
    }
  }
  result.summary = summarise(result);
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, `county-${villages}v-${quarters}q.json`), `${JSON.stringify(result, null, 2)}\n`);
  // Keep the logs of the last run next to the corpus; drop the big generated tree and output.
  for (const d of ['content', 'dist', '.astro-cache', '.gongkai-build', '.gongkai-cache', 'private-posters'])
    rmSync(join(root, d), { recursive: true, force: true });
  return result;
}

/** Stage breakdown of one build, in ms: our check, Astro's phases, carry-over, post-build steps, swap. */
function breakdown(b: BuildRun): Record<string, number> {
  const st = b.stages;
  const v = (k: string) => st[k] ?? 0;
  const check = v('stamp') + v('digest') + v('fingerprint') + v('check') + v('check-cache-save') + v('county-cache');
  const astroCheck = v('astro:content-check') + v('astro:county-cache') + v('astro:county-handover') + v('astro:pages-load-county');
  const sync = v('astro Sync content layer');
  const bundle = v('astro Prerender build') + v('astro Client build');
  const generate = v('astro Static generate');
  const astro = v('astro');
  return {
    check,
    astroCheck,
    sync,
    bundle,
    generate,
    astroOther: Math.max(0, astro - sync - bundle - generate - astroCheck),
    carryOver: v('carry-over'),
    postBuild: v('post-build'),
    swap: v('swap') + v('remove-old'),
  };
}

function summarise(r: SizeResult): Record<string, number> {
  const ok = r.cold.filter((c) => c.ok);
  const incr = r.incremental.filter((c) => c.ok);
  const med = (runs: BuildRun[], f: (b: BuildRun) => number | undefined) => median(runs.map(f).filter((x): x is number => x !== undefined));
  const coldMs = med(ok, (b) => b.wallMs);
  const incrMs = med(incr, (b) => b.wallMs);
  const pages = ok[0]?.pages ?? 0;
  const s: Record<string, number> = {
    pages,
    coldMs,
    pagesPerSecond: coldMs > 0 ? Math.round((pages / coldMs) * 1000 * 10) / 10 : 0,
    peakRssBytes: med(ok, (b) => b.peakRssBytes),
    cpuMs: med(ok, (b) => b.cpuUserMs + b.cpuSystemMs),
    meanLoad: med(ok, (b) => b.meanLoad),
    incrementalMs: incrMs,
    incrementalPages: incr[0]?.pages ?? Number.NaN,
    incrementalRssBytes: med(incr, (b) => b.peakRssBytes),
    incrementalCpuMs: med(incr, (b) => b.cpuUserMs + b.cpuSystemMs),
    incrementalRatio: Math.round((incrMs / coldMs) * 1000) / 1000,
  };
  const unchangedMs = med(
    (r.unchanged ?? []).filter((c) => c.ok),
    (b) => b.wallMs,
  );
  const newDayMs = med(
    (r.newDay ?? []).filter((c) => c.ok),
    (b) => b.wallMs,
  );
  s['unchangedMs'] = unchangedMs;
  s['unchangedRatio'] = Math.round((unchangedMs / coldMs) * 1000) / 1000;
  s['newDayMs'] = newDayMs;
  s['newDayPages'] = (r.newDay ?? []).find((c) => c.ok)?.pages ?? Number.NaN;
  s['newDayRatio'] = Math.round((newDayMs / coldMs) * 1000) / 1000;
  // CPU seconds too: on a shared machine they are the steadier figure.
  const rebuilds = { incremental: incr, unchanged: (r.unchanged ?? []).filter((c) => c.ok), newDay: (r.newDay ?? []).filter((c) => c.ok) };
  for (const [kind, runs] of Object.entries(rebuilds)) {
    s[`${kind}CpuMs`] = med(runs, (b) => b.cpuUserMs + b.cpuSystemMs);
    s[`${kind}CpuRatio`] = Math.round((s[`${kind}CpuMs`]! / s['cpuMs']!) * 1000) / 1000;
  }
  const keys = Object.keys(ok[0] ? breakdown(ok[0]) : {});
  for (const [kind, runs] of Object.entries({ cold: ok, ...rebuilds })) {
    // Posters rendered by the build's workers (the rest came from the poster cache), and how long after the start they were done.
    s[`${kind}PostersRendered`] = med(runs, (b) => b.postersRendered);
    s[`${kind}.postersAhead`] = med(runs, (b) => b.stages['posters-ahead']);
    for (const k of keys) s[`${kind}.${k}`] = med(runs, (b) => breakdown(b)[k]);
    for (const p of new Set(runs.flatMap((b) => Object.keys(b.postBuild)))) s[`${kind}.post:${p}`] = med(runs, (b) => b.postBuild[p]);
  }
  // Ours as a multiple of a reference, by wall time and by CPU seconds of the process tree (the steadier on a shared machine).
  const cpuRatio = (ref: ReferenceRun) => (ref.cpuMs ? Math.round((s['cpuMs']! / ref.cpuMs) * 10) / 10 : Number.NaN);
  if (r.floor?.ok) {
    s['floorMs'] = r.floor.wallMs;
    s['ratioFloor'] = Math.round((coldMs / r.floor.wallMs) * 10) / 10;
    s['floorCpuMs'] = r.floor.cpuMs ?? Number.NaN;
    s['floorRssBytes'] = r.floor.peakRssBytes;
    s['ratioFloorCpu'] = cpuRatio(r.floor);
  }
  if (r.referenceAstro?.ok) {
    s['referenceAstroMs'] = r.referenceAstro.wallMs;
    s['referenceAstroRssBytes'] = r.referenceAstro.peakRssBytes;
    s['ratioReferenceAstro'] = Math.round((coldMs / r.referenceAstro.wallMs) * 100) / 100;
  }
  if (r.hugo?.ok) {
    s['hugoMs'] = r.hugo.wallMs;
    s['hugoRssBytes'] = r.hugo.peakRssBytes;
    s['ratioHugo'] = Math.round((coldMs / r.hugo.wallMs) * 10) / 10;
    s['hugoCpuMs'] = r.hugo.cpuMs ?? Number.NaN;
    s['ratioHugoCpu'] = cpuRatio(r.hugo);
  }
  if (r.deploy) {
    s['deployFiles'] = r.deploy.files;
    s['deployDirectories'] = r.deploy.directories;
    s['deployBytes'] = r.deploy.bytes;
    s['posterFiles'] = r.deploy.posters.files;
    s['posterBytes'] = r.deploy.posters.bytes;
  }
  if (r.output) {
    s['outputBytes'] = r.output.bytes;
    s['outputFiles'] = r.output.files;
    s['jsBytes'] = r.output.jsBytes;
    s['pagesWithScripts'] = r.output.pagesWithScripts;
    s['templatesOverBudget'] = Object.values(r.output.templates).filter((t) => t.overBudget.length > 0).length;
    const board = r.output.templates['/v/[village]/'];
    if (board) {
      s['boardMaxRawBytes'] = board.max.htmlCssBytes;
      s['boardMaxGzipBytes'] = board.max.htmlCssGzipBytes;
    }
  }
  return s;
}

// ── report ──────────────────────────────────────────────────────────────

/** Issue 18's targets for a result, each with the measured figure and whether it is met (undefined: not measured). */
function targets(r: SizeResult): (readonly [string, string, boolean | undefined])[] {
  const s = r.summary;
  const pct = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '–' : `${Math.round(x * 1000) / 10} %`);
  const below = (x: number | undefined, limit: number) => (x === undefined || !Number.isFinite(x) ? undefined : x <= limit);
  const withPosters = r.posters === true ? ' (posters included)' : r.posters === false ? ' (no posters)' : '';
  const rows: (readonly [string, string, boolean | undefined])[] = [
    [
      `cold build within 5 × the floor${withPosters}`,
      `×${num(s['ratioFloorCpu'])} by CPU, ×${num(s['ratioFloor'])} by wall time`,
      below(s['ratioFloorCpu'], 5),
    ],
    [`whole process tree under 2 GB${withPosters}`, `${megabytes(s['peakRssBytes']!)} MB`, below(s['peakRssBytes'], 2e9)],
    [
      'nothing changed: under 5 % of cold',
      `${pct(s['unchangedCpuRatio'])} by CPU, ${pct(s['unchangedRatio'])} by wall time`,
      below(s['unchangedCpuRatio'], 0.05),
    ],
    [
      'one village updated: under 10 % of cold',
      `${pct(s['incrementalCpuRatio'])} by CPU, ${pct(s['incrementalRatio'])} by wall time`,
      below(s['incrementalCpuRatio'], 0.1),
    ],
    ['new day: under 10 % of cold', `${pct(s['newDayCpuRatio'])} by CPU, ${pct(s['newDayRatio'])} by wall time`, below(s['newDayCpuRatio'], 0.1)],
  ];
  if (r.posters === true) {
    rows.push([
      'posters after one village updated: only its changed records rendered',
      `${num(s['incrementalPostersRendered'])} poster jobs rendered (of ${num(s['coldPostersRendered'])} cold); nothing changed ${num(s['unchangedPostersRendered'])}, new day ${num(s['newDayPostersRendered'])}`,
      Number.isFinite(s['incrementalPostersRendered']) ? s['incrementalPostersRendered']! < (s['coldPostersRendered']! / r.villages) * 2 : undefined,
    ]);
  }
  if (s['deployFiles'] !== undefined)
    rows.push([
      'files per county deploy within a 20,000-file host cap',
      `${s['deployFiles']} files (${num(s['posterFiles'])} of them posters), ${megabytes(s['deployBytes']!)} MB`,
      s['deployFiles'] <= 20_000,
    ]);
  return rows;
}

const num = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? '–' : String(x));

function report(): string {
  const files = existsSync(RESULTS) ? readdirSync(RESULTS).filter((f) => /^county-\d+v-\d+q\.json$/.test(f)) : [];
  const results: SizeResult[] = files
    .map((f) => JSON.parse(readFileSync(join(RESULTS, f), 'utf8')) as SizeResult)
    .sort((a, b) => a.villages - b.villages || a.quarters - b.quarters);
  if (results.length === 0) return '';
  // Figures are worked out again from the recorded runs, so a result written by an older bench gets today's columns.
  for (const r of results) r.summary = summarise(r);
  const percent = (ratio: number | undefined) => (ratio === undefined || !Number.isFinite(ratio) ? '–' : `${Math.round(ratio * 1000) / 10} %`);
  const label = (r: SizeResult) =>
    `${r.villages} × ${r.quarters} (${r.machine.gitSha}, ${r.machine.date.slice(0, 10)}${r.posters === false ? ', no posters' : ''})`;
  const versus = (ms: number | undefined, cpuMs: number | undefined, rss: number | undefined, wallRatio: number | undefined, cpuRatio: number | undefined) =>
    ms === undefined
      ? '–'
      : `${seconds(ms)} s, ${seconds(cpuMs ?? Number.NaN)} CPU-s${rss !== undefined ? `, ${megabytes(rss)} MB` : ''} (ours ×${num(wallRatio)} wall, ×${num(cpuRatio)} CPU)`;
  const main = results.map((r) => {
    const s = r.summary;
    return [
      label(r),
      s['pages'] ?? 0,
      `${seconds(s['coldMs']!)}${r.cold.length > 1 ? ` (median of ${r.cold.length})` : ''}`,
      seconds(s['cpuMs']!),
      megabytes(s['peakRssBytes']!),
      num(s['meanLoad']),
      ...(['incremental', 'unchanged', 'newDay'] as const).map(
        (kind) => `${seconds(s[`${kind}Ms`]!)} (${percent(s[`${kind}Ratio`])}); CPU ${percent(s[`${kind}CpuRatio`])}`,
      ),
      versus(s['floorMs'], s['floorCpuMs'], s['floorRssBytes'], s['ratioFloor'], s['ratioFloorCpu']),
      s['referenceAstroMs'] !== undefined
        ? `${seconds(s['referenceAstroMs'])} s, ${megabytes(s['referenceAstroRssBytes']!)} MB (ours ×${s['ratioReferenceAstro']})`
        : '–',
      versus(s['hugoMs'], s['hugoCpuMs'], s['hugoRssBytes'], s['ratioHugo'], s['ratioHugoCpu']),
      megabytes(s['outputBytes'] ?? Number.NaN),
      `${kilobytes(s['boardMaxRawBytes'] ?? Number.NaN)} / ${kilobytes(s['boardMaxGzipBytes'] ?? Number.NaN)}`,
      s['templatesOverBudget'] ? `${s['templatesOverBudget']} template(s) over` : 'all within',
    ];
  });
  const mainHeader = [
    'villages × quarters (commit, date)',
    'pages',
    'cold build s',
    'CPU s',
    'peak RSS of the tree MB',
    'mean load',
    'one village updated s (of cold); CPU (of cold)',
    'nothing changed s (of cold); CPU (of cold)',
    'new day s (of cold); CPU (of cold)',
    'plain-Node floor',
    'reference Astro s, RSS',
    'Hugo',
    'output MB',
    'largest board KB raw / gzip',
    'budgets',
  ];
  const stageKeys = ['check', 'astroCheck', 'sync', 'bundle', 'generate', 'astroOther', 'carryOver', 'postBuild', 'swap', 'postersAhead'];
  const stageNames = [
    'content check',
    'Astro: check / hand-over',
    'content sync',
    'bundle',
    'page generation',
    'Astro other',
    'carry-over',
    'post-build steps',
    'swap + remove old',
    'poster workers (beside the pages)',
  ];
  const stages = results.flatMap((r) =>
    (['cold', 'incremental', 'unchanged', 'newDay'] as const).map((kind) => {
      const s = r.summary;
      const post = Object.keys(s)
        .filter((k) => k.startsWith(`${kind}.post:`))
        .map((k) => `${k.slice(kind.length + 6)} ${seconds(s[k]!)}`);
      const posters = s[`${kind}PostersRendered`];
      return [
        `${r.villages} × ${r.quarters} ${kind}`,
        ...stageKeys.map((k) => seconds(s[`${kind}.${k}`]!)),
        Number.isFinite(posters) ? posters! : '–',
        post.join(', ') || '–',
      ];
    }),
  );
  // Each size was run on its own day from its own commit: its machine is said once, under its row's label.
  const machines = results.map(
    (r) =>
      `- ${label(r)}: ${r.machine.nproc} × ${r.machine.cpuModel}, ${r.machine.memoryGiB} GiB, ${r.machine.os}, Node ${r.machine.node}, Astro ${r.machine.astro}${r.hugo?.version ? `, ${r.hugo.version}` : ''}`,
  );
  const routes = results.map((r) => {
    const rr = r.cold[0]?.routes ?? {};
    const weights = r.output?.templates ?? {};
    return `**${r.villages} villages** — per template: ${Object.entries(rr)
      .map(([t, x]) => {
        const w = weights[t];
        return `\`${t}\` ${x.pages} pages, ${x.p50}/${x.p95} ms p50/p95${w ? `, heaviest ${kilobytes(w.max.htmlCssBytes)} KB (${kilobytes(w.max.htmlCssGzipBytes)} KB gzip)${w.overBudget.length ? ` OVER BUDGET: ${w.overBudget.join('; ')}` : ', within budget'}` : ''}`;
      })
      .join('; ')}`;
  });
  // Which processes hold the memory (recorded since session 14): every cold build's tree peak and each kind of process's own.
  const memory = results.flatMap((r) =>
    r.cold
      .filter((b) => b.treePeak && b.processPeaks)
      .map((b) => [`${label(r)} ${b.label}`, formatTreePeak(b.treePeak!), formatProcessPeaks(b.processPeaks!), num(b.meanLoad)]),
  );
  const deployed = results.filter((r) => r.deploy);
  const hostIds = Object.keys(deployed[0]?.deploy?.hosts ?? {});
  const deploy = deployed.map((r) => {
    const d = r.deploy!;
    return [
      label(r),
      d.files,
      d.directories,
      megabytes(d.bytes),
      `${d.posters.files}, ${megabytes(d.posters.bytes)} MB`,
      `${d.privatePosters.files}, ${megabytes(d.privatePosters.bytes)} MB`,
      `${d.fullestDirectory.path} (${d.fullestDirectory.files})`,
      `${d.largestFile.path} (${megabytes(d.largestFile.bytes)} MB)`,
      ...hostIds.map((h) => {
        const x = d.hosts[h as keyof typeof d.hosts];
        return x.problems.length === 0 ? `fits (${x.entries})` : `✗ ${x.problems.join('; ')}`;
      }),
    ];
  });
  // Targets for the newest run only (older results keep their rows above).
  const newest = results.reduce((a, b) => (a.machine.date > b.machine.date ? a : b)).machine.date.slice(0, 10);
  const goals = results
    .filter((r) => r.machine.date.startsWith(newest))
    .flatMap((r) => targets(r).map(([goal, figure, met]) => [label(r), goal, figure, met === undefined ? 'not measured' : met ? 'met' : 'NOT met']));
  return [
    '# County benchmark results',
    '',
    "Generated by `npm run bench` (bench/county.ts). Wall-clock seconds of `scripts/build.ts --root <synthetic county>`; peak RSS of the whole process tree (build, page processes, poster workers, Pagefind), sampled every 250 ms; CPU = user + system of the tree. The cold build has no cache of any kind (Astro's data store, previous output, check cache, poster cache, Vite's dependency cache); the incremental build then adds one village's latest quarter (caches and output kept), followed by a rebuild with nothing changed and one on the next day (GONGKAI_AS_OF + 1 day); each rebuild is given as % of the cold build's wall time and, after 'CPU', of its CPU seconds. The floor (a plain Node script writing the same pages' text) and Hugo (one content file per page, one template) are run in the same run; ours is given as a multiple of each, by wall time and by CPU seconds. The machine is shared: 'mean load' is the 1-minute load average during the build (2 cores, so above 2 means other work competed and wall times are inflated; CPU seconds and the CPU ratios are the steadier figures). Each row names the commit whose code was built and the day.",
    '',
    table(mainHeader, main),
    '',
    "Issue 18's targets (by CPU seconds, the figure a shared machine does not distort; wall time beside it):",
    '',
    table(['run', 'target', 'measured', ''], goals),
    '',
    'Stages (seconds; the posters are rendered by worker processes while the pages render, so their time overlaps the others):',
    '',
    table(['build', ...stageNames, 'posters rendered', 'post-build steps'], stages),
    '',
    ...(memory.length
      ? [
          "Memory by process in the cold builds (MB of RSS): the tree's peak, when, and the processes it was made of; then each kind of process's own peak (×N: N processes of that kind, the largest given):",
          '',
          table(['build', 'tree peak = its processes', 'each process’s own peak', 'mean load'], memory),
          '',
        ]
      : []),
    ...(deployed.length
      ? [
          "What the last build's site deploys, against each host's limits (src/lib/deploy-hosts.ts; private posters are not published):",
          '',
          table(['run', 'files', 'directories', 'MB', 'poster files, MB', 'private posters, MB', 'fullest directory', 'largest file', ...hostIds], deploy),
          '',
        ]
      : []),
    "Machine of each size's run (its row's commit and day):",
    '',
    ...machines,
    '',
    ...routes,
    '',
  ].join('\n');
}

/**
 * `--references-from <dist>`: only the reference builds (floor, Astro, Hugo) over the pages of a site
 * built before (a province shard, say), written to results/references-<label>.json; no build of ours.
 */
async function referencesOnly(dist: string): Promise<void> {
  const workDir = join(WORK, `references-${values.label}`);
  mkdirSync(workDir, { recursive: true });
  const manifest = join(workDir, 'manifest.jsonl');
  const pages = writeManifest(dist, manifest);
  console.log(`■ references over ${pages} pages of ${dist}`);
  const floor = await floorRun(manifest, join(workDir, 'floor-out'));
  const referenceAstro = await referenceAstroRun(manifest, workDir);
  const hugo = await hugoRun(manifest, workDir);
  rmSync(manifest, { force: true });
  const out = { dist, pages, machine: describeMachine(PROJECT), floor, referenceAstro, hugo };
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(join(RESULTS, `references-${values.label}.json`), `${JSON.stringify(out, null, 2)}\n`);
}

mkdirSync(WORK, { recursive: true });
if (values['references-from']) {
  await referencesOnly(values['references-from']);
  process.exit(0);
}
if (values['deploy-from']) {
  // The deploy of a county built before (say, a copy of a bench run's last dist/ taken while it ran) into the first size's result.
  const file = join(RESULTS, `county-${sizes[0]}v-${quarters}q.json`);
  const result = JSON.parse(readFileSync(file, 'utf8')) as SizeResult;
  result.deploy = measureDeployFigures(join(values['deploy-from'], 'dist'), join(values['deploy-from'], 'private-posters'));
  result.summary = summarise(result);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
} else if (!values.report) for (const n of sizes) await benchSize(n);
const md = report();
writeFileSync(join(RESULTS, 'county.md'), md);
console.log(`\n${md}`);
