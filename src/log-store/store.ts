/**
 * The log in the county's repository: `<root>/log/entries.jsonl` holds one canonical leaf per
 * line, append-only; `<root>/log/checkpoint` the latest checkpoint. `appendLeaves` adds new record
 * versions and refuses a changed one; `publishLog` writes the published form (checkpoint, tiles,
 * entry bundles, one tlog-proof per entry) into a site folder atomically.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { removeDeadTempsOf, tempPath } from '../check/cache-file.ts';
import { replaceFile } from '../build/staging-files.ts';
import type { LogLeaf } from '../schemas/log-leaf.ts';
import { toHex, utf8 } from '../lib/tlog/bytes.ts';
import { formatCheckpoint, parseCheckpoint } from '../lib/tlog/checkpoint.ts';
import { decodeLeaf, encodeLeafText, getLeafKey, getLeafScheme } from './leaf.ts';
import { buildMerkleTree, equalHashes, hashLeaf, type MerkleTree } from '../lib/tlog/merkle.ts';
import { formatVerifierKey, getVerifierKey, type SignerKey, signNote } from '../lib/tlog/note.ts';
import { formatProofFile, parseProofFile } from '../lib/tlog/proof-file.ts';
import { buildTiles, getTilePath, listTiles, TILE_WIDTH } from '../lib/tlog/tiles.ts';
import { getProofPath, readCheckpointNote } from './audit.ts';

export const ENTRIES_FILE = 'entries.jsonl';
export const CHECKPOINT_FILE = 'checkpoint';
/** A file already published in the folder that stays as it is. */
const KEEP = Symbol('keep');

/** A refusal written for the county's operator: file, record, what changed, how to fix. */
export class LogRefusal extends Error {
  override name = 'LogRefusal';
}

export interface StoredLog {
  leaves: LogLeaf[];
  /** The exact bytes of each line (without newline). */
  entries: Uint8Array[];
  /** Length of entries.jsonl in bytes (0 when there is none). */
  bytes: number;
  /** SHA-256 of those bytes, hex. */
  sha256: string;
}

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The lines of `text` (a log file's, ending in a newline or empty) as UTF-8 bytes, without their newlines. */
const splitEntries = (text: string): Uint8Array[] =>
  text
    .split('\n')
    .slice(0, -1)
    .map((line) => utf8(line));

/**
 * Reads and checks `<logDir>/entries.jsonl`: every line a canonical leaf, and the entries still
 * matching the committed checkpoint (so an edited or deleted line is caught before anything is
 * appended after it).
 */
export function readLog(logDir: string): StoredLog {
  const file = join(logDir, ENTRIES_FILE);
  const log: StoredLog = { leaves: [], entries: [], bytes: 0, sha256: sha256Hex(new Uint8Array(0)) };
  if (!existsSync(file)) return log;
  const raw = readFileSync(file);
  log.bytes = raw.length;
  log.sha256 = sha256Hex(raw);
  const text = raw.toString('utf8');
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
  /** Length of entries.jsonl when planned: appendPlanned appends only to that file. */
  bytes: number;
  /** SHA-256 of entries.jsonl when planned (hex): the bytes this plan read and checked. */
  sha256: string;
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
    bytes: log.bytes,
    sha256: log.sha256,
    earlier,
  };
}

/**
 * Appends the lines of a plan made earlier in this build (planAppend), refusing when entries.jsonl
 * changed since (another build appended): nothing is appended then.
 */
