/**
 * `npm run bench -- --only posters` (or `node bench/posters.ts [--villages N | --root <dir>]`): how long
 * the poster step takes, on the demo county or on a generated one (`--villages N` writes
 * bench/.work/county-<N>v-8q-s1 with `npm run gen` when it is not there yet).
 *
 *   cold    empty poster and layout caches (cleared before every cold run): the default set rendered
 *   warm    nothing changed: every poster copied from the cache
 *   update  one village changed one ledger entry: only its finance posters rendered again
 *   pages   what the web pages pay for sheet counts, all villages: from the layout cache, and with
 *           it cleared (laying out every poster of the county)
 *
 * and, per county deploy, the poster files and bytes on the site and in private-posters/, against a
 * host cap of 20,000 files. With --villages the figures also go to results/posters-<N>v-8q.json (with the
 * cold run's wall time, CPU time of this process and its workers, the peak memory of that process tree
 * and the mean load while it ran). Each is run --repeat times (default 3; 1 with --villages) in a fresh
 * temporary folder; medians are printed. --workers N sets the number of worker processes.
 * Timings are wall-clock and depend on the machine and its load; no test asserts them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { readCommandLine } from '../src/tools/command-line.ts';
import { loadCounty } from '../src/check/load.ts';
import type { County } from '../src/check/model.ts';
import { buildPosters } from '../src/posters/build-step.ts';
import { CACHE_DIR, LAYOUT_CACHE_DIR } from '../src/posters/cache.ts';
import { planBenchLog, planBenchPosters } from './lib/poster-plan.ts';
import { describeMachine } from './lib/machine.ts';
import { treeRss } from './lib/proc.ts';

const USAGE = `用法 usage: node bench/posters.ts <options>   (npm run bench runs it with --villages N for each of its --sizes)
  --villages N      a generated county of N villages (bench/.work/county-<N>v-8q-s1), rendered whole
  --root <dir>      a county folder (default: the current folder's content/)
  --repeat N        rounds (default 3; 1 with --villages)
  --workers N       poster worker processes
  --sample N        only N villages' posters`;

const { values } = readCommandLine(
  { options: { repeat: { type: 'string' }, workers: { type: 'string' }, villages: { type: 'string' }, root: { type: 'string' }, sample: { type: 'string' } } },
  USAGE,
);
if (values.workers) process.env['GONGKAI_POSTER_WORKERS'] = values.workers;
const HOST_FILE_CAP = 20_000;

let contentRoot = values.root ? resolve(values.root) : process.cwd();
if (values.villages) {
  contentRoot = resolve('bench', '.work', `county-${values.villages}v-8q-s1`);
  if (!existsSync(join(contentRoot, 'content'))) {
    const gen = spawnSync(process.execPath, ['scripts/gen.ts', '--villages', values.villages, '--quarters', '8', '--out', contentRoot], { stdio: 'inherit' });
    if (gen.status !== 0) process.exit(gen.status ?? 1);
  }
}
const repeat = Math.max(1, Number(values.repeat ?? (values.villages || values.root ? '1' : '3')));
const whole = loadCounty(contentRoot, { env: {} }).county;
if (!whole) throw new Error('内容检查未通过 / the content check failed; run npm run check');
// The posters carry their log entries as in a build (bench/lib/poster-plan.ts): the same posters, the same cache keys.
const log = planBenchLog(contentRoot, whole);

/**
 * The whole county's default set, from the layout alone (no rendering): poster × size jobs, sheets and
 * the files a deploy gets. With --sample K only the first K villages are rendered, and the county's
 * render time is extrapolated from the CPU time per sheet measured on them.
 */
