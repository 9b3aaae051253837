/**
 * Each page's content security policy narrowed to the hashes of its own inline styles and scripts
 * (src/lib/page-policy.ts), for every page a build wrote. scripts/build.ts runs it on the staging folder once the page
 * process has exited and before the last release's pages are carried over, so it sees exactly the pages this build
 * rendered; a carried page was narrowed by the build that wrote it (a build carries pages only from a release made by
 * the same code and site.yaml: `pagesKey` in scripts/build-run.ts), and the output is the same bytes as a cold build's. The post-build steps
 * that read pages (the kiosk's precache revisions) see them narrowed.
 *
 * Outside the page process, a page at a time: a page is read, narrowed and written before the next is read, so its
 * memory is one page whatever the county's size (in the page process, as an Astro middleware, it raised that process's
 * peak: docs/benchmarks.md, session 13). Synchronous reads and writes: a third of the CPU of reading and renaming through
 * promises (25,530 pages: 4.0 against 11.3–16.5 CPU-s, docs/benchmarks.md, session 14).
 */
import { closeSync, fstatSync, ftruncateSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { replaceFile } from '../build/staging-files.ts';
import { narrowPagePolicy } from '../lib/page-policy.ts';

/** Pages narrowed between two turns of the event loop (the build's poster workers are handed jobs in between). */
const PAGES_PER_TURN = 200;

/** What `narrowPagePolicies` did. */
export interface PagePolicies {
  /** HTML pages read. */
  pages: number;
  /** Pages whose policy lost at least one hash source (and were written again). */
  narrowed: number;
  /** Bytes taken out of those pages. */
  bytesSaved: number;
}

/** Every `.html` file under `dir`, by path; folders whose name starts with a dot (Astro's `.prerender/`) are skipped. */
function listPages(dir: string, into: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) listPages(path, into);
    else if (entry.isFile() && entry.name.endsWith('.html')) into.push(path);
  }
  return into;
}

/**
 * Narrows one page's policy; the bytes it took out (0: unchanged). A page this build wrote (one name, one inode) is
 * rewritten in place: the staging folder is swapped whole, so a build stopped half-way publishes nothing. A page with
 * another link (one carried over from the release online) is replaced by a new file instead, never written through.
 */
function narrowPage(file: string): number {
  const fd = openSync(file, 'r+');
  try {
    const { nlink } = fstatSync(fd);
    const page = readFileSync(fd);
    const narrowed = narrowPagePolicy(page);
    if (narrowed === page) return 0;
    if (nlink === 1) {
      writeSync(fd, narrowed, 0, narrowed.byteLength, 0);
      ftruncateSync(fd, narrowed.byteLength);
    } else replaceFile(file, narrowed);
    return page.byteLength - narrowed.byteLength;
  } finally {
    closeSync(fd);
  }
}

/** Narrows the policy of every page under `outDir` to its own inline hashes, rewriting only the pages that change. */
export async function narrowPagePolicies(outDir: string): Promise<PagePolicies> {
  const pages = listPages(outDir);
  const done: PagePolicies = { pages: pages.length, narrowed: 0, bytesSaved: 0 };
  for (const [i, file] of pages.entries()) {
    if (i > 0 && i % PAGES_PER_TURN === 0) await nextTurn();
    const saved = narrowPage(file);
    if (saved === 0) continue;
    done.narrowed += 1;
    done.bytesSaved += saved;
  }
  return done;
}