export function appendPlanned(logDir: string, plan: Pick<AppendPlan, 'lines' | 'bytes'>): void {
  const file = join(logDir, ENTRIES_FILE);
  const now = existsSync(file) ? statSync(file).size : 0;
  if (now !== plan.bytes)
    throw new LogRefusal(
      `${file}: 构建期间日志被另一次构建改动了（${plan.bytes} → ${now} 字节）。请重新构建。\n${file}: the log changed while this build ran (${plan.bytes} → ${now} bytes), another build appended to it. Build again.`,
    );
  if (plan.lines.length === 0) return;
  mkdirSync(logDir, { recursive: true });
  appendFileSync(file, plan.lines.map((l) => `${l}\n`).join(''));
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
  /**
   * Where the published log goes, e.g. `dist/log`. A log published there before (a carried-over
   * copy of the last build's) is updated: only files that differ are written, see publishLog.
   */
  outDir: string;
  /** Checkpoint origin line, see getLogOrigin. */
  origin: string;
  /** The log's signing key; without it the checkpoint is published unsigned. */
  signer?: SignerKey;
  /** Checkpoint extension lines, e.g. the county's name (signed, but witnesses vouch only for the first three lines). */
  extensions?: string[];
  /**
   * More files to publish in the same folder (path relative to it → content, or a function making
   * it), e.g. records' canonical content. A path already published there is kept as it is (it must
   * name content that never changes, like `content/<index>.json`); a function is called only for a
   * path that is written.
   */
  extraFiles?: ReadonlyMap<string, string | Uint8Array | (() => string | Uint8Array)>;
  /** Folders of `outDir` whose files are all listed in `extraFiles`: any other file in them is removed. */
  extraDirs?: readonly string[];
  /**
   * The log as this build's plan read and checked it (`planAppend`: its length and SHA-256) and the lines appended to it
   * since (`appendPlanned`): the entries are then taken as they are, not decoded and checked against the checkpoint
   * again, once the file is found to be exactly those bytes and lines (else a LogRefusal: it changed during the build).
   */
  checked?: { bytes: number; sha256: string; lines: readonly string[] };
}

/**
 * The entries of `<logDir>/entries.jsonl` when it is the log `checked` names (the bytes a plan read and checked, then
 * its lines), without decoding them; a LogRefusal when the file is anything else.
 */
function readCheckedEntries(logDir: string, checked: NonNullable<PublishOptions['checked']>): Uint8Array[] {
  const file = join(logDir, ENTRIES_FILE);
  const raw = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
  const appended = Buffer.from(checked.lines.map((l) => `${l}\n`).join(''), 'utf8');
  const same =
    raw.length === checked.bytes + appended.length &&
    sha256Hex(raw.subarray(0, checked.bytes)) === checked.sha256 &&
    raw.subarray(checked.bytes).equals(appended);
  if (!same)
    throw new LogRefusal(
      `${file}: 构建期间日志被改动了（计划时 ${checked.bytes} 字节，追加 ${checked.lines.length} 条之后应为 ${checked.bytes + appended.length} 字节，现在 ${raw.length} 字节）。请重新构建。\n${file}: the log changed while this build ran (${checked.bytes} bytes when planned, ${checked.bytes + appended.length} expected after its ${checked.lines.length} appended lines, ${raw.length} now). Build again.`,
    );
  return splitEntries(raw.toString('utf8'));
}

export interface PublishResult {
  size: number;
  checkpoint: string;
  signed: boolean;
  /** Files written (the rest were already published there and are kept). */
  written: number;
  /** Files removed (partial tiles that grew, content of superseded versions). */
  removed: number;
  /** Sentence for the build log. */
  message: string;
}

/**
 * Writes a file tree into `dir` by building it beside and renaming it into place, under the build's
 * temporary names (`tempPath`); those a killed process left beside `dir` are removed first.
 */
function writeTreeAtomically(dir: string, files: Map<string, Uint8Array | string>): void {
  const tmp = tempPath(dir);
  const old = tempPath(`${dir}.old`);
  removeDeadTempsOf(dir);
  removeDeadTempsOf(`${dir}.old`);
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

/** Every file under `dir`, by path relative to it (`/`-separated). */
function listFiles(dir: string, rel = ''): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name), `${rel}${e.name}/`) : [`${rel}${e.name}`]));
}

