/**
 * A synthetic county (bench/gen, `npm run gen`) generated into a temporary folder and built there with
 * `npm run build`'s script, for tests that need more records than the demo has. The folder is the
 * county's root: content/, the build's caches and the output beside them; `remove()` deletes it all.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './fixture-tree.ts';

export interface GeneratedCounty {
  /** The county's folder (content/ and the build's caches). */
  root: string;
  /** The built site (`<root>/site`, the real folder behind the link the build makes). */
  dist: string;
  /** Builds it again (incrementally unless `--full` is given) with these arguments of scripts/build.ts; gives its output. */
  rebuild(args?: readonly string[]): string;
  remove(): void;
}

/** Runs one of the project's scripts in `cwd` with the date of today (no pinned as-of date); throws with its output when it fails. */
function runScript(script: string, args: readonly string[], cwd: string): string {
  const r = spawnSync(process.execPath, [join(ROOT, script), ...args], {
    cwd,
    env: { ...process.env, GONGKAI_AS_OF: '' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`${script} ${args.join(' ')}\n${r.stdout.slice(-3000)}\n${r.stderr.slice(-3000)}`);
  return r.stdout;
}

/**
 * Generates `villages` villages over `quarters` quarters from `seed` into a new temporary folder named
 * after `name`, and builds it without posters (`--no-posters`: the tests that use it read pages) and with `buildArgs`.
 */
export function buildGeneratedCounty(
  name: string,
  options: { villages: number; quarters: number; seed: number; /** More arguments of scripts/build.ts. */ buildArgs?: readonly string[] },
): GeneratedCounty {
  const root = mkdtempSync(join(tmpdir(), `gongkai-${name}-`));
  const remove = () => rmSync(root, { recursive: true, force: true });
  try {
    runScript(
      'scripts/gen.ts',
      ['--villages', String(options.villages), '--quarters', String(options.quarters), '--seed', String(options.seed), '--out', root],
      root,
    );
    // The build's Astro chunks import packages from the county folder (as `npm run province -- build` does).
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
    const build = (more: readonly string[] = []) =>
      runScript('scripts/build.ts', ['--root', root, '--out', join(root, 'site'), '--no-posters', ...(options.buildArgs ?? []), ...more], root);
    build();
    return { root, dist: realpathSync(join(root, 'site')), rebuild: build, remove };
  } catch (error) {
    remove();
    throw error;
  }
}
