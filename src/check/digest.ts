/**
 * Fingerprints for the build caches: content digests (the bytes of content/, per village and for
 * the site), a cheap stamp of the tree (paths, sizes, modification times) to notice an edit made
 * during a build, and the fingerprint of the code that turns content into pages.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface ContentDigests {
  /** Everything under content/. */
  all: string;
  /** content/site.yaml (and any other file outside villages/). */
  site: string;
  /** content/villages/<id>/ → digest of that folder. */
  villages: Record<string, string>;
  /** contentStamp() of the same tree, taken in the same pass. */
  stamp: string;
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Visits every file under <root>/content in name order, with its path relative to root; anything
 * else that is not a folder (a symbolic link, a pipe) goes to `other`, never read: the checker
 * refuses what leads outside content/, and a cached result must not outlive the link appearing.
 */
function walkContent(root: string, visit: (rel: string, abs: string) => void, other: (rel: string, abs: string) => void): void {
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort(byName)) {
      const abs = join(dir, e.name);
      if (e.isDirectory()) walk(abs, `${rel}/${e.name}`);
      else if (e.isFile()) visit(`${rel}/${e.name}`, abs);
      else other(`${rel}/${e.name}`, abs);
    }
  };
  const content = join(root, 'content');
  if (existsSync(content)) walk(content, 'content');
}

const stampLine = (rel: string, abs: string) => {
  const s = statSync(abs);
  return `${rel}\0${s.size}\0${s.mtimeMs}\n`;
};

/** A link or special file as a line: its path, kind, link text and what it leads to (size, time), if anything. */
const otherLine = (rel: string, abs: string) => {
  const link = lstatSync(abs).isSymbolicLink() ? readlinkSync(abs) : '';
  const s = statSync(abs, { throwIfNoEntry: false });
  return `${rel}\0other\0${link}\0${s?.size ?? ''}\0${s?.mtimeMs ?? ''}\n`;
};

/** SHA-256 digests of content/ (all of it, the site part, each village folder) and its stamp, in one pass. */
export function contentDigests(root: string): ContentDigests {
  const all = createHash('sha256');
  const site = createHash('sha256');
  const stamp = createHash('sha256');
  const villages = new Map<string, ReturnType<typeof createHash>>();
  const partOf = (rel: string) => {
    const m = /^content\/villages\/([^/]+)\/./.exec(rel);
    return m ? (villages.get(m[1]!) ?? villages.set(m[1]!, createHash('sha256')).get(m[1]!)!) : site;
  };
  walkContent(
    root,
    (rel, abs) => {
      stamp.update(stampLine(rel, abs));
      const bytes = readFileSync(abs);
      for (const h of [all, partOf(rel)]) h.update(`${rel}\0${bytes.length}\0`).update(bytes);
    },
    (rel, abs) => {
      const line = otherLine(rel, abs);
      for (const h of [stamp, all, partOf(rel)]) h.update(line);
    },
  );
  const byVillage: Record<string, string> = {};
  for (const [id, h] of villages) byVillage[id] = h.digest('hex');
  return { all: all.digest('hex'), site: site.digest('hex'), villages: byVillage, stamp: stamp.digest('hex') };
}

/** A cheap stamp of content/: every path with its size and modification time (no bytes read). */
export function contentStamp(root: string): string {
  const h = createHash('sha256');
  walkContent(
    root,
    (rel, abs) => h.update(stampLine(rel, abs)),
    (rel, abs) => h.update(otherLine(rel, abs)),
  );
  return h.digest('hex');
}

/**
 * The code that turns content into pages: src/, astro.config.mjs, the build script and the locked
 * dependency versions of `project`. A change to any of them makes every cached check and page stale.
 */
export function codeFingerprint(project: string): string {
  const h = createHash('sha256');
  for (const f of ['astro.config.mjs', 'package-lock.json', 'scripts/build.ts', 'scripts/build-steps.ts']) {
    const abs = join(project, f);
    if (existsSync(abs)) h.update(`${f}\0`).update(readFileSync(abs));
  }
  const walk = (dir: string, rel: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort(byName)) {
      if (e.isDirectory()) walk(join(dir, e.name), `${rel}/${e.name}`);
      else if (e.isFile()) h.update(`${rel}/${e.name}\0`).update(readFileSync(join(dir, e.name)));
    }
  };
  for (const d of ['src', 'public']) if (existsSync(join(project, d))) walk(join(project, d), d);
  return h.digest('hex');
}
