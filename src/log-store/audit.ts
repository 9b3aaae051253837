/**
 * The auditor's check of a published log (npm run verify, npm run witness, and the build's own
 * self-check): recompute every leaf hash from the published entries, rebuild the tree from them,
 * check the tiles, every per-record proof, the checkpoint's signature against a pinned key, and
 * consistency with an older checkpoint the auditor kept. Reading files is injected (`get`), so
 * the same code audits a folder, a web site or an in-memory test log. Every problem names what
 * broke, in Chinese with the English beside it.
 */
import type { LogLeaf } from '../schemas/log-leaf.ts';
import { fromUtf8, toBase64, toHex } from '../lib/tlog/bytes.ts';
import { type Checkpoint, parseCheckpoint } from '../lib/tlog/checkpoint.ts';
import { decodeLeaf, getLeafKey, getLeafScheme, getRecordKey } from './leaf.ts';
import { buildMerkleTree, equalHashes, type Hash, hashLeaf, verifyConsistency, verifyInclusion } from '../lib/tlog/merkle.ts';
import { type Note, parseNote, type VerifierKey, verifyCosignature, verifyNoteSignature } from '../lib/tlog/note.ts';
import { parseProofFile } from '../lib/tlog/proof-file.ts';
import { decodeEntryBundle, decodeHashTile, getTileLevels, getTilePath, listTiles, TILE_WIDTH } from '../lib/tlog/tiles.ts';

/** Path of the inclusion proof of entry `index`, relative to the log folder. */
export function getProofPath(index: number): string {
  return `proof/${index}.tlog-proof`;
}

/**
 * Part B's hook: given a leaf, check it against the published record it stands for (recompute the
 * digest from the record page or data file). Returns a problem sentence, or null when it matches.
 */
export type LeafCheck = (leaf: LogLeaf, index: number) => Promise<string | null> | string | null;

export interface AuditOptions {
  /** Reads a file of the published log by its path relative to the log folder; null when missing. */
  get(path: string): Promise<Uint8Array | null>;
  /** The log's public key; without it the signature is not checked. */
  vkey?: VerifierKey;
  /** The expected origin line, when the auditor knows it. */
  origin?: string;
  /** An older checkpoint note the auditor kept. */
  since?: string;
  /** Witness keys whose cosignatures to report. */
  witnesses?: VerifierKey[];
  recomputeLeaf?: LeafCheck;
}

export interface AuditProblem {
  /** Stable code, e.g. `entry.edited`, `history.rewritten`, `signature.wrong-key`. */
  code: string;
  message: string;
}

export interface AuditReport {
  ok: boolean;
  problems: AuditProblem[];
  /** Facts worth telling the auditor that are not failures (unsigned log, witness found, …). */
  notes: string[];
  /** The checkpoint note exactly as published. */
  checkpointNote?: string;
  checkpoint?: Checkpoint;
  leaves: LogLeaf[];
  leafHashes: Hash[];
}

/** Splits published checkpoint text into its note (signed) or bare text (unsigned log). */
export function readCheckpointNote(text: string): Note {
  return text.includes('\n\n') ? parseNote(text) : { text, signatures: [] };
}

async function checkSignature(note: Note, cp: Checkpoint, key: VerifierKey, what: string, problems: AuditProblem[]): Promise<void> {
  if (await verifyNoteSignature(note, key)) return;
  const byName = note.signatures.filter((s) => s.name === key.name);
  if (note.signatures.length === 0)
    problems.push({
      code: 'signature.missing',
      message: `${what}未签名，但应由 ${key.name} 签名 / ${what === '检查点' ? 'the checkpoint' : what} is unsigned; it should be signed by ${key.name}`,
    });
  else if (byName.length > 0 && byName.every((s) => toHex(s.id) !== toHex(key.id)))
    problems.push({
      code: 'signature.wrong-key',
      message: `${what}的签名来自另一把密钥（编号 ${byName.map((s) => toHex(s.id)).join(', ')}，应为 ${toHex(key.id)}）：日志密钥被更换 / signed by a different key (key ID ${byName.map((s) => toHex(s.id)).join(', ')}, expected ${toHex(key.id)}): the log key was swapped`,
    });
  else
    problems.push({
      code: 'signature.invalid',
      message: `${what}（${cp.origin}，${cp.size} 条）没有 ${key.name}+${toHex(key.id)} 的有效签名：检查点被改动或换了密钥 / no valid signature by ${key.name}+${toHex(key.id)}: the checkpoint was altered or signed with another key`,
    });
}