const scratch = mkdtempSync(join(tmpdir(), 'gongkai-bench-plan-'));
let planMs = performance.now();
const plan = { jobs: 0, sheets: 0, publicFiles: 0, privateFiles: 0 };
for (const p of planBenchPosters(scratch, whole, log)) {
  for (const s of p.sizes.filter((x) => x.key)) {
    plan.jobs += 1;
    plan.sheets += s.sheets;
    const files = s.formats.length;
    if (p.doc.personal) plan.privateFiles += files;
    else plan.publicFiles += files;
  }
}
planMs = Math.round(performance.now() - planMs);
rmSync(scratch, { recursive: true, force: true });
const county: County = values.sample ? { ...whole, villages: whole.villages.slice(0, Number(values.sample)) } : whole;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** The county with one expense entry of one village's latest ledger reworded: a small quarterly update. */
function updated(c: County, n: number): { county: County; village: string } {
  const copy = structuredClone(c);
  const v = copy.villages.find((x) => x.ledgers.some((l) => l.data.expense.length > 0))!;
  const l = [...v.ledgers].sort((a, b) => (a.id < b.id ? 1 : -1)).find((x) => x.data.expense.length > 0)!;
  l.data.expense[0] = { ...l.data.expense[0]!, summary: `${l.data.expense[0]!.summary}（更新 ${n}）` };
  return { county: copy, village: v.id };
}

const clearCaches = (root: string) => {
  rmSync(join(root, CACHE_DIR), { recursive: true, force: true });
  rmSync(join(root, LAYOUT_CACHE_DIR), { recursive: true, force: true });
};

const times: Record<'cold' | 'warm' | 'update' | 'pagesCached' | 'pagesCold', number[]> = { cold: [], warm: [], update: [], pagesCached: [], pagesCold: [] };
let deploy = {
  jobs: 0,
  sheets: 0,
  cpuMs: 0,
  publicFiles: 0,
  publicBytes: 0,
  privateFiles: 0,
  privateBytes: 0,
  peakRenderRss: 0,
  updateRendered: [] as string[],
};
/** The cold run as a whole: wall time, CPU of this process and its workers, the tree's peak memory, mean load. */
let coldRun = { wallMs: 0, cpuMs: 0, peakTreeRssBytes: 0, meanLoad: 0 };
const machine = describeMachine(resolve(import.meta.dirname, '..'));
for (let i = 0; i < repeat; i += 1) {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-bench-posters-'));
  // The update keeps the log's plan: a build would refuse the edited ledger until it is published as a new version,
  // and the bench measures only that its posters are rendered again.
  const ctx = { root, outDir: join(root, 'dist'), log: () => {}, publicationLog: log };
  try {
    clearCaches(root);
    const loads: number[] = [];
    let peak = 0;
    const sampler = setInterval(() => {
      loads.push(Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]));
      peak = Math.max(peak, treeRss(process.pid).bytes);
    }, 1000);
    const cpuBefore = process.cpuUsage();
    const cold = await buildPosters({ ...ctx, county });
    clearInterval(sampler);
    const own = process.cpuUsage(cpuBefore);
    times.cold.push(cold.ms);
    coldRun = {
      wallMs: Math.round(cold.ms),
      // This process's own CPU (planning, copying) plus the workers' rendering.
      cpuMs: Math.round((own.user + own.system) / 1000 + cold.renderCpuMs),
      peakTreeRssBytes: peak,
      meanLoad: loads.length ? Math.round((loads.reduce((a, b) => a + b, 0) / loads.length) * 100) / 100 : Number.NaN,
    };
    const warm = await buildPosters({ ...ctx, county });
    if (warm.rendered.length !== 0) throw new Error(`warm run rendered ${warm.rendered.length}`);
    times.warm.push(warm.ms);
    const u = updated(county, i);
    const upd = await buildPosters({ ...ctx, county: u.county });
    times.update.push(upd.ms);
    if (upd.rendered.some((r) => !r.startsWith(`${u.village}/`))) throw new Error(`update rendered ${upd.rendered.join(', ')}`);
    deploy = {
      jobs: cold.rendered.length,
      sheets: cold.renderedSheets,
      cpuMs: cold.renderCpuMs,
      publicFiles: cold.publicFiles,
      publicBytes: cold.publicBytes,
      privateFiles: cold.privateFiles,
      privateBytes: cold.privateBytes,
      peakRenderRss: cold.peakRenderRss,
      updateRendered: upd.rendered,
    };
    let t = performance.now();
    planBenchPosters(root, county, log, true);
    times.pagesCached.push(Math.round(performance.now() - t));
    clearCaches(root);
    t = performance.now();
    planBenchPosters(root, county, log, true);
    times.pagesCold.push(Math.round(performance.now() - t));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const workers = values.workers ?? '(default: cores, at most 4, as free memory allows)';
