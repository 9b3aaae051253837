/**
 * `npm run check [-- --village <id>]`: validates the content/ tree without building and prints every
 * problem. Exits 1 when there is any error.
 */
import { parseArgs } from 'node:util';
import { loadCounty } from '../src/check/load.ts';
import { formatProblems } from '../src/check/format.ts';

const { values } = parseArgs({ options: { village: { type: 'string' }, root: { type: 'string' } } });
const result = loadCounty(values.root ?? process.cwd(), values.village ? { village: values.village } : {});
console.log(formatProblems(result.problems));
process.exit(result.problems.some((p) => p.severity === 'error') ? 1 : 0);
