/**
 * Signed notes, cosignatures, checkpoints, proof files and leaves in the C2SP formats, checked
 * against vectors published by other implementations:
 * - golang.org/x/mod/sumdb/note (note.go doc example and note_test.go): the PeterNeumann key pair
 *   and the signature it makes over the Peter Neumann quote;
 * - a real checkpoint of the Certificate Transparency staging log
 *   arche2025h1.staging.ct.transparency.dev, signed by the log (Ed25519) and cosigned
 *   (cosignature/v1) by the public witness remora.n621.de, as quoted in the tests of a Python
 *   checkpoint library in the public code index; its vkeys are the ones the witness network publishes.
 * - the example of c2sp.org/tlog-proof.
 */
import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../src/lib/tlog/bytes.ts';
import { formatCheckpoint, getLogOrigin, parseCheckpoint } from '../../src/lib/tlog/checkpoint.ts';
import { decodeLeaf, encodeLeafText } from '../../src/log-store/leaf.ts';
import {
  cosignText,
  createSignerKey,
  formatNote,
  formatVerifierKey,
  getVerifierKey,
  KEY_TYPE_COSIGNATURE_V1,
  KEY_TYPE_ED25519,
  parseNote,
  parseSignerKey,
  parseVerifierKey,
  signNote,
  verifyCosignature,
  verifyNoteSignature,
} from '../../src/lib/tlog/note.ts';
import { formatProofFile, parseProofFile } from '../../src/lib/tlog/proof-file.ts';

const goSigner = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const goVerifier = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const goText = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const goNote = `${goText}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

const ctCheckpoint = `arche2025h1.staging.ct.transparency.dev
1432088532
U7WM79jrzyhGZ5/GUBTpM7NzwdyfFx61t3RovgcC4Ro=

