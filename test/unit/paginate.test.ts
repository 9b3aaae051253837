import { describe, expect, it } from 'vitest';
import { paginate, UnitTooTallError, type FlowUnit } from '../../src/lib/paginate.ts';

const u = (height: number, extra: Partial<FlowUnit> = {}): FlowUnit => ({ height, spaceBefore: 0, ...extra });

describe('flowing a poster onto sheets', () => {
  it('puts everything on one sheet when it fits', () => {
    expect(paginate([u(10), u(20), u(30)], 100)).toEqual([{ units: [0, 1, 2], repeatsHeader: false }]);
  });

  it('starts a new sheet when the next unit does not fit, and drops the space above it', () => {
    const sheets = paginate([u(60), u(30, { spaceBefore: 20 }), u(50, { spaceBefore: 20 })], 100);
    expect(sheets.map((s) => s.units)).toEqual([[0], [1, 2]]);
  });

  it('keeps a heading with what follows it', () => {
    const sheets = paginate([u(80), u(10, { keepWithNext: true }), u(20)], 100);
    expect(sheets.map((s) => s.units)).toEqual([[0], [1, 2]]);
  });

  it('repeats the table header above a row that starts a sheet, and counts its height', () => {
    const rows = Array.from({ length: 10 }, () => u(10, { repeatHeight: 15 }));
    const sheets = paginate([u(15, { keepWithNext: true }), ...rows], 60);
    expect(sheets.map((s) => s.units.length)).toEqual([5, 4, 2]);
    expect(sheets.map((s) => s.repeatsHeader)).toEqual([false, true, true]);
    expect(sheets.flatMap((s) => s.units)).toEqual(Array.from({ length: 11 }, (_, i) => i));
  });

  it('places every unit exactly once, in order, whatever the heights', () => {
    const units = Array.from({ length: 300 }, (_, i) => u(5 + ((i * 37) % 23), { spaceBefore: i % 3, keepWithNext: i % 17 === 0, repeatHeight: 7 }));
    const sheets = paginate(units, 120);
    expect(sheets.flatMap((s) => s.units)).toEqual(units.map((_, i) => i));
    for (const s of sheets) {
      const used = s.units.reduce(
        (sum, i, k) => sum + (k === 0 ? units[i]!.height + (units[i]!.repeatHeight ?? 0) : units[i]!.spaceBefore + units[i]!.height),
        0,
      );
      expect(used).toBeLessThanOrEqual(120);
    }
  });

  it('refuses a unit taller than a whole sheet instead of cutting it', () => {
    expect(() => paginate([u(10), u(200)], 100)).toThrow(UnitTooTallError);
  });
});
