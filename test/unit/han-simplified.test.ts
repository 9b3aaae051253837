/**
 * The traditional → simplified table the name checks read names through (src/lib/han-simplified.ts) is opencc-js's,
 * made once by scripts/han-simplified.ts so that no check thread builds a converter.
 */
import { Converter } from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { KEPT_AS_WRITTEN, makeSimplifiedTable, renderModule } from '../../scripts/han-simplified.ts';
import { TRADITIONAL_SIMPLIFIED_PAIRS } from '../../src/lib/han-simplified.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/fixture-tree.ts';

const pairs = Array.from({ length: TRADITIONAL_SIMPLIFIED_PAIRS.length / 2 }, (_, i) => TRADITIONAL_SIMPLIFIED_PAIRS.slice(2 * i, 2 * i + 2));

describe('reading traditional characters in names', () => {
  it('is the table opencc-js gives today, as committed (run scripts/han-simplified.ts after updating opencc-js)', () => {
    expect(readFileSync(join(ROOT, 'src/lib/han-simplified.ts'), 'utf8')).toBe(renderModule(makeSimplifiedTable()));
  });

  it('reads each character as opencc-js converts it, and covers the characters of common names', () => {
    const converters = [Converter({ from: 't', to: 'cn' }), Converter({ from: 'tw', to: 'cn' }), Converter({ from: 'hk', to: 'cn' })];
    expect(pairs.length).toBeGreaterThan(2500);
    for (const [t, s] of pairs)
      expect(
        converters.map((c) => c(t!)),
        t,
      ).toContain(s);
    const table = new Map(pairs.map(([t, s]) => [t, s]));
    const names = '劉翠蘭陳國強張偉王麗華趙建軍楊桂芳馬曉東黃秀英鄭鳳蘭歐陽娜娜';
    expect([...names].map((c) => table.get(c) ?? c).join('')).toBe(converters[0]!(names));
  });

  it('leaves alone the characters the mainland standard keeps as its own, and never reads a character twice', () => {
    const keys = new Set(pairs.map(([t]) => t));
    for (const c of KEPT_AS_WRITTEN) expect(keys.has(c), c).toBe(false);
    for (const [, s] of pairs) expect(keys.has(s), s).toBe(false);
    for (const p of pairs) expect(p).toHaveLength(2);
  });
});
