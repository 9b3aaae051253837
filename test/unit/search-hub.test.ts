/**
 * Opening Pagefind instances of one hub (src/lib/search-hub.ts) against a stand-in for Pagefind 1.x's loading: one
 * WebAssembly module per page, loaded by each instance that finds none loaded yet, the last load replacing the module.
 * An instance whose index lives in a replaced module's memory fails its searches, as the real one does (no results,
 * "memory access out of bounds", "unreachable"). The real Pagefind in Chromium: test/e2e/search-split.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { makeHub } from '../../src/lib/search-hub.ts';

/** A page with Pagefind's code: `loads` WebAssembly loads started; each takes a few ticks; `failNext` fails the next load. */
function fakePagefind() {
  const page = { module: 0, loads: 0, made: 0, failNext: false, merged: [] as string[] };
  const tick = () => new Promise((r) => setTimeout(r, 1));
  function createInstance() {
    page.made++;
    // Pagefind's constructor starts loading at once, and loads the module only when none is loaded yet.
    const hub = (async () => {
      if (page.module !== 0) return page.module;
      const mine = ++page.loads;
      const fails = page.failNext;
      page.failNext = false;
      await tick();
      await tick();
      if (fails) throw new Error('Failed to load the Pagefind WASM');
      page.module = mine;
      return mine;
    })();
    void hub.catch(() => {});
    let module = 0;
    return {
      async options() {},
      async mergeIndex(folder: string) {
        module = await hub; // with a hub that did not load, the real mergeIndex waits for ever
        page.merged.push(folder);
      },
      async search() {
        const loaded = await hub;
        if ((module || loaded) !== page.module) throw new Error('RuntimeError: memory access out of bounds');
        return { results: [] };
      },
    };
  }
  return { page, createInstance };
}

const OPTIONS = { baseUrl: '/', excerptLength: 36 };

describe('opening township bundles in instances of one Pagefind hub', () => {
  it('the stand-in fails like Pagefind when instances are made together before its WebAssembly loaded', async () => {
    const { createInstance } = fakePagefind();
    const instances = [createInstance(), createInstance(), createInstance()];
    for (const [i, instance] of instances.entries()) await instance.mergeIndex(`b${i}/`);
    const searched = await Promise.allSettled(instances.map((i) => i.search()));
    expect(searched.map((s) => s.status)).toContain('rejected');
  });

  it('searches every bundle opened at once, with the WebAssembly loaded once', async () => {
    const { page, createInstance } = fakePagefind();
    const open = makeHub(createInstance).open;
    const instances = await Promise.all(['b0/', 'b1/', 'b2/', 'b3/'].map((f) => open(f, OPTIONS)));
    await Promise.all(instances.map((i) => i.search()));
    expect(page.loads).toBe(1);
    expect(page.merged.sort()).toEqual(['b0/', 'b1/', 'b2/', 'b3/']);
  });

  it('loads the WebAssembly again for the next bundle when the first load failed, and merges no bundle into a hub that did not load', async () => {
    const { page, createInstance } = fakePagefind();
    const open = makeHub(createInstance).open;
    page.failNext = true;
    const opened = await Promise.allSettled(['b0/', 'b1/', 'b2/'].map((f) => open(f, OPTIONS)));
    // The first failed; the two waiting for it loaded the hub again, once, and were merged.
    expect(opened.map((o) => o.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(page.loads).toBe(2);
    expect(page.merged.sort()).toEqual(['b1/', 'b2/']);
    const again = await open('b0/', OPTIONS);
    await expect(again.search()).resolves.toEqual({ results: [] });
  });

  it('starts loading the hub while the bundles are being chosen, and merges the first bundle into that instance', async () => {
    const { page, createInstance } = fakePagefind();
    const hub = makeHub(createInstance);
    hub.warm({ baseUrl: '/' });
    expect(page.loads).toBe(1);
    const instances = await Promise.all(['b0/', 'b1/'].map((f) => hub.open(f, OPTIONS)));
    await Promise.all(instances.map((i) => i.search()));
    expect(page.made).toBe(2);
    expect(page.loads).toBe(1);
  });
});
