/**
 * The last check before an open-data file or feed is written: the privacy scan (src/lib/privacy.ts)
 * over its text. The tables never carry personal numbers, so a hit means content slipped past the
 * checker; the build stops instead of publishing it. SHA-256 digests (datapackage.json lists one per
 * file) are left out of the scan: a hex digest can hold a run of 16 decimal digits that passes the
 * bank-card check by chance, and the files they digest are scanned themselves.
 */
import { findPersonalNumbers } from '../lib/privacy.ts';

/**
 * A SHA-256 digest the build wrote itself (a data package's `"hash": "sha256:…"`, a log digest): 64 hex digits with at least
 * one letter, standing alone. Its digit runs are not numbers anybody wrote (at 300 villages some digest holds eleven digits
 * that read as a mobile number), so it is blanked before the scan.
 */
const DIGEST = /(?<![0-9A-Za-z])(?=[0-9]{0,63}[a-f])[0-9a-f]{64}(?![0-9A-Za-z])/g;

export function assertNoPersonalNumbers(file: string, text: string): void {
  const hits = findPersonalNumbers(text.replace(DIGEST, ' '));
  if (hits.length === 0) return;
  const list = hits.map((h) => `${h.kind} ${h.masked}`).join(', ');
  throw new Error(
    `开放数据文件 ${file} 含有个人号码（${list}），已停止构建：请在对应的记录中删除或打码后重新构建。 Open-data file ${file} contains personal numbers (${list}); the build stopped: remove or mask them in the record and build again.`,
  );
}
