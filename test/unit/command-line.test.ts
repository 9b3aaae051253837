/**
 * Every command in scripts/ answers `--help` with its usage and a command line it cannot read with what was wrong
 * and the usage, in Chinese and English, exit code 2 — never a stack trace (src/tools/command-line.ts).
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixture-tree.ts';

const scripts = readdirSync(join(ROOT, 'scripts')).filter((f) => f.endsWith('.ts'));
const withCommandLine = scripts.filter((f) => readFileSync(join(ROOT, 'scripts', f), 'utf8').includes('readCommandLine('));
const run = (script: string, ...args: string[]) => spawnSync(process.execPath, [join('scripts', script), ...args], { cwd: ROOT, encoding: 'utf8' });
/** The npm script a file is run by: build-run.ts is `npm run build`. */
const command = (script: string) => script.replace(/\.ts$/, '').replace(/-run$/, '');

describe('the commands’ command lines', () => {
  it('are all read one way, src/tools/command-line.ts: no command in scripts/ calls parseArgs itself', () => {
    for (const f of scripts) expect(readFileSync(join(ROOT, 'scripts', f), 'utf8'), f).not.toMatch(/\bparseArgs\b/);
    expect(withCommandLine.length).toBeGreaterThanOrEqual(12);
  });

  it.each(withCommandLine)('%s prints its usage, in Chinese and English, for --help and -h, and exits 0', (script) => {
    for (const flag of ['--help', '-h']) {
      const r = run(script, ...(script === 'province.ts' ? ['build'] : []), flag);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain(`用法 usage: npm run ${command(script)}`);
      expect(r.stdout).toMatch(/\p{Script=Han}.*[A-Za-z]{4,}/su);
    }
  });

  it.each(withCommandLine)('%s names an option it does not know, shows its usage and exits 2, without a stack trace', (script) => {
    const r = run(script, ...(script === 'province.ts' ? ['build'] : []), '--hlep');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('不认识的选项 unknown option: --hlep');
    expect(r.stderr).toContain(`用法 usage: npm run ${command(script)}`);
    expect(r.stderr).not.toMatch(/^\s+at /m);
  });

  it('says when an option is missing its value or the command is given an argument it does not take', () => {
    const missing = run('check.ts', '--root');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('选项缺少取值，或不该带取值 an option is missing its value, or takes none: --root');
    const extra = run('report.ts', 'maqu');
    expect(extra.status).toBe(2);
    expect(extra.stderr).toContain('多余的参数 an argument this command does not take: maqu');
    expect(`${missing.stderr}${extra.stderr}`).not.toMatch(/^\s+at /m);
  });
});