/** Checks a published log; see the module comment. Never throws for a bad log: it reports. */
export async function auditLog(options: AuditOptions): Promise<AuditReport> {
  const problems: AuditProblem[] = [];
  const notes: string[] = [];
  const report: AuditReport = { ok: false, problems, notes, leaves: [], leafHashes: [] };
  const fail = (code: string, message: string): void => void problems.push({ code, message });

  // 1. The checkpoint and its signature.
  const raw = await options.get('checkpoint');
  const text = raw ? fromUtf8(raw) : null;
  if (text === null) {
    fail('checkpoint.missing', '找不到检查点文件 log/checkpoint / the checkpoint file log/checkpoint is missing or not UTF-8');
    return report;
  }
  let note: Note;
  let cp: Checkpoint;
  try {
    note = readCheckpointNote(text);
    cp = parseCheckpoint(note.text);
  } catch (e) {
    fail('checkpoint.malformed', `检查点格式错误 / the checkpoint is malformed: ${(e as Error).message}`);
    return report;
  }
  report.checkpointNote = text;
  report.checkpoint = cp;
  if (options.origin && cp.origin !== options.origin)
    fail(
      'checkpoint.origin',
      `检查点属于另一本日志 “${cp.origin}”，应为 “${options.origin}” / the checkpoint names log "${cp.origin}", expected "${options.origin}"`,
    );
  if (options.vkey) await checkSignature(note, cp, options.vkey, '检查点', problems);
  else if (note.signatures.length === 0)
    notes.push('日志未签名：只能证明前后一致，不能证明出自县里 / the log is unsigned: it shows consistency, not who published it');
  else
    notes.push(
      `签名未核验：没有提供公钥（--vkey） / signature not checked: no public key given (--vkey); signed by ${note.signatures.map((s) => s.name).join(', ')}`,
    );
  for (const w of options.witnesses ?? []) {
    const t = await verifyCosignature(note, w);
    if (t === null) fail('cosignature.missing', `没有见证人 ${w.name} 的有效联署 / no valid cosignature by witness ${w.name}`);
    else notes.push(`见证人 ${w.name} 已联署（${new Date(t * 1000).toISOString()}） / cosigned by witness ${w.name}`);
  }

  // 2. Entries and tiles: every entry must hash to its place in the tree.
  const entries: Uint8Array[] = [];
  const tileHashes: Hash[] = [];
  const published = new Map<string, Uint8Array>();
  for (const { level, index, width } of listTiles(cp.size)) {
    const path = getTilePath(level, index, width);
    const tile = await options.get(path);
    if (!tile) {
      fail(
        'tile.missing',
        `缺少 log/${path}：已发布的条目比检查点所说的少（有条目被删除？） / log/${path} is missing: the log holds fewer entries than its checkpoint says (was an entry deleted?)`,
      );
      continue;
    }
    published.set(path, tile);
    if (level > 0) continue;
    const hashes = decodeHashTile(tile, width);
    if (!hashes) fail('tile.malformed', `log/${path} 长度不对 / log/${path} is not ${width} hashes long`);
    else tileHashes.push(...hashes);
    const bundlePath = getTilePath('entries', index, width);
    const bundle = await options.get(bundlePath);
    const decoded = bundle ? decodeEntryBundle(bundle) : null;
    if (!decoded || decoded.length !== width) {
      fail(
        'entry.missing',
        `log/${bundlePath} 缺失或条目数不是 ${width}：有条目被删除 / log/${bundlePath} is missing or does not hold ${width} entries: an entry was deleted`,
      );
      entries.push(...Array.from({ length: width }, () => new Uint8Array(0)));
    } else entries.push(...decoded);
  }
  if (problems.some((p) => p.code.startsWith('tile.') || p.code === 'entry.missing')) return report;

  const leafHashes = entries.map(hashLeaf);
  report.leafHashes = leafHashes;
  const describe = (i: number): string => {
    const d = decodeLeaf(entries[i] as Uint8Array);
    return 'leaf' in d ? `第 ${i} 条（${getLeafKey(d.leaf)}） / entry ${i} (${getLeafKey(d.leaf)})` : `第 ${i} 条 / entry ${i}`;
  };
  leafHashes.forEach((h, i) => {
    if (!equalHashes(h, tileHashes[i] as Hash))
      fail('entry.edited', `${describe(i)} 与登记时的哈希不符：登记后被改动 / does not match the hash in the tree: it was edited after it was logged`);
  });
  const levels = getTileLevels(leafHashes);
  for (const [path, tile] of published) {
    const m = /^tile\/(\d+)\//.exec(path);
    const level = Number(m?.[1]);
    if (level === 0) continue;
    const index = listTiles(cp.size).find((t) => getTilePath(t.level, t.index, t.width) === path)!;
    const want = (levels[level] ?? []).slice(index.index * TILE_WIDTH, index.index * TILE_WIDTH + index.width);
    const got = decodeHashTile(tile, index.width);
    if (!got || got.some((h, i) => !equalHashes(h, want[i] as Hash)))
      fail('tile.mismatch', `log/${path} 与条目算出的哈希不符 / log/${path} does not match the hashes computed from the entries`);
  }
  const tree = buildMerkleTree(leafHashes);
  const root = tree.getRoot();
  if (!equalHashes(root, cp.rootHash))
    fail(
      'root.mismatch',
      `全部条目算出的根哈希 ${toBase64(root)} 与检查点的 ${toBase64(cp.rootHash)} 不符：签名后有条目被改动、增加或删除 / the entries add up to root ${toBase64(root)}, but the checkpoint says ${toBase64(cp.rootHash)}: entries were changed, added or removed after signing`,
    );

  // 3. Leaves: well-formed, one digest per record version, corrections point backwards.
  const seen = new Map<string, { index: number; digest: string }>();
  let relogged = 0;
  const records = new Set<string>();
  for (let i = 0; i < entries.length; i++) {
    const d = decodeLeaf(entries[i] as Uint8Array);
    if ('error' in d) {
      fail('entry.malformed', `第 ${i} 条不是有效的日志条目 / entry ${i} is not a valid log leaf: ${d.error}`);
      continue;
    }
    const leaf = d.leaf;
    report.leaves.push(leaf);
    const key = getLeafKey(leaf);
    // A version is logged once per digest scheme: a scheme-2 leaf after a scheme-1 leaf re-logs it.
    const scheme = getLeafScheme(leaf);
    const before = seen.get(`${key}#${scheme}`);
    if (before && before.digest !== leaf.digest)
      fail(
        'record.rewritten',
        `${key} 登记了两次且内容不同（第 ${before.index} 条和第 ${i} 条）：同一版本不能改内容 / ${key} is logged twice with different content (entries ${before.index} and ${i}): a version's content may not change`,
      );
    if (!before && seen.has(`${key}#${scheme - 1}`)) relogged++;
    const newer = seen.has(`${key}#${scheme + 1}`);
    if (newer)
      fail(
        'record.scheme-downgrade',
        `${key} 在按方案 ${scheme + 1} 登记之后又按旧的摘要方案 ${scheme} 登记（第 ${i} 条）：日志被旧程序追加 / ${key} is logged under the old digest scheme ${scheme} (entry ${i}) after scheme ${scheme + 1}: an old program appended to the log`,
      );
    if (!before) seen.set(`${key}#${scheme}`, { index: i, digest: leaf.digest });
    if (leaf.supersedes && !records.has(getRecordKey({ ...leaf, id: leaf.supersedes })))
      fail('supersedes.unknown', `${key} 更正的 ${leaf.supersedes} 没有更早的登记 / ${key} corrects ${leaf.supersedes}, which is not logged before it`);
    records.add(getRecordKey(leaf));
    const recomputed = await options.recomputeLeaf?.(leaf, i);
    if (recomputed) fail('leaf.recompute', `${describe(i)}：${recomputed}`);
  }

  if (relogged > 0)
    notes.push(
      `${relogged} 个已发布版本按新的摘要方案（方案 2：记录本身的数据）重新登记过一次，旧条目仍在 / ${relogged} published versions were logged again under digest scheme 2 (the record's own data); their old entries stay`,
    );
  // 4. Every per-record proof. Proofs share the checkpoint of their tile's end: each one's signature is checked once.
  const signatureChecked = new Set<string>([text]);
  for (let i = 0; i < entries.length; i++) {
    const path = getProofPath(i);
    const bytes = await options.get(path);
    const proofText = bytes ? fromUtf8(bytes) : null;
    if (proofText === null) {
      fail('proof.missing', `缺少 log/${path} / the inclusion proof log/${path} is missing`);
      continue;
    }
    try {
      const p = parseProofFile(proofText);
      const pNote = readCheckpointNote(p.checkpoint);
      const pcp = parseCheckpoint(pNote.text);
      const ok =
        p.index === i &&
        pcp.origin === cp.origin &&
        pcp.size <= cp.size &&
        equalHashes(tree.getRoot(pcp.size), pcp.rootHash) &&
        verifyInclusion(i, pcp.size, leafHashes[i] as Hash, p.proof, pcp.rootHash);
      if (!ok) fail('proof.invalid', `log/${path} 不能证明${describe(i)}在日志中 / log/${path} does not prove that entry ${i} is in the log`);
      else if (options.vkey && !signatureChecked.has(p.checkpoint)) {
        signatureChecked.add(p.checkpoint);
        await checkSignature(pNote, pcp, options.vkey, `log/${path} 中的检查点`, problems);
      }
    } catch (e) {
      fail('proof.malformed', `log/${path} 格式错误 / log/${path} is malformed: ${(e as Error).message}`);
    }
  }

  // 5. Consistency with the auditor's older checkpoint.
  if (options.since !== undefined) {
    try {
      const oldNote = readCheckpointNote(options.since);
      const old = parseCheckpoint(oldNote.text);
      if (options.vkey) await checkSignature(oldNote, old, options.vkey, '旧检查点', problems);
      if (old.origin !== cp.origin) fail('since.origin', `旧检查点属于另一本日志 “${old.origin}” / your old checkpoint is for another log, "${old.origin}"`);
      else if (old.size > cp.size)
        fail(
          'history.shrunk',
          `日志变短了：现在 ${cp.size} 条，您保存的检查点有 ${old.size} 条——有条目被删除 / the log shrank from ${old.size} to ${cp.size} entries: entries were deleted`,
        );
      else if (!verifyConsistency(old.size, cp.size, tree.getConsistencyProof(old.size), old.rootHash, cp.rootHash))
        fail(
          'history.rewritten',
          `前 ${old.size} 条已不是您保存的检查点（根哈希 ${toBase64(old.rootHash)}）所记录的内容：历史被改写，早先登记的条目被改动或删除 / the first ${old.size} entries no longer match your checkpoint (root ${toBase64(old.rootHash)}): history was rewritten, an entry logged before it was changed or removed`,
        );
      else
        notes.push(
          `与旧检查点一致：前 ${old.size} 条未被改动，之后新增 ${cp.size - old.size} 条 / consistent with your checkpoint: the first ${old.size} entries are unchanged, ${cp.size - old.size} appended`,
        );
    } catch (e) {
      fail('since.malformed', `旧检查点格式错误 / your old checkpoint is malformed: ${(e as Error).message}`);
    }
  }

  report.ok = problems.length === 0;
  return report;
}

/** The report as text for the terminal. */
export function formatAuditReport(report: AuditReport): string {
  const head = report.checkpoint ? `${report.checkpoint.origin}: ${report.checkpoint.size} 条 / entries, root ${toBase64(report.checkpoint.rootHash)}` : '';
  const verdict = report.ok
    ? '✓ 核验通过 / verified'
    : `✗ 核验失败：${report.problems.length} 个问题 / verification failed: ${report.problems.length} problem(s)`;
  return [head, ...report.problems.map((p) => `  ✗ [${p.code}] ${p.message}`), ...report.notes.map((n) => `  · ${n}`), verdict].filter(Boolean).join('\n');
}