/**
 * The size of the tree whose checkpoint the proof file of entry `index` carries: the end of the
 * entry's level-0 tile, or the whole tree while that tile is partial. Once its tile is full an
 * entry's proof never changes, so a growing log rewrites at most 256 proofs (and a full build makes
 * the same bytes as an incremental one).
 */
export function getProofTreeSize(index: number, size: number): number {
  return Math.min(size, (Math.floor(index / TILE_WIDTH) + 1) * TILE_WIDTH);
}

/**
 * How much of the log already published in `outDir` this log keeps as it is: the size of that
 * checkpoint when it is a prefix of `tree` (same origin, same root at its size) signed the same way
 * (same key, or unsigned both times, same extension lines); 0 otherwise (everything is written again).
 */
function getPublishedPrefix(outDir: string, tree: MerkleTree, origin: string, signer: SignerKey | undefined, extensions: readonly string[]): number {
  const file = join(outDir, CHECKPOINT_FILE);
  if (!existsSync(file)) return 0;
  try {
    const note = readCheckpointNote(readFileSync(file, 'utf8'));
    const cp = parseCheckpoint(note.text);
    if (cp.origin !== origin || cp.extensions.join('\n') !== extensions.join('\n') || cp.size > tree.size || !equalHashes(tree.getRoot(cp.size), cp.rootHash))
      return 0;
    const id = signer ? toHex(getVerifierKey(signer).id) : undefined;
    const ids = note.signatures.map((sig) => `${sig.name}+${toHex(sig.id)}`);
    const same = signer ? ids.length === 1 && ids[0] === `${signer.name}+${id}` : ids.length === 0;
    if (!same || existsSync(join(outDir, 'vkey')) !== Boolean(signer)) return 0;
    // A log published before proofs named their tile's end (all against the checkpoint of its day) is written whole, once.
    const first = join(outDir, getProofPath(0));
    const proofSize = existsSync(first) ? parseCheckpoint(readCheckpointNote(parseProofFile(readFileSync(first, 'utf8')).checkpoint).text).size : 0;
    return proofSize === getProofTreeSize(0, cp.size) ? cp.size : 0;
  } catch {
    return 0;
  }
}

/**
 * Signs (or not) the checkpoint of the log as it stands, records it in `<logDir>/checkpoint`, and
 * publishes checkpoint, tiles, entry bundles and per-entry proofs to `outDir`. The proof of entry i
 * carries the checkpoint of size getProofTreeSize(i) (signed like the current one), so it stays
 * valid, and the same bytes, as the log grows; `npm run verify` checks it against the current tree
 * and a record page's script proves the entry against the current checkpoint from the tiles.
 *
 * When `outDir` holds a log published before that the current one extends (see getPublishedPrefix),
 * only what changed is written: the checkpoint, new tiles and bundles, the proofs of the entries in
 * new or growing tiles, new extra files; partial tiles that grew and extra files no longer listed are
 * removed. Each file is written as a new file renamed over the old name (src/build/staging-files.ts), so a hard
 * link to an older release (the build's carried-over files) is never written through. With nothing appended nothing is written. Else the
 * folder is written whole, atomically.
 */
