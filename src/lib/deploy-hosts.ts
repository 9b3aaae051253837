/**
 * Static hosts and what one deployment may hold there, as data (checked 2026-12-06 against each
 * host's documentation, linked in `source`). `portal.host` in province.yaml picks one; the file
 * report (src/province/files.ts) compares each county and the whole portal with it. Pure: no fs.
 */

export interface Host {
  /** Shown in reports, e.g. Cloudflare Pages (Free). */
  name: string;
  /** Most entries one deployment may hold; undefined: no cap. */
  fileCap?: number;
  /** true when directories (and links) count towards fileCap, as on GitLab Pages. */
  countsDirectories: boolean;
  /** Most files in one directory; undefined: no such limit. */
  perDirectoryCap?: number;
  /** Most bytes of one deployment; undefined: no cap. */
  siteBytesCap?: number;
  /** Largest single file, in bytes; undefined: no cap. */
  fileBytesCap?: number;
  /** Where the figures come from. */
  source: string;
}

const MiB = 1024 * 1024;
/** "1 GB" as the hosts write it, read as 10⁹ bytes: the stricter reading, so a report never says a site fits when it may not. */
const GB = 1_000_000_000;

export const HOSTS = {
  /** Our own server (deploy/nginx) or object storage behind a CDN: no cap. */
  nginx: { name: 'nginx（自有服务器 own server）', countsDirectories: false, source: 'deploy/nginx/gongkai.conf' },
  'cloudflare-pages-free': {
    name: 'Cloudflare Pages (Free)',
    fileCap: 20_000,
    countsDirectories: false,
    fileBytesCap: 25 * MiB,
    source: 'https://developers.cloudflare.com/pages/platform/limits/#files',
  },
  'cloudflare-pages-paid': {
    name: 'Cloudflare Pages (paid, PAGES_WRANGLER_MAJOR_VERSION=4)',
    fileCap: 100_000,
    countsDirectories: false,
    fileBytesCap: 25 * MiB,
    source: 'https://developers.cloudflare.com/changelog/post/2026-01-23-pages-file-limit-increase/',
  },
  'gitlab-pages': {
    name: 'GitLab Pages (GitLab.com)',
    fileCap: 200_000,
    countsDirectories: true,
    siteBytesCap: GB,
    source: 'https://gitlab.com/gitlab-org/gitlab/-/issues/500273 (file entries incl. directories); 1 GB site size',
  },
  'github-pages': {
    name: 'GitHub Pages',
    countsDirectories: false,
    siteBytesCap: GB,
    source: 'https://docs.github.com/en/pages/getting-started-with-github-pages/github-pages-limits',
  },
  netlify: {
    name: 'Netlify',
    countsDirectories: false,
    perDirectoryCap: 54_000,
    source: 'https://docs.netlify.com/site-deploys/overview/#files-per-directory-limit',
  },
} as const satisfies Record<string, Host>;

export type HostId = keyof typeof HOSTS;
export const HOST_IDS = Object.keys(HOSTS) as [HostId, ...HostId[]];

/** What a deployment holds, as the host counts it (files.ts measures it). */
export interface DeploySize {
  files: number;
  directories: number;
  bytes: number;
  /** The directory holding the most files directly, and how many. */
  fullestDirectory: { path: string; files: number };
  /** The largest file and its size in bytes. */
  largestFile: { path: string; bytes: number };
  /** Every file larger than `SMALLEST_FILE_BYTES_CAP` (the only ones a host's per-file cap can refuse), largest first. */
  largeFiles: { path: string; bytes: number }[];
}

/** The entries a host counts against its file cap. */
export function countEntries(size: DeploySize, host: Host): number {
  return size.files + (host.countsDirectories ? size.directories : 0);
}

/** Each limit of `host` that `size` breaks, in Chinese with the English beside it; empty when it fits. */
export function checkHostLimits(size: DeploySize, host: Host, cap: number | undefined = host.fileCap): string[] {
  const out: string[] = [];
  const entries = countEntries(size, host);
  const what = host.countsDirectories ? '文件和目录 files and directories' : '文件 files';
  if (cap !== undefined && entries > cap) out.push(`${what} ${entries} > 上限 cap ${cap}`);
  if (host.perDirectoryCap !== undefined && size.fullestDirectory.files > host.perDirectoryCap)
    out.push(`目录 ${size.fullestDirectory.path} 有 ${size.fullestDirectory.files} 个文件 > 每目录上限 per-directory cap ${host.perDirectoryCap}`);
  if (host.siteBytesCap !== undefined && size.bytes > host.siteBytesCap)
    out.push(`总大小 size ${(size.bytes / 1e6).toFixed(0)} MB > 上限 cap ${(host.siteBytesCap / 1e6).toFixed(0)} MB`);
  // Every file over the cap is named (a county's split data files and quarter PDFs can be over it together).
  const fileCap = host.fileBytesCap;
  if (fileCap !== undefined)
    for (const f of size.largeFiles.filter((x) => x.bytes > fileCap))
      out.push(`文件 ${f.path} ${(f.bytes / MiB).toFixed(1)} MiB > 单文件上限 file cap ${(fileCap / MiB).toFixed(0)} MiB`);
  return out;
}

/** The smallest per-file cap of the hosts above (Cloudflare Pages: 25 MiB): a file no larger fits on every host. */
export const SMALLEST_FILE_BYTES_CAP = Math.min(
  ...Object.values(HOSTS as Record<string, Host>).flatMap((h) => (h.fileBytesCap === undefined ? [] : [h.fileBytesCap])),
);

/**
 * Largest data file the county's open data is split to (src/opendata/files.ts): four fifths of the smallest per-file cap
 * of the hosts above (Cloudflare Pages' 25 MiB → 20 MiB), so a county's files fit on every host with room to spare.
 * `scripts/build.ts --data-file-mb` sets another.
 */
export const DATA_FILE_BYTES = Math.floor((SMALLEST_FILE_BYTES_CAP * 4) / 5);
