/**
 * `npm run witness -- <site folder or URL> --key <witness key file> [--since <checkpoint>]
 * [--vkey <log vkey>] [--out <file>]`: checks the log and co-signs its checkpoint (C2SP
 * cosignature/v1). Keep the output: it is your `--since` next time.
 */
import { runWitness } from '../src/tools/log-commands.ts';
import { finish } from '../src/tools/result.ts';
import { readCommandLine } from '../src/tools/command-line.ts';

const USAGE = `用法 usage: npm run witness -- <网站文件夹或网址 site folder or URL> --key <见证私钥 witness key file> [--since <检查点 checkpoint>] [--vkey <日志公钥 log vkey>] [--out <文件 file>]
  核查日志并为其检查点联署（C2SP cosignature/v1）。保留输出：下次就是 --since。
  Checks the log and co-signs its checkpoint; keep the output, it is your --since next time.`;
const { values, positionals } = readCommandLine(
  {
    allowPositionals: true,
    options: { key: { type: 'string' }, since: { type: 'string' }, vkey: { type: 'string' }, out: { type: 'string' } },
  },
  USAGE,
);
if (positionals.length !== 1 || !values.key)
  finish({
    code: 2,
    stdout: '',
    stderr: USAGE,
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
