/**
 * The auditor's check of each leaf against the published record it stands for (the `recomputeLeaf`
 * hook of audit.ts): the record's canonical content, published at `log/content/<index>.json`, must
 * hash to the leaf's digest (and, under digest scheme 2, name the leaf's village, kind, id and version),
 * and the record's own page must show the 核对码 cut from that digest. A 公示 naming private persons
 * has no published content; its page's 核对码 is still compared. An older version of a record, or an
 * entry logged again under a newer digest scheme (its page now names the newer entry), has no content
 * file either and is not compared. A page that names this entry and links content that is missing
 * fails, and so does a logged record whose page is gone from a published site (one with a home page;
 * a bare copy of the log has no pages to check): a published record, or its village, was deleted.
 */
import { createHash } from 'node:crypto';
import type { LogLeaf } from '../schemas/log-leaf.ts';
import { getLeafKey } from './leaf.ts';
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

/** `village/kind/id@version` named by a published content file, or null when it is not one. */
function readContentIdentity(bytes: Uint8Array): string | null {
  try {
    const c = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    const { village, kind, id, version } = c;
    if (typeof village !== 'string' || typeof kind !== 'string' || typeof id !== 'string' || typeof version !== 'number') return null;
    return getLeafKey({ village, kind, id, version });
  } catch {
    return null;
  }
}

/** A LeafCheck reading the published site through `getSite` (paths relative to the site root). */
export function checkAgainstPublishedRecords(getSite: FileGetter): LeafCheck {
  // A log copied without its site (no home page) has no pages to miss.
  let isSite: Promise<boolean> | undefined;
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
      const named = leaf.scheme === 2 ? readContentIdentity(content) : undefined;
      if (named !== undefined && named !== getLeafKey(leaf))
        return `已发布的记录内容 log/${getContentPath(index)} 是 ${named ?? '（无法读取）'} 的内容，不是 ${getLeafKey(leaf)} 的：内容文件被调换 / the published content log/${getContentPath(index)} is that of ${named ?? '(unreadable)'}, not of ${getLeafKey(leaf)}: content files were swapped`;
      if (!page)
        return `记录页 /${pagePath ?? leaf.id} 不见了：已登记的记录被删除 / the record page /${pagePath ?? leaf.id} is missing: a logged record was removed`;
      if (shown !== null && shown !== leaf.digest.slice(0, 8))
        return `记录页 /${pagePath} 显示的核对码 ${shown.toUpperCase()} 与日志登记的 ${code} 不符：网页被改动 / the record page shows fingerprint ${shown.toUpperCase()}, the log says ${code}: the page was changed`;
      return null;
    }
    // No content file: a 公示 naming private persons, an older version, an entry logged again under a newer
    // digest scheme, or a deleted record. A page that still names this entry as its own must show its 核对码,
    // and must not have lost the content it links; a page that is gone from a published site is a deletion.
    const own = page
      ? new RegExp(`data-log-index="${index}"[^>]*data-log-content="([^"]+)"|data-log-index="${index}"`).exec(new TextDecoder().decode(page))
      : null;
    if (!page && pagePath && (await (isSite ??= getSite('index.html').then((home) => home !== null))))
      return `记录页 /${pagePath} 和它的内容都不见了：已登记的记录被删除（已发布的记录只能更正，不能删除） / the record page /${pagePath} and its content are gone: a logged record was deleted (a published record can be corrected, never deleted)`;
    if (!own) return null;
    if (own[1])
      return `记录页 /${pagePath} 登记的内容文件 ${own[1]} 不见了：已发布的记录内容被删除 / the record content ${own[1]} that the page links is missing: it was removed`;
    if (shown !== null && shown !== leaf.digest.slice(0, 8))
      return `记录页 /${pagePath} 显示的核对码 ${shown.toUpperCase()} 与日志登记的 ${code} 不符：网页被改动 / the record page shows fingerprint ${shown.toUpperCase()}, the log says ${code}: the page was changed`;
    return null;
  };
}
