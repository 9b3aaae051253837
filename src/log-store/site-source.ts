/**
 * Reads a published log for the auditor commands: from a site folder (`<folder>/log/…`, or the log
 * folder itself) or from a site URL (`<url>/log/…`, plain fetch).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type FileGetter = (path: string) => Promise<Uint8Array | null>;

/** A reader for the log published at `source` (folder or http(s) URL). */
export function openPublishedLog(source: string): FileGetter {
  if (/^https?:\/\//i.test(source)) {
    const base = new URL(source.endsWith('/') ? source : `${source}/`);
    const logBase = base.pathname.endsWith('/log/') ? base : new URL('log/', base);
    return async (path) => {
      const res = await fetch(new URL(path, logBase));
      if (res.status === 404) return null;
      if (!res.ok) throw new Error(`${new URL(path, logBase).href}: HTTP ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    };
  }
  const dir = existsSync(join(source, 'checkpoint')) ? source : join(source, 'log');
  return async (path) => {
    const file = join(dir, path);
    return existsSync(file) ? new Uint8Array(readFileSync(file)) : null;
  };
}

/**
 * A reader for files of the whole published site at `source` (folder or http(s) URL), by their path
 * relative to the site root; `v/maqu/finances/2025-q3/` reads that page's index.html.
 */
export function openPublishedSite(source: string): FileGetter {
  if (/^https?:\/\//i.test(source)) {
    const base = new URL(source.endsWith('/') ? source : `${source}/`);
    const siteBase = base.pathname.endsWith('/log/') ? new URL('../', base) : base;
    return async (path) => {
      const res = await fetch(new URL(path, siteBase));
      if (res.status === 404) return null;
      if (!res.ok) throw new Error(`${new URL(path, siteBase).href}: HTTP ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    };
  }
  const dir = existsSync(join(source, 'checkpoint')) ? join(source, '..') : source;
  return async (path) => {
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    return existsSync(file) ? new Uint8Array(readFileSync(file)) : null;
  };
}
