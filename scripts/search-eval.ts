/**
 * npm run search-eval [-- --verbose] [-- --set heldout.json]: runs the search evaluation sets (test/search-eval/
 * queries.json and the held-out sets heldout.json to heldout-8.json) against the built site in dist/ and prints
 * precision, recall and first-result-right per category, set by set. Build first (npm run build). --verbose lists,
 * for every query short of perfect, what it missed and what it listed that nobody wanted; --set runs one set.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EVAL_DIR, HELD_OUT_SETS, formatScores, readQueries, runEvaluation, scoreByCategory } from '../test/search-eval/evaluate.ts';

const dist = join(import.meta.dirname, '..', 'dist');
if (!existsSync(join(dist, 'pagefind'))) {
  console.error('没有找到 dist/pagefind，请先运行 npm run build。 No dist/pagefind: run npm run build first.');
  process.exit(1);
}
const only = process.argv.includes('--set') ? process.argv[process.argv.indexOf('--set') + 1] : undefined;
for (const file of ['queries.json', ...HELD_OUT_SETS].filter((f) => only === undefined || f === only)) {
  const rows = await runEvaluation(dist, readQueries(join(EVAL_DIR, file)));
  console.log(`\n${file}`);
  if (process.argv.includes('--verbose')) {
    for (const r of rows) {
      if (r.precision === 1 && r.recall === 1 && r.firstRight) continue;
      console.log(
        `[${r.category}] ${r.q}  P=${r.precision.toFixed(2)} R=${r.recall.toFixed(2)} first=${r.firstRight ? 'ok' : 'WRONG'}${r.listed[0] ? ` (${r.listed[0]})` : ''}`,
      );
      if (r.missed.length > 0) console.log(`   missed: ${r.missed.join(' ')}`);
      if (r.extra.length > 0) console.log(`   extra:  ${r.extra.join(' ')}`);
    }
  }
  console.log(formatScores(scoreByCategory(rows)));
}
