/**
 * Log and witness keys for the commands: the private key comes from a file path or from the text
 * of an environment variable that the caller read and passed in; it never lives in the repository.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createSignerKey, formatSignerKey, formatVerifierKey, getVerifierKey, type KeyType, parseSignerKey, type SignerKey } from '../lib/tlog/note.ts';

export interface KeySource {
  /** Path of a private key file (PRIVATE+KEY+…). */
  keyFile?: string | undefined;
  /** The private key text itself, e.g. from an environment variable. */
  keyText?: string | undefined;
}

/** The signer key from a file or text, or undefined when neither is given. Throws naming the source. */
export async function loadSignerKey(source: KeySource): Promise<SignerKey | undefined> {
  const text = source.keyFile ? readFileSync(source.keyFile, 'utf8') : source.keyText;
  if (!text?.trim()) return undefined;
  try {
    return await parseSignerKey(text);
  } catch (e) {
    throw new Error(`${source.keyFile ?? '(key from environment / 环境变量中的密钥)'}: ${(e as Error).message}`, { cause: e });
  }
}

/**
 * Writes a new private key to `keyFile` (mode 0600, never overwriting) and returns the vkey line
 * to publish (site.yaml for a log key; given to auditors for a witness key).
 */
export async function generateKeyFile(keyFile: string, name: string, type: KeyType): Promise<string> {
  const key = await createSignerKey(name, type, new Uint8Array(randomBytes(32)));
  writeFileSync(keyFile, `${formatSignerKey(key)}\n`, { mode: 0o600, flag: 'wx' });
  return formatVerifierKey(getVerifierKey(key));
}
