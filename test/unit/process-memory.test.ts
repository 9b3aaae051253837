/**
 * src/build/process-memory.ts: the allocator settings and Node options the processes of a build start with, which keep
 * the page process of a cold 300-village build near 1 GB (issue 18; docs/benchmarks.md, session 15: mem15).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ALLOCATOR_SETTINGS,
  allocatorSettings,
  countyStepsExecArgv,
  PAGE_HEAP_GROWING_PERCENT,
  PAGE_SEMI_SPACE_MB,
  pageProcessExecArgv,
} from '../../src/build/process-memory.ts';
import { ROOT } from '../helpers/fixture-tree.ts';

/**
 * A child Node process that bundles 300 modules (about 5 MB of code) with Rolldown, as the page process's Vite does,
 * closes the bundle and prints the transparent huge pages of its anonymous memory, in MB.
 */
const BUNDLE_THEN_COUNT_HUGE_PAGES = `
import { readFileSync } from 'node:fs';
import { rolldown } from 'rolldown';
const files = {};
for (let i = 0; i < 300; i++)
  files['m' + i + '.js'] = 'export const v' + i + ' = ' + JSON.stringify('村务公开'.repeat(2000) + i) + ';\\n' +
    Array.from({ length: 200 }, (_, j) => 'export function f' + i + '_' + j + '(a) { return a + ' + j + '; }').join('\\n');
const entry = Object.keys(files).map((f) => "export * from './" + f + "';").join('\\n');
const bundle = await rolldown({
  input: 'entry.js',
  logLevel: 'silent',
  plugins: [{ name: 'memory', resolveId: (id) => id.replace('./', ''), load: (id) => (id === 'entry.js' ? entry : files[id]) }],
});
await bundle.generate({ format: 'esm' });
await bundle.close();
let huge = 0;
let anonymous = false;
for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\\n')) {
  const mapping = /^[0-9a-f]+-[0-9a-f]+ \\S+ \\S+ \\S+ \\S+\\s*(.*)$/.exec(line);
  if (mapping) anonymous = !mapping[1];
  else if (anonymous && line.startsWith('AnonHugePages:')) huge += Number(line.split(/\\s+/)[1]);
}
console.log(Math.round(huge / 1024));
`;

/** Huge pages (MB) a process with `env` holds after Rolldown has bundled and closed. */
function hugePagesAfterBundling(env: Record<string, string>): number {
  const { MIMALLOC_ARENA_EAGER_COMMIT: _, ...rest } = process.env;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', BUNDLE_THEN_COUNT_HUGE_PAGES], {
    cwd: ROOT,
    env: { ...rest, ...env },
    encoding: 'utf8',
  });
  return Number(output.trim());
}

/** Linux's transparent huge page mode ("always", "madvise", "never"), or undefined elsewhere. */
function transparentHugePages(): string | undefined {
  try {
    return /\[(\w+)\]/.exec(readFileSync('/sys/kernel/mm/transparent_hugepage/enabled', 'utf8'))?.[1];
  } catch {
    return undefined;
  }
}

describe('the allocator settings of the processes a build starts', () => {
  it('has glibc and mimalloc give freed memory back, and mimalloc commit its arena only as it uses it', () => {
    expect(allocatorSettings({})).toEqual({
      GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=131072',
      MIMALLOC_PURGE_DELAY: '0',
      MIMALLOC_ARENA_EAGER_COMMIT: '0',
    });
  });

  it('keeps a value the person running the build set, and sets the others', () => {
    const settings = allocatorSettings({ MIMALLOC_ARENA_EAGER_COMMIT: '1', GLIBC_TUNABLES: '', PATH: '/usr/bin' });
    expect(settings).toEqual({ MIMALLOC_PURGE_DELAY: '0' });
    expect(Object.keys(ALLOCATOR_SETTINGS)).toHaveLength(3);
  });

  // Where the kernel backs only the memory a program asks for with huge pages (Debian's default), mimalloc's arena
  // committed whole gets them and Rolldown's freed memory stays resident; V8 asks for none. With "always" V8's heap gets
  // them too, and with "never" there are none to count.
  it.runIf(transparentHugePages() === 'madvise')(
    "leaves none of Rolldown's freed memory resident in huge pages once a bundle is closed",
    { timeout: 240_000 },
    () => {
      expect(hugePagesAfterBundling({ MIMALLOC_PURGE_DELAY: '0' })).toBeGreaterThan(0);
      expect(hugePagesAfterBundling(allocatorSettings({}))).toBe(0);
    },
  );
});

describe("the page process's Node options", () => {
  it("keeps the build process's own options and sets the young generation's size and the heap's growth once", () => {
    expect(
      pageProcessExecArgv(['--enable-source-maps', '--max-semi-space-size=64', '--heap-growing-percent', '100', '--max-semi-space-size', '8', '--no-warnings']),
    ).toEqual(['--enable-source-maps', '--no-warnings', `--max-semi-space-size=${PAGE_SEMI_SPACE_MB}`, `--heap-growing-percent=${PAGE_HEAP_GROWING_PERCENT}`]);
  });

  it('lets the heap grow by a quarter past what was live, a bound that grows with the county', () => {
    expect(pageProcessExecArgv([])).toContain('--heap-growing-percent=25');
  });

  it('are options this Node accepts', () => {
    const output = execFileSync(process.execPath, [...pageProcessExecArgv(process.execArgv), '-e', 'console.log("ok")'], { encoding: 'utf8' });
    expect(output.trim()).toBe('ok');
  });
});

describe("the county steps' process's Node options", () => {
  it("keeps the build process's own options and its heap's growth, and sets the page process's young generation once", () => {
    expect(countyStepsExecArgv(['--heap-growing-percent=50', '--max-semi-space-size', '64', '--no-warnings', '--max-semi-space-size=8'])).toEqual([
      '--heap-growing-percent=50',
      '--no-warnings',
      `--max-semi-space-size=${PAGE_SEMI_SPACE_MB}`,
    ]);
  });

  it('are options this Node accepts', () => {
    const output = execFileSync(process.execPath, [...countyStepsExecArgv(process.execArgv), '-e', 'console.log("ok")'], { encoding: 'utf8' });
    expect(output.trim()).toBe('ok');
  });
});
