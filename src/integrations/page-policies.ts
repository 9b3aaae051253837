/**
 * Each page's content security policy narrowed to the hashes of its own inline styles and scripts
 * (src/lib/page-policy.ts), for every page a build wrote. scripts/build.ts runs it on the staging folder once the page
 * process has exited and before the last release's pages are carried over, so it sees exactly the pages this build
 * rendered; a carried page was narrowed by the build that wrote it (a build carries pages only from a release made by
 * the same code and site.yaml: `pagesKey` in scripts/build-run.ts), and the output is the same bytes as a cold build's. The post-build steps
 * that read pages (the kiosk's precache revisions, the posters' print pages) see them narrowed.
 *
 * Outside the page process, a few pages at a time: a page's HTML is read, narrowed and written (a new file renamed over
 * the old name, src/build/staging-files.ts) before the next is read, so its memory is a few pages whatever the county's
 * size (in the page process, as an Astro middleware, it raised that process's peak: docs/benchmarks.md, session 13).
 */
import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { replaceFile } from '../build/staging-files.ts';
import { narrowPagePolicy } from '../lib/page-policy.ts';

/** Pages read at the same time: enough to keep the disk busy while one is hashed, few enough to hold nothing. */
const PAGES_AT_ONCE = 4;

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
async function listPages(dir: string, into: string[] = []): Promise<string[]> {
  const entries: Dirent[] = await readdir(dir, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await listPages(path, into);
    else if (entry.isFile() && entry.name.endsWith('.html')) into.push(path);
  }
  return into;
}

/** Narrows the policy of every page under `outDir` to its own inline hashes, rewriting only the pages that change. */
export async function narrowPagePolicies(outDir: string): Promise<PagePolicies> {
  const pages = await listPages(outDir);
  const done: PagePolicies = { pages: pages.length, narrowed: 0, bytesSaved: 0 };
  let next = 0;
  const work = async () => {
    while (next < pages.length) {
      const file = pages[next++]!;
      const page = await readFile(file);
      const narrowed = narrowPagePolicy(page);
      if (narrowed === page) continue;
      replaceFile(file, narrowed);
      done.narrowed += 1;
      done.bytesSaved += page.byteLength - narrowed.byteLength;
    }
  };
  await Promise.all(Array.from({ length: Math.min(PAGES_AT_ONCE, pages.length) }, work));
  return done;
}
