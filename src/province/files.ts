/**
 * The deploy file report: what a county's (or the portal's) folder holds, by kind of file, and
 * whether it fits the host's limits (src/lib/deploy-hosts.ts). Used by `npm run province -- assemble | files`.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { SMALLEST_FILE_BYTES_CAP, type DeploySize } from '../lib/deploy-hosts.ts';

/** Kinds of file in a county's deploy, in report order. */
export const FILE_KINDS = ['pages', 'search', 'log', 'posters', 'data', 'feeds', 'kiosk', 'other'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** The kind of a file by its path inside a county's deploy (forward slashes, no leading slash). */
export function getFileKind(path: string): FileKind {
  if (/(^|\/)pagefind\//.test(path) || /^search\/.*\.json$/.test(path)) return 'search';
  if (/^log\//.test(path)) return 'log';
  if (/^v\/[^/]+\/posters\/(?!index\.html$)/.test(path)) return 'posters';
  if (/^kiosk\//.test(path)) return 'kiosk';
  if (/(^|\/)data\//.test(path)) return 'data';
  if (/(^|\/)feed\.(xml|json)$/.test(path)) return 'feeds';
  if (path.endsWith('.html')) return 'pages';
  return 'other';
}

export interface DeployReport extends DeploySize {
  byKind: Record<FileKind, number>;
}

/** Walks `dir` (symbolic links followed) and counts files, directories and bytes, by kind. */
export function measureDeploy(dir: string): DeployReport {
  const byKind = Object.fromEntries(FILE_KINDS.map((k) => [k, 0])) as Record<FileKind, number>;
  const report: DeployReport = {
    files: 0,
    directories: 0,
    bytes: 0,
    fullestDirectory: { path: '.', files: 0 },
    largestFile: { path: '', bytes: 0 },
    largeFiles: [],
    byKind,
  };
  const walk = (abs: string, rel: string) => {
    let here = 0;
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      const st = statSync(join(abs, e.name));
      if (st.isDirectory()) {
        report.directories++;
        walk(join(abs, e.name), path);
      } else {
        here++;
        report.files++;
        report.bytes += st.size;
        byKind[getFileKind(path)]++;
        if (st.size > report.largestFile.bytes) report.largestFile = { path, bytes: st.size };
        if (st.size > SMALLEST_FILE_BYTES_CAP) report.largeFiles.push({ path, bytes: st.size });
      }
    }
    if (here > report.fullestDirectory.files) report.fullestDirectory = { path: rel || '.', files: here };
  };
  walk(dir, '');
  report.largeFiles.sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1));
  return report;
}

/** "pages 24839 · search 25012 · …" (kinds with no file left out). */
export function formatKinds(byKind: Record<FileKind, number>): string {
  return FILE_KINDS.filter((k) => byKind[k] > 0)
    .map((k) => `${k} ${byKind[k]}`)
    .join(' · ');
}
