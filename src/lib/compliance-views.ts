/**
 * The compliance pages' filtered and sorted views of villages (no JavaScript: each view is its own
 * static page): only the villages with problems, most problems first, and the county's short list
 * of the villages with the most problems. Pure; ties keep the order given.
 */

/** Anything counted: a village with the number of problems found in it. */
interface Counted {
  problems: number;
}

/** Only the villages with at least one problem, in the order given. */
export function filterWithProblems<T extends Counted>(villages: readonly T[]): T[] {
  return villages.filter((v) => v.problems > 0);
}

/** Every village, most problems first; villages with as many problems keep the order given. */
export function sortByProblems<T extends Counted>(villages: readonly T[]): T[] {
  return [...villages].sort((a, b) => b.problems - a.problems);
}

/** The `limit` villages with the most problems (villages without problems never listed). */
export function listMostProblems<T extends Counted>(villages: readonly T[], limit: number): T[] {
  return sortByProblems(filterWithProblems(villages)).slice(0, limit);
}
