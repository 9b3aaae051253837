/**
 * Assembles the province portal from the county shards: copies each shard to /<id>/, writes the
 * portal pages (portal.ts), the province directory index (a small Pagefind index of villages,
 * townships and running notices, which the search page merges with a county's own bundle on
 * demand) and the search script, and counts the files against the host's cap.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { SEARCH_WORD_CHARACTERS, separateHanForIndex } from '../lib/search-query.ts';
import { CountySummarySchema } from '../schemas/county-summary.ts';
import type { Province } from '../schemas/province.ts';
import {
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
  const input: PortalInput = { province, counties, css };
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

  // The directory index: villages, townships and running notices of every available county.
  const records = listDirectoryRecords(input);
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'zh-cn', includeCharacters: SEARCH_WORD_CHARACTERS });
    if (!created.index) throw new Error(`Pagefind 无法启动。Pagefind could not start: ${created.errors.join('; ')}`);
    for (const r of records) {
      const added = await created.index.addCustomRecord({
        url: r.url,
        content: separateHanForIndex(`${r.title} ${r.content}`),
        language: 'zh-cn',
        meta: { title: r.title, kind: r.kind, county: r.countyName },
        filters: { county: [r.county], kind: [r.kind] },
      });
      if (added.errors.length > 0) throw new Error(`索引目录出错 Indexing the directory failed: ${added.errors.join('; ')}`);
    }
    const written = await created.index.writeFiles({ outputPath: join(out, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`写入目录索引出错 Writing the directory index failed: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  for (const f of readdirSync(join(out, 'pagefind'))) if (UNUSED_BUNDLE_FILES.test(f)) rmSync(join(out, 'pagefind', f));

  const counts = countFiles(out);
  const totals = sumCounties(counties);
  const portalFiles = Object.entries(counts.byFolder)
    .filter(([k]) => !counties.some((c) => c.id === k))
    .reduce((s, [, n]) => s + n, 0);
  lines.push(`门户 portal: ${totals.available}/${totals.counties} 个县，${totals.villages} 个村，${records.length} 条目录索引 directory records.`);
  for (const c of counties) if (c.summary) lines.push(`  ${c.id}\t${counts.byFolder[c.id] ?? 0} files`);
  lines.push(`  门户自身 portal pages and index\t${portalFiles} files`);
  lines.push(`文件合计 total files: ${counts.total}（上限 cap ${province.portal.fileCap}）`);
  const overCap = counts.total > province.portal.fileCap;
  if (overCap)
    lines.push(
      `文件数超过上限：请换用上限更高的主机（GitLab Pages 200000），或按县分开发布。 Over the host's file cap: use a host with a higher cap or deploy counties separately.`,
    );
  writeFileSync(join(out, 'files.json'), `${JSON.stringify({ total: counts.total, cap: province.portal.fileCap, byFolder: counts.byFolder }, null, 1)}\n`);
  return { lines, overCap };
}
