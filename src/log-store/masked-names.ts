/**
 * The names a logged record masks (张*明), kept so that an edit of a masked character alone is
 * refused: `<root>/log/masked-names.jsonl`, committed with the log but never published. Its first
 * line is `{"salt":"<64 hex>"}`, made once from random bytes; each further line
 * `{"key":"village/kind/id@version","names":{"<field path>":"<digest>"}}`, appended when a record
 * version is logged (or, for a version logged before this file existed, at its next build). A
 * digest is SHA-256 of the salt and the full name, so the file does not give a masked character away
 * to anyone without the salt (a guess costs one try per character, not one per name in a list).
 */
import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MASKED_NAMES_FILE = 'masked-names.jsonl';

export interface MaskedNames {
  salt: string;
  /** Whether the salt is new (the file does not exist yet). */
  fresh: boolean;
  /** Each logged version's name digests by field path, by `village/kind/id@version`. */
  byKey: Map<string, Record<string, string>>;
}

/** Reads `<logDir>/masked-names.jsonl`, or a fresh salt when there is none. Throws naming the line when it is broken. */
export function readMaskedNames(logDir: string): MaskedNames {
  const file = join(logDir, MASKED_NAMES_FILE);
  if (!existsSync(file)) return { salt: randomBytes(32).toString('hex'), fresh: true, byKey: new Map() };
  const lines = readFileSync(file, 'utf8').split('\n').slice(0, -1);
  const broken = (n: number): Error =>
    new Error(
      `${file}:${n}: 这一行格式不对。该文件只能由构建追加，请用 git 恢复它。\n${file}:${n}: this line is malformed; the file is appended to by the build only. Restore it from git.`,
    );
  let salt = '';
  const byKey = new Map<string, Record<string, string>>();
  lines.forEach((line, i) => {
    let value: { salt?: unknown; key?: unknown; names?: unknown };
    try {
      value = JSON.parse(line) as typeof value;
    } catch {
      throw broken(i + 1);
    }
    if (i === 0) {
      if (typeof value.salt !== 'string' || !/^[0-9a-f]{64}$/.test(value.salt)) throw broken(1);
      salt = value.salt;
    } else if (typeof value.key === 'string' && value.names && typeof value.names === 'object') {
      if (!byKey.has(value.key)) byKey.set(value.key, value.names as Record<string, string>);
    } else throw broken(i + 1);
  });
  if (!salt) throw broken(1);
  return { salt, fresh: false, byKey };
}

/** The salted digest of one full name (32 hex digits). */
export function hashMaskedName(salt: string, name: string): string {
  return createHash('sha256').update(`${salt}\0${name}`).digest('hex').slice(0, 32);
}

/** The salted digests of a record's masked names, by field path. */
export function hashMaskedNames(salt: string, names: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(names).map(([path, name]) => [path, hashMaskedName(salt, name)]));
}

/** The line recording one version's name digests. */
export function formatMaskedNamesLine(key: string, names: Readonly<Record<string, string>>): string {
  return JSON.stringify({ key, names });
}

/** Appends lines, after the salt line when the file is new (it is made even without lines, so the salt stays the same). */
export function appendMaskedNames(logDir: string, salt: string, lines: readonly string[]): void {
  const file = join(logDir, MASKED_NAMES_FILE);
  const head = existsSync(file) ? '' : `${JSON.stringify({ salt })}\n`;
  if (!head && lines.length === 0) return;
  mkdirSync(logDir, { recursive: true });
  appendFileSync(file, head + lines.map((l) => `${l}\n`).join(''));
}
