/**
 * `npm run bench -- --only posters` (or `node bench/posters.ts`): how long the poster step takes on the
 * demo county.
 *
 *   cold    empty cache: every poster rendered (what CI and a first build pay)
 *   warm    nothing changed: every poster copied from the cache
 *   update  one village changed one ledger entry: only its finance poster rendered again
 *   layout  laying out every poster at every size (what the web pages pay for sheet counts)
 *
 * Each is run --repeat times (default 3) in a fresh temporary project folder; medians are printed.
 * --workers N sets the number of worker processes (default: one per core, at most 4).
 * Timings are wall-clock and depend on the machine and its load; no test asserts them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCounty } from '../src/check/load.ts';
import type { County } from '../src/check/model.ts';
import { buildPosters } from '../src/posters/build-step.ts';
import { buildPosterDocs } from '../src/posters/documents.ts';
import { getLayoutFonts } from '../src/posters/fonts.ts';
import { layoutPoster } from '../src/posters/layout.ts';
import { POSTER_SIZES, SIZES } from '../src/posters/sizes.ts';

const { values } = parseArgs({ options: { repeat: { type: 'string', default: '3' }, workers: { type: 'string' } } });
const repeat = Math.max(1, Number(values.repeat));
if (values.workers) process.env['GONGKAI_POSTER_WORKERS'] = values.workers;

const county = loadCounty(process.cwd(), { env: {} }).county;
if (!county) throw new Error('内容检查未通过 / the content check failed; run npm run check');

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** The county with one entry of maqu's 2025-q3 ledger reworded: a small quarterly update. */
function updated(c: County, n: number): County {
  const copy = structuredClone(c);
  const l = copy.villages.find((v) => v.id === 'maqu')!.ledgers.find((x) => x.id === '2025-q3')!;
  l.data.expense[0] = { ...l.data.expense[0]!, summary: `${l.data.expense[0]!.summary}（更新 ${n}）` };
  return copy;
}

const times: Record<'cold' | 'warm' | 'update' | 'layout', number[]> = { cold: [], warm: [], update: [], layout: [] };
let counts = { posters: 0, sheets: 0 };
for (let i = 0; i < repeat; i += 1) {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-bench-posters-'));
  const ctx = { root, outDir: join(root, 'dist'), log: () => {} };
  try {
    const cold = await buildPosters({ ...ctx, county });
    times.cold.push(cold.ms);
    counts = { posters: cold.rendered.length, sheets: 0 };
    const warm = await buildPosters({ ...ctx, county });
    if (warm.rendered.length !== 0) throw new Error(`warm run rendered ${warm.rendered.length}`);
    times.warm.push(warm.ms);
    const upd = await buildPosters({ ...ctx, county: updated(county, i) });
    times.update.push(upd.ms);
    if (upd.rendered.length !== 2) throw new Error(`update rendered ${upd.rendered.join(', ')}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const t = performance.now();
  const fonts = getLayoutFonts();
  let sheets = 0;
  for (const d of buildPosterDocs(county)) for (const s of POSTER_SIZES) sheets += layoutPoster(d, SIZES[s], fonts).sheets.length;
  times.layout.push(Math.round(performance.now() - t));
  counts.sheets = sheets;
}

const workers = values.workers ?? `${Math.min(4, availableParallelism())} (default)`;
console.log(`海报基准 poster benchmark — demo county, ${counts.posters} poster×size jobs, ${counts.sheets} sheets, ${repeat} run(s), workers ${workers}, cores ${availableParallelism()}, load average ${loadavg()[0]!.toFixed(1)}`);
for (const [k, v] of Object.entries(times)) console.log(`  ${k.padEnd(7)} median ${String(Math.round(median(v))).padStart(7)} ms   runs ${v.join(', ')}`);
console.log(JSON.stringify({ bench: 'posters', jobs: counts.posters, sheets: counts.sheets, repeat, medians: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, Math.round(median(v))])) }));
