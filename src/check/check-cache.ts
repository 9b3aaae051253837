/**
 * Checked villages kept between builds: one file per village under <root>/.gongkai-build/
 * check-cache/, valid for one site + code version (the `scope`) and for the exact bytes of the
 * village's folder (its digest). Not for one as-of date: what is kept is what the village's files
 * and site.yaml decide (src/check/county-rules.ts `VillageRuleScope`), and the rules that depend on
 * the date run again on every check (src/check/compliance-rules.ts). A clerk's quarterly update then
 * re-reads and re-checks only that village, and a new day re-checks none. Checking the county without
 * the cache gives the same problems and records (test/unit/check-cache.test.ts).
 *
 * Each file is the village's result in Node's structured-clone format (`node:v8`): it keeps what JSON
 * drops (the `unreadable` Set) and reads back in about half the time of the same data as JSON. It is a
 * self-checking cache file (./cache-file.ts): one cut short, altered or of another format is checked again.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { isDeadTemp, isTempName, readCacheFile, writeCacheFile, type CacheFileSpec } from './cache-file.ts';
import type { CheckedVillage, VillageCache } from './load.ts';

interface Entry {
  scope: string;
  digest: string;
  value: CheckedVillage;
}

const EXT = '.v8';
/** The cache file of a village's result for one scope and folder digest. */
const specOfKey = (key: string): CacheFileSpec => ({ kind: 'check-cache', version: 1, key });
const spec = (scope: string, digest: string): CacheFileSpec => specOfKey(`${scope}\0${digest}`);

export class VillageCheckCache implements VillageCache {
  readonly #dir: string;
  readonly #scope: string;
  readonly #digests: Readonly<Record<string, string>>;
  readonly #fresh = new Map<string, Entry>();
  /** Villages whose cache file holds their result for the digest they have now: read from it, or written by `save`. */
  readonly #onDisk = new Set<string>();
  /** Villages served from the cache in this run, and villages checked afresh. */
  hits = 0;
  misses = 0;

  /** `digests`: the digest of each village folder now (src/check/digest.ts). */
  constructor(dir: string, scope: string, digests: Readonly<Record<string, string>>) {
    this.#dir = dir;
    this.#scope = scope;
    this.#digests = digests;
  }

  digestOf(id: string): string | undefined {
    return this.#digests[id];
  }

  get(id: string, digest: string): CheckedVillage | undefined {
    const body = readCacheFile(join(this.#dir, `${id}${EXT}`), spec(this.#scope, digest));
    if (!body) return undefined;
    try {
      const entry = deserialize(body) as Entry;
      if (entry.scope === this.#scope && entry.digest === digest) {
        this.hits += 1;
        this.#onDisk.add(id);
        return entry.value;
      }
    } catch {
      // written by another Node version: check again
    }
    return undefined;
  }

  set(id: string, digest: string, value: CheckedVillage): void {
    this.misses += 1;
    this.#fresh.set(id, { scope: this.#scope, digest, value });
  }

  update(id: string, digest: string, value: CheckedVillage): void {
    this.#fresh.set(id, { scope: this.#scope, digest, value });
  }

  /** Writes the villages checked afresh (or given new lines) and forgets villages that no longer exist (and files of an older format). */
  save(): void {
    mkdirSync(this.#dir, { recursive: true });
    for (const [id, entry] of this.#fresh) {
      // Written whole and renamed into place: a build killed mid-write leaves no half file.
      writeCacheFile(join(this.#dir, `${id}${EXT}`), spec(entry.scope, entry.digest), serialize(entry));
      this.#onDisk.add(id);
    }
    for (const f of readdirSync(this.#dir)) {
      if (isTempName(f) && !isDeadTemp(this.#dir, f)) continue;
      if (!(f.endsWith(EXT) && f.slice(0, -EXT.length) in this.#digests)) rmSync(join(this.#dir, f), { force: true });
    }
    this.#fresh.clear();
  }

  /**
   * The cache file holding village `id`'s result for its digest now, once read or saved in this run (not before `save`
   * for a village checked afresh), with the key it was written under: the county snapshot refers to it instead of
   * writing the village again (src/check/county-snapshot.ts).
   */
  fileOf(id: string): CachedVillageFile | undefined {
    const digest = this.#digests[id];
    if (!digest || !this.#onDisk.has(id) || this.#fresh.has(id)) return undefined;
    return { file: join(this.#dir, `${id}${EXT}`), key: spec(this.#scope, digest).key };
  }
}

/** A village's check cache file and the key its result was written under (`VillageCheckCache.fileOf`). */
export interface CachedVillageFile {
  file: string;
  key: string;
}

/** The records of the village in check cache file `file`, written under `key`; undefined when it is missing, damaged or of another key. */
export function readCachedVillageRecords(file: string, key: string): CheckedVillage['records'] {
  const body = readCacheFile(file, specOfKey(key));
  if (!body) return undefined;
  try {
    const entry = deserialize(body) as Entry;
    return `${entry.scope}\0${entry.digest}` === key ? entry.value.records : undefined;
  } catch {
    return undefined;
  }
}
