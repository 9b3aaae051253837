/**
 * The log in the county's repository: `<root>/log/entries.jsonl` holds one canonical leaf per
 * line, append-only; `<root>/log/checkpoint` the latest checkpoint. `appendLeaves` adds new record
 * versions and refuses a changed one; `publishLog` writes the published form (checkpoint, tiles,
 * entry bundles, one tlog-proof per entry) into a site folder atomically.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { LogLeaf } from '../schemas/log-leaf.ts';
import { utf8 } from '../lib/tlog/bytes.ts';
import { formatCheckpoint, parseCheckpoint } from '../lib/tlog/checkpoint.ts';
import { decodeLeaf, encodeLeafText, getLeafKey, getLeafScheme } from './leaf.ts';
import { buildMerkleTree, equalHashes, hashLeaf } from '../lib/tlog/merkle.ts';
import { formatVerifierKey, getVerifierKey, type SignerKey, signNote } from '../lib/tlog/note.ts';
import { formatProofFile } from '../lib/tlog/proof-file.ts';
import { buildTiles } from '../lib/tlog/tiles.ts';
import { getProofPath, readCheckpointNote } from './audit.ts';

export const ENTRIES_FILE = 'entries.jsonl';
export const CHECKPOINT_FILE = 'checkpoint';

/** A refusal written for the county's operator: file, record, what changed, how to fix. */
export class LogRefusal extends Error {
  override name = 'LogRefusal';
}

export interface StoredLog {
  leaves: LogLeaf[];
  /** The exact bytes of each line (without newline). */
  entries: Uint8Array[];
}

/**
 * Reads and checks `<logDir>/entries.jsonl`: every line a canonical leaf, and the entries still
 * matching the committed checkpoint (so an edited or deleted line is caught before anything is
 * appended after it).
 */
export function readLog(logDir: string): StoredLog {
  const file = join(logDir, ENTRIES_FILE);
  const log: StoredLog = { leaves: [], entries: [] };
  if (!existsSync(file)) return log;
  const text = readFileSync(file, 'utf8');
  if (text !== '' && !text.endsWith('\n'))
    throw new LogRefusal(
      `${file}: 最后一行没有换行，文件可能被截断或手工编辑过。请用 git 恢复该文件。\n${file}: the last line has no newline; the file was truncated or edited by hand. Restore it from git.`,
    );
  text
    .split('\n')
    .slice(0, -1)
    .forEach((line, i) => {
      const decoded = decodeLeaf(utf8(line));
      if ('error' in decoded)
        throw new LogRefusal(
          `${file}:${i + 1}: 这一行不是有效的日志条目（${decoded.error}）。日志只能追加，不能手工修改；请用 git 恢复该文件。\n${file}:${i + 1}: this line is not a valid log leaf (${decoded.error}). The log is append-only; restore the file from git.`,
        );
      log.leaves.push(decoded.leaf);
      log.entries.push(utf8(line));
    });
  const cpFile = join(logDir, CHECKPOINT_FILE);
  if (existsSync(cpFile)) {
    const cp = parseCheckpoint(readCheckpointNote(readFileSync(cpFile, 'utf8')).text);
    const tree = buildMerkleTree(log.entries.map(hashLeaf));
    if (cp.size > tree.size || !equalHashes(tree.getRoot(cp.size), cp.rootHash))
      throw new LogRefusal(
        `${file}: 前 ${cp.size} 条与已发布的检查点 ${cpFile} 不符——已登记的条目被改动或删除。日志只能追加：请用 git 恢复 ${ENTRIES_FILE}，需要改正的记录请发布更正（新版本）。\n` +
          `${file}: the first ${cp.size} entries no longer match the published checkpoint ${cpFile}: a logged entry was edited or deleted. The log is append-only: restore ${ENTRIES_FILE} from git and publish a correction (a new version) instead.`,
      );
  }
  return log;
}

export interface AppendResult {
  /** Leaves newly appended, in order. */
  appended: LogLeaf[];
  /**
   * Of those, record versions logged before only under digest scheme 1 (the poster document), now
   * logged once more under scheme 2 (the record's data): see docs/transparency-log.md.
   */
  relogged: LogLeaf[];
  /** Leaves already in the log with the same digest (nothing to do). */
  unchanged: number;
  size: number;
}

