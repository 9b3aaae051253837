/**
 * Fingerprints for the build caches: content digests (the bytes of content/, per village and for
 * the site), a cheap stamp of the tree (paths, sizes, modification times) to notice an edit made
 * during a build, and the fingerprint of the code that turns content into pages.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface ContentDigests {
  /** Everything under content/. */
  all: string;
  /** content/site.yaml (and any other file outside villages/). */
  site: string;
  /** content/villages/<id>/ → digest of that folder. */
  villages: Record<string, string>;
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Feeds every file under `dir` (relative path, length, bytes, in name order) into `hashes`. */
function hashTree(dir: string, rel: string, hashes: ReturnType<typeof createHash>[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort(byName)) {
    const abs = join(dir, e.name);
    const r = `${rel}/${e.name}`;
    if (e.isDirectory()) hashTree(abs, r, hashes);
    else if (e.isFile()) {
      const bytes = readFileSync(abs);
      for (const h of hashes) {
        h.update(`${r}\0${bytes.length}\0`);
        h.update(bytes);
      }
    }
  }
}

/** SHA-256 digests of content/: all of it, the site part, and each village folder. */
export function contentDigests(root: string): ContentDigests {
  const content = join(root, 'content');
  const all = createHash('sha256');
  const site = createHash('sha256');
  const villages: Record<string, string> = {};
  if (existsSync(content)) {
    for (const e of readdirSync(content, { withFileTypes: true }).sort(byName)) {
      const abs = join(content, e.name);
      if (e.isDirectory() && e.name === 'villages') {
        for (const v of readdirSync(abs, { withFileTypes: true }).sort(byName)) {
          const h = createHash('sha256');
          if (v.isDirectory()) hashTree(join(abs, v.name), `content/villages/${v.name}`, [h, all]);
          else if (v.isFile()) {
            const bytes = readFileSync(join(abs, v.name));
            for (const x of [h, all, site]) x.update(`content/villages/${v.name}\0${bytes.length}\0`).update(bytes);
          }
          villages[v.name] = h.digest('hex');
        }
      } else if (e.isDirectory()) hashTree(abs, `content/${e.name}`, [all, site]);
      else if (e.isFile()) {
        const bytes = readFileSync(abs);
        for (const x of [all, site]) x.update(`content/${e.name}\0${bytes.length}\0`).update(bytes);
      }
    }
  }
  return { all: all.digest('hex'), site: site.digest('hex'), villages };
}

/** A cheap stamp of content/: every path with its size and modification time (no bytes read). */
export function contentStamp(root: string): string {
  const h = createHash('sha256');
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort(byName)) {
      const abs = join(dir, e.name);
      if (e.isDirectory()) walk(abs, `${rel}/${e.name}`);
      else if (e.isFile()) {
        const s = statSync(abs);
        h.update(`${rel}/${e.name}\0${s.size}\0${s.mtimeMs}\n`);
      }
    }
  };
  const content = join(root, 'content');
  if (existsSync(content)) walk(content, 'content');
  return h.digest('hex');
}

/**
 * The code that turns content into pages: src/, astro.config.mjs, the build script and the locked
 * dependency versions of `project`. A change to any of them makes every cached check and page stale.
 */
export function codeFingerprint(project: string): string {
  const h = createHash('sha256');
  for (const f of ['astro.config.mjs', 'package-lock.json', 'scripts/build.ts']) {
    const abs = join(project, f);
    if (existsSync(abs)) h.update(`${f}\0`).update(readFileSync(abs));
  }
  for (const d of ['src', 'public']) if (existsSync(join(project, d))) hashTree(join(project, d), d, [h]);
  return h.digest('hex');
}
