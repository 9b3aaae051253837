/**
 * The post-build step that puts every village's default posters (what a clerk prints now: the PDFs
 * and a preview picture, see selection.ts) next to its print page: for each such poster and each paper size, reuse the cached files when nothing that decides them changed, render the rest in
 * worker processes, and copy them to dist/v/<village>/posters/. Posters with personal data the law
 * requires on paper (低保 names …) go to private-posters/<village>/ in the project instead, never to
 * the published site.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LogPlan } from '../build/context.ts';
import type { BuildStep, StepContext } from '../build/steps.ts';
import type { County } from '../check/model.ts';
import { tempPath } from '../check/cache-file.ts';
import { replaceFile, replaceWithLink } from '../build/staging-files.ts';
import { getCachedFile, pruneCache, readCacheEntry } from './cache.ts';
import type { PosterDoc } from './doc.ts';
import { getPosterFiles, getPosterFolder, getQuarterPdfName, listPosterFiles } from './files.ts';
import type { PosterJob } from './job.ts';
import { getQuarterBundles, planVillagePosters } from './plan.ts';
import { packPosterJob, runPosterJobs, startPosterJobs, type PackedPosterJob, type PosterRun } from './pool.ts';
import { POSTER_SIZES, SIZES, type SizeKey } from './sizes.ts';

export const PRIVATE_DIR = 'private-posters';

/**
 * The PDF joiner (./pdf-merge.ts), loaded when a quarter's file is first joined: pdf-lib takes 0.1–0.3 CPU-s to load, and
 * the build process imports this module only to render posters ahead (docs/benchmarks.md, session 11).
 */
const joinPdfsLater = async () => (await import('./pdf-merge.ts')).joinPdfs;

export interface PosterBuildReport {
  /** `<village>/<poster>@<size>` rendered in this build: by this step, or while the pages were built (`postersRenderedAhead`). */
  rendered: string[];
  /** How many of `rendered` were rendered while the pages were built. */
  renderedAhead: number;
  /** `<village>/<poster>@<size>` copied from the cache, rendered by an earlier build. */
  reused: string[];
  /** Files written to dist/ and to private-posters/. */
  publicFiles: number;
  privateFiles: number;
  /** Bytes of the files written to dist/ and to private-posters/. */
  publicBytes: number;
  privateBytes: number;
  /** Highest resident memory of a process that rendered a poster (bytes; 0 when nothing was rendered). */
  peakRenderRss: number;
  /** Sheets of the posters rendered in this build, and the CPU time their rendering took (ms, all processes). */
  renderedSheets: number;
  renderCpuMs: number;
  ms: number;
}

const label = (doc: PosterDoc, size: SizeKey) => `${doc.village.id}/${doc.id}@${size}`;

/**
 * Puts a cached file at `dest` as a hard link to the cache entry (cache entries are written once,
 * read-only, and hashed against their manifest by this build before any is linked), or as a copy
 * across file systems. A file an incremental build carried over from the
 * previous dist/ is already that link and is left alone; any other file there is replaced, never
 * written through (it may be a hard link into the previous dist/).
 */
function placeFile(cached: string, dest: string): void {
  if (existsSync(dest) && statSync(dest).ino === statSync(cached).ino) return;
  replaceWithLink(cached, dest);
}

/**
 * The posters of the default set that are not in the poster cache yet, as packed jobs (pool.ts),
 * heaviest first. `villages`: only these. `log`: the build's log plan, whose entries the posters print
 * (without it the cache keys are not those the poster step looks up). Each village's documents are packed as it is planned, so
 * the list holds a few KB per job and none of the county.
 */
export function planMissingPosters(root: string, county: County, villages?: readonly string[], log?: LogPlan): PackedPosterJob[] {
  const weighed: { job: PackedPosterJob; weight: number }[] = [];
  for (const v of county.villages) {
    if (villages && !villages.includes(v.id)) continue;
    for (const p of planVillagePosters(root, county, v, false, log))
      for (const s of p.sizes)
        if (s.key && !readCacheEntry(root, s.key))
          weighed.push({
            job: packPosterJob({ doc: p.doc, size: s.size, formats: s.formats, key: s.key, root }),
            weight: s.sheets * (s.size === 'A3' ? 2 : 1),
          });
  }
  return weighed.sort((a, b) => b.weight - a.weight).map((w) => w.job);
}

export interface PostersAhead {
  /** The cache keys of the posters rendered, once all of them are in the cache. */
  done: Promise<string[]>;
  /** Stops the workers at once (their jobs wait) until `useAllWorkers`: the build's memory budget is near. */
  pause(): void;
  /** The resident memory of the poster workers together, in bytes (0 before they start). */
  rss(): number;
  /** Renders with every worker from now on (the pages are written). */
  useAllWorkers(): void;
}

