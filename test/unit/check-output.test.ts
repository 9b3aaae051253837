/**
 * What `npm run check` prints for a clerk on a copy of the demo county: a fresh `npm run new` quarter
 * as one short line per 〔待填〕 placeholder (file:line, the field's Chinese name and the hint), the
 * line of the field in every message, and the cross-record rules on files already filled in while
 * others still hold placeholders.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatProblems } from '../../src/check/format.ts';
import { loadCounty } from '../../src/check/load.ts';
import { PLACEHOLDER } from '../../src/lib/scaffold-marker.ts';
import { newQuarter } from '../../src/tools/new-quarter.ts';
import { makeTree, ROOT } from '../helpers/fixture-tree.ts';

let tree: { root: string; cleanup(): void };
beforeEach(() => {
  tree = makeTree();
});
afterEach(() => tree.cleanup());

const NEW_FILES = ['disclosures/2025-q4.md', 'disclosures/2025-q4-dangwu.md', 'disclosures/2025-q4-caiwu.md', 'finances/2025-q4.yaml'];
const rel = (p: string) => `content/villages/maqu/${p}`;
const abs = (p: string) => join(tree.root, rel(p));

/** The lines of a file holding a 〔待填〕 value (not in a # comment), numbered as an editor shows them. */
function placeholderLines(p: string): number[] {
  return readFileSync(abs(p), 'utf8')
    .split('\n')
    .flatMap((line, i) => (line.includes(PLACEHOLDER) && !line.trimStart().startsWith('#') ? [i + 1] : []));
}

/** The printed block of one file: from its 📄 heading to the next blank line. */
function blockOf(output: string, file: string): string[] {
  const lines = output.split('\n');
  const start = lines.indexOf(`📄 ${file}`);
  expect(start, `no block for ${file}`).toBeGreaterThanOrEqual(0);
  const end = lines.indexOf('', start);
  return lines.slice(start, end < 0 ? undefined : end);
}

describe('npm run check on a fresh quarter from npm run new', () => {
  it('lists every placeholder on one line naming file:line and the field in Chinese, with the fix said once', () => {
    expect(newQuarter(tree.root, 'maqu', '2025-q4').code).toBe(0);
    const result = loadCounty(tree.root);
    const output = formatProblems(result.problems);
    let placeholders = 0;
    for (const p of NEW_FILES) {
      const expected = placeholderLines(p);
      placeholders += expected.length;
      const block = blockOf(output, rel(p));
      const listed = block.filter((l) => l.startsWith(`  ${rel(p)}:`));
      // Each placeholder on the line where it is written, in file order, and nothing else in the block.
      expect(listed.map((l) => Number(/:(\d+) {2}/.exec(l)![1]))).toEqual(expected);
      expect(block.length).toBe(2 + expected.length);
      for (const l of listed) expect(l).toMatch(/^ {2}\S+:\d+ {2}[\u4e00-\u9fff]+（.+）$/);
    }
    expect(placeholders).toBeGreaterThan(20);
    expect(output).toContain(`  ${rel('finances/2025-q4.yaml')}:${placeholderLines('finances/2025-q4.yaml')[0]}  收入合计（本期收入合计；没有收入写 0）`);
    expect(output).toMatch(/:\d+ {2}审核日期（YYYY-MM-DD）/);
    // The seven-line block (problem, expected, fix in two languages) is gone for placeholders: the
    // fix is said once for all of them.
    expect(output).not.toContain('仍是新建时留下的占位');
    expect(output.split('把整个〔待填…〕换成实际内容').length - 1).toBe(1);
    const maquLines = NEW_FILES.reduce((n, p) => n + blockOf(output, rel(p)).length, 0);
    expect(maquLines).toBe(placeholders + 2 * NEW_FILES.length);
  });

  it('names the line of the field in a real error, beside its path', () => {
    const ledger = abs('finances/2025-q3.yaml');
    const text = readFileSync(ledger, 'utf8');
    writeFileSync(ledger, text.replace('closingBalance: 296,163.98', 'closingBalance: 296,163.99'));
    const line = text.split('\n').findIndex((l) => l.startsWith('closingBalance:')) + 1;
    const run = spawnSync(process.execPath, [join(ROOT, 'scripts/check.ts'), '--root', tree.root], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(blockOf(run.stdout, rel('finances/2025-q3.yaml'))).toContain(`  ✗ 错误 error  字段 field: closingBalance（第${line}行 line ${line}）`);
  });

  it('reports a cross-record error in a finished ledger while the disclosures of the quarter still hold placeholders', () => {
    expect(newQuarter(tree.root, 'maqu', '2025-q4').code).toBe(0);
    const file = abs('finances/2025-q4.yaml');
    const filled = readFileSync(file, 'utf8')
      .replace(/^openingBalance: [^#\n]*/m, 'openingBalance: 296,000.00 ')
      .replace(/income: 〔待填[^〕]*〕/, 'income: 0')
      .replace(/expense: 〔待填[^〕]*〕/, 'expense: 0')
      .replace(/closingBalance: 〔待填[^〕]*〕/, 'closingBalance: 296,000.00')
      .replace(/reviewedAt: 〔待填[^〕]*〕/, 'reviewedAt: 2026-01-07')
      .replace(/opinion: 〔待填[^〕]*〕/, 'opinion: 同意')
      .replace(/publishedAt: 〔待填[^〕]*〕/, 'publishedAt: 2026-01-10');
    expect(filled).not.toContain(PLACEHOLDER);
    writeFileSync(file, filled);
    const line = filled.split('\n').findIndex((l) => l.startsWith('openingBalance:')) + 1;
    const result = loadCounty(tree.root);
    // The other new files are still unfinished…
    expect(result.problems.filter((p) => p.code === 'field.placeholder').map((p) => p.file)).toContain(rel('disclosures/2025-q4.md'));
    // …and the ledger is still checked against the previous quarter's closing balance.
    const continuity = result.problems.find((p) => p.file === rel('finances/2025-q4.yaml') && p.path === 'openingBalance');
    expect(continuity?.severity).toBe('error');
    expect(continuity?.line).toBe(line);
    expect(formatProblems(result.problems)).toContain('296,163.98');
  });
});
