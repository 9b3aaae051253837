/**
 * The search evaluation: queries typed the way villagers type them, each with the pages a person
 * wants (judged by reading the demo county's pages, not by running the search), run through the
 * same code as the search page (test/helpers/pagefind-node.ts → src/lib/search-run.ts).
 *
 * Per query: precision = wanted pages among those listed / pages listed (1 when nothing is listed),
 * recall = wanted pages listed / wanted pages (1 when nothing is wanted), first result right = the
 * first result is a wanted page (or, when nothing is wanted, nothing is listed).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSiteSearch } from '../helpers/pagefind-node.ts';

export interface EvalQuery {
  category: string;
  q: string;
  /** Site paths of the pages a person typing `q` wants, e.g. /v/maqu/notices/2025-11-17-dibao/. */
  want: string[];
  /** Why these pages, in a few words (for the next person who judges). */
  why?: string;
}

export interface EvalRow {
  category: string;
  q: string;
  precision: number;
  recall: number;
  firstRight: boolean;
  listed: string[];
  missed: string[];
  extra: string[];
}

export interface Score {
  queries: number;
  precision: number;
  recall: number;
  firstRight: number;
}

export const EVAL_DIR = join(import.meta.dirname, '.');

/**
 * Held-out sets: queries written without looking at the search's tables (heldout.json), and after the fixes they led
 * to (heldout-2.json, then heldout-3.json to heldout-8.json), so their first scores say how the search does on words nobody tuned it for.
 * Floors: heldout-floors.json.
 */
export const HELD_OUT_SETS = [
  'heldout.json',
  'heldout-2.json',
  'heldout-3.json',
  'heldout-4.json',
  'heldout-5.json',
  'heldout-6.json',
  'heldout-7.json',
  'heldout-8.json',
] as const;

export function readQueries(file = join(EVAL_DIR, 'queries.json')): EvalQuery[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { queries: EvalQuery[] }).queries;
}

export async function runEvaluation(dist: string, queries: readonly EvalQuery[]): Promise<EvalRow[]> {
  const site = await openSiteSearch(dist);
  try {
    const rows: EvalRow[] = [];
    for (const { category, q, want } of queries) {
      const listed = (await site.search(q)).urls;
      const wanted = new Set(want);
      const right = listed.filter((u) => wanted.has(u)).length;
      rows.push({
        category,
        q,
        precision: listed.length === 0 ? 1 : right / listed.length,
        recall: wanted.size === 0 ? 1 : right / wanted.size,
        firstRight: wanted.size === 0 ? listed.length === 0 : wanted.has(listed[0] ?? ''),
        listed,
        missed: want.filter((u) => !listed.includes(u)),
        extra: listed.filter((u) => !wanted.has(u)),
      });
    }
    return rows;
  } finally {
    await site.close();
  }
}

function score(rows: readonly EvalRow[]): Score {
  const mean = (f: (r: EvalRow) => number) => rows.reduce((s, r) => s + f(r), 0) / rows.length;
  return { queries: rows.length, precision: mean((r) => r.precision), recall: mean((r) => r.recall), firstRight: mean((r) => (r.firstRight ? 1 : 0)) };
}

/** Scores per category, in the order categories first appear, plus "overall". */
export function scoreByCategory(rows: readonly EvalRow[]): Map<string, Score> {
  const out = new Map<string, Score>();
  for (const c of [...new Set(rows.map((r) => r.category))]) out.set(c, score(rows.filter((r) => r.category === c)));
  out.set('overall', score(rows));
  return out;
}

export function formatScores(scores: ReadonlyMap<string, Score>): string {
  const lines = ['category            queries  precision  recall  first right'];
  for (const [c, s] of scores)
    lines.push(
      `${c.padEnd(20)}${String(s.queries).padStart(7)}  ${s.precision.toFixed(3).padStart(9)}  ${s.recall.toFixed(3).padStart(6)}  ${(s.firstRight * 100).toFixed(0).padStart(10)}%`,
    );
  return lines.join('\n');
}
