import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCounty } from '../../src/check/load.ts';
import { makeTree } from '../helpers/fixture-tree.ts';

describe('reading the content tree', () => {
  it('reports a broken meeting once, not again as "missing" in every record that cites it', () => {
    const tree = makeTree();
    try {
      const file = join(tree.root, 'content/villages/maqu/meetings/2025-07-22-daibiao.md');
      const text = readFileSync(file, 'utf8');
      expect(text).toMatch(/^location: .*$/m);
      writeFileSync(file, text.replace(/^location: .*\n/m, ''));
      const { problems } = loadCounty(tree.root, { env: {} });
      expect(problems.filter((p) => p.severity === 'error').map((p) => `${p.file} ${p.code} ${p.path}`)).toEqual([
        'content/villages/maqu/meetings/2025-07-22-daibiao.md required location',
      ]);
    } finally {
      tree.cleanup();
    }
  });

  it('reports every problem of the tree at once, not only the first', () => {
    const tree = makeTree();
    try {
      for (const v of ['maqu', 'dongxing']) {
        const file = join(tree.root, `content/villages/${v}/finances/2025-q3.yaml`);
        writeFileSync(file, readFileSync(file, 'utf8').replace(/^closingBalance: (.*)$/m, 'closingBalance: 1.00'));
      }
      const { problems, county } = loadCounty(tree.root, { env: {} });
      expect(county).toBeUndefined();
      expect(problems.filter((p) => p.code === 'ledger.closing').map((p) => p.file)).toEqual([
        'content/villages/dongxing/finances/2025-q3.yaml',
        'content/villages/maqu/finances/2025-q3.yaml',
      ]);
    } finally {
      tree.cleanup();
    }
  });
});
