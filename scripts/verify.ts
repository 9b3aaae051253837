/**
 * `npm run verify -- <site folder or URL> [--since <old checkpoint file>] [--vkey <vkey or file>]
 * [--witness <witness vkey or file>]…`: audits a county's publication log (src/log-store/commands.ts).
 * Exits 0 when everything checks, 1 when something broke, 2 when it could not check.
 */
import { runVerify } from '../src/tools/log-commands.ts';
import { finish } from '../src/tools/result.ts';
import { readCommandLine } from '../src/tools/command-line.ts';

const USAGE = `用法 usage: npm run verify -- <网站文件夹或网址 site folder or URL> [--since <旧检查点 old checkpoint file>] [--vkey <公钥 vkey or file>] [--witness <见证公钥 witness vkey or file>]…
  核查全县的公开日志。退出码 0：全部核对无误；1：有问题；2：无法核查。
  Audits the county's publication log. Exit 0: all checks; 1: something broke; 2: could not check.`;
const { values, positionals } = readCommandLine(
  {
    allowPositionals: true,
    options: { since: { type: 'string' }, vkey: { type: 'string' }, witness: { type: 'string', multiple: true } },
  },
  USAGE,
);
if (positionals.length !== 1) finish({ code: 2, stdout: '', stderr: USAGE });
finish(await runVerify({ site: positionals[0] as string, since: values.since, vkey: values.vkey, witnesses: values.witness }));
