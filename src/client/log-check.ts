/**
 * The publication-log check on a record's page (src/components/LogCheck.astro): fetches the current
 * checkpoint and the few hash tiles the record's entry needs (C2SP tlog-tiles: the tile above the
 * entry and those on the log's right edge), computes the inclusion proof from them, hashes the leaf
 * the page carries, and checks that the proof leads from it to the checkpoint's root and that the
 * leaf's digest is the page's 核对码. It says what it found, in Chinese. Tiles never change once
 * published (a partial tile's path names its width), so a browser may keep them; only the checkpoint
 * is fetched fresh. The record's proof file (log/proof/<index>.tlog-proof, against an older checkpoint)
 * is for `npm run verify`, and so is the signature (it needs the pinned key).
 */
import { fromUtf8, toHex, utf8 } from '../lib/tlog/bytes.ts';
import { parseCheckpoint } from '../lib/tlog/checkpoint.ts';
import { hashLeaf, verifyInclusion } from '../lib/tlog/merkle.ts';
import { decodeHashTile, getTilePath, proveInclusionFromTiles } from '../lib/tlog/tiles.ts';

/** The checkpoint text of a note: everything before the blank line that starts the signatures. */
function noteText(note: string): { text: string; signed: boolean } {
  const split = note.indexOf('\n\n');
  return split < 0 ? { text: note, signed: false } : { text: note.slice(0, split + 1), signed: true };
}

async function fetchBytes(url: string, cache: RequestCache): Promise<Uint8Array> {
  const res = await fetch(url, { cache });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

async function check(box: HTMLElement): Promise<void> {
  const status = box.querySelector<HTMLElement>('[data-log-status]')!;
  const index = Number(box.dataset['logIndex']);
  const leaf = box.dataset['logLeaf'] ?? '';
  const base = box.dataset['logBase'] ?? '/log/';
  const say = (ok: boolean, text: string) => {
    status.textContent = `${ok ? '✓' : '✗'} ${text}`;
    status.dataset['logResult'] = ok ? 'ok' : 'fail';
  };
  status.textContent = '正在核验公开日志…';
  try {
    const current = fromUtf8(await fetchBytes(`${base}checkpoint`, 'no-store')) ?? '';
    const cp = parseCheckpoint(noteText(current).text);
    const digest = (JSON.parse(leaf) as { digest?: string }).digest ?? '';
    const fp = document.querySelector<HTMLElement>('[data-fingerprint]')?.dataset['fingerprint']?.replace('-', '').toLowerCase();
    const proof =
      index < cp.size
        ? await proveInclusionFromTiles(index, cp.size, async (level, tile, width) => {
            const path = getTilePath(level, tile, width);
            const hashes = decodeHashTile(await fetchBytes(`${base}${path}`, 'default'), width);
            if (!hashes) throw new Error(`${path}: 长度不对`);
            return hashes;
          })
        : null;
    if (!proof || !verifyInclusion(index, cp.size, hashLeaf(utf8(leaf)), proof, cp.rootHash))
      return say(false, `核验失败：日志第 ${index} 条与本页登记的内容对不上，本页或日志可能被改动过。请拨打监督电话反映。`);
    if (fp && !digest.startsWith(fp)) return say(false, `核验失败：本页的核对码与日志登记的内容摘要不一致，本页可能被改动过。请拨打监督电话反映。`);
    const signed = noteText(current).signed;
    say(
      true,
      `已核验：本页内容确实登记在公开日志第 ${index} 条；日志现有 ${cp.size} 条，根哈希开头 ${toHex(cp.rootHash).slice(0, 8)}。检查点${signed ? '已签名（签名请用 npm run verify 核对）' : '未签名'}。`,
    );
  } catch (e) {
    // The cause (a URL, an HTTP status, a browser's English network error) goes to the console, not to villagers.
    console.warn('log check:', e);
    say(false, '无法核验：没有读到公开日志的文件（可能是网络中断，或网站刚刚更新）。请刷新页面再试；也可以下载包含证明，用 npm run verify 核对。');
  }
}

for (const box of document.querySelectorAll<HTMLElement>('[data-log-index]')) void check(box);
