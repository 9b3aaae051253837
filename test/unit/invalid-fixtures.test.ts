/**
 * Every promised error message is pinned by a fixture under test/fixtures/invalid/<code>/: a copy of
 * the demo county with one mistake, and the exact message a clerk must see.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblems } from '../../src/check/format.ts';
import { loadCounty } from '../../src/check/load.ts';
import { MESSAGES, renderMessage } from '../../src/check/messages/index.ts';
import { makeTree, ROOT } from '../helpers/fixture-tree.ts';

const DIR = join(ROOT, 'test/fixtures/invalid');
const fixtures = readdirSync(DIR).sort();

interface Expect {
  file: string;
  path: string;
  code: string;
  /** The Chinese problem sentence, or its beginning. */
  zh: string;
  /** The English problem sentence, or its beginning. */
  en: string;
  severity?: 'error' | 'warning';
}

describe('clerk-facing errors', () => {
  it.each(fixtures)('fixture %s gets its message naming the file and field, in Chinese and English', (name) => {
    const expected: Expect = JSON.parse(readFileSync(join(DIR, name, 'expect.json'), 'utf8'));
    const tree = makeTree(join(DIR, name));
    try {
      const result = loadCounty(tree.root, { env: {} });
      const problem = result.problems.find((p) => p.code === expected.code && p.file === expected.file && p.path === expected.path);
      expect(problem, `problems were:\n${formatProblems(result.problems)}`).toBeDefined();
      const m = renderMessage(problem!.code, problem!.params);
      expect(m.zh.startsWith(expected.zh), `zh was: ${m.zh}`).toBe(true);
      expect(m.en.startsWith(expected.en), `en was: ${m.en}`).toBe(true);
      expect(m.fixZh.length).toBeGreaterThan(0);
      expect(m.fixEn.length).toBeGreaterThan(0);
      const printed = formatProblems(result.problems);
      expect(printed).toContain(`📄 ${expected.file}`);
      if (problem!.code === 'field.placeholder') {
        // A placeholder is printed as one line of the file's list of what is still to fill in.
        expect(problem!.line).toBeGreaterThan(0);
        expect(printed).toContain(`  ${expected.file}:${problem!.line}  `);
      } else {
        expect(printed).toContain(`问题：${m.zh}`);
        expect(printed).toContain(`Problem: ${m.en}`);
      }
      if ((expected.severity ?? 'error') === 'error') expect(result.county).toBeUndefined();
      else expect(problem!.severity).toBe('warning');
    } finally {
      tree.cleanup();
    }
  });

  it('has a fixture for every message a clerk can see', () => {
    const covered = new Set(fixtures.map((f) => (JSON.parse(readFileSync(join(DIR, f, 'expect.json'), 'utf8')) as Expect).code));
    const missing = Object.keys(MESSAGES).filter((code) => !covered.has(code));
    expect(missing).toEqual([]);
  });

  it('accepts the demo county with no errors', () => {
    const result = loadCounty(ROOT, { env: {} });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.county?.villages.map((v) => v.id)).toEqual(['dongguan', 'dongxing', 'maqu', 'wenshui']);
  });
});
