/**
 * Opening a bundle of the index as both search pages do (src/client/search-page.ts, src/client/province-search.ts): in
 * an instance of Pagefind's hub (src/lib/search-hub.ts: its WebAssembly loaded once), a ledger result reading the one
 * chunk of entries its match is in by a byte range of the ledger's file (src/lib/search-entries.ts). A chunk of its
 * own, fetched with Pagefind's code: a visit that does not search never loads it.
 */
import { rangeHeader, readEntryRange, withLedgerEntries, type SearchResultData } from '../lib/search-entries.ts';
import { makeHub } from '../lib/search-hub.ts';
import type { PagefindInstance } from '../lib/search-run.ts';

type Instance = PagefindInstance<SearchResultData>;

/** Bundles opened in instances of the hub `createInstance` makes; `warm` starts loading the hub before the first is asked for. */
export function makeBundleOpener(createInstance: (options: { baseUrl: string }) => Instance) {
  const hub = makeHub(createInstance);
  return {
    warm: hub.warm,
    /** The bundle in `folder`, its pages' addresses starting with `baseUrl`. */
    async open(folder: string, options: { baseUrl: string; excerptLength: number }) {
      const instance = await hub.open(folder, options);
      // A missing file (its 404 page does not decompress) leaves the result opening at the page.
      return withLedgerEntries(instance, async (file, range) => {
        const r = await fetch(`${folder}${file}`, { headers: { Range: rangeHeader(range) } });
        return readEntryRange(r.status, new Uint8Array(await r.arrayBuffer()), range);
      });
    },
  };
}
