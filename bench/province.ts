/**
 * `node bench/province.ts [--counties 4] [--villages 300] [--quarters 8] [--parallel 2] [--no-posters]` (or
 * `npm run bench -- --only province` with these defaults): generates N synthetic counties, builds
 * each as a province shard (`npm run province -- build`, at most --parallel at once, as two CI
 * runners would), then assembles the portal. Records per shard: wall time, peak RSS of its process
 * tree (build, poster workers, Pagefind), its CPU time, files by kind, directories and bytes; writes results/province-<…>.json and
 * prints the per-village figures bench/README.md's province estimate is worked from.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { measureDeploy, type FileKind } from '../src/province/files.ts';
import { describeMachine } from './lib/machine.ts';
import { runSampled, type RunResult } from './lib/proc.ts';
import { megabytes, seconds, table } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    counties: { type: 'string', default: '4' },
    villages: { type: 'string', default: '300' },
    quarters: { type: 'string', default: '8' },
    parallel: { type: 'string', default: '2' },
    'no-posters': { type: 'boolean', default: false },
  },
});
const N = Number(values.counties);
const V = Number(values.villages);
const Q = Number(values.quarters);
const P = Number(values.parallel);
const project = join(import.meta.dirname, '..');
const node = process.execPath;
const noPosters = values['no-posters'];
const label = `province-${N}x${V}v-${Q}q${noPosters ? '-noposters' : ''}`;
const work = join(project, 'bench', '.work', label);
const ids = Array.from({ length: N }, (_, i) => `c${i + 1}`);

function walk(dir: string): { files: number; directories: number; bytes: number; byKind?: Record<FileKind, number> } {
  const { files, directories, bytes, byKind } = measureDeploy(dir);
  return { files, directories, bytes, byKind };
}

console.log(`${label}: generating ${N} counties of ${V} villages × ${Q} quarters in ${work}`);
mkdirSync(work, { recursive: true });
for (const [i, id] of ids.entries()) {
  const dir = join(work, 'counties', id);
  if (!existsSync(join(dir, 'content', 'site.yaml')))
    execFileSync(node, [join(project, 'scripts/gen.ts'), '--villages', String(V), '--quarters', String(Q), '--seed', String(i + 1), '--out', dir], {
      stdio: 'inherit',
    });
  const site = join(dir, 'content', 'site.yaml');
  writeFileSync(site, readFileSync(site, 'utf8').replace(/^baseUrl: .*$/m, `baseUrl: https://cwgk.example.cn/${id}/`));
}
writeFileSync(
  join(work, 'province.yaml'),
  `name: 基准测试省\nbaseUrl: https://cwgk.example.cn/\ncounties:\n${ids.map((id) => `  - { id: ${id}, name: ${id}县, path: counties/${id} }`).join('\n')}\n`,
);

// Cold shards: no previous output, no poster cache (a county's first build on a fresh runner).
execFileSync('rm', [
  '-rf',
  join(work, 'shards'),
  ...ids.flatMap((id) => [
    join(work, 'counties', id, '.gongkai-cache'),
    join(work, 'counties', id, '.gongkai-build'),
    join(work, 'counties', id, '.astro-cache'),
  ]),
]);
const shards: Record<string, RunResult> = {};
const started = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: P }, async () => {
    while (next < ids.length) {
      const id = ids[next++]!;
      console.log(`  building ${id} …`);
      shards[id] = await runSampled(
        node,
        [
          join(project, 'scripts/province.ts'),
          'build',
          '--province',
          'province.yaml',
          '--counties',
          id,
          '--shards',
          'shards',
          ...(noPosters ? ['--no-posters'] : []),
        ],
        { cwd: work, env: { ...process.env, GONGKAI_AS_OF: '' }, logFile: join(work, `${id}.log`) },
      );
      console.log(`  ${id}: ${shards[id].code === 0 ? 'ok' : 'FAILED'} in ${seconds(shards[id].wallMs)} s, peak ${megabytes(shards[id].peakRssBytes)} MB`);
    }
  }),
);
const shardsWallMs = performance.now() - started;
const assemble = await runSampled(
  node,
  [join(project, 'scripts/province.ts'), 'assemble', '--province', 'province.yaml', '--shards', 'shards', '--out', 'public'],
  { cwd: work },
);
const perCounty = ids.map((id) => ({
  id,
  ...(existsSync(join(work, 'shards', id)) ? walk(join(work, 'shards', id)) : { files: 0, directories: 0, bytes: 0 }),
  wallMs: shards[id]!.wallMs,
  peakRssBytes: shards[id]!.peakRssBytes,
  cpuMs: shards[id]!.sampledCpuMs,
  meanLoad: shards[id]!.meanLoad,
  ok: shards[id]!.code === 0,
}));
const portal = existsSync(join(work, 'public')) ? walk(join(work, 'public')) : { files: 0, directories: 0, bytes: 0 };
const portalOwn = { files: portal.files - perCounty.reduce((n, c) => n + c.files, 0), bytes: portal.bytes - perCounty.reduce((n, c) => n + c.bytes, 0) };
const villages = N * V;
const result = {
  counties: N,
  villages: V,
  quarters: Q,
  parallel: P,
  posters: !noPosters,
  machine: describeMachine(project),
  shards: perCounty,
  shardsWallMs,
  assemble: { ok: assemble.code === 0, wallMs: assemble.wallMs, peakRssBytes: assemble.peakRssBytes },
  portal: { files: portal.files, bytes: portal.bytes, ownFiles: portalOwn.files, ownBytes: portalOwn.bytes },
  perVillage: {
    shardSeconds: perCounty.reduce((n, c) => n + c.wallMs, 0) / 1000 / villages,
    cpuSeconds: perCounty.reduce((n, c) => n + c.cpuMs, 0) / 1000 / villages,
    files: perCounty.reduce((n, c) => n + c.files, 0) / villages,
    bytes: perCounty.reduce((n, c) => n + c.bytes, 0) / villages,
  },
};
mkdirSync(join(project, 'bench', 'results'), { recursive: true });
writeFileSync(join(project, 'bench', 'results', `${label}.json`), `${JSON.stringify(result, null, 2)}\n`);
console.log(
  table(
    ['shard', 'ok', 'wall s', 'CPU s', 'peak RSS MB', 'mean load', 'files', 'directories', 'MB'],
    perCounty.map((c) => [
      c.id,
      c.ok ? 'yes' : 'NO',
      seconds(c.wallMs),
      seconds(c.cpuMs),
      megabytes(c.peakRssBytes),
      c.meanLoad,
      c.files,
      c.directories,
      megabytes(c.bytes),
    ]),
  ),
);
console.log(
  `all shards ${seconds(shardsWallMs)} s wall (${P} at once); assemble ${seconds(assemble.wallMs)} s; portal ${portal.files} files (${portalOwn.files} of its own), ${megabytes(portal.bytes)} MB`,
);
console.log(
  `per village: ${result.perVillage.shardSeconds.toFixed(2)} shard-seconds, ${result.perVillage.cpuSeconds.toFixed(2)} CPU-seconds, ${result.perVillage.files.toFixed(1)} files, ${(result.perVillage.bytes / 1000).toFixed(0)} KB`,
);
if (perCounty.some((c) => !c.ok) || !result.assemble.ok) process.exit(1);
