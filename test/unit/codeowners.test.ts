/**
 * The CODEOWNERS example gives every village folder to an owner, names only folders that exist,
 * and is well-formed (a path, then at least one @owner).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/fixture-tree.ts';

const lines = readFileSync(join(ROOT, '.github/CODEOWNERS.example'), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => l.trim().split(/\s+/));

describe('the CODEOWNERS example', () => {
  it('gives each village folder in content/villages to its own clerk', () => {
    const villages = readdirSync(join(ROOT, 'content/villages'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    for (const v of villages) {
      const line = lines.find(([path]) => path === `/content/villages/${v}/`);
      expect(line, v).toBeDefined();
      expect(line![1]).toBe(`@${v}-wenshu`);
    }
  });

  it('only names paths that exist, each with at least one owner', () => {
    for (const [path, ...owners] of lines) {
      expect(owners.length, path).toBeGreaterThan(0);
      for (const o of owners) expect(o).toMatch(/^@[\w-]+(\/[\w-]+)?$/);
      if (path !== '*') expect(existsSync(join(ROOT, path!)), path).toBe(true);
    }
  });
});
