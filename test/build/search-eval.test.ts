/**
 * The search evaluation (test/search-eval/): 100+ queries typed the way villagers type them, with
 * hand-judged pages, run on the built demo county through the search page's own code. Fails when a
 * category falls below the level it has reached (floors.json) or the whole set below the target.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoDist } from '../helpers/dist.ts';
import { EVAL_DIR, formatScores, readQueries, runEvaluation, scoreByCategory, type EvalQuery, type Score } from '../search-eval/evaluate.ts';

const queries = readQueries();
const floors = JSON.parse(readFileSync(join(EVAL_DIR, 'floors.json'), 'utf8')) as Record<string, Omit<Score, 'queries'>>;
let scores: Map<string, Score>;

beforeAll(async () => {
  scores = scoreByCategory(await runEvaluation(ensureDemoDist().dist, queries));
  console.log(formatScores(scores));
});

describe('search evaluation: queries as villagers type them', () => {
  it('has at least 100 queries in every category the issue names, each judged', () => {
    expect(queries.length).toBeGreaterThanOrEqual(100);
    const categories = new Set(queries.map((q) => q.category));
    for (const c of ['domain words', 'sentences', 'amounts', 'dates and quarters', 'vouchers', 'masked names', 'places', 'typos', 'synonyms', 'no answer'])
      expect(categories, c).toContain(c);
    const valid = (q: EvalQuery) =>
      q.q.trim().length > 0 &&
      (q.category === 'no answer' ? q.want.length === 0 : q.want.length > 0) &&
      q.want.every((u) => /^\/v\/[a-z0-9-]+\/[a-z]+\/[^/]+\/$/.test(u));
    expect(queries.filter((q) => !valid(q)).map((q) => q.q)).toEqual([]);
  });

  it('keeps every category at or above the level it has reached', () => {
    const below: string[] = [];
    for (const [category, floor] of Object.entries(floors)) {
      if (category.startsWith('$')) continue;
      const s = scores.get(category);
      expect(s, category).toBeDefined();
      for (const k of ['precision', 'recall', 'firstRight'] as const)
        if (s![k] < floor[k] - 1e-9) below.push(`${category} ${k} ${s![k].toFixed(3)} < ${floor[k]}`);
    }
    expect(below).toEqual([]);
  });

  it('reaches precision 0.9, recall 0.9 and the right first result 90% of the time overall', () => {
    const overall = scores.get('overall')!;
    expect(overall.precision).toBeGreaterThanOrEqual(0.9);
    expect(overall.recall).toBeGreaterThanOrEqual(0.9);
    expect(overall.firstRight).toBeGreaterThanOrEqual(0.9);
  });
});
