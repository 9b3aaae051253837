/**
 * A village's values kept between builds beside its open-data parts (src/data/opendata-parts.ts), in
 * `<root>/.gongkai-build/opendata-parts/<village>/`, under what they depend on: its feed entries and its search documents.
 * Imported by the build process's own modules (src/data/search.ts) as well as the pages': nothing here imports
 * src/opendata/files.ts (Node's type stripping, which runs the build process, does not take its class).
 */
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createHash } from 'node:crypto';
import { getBuildContext } from '../build/handover.ts';
import { readCacheJson, writeCacheFile, type CacheFileSpec } from '../check/cache-file.ts';
import type { VillageRecords } from '../check/model.ts';
import { isNoticeUnpublished } from '../records/dated.ts';

/**
 * What a village's feed entries (src/opendata/feeds.ts `listFeedEntries`) depend on, in a build that keeps parts: the
 * village's key (its folder, content/site.yaml, the code) and which of its notices are taken down on the as-of date
 * (`isNoticeUnpublished`: a notice past its unpublishAfter date has no entry), the one way an entry depends on the day.
 * Undefined outside such a build.
 */
export function getFeedEntriesKey(village: VillageRecords, asOf: string): string | undefined {
  const key = getBuildContext()?.openDataParts?.keys[village.id];
  if (key === undefined) return undefined;
  return [key, ...village.notices.filter((n) => isNoticeUnpublished(n, asOf)).map((n) => n.id)].join('\0');
}

/**
 * A village's value that depends on what its feed entries depend on (`getFeedEntriesKey`: its folder, content/site.yaml,
 * the code, and of the day only which of its notices are taken down) kept between builds in its folder as
 * `<prefix><key>.json` (a self-checking cache file, replacing its earlier one), or made by `make` and kept; made every
 * time outside a build that keeps parts. Its feed entries, and its search documents (src/data/search.ts).
 */
export function keepVillageJson<T>(
  village: VillageRecords,
  asOf: string,
  what: { prefix: string; kind: string; version: number },
  isWhole: (value: unknown) => value is T,
  make: () => T,
): T {
  const store = getBuildContext()?.openDataParts;
  const key = getFeedEntriesKey(village, asOf);
  if (!store || key === undefined) return make();
  const file = join(store.dir, village.id, `${what.prefix}${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`);
  const spec: CacheFileSpec = { kind: 'opendata-parts', version: what.version, key: `${what.kind}\0${key}` };
  const kept = readCacheJson(file, spec, isWhole);
  if (kept) return kept;
  const value = make();
  writeCacheFile(file, spec, JSON.stringify(value));
  dropEarlier(file, what.prefix, '.json');
  return value;
}

/** Removes what was kept beside `file` under an earlier key (named `prefix…suffix`), but not temporaries being written. */
export function dropEarlier(file: string, prefix: string, suffix = ''): void {
  const folder = dirname(file);
  for (const old of readdirSync(folder))
    if (old.startsWith(prefix) && old.endsWith(suffix) && !old.includes('.tmp-') && join(folder, old) !== file) rmSync(join(folder, old), { force: true });
}
