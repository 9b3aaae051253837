/**
 * `npm run province -- <command>`: a province on top of the county build (scripts/build.ts, used as
 * a black box). Each county is a shard: its own content, build, search bundle and deploy folder.
 *
 *   pipeline --province province.yaml --target gitlab|github [--out file]
 *       the child pipeline (GitLab) or job matrix (GitHub) for the counties, with cache keys
 *   build --province province.yaml --counties a,b --shards shards [--no-posters]
 *       builds those counties into shards/<id>/, skipping any whose county.json has the same input hash
 *       (--no-posters: without posters, for benchmarks; see scripts/build.ts)
 *   assemble --province province.yaml --shards shards --out public
 *       the portal: each county under /<id>/, home, county directories, compliance, search
 *   files --dir public [--host gitlab-pages] [--cap N]
 *       counts a deploy's files per top-level folder and by kind, says which hosts it fits
 *       (src/lib/deploy-hosts.ts) and fails above the chosen host's limits (default: no host)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { resolveAsOf } from '../src/check/as-of.ts';
import { countyBaseUrl, readProvince } from '../src/province/load.ts';
import { assemblePortal, countFiles } from '../src/province/assemble.ts';
import { measureDeploy, formatKinds } from '../src/province/files.ts';
import { checkHostLimits, countEntries, HOST_IDS, HOSTS, type Host } from '../src/lib/deploy-hosts.ts';
import { countyInputHash } from '../src/build/input-hash.ts';
import { githubMatrix, gitlabChildPipeline, planShardJobs } from '../src/province/pipeline.ts';
import type { Province, ProvinceCounty } from '../src/schemas/province.ts';
import { readCommandLine } from '../src/tools/command-line.ts';

const project = join(import.meta.dirname, '..');
const [command, ...rest] = process.argv.slice(2);
const USAGE = `用法 usage: npm run province -- <pipeline|build|assemble|files> [选项 options]
  pipeline --province province.yaml --target gitlab|github [--out <文件 file>]
  build --province province.yaml --counties a,b --shards shards [--no-posters]
  assemble --province province.yaml --shards shards --out public
  files --dir public [--host gitlab-pages] [--cap N]
  详见 scripts/province.ts 与 README “全省门户”。See scripts/province.ts and the README's province section.`;
const { values } = readCommandLine(
  {
    args: rest,
    options: {
      province: { type: 'string', default: 'province.yaml' },
      target: { type: 'string', default: 'gitlab' },
      out: { type: 'string' },
      counties: { type: 'string' },
      shards: { type: 'string', default: 'shards' },
      dir: { type: 'string' },
      cap: { type: 'string' },
      host: { type: 'string' },
      'no-posters': { type: 'boolean', default: false },
    },
  },
  USAGE,
);

function die(lines: string[]): never {
  for (const l of lines) console.error(l);
  process.exit(1);
}

function loadProvince(): { province: Province; file: string; dir: string } {
  const file = resolve(values.province);
  if (!existsSync(file)) die([`找不到 ${values.province}。 ${values.province} not found: run from the province repository or pass --province <file>.`]);
  const result = readProvince(file);
  if (!result.province) die(result.problems);
  return { province: result.province, file, dir: dirname(file) };
}

/** The folder holding county c's content/: its path, or a shallow clone of its git ref. */
function countyRoot(c: ProvinceCounty, dir: string): string {
  if (c.path) return resolve(dir, c.path);
  const git = c.git!;
  const into = join(dir, '.province-work', 'git', c.id);
  if (!existsSync(join(into, '.git'))) {
    mkdirSync(dirname(into), { recursive: true });
    const cloned = spawnSync('git', ['clone', '--quiet', '--depth', '1', '--branch', git.ref, git.url, into], { stdio: 'inherit' });
    if (cloned.status !== 0) die([`县 ${c.id}：无法取得 ${git.url} 的 ${git.ref}。 County ${c.id}: could not clone ${git.url} at ${git.ref}.`]);
  }
  return resolve(into, git.dir);
}

function siteYaml(root: string): { baseUrl?: string; asOf?: string } {
  return parse(readFileSync(join(root, 'content', 'site.yaml'), 'utf8'), { schema: 'failsafe' }) as { baseUrl?: string; asOf?: string };
}

function inputHashOf(c: ProvinceCounty, dir: string): string {
  const root = countyRoot(c, dir);
  return countyInputHash(root, project, resolveAsOf(siteYaml(root).asOf, process.env, new Date()));
}

function pipeline(): void {
  const { province, dir } = loadProvince();
  const hashes = Object.fromEntries(province.counties.map((c) => [c.id, inputHashOf(c, dir)]));
  const target = values.target === 'github' ? 'github' : 'gitlab';
  const jobs = planShardJobs(province, hashes);
  const text = target === 'gitlab' ? gitlabChildPipeline(jobs, { provinceFile: values.province }) : `${JSON.stringify(githubMatrix(jobs))}\n`;
  if (values.out) writeFileSync(values.out, text);
  else process.stdout.write(text);
  console.error(`${province.counties.length} 个县，${jobs.length} 个构建任务。 ${province.counties.length} counties in ${jobs.length} job(s).`);
}

