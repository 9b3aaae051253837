/**
 * The layering written down in .dependency-cruiser.cjs holds for the whole of src/ and scripts/, and
 * the pure layers stay pure: src/lib never reads the clock, the environment or the current folder.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixture-tree.ts';

const depcruise = (cwd: string) =>
  spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruiser.mjs'), 'src', 'scripts', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'],
    { cwd, encoding: 'utf8' },
  );
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));

describe('the dependency rules', () => {
  it('find no import cycle, no layer imported from below, no orphan module and no impure import in src/ and scripts/', () => {
    const run = depcruise(ROOT);
    expect(run.status, run.stdout + run.stderr).toBe(0);
  }, 60_000);

  it('catch a module of src/lib that reads files or imports a layer above it, and an import cycle', () => {
    const copy = mkdtempSync(join(tmpdir(), 'gongkai-deps-'));
    try {
      for (const entry of ['src', 'scripts', 'astro.config.mjs', '.dependency-cruiser.cjs', 'tsconfig.json', 'package.json'])
        cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
      writeFileSync(
        join(copy, 'src/lib/reads-files.ts'),
        "import { readFileSync } from 'node:fs';\nimport { getBuildContext } from '../build/handover.ts';\nimport { again } from './cycle.ts';\nexport const reads = [readFileSync, getBuildContext, again];\n",
      );
      writeFileSync(join(copy, 'src/lib/cycle.ts'), "import { reads } from './reads-files.ts';\nexport const again = () => reads;\n");
      const run = depcruise(copy);
      expect(run.status).not.toBe(0);
      const out = run.stdout + run.stderr;
      expect(out).toMatch(/lib-is-pure: src\/lib\/reads-files\.ts → (node:)?fs/);
      expect(out).toMatch(/lib-imports-only-law: src\/lib\/reads-files\.ts → src\/build\/handover\.ts/);
      expect(out).toMatch(/no-circular: src\/lib\/(reads-files|cycle)\.ts/);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 60_000);

  it('keep src/lib free of the clock, the environment and the current folder (today is passed in)', () => {
    const impure = /\bDate\.now\(|new Date\(\s*\)|process\.(env|cwd|argv)\b/;
    const found = files(join(ROOT, 'src/lib'))
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => ({ where: `${relative(ROOT, f)}:${i + 1}`, line })),
      )
      .filter(({ line }) => !/^\s*(\*|\/\/)/.test(line) && impure.test(line));
    expect(found).toEqual([]);
  });
});
