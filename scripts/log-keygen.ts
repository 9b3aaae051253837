/**
 * `npm run log-keygen -- --name <log origin, e.g. cwgk.longxian.example.cn/log> --out <key file>
 * [--witness]`: writes a new Ed25519 key pair for a county's log (or, with --witness, a
 * cosignature/v1 witness key). The private key file gets mode 0600; the vkey line is printed.
 */
import { runKeygen } from '../src/tools/log-commands.ts';
import { finish } from '../src/tools/result.ts';
import { readCommandLine } from '../src/tools/command-line.ts';

const USAGE = `用法 usage: npm run log-keygen -- --name <日志名 log origin> --out <私钥文件 key file> [--witness]
  为全县的公开日志生成新的 Ed25519 密钥对（--witness：见证人的密钥）。
  Writes a new Ed25519 key pair for a county's log (--witness: a witness key).`;
const { values } = readCommandLine({ options: { name: { type: 'string' }, out: { type: 'string' }, witness: { type: 'boolean' } } }, USAGE);
if (!values.name || !values.out) finish({ code: 2, stdout: '', stderr: USAGE });
finish(await runKeygen({ name: values.name, out: values.out, witness: values.witness }));
