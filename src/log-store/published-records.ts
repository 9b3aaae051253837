/**
 * The auditor's check of each leaf against the published record it stands for (the `recomputeLeaf`
 * hook of audit.ts): the record's canonical content, published at `log/content/<index>.json`, must
 * hash to the leaf's digest, and the record's own page must show the 核对码 cut from that digest.
 * A poster with personal data has no published content (it is never put online); its page's 核对码 is
 * still compared. An older version of a record (its page now names a newer entry) has no content
 * file either and is not compared. A page that names this entry and links content that is missing fails.
 */
import { createHash } from 'node:crypto';
import type { LogLeaf } from '../schemas/log-leaf.ts';
import { recordPath, RECORD_TYPE_NAMES, type RecordTypeName } from '../records/registry.ts';
import type { LeafCheck } from './audit.ts';
import type { FileGetter } from './site-source.ts';

/** Where the build publishes a logged record's canonical content, relative to the log folder. */
export function getContentPath(index: number): string {
  return `content/${index}.json`;
}

/** The 核对码 a record page shows (PosterCheck's data-fingerprint), as 8 lower-case hex digits. */
function readPageFingerprint(html: string): string | null {
  const m = /data-fingerprint="([0-9A-F]{4})-([0-9A-F]{4})"/.exec(html);
  return m ? `${m[1]}${m[2]}`.toLowerCase() : null;
}

/** A LeafCheck reading the published site through `getSite` (paths relative to the site root). */
export function checkAgainstPublishedRecords(getSite: FileGetter): LeafCheck {
  return async (leaf: LogLeaf, index: number) => {
    const content = await getSite(`log/${getContentPath(index)}`);
    const kind = RECORD_TYPE_NAMES.includes(leaf.kind as RecordTypeName) ? (leaf.kind as RecordTypeName) : undefined;
    const pagePath = kind ? `${recordPath(kind, leaf.village, encodeURIComponent(leaf.id))}/` : undefined;
    const page = pagePath ? await getSite(pagePath) : null;
    const shown = page ? readPageFingerprint(new TextDecoder().decode(page)) : null;
    const code = leaf.digest.slice(0, 8).toUpperCase();
    if (content) {
      const digest = createHash('sha256').update(content).digest('hex');
      if (digest !== leaf.digest)
        return `已发布的记录内容 log/${getContentPath(index)} 算出的摘要是 ${digest.slice(0, 12)}…，与日志登记的 ${leaf.digest.slice(0, 12)}… 不符：记录发布后被改动 / the published record content hashes to ${digest.slice(0, 12)}…, not the logged ${leaf.digest.slice(0, 12)}…: the record was changed after it was logged`;
      if (!page)
        return `记录页 /${pagePath ?? leaf.id} 不见了：已登记的记录被删除 / the record page /${pagePath ?? leaf.id} is missing: a logged record was removed`;
      if (shown !== null && shown !== leaf.digest.slice(0, 8))
        return `记录页 /${pagePath} 显示的核对码 ${shown.toUpperCase()} 与日志登记的 ${code} 不符：网页被改动 / the record page shows fingerprint ${shown.toUpperCase()}, the log says ${code}: the page was changed`;
      return null;
    }
    // No content file: a poster with personal data, an older version, or a withdrawn record. A page that still
    // names this entry as its own must show its 核对码, and must not have lost the content it links.
    const own = page
      ? new RegExp(`data-log-index="${index}"[^>]*data-log-content="([^"]+)"|data-log-index="${index}"`).exec(new TextDecoder().decode(page))
      : null;
    if (!own) return null;
    if (own[1])
      return `记录页 /${pagePath} 登记的内容文件 ${own[1]} 不见了：已发布的记录内容被删除 / the record content ${own[1]} that the page links is missing: it was removed`;
    if (shown !== null && shown !== leaf.digest.slice(0, 8))
      return `记录页 /${pagePath} 显示的核对码 ${shown.toUpperCase()} 与日志登记的 ${code} 不符：网页被改动 / the record page shows fingerprint ${shown.toUpperCase()}, the log says ${code}: the page was changed`;
    return null;
  };
}
