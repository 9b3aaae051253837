/**
 * Assembles the province portal from the county shards: copies each shard to /<id>/, writes the
 * portal pages (portal.ts), the province directory index (a small Pagefind index of villages,
 * townships and running notices, which the search page merges with a county's own bundle on
 * demand) and the search script, and counts the files against the host's limits (files.ts): the
 * whole portal, and each county as if it were deployed alone.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { cutAmountTail } from '../lib/search-amounts.ts';
import { SEARCH_WORD_CHARACTERS } from '../lib/search-query.ts';
import { CountySummarySchema } from '../schemas/county-summary.ts';
import type { Province } from '../schemas/province.ts';
import { checkHostLimits, countEntries, HOSTS, type Host } from '../lib/deploy-hosts.ts';
import { formatKinds, measureDeploy, type DeployReport } from './files.ts';
import {
  directoryIndexText,
  listDirectoryRecords,
  portalBase,
  renderCompliance,
  renderCountyDirectory,
  renderHome,
  renderSearch,
  sumCounties,
  type PortalCounty,
  type PortalInput,
} from './portal.ts';

export const SEARCH_SCRIPT = 'search/province-search.js';
const UNUSED_BUNDLE_FILES = /^pagefind-(ui|modular-ui|component-ui|highlight|worker)\.(js|css)$/;
/** A bundle merged into the hub uses the hub's code and WebAssembly: its own copies are not needed. */
const MERGED_BUNDLE_FILES = /^(pagefind\.js|wasm\..*\.pagefind)$/;

export interface FileCounts {
  total: number;
  /** Files under each top-level folder ("." for files at the top). */
  byFolder: Record<string, number>;
}

export function countFiles(dir: string): FileCounts {
  const byFolder: Record<string, number> = {};
  let total = 0;
  const walk = (d: string, top: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name), top || e.name);
      else {
        total++;
        byFolder[top || '.'] = (byFolder[top || '.'] ?? 0) + 1;
      }
    }
  };
  walk(dir, '');
  return { total, byFolder: Object.fromEntries(Object.entries(byFolder).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
}

/** Reads shards/<id>/county.json; undefined (county unavailable) when missing or not a county summary. */
export function readCountySummary(shards: string, id: string): { summary: PortalCounty['summary']; problem?: string } {
  const file = join(shards, id, 'county.json');
  if (!existsSync(file)) return { summary: undefined, problem: `${id}: 没有 ${file}（该县未构建成功）。 missing: the county's build did not succeed.` };
  const parsed = CountySummarySchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) return { summary: undefined, problem: `${id}: ${file} 格式不对 is not a county summary: ${parsed.error.issues[0]?.message}` };
  return { summary: parsed.data };
}