export async function publishLog(options: PublishOptions): Promise<PublishResult> {
  const log = { entries: options.checked ? readCheckedEntries(options.logDir, options.checked) : readLog(options.logDir).entries };
  const tree = buildMerkleTree(log.entries.map(hashLeaf));
  const extensions = options.extensions ?? [];
  const formatAt = async (size: number): Promise<string> => {
    const text = formatCheckpoint({ origin: options.origin, size, rootHash: tree.getRoot(size), extensions });
    return options.signer ? await signNote(text, [options.signer]) : text;
  };
  const checkpoint = await formatAt(tree.size);
  const prefix = getPublishedPrefix(options.outDir, tree, options.origin, options.signer, extensions);
  const published = new Set(prefix > 0 ? listFiles(options.outDir) : []);
  const kept = (path: string) => published.has(path);
  // Every file of the published log: its bytes, or how to make them when they must be written.
  const files = new Map<string, string | Uint8Array | (() => string | Uint8Array) | typeof KEEP>();
  const oldTiles = new Set(
    listTiles(prefix).flatMap((t) => [getTilePath(t.level, t.index, t.width), ...(t.level === 0 ? [getTilePath('entries', t.index, t.width)] : [])]),
  );
  const tiles = listTiles(tree.size).flatMap((t) => [
    getTilePath(t.level, t.index, t.width),
    ...(t.level === 0 ? [getTilePath('entries', t.index, t.width)] : []),
  ]);
  let built: Map<string, Uint8Array> | undefined;
  for (const path of tiles) files.set(path, oldTiles.has(path) && kept(path) ? KEEP : () => (built ??= buildTiles(log.entries)).get(path)!);
  files.set(CHECKPOINT_FILE, checkpoint);
  if (options.signer) files.set('vkey', `${formatVerifierKey(getVerifierKey(options.signer))}\n`);
  const checkpoints = new Map<number, Promise<string>>();
  for (let i = 0; i < tree.size; i++) {
    const size = getProofTreeSize(i, tree.size);
    const path = getProofPath(i);
    if (i < prefix && size === getProofTreeSize(i, prefix) && kept(path)) files.set(path, KEEP);
    else {
      if (!checkpoints.has(size)) checkpoints.set(size, size === tree.size ? Promise.resolve(checkpoint) : formatAt(size));
      files.set(path, formatProofFile({ index: i, proof: tree.getInclusionProof(i, size), checkpoint: await checkpoints.get(size)! }));
    }
  }
  for (const [path, data] of options.extraFiles ?? []) files.set(path, kept(path) ? KEEP : data);
  let written = 0;
  let removed = 0;
  if (prefix === 0) {
    const all = new Map<string, string | Uint8Array>();
    for (const [path, data] of files) if (data !== KEEP) all.set(path, typeof data === 'function' ? data() : data);
    writeTreeAtomically(options.outDir, all);
    written = all.size;
  } else {
    const managed = ['tile/', 'proof/', ...(options.extraDirs ?? []).map((d) => `${d.replace(/\/$/, '')}/`)];
    for (const path of published)
      if (!files.has(path) && (managed.some((m) => path.startsWith(m)) || path === 'vkey')) {
        rmSync(join(options.outDir, path));
        removed++;
      }
    for (const [path, data] of files) {
      if (data === KEEP) continue;
      const target = join(options.outDir, path);
      if (relative(options.outDir, target).startsWith('..')) throw new Error(`refusing to write outside ${options.outDir}: ${path}`);
      const bytes = typeof data === 'function' ? data() : data;
      if (published.has(path)) {
        const old = readFileSync(target);
        if (old.equals(typeof bytes === 'string' ? Buffer.from(bytes) : bytes)) continue;
      } else mkdirSync(dirname(target), { recursive: true });
      replaceFile(target, bytes);
      written++;
    }
  }
  mkdirSync(options.logDir, { recursive: true });
  const cpFile = join(options.logDir, CHECKPOINT_FILE);
  // The checkpoint is written under this process's temporary name; a killed build's goes (the folder is committed to git).
  removeDeadTempsOf(cpFile);
  if (!existsSync(cpFile) || readFileSync(cpFile, 'utf8') !== checkpoint) {
    const tmp = tempPath(cpFile);
    writeFileSync(tmp, checkpoint);
    renameSync(tmp, cpFile);
  }
  const message = options.signer
    ? `公开日志：${tree.size} 条，已用 ${options.signer.name} 签名 / publication log: ${tree.size} entries, signed by ${options.signer.name}`
    : `公开日志：${tree.size} 条，未签名（没有提供日志私钥） / publication log: ${tree.size} entries, UNSIGNED (no log key given)`;
  return { size: tree.size, checkpoint, signed: Boolean(options.signer), written, removed, message };
}
