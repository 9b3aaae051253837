/**
 * What a county's build deploys, against each static host's limits (issue 18: "bytes and files per
 * county deploy against host caps"): files, directories and bytes of `dist/` by kind (the province
 * file report's walk), the poster files and their bytes, the private posters kept beside it (not
 * published), and for every host of src/lib/deploy-hosts.ts whether the site fits and what it breaks.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { checkHostLimits, countEntries, HOSTS, type HostId } from '../../src/lib/deploy-hosts.ts';
import { getFileKind, measureDeploy, type DeployReport } from '../../src/province/files.ts';

export interface DeployFigures extends DeployReport {
  /** Poster files (PDF, preview) on the site and their bytes. */
  posters: { files: number; bytes: number };
  /** private-posters/ beside the site (personal notices, printed but never published). */
  privatePosters: { files: number; bytes: number };
  /** Per host: the entries it counts, and each limit the site breaks (empty: it fits). */
  hosts: Record<HostId, { entries: number; problems: string[] }>;
}

/** Files and bytes under `dir` whose path (relative to `base`) passes `keep`; 0 when `dir` is missing. */
function sizeOf(dir: string, keep: (rel: string) => boolean = () => true, rel = ''): { files: number; bytes: number } {
  const out = { files: 0, bytes: 0 };
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = rel ? `${rel}/${e.name}` : e.name;
    const st = statSync(join(dir, e.name));
    if (st.isDirectory()) {
      const sub = sizeOf(join(dir, e.name), keep, path);
      out.files += sub.files;
      out.bytes += sub.bytes;
    } else if (keep(path)) {
      out.files += 1;
      out.bytes += st.size;
    }
  }
  return out;
}

/** The deploy of a built county: `dist` (the site) and `privateDir` (its private posters, if any). */
export function measureDeployFigures(dist: string, privateDir: string): DeployFigures {
  const report = measureDeploy(dist);
  const vDir = join(dist, 'v');
  const posters = { files: 0, bytes: 0 };
  if (existsSync(vDir))
    for (const village of readdirSync(vDir)) {
      const s = sizeOf(join(vDir, village, 'posters'), (rel) => getFileKind(`v/${village}/posters/${rel}`) === 'posters');
      posters.files += s.files;
      posters.bytes += s.bytes;
    }
  const hosts = Object.fromEntries(
    (Object.keys(HOSTS) as HostId[]).map((id) => [id, { entries: countEntries(report, HOSTS[id]), problems: checkHostLimits(report, HOSTS[id]) }]),
  ) as DeployFigures['hosts'];
  return { ...report, posters, privatePosters: sizeOf(privateDir), hosts };
}