/**
 * Renders into the poster cache the posters of the default set that are not there yet, without
 * placing any file. scripts/build.ts starts this before Astro renders the pages, so the poster
 * workers (separate processes) use the other core meanwhile (`workers`: how many, until
 * `useAllWorkers`); the poster step then finds them cached. Planning runs on this thread once the
 * caller has started its own work; after it nothing here refers to the county (`onPlanned` may
 * collect it). `villages`: only these (an incremental build: only changed villages can need new posters).
 */
export function renderMissingPosters(
  ctx: Pick<StepContext, 'root' | 'county' | 'publicationLog'>,
  villages?: readonly string[],
  options: { workers?: number; onPlanned?: () => void } = {},
): PostersAhead {
  let source: Pick<StepContext, 'root' | 'county' | 'publicationLog'> | undefined = ctx;
  let workers = options.workers ?? Number.MAX_SAFE_INTEGER;
  let run: PosterRun | undefined;
  const done = new Promise<PackedPosterJob[]>((resolve, reject) => {
    setImmediate(() => {
      const { root, county, publicationLog } = source!;
      source = undefined;
      try {
        resolve(planMissingPosters(root, county, villages, publicationLog));
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }).then(async (jobs) => {
    const keys = jobs.map((j) => j.key);
    options.onPlanned?.();
    run = startPosterJobs(jobs, { workers });
    jobs.length = 0;
    await run.done;
    return keys;
  });
  const setWorkers = (n: number, now = false) => {
    workers = n;
    run?.setWorkers(n, { now });
  };
  return { done, pause: () => setWorkers(0, true), useAllWorkers: () => setWorkers(Number.MAX_SAFE_INTEGER), rss: () => run?.rss() ?? 0 };
}

/**
 * Renders (or reuses) the default poster set of the county — what clerks print now (selection.ts) —
 * and copies the files into place. Other posters are rendered on request (on-request.ts).
 */
export async function buildPosters(
  ctx: Pick<StepContext, 'root' | 'outDir' | 'county' | 'log' | 'publicationLog' | 'postersRenderedAhead'>,
): Promise<PosterBuildReport> {
  const started = performance.now();
  const county = ctx.county;
  const plans = county.villages.map((v) => planVillagePosters(ctx.root, county, v, false, ctx.publicationLog));
  const planned = plans.flatMap((plan) =>
    plan.flatMap((p) => p.sizes.filter((s) => s.key).map((s) => ({ doc: p.doc, size: s.size, formats: s.formats, key: s.key!, sheets: s.sheets }))),
  );
  // Every file placed below is hashed against its manifest once here: a damaged entry is rendered again.
  const missing = planned.filter((p) => !readCacheEntry(ctx.root, p.key, true));
  const jobs: PosterJob[] = missing
    .sort((a, b) => b.sheets * (b.size === 'A3' ? 2 : 1) - a.sheets * (a.size === 'A3' ? 2 : 1))
    .map((p) => ({ doc: p.doc, size: p.size, formats: p.formats, key: p.key, root: ctx.root }));
  // Said in the step's one summary (posterStep): rendered here, beside the pages, or reused.
  const results = await runPosterJobs(jobs);

  const privateTmp = tempPath(join(ctx.root, PRIVATE_DIR));
  rmSync(privateTmp, { recursive: true, force: true });
  let publicFiles = 0;
  let privateFiles = 0;
  let publicBytes = 0;
  let privateBytes = 0;
  try {
    for (const p of planned) {
      const entry = readCacheEntry(ctx.root, p.key);
      if (!entry) throw new Error(`海报缓存缺少 ${label(p.doc, p.size)} / the poster cache lost ${label(p.doc, p.size)}`);
      if (entry.sheets !== p.sheets) {
        throw new Error(
          `海报 ${label(p.doc, p.size)} 的页数（${entry.sheets}）与网页列出的页数（${p.sheets}）不一致 / sheet count ${entry.sheets} differs from the ${p.sheets} the pages list`,
        );
      }
      const files = listPosterFiles(getPosterFiles(p.doc, SIZES[p.size], p.sheets, p.formats));
      const folder = getPosterFolder(p.doc);
      const dest = p.doc.personal ? join(privateTmp, folder.slice(PRIVATE_DIR.length + 1)) : join(ctx.outDir, folder);
      mkdirSync(dest, { recursive: true });
      let bytes = 0;
      for (const f of files) {
        placeFile(getCachedFile(ctx.root, p.key, f), join(dest, f));
        bytes += statSync(join(dest, f)).size;
      }
      if (p.doc.personal) {
        privateFiles += files.length;
        privateBytes += bytes;
      } else {
        publicFiles += files.length;
        publicBytes += bytes;
      }
    }
    // Each quarter's posters to put up, joined into one PDF per paper size (本季度全部海报（一个文件）).
    const bundles = new Set<string>();
    for (const plan of plans) {
      for (const [quarter, posters] of getQuarterBundles(plan)) {
        const first = posters[0]!.doc;
        const folder = getPosterFolder(first);
        for (const size of POSTER_SIZES) {
          const pdfs = posters.map((p) => {
            const s = p.sizes.find((x) => x.size === size)!;
            return readFileSync(getCachedFile(ctx.root, s.key!, getPosterFiles(p.doc, SIZES[size], s.sheets, s.formats).pdf!));
          });
          const date = posters.map((p) => p.doc.publishedAt ?? '').reduce((a, b) => (b > a ? b : a), '');
          const name = getQuarterPdfName(quarter, SIZES[size]);
          const file = join(ctx.outDir, folder, name);
          replaceFile(file, await (await joinPdfsLater())(pdfs, `${first.village.name}${first.periodZh}全部海报（${SIZES[size].labelZh}）`, date || undefined));
          bundles.add(`${folder}/${name}`);
          publicFiles += 1;
          publicBytes += statSync(file).size;
        }
      }
    }
    // Files in a village's poster folder that this build does not place (written on request into dist/
    // and carried over by an incremental build) go, so an incremental build equals a full one.
    const placed = new Map<string, Set<string>>();
    for (const p of planned.filter((x) => !x.doc.personal)) {
      const folder = getPosterFolder(p.doc);
      const set = placed.get(folder) ?? new Set(['index.html']);
      for (const f of listPosterFiles(getPosterFiles(p.doc, SIZES[p.size], p.sheets, p.formats))) set.add(f);
      placed.set(folder, set);
    }
    for (const v of county.villages) {
      const dir = join(ctx.outDir, 'v', v.id, 'posters');
      if (!existsSync(dir)) continue;
      const keep = placed.get(`v/${v.id}/posters`) ?? new Set(['index.html']);
      for (const f of readdirSync(dir)) if (!keep.has(f) && !bundles.has(`v/${v.id}/posters/${f}`)) rmSync(join(dir, f), { recursive: true, force: true });
    }
  } catch (error) {
    rmSync(privateTmp, { recursive: true, force: true });
    throw error;
  }
  // Swap in the private posters only now that everything succeeded.
  const privateDir = join(ctx.root, PRIVATE_DIR);
  if (existsSync(privateTmp)) {
    rmSync(privateDir, { recursive: true, force: true });
    renameSync(privateTmp, privateDir);
  } else rmSync(privateDir, { recursive: true, force: true });
  pruneCache(ctx.root, new Set(planned.map((p) => p.key)));
  const missingKeys = new Set(missing.map((p) => p.key));
  const aheadKeys = new Set(ctx.postersRenderedAhead);
  const renderedHere = (p: (typeof planned)[number]) => missingKeys.has(p.key) || aheadKeys.has(p.key);
  return {
    rendered: planned.filter(renderedHere).map((p) => label(p.doc, p.size)),
    renderedAhead: planned.filter((p) => aheadKeys.has(p.key) && !missingKeys.has(p.key)).length,
    reused: planned.filter((p) => !renderedHere(p)).map((p) => label(p.doc, p.size)),
    publicFiles,
    privateFiles,
    publicBytes,
    privateBytes,
    peakRenderRss: results.reduce((m, r) => Math.max(m, r.rss), 0),
    renderedSheets: results.reduce((n, r) => n + r.sheets, 0),
    renderCpuMs: results.reduce((n, r) => n + r.cpuMs, 0),
    ms: Math.round(performance.now() - started),
  };
}

export const posterStep: BuildStep = {
  name: '公开栏海报 notice-board posters',
  async run(ctx) {
    const r = await buildPosters(ctx);
    ctx.log(
      `  海报：本次生成 ${r.rendered.length} 份（其中与网页同时生成 ${r.renderedAhead} 份），沿用缓存 ${r.reused.length} 份；网站 ${r.publicFiles} 个文件，${PRIVATE_DIR}/ ${r.privateFiles} 个文件（含个人信息，不上网） · posters: ${r.rendered.length} rendered in this build (${r.renderedAhead} of them while the pages were built), ${r.reused.length} reused from the cache; ${r.publicFiles} files on the site, ${r.privateFiles} in ${PRIVATE_DIR}/ (personal data, not published)`,
    );
  },
};
