/**
 * `npm run verify -- <site folder or URL> [--since <old checkpoint file>] [--vkey <vkey or file>]
 * [--witness <witness vkey or file>]…`: audits a county's publication log (src/log-store/commands.ts).
 * Exits 0 when everything checks, 1 when something broke, 2 when it could not check.
 */
import { parseArgs } from 'node:util';
import { runVerify } from '../src/tools/log-commands.ts';
import { finish } from '../src/tools/result.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { since: { type: 'string' }, vkey: { type: 'string' }, witness: { type: 'string', multiple: true } },
});
if (positionals.length !== 1) finish({ code: 2, stdout: '', stderr: 'usage: npm run verify -- <site folder or URL> [--since <checkpoint>] [--vkey <vkey>]' });
finish(await runVerify({ site: positionals[0] as string, since: values.since, vkey: values.vkey, witnesses: values.witness }));
