/**
 * `npm run witness -- <site folder or URL> --key <witness key file> [--since <checkpoint>]
 * [--vkey <log vkey>] [--out <file>]`: checks the log and co-signs its checkpoint (C2SP
 * cosignature/v1). Keep the output: it is your `--since` next time.
 */
import { parseArgs } from 'node:util';
import { runWitness } from '../src/tools/log-commands.ts';
import { finish } from '../src/tools/result.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { key: { type: 'string' }, since: { type: 'string' }, vkey: { type: 'string' }, out: { type: 'string' } },
});
if (positionals.length !== 1 || !values.key)
  finish({
    code: 2,
    stdout: '',
    stderr: 'usage: npm run witness -- <site folder or URL> --key <witness key file> [--since <checkpoint>] [--vkey <vkey>] [--out <file>]',
  });
finish(
  await runWitness({
    site: positionals[0] as string,
    keyFile: values.key,
    since: values.since,
    vkey: values.vkey,
    out: values.out,
    now: Math.floor(Date.now() / 1000),
  }),
);
