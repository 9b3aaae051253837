/**
 * `npm run posters -- --village <id> [--period <quarter|all>] [--formats pdf,png150,png300,svg] [--out <dir>]`:
 * the posters no build writes — older periods, and the formats print shops ask for (150/300 dpi
 * pictures, SVG) — for one village. Rendered through the same cache and worker pool as the build;
 * written into the village's poster folder in dist/ or into --out. Posters with personal data go to
 * private-posters/<village>/ only, whatever --out says: they are never put where the site is published.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { LogPlan } from '../build/context.ts';
import type { County } from '../check/model.ts';
import { PRIVATE_DIR } from './build-step.ts';
import { getCachedFile, getCacheKey, readCacheEntry } from './cache.ts';
import { getPosterFiles, listPosterFiles } from './files.ts';
import type { PosterJob } from './job.ts';
import { planVillagePosters } from './plan.ts';
import { runPosterJobs } from './pool.ts';
import { POSTER_FORMATS, POSTER_SIZES, SIZES, type PosterFormat } from './sizes.ts';

export interface OnRequestOptions {
  root: string;
  county: County;
  village: string;
  /** A quarter (2025-q3) or 'all'; undefined: all. */
  period?: string | undefined;
  /** Comma-separated formats; undefined: pdf. */
  formats?: string | undefined;
  /** Where public posters go; undefined: dist/v/<village>/posters/. */
  out?: string | undefined;
  /** The publication log, for the entry printed beside the 核对码 (as the build prints it). */
  log?: LogPlan | undefined;
}

export class OnRequestError extends Error {}

export interface OnRequestResult {
  /** Files written, absolute. */
  files: string[];
  rendered: number;
  reused: number;
}

/** Reads --formats; throws a clerk-facing message on an unknown format. */
export function parseFormats(text: string | undefined): PosterFormat[] {
  if (text === undefined || text.trim() === '') return ['pdf'];
  const asked = text
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  const unknown = asked.filter((f) => !(POSTER_FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0) {
    throw new OnRequestError(
      `--formats 中的 ${unknown.join('、')} 不是可用的格式，可用：${POSTER_FORMATS.join(',')}。 / --formats: ${unknown.join(', ')} is not a format; use any of ${POSTER_FORMATS.join(',')}.`,
    );
  }
  return POSTER_FORMATS.filter((f) => asked.includes(f));
}

/** Renders (or reuses from the cache) the asked posters of one village and writes their files. */
export async function renderOnRequest(o: OnRequestOptions): Promise<OnRequestResult> {
  const formats = parseFormats(o.formats);
  const v = o.county.villages.find((x) => x.id === o.village);
  if (!v) {
    const ids = o.county.villages.map((x) => x.id);
    const near = ids.filter((id) => id.startsWith(o.village.slice(0, 2)) || o.village.startsWith(id.slice(0, 2))).slice(0, 5);
    throw new OnRequestError(
      `没有编号为 ${o.village} 的村（content/villages/ 下的文件夹名）${near.length ? `；是不是 ${near.join('、')}？` : '。'} / there is no village ${o.village} (a folder name under content/villages/)${near.length ? `; did you mean ${near.join(', ')}?` : '.'}`,
    );
  }
  const plan = planVillagePosters(o.root, o.county, v, true, o.log);
  const period = o.period && o.period !== 'all' ? o.period : undefined;
  const chosen = period ? plan.filter((p) => p.doc.quarter === period) : plan;
  if (chosen.length === 0) {
    const quarters = [...new Set(plan.map((p) => p.doc.quarter))].sort();
    throw new OnRequestError(
      `${v.data.name}（${v.id}）没有 ${period} 的海报；有海报的季度：${quarters.join('、') || '无'}。 / ${v.id} has no posters for ${period}; quarters with posters: ${quarters.join(', ') || 'none'}.`,
    );
  }
  const wanted = chosen.flatMap((p) =>
    POSTER_SIZES.map((size) => ({ doc: p.doc, size, sheets: p.sizes.find((s) => s.size === size)!.sheets, key: getCacheKey(p.doc, SIZES[size], formats) })),
  );
  // The files copied below are hashed against their manifest here: a damaged entry is rendered again.
  const jobs: PosterJob[] = wanted
    .filter((w) => !readCacheEntry(o.root, w.key, true))
    .map((w) => ({ doc: w.doc, size: w.size, formats, key: w.key, root: o.root }));
  await runPosterJobs(jobs);
  const publicDir = o.out ? resolve(o.out) : join(o.root, 'dist', 'v', v.id, 'posters');
  const privateDir = join(o.root, PRIVATE_DIR, v.id);
  const written: string[] = [];
  for (const w of wanted) {
    const dest = w.doc.personal ? privateDir : publicDir;
    mkdirSync(dest, { recursive: true });
    for (const f of listPosterFiles(getPosterFiles(w.doc, SIZES[w.size], w.sheets, formats))) {
      // Replaced, never written through: a file there may be a hard link into the poster cache (the build's).
      rmSync(join(dest, f), { force: true });
      copyFileSync(getCachedFile(o.root, w.key, f), join(dest, f));
      written.push(join(dest, f));
    }
  }
  return { files: written, rendered: jobs.length, reused: wanted.length - jobs.length };
}