export async function assemblePortal(options: {
  province: Province;
  shards: string;
  out: string;
  project: string;
}): Promise<{ lines: string[]; overCap: boolean }> {
  const { province, shards, out, project } = options;
  const lines: string[] = [];
  const counties: PortalCounty[] = province.counties.map((c) => {
    const { summary, problem } = readCountySummary(shards, c.id);
    if (problem) lines.push(`暂缺 unavailable: ${problem}`);
    return { id: c.id, name: c.name, summary };
  });
  mkdirSync(out, { recursive: true });
  for (const c of counties) if (c.summary) cpSync(join(shards, c.id), join(out, c.id), { recursive: true, dereference: true });

  const styles = join(project, 'src', 'styles');
  const css = ['tokens.css', 'site.css'].map((f) => readFileSync(join(styles, f), 'utf8')).join('\n');
  const input: PortalInput = { province, counties, css, searchCss: readFileSync(join(styles, 'search.css'), 'utf8') };
  const base = portalBase(province);
  const write = (path: string, text: string) => {
    mkdirSync(join(out, path, '..'), { recursive: true });
    writeFileSync(join(out, path), text);
  };
  write('index.html', renderHome(input));
  write('compliance/index.html', renderCompliance(input));
  write('search/index.html', renderSearch(input, `${base}${SEARCH_SCRIPT}`));
  for (const c of counties) if (c.summary) write(`c/${c.id}/index.html`, renderCountyDirectory(input, { ...c, summary: c.summary }));

  // The search script: src/client/province-search.ts and the pure modules it imports, minified.
  const esbuild = await import('esbuild');
  const bundled = await esbuild.build({
    entryPoints: [join(project, 'src', 'client', 'province-search.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    legalComments: 'none',
  });
  write(SEARCH_SCRIPT, bundled.outputFiles[0]!.text);

  // The directory index (villages, townships and running notices of every available county) at pagefind/directory/,
  // and the hub at pagefind/ (Pagefind's code and WebAssembly with a one-page index no query finds): the search page
  // merges the directory and each county bundle it needs into an instance of the hub of its own, as a county's search
  // page does, so a ledger result is known to come from its bundle and can read its entries there.
  const records = listDirectoryRecords(input);
  const hubDir = join(out, 'pagefind');
  const directoryDir = join(hubDir, 'directory');
  const staging = join(out, '.pagefind-hub');
  await writePagefind(staging, [{ url: `${base}search/`, content: HUB_TEXT }]);
  await writePagefind(
    directoryDir,
    records.map((r) => ({
      url: r.url,
      content: directoryIndexText(r),
      meta: { title: r.title, kind: r.kind, county: r.countyName },
      filters: { county: [r.county], kind: [r.kind] },
    })),
  );
  cutAmountTails(directoryDir);
  for (const f of readdirSync(staging)) renameSync(join(staging, f), join(hubDir, f));
  rmSync(staging, { recursive: true, force: true });
  for (const f of readdirSync(hubDir)) if (UNUSED_BUNDLE_FILES.test(f)) rmSync(join(hubDir, f));
  for (const f of readdirSync(directoryDir)) if (UNUSED_BUNDLE_FILES.test(f) || MERGED_BUNDLE_FILES.test(f)) rmSync(join(directoryDir, f));

  const counts = countFiles(out);
  const totals = sumCounties(counties);
  const portalFiles = Object.entries(counts.byFolder)
    .filter(([k]) => !counties.some((c) => c.id === k))
    .reduce((s, [, n]) => s + n, 0);
  lines.push(`门户 portal: ${totals.available}/${totals.counties} 个县，${totals.villages} 个村，${records.length} 条目录索引 directory records.`);
  const { host, cap } = getPortalHost(province);
  lines.push(`主机 host: ${host.name}，${describeCap(host, cap)}（${host.source}）`);
  const perCounty: Record<string, DeployReport & { entries: number; overLimits: string[] }> = {};
  for (const c of counties) {
    if (!c.summary) continue;
    const size = measureDeploy(join(out, c.id));
    const overLimits = checkHostLimits(size, host, cap);
    perCounty[c.id] = { ...size, entries: countEntries(size, host), overLimits };
    lines.push(formatCountyLine(c.id, size, host, cap, overLimits));
  }
  lines.push(`  门户自身 portal pages and index\t${portalFiles} files`);
  const whole = measureDeploy(out);
  const entries = countEntries(whole, host);
  const over = checkHostLimits(whole, host, cap);
  lines.push(
    `合计 total: ${whole.files} files, ${whole.directories} directories, ${(whole.bytes / 1024 / 1024).toFixed(0)} MiB${cap === undefined ? '' : `，计 ${entries} / 上限 cap ${cap}`}`,
  );
  if (over.length > 0)
    lines.push(
      `超过主机限制 over the host's limits: ${over.join('; ')}。请换用上限更高的主机（portal.host），或按县分开发布（每个县单独一个部署）。 Use a host with higher limits (portal.host) or deploy each county on its own.`,
    );
  writeFileSync(
    join(out, 'files.json'),
    `${JSON.stringify({ host: province.portal.host, cap: cap ?? null, total: counts.total, entries, byFolder: counts.byFolder, counties: perCounty }, null, 1)}\n`,
  );
  return { lines, overCap: over.length > 0 };
}

const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/**
 * Cuts the amount tail (directoryIndexText) from the stored text of each fragment in the Pagefind index at `dir`, as a
 * county's build does: excerpts read as the record, and a record found only by an amount shows where it is stated.
 * A fragment is gzipped JSON after Pagefind's signature; it keeps its name.
 */
function cutAmountTails(dir: string): void {
  const fragments = join(dir, 'fragment');
  if (!existsSync(fragments)) return;
  for (const name of readdirSync(fragments)) {
    const file = join(fragments, name);
    const raw = gunzipSync(readFileSync(file));
    if (raw.subarray(0, FRAGMENT_SIGNATURE.length).toString('utf8') !== FRAGMENT_SIGNATURE)
      throw new Error(`Pagefind 片段格式不认识：${file}。Unknown Pagefind fragment format: ${file}`);
    const fragment = JSON.parse(raw.subarray(FRAGMENT_SIGNATURE.length).toString('utf8')) as { content: string };
    const cut = cutAmountTail(fragment);
    if (cut !== fragment) writeFileSync(file, gzipSync(Buffer.concat([Buffer.from(FRAGMENT_SIGNATURE), Buffer.from(JSON.stringify(cut))]), { level: 9 }));
  }
}

/** The hub's one page: a word no query has. */
const HUB_TEXT = 'gongkaihubxq';

/** A Pagefind index of `records` written to `dir` (which Pagefind empties first). */
async function writePagefind(
  dir: string,
  records: readonly { url: string; content: string; meta?: Record<string, string>; filters?: Record<string, string[]> }[],
): Promise<void> {
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'zh-cn', includeCharacters: SEARCH_WORD_CHARACTERS });
    if (!created.index) throw new Error(`Pagefind 无法启动。Pagefind could not start: ${created.errors.join('; ')}`);
    for (const r of records) {
      const added = await created.index.addCustomRecord({ ...r, language: 'zh-cn' });
      if (added.errors.length > 0) throw new Error(`索引目录出错 Indexing the directory failed: ${added.errors.join('; ')}`);
    }
    const written = await created.index.writeFiles({ outputPath: dir });
    if (written.errors.length > 0) throw new Error(`写入目录索引出错 Writing the directory index failed: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}

/** The portal's host and the file cap in force (portal.fileCap overrides the host's). */
export function getPortalHost(province: Province): { host: Host; cap: number | undefined } {
  const host: Host = HOSTS[province.portal.host];
  return { host, cap: province.portal.fileCap ?? host.fileCap };
}

function describeCap(host: Host, cap: number | undefined): string {
  if (cap === undefined) return '文件数不限 no file cap';
  return `每个部署最多 ${cap} 个${host.countsDirectories ? '文件和目录 files and directories' : '文件 files'} per deployment`;
}

/** One county's line of the report: its files by kind, against the cap, as if deployed alone. */
export function formatCountyLine(id: string, size: DeployReport, host: Host, cap: number | undefined, overLimits: readonly string[]): string {
  const entries = countEntries(size, host);
  const against = cap === undefined ? '' : ` → ${entries} / ${cap}`;
  const verdict = overLimits.length === 0 ? '✓ 单独部署也在上限内 fits alone' : `✗ 单独部署超限 over alone: ${overLimits.join('; ')}`;
  return `  ${id}\t${size.files} files (${formatKinds(size.byKind)}), ${size.directories} directories${against} ${verdict}`;
}
