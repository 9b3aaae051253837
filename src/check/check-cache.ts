/**
 * Checked villages kept between builds: one JSON file per village under <root>/.gongkai-build/
 * check-cache/, valid for one site + as-of date + code version (the `scope`) and for the exact bytes
 * of the village's folder (its digest). A clerk's quarterly update then re-reads and re-checks only
 * that village; every other village's records and problems come from its file. Checking the county
 * without the cache gives the same problems and records (test/unit/check-cache.test.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckedVillage, VillageCache } from './load.ts';

interface Entry {
  scope: string;
  digest: string;
  value: CheckedVillage;
}

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
    const file = join(this.#dir, `${id}.json`);
    if (!existsSync(file)) return undefined;
    try {
      const entry = JSON.parse(readFileSync(file, 'utf8')) as Entry;
      if (entry.scope === this.#scope && entry.digest === digest) {
        this.hits += 1;
        return entry.value;
      }
    } catch {
      // unreadable: check again
    }
    return undefined;
  }

  set(id: string, digest: string, value: CheckedVillage): void {
    this.misses += 1;
    this.#fresh.set(id, { scope: this.#scope, digest, value });
  }

  /** Writes the villages checked afresh and forgets villages that no longer exist. */
  save(): void {
    mkdirSync(this.#dir, { recursive: true });
    for (const [id, entry] of this.#fresh) writeFileSync(join(this.#dir, `${id}.json`), JSON.stringify(entry));
    for (const f of readdirSync(this.#dir)) {
      if (f.endsWith('.json') && !(f.slice(0, -5) in this.#digests)) rmSync(join(this.#dir, f), { force: true });
    }
    this.#fresh.clear();
  }
}
