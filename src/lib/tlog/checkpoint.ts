/**
 * C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint): the note text that commits to the log
 * at one size —
 *
 *   <origin>\n<decimal tree size>\n<base64 root hash>\n[<extension line>\n]*
 *
 * The origin names the county's log (see `getLogOrigin`); it is also the log key's name.
 */
import { fromBase64, toBase64 } from './bytes.ts';

export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: Uint8Array;
  /** Optional extension lines, each non-empty. */
  extensions: string[];
}

/**
 * The origin line of a county's log: its site address without scheme or trailing slash,
 * followed by `/log` (tlog-tiles: the origin SHOULD be the log's URL prefix without scheme), e.g.
 * `cwgk.longxian.example.cn/log`.
 */
export function getLogOrigin(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.host}${url.pathname.replace(/\/+$/, '')}/log`;
}

export function formatCheckpoint(cp: Checkpoint): string {
  if (!cp.origin || cp.origin.includes('\n')) throw new Error(`checkpoint origin "${cp.origin}" is empty or has line breaks`);
  if (cp.rootHash.length !== 32) throw new Error('root hash must be 32 bytes');
  for (const e of cp.extensions) if (!e || e.includes('\n')) throw new Error('extension lines must be non-empty single lines');
  return [cp.origin, String(cp.size), toBase64(cp.rootHash), ...cp.extensions].map((l) => `${l}\n`).join('');
}

/** Parses a checkpoint text (the note text, without signatures); throws naming the bad line. */
export function parseCheckpoint(text: string): Checkpoint {
  if (!text.endsWith('\n')) throw new Error('checkpoint must end in a newline / 检查点应以换行结尾');
  const lines = text.slice(0, -1).split('\n');
  const [origin = '', size = '', root = '', ...extensions] = lines;
  if (!origin) throw new Error('checkpoint line 1 (origin) is empty / 检查点第 1 行（日志名称）为空');
  if (!/^(0|[1-9][0-9]*)$/.test(size) || !Number.isSafeInteger(Number(size)))
    throw new Error(`checkpoint line 2 (tree size) "${size}" is not a decimal number / 检查点第 2 行（条目数）不是十进制数`);
  const rootHash = fromBase64(root);
  if (!rootHash || rootHash.length !== 32)
    throw new Error(`checkpoint line 3 (root hash) "${root}" is not base64 of 32 bytes / 检查点第 3 行（根哈希）格式错误`);
  if (extensions.some((e) => e === '')) throw new Error('checkpoint has an empty extension line / 检查点含空行');
  return { origin, size: Number(size), rootHash, extensions };
}
