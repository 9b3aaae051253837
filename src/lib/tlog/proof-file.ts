/**
 * C2SP tlog-proof (https://c2sp.org/tlog-proof): one self-contained, offline-checkable proof that
 * an entry is in the log —
 *
 *   c2sp.org/tlog-proof@v1\n[extra <base64>\n]index <n>\n<base64 hash>\n…\n\n<signed checkpoint>
 *
 * Stored with the extension `.tlog-proof`.
 */
import { fromBase64, toBase64 } from './bytes.ts';
import type { Hash } from './merkle.ts';

const HEADER = 'c2sp.org/tlog-proof@v1';

export interface ProofFile {
  /** Opaque, unauthenticated extra data. */
  extra?: Uint8Array;
  index: number;
  /** Inclusion proof hashes, from the leaf's sibling up to the root's child. */
  proof: Hash[];
  /** The checkpoint note, verbatim (with its signatures). */
  checkpoint: string;
}

export function formatProofFile(p: ProofFile): string {
  const lines = [HEADER, ...(p.extra ? [`extra ${toBase64(p.extra)}`] : []), `index ${p.index}`, ...p.proof.map(toBase64)];
  return `${lines.join('\n')}\n\n${p.checkpoint}`;
}

/** Parses a proof file; throws naming the bad line. */
export function parseProofFile(text: string): ProofFile {
  const split = text.indexOf('\n\n');
  if (split < 0) throw new Error('proof file has no blank line before its checkpoint / 证明文件缺少检查点');
  const lines = text.slice(0, split).split('\n');
  if (lines[0] !== HEADER) throw new Error(`proof file must start with "${HEADER}" / 证明文件首行错误`);
  let at = 1;
  let extra: Uint8Array | undefined;
  if (lines[at]?.startsWith('extra ')) {
    extra = fromBase64(lines[at]!.slice(6)) ?? undefined;
    if (!extra) throw new Error('proof file "extra" line is not base64 / 证明文件 extra 行格式错误');
    at++;
  }
  const m = /^index (0|[1-9][0-9]*)$/.exec(lines[at] ?? '');
  if (!m) throw new Error(`proof file line ${at + 1} should be "index <n>" / 证明文件缺少 index 行`);
  const proof = lines.slice(at + 1).map((l, i) => {
    const h = fromBase64(l);
    if (!h || h.length !== 32) throw new Error(`proof file line ${at + 2 + i} is not a base64 SHA-256 hash / 证明文件第 ${at + 2 + i} 行不是哈希`);
    return h;
  });
  return { ...(extra ? { extra } : {}), index: Number(m[1]), proof, checkpoint: text.slice(split + 2) };
}
