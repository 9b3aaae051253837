/**
 * `npm run report [-- --csv out.csv] [--village <id>]`: the county's compliance view per village and
 * quarter, in the terminal and optionally as a CSV for Excel (src/tools/report.ts).
 */
import { parseArgs } from 'node:util';
import { report } from '../src/tools/report.ts';
import { finish } from '../src/tools/result.ts';

const { values } = parseArgs({ options: { csv: { type: 'string' }, village: { type: 'string' }, root: { type: 'string' } } });
finish(report(values.root ?? process.cwd(), { csv: values.csv, village: values.village, cwd: process.cwd() }));
