/**
 * C2SP signed-note (https://c2sp.org/signed-note) with Ed25519 keys, and C2SP tlog-cosignature
 * v1 (https://c2sp.org/tlog-cosignature) for witnesses. Text formats:
 *
 *   note       = text ending in "\n", a blank line, then lines "— <key name> <base64(key ID || signature)>"
 *   key ID     = SHA-256(<name> || 0x0A || <type> || <public key>)[:4]; type 0x01 Ed25519, 0x04 cosignature/v1
 *   vkey       = <name>+<hex key ID>+<base64(type || public key)>               (goes in site.yaml)
 *   signer key = PRIVATE+KEY+<name>+<hex key ID>+<base64(type || 32-byte seed)> (golang.org/x/mod/sumdb/note)
 *
 * Ed25519 from @noble/ed25519 v3 through its async API (WebCrypto SHA-512), so nothing global is set.
 */
import * as ed from '@noble/ed25519';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, fromBase64, fromHex, toBase64, toHex, utf8 } from './bytes.ts';

/** Signature types from the signed-note spec. */
export const KEY_TYPE_ED25519 = 0x01;
export const KEY_TYPE_COSIGNATURE_V1 = 0x04;
export type KeyType = typeof KEY_TYPE_ED25519 | typeof KEY_TYPE_COSIGNATURE_V1;

const EM_DASH = '\u2014';

/** A public (verifier) key. */
export interface VerifierKey {
  name: string;
  type: KeyType;
  /** 4-byte key ID. */
  id: Uint8Array;
  /** 32-byte Ed25519 public key. */
  publicKey: Uint8Array;
}

/** A private (signer) key; `seed` is the 32-byte Ed25519 secret. */
export interface SignerKey extends VerifierKey {
  seed: Uint8Array;
}

/** One signature line of a note. */
export interface NoteSignature {
  name: string;
  id: Uint8Array;
  /** The signature bytes after the key ID (64 for Ed25519, 72 for cosignature/v1). */
  signature: Uint8Array;
  /** The whole line, without its newline. */
  line: string;
}

export interface Note {
  /** The signed text, with its final newline. */
  text: string;
  signatures: NoteSignature[];
}

/** A key name: non-empty, no spaces, no '+', no control characters. */
export function isValidKeyName(name: string): boolean {
  // eslint-disable-next-line no-control-regex -- a key name must not contain control characters (C2SP signed-note)
  return name.length > 0 && !/[\s+\u0000-\u001f]/u.test(name);
}

/** First 4 bytes of SHA-256(name || "\n" || type || public key). */
export function getKeyId(name: string, type: KeyType, publicKey: Uint8Array): Uint8Array {
  return sha256(concatBytes(utf8(name), Uint8Array.of(0x0a, type), publicKey)).slice(0, 4);
}

/** `<name>+<hex id>+<base64(type || key)>`. */
export function formatVerifierKey(key: VerifierKey): string {
  return `${key.name}+${toHex(key.id)}+${toBase64(concatBytes(Uint8Array.of(key.type), key.publicKey))}`;
}

/** `PRIVATE+KEY+<name>+<hex id>+<base64(type || seed)>`. */
export function formatSignerKey(key: SignerKey): string {
  return `PRIVATE+KEY+${key.name}+${toHex(key.id)}+${toBase64(concatBytes(Uint8Array.of(key.type), key.seed))}`;
}

function splitKey(text: string, prefix: string): { name: string; id: Uint8Array; type: KeyType; material: Uint8Array } {
  const trimmed = text.trim();
  if (!trimmed.startsWith(prefix)) throw new Error(`key must start with "${prefix}" / 密钥应以 "${prefix}" 开头`);
  const parts = trimmed.slice(prefix.length).split('+');
  const [name = '', hex = ''] = parts;
  const b64 = parts.slice(2).join('+'); // base64 may itself contain '+'
  if (!isValidKeyName(name)) throw new Error(`key name "${name}" is empty or contains spaces / 密钥名称为空或含空格`);
  const id = fromHex(hex);
  if (!id || id.length !== 4) throw new Error(`key ID "${hex}" is not 8 lower-case hex digits / 密钥编号应为 8 位小写十六进制`);
  const raw = fromBase64(b64);
  if (!raw || raw.length !== 33) throw new Error('key material is not base64 of 33 bytes / 密钥数据应为 33 字节的 base64');
  const type = raw[0];
  if (type !== KEY_TYPE_ED25519 && type !== KEY_TYPE_COSIGNATURE_V1)
    throw new Error(`key type 0x${(type ?? 0).toString(16)} is not Ed25519 (0x01) or cosignature/v1 (0x04) / 不支持的密钥类型`);
  return { name, id, type, material: raw.slice(1) };
}

/** Parses a vkey line and checks its key ID. */
export function parseVerifierKey(text: string): VerifierKey {
  const { name, id, type, material } = splitKey(text, '');
  const want = getKeyId(name, type, material);
  if (toHex(want) !== toHex(id)) throw new Error(`key ID ${toHex(id)} does not match the key (expected ${toHex(want)}) / 密钥编号与公钥不符`);
  return { name, id, type, publicKey: material };
}

/** Parses a signer key and derives its public key; the key ID must match. */
export async function parseSignerKey(text: string): Promise<SignerKey> {
  const { name, id, type, material } = splitKey(text, 'PRIVATE+KEY+');
  const publicKey = await ed.getPublicKeyAsync(material);
  const want = getKeyId(name, type, publicKey);
  if (toHex(want) !== toHex(id)) throw new Error(`key ID ${toHex(id)} does not match the private key (expected ${toHex(want)}) / 密钥编号与私钥不符`);
  return { name, id, type, publicKey, seed: material };
}

