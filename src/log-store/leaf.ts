/**
 * Log leaves as bytes. A leaf is the canonical JSON of a LogLeaf (src/schemas/log-leaf.ts): object
 * keys sorted by UTF-16 code units at every level, no whitespace, strings and numbers as
 * JSON.stringify writes them, UTF-8 — the same rules as RFC 8785 (JCS) for the values a leaf can
 * hold (strings, integers, no floats). An entry whose bytes are not exactly this form is rejected,
 * so one leaf has one spelling.
 */
import { LogLeafSchema, type LogLeaf } from '../schemas/log-leaf.ts';
import { canonicalJson } from '../lib/fingerprint.ts';
import { fromUtf8 } from '../lib/tlog/bytes.ts';

/** The identity of a logged record version: `village/kind/id@version`. */
export function getLeafKey(leaf: Pick<LogLeaf, 'village' | 'kind' | 'id' | 'version'>): string {
  return `${leaf.village}/${leaf.kind}/${leaf.id}@${leaf.version}`;
}

/** The record a leaf is a version of: `village/kind/id`. */
export function getRecordKey(leaf: Pick<LogLeaf, 'village' | 'kind' | 'id'>): string {
  return `${leaf.village}/${leaf.kind}/${leaf.id}`;
}

/** A leaf's digest scheme: 1 when it has none (the poster document), else its `scheme` (2: the record's data). */
export function getLeafScheme(leaf: Pick<LogLeaf, 'scheme'>): number {
  return leaf.scheme ?? 1;
}

/** Canonical JSON text of a leaf (validated first). */
export function encodeLeafText(leaf: LogLeaf): string {
  return canonicalJson(LogLeafSchema.parse(leaf));
}

/** A leaf from its bytes, or the reason they are not one canonical leaf. */
export function decodeLeaf(bytes: Uint8Array): { leaf: LogLeaf } | { error: string } {
  const text = fromUtf8(bytes);
  if (text === null) return { error: 'not UTF-8 / 不是 UTF-8 文本' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: 'not JSON / 不是 JSON' };
  }
  const parsed = LogLeafSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: `field ${issue?.path.join('.') || '(root)'}: ${issue?.message} / 字段不符合日志条目格式` };
  }
  if (canonicalJson(parsed.data) !== text) return { error: 'not in canonical form (key order or spacing changed) / 不是规范格式（键顺序或空白被改动）' };
  return { leaf: parsed.data };
}
