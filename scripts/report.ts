/**
 * `npm run report [-- --csv out.csv] [--village <id>]`: the county's compliance view per village and
 * quarter, in the terminal and optionally as a CSV for Excel (src/tools/report.ts).
 */
import { report } from '../src/tools/report.ts';
import { finish } from '../src/tools/result.ts';
import { readCommandLine } from '../src/tools/command-line.ts';

const USAGE = `用法 usage: npm run report [-- --csv <文件 out.csv>] [--village <村编号 village id>] [--root <县文件夹 county folder>]
  全县各村各季度的合规情况，可另存为 Excel 能打开的 CSV。The county's compliance per village and quarter, optionally as a CSV.`;
const { values } = readCommandLine({ options: { csv: { type: 'string' }, village: { type: 'string' }, root: { type: 'string' } } }, USAGE);
finish(report(values.root ?? process.cwd(), { csv: values.csv, village: values.village, cwd: process.cwd() }));