/** A new key pair from a 32-byte random seed (the caller supplies the randomness). */
export async function createSignerKey(name: string, type: KeyType, seed: Uint8Array): Promise<SignerKey> {
  if (!isValidKeyName(name)) throw new Error(`key name "${name}" is empty or contains spaces or '+' / 密钥名称为空或含空格、加号`);
  if (seed.length !== 32) throw new Error('an Ed25519 seed is 32 bytes');
  const publicKey = await ed.getPublicKeyAsync(seed);
  return { name, type, id: getKeyId(name, type, publicKey), publicKey, seed };
}

/** The public half of a signer key. */
export function getVerifierKey(key: SignerKey): VerifierKey {
  return { name: key.name, type: key.type, id: key.id, publicKey: key.publicKey };
}

/**
 * Splits a signed note into its text and signature lines. Throws an Error naming the problem
 * when the note is malformed.
 */
export function parseNote(note: string): Note {
  // eslint-disable-next-line no-control-regex -- a note must not contain control characters other than newline (C2SP signed-note)
  if (/[\u0000-\u0009\u000b-\u001f]/u.test(note)) throw new Error('the note contains control characters / 签名文本含控制字符');
  const split = note.lastIndexOf('\n\n');
  if (split < 0 || !note.endsWith('\n')) throw new Error('not a signed note: no blank line before the signatures / 不是签名文本：签名前缺少空行');
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2, -1).split('\n');
  const signatures = lines.map((line): NoteSignature => {
    const m = new RegExp(`^${EM_DASH} (\\S+) (\\S+)$`, 'u').exec(line);
    const raw = m ? fromBase64(m[2] as string) : null;
    if (!m || !raw || raw.length < 5) throw new Error(`malformed signature line "${line}" / 签名行格式错误`);
    return { name: m[1] as string, id: raw.slice(0, 4), signature: raw.slice(4), line };
  });
  return { text, signatures };
}

/** Joins text and signature lines back into a note. */
export function formatNote(note: Note): string {
  return `${note.text}\n${note.signatures.map((s) => `${s.line}\n`).join('')}`;
}

function signatureLine(name: string, id: Uint8Array, signature: Uint8Array): NoteSignature {
  return { name, id, signature, line: `${EM_DASH} ${name} ${toBase64(concatBytes(id, signature))}` };
}

/** Signs a text (ending in a newline) with an Ed25519 signer key (type 0x01). */
export async function signText(text: string, key: SignerKey): Promise<NoteSignature> {
  if (key.type !== KEY_TYPE_ED25519) throw new Error('a log key must be of type Ed25519 (0x01) / 日志密钥必须为 Ed25519 类型');
  if (!text.endsWith('\n')) throw new Error('note text must end in a newline');
  return signatureLine(key.name, key.id, await ed.signAsync(utf8(text), key.seed));
}

/** A note holding `text` signed by each key in turn. */
export async function signNote(text: string, keys: SignerKey[]): Promise<string> {
  const signatures: NoteSignature[] = [];
  for (const key of keys) signatures.push(await signText(text, key));
  return formatNote({ text, signatures });
}

/** The signatures in `note` made by `key` (matched by name and key ID). */
export function findSignatures(note: Note, key: VerifierKey): NoteSignature[] {
  return note.signatures.filter((s) => s.name === key.name && toHex(s.id) === toHex(key.id));
}

/** True when the note carries a valid Ed25519 (0x01) signature by `key`. */
export async function verifyNoteSignature(note: Note, key: VerifierKey): Promise<boolean> {
  if (key.type !== KEY_TYPE_ED25519) return false;
  for (const s of findSignatures(note, key)) {
    if (s.signature.length === 64 && (await ed.verifyAsync(s.signature, utf8(note.text), key.publicKey))) return true;
  }
  return false;
}

/** The message a cosignature/v1 signs: header, time line, then the checkpoint text. */
export function getCosignedMessage(checkpointText: string, timestamp: number): Uint8Array {
  return utf8(`cosignature/v1\ntime ${timestamp}\n${checkpointText}`);
}

/** A cosignature/v1 line by a witness key (type 0x04) over a checkpoint text, at `timestamp` (POSIX seconds). */
export async function cosignText(checkpointText: string, key: SignerKey, timestamp: number): Promise<NoteSignature> {
  if (key.type !== KEY_TYPE_COSIGNATURE_V1) throw new Error('a witness key must be of type cosignature/v1 (0x04) / 见证密钥必须为 cosignature/v1 类型');
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new Error('timestamp must be a non-negative integer');
  const time = new Uint8Array(8);
  new DataView(time.buffer).setBigUint64(0, BigInt(timestamp));
  const sig = await ed.signAsync(getCosignedMessage(checkpointText, timestamp), key.seed);
  return signatureLine(key.name, key.id, concatBytes(time, sig));
}

/** The timestamp of a valid cosignature/v1 by `key` on the note, or null when there is none. */
export async function verifyCosignature(note: Note, key: VerifierKey): Promise<number | null> {
  if (key.type !== KEY_TYPE_COSIGNATURE_V1) return null;
  for (const s of findSignatures(note, key)) {
    if (s.signature.length !== 72) continue;
    const timestamp = Number(new DataView(s.signature.buffer, s.signature.byteOffset, 8).getBigUint64(0));
    if (await ed.verifyAsync(s.signature.slice(8), getCosignedMessage(note.text, timestamp), key.publicKey)) return timestamp;
  }
  return null;
}
