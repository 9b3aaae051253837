/**
 * `npm run check [-- --village <id>]`: validates the content/ tree without building and prints every
 * problem; with --village, checks that village and ends with a summary for its clerk
 * (src/tools/check-village.ts). Exits 1 when there is any error.
 */
import { parseArgs } from 'node:util';
import { loadCountyInParallel } from '../src/check/load-workers.ts';
import { formatProblems } from '../src/check/format.ts';
import { checkVillage } from '../src/tools/check-village.ts';
import { finish } from '../src/tools/result.ts';

const { values } = parseArgs({ options: { village: { type: 'string' }, root: { type: 'string' } } });
const root = values.root ?? process.cwd();
if (values.village) finish(checkVillage(root, values.village));
const result = await loadCountyInParallel(root);
console.log(formatProblems(result.problems));
process.exit(result.problems.some((p) => p.severity === 'error') ? 1 : 0);