export interface AppendPlan extends AppendResult {
  /** The canonical lines to append (without newlines). */
  lines: string[];
  /** Index in the log of every leaf passed in (already logged or about to be), by getLeafKey. */
  indexes: Map<string, number>;
  /** Every entry of the log after the append, in order. */
  entries: Uint8Array[];
  /**
   * For a leaf passed in whose version was first logged under an older digest scheme: that first
   * leaf and its index, by getLeafKey (the 核对码 printed on posters before the re-log).
   */
  earlier: Map<string, { index: number; leaf: LogLeaf }>;
}

/** The clerk's part of a refusal: the record's file and field that changed, in both languages. */
export type DescribeChange = (logged: LogLeaf, index: number, now: LogLeaf) => { zh: string; en: string } | null;

/**
 * What appendLeaves would do, without writing: the record versions not yet logged and the index
 * each leaf gets. A version already logged with the same digest is skipped; with a different
 * digest the plan is refused (LogRefusal, with `describeChange`'s file and field when given): the
 * record changed without a new version. A version logged only under an older digest scheme cannot
 * be compared: it is logged again under the leaf's scheme (`relogged`), once.
 */
export function planAppend(logDir: string, leaves: readonly LogLeaf[], describeChange?: DescribeChange): AppendPlan {
  const log = readLog(logDir);
  const file = join(logDir, ENTRIES_FILE);
  // Per record version and digest scheme, the first leaf logged.
  const known = new Map<string, { leaf: LogLeaf; line: number; index: number }>();
  log.leaves.forEach((l, i) => {
    const k = `${getLeafKey(l)}#${getLeafScheme(l)}`;
    if (!known.has(k)) known.set(k, { leaf: l, line: i + 1, index: i });
  });
  const loggedKeys = new Set(log.leaves.map(getLeafKey));
  const lines: string[] = [];
  const appended: LogLeaf[] = [];
  const relogged: LogLeaf[] = [];
  const indexes = new Map<string, number>();
  const earlier = new Map<string, { index: number; leaf: LogLeaf }>();
  let unchanged = 0;
  for (const leaf of leaves) {
    const key = getLeafKey(leaf);
    for (let scheme = 1; scheme < getLeafScheme(leaf) && !earlier.has(key); scheme++) {
      const old = known.get(`${key}#${scheme}`);
      if (old) earlier.set(key, { index: old.index, leaf: old.leaf });
    }
    const before = known.get(`${key}#${getLeafScheme(leaf)}`);
    if (before && before.leaf.digest === leaf.digest) {
      unchanged++;
      indexes.set(key, before.index);
      continue;
    }
    if (before) {
      const where = before.line > 0 ? `${file}:${before.line}` : '本次发布中的另一条 / another leaf in this build';
      const what = before.line > 0 ? describeChange?.(before.leaf, before.index, leaf) : null;
      throw new LogRefusal(
        `${what ? `${what.zh}\n` : ''}${where}: ${key} 已于 ${before.leaf.publishedAt} 登记，内容摘要 ${before.leaf.digest.slice(0, 12)}…；现在内容变了（${leaf.digest.slice(0, 12)}…），版本号却没变。已发布的内容不能悄悄修改：请撤回这处改动；确实要改，请发布一份更正（新的记录，supersedes 指向 ${leaf.id}，写明更正原因），或把版本号加一。\n` +
          `${what ? `${what.en}\n` : ''}${where}: ${key} was logged on ${before.leaf.publishedAt} with digest ${before.leaf.digest.slice(0, 12)}…; its content has changed (${leaf.digest.slice(0, 12)}…) without a new version. Published content cannot be changed quietly: undo the edit, or publish a correction (a new record with supersedes: ${leaf.id} and a reason) or raise the version.`,
      );
    }
    const index = log.leaves.length + appended.length;
    lines.push(encodeLeafText(leaf));
    appended.push(leaf);
    if (loggedKeys.has(key)) relogged.push(leaf);
    indexes.set(key, index);
    known.set(`${key}#${getLeafScheme(leaf)}`, { leaf, line: 0, index });
  }
  return {
    appended,
    relogged,
    unchanged,
    size: log.leaves.length + appended.length,
    lines,
    indexes,
    entries: [...log.entries, ...lines.map(utf8)],
    earlier,
  };
}

