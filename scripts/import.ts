/**
 * `npm run import -- <village-id> <file.xlsx|file.csv> [--period yyyy-qn|yyyy-mm] [--force]`: turns a
 * ledger spreadsheet into the period's ledger YAML (src/tools/import-ledger.ts).
 */
import { importLedger } from '../src/tools/import-ledger.ts';
import { finish } from '../src/tools/result.ts';
import { readCommandLine } from '../src/tools/command-line.ts';

const USAGE = `用法 usage: npm run import -- <村编号 village id> <账目表 file.xlsx|file.csv> [--period yyyy-qn|yyyy-mm] [--force] [--root <县文件夹 county folder>]
  把账目表格转成这一期的账目 YAML。Turns a ledger spreadsheet into the period's ledger YAML.
  --force: 覆盖已有的账目文件 replace an existing ledger file`;
const { positionals, values } = readCommandLine(
  {
    allowPositionals: true,
    options: { period: { type: 'string' }, force: { type: 'boolean' }, root: { type: 'string' } },
  },
  USAGE,
);
finish(await importLedger(values.root ?? process.cwd(), positionals[0], positionals[1], { period: values.period, force: values.force, cwd: process.cwd() }));
