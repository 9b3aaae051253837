/**
 * The poster cache: rendered files are kept outside dist/, in .gongkai-cache/posters/<key>/, where
 * the key is a hash of everything that decides the bytes — the poster's content, the paper size and
 * what is produced for it, the template and layout code, the font and the renderers' versions. A
 * rebuild renders only posters whose key is new (after one village's quarterly update, only that
 * village's posters) and copies the rest. Entries are written to a temporary folder and renamed, so
 * an interrupted build never leaves a half-written entry; entries no build uses any more are pruned.
 * The manifest is a self-checking cache file (src/check/cache-file.ts) holding each file's size and
 * sha256: an entry whose manifest is damaged, or one of whose files is missing, of another size or,
 * where the build places it, of other bytes, is rendered again. Its files are written read-only: the
 * build hard-links them into dist/ (no copy of every poster per build), so a file there is the cache's
 * file, and neither may be written through; an entry changed all the same is caught by that check
 * before it is linked again.
 *
 * Beside it, .gongkai-cache/poster-layouts/<village>.json keeps each poster's sheet count keyed by
 * its layout key (the poster's content, paper size and drawing code), so the pages and the build step
 * lay out only the posters whose records changed, not every poster of the county on every build.
 * It is a self-checking cache file too: a damaged one is laid out again.
 */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  isDeadTemp,
  isTempName,
  readCacheJson,
  reportUnreadableCache,
  sealCacheBody,
  tempPath,
  writeCacheFile,
  type CacheFileSpec,
} from '../check/cache-file.ts';
import { canonicalJson } from '../lib/fingerprint.ts';
import type { PosterDoc } from './doc.ts';
import { getFontIdentity } from './fonts.ts';
import type { PosterFormat, SizePreset } from './sizes.ts';
import { TEMPLATE_VERSION } from './template.ts';

export const CACHE_DIR = '.gongkai-cache/posters';
export const LAYOUT_CACHE_DIR = '.gongkai-cache/poster-layouts';

/** Source files whose text decides how a poster is drawn; editing any of them invalidates the cache. */
const CODE_FILES = [
  './layout.ts',
  './template.ts',
  './pdf.ts',
  './png.ts',
  './qr.ts',
  './render.ts',
  './glyphs.ts',
  './sizes.ts',
  './documents.ts',
  '../lib/linebreak.ts',
  '../lib/paginate.ts',
];

let identity: string | undefined;

/**
 * The folder of this file's sources. Run natively that is where this module is; bundled into Astro's
 * page build (the layout cache is read by the pages too) the module sits in a build chunk under the
 * staging folder, so look for src/posters above it; for a county folder outside the project, in the
 * project whose node_modules the build linked into the county's work folder (scripts/build-run.ts),
 * which is how the chunk finds its packages; then in the current folder (`astro dev`).
 */
export function getCodeDir(here = dirname(fileURLToPath(import.meta.url)), cwd = process.cwd()): string {
  const candidates = [here];
  for (let dir = here; dirname(dir) !== dir; dir = dirname(dir)) {
    candidates.push(join(dir, 'src/posters'));
    const modules = join(dir, 'node_modules');
    try {
      if (lstatSync(modules).isSymbolicLink()) candidates.push(join(dirname(resolve(dir, readlinkSync(modules))), 'src/posters'));
    } catch {
      // No node_modules here.
    }
  }
  candidates.push(join(cwd, 'src/posters'));
  return candidates.find((d) => existsSync(join(d, 'layout.ts')) && existsSync(join(d, 'cache.ts'))) ?? here;
}

/** Versions of the font and renderers and a hash of the drawing code. */
export function getRenderIdentity(): string {
  if (identity) return identity;
  const require = createRequire(import.meta.url);
  const version = (name: string) => {
    try {
      return `${name}@${(JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version}`;
    } catch {
      // Packages whose exports hide package.json: find it next to the entry point.
      let dir = dirname(require.resolve(name));
      while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
      return `${name}@${(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version}`;
    }
  };
  const here = getCodeDir();
  const code = createHash('sha256');
  for (const f of CODE_FILES) code.update(existsSync(join(here, f)) ? readFileSync(join(here, f)) : f);
  identity = [
    `template@${TEMPLATE_VERSION}`,
    `code@${code.digest('hex').slice(0, 16)}`,
    getFontIdentity(),
    version('satori'),
    version('@resvg/resvg-js'),
    version('pdfkit'),
    version('fontkit'),
    version('uqr'),
  ].join(' ');
  return identity;
}

/** Cache key of one poster at one size in the given formats. */
export function getCacheKey(doc: PosterDoc, size: SizePreset, formats: readonly PosterFormat[]): string {
  return getPosterKeys(doc).cache(size, formats);
}

/** Key of a poster's layout at one size: what decides its sheet count. */
export function getLayoutKey(doc: PosterDoc, size: SizePreset): string {
  return getPosterKeys(doc).layout(size);
}

/**
 * The layout and cache keys of one poster at every size, with its document serialised once: the
 * same keys as `hashValue({ doc, size, renderer })` and `hashValue({ doc, size, formats, renderer })`
 * (canonical JSON sorts the keys: doc, formats, renderer, size), which the pages and the build step
 * make for every poster of every village.
 */
export function getPosterKeys(doc: PosterDoc) {
  const renderer = canonicalJson(getRenderIdentity());
  // The document's JSON, the long part, is hashed once; each key goes on from a copy of that hash.
  const docHash = createHash('sha256').update(`{"doc":${canonicalJson(doc)},"`);
  const key = (rest: string) => docHash.copy().update(rest).digest('hex').slice(0, 32);
  return {
    layout: (size: SizePreset) => key(`renderer":${renderer},"size":${canonicalJson(size)}}`),
    cache: (size: SizePreset, formats: readonly PosterFormat[]) =>
      key(`formats":${canonicalJson(formats)},"renderer":${renderer},"size":${canonicalJson(size)}}`),
  };
}

