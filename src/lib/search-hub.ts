/**
 * Pagefind instances of one hub (pagefind/: Pagefind's code and WebAssembly), each with one index merged into it, as
 * the search pages open them: one per township bundle (src/client/search-page.ts), one per county bundle
 * (src/client/province-search.ts), and the Node tests the same way. Pure apart from the `createInstance` it is given.
 *
 * Pagefind 1.x keeps one WebAssembly module per page, loaded by an instance when none is loaded yet. Two instances made
 * before the first load has finished each load it, the second replacing the first's module: the first's indexes are
 * then read from the new module's memory, and its searches find nothing, stop with "RuntimeError: memory access out of
 * bounds" or "unreachable", or find another bundle's pages (session 12: 2 of 6 pages of a split county, with the CPU
 * slowed six times, after "搜索其余"). So the first instance is made alone, and the others only once its hub has loaded.
 */
import type { PagefindInstance } from './search-run.ts';

/**
 * A new instance's hub, loaded: Pagefind's search of nothing waits for the hub's metadata and WebAssembly, fails if
 * they failed, and fetches nothing more. Without it, `mergeIndex` would wait for ever for a hub whose WebAssembly did
 * not load (Pagefind polls for it every 50 ms and never gives up).
 */
async function hubLoaded<I extends PagefindInstance<unknown>>(instance: I): Promise<I> {
  await instance.search('', {});
  return instance;
}

/**
 * Instances of the hub made by `createInstance` (with an index's `baseUrl`), each with its hub loaded, and indexes each
 * merged into one of them. Instances are made one at a time until one hub has loaded (a failed load lets the next
 * try); from then on any number at once.
 */
export function makeHub<I extends PagefindInstance<unknown>>(createInstance: (options: { baseUrl: string }) => I) {
  /** The first hub's load; undefined until one starts, and again after it failed. */
  let first: Promise<unknown> | undefined;
  /** A new instance of the hub, loaded. */
  async function instance(options: { baseUrl: string }): Promise<I> {
    for (;;) {
      const pending = first;
      if (!pending) break;
      if (
        await pending.then(
          () => true,
          () => false,
        )
      )
        return hubLoaded(createInstance(options));
      // It failed: the first caller to wake loads the hub again, the others wait for that.
      if (first === pending) first = undefined;
    }
    const loading = hubLoaded(createInstance(options));
    first = loading;
    return loading;
  }
  /** An instance whose hub started loading before any index was asked for (`warm`), for the first index opened. */
  let spare: { baseUrl: string; made: Promise<I> } | undefined;
  /**
   * Starts loading the hub now, while the host finds out which indexes it needs (the search page: the lexicon): the
   * first index opened with the same `baseUrl` is merged into this instance, and the others need not wait as long.
   */
  function warm(options: { baseUrl: string }): void {
    if (first || spare) return;
    spare = { baseUrl: options.baseUrl, made: instance(options) };
    void spare.made.catch(() => {});
  }
  /** The index in `folder` merged into a new instance of the hub, with `options` (Pagefind's: baseUrl, excerptLength). */
  async function open(folder: string, options: { baseUrl: string; excerptLength?: number }): Promise<I> {
    const taken = spare?.baseUrl === options.baseUrl ? spare.made : undefined;
    if (taken) spare = undefined;
    const made = await (taken ? taken.catch(() => instance(options)) : instance(options));
    if (options.excerptLength !== undefined) await made.options({ excerptLength: options.excerptLength });
    await made.mergeIndex(folder, options);
    return made;
  }
  return { instance, warm, open };
}
