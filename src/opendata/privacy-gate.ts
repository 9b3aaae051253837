/**
 * The last check before an open-data file or feed is written: the privacy scan (src/lib/privacy.ts)
 * over its text. The tables never carry personal numbers, so a hit means content slipped past the
 * checker; the build stops instead of publishing it. SHA-256 digests (datapackage.json lists one per
 * file) are left out of the scan: a hex digest can hold a run of 16 decimal digits that passes the
 * bank-card check by chance, and the files they digest are scanned themselves.
 */
import { findPersonalNumbers } from '../lib/privacy.ts';

export function assertNoPersonalNumbers(file: string, text: string): void {
  const hits = findPersonalNumbers(text.replace(/\bsha256:[0-9a-f]{64}\b/g, 'sha256:'));
  if (hits.length === 0) return;
  const list = hits.map((h) => `${h.kind} ${h.masked}`).join(', ');
  throw new Error(
    `开放数据文件 ${file} 含有个人号码（${list}），已停止构建：请在对应的记录中删除或打码后重新构建。 Open-data file ${file} contains personal numbers (${list}); the build stopped: remove or mask them in the record and build again.`,
  );
}
