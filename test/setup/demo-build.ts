/**
 * Vitest global setup: one folder per test run for the shared build of the demo county. The build
 * itself is made on first use by test/helpers/dist.ts (so a run of unit tests alone builds nothing);
 * every build-level test file then reads the same output instead of building its own. The folder is
 * never the developer's dist/, which may be stale, and is removed when the run ends.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

const ROOT = join(import.meta.dirname, '..', '..');

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder of this run's shared demo build (see test/helpers/dist.ts). */
    demoBuildDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = join(ROOT, '.gongkai-build', `test-run-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  project.provide('demoBuildDir', dir);
  return () => {
    rmSync(dir, { recursive: true, force: true });
    // scripts/build.ts remembers each output folder it made (for incremental builds); forget this run's.
    const work = join(ROOT, '.gongkai-build');
    for (const name of readdirSync(work).filter((n) => n.startsWith('last-build-') && n.endsWith('.json'))) {
      try {
        // A self-checking cache file (src/check/cache-file.ts): its header line, then the record.
        const text = readFileSync(join(work, name), 'utf8');
        if ((JSON.parse(text.slice(text.indexOf('\n') + 1)) as { out?: string }).out?.startsWith(dir)) rmSync(join(work, name), { force: true });
      } catch {
        // Not ours to judge: leave files we cannot read.
      }
    }
  };
}
