/** The compliance pages' views: only villages with problems, most problems first, the county's short list. */
import { describe, expect, it } from 'vitest';
import { filterWithProblems, listMostProblems, sortByProblems } from '../../src/lib/compliance-views.ts';

const township = [
  { name: '东关社区', problems: 0 },
  { name: '东兴村', problems: 3 },
  { name: '马曲村', problems: 1 },
  { name: '温水村', problems: 3 },
  { name: '南川村', problems: 0 },
];
const names = (vs: readonly { name: string }[]) => vs.map((v) => v.name);

describe('compliance views', () => {
  it('shows an officer only the villages with problems, in the page order', () => {
    expect(names(filterWithProblems(township))).toEqual(['东兴村', '马曲村', '温水村']);
  });

  it('orders villages by number of problems, the most first, equal ones in the page order', () => {
    expect(names(sortByProblems(township))).toEqual(['东兴村', '温水村', '马曲村', '东关社区', '南川村']);
    expect(names(township)).toEqual(['东关社区', '东兴村', '马曲村', '温水村', '南川村']);
  });

  it('lists at most the requested number of villages with the most problems, never a village without problems', () => {
    const county = Array.from({ length: 30 }, (_, i) => ({ name: `村${i}`, problems: i % 3 === 0 ? 0 : i }));
    const top = listMostProblems(county, 20);
    expect(top).toHaveLength(20);
    expect(top.map((v) => v.problems)).toEqual([...top.map((v) => v.problems)].sort((a, b) => b - a));
    expect(top[0]!.problems).toBe(29);
    expect(top.every((v) => v.problems > 0)).toBe(true);
    expect(names(listMostProblems(township, 20))).toEqual(['东兴村', '温水村', '马曲村']);
  });
});
