/**
 * `npm run import -- <village-id> <file.xlsx|file.csv> [--period yyyy-qn|yyyy-mm] [--force]`: turns a
 * ledger spreadsheet into the period's ledger YAML (src/tools/import-ledger.ts).
 */
import { parseArgs } from 'node:util';
import { importLedger } from '../src/tools/import-ledger.ts';
import { finish } from '../src/tools/result.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { period: { type: 'string' }, force: { type: 'boolean' }, root: { type: 'string' } },
});
finish(await importLedger(values.root ?? process.cwd(), positionals[0], positionals[1], { period: values.period, force: values.force, cwd: process.cwd() }));
