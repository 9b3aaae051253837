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
const spec = (scope: string, digest: string): CacheFileSpec => ({ kind: 'check-cache', version: 1, key: `${scope}\0${digest}` });

export class VillageCheckCache implements VillageCache {
  readonly #dir: string;
  readonly #scope: string;
  readonly #digests: Readonly<Record<string, string>>;
  readonly #fresh = new Map<string, Entry>();
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
    }
    for (const f of readdirSync(this.#dir)) {
      if (isTempName(f) && !isDeadTemp(this.#dir, f)) continue;
      if (!(f.endsWith(EXT) && f.slice(0, -EXT.length) in this.#digests)) rmSync(join(this.#dir, f), { force: true });
    }
    this.#fresh.clear();
  }
}
