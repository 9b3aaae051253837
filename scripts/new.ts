/**
 * `npm run new -- <village-id> <yyyy-qn>`: scaffolds a village's next quarter (src/tools/new-quarter.ts).
 */
import { parseArgs } from 'node:util';
import { newQuarter } from '../src/tools/new-quarter.ts';
import { finish } from '../src/tools/result.ts';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { root: { type: 'string' } } });
finish(newQuarter(values.root ?? process.cwd(), positionals[0], positionals[1]));