— arche2025h1.staging.ct.transparency.dev zTM8sQAAAZ5W0WdjBAMARjBEAiBjW5IQf9pvsYLfQFX6hoGREPMHbdQ3urbllzalApkptQIgIpwtEroeW2BXaHAI4kJXFbon5Ch9MNL5zRNZ55lvGt0=
— arche2025h1.staging.ct.transparency.dev ui8GwCF1+kWqZrxGdhj4aX3gcw7XUlXQQabg/27lefwhUkzbC3NygNI75MdhL1bfTW9g8Ei59RA23oHP7Ry1k3ZFWwQ=
— transparency.dev/DEV:witness-little-garden 2AQqhwAAAABqEiEgzgFIqqhbUoDwjMWE6UP8nd8/KYTzwZ2rhIgcqoXHAwVkjZr4AscylP3v7sEodkRAErumC2q44vdgJY096st5BQ==
— witness1.smartit.nu/witness1 pIyCDwAAAABqEiEghIp82KWebrw7/oHQwlTAm3g2RKS4+eebl8eO0WH+/iEcxZ75W3u5hNI7TOQtmJbqmNWVuE0tgh0XwzdZsDsUAQ==
— remora.n621.de 2net5wAAAABqEiEgPlfF3V06o0Y+fHM+J5J9s27wgxxcOVSpZ/2g/KSiXCg9DEZI+aVCIobWX9sXTynk5XeU/zZ0WBxtqB0DrAWfBw==
— witness.stagemole.eu Z/euoAAAAABqEiEgw0i+7g2ENfDAWHmtRzCfKTHSDwYDJA2NmKeGi9Y8FtEyOUvVr+AJmIY/2TUFucgKi7lI7cUiOvKFYe/TmN9DAg==
`;
const ctLogKey = 'arche2025h1.staging.ct.transparency.dev+ba2f06c0+AU0vHmlGCS/PdN8b2OaGmKprLI8HKM+dJ472xgFYh15f';
const remoraKey = 'remora.n621.de+da77ade7+BOvN63jn/bLvkieywe8R6UYAtVtNbZpXh34x7onlmtw2';

describe('signed notes interoperate with Go’s sumdb/note', () => {
  it('the Go example key signs the Go example text to the same bytes', async () => {
    const key = await parseSignerKey(goSigner);
    expect(formatVerifierKey(getVerifierKey(key))).toBe(goVerifier);
    expect(await signNote(goText, [key])).toBe(goNote);
  });
  it('the Go example note verifies with the Go verifier key, and not once a word is changed', async () => {
    const vkey = parseVerifierKey(goVerifier);
    expect(await verifyNoteSignature(parseNote(goNote), vkey)).toBe(true);
    expect(await verifyNoteSignature(parseNote(goNote.replace('cryptography', 'cryptographY')), vkey)).toBe(false);
  });
  it('a vkey whose key ID does not match its key is refused', () => {
    expect(() => parseVerifierKey(goVerifier.replace('c74f20a3', 'c74f20a4'))).toThrow(/key ID c74f20a4 does not match/);
    expect(() => parseVerifierKey('Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW')).toThrow(/spaces/);
  });
  it('a note without a blank line before its signatures is not a note', () => {
    expect(() => parseNote(goText)).toThrow(/no blank line/);
  });
});

describe('checkpoints and cosignatures interoperate with the public witness network', () => {
  it('a real CT checkpoint verifies with the log’s key and the remora.n621.de witness cosignature', async () => {
    const note = parseNote(ctCheckpoint);
    expect(parseCheckpoint(note.text)).toMatchObject({ origin: 'arche2025h1.staging.ct.transparency.dev', size: 1432088532 });
    expect(await verifyNoteSignature(note, parseVerifierKey(ctLogKey))).toBe(true);
    expect(await verifyCosignature(note, parseVerifierKey(remoraKey))).toBeGreaterThan(1_700_000_000);
  });
  it('the same checkpoint with another size fails both signatures', async () => {
    const note = parseNote(ctCheckpoint.replace('1432088532', '42'));
    expect(await verifyNoteSignature(note, parseVerifierKey(ctLogKey))).toBe(false);
    expect(await verifyCosignature(note, parseVerifierKey(remoraKey))).toBeNull();
  });
  it('our witness cosignature verifies with the witness vkey, carries its time, and fails on another checkpoint', async () => {
    const log = await createSignerKey('cwgk.longxian.example.cn/log', KEY_TYPE_ED25519, new Uint8Array(32).fill(7));
    const witness = await createSignerKey('township.example.cn/witness', KEY_TYPE_COSIGNATURE_V1, new Uint8Array(32).fill(9));
    const text = formatCheckpoint({ origin: log.name, size: 3, rootHash: new Uint8Array(32).fill(1), extensions: [] });
    const note = parseNote(await signNote(text, [log]));
    const cosigned = parseNote(formatNote({ text, signatures: [...note.signatures, await cosignText(text, witness, 1765000000)] }));
    const wkey = parseVerifierKey(formatVerifierKey(getVerifierKey(witness)));
    expect(formatVerifierKey(wkey)).toMatch(/^township\.example\.cn\/witness\+[0-9a-f]{8}\+B[A-P]/); // type byte 0x04
    expect(await verifyCosignature(cosigned, wkey)).toBe(1765000000);
    expect(await verifyNoteSignature(cosigned, getVerifierKey(log))).toBe(true);
    const other = parseNote(
      `${formatCheckpoint({ origin: log.name, size: 4, rootHash: new Uint8Array(32).fill(1), extensions: [] })}\n${cosigned.signatures.map((s) => s.line).join('\n')}\n`,
    );
    expect(await verifyCosignature(other, wkey)).toBeNull();
  });
});

describe('checkpoint text', () => {
  it('names the county’s log by its site address and round-trips with extension lines', () => {
    expect(getLogOrigin('https://cwgk.longxian.example.cn/')).toBe('cwgk.longxian.example.cn/log');
    const cp = { origin: 'cwgk.longxian.example.cn/log', size: 20852163, rootHash: new Uint8Array(32).fill(3), extensions: ['陇县村务公开栏'] };
    const text = formatCheckpoint(cp);
    expect(text).toBe(`cwgk.longxian.example.cn/log\n20852163\n${toBase64(cp.rootHash)}\n陇县村务公开栏\n`);
    expect(parseCheckpoint(text)).toEqual(cp);
  });
  it('says which line is wrong', () => {
    expect(() => parseCheckpoint('o\n012\nAAAA\n')).toThrow(/line 2/);
    expect(() => parseCheckpoint('o\n12\nAAAA\n')).toThrow(/line 3/);
  });
});

describe('proof files follow c2sp.org/tlog-proof', () => {
  it('the spec’s example parses into index, proof hashes and the checkpoint verbatim', () => {
    const example = `c2sp.org/tlog-proof@v1
extra YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6
index 73894
gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=
B95lDa8R83lS8n0eG+o0buTxRKQTYFi//1U8anccXmA=

example.com/fancylog
109482
sFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=
`;
    const p = parseProofFile(example);
    expect(p.index).toBe(73894);
    expect(p.proof.map(toBase64)).toEqual(['gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=', 'B95lDa8R83lS8n0eG+o0buTxRKQTYFi//1U8anccXmA=']);
    expect(p.checkpoint).toBe('example.com/fancylog\n109482\nsFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=\n');
    expect(formatProofFile(p)).toBe(example);
  });
});

describe('log leaves are canonical JSON', () => {
  const leaf = {
    village: 'dongfeng',
    county: '陇县',
    kind: 'ledger',
    id: '2025-q3',
    version: 2,
    publishedAt: '2025-10-08',
    digest: 'ab'.repeat(32),
    supersedes: '2025-q3-old',
  };
  it('keys are sorted and there is no whitespace', () => {
    expect(encodeLeafText(leaf)).toBe(
      `{"county":"陇县","digest":"${'ab'.repeat(32)}","id":"2025-q3","kind":"ledger","publishedAt":"2025-10-08","supersedes":"2025-q3-old","version":2,"village":"dongfeng"}`,
    );
  });
  it('the same leaf spelt another way is refused, so one leaf has one hash', () => {
    const spaced = JSON.stringify(JSON.parse(encodeLeafText(leaf)), null, 1);
    expect(decodeLeaf(new TextEncoder().encode(spaced))).toEqual({ error: expect.stringMatching(/canonical/) });
    expect(decodeLeaf(new TextEncoder().encode(encodeLeafText(leaf)))).toEqual({ leaf });
  });
});