const mb = (b: number) => (b / 1024 / 1024).toFixed(1);
const cores = availableParallelism();
const cpuPerSheet = deploy.sheets > 0 ? deploy.cpuMs / deploy.sheets : 0;
const bytesPerFile = deploy.publicFiles > 0 ? deploy.publicBytes / deploy.publicFiles : 0;
console.log(
  `海报基准 poster benchmark — ${values.villages ? `generated county of ${whole.villages.length} villages × 8 quarters` : values.root ? contentRoot : 'demo county'}${values.sample ? `, rendering a sample of ${county.villages.length} villages` : ''}, ${repeat} run(s), workers ${workers}, cores ${cores}, memory ${mb(totalmem())} MB (${mb(freemem())} free), load average ${loadavg()[0]!.toFixed(1)}`,
);
for (const [k, v] of Object.entries(times)) console.log(`  ${k.padEnd(11)} median ${String(Math.round(median(v))).padStart(8)} ms   runs ${v.join(', ')}`);
console.log(
  `  rendered cold: ${deploy.jobs} poster×size jobs, ${deploy.sheets} sheets, ${(deploy.cpuMs / 1000).toFixed(1)} s of CPU (${(cpuPerSheet / 1000).toFixed(2)} s per sheet); peak memory of a rendering process ${mb(deploy.peakRenderRss)} MB`,
);
console.log(`  update rendered ${deploy.updateRendered.length}: ${deploy.updateRendered.join(', ')}`);
console.log(
  `  deploy (rendered villages): ${deploy.publicFiles} poster files, ${mb(deploy.publicBytes)} MB on the site; ${deploy.privateFiles} files, ${mb(deploy.privateBytes)} MB in private-posters/`,
);
const estCold = (plan.sheets * cpuPerSheet) / cores / 1000;
console.log(
  `  whole county's default set (planned in ${planMs} ms): ${plan.jobs} jobs, ${plan.sheets} sheets, ${plan.publicFiles} files on the site (${plan.publicFiles <= HOST_FILE_CAP ? 'within' : 'OVER'} a ${HOST_FILE_CAP}-file host cap on their own; about ${mb(plan.publicFiles * bytesPerFile)} MB), ${plan.privateFiles} in private-posters/`,
);
console.log(
  `  estimated cold render of the whole county on ${cores} idle cores: ${Math.round(estCold)} s (${(estCold / 60).toFixed(1)} min; CPU per sheet × sheets ÷ cores)`,
);
console.log(
  `  cold run: ${(coldRun.wallMs / 1000).toFixed(1)} s wall, ${(coldRun.cpuMs / 1000).toFixed(1)} CPU-s (this process and its workers), peak memory of the tree ${mb(coldRun.peakTreeRssBytes)} MB, mean load ${coldRun.meanLoad}`,
);
const result = {
  bench: 'posters',
  villages: whole.villages.length,
  sample: county.villages.length,
  repeat,
  medians: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Math.round(median(v))])),
  coldRun,
  deploy,
  plan: { ...plan, ms: planMs },
  estimatedColdSeconds: Math.round(estCold),
  machine,
};
console.log(JSON.stringify(result));
if (values.villages) {
  const results = resolve(import.meta.dirname, 'results');
  mkdirSync(results, { recursive: true });
  writeFileSync(join(results, `posters-${values.villages}v-8q${values.sample ? `-sample${values.sample}` : ''}.json`), `${JSON.stringify(result, null, 2)}\n`);
}
