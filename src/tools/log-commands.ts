/**
 * The auditor commands as functions (scripts/ only parses arguments and prints):
 * `npm run verify`, `npm run witness`, `npm run log-keygen`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { ToolResult } from './result.ts';
import { auditLog, formatAuditReport, readCheckpointNote, type LeafCheck } from '../log-store/audit.ts';
import { formatNote, KEY_TYPE_COSIGNATURE_V1, KEY_TYPE_ED25519, parseVerifierKey, cosignText, type VerifierKey } from '../lib/tlog/note.ts';
import { loadSignerKey, generateKeyFile } from '../log-store/keys.ts';
import { checkAgainstPublishedRecords } from '../log-store/published-records.ts';
import { openPublishedLog, openPublishedSite } from '../log-store/site-source.ts';

export interface VerifyArgs {
  /** Site folder or URL. */
  site: string;
  /** Path of an older checkpoint file the auditor kept. */
  since?: string | undefined;
  /** The log's vkey line (as in site.yaml), or a file holding it. */
  vkey?: string | undefined;
  /** Witness vkeys whose cosignatures must be present. */
  witnesses?: string[] | undefined;
  /** Checks each leaf against the published record; default: the record's content file and page on the site. */
  recomputeLeaf?: LeafCheck | undefined;
}

function readKeyArg(arg: string): VerifierKey {
  const text = arg.includes('+') ? arg : readFileSync(arg, 'utf8');
  return parseVerifierKey(text.trim());
}

async function runAudit(args: VerifyArgs, out: string[]) {
  const get = openPublishedLog(args.site);
  let vkey: VerifierKey | undefined;
  if (args.vkey) vkey = readKeyArg(args.vkey);
  else {
    const published = await get('vkey');
    if (published) {
      vkey = parseVerifierKey(new TextDecoder().decode(published).trim());
      out.push(
        `注意：公钥取自网站本身（log/vkey），请与 site.yaml 或县里公布的公钥核对，并用 --vkey 固定 / note: the key was taken from the site itself (log/vkey); compare it with the published one and pin it with --vkey`,
      );
    }
  }
  return auditLog({
    get,
    ...(vkey ? { vkey } : {}),
    ...(args.since ? { since: readFileSync(args.since, 'utf8') } : {}),
    witnesses: (args.witnesses ?? []).map(readKeyArg),
    // Every leaf is recomputed from the published record itself (its content file and its page).
    recomputeLeaf: args.recomputeLeaf ?? checkAgainstPublishedRecords(openPublishedSite(args.site)),
  });
}

/** npm run verify -- <site> [--since <checkpoint>] [--vkey <vkey>] */
export async function runVerify(args: VerifyArgs): Promise<ToolResult> {
  const out: string[] = [];
  try {
    const report = await runAudit(args, out);
    out.push(formatAuditReport(report));
    return { code: report.ok ? 0 : 1, stdout: out.join('\n'), stderr: '' };
  } catch (e) {
    return { code: 2, stdout: out.join('\n'), stderr: `核验无法进行 / cannot verify: ${(e as Error).message}` };
  }
}

export interface WitnessArgs extends VerifyArgs {
  /** The witness's private key file (type 0x04). */
  keyFile: string;
  /** Where to write the cosigned checkpoint; stdout when absent. */
  out?: string | undefined;
  /** POSIX seconds of the cosignature (the command passes the clock). */
  now: number;
}

/**
 * npm run witness -- <site> --key <witness key> [--since <checkpoint>]: verifies the log as
 * `verify` does (and its consistency with the witness's last checkpoint) and only then adds a
 * C2SP cosignature/v1 line to the checkpoint.
 */
export async function runWitness(args: WitnessArgs): Promise<ToolResult> {
  const out: string[] = [];
  try {
    const key = await loadSignerKey({ keyFile: args.keyFile });
    if (!key || key.type !== KEY_TYPE_COSIGNATURE_V1)
      return {
        code: 2,
        stdout: '',
        stderr: `${args.keyFile}: 不是见证密钥（应由 npm run log-keygen -- --witness 生成） / not a witness key (make one with npm run log-keygen -- --witness)`,
      };
    const report = await runAudit(args, out);
    out.push(formatAuditReport(report));
    if (!report.ok || !report.checkpointNote)
      return { code: 1, stdout: out.join('\n'), stderr: '见证人拒绝联署：日志未通过核验 / witness refuses to cosign: the log failed verification' };
    const note = readCheckpointNote(report.checkpointNote);
    if (note.signatures.length === 0)
      return { code: 1, stdout: out.join('\n'), stderr: '见证人拒绝联署：检查点未签名 / witness refuses to cosign: the checkpoint is unsigned' };
    const sig = await cosignText(note.text, key, args.now);
    const cosigned = formatNote({ text: note.text, signatures: [...note.signatures.filter((s) => s.name !== key.name), sig] });
    if (args.out) {
      writeFileSync(args.out, cosigned);
      out.push(`已联署，写入 ${args.out} / cosigned, written to ${args.out}`);
      return { code: 0, stdout: out.join('\n'), stderr: '' };
    }
    return { code: 0, stdout: cosigned, stderr: out.join('\n') };
  } catch (e) {
    return { code: 2, stdout: out.join('\n'), stderr: `见证无法进行 / cannot witness: ${(e as Error).message}` };
  }
}

/** npm run log-keygen -- --name <origin> --out <key file> [--witness] */
export async function runKeygen(args: { name: string; out: string; witness?: boolean | undefined }): Promise<ToolResult> {
  try {
    const vkey = await generateKeyFile(args.out, args.name, args.witness ? KEY_TYPE_COSIGNATURE_V1 : KEY_TYPE_ED25519);
    const lines = args.witness
      ? [
          `见证私钥已写入 ${args.out}（仅本人可读）。请把下面的公钥交给审计方： / witness key written to ${args.out} (mode 0600). Give auditors this public key:`,
          vkey,
        ]
      : [
          `日志私钥已写入 ${args.out}（仅本人可读）。不要放进仓库；构建时用 --log-key <文件> 或环境变量 GONGKAI_LOG_KEY 提供。 / log key written to ${args.out} (mode 0600). Keep it out of the repository; give it to the build by file path or the GONGKAI_LOG_KEY environment variable.`,
          '把下面这一行加入 content/site.yaml： / add this line to content/site.yaml:',
          `logKey: ${vkey}`,
        ];
    return { code: 0, stdout: lines.join('\n'), stderr: '' };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EEXIST') return { code: 1, stdout: '', stderr: `${args.out} 已存在，不会覆盖 / ${args.out} already exists; it will not be overwritten` };
    return { code: 1, stdout: '', stderr: err.message };
  }
}
