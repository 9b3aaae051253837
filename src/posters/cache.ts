/**
 * The poster cache: rendered files are kept outside dist/, in .gongkai-cache/posters/<key>/, where
 * the key is a hash of everything that decides the bytes — the poster's content, the paper size and
 * what is produced for it, the template and layout code, the font and the renderers' versions. A
 * rebuild renders only posters whose key is new (after one village's quarterly update, only that
 * village's posters) and copies the rest. Entries are written to a temporary folder and renamed, so
 * an interrupted build never leaves a half-written entry; entries no build uses any more are pruned.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashValue } from '../lib/fingerprint.ts';
import type { PosterDoc } from './doc.ts';
import { getFontIdentity } from './fonts.ts';
import type { SizePreset } from './sizes.ts';
import { TEMPLATE_VERSION } from './template.ts';

export const CACHE_DIR = '.gongkai-cache/posters';

/** Source files whose text decides how a poster is drawn; editing any of them invalidates the cache. */
const CODE_FILES = ['./layout.ts', './template.ts', './pdf.ts', './png.ts', './qr.ts', './render.ts', './sizes.ts', './documents.ts', '../lib/linebreak.ts', '../lib/paginate.ts'];

let identity: string | undefined;

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
  const here = dirname(fileURLToPath(import.meta.url));
  const code = createHash('sha256');
  for (const f of CODE_FILES) code.update(existsSync(join(here, f)) ? readFileSync(join(here, f)) : f);
  identity = [`template@${TEMPLATE_VERSION}`, `code@${code.digest('hex').slice(0, 16)}`, getFontIdentity(), version('satori'), version('@resvg/resvg-js'), version('pdfkit'), version('uqr')].join(' ');
  return identity;
}

/** Cache key of one poster at one size. */
export function getCacheKey(doc: PosterDoc, size: SizePreset): string {
  return hashValue({ doc, size, renderer: getRenderIdentity() }).slice(0, 32);
}

export interface CacheManifest {
  key: string;
  poster: string;
  size: string;
  sheets: number;
  files: string[];
}

function entryDir(root: string, key: string): string {
  return join(root, CACHE_DIR, key);
}

/** The entry for a key when it is complete, else undefined. */
export function readCacheEntry(root: string, key: string): CacheManifest | undefined {
  const dir = entryDir(root, key);
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) return undefined;
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as CacheManifest;
    if (m.key !== key || !m.files.every((f) => existsSync(join(dir, f)))) return undefined;
    return m;
  } catch {
    return undefined;
  }
}

/** Path of a cached file. */
export function getCachedFile(root: string, key: string, name: string): string {
  return join(entryDir(root, key), name);
}

/** Stores rendered files under a key, atomically. */
export function writeCacheEntry(root: string, manifest: CacheManifest, data: ReadonlyMap<string, Buffer>): void {
  const dir = entryDir(root, manifest.key);
  const tmp = `${dir}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  mkdirSync(tmp, { recursive: true });
  for (const name of manifest.files) writeFileSync(join(tmp, name), data.get(name)!);
  writeFileSync(join(tmp, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
}

/** Removes entries (and leftovers of interrupted writes) that are not in `keep`. */
export function pruneCache(root: string, keep: ReadonlySet<string>): number {
  const base = join(root, CACHE_DIR);
  if (!existsSync(base)) return 0;
  let removed = 0;
  for (const name of readdirSync(base)) {
    if (keep.has(name)) continue;
    rmSync(join(base, name), { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}