/**
 * Appends the record versions not yet logged (see planAppend; a refusal writes nothing). Old
 * lines are never rewritten.
 */
export function appendLeaves(logDir: string, leaves: readonly LogLeaf[]): AppendResult {
  const { lines, appended, relogged, unchanged, size } = planAppend(logDir, leaves);
  if (lines.length > 0) {
    mkdirSync(logDir, { recursive: true });
    appendFileSync(join(logDir, ENTRIES_FILE), lines.map((l) => `${l}\n`).join(''));
  }
  return { appended, relogged, unchanged, size };
}

export interface PublishOptions {
  /** `<root>/log` in the county's repository. */
  logDir: string;
  /** Where the published log goes, e.g. `dist/log`; replaced atomically. */
  outDir: string;
  /** Checkpoint origin line, see getLogOrigin. */
  origin: string;
  /** The log's signing key; without it the checkpoint is published unsigned. */
  signer?: SignerKey;
  /** Checkpoint extension lines, e.g. the county's name (signed, but witnesses vouch only for the first three lines). */
  extensions?: string[];
  /** More files to publish in the same folder (path relative to it → content), e.g. records' canonical content. */
  extraFiles?: ReadonlyMap<string, string | Uint8Array>;
}

export interface PublishResult {
  size: number;
  checkpoint: string;
  signed: boolean;
  /** Sentence for the build log. */
  message: string;
}

/** Writes a file tree into `dir` by building it beside and renaming it into place. */
function writeTreeAtomically(dir: string, files: Map<string, Uint8Array | string>): void {
  const tmp = `${dir}.tmp-${process.pid}`;
  const old = `${dir}.old-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const made = new Set<string>();
  for (const [path, data] of files) {
    const target = join(tmp, path);
    if (relative(tmp, target).startsWith('..')) throw new Error(`refusing to write outside ${dir}: ${path}`);
    const parent = dirname(target);
    if (!made.has(parent)) mkdirSync(parent, { recursive: true });
    made.add(parent);
    writeFileSync(target, data);
  }
  if (existsSync(dir)) renameSync(dir, old);
  renameSync(tmp, dir);
  rmSync(old, { recursive: true, force: true });
}

/**
 * Signs (or not) the checkpoint of the log as it stands, records it in `<logDir>/checkpoint`,
 * and publishes checkpoint, tiles, entry bundles and per-entry proofs to `outDir`.
 */
export async function publishLog(options: PublishOptions): Promise<PublishResult> {
  const log = readLog(options.logDir);
  const tree = buildMerkleTree(log.entries.map(hashLeaf));
  const text = formatCheckpoint({ origin: options.origin, size: tree.size, rootHash: tree.getRoot(), extensions: options.extensions ?? [] });
  const checkpoint = options.signer ? await signNote(text, [options.signer]) : text;
  const files = new Map<string, Uint8Array | string>(buildTiles(log.entries));
  files.set(CHECKPOINT_FILE, checkpoint);
  if (options.signer) files.set('vkey', `${formatVerifierKey(getVerifierKey(options.signer))}\n`);
  for (const [path, data] of options.extraFiles ?? []) files.set(path, data);
  for (let i = 0; i < tree.size; i++) files.set(getProofPath(i), formatProofFile({ index: i, proof: tree.getInclusionProof(i), checkpoint }));
  writeTreeAtomically(options.outDir, files);
  mkdirSync(options.logDir, { recursive: true });
  const cpFile = join(options.logDir, CHECKPOINT_FILE);
  writeFileSync(`${cpFile}.tmp`, checkpoint);
  renameSync(`${cpFile}.tmp`, cpFile);
  const message = options.signer
    ? `公开日志：${tree.size} 条，已用 ${options.signer.name} 签名 / publication log: ${tree.size} entries, signed by ${options.signer.name}`
    : `公开日志：${tree.size} 条，未签名（没有提供日志私钥） / publication log: ${tree.size} entries, UNSIGNED (no log key given)`;
  return { size: tree.size, checkpoint, signed: Boolean(options.signer), message };
}