/**
 * The sheet counts of one village's posters, read from the layout cache; `lookup` returns the count
 * of a layout key or computes it (and remembers it). `save()` writes back only the keys looked up, so
 * layouts of records that no longer exist drop out; `save(false)` (a caller that looked up only some
 * posters) keeps the others.
 */
export function openLayoutCache(root: string, village: string) {
  const file = join(root, LAYOUT_CACHE_DIR, `${village}.json`);
  const spec: CacheFileSpec = { kind: 'poster-layouts', version: 1, key: village };
  const stored = readCacheJson(file, spec, isSheetCounts) ?? {};
  const used = new Map<string, number>();
  let changed = false;
  return {
    lookup(key: string, compute: () => number): number {
      let n = used.get(key) ?? stored[key];
      if (n === undefined) {
        n = compute();
        changed = true;
      }
      used.set(key, n);
      return n;
    },
    save(prune = true): void {
      if (!changed && (!prune || used.size === Object.keys(stored).length)) return;
      const all = prune ? [...used] : [...Object.entries(stored).filter(([k]) => !used.has(k)), ...used];
      const sorted = Object.fromEntries(all.sort(([a], [b]) => (a < b ? -1 : 1)));
      // Per thread: pages rendered on worker threads (`--workers`) save the same village's file at once.
      writeCacheFile(file, spec, `${JSON.stringify(sorted)}\n`);
    },
  };
}

function isSheetCounts(value: unknown): value is Record<string, number> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((n) => Number.isInteger(n) && n > 0);
}

export interface CacheManifest {
  key: string;
  poster: string;
  size: string;
  sheets: number;
  files: string[];
}

/** The manifest as kept: with each file's size and sha256, so a file cut short or changed is noticed. */
interface KeptManifest extends CacheManifest {
  bytes: number[];
  digests: string[];
}

const MANIFEST = 'manifest.json';
const manifestSpec = (key: string): CacheFileSpec => ({ kind: 'posters', version: 1, key });
const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

function isKeptManifest(value: unknown): value is KeptManifest {
  const m = value as Partial<KeptManifest> | null;
  return (
    typeof m?.key === 'string' &&
    Number.isInteger(m.sheets) &&
    Array.isArray(m.files) &&
    Array.isArray(m.bytes) &&
    Array.isArray(m.digests) &&
    m.bytes.length === m.files.length &&
    m.digests.length === m.files.length &&
    m.files.every((f) => typeof f === 'string' && f !== MANIFEST && !/[/\\]|^\.\.?$/.test(f))
  );
}

function entryDir(root: string, key: string): string {
  return join(root, CACHE_DIR, key);
}

/**
 * The entry for a key when it is complete, else undefined: its manifest whole and each of its files
 * there with the size written down; with `verify`, each file's bytes hashed too (the build step does
 * it once per build for the posters it places; a damaged entry is then rendered again).
 */
export function readCacheEntry(root: string, key: string, verify = false): CacheManifest | undefined {
  const dir = entryDir(root, key);
  const m = readCacheJson(join(dir, MANIFEST), manifestSpec(key), isKeptManifest);
  if (!m || m.key !== key) return undefined;
  for (const [i, f] of m.files.entries()) {
    const file = join(dir, f);
    let damaged: string | undefined;
    try {
      const stat = statSync(file);
      if (stat.size !== m.bytes[i]) damaged = 'another size';
      else if (verify && sha256(readFileSync(file)) !== m.digests[i]) damaged = 'digest mismatch';
      // An entry written before its files were made read-only becomes so once checked.
      else if (verify && (stat.mode & 0o222) !== 0) chmodSync(file, 0o444);
    } catch {
      damaged = 'missing';
    }
    if (damaged) {
      reportUnreadableCache('posters', file, damaged);
      return undefined;
    }
  }
  return { key: m.key, poster: m.poster, size: m.size, sheets: m.sheets, files: m.files };
}

/** Path of a cached file. */
export function getCachedFile(root: string, key: string, name: string): string {
  return join(entryDir(root, key), name);
}

/** Stores rendered files under a key, atomically, read-only (they are hard-linked into dist/). */
export function writeCacheEntry(root: string, manifest: CacheManifest, data: ReadonlyMap<string, Buffer>): void {
  const dir = entryDir(root, manifest.key);
  const tmp = tempPath(dir);
  mkdirSync(tmp, { recursive: true });
  for (const name of manifest.files) writeFileSync(join(tmp, name), data.get(name)!, { mode: 0o444 });
  const kept: KeptManifest = { ...manifest, bytes: manifest.files.map((f) => data.get(f)!.length), digests: manifest.files.map((f) => sha256(data.get(f)!)) };
  writeFileSync(join(tmp, MANIFEST), sealCacheBody(manifestSpec(manifest.key), `${JSON.stringify(kept, null, 2)}\n`));
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
}

/** Removes entries that are not in `keep`, and leftovers of killed builds' writes (not a running build's). */
export function pruneCache(root: string, keep: ReadonlySet<string>): number {
  const base = join(root, CACHE_DIR);
  if (!existsSync(base)) return 0;
  let removed = 0;
  for (const name of readdirSync(base)) {
    if (keep.has(name) || (isTempName(name) && !isDeadTemp(base, name))) continue;
    rmSync(join(base, name), { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}