function build(): void {
  const { province, dir } = loadProvince();
  const wanted = values.counties ? values.counties.split(',').filter(Boolean) : province.counties.map((c) => c.id);
  const shards = resolve(values.shards);
  mkdirSync(shards, { recursive: true });
  let failed = 0;
  for (const id of wanted) {
    const c = province.counties.find((x) => x.id === id);
    if (!c) die([`province.yaml 中没有县 “${id}”。 No county "${id}" in province.yaml.`]);
    const root = countyRoot(c, dir);
    const site = siteYaml(root);
    const expected = countyBaseUrl(province, c.id);
    if (site.baseUrl !== expected) {
      console.error(
        `${c.id}: content/site.yaml: baseUrl: 是 ${site.baseUrl}，应为 ${expected}（县站点放在全省门户的 /${c.id}/ 下）。 is ${site.baseUrl}, must be ${expected} (the county is served under /${c.id}/ on the portal).`,
      );
      failed++;
      continue;
    }
    const hash = countyInputHash(root, project, resolveAsOf(site.asOf, process.env, new Date()));
    const out = join(shards, c.id);
    const summary = join(out, 'county.json');
    if (existsSync(summary) && (JSON.parse(readFileSync(summary, 'utf8')) as { inputHash?: string }).inputHash === hash) {
      console.log(`${c.id}: 未改动，沿用上次构建。 unchanged (input ${hash.slice(0, 12)}), kept from the cache.`);
      continue;
    }
    const started = performance.now();
    // The build runs in the county's folder: it reads and writes only there and in `out`.
    const run = spawnSync(
      process.execPath,
      [join(project, 'scripts', 'build.ts'), '--root', root, '--out', out, '--full', ...(values['no-posters'] ? ['--no-posters'] : [])],
      { cwd: root, stdio: 'inherit' },
    );
    if (run.status !== 0) {
      console.error(`${c.id}: 构建失败，该县本次暂缺。 build failed; the county stays unavailable this time.`);
      failed++;
      continue;
    }
    // The build publishes `out` as a link to a release folder inside the county folder; a CI artifact
    // must hold the files themselves, so the shard becomes a plain folder.
    if (lstatSync(out).isSymbolicLink()) {
      const copy = `${out}.copy-${process.pid}`;
      cpSync(realpathSync(out), copy, { recursive: true });
      rmSync(out);
      renameSync(copy, out);
    }
    console.log(`${c.id}: 已构建 built in ${Math.round(performance.now() - started)} ms (input ${hash.slice(0, 12)}).`);
  }
  if (failed > 0) process.exit(1);
}

async function assemble(): Promise<void> {
  const { province } = loadProvince();
  const out = resolve(values.out ?? 'public');
  const staging = `${out}.assembling`;
  rmSync(staging, { recursive: true, force: true });
  const report = await assemblePortal({ province, shards: resolve(values.shards), out: staging, project });
  rmSync(out, { recursive: true, force: true });
  renameSync(staging, out);
  for (const line of report.lines) console.log(line);
  if (report.overCap) process.exit(1);
}

function files(): void {
  const dir = resolve(values.dir ?? 'public');
  if (values.host !== undefined && !(HOST_IDS as string[]).includes(values.host))
    die([`--host ${values.host}：没有这个主机。 Unknown host; one of: ${HOST_IDS.join(', ')}.`]);
  const counts = countFiles(dir);
  const size = measureDeploy(dir);
  for (const [folder, n] of Object.entries(counts.byFolder)) console.log(`${folder}\t${n}`);
  console.log(`合计 total\t${size.files} files (${formatKinds(size.byKind)}), ${size.directories} directories, ${(size.bytes / 1024 / 1024).toFixed(0)} MiB`);
  for (const id of HOST_IDS) {
    const host: Host = HOSTS[id];
    const over = checkHostLimits(size, host);
    console.log(
      `  ${over.length === 0 ? '✓' : '✗'} ${id}\t${host.fileCap === undefined ? '' : `${countEntries(size, host)} / ${host.fileCap} `}${over.join('; ')}`,
    );
  }
  if (values.host === undefined && values.cap === undefined) return;
  const host: Host = values.host ? HOSTS[values.host as keyof typeof HOSTS] : HOSTS.nginx;
  const over = checkHostLimits(size, host, values.cap === undefined ? host.fileCap : Number(values.cap));
  if (over.length > 0) die([`超过 ${host.name} 的限制 over the limits of ${host.name}: ${over.join('; ')}`]);
}

if (command === 'pipeline') pipeline();
else if (command === 'build') build();
else if (command === 'assemble') await assemble();
else if (command === 'files') files();
else die([USAGE]);
