/**
 * `npm run new -- <village-id> <yyyy-qn>`: scaffolds a village's next quarter (src/tools/new-quarter.ts).
 */
import { newQuarter } from '../src/tools/new-quarter.ts';
import { finish } from '../src/tools/result.ts';
import { readCommandLine } from '../src/tools/command-line.ts';

const USAGE = `用法 usage: npm run new -- <村编号 village id> <季度 yyyy-qn> [--root <县文件夹 county folder>]
  为这个村新建下一个季度的文件（带〔待填〕占位）。Scaffolds the village's next quarter, with 〔待填〕 placeholders.`;
const { positionals, values } = readCommandLine({ allowPositionals: true, options: { root: { type: 'string' } } }, USAGE);
finish(newQuarter(values.root ?? process.cwd(), positionals[0], positionals[1]));
