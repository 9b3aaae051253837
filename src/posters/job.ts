/**
 * One unit of poster work: render a poster at one size and store the files in the cache. Run in a
 * worker process (worker.ts) or, for a handful of jobs, in the build process itself.
 */
import { writeCacheEntry } from './cache.ts';
import type { PosterDoc } from './doc.ts';
import { listPosterFiles } from './files.ts';
import { renderPoster } from './render.ts';
import { SIZES, type PosterFormat, type SizeKey } from './sizes.ts';

export interface PosterJob {
  doc: PosterDoc;
  size: SizeKey;
  /** What to write. */
  formats: readonly PosterFormat[];
  key: string;
  /** Project root; the cache lives under it. */
  root: string;
}

export interface PosterJobResult {
  key: string;
  sheets: number;
  ms: number;
  /** Resident memory of the process that rendered it, in bytes (the pool recycles a worker that grew). */
  rss: number;
  /** The process that rendered it. */
  pid: number;
  /** CPU time the render took (user + system, ms): what the render costs regardless of the machine's load. */
  cpuMs: number;
}

const cpuMs = (u: NodeJS.CpuUsage) => Math.round((u.user + u.system) / 1000);

export async function runPosterJob(job: PosterJob): Promise<PosterJobResult> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const r = await renderPoster(job.doc, SIZES[job.size], job.formats);
  writeCacheEntry(
    job.root,
    { key: job.key, poster: `${job.doc.village.id}/${job.doc.id}`, size: job.size, sheets: r.layout.sheets.length, files: listPosterFiles(r.files) },
    r.data,
  );
  return {
    key: job.key,
    sheets: r.layout.sheets.length,
    ms: Math.round(performance.now() - started),
    rss: process.memoryUsage.rss(),
    pid: process.pid,
    cpuMs: cpuMs(process.cpuUsage(cpu)),
  };
}
