/**
 * `npm run log-keygen -- --name <log origin, e.g. cwgk.longxian.example.cn/log> --out <key file>
 * [--witness]`: writes a new Ed25519 key pair for a county's log (or, with --witness, a
 * cosignature/v1 witness key). The private key file gets mode 0600; the vkey line is printed.
 */
import { parseArgs } from 'node:util';
import { runKeygen } from '../src/tools/log-commands.ts';
import { finish } from '../src/tools/result.ts';

const { values } = parseArgs({ options: { name: { type: 'string' }, out: { type: 'string' }, witness: { type: 'boolean' } } });
if (!values.name || !values.out) finish({ code: 2, stdout: '', stderr: 'usage: npm run log-keygen -- --name <log origin> --out <key file> [--witness]' });
finish(await runKeygen({ name: values.name, out: values.out, witness: values.witness }));
