/**
 * The county's log on disk and the auditor commands, end to end on temporary folders: append,
 * publish, verify (folder and loopback URL), witness, keygen — and tampering. Every way of
 * quietly rewriting what was published must fail verification and name what broke.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LogLeaf } from '../../src/schemas/log-leaf.ts';
import { auditLog } from '../../src/log-store/audit.ts';
import { canonicalJson } from '../../src/lib/fingerprint.ts';
import { parseVerifierKey } from '../../src/lib/tlog/note.ts';
import { getTilePath } from '../../src/lib/tlog/tiles.ts';
import { runKeygen, runVerify, runWitness } from '../../src/tools/log-commands.ts';
import { loadSignerKey } from '../../src/log-store/keys.ts';
import { openPublishedLog } from '../../src/log-store/site-source.ts';
import { appendLeaves, appendPlanned, LogRefusal, planAppend, publishLog } from '../../src/log-store/store.ts';
import { serveDir } from '../helpers/serve.ts';

const ORIGIN = 'cwgk.longxian.example.cn/log';
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'gongkai-tlog-'));
  dirs.push(d);
  return d;
}

const digestOf = (s: string): string => Buffer.from(s.padEnd(32, '.')).toString('hex').slice(0, 64);
function leaf(id: string, version = 1, content = id, extra: Partial<LogLeaf> = {}): LogLeaf {
  return { county: '陇县', village: 'dongfeng', kind: 'notice', id, version, publishedAt: '2025-10-08', digest: digestOf(content), ...extra };
}

/** A county repository with a key, n logged notices, published to <dir>/dist/log. */
async function setUp(n: number) {
  const dir = tempDir();
  const keygen = await runKeygen({ name: ORIGIN, out: join(dir, 'log.key') });
  const vkey = keygen.stdout.split('logKey: ')[1]!.trim();
  const signer = await loadSignerKey({ keyFile: join(dir, 'log.key') });
  const logDir = join(dir, 'repo', 'log');
  const outDir = join(dir, 'dist', 'log');
  appendLeaves(
    logDir,
    Array.from({ length: n }, (_, i) => leaf(`n${i}`)),
  );
  await publishLog({ logDir, outDir, origin: ORIGIN, signer: signer! });
  const keep = join(dir, 'kept-checkpoint');
  cpSync(join(outDir, 'checkpoint'), keep);
  return { dir, vkey, signer: signer!, logDir, outDir, site: join(dir, 'dist'), keep };
}

const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code);

describe('the log in the repository is append-only', () => {
  it('a published log verifies against the county’s key, with every proof', async () => {
    const t = await setUp(300);
    const result = await runVerify({ site: t.site, vkey: t.vkey });
    expect(result.stdout).toContain('300 条 / entries');
    expect(result.stdout).toContain('✓ 核验通过 / verified');
    expect(result.code).toBe(0);
  });

  it('appending the same record versions again adds nothing, a new version is appended after the old lines', async () => {
    const t = await setUp(3);
    const before = readFileSync(join(t.logDir, 'entries.jsonl'), 'utf8');
    expect(appendLeaves(t.logDir, [leaf('n0'), leaf('n1')])).toMatchObject({ appended: [], unchanged: 2, size: 3 });
    const r = appendLeaves(t.logDir, [leaf('n1', 2, 'n1 corrected'), leaf('n3', 1, 'n3', { supersedes: 'n2' })]);
    expect(r.size).toBe(5);
    const after = readFileSync(join(t.logDir, 'entries.jsonl'), 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length).trim().split('\n')).toHaveLength(2);
  });

  it('a logged record whose content changed without a new version is refused, naming file, line, record and the fix', async () => {
    const t = await setUp(3);
    const before = readFileSync(join(t.logDir, 'entries.jsonl'), 'utf8');
    let error: unknown;
    try {
      appendLeaves(t.logDir, [leaf('n5'), leaf('n1', 1, 'n1 quietly edited')]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LogRefusal);
    const message = (error as Error).message;
    expect(message).toContain(`${join(t.logDir, 'entries.jsonl')}:2: dongfeng/notice/n1@1 已于 2025-10-08 登记`);
    expect(message).toContain('请发布一份更正');
    expect(message).toContain('its content has changed');
    expect(message).toContain('publish a correction');
    expect(readFileSync(join(t.logDir, 'entries.jsonl'), 'utf8')).toBe(before); // nothing appended, not even n5
  });

  it('a county whose log holds leaves of the old digest scheme gets each logged version logged once more under scheme 2, never refused, and verify accepts both', async () => {
    const t = await setUp(3); // scheme 1: no `scheme` field, as logged before 2026-12
    const old = readFileSync(join(t.logDir, 'entries.jsonl'), 'utf8');
    expect(old).not.toContain('"scheme"');
    const now = [leaf('n0', 1, 'n0 data', { scheme: 2 }), leaf('n1', 1, 'n1 data', { scheme: 2 }), leaf('n7', 1, 'n7', { scheme: 2 })];
    // Each re-logged version keeps its first entry, whose 核对码 posters printed before carry.
    const plan = planAppend(t.logDir, now);
    expect([...plan.earlier].map(([k, e]) => [k, e.index, e.leaf.digest])).toEqual([
      ['dongfeng/notice/n0@1', 0, digestOf('n0')],
      ['dongfeng/notice/n1@1', 1, digestOf('n1')],
    ]);
    const r = appendLeaves(t.logDir, now);
    expect(r.appended.map((l) => l.id)).toEqual(['n0', 'n1', 'n7']);
    expect(r.relogged.map((l) => l.id)).toEqual(['n0', 'n1']);
    expect(readFileSync(join(t.logDir, 'entries.jsonl'), 'utf8').startsWith(old)).toBe(true);
    // Once: the next build compares scheme-2 digests, and refuses a quiet change again.
    expect(appendLeaves(t.logDir, now)).toMatchObject({ appended: [], relogged: [], unchanged: 3 });
    expect(() => appendLeaves(t.logDir, [leaf('n1', 1, 'n1 edited', { scheme: 2 })])).toThrow(/n1@1 已于 2025-10-08 登记/);
    await publishLog({ logDir: t.logDir, outDir: t.outDir, origin: ORIGIN, signer: t.signer });
    const result = await runVerify({ site: t.site, vkey: t.vkey });
    expect(result.stdout).toContain('2 个已发布版本按新的摘要方案（方案 2：记录本身的数据）重新登记过一次');
    expect(result.code, result.stdout).toBe(0);
  });

  it('a record version logged under the old digest scheme after the new one is caught in the published log', async () => {
    const dir = tempDir();
    const logDir = join(dir, 'log');
    appendLeaves(logDir, [leaf('a', 1, 'a', { scheme: 2 })]);
    appendFileSync(join(logDir, 'entries.jsonl'), `${canonicalJson(leaf('a', 1, 'poster'))}\n`);
    await publishLog({ logDir, outDir: join(dir, 'site', 'log'), origin: ORIGIN });
    const result = await runVerify({ site: join(dir, 'site') });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('[record.scheme-downgrade] dongfeng/notice/a@1 在按方案 2 登记之后又按旧的摘要方案 1 登记');
  });

  it('an entry edited by hand in entries.jsonl is caught against the committed checkpoint before anything is appended', async () => {
    const t = await setUp(4);
    const file = join(t.logDir, 'entries.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"id":"n1"', '"id":"n9"'));
    expect(() => appendLeaves(t.logDir, [leaf('n4')])).toThrow(
      /前 4 条与已发布的检查点.*不符[\s\S]*the first 4 entries no longer match the published checkpoint/,
    );
  });

  it('without a key the log is still built and published, and says it is unsigned', async () => {
    const dir = tempDir();
    appendLeaves(join(dir, 'log'), [leaf('a')]);
    const published = await publishLog({ logDir: join(dir, 'log'), outDir: join(dir, 'site', 'log'), origin: ORIGIN, extensions: ['陇县村务公开栏'] });
    expect(published.checkpoint).toMatch(/^cwgk\.longxian\.example\.cn\/log\n1\n\S{44}\n陇县村务公开栏\n$/);
    expect(published.signed).toBe(false);
    expect(published.message).toContain('未签名');
    expect(published.message).toContain('UNSIGNED');
    const result = await runVerify({ site: join(dir, 'site') });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('日志未签名');
  });

  it('a county with nothing published yet has an empty log that verifies', async () => {
    const dir = tempDir();
    const published = await publishLog({ logDir: join(dir, 'log'), outDir: join(dir, 'site', 'log'), origin: ORIGIN });
    expect(published.size).toBe(0);
    expect((await runVerify({ site: join(dir, 'site') })).code).toBe(0);
  });

  it('publishing removes what a killed build left half-written beside the checkpoint and the published folder, and keeps a running build’s', async () => {
    const dir = tempDir();
    const logDir = join(dir, 'log');
    const outDir = join(dir, 'site', 'log');
    appendLeaves(logDir, [leaf('a')]);
    // A process that has exited: what a killed build was; pid 1 is always running.
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    /** A half-written file, or a half-written folder with one file in it: the temporary name itself. */
    const put = (name: string, file?: string) => {
      mkdirSync(file ? name : dirname(name), { recursive: true });
      writeFileSync(file ? join(name, file) : name, 'half');
      return name;
    };
    const left = [put(join(logDir, `checkpoint.tmp-${dead}-0`)), put(`${outDir}.tmp-${dead}-0`, 'checkpoint'), put(`${outDir}.old.tmp-${dead}-0`, 'vkey')];
    const running = [put(join(logDir, 'checkpoint.tmp-1-0')), put(`${outDir}.tmp-1-0`, 'checkpoint')];
    await publishLog({ logDir, outDir, origin: ORIGIN });
    for (const f of left) expect(existsSync(f), f).toBe(false);
    for (const f of running) expect(existsSync(f), f).toBe(true);
    // This publish's own temporary names are gone too: the log folder holds only the log.
    expect(readdirSync(logDir).sort()).toEqual(['checkpoint', 'checkpoint.tmp-1-0', 'entries.jsonl']);
    expect(readdirSync(join(dir, 'site')).sort()).toEqual(['log', 'log.tmp-1-0']);
  });

  it("publishes the log its build's plan read and checked without reading it again, the same files, and refuses one changed since", async () => {
    const t = await setUp(300);
    const elsewhere = join(t.dir, 'dist-unchecked', 'log');
    cpSync(t.outDir, elsewhere, { recursive: true });
    const plan = planAppend(t.logDir, [leaf('n1'), leaf('new1'), leaf('new2')]);
    appendPlanned(t.logDir, plan);
    const checked = { bytes: plan.bytes, sha256: plan.sha256, lines: plan.lines };
    const published = await publishLog({ logDir: t.logDir, outDir: t.outDir, origin: ORIGIN, checked });
    const unchecked = await publishLog({ logDir: t.logDir, outDir: elsewhere, origin: ORIGIN });
    expect(published.size).toBe(302);
    expect(published.checkpoint).toBe(unchecked.checkpoint);
    for (const f of readdirSync(t.outDir, { recursive: true }).map(String).sort())
      if (!statSync(join(t.outDir, f)).isDirectory()) expect(readFileSync(join(t.outDir, f)).equals(readFileSync(join(elsewhere, f))), f).toBe(true);
    // A logged line edited after the plan, its length kept (the append's own check is by length): refused, nothing published.
    const file = join(t.logDir, 'entries.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"n7"', '"n8"'));
    await expect(publishLog({ logDir: t.logDir, outDir: t.outDir, origin: ORIGIN, checked })).rejects.toThrow(/log changed while this build ran/);
  });

  it('the log key can come from the text of an environment variable, and a broken key names where it came from', async () => {
    const t = await setUp(1);
    const fromText = await loadSignerKey({ keyText: readFileSync(join(t.dir, 'log.key'), 'utf8') });
    expect(fromText?.name).toBe(ORIGIN);
    expect(await loadSignerKey({})).toBeUndefined();
    await expect(loadSignerKey({ keyText: 'PRIVATE+KEY+x+00000000+AAAA' })).rejects.toThrow(/key from environment.*33 bytes/);
  });

  it('publishing twice from the same log gives byte-identical files', async () => {
    const t = await setUp(5);
    const first = readFileSync(join(t.outDir, 'proof', '3.tlog-proof'));
    await publishLog({ logDir: t.logDir, outDir: t.outDir, origin: ORIGIN, signer: t.signer });
    expect(readFileSync(join(t.outDir, 'proof', '3.tlog-proof')).equals(first)).toBe(true);
    expect(existsSync(`${t.outDir}.tmp-${process.pid}`)).toBe(false);
  });

  it('a growing log rewrites only the files that changed, never through a hard link to the old release, and ends byte-identical to a fresh publish', async () => {
    const t = await setUp(300);
    // The build carries the last release's files over as hard links: they must stay as they were.
    const release = join(t.dir, 'release');
    cpSync(t.outDir, release, { recursive: true });
    const linked = join(t.dir, 'staging', 'log');
    const all = (dir: string, rel = ''): string[] =>
      readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(dir, join(rel, e.name)) : [join(rel, e.name)]));
    for (const f of all(release)) {
      mkdirSync(dirname(join(linked, f)), { recursive: true });
      linkSync(join(release, f), join(linked, f));
    }
    const content = (n: number) => new Map(Array.from({ length: n }, (_, i) => [`content/${i}.json`, () => `{"n":${i}}`]));
    const snapshot = () => new Map(all(release).map((f) => [f, readFileSync(join(release, f))]));
    const before = snapshot();
    // Nothing appended: nothing written.
    expect(await publishLog({ logDir: t.logDir, outDir: linked, origin: ORIGIN, signer: t.signer })).toMatchObject({ written: 0, removed: 0 });
    appendLeaves(t.logDir, [leaf('n300'), leaf('n301')]);
    const made: number[] = [];
    const extra = new Map([...content(302)].map(([p, f], i) => [p, () => (made.push(i), f())]));
    const grown = await publishLog({ logDir: t.logDir, outDir: linked, origin: ORIGIN, signer: t.signer, extraFiles: extra, extraDirs: ['content'] });
    // Checkpoint, tile/0/001.p/46 and its bundle, 46 proofs of the growing tile, 302 content files (none were there).
    expect(grown.written).toBe(1 + 2 + 46 + 302);
    expect(grown.removed).toBe(2);
    expect(made).toHaveLength(302);
    expect(snapshot()).toEqual(before);
    // Again with two more: the content published before is kept, not made again.
    appendLeaves(t.logDir, [leaf('n302'), leaf('n303')]);
    made.length = 0;
    const extra2 = new Map([...content(304)].map(([p, f], i) => [p, () => (made.push(i), f())]));
    const again = await publishLog({ logDir: t.logDir, outDir: linked, origin: ORIGIN, signer: t.signer, extraFiles: extra2, extraDirs: ['content'] });
    expect(made).toEqual([302, 303]);
    expect(again.written).toBe(1 + 2 + 48 + 2);
    // The same files as a log published whole from scratch.
    const fresh = join(t.dir, 'fresh', 'log');
    await publishLog({ logDir: t.logDir, outDir: fresh, origin: ORIGIN, signer: t.signer, extraFiles: content(304) });
    expect(all(linked).sort()).toEqual(all(fresh).sort());
    for (const f of all(fresh)) expect(readFileSync(join(linked, f)).equals(readFileSync(join(fresh, f))), f).toBe(true);
    const report = await auditLog({ get: openPublishedLog(linked), vkey: parseVerifierKey(t.vkey) });
    expect(report.problems).toEqual([]);
    // Proofs of entries in full tiles carry the checkpoint of their tile's end, which never changes.
    expect(readFileSync(join(linked, 'proof', '3.tlog-proof'), 'utf8')).toContain(`${ORIGIN}\n256\n`);
  });
});

describe('tampering with a published log fails verification and names what broke', () => {
  it('editing an old entry in the published files is caught as that entry', async () => {
    const t = await setUp(5);
    const bundle = join(t.outDir, getTilePath('entries', 0, 5));
    writeFileSync(bundle, readFileSync(bundle, 'latin1').replace('"id":"n2"', '"id":"n7"'), 'latin1');
    const result = await runVerify({ site: t.site, vkey: t.vkey });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('[entry.edited] 第 2 条（dongfeng/notice/n7@1）');
    expect(result.stdout).toContain('it was edited after it was logged');
  });

  it('rewriting history and re-signing with the county’s own key is caught against the checkpoint an auditor kept', async () => {
    const t = await setUp(5);
    // The county edits an old record in the repository, rebuilds the log and signs it again.
    writeFileSync(join(t.logDir, 'entries.jsonl'), readFileSync(join(t.logDir, 'entries.jsonl'), 'utf8').replace(digestOf('n1'), digestOf('n1 rewritten')));
    rmSync(join(t.logDir, 'checkpoint'));
    appendLeaves(t.logDir, [leaf('n5')]);
    await publishLog({ logDir: t.logDir, outDir: t.outDir, origin: ORIGIN, signer: t.signer });
    expect((await runVerify({ site: t.site, vkey: t.vkey })).code).toBe(0); // internally consistent…
    const result = await runVerify({ site: t.site, vkey: t.vkey, since: t.keep });
    expect(result.code).toBe(1); // …but not with what was published before
    expect(result.stdout).toContain('[history.rewritten] 前 5 条已不是您保存的检查点');
    expect(result.stdout).toContain('history was rewritten');
  });

  it('deleting a leaf is caught: from the published files, and against a kept checkpoint after re-signing', async () => {
    const t = await setUp(5);
    rmSync(join(t.outDir, getTilePath('entries', 0, 5)));
    const broken = await runVerify({ site: t.site, vkey: t.vkey });
    expect(broken.stdout).toContain('[entry.missing]');
    expect(broken.stdout).toContain('an entry was deleted');

    const lines = readFileSync(join(t.logDir, 'entries.jsonl'), 'utf8').split('\n');
    writeFileSync(join(t.logDir, 'entries.jsonl'), [...lines.slice(0, 2), ...lines.slice(3)].join('\n'));
    rmSync(join(t.logDir, 'checkpoint'));
    await publishLog({ logDir: t.logDir, outDir: t.outDir, origin: ORIGIN, signer: t.signer });
    const result = await runVerify({ site: t.site, vkey: t.vkey, since: t.keep });
    expect(result.stdout).toContain('[history.shrunk] 日志变短了：现在 4 条，您保存的检查点有 5 条');
    expect(result.code).toBe(1);
  });

  it('swapping the log key is caught as a different key', async () => {
    const t = await setUp(3);
    await runKeygen({ name: ORIGIN, out: join(t.dir, 'other.key') });
    const other = await loadSignerKey({ keyFile: join(t.dir, 'other.key') });
    await publishLog({ logDir: t.logDir, outDir: t.outDir, origin: ORIGIN, signer: other! });
    const result = await runVerify({ site: t.site, vkey: t.vkey });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('[signature.wrong-key] 检查点的签名来自另一把密钥');
    expect(result.stdout).toContain('the log key was swapped');
  });

  it('changing the checkpoint’s root is caught by the signature and by the entries', async () => {
    const t = await setUp(3);
    const file = join(t.outDir, 'checkpoint');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[2] = Buffer.alloc(32, 1).toString('base64');
    writeFileSync(file, lines.join('\n'));
    const report = await auditLog({ get: openPublishedLog(t.site), vkey: parseVerifierKey(t.vkey) });
    expect(codes(report)).toEqual(expect.arrayContaining(['signature.invalid', 'root.mismatch']));
  });

  it('a record version logged twice with different digests is caught in the published log', async () => {
    const dir = tempDir();
    const logDir = join(dir, 'log');
    appendLeaves(logDir, [leaf('a')]);
    appendFileSync(join(logDir, 'entries.jsonl'), `${readFileSync(join(logDir, 'entries.jsonl'), 'utf8').trim().replace(digestOf('a'), digestOf('b'))}\n`);
    await publishLog({ logDir, outDir: join(dir, 'site', 'log'), origin: ORIGIN });
    const result = await runVerify({ site: join(dir, 'site') });
    expect(result.stdout).toContain('[record.rewritten] dongfeng/notice/a@1 登记了两次且内容不同（第 0 条和第 1 条）');
  });

  it('part B’s leaf check is called for every leaf and its finding is reported with the entry', async () => {
    const t = await setUp(3);
    const seen: number[] = [];
    const result = await runVerify({
      site: t.site,
      vkey: t.vkey,
      recomputeLeaf: (l, i) => {
        seen.push(i);
        return l.id === 'n1' ? '网页上的内容与摘要不符 / the record page does not match the digest' : null;
      },
    });
    expect(seen).toEqual([0, 1, 2]);
    expect(result.stdout).toContain('[leaf.recompute] 第 1 条（dongfeng/notice/n1@1） / entry 1 (dongfeng/notice/n1@1)：网页上的内容与摘要不符');
  });
});

describe('auditors and witnesses', () => {
  it('verify reads a site over HTTP and accepts a newer log consistent with the checkpoint it kept', async () => {
    const t = await setUp(10);
    appendLeaves(t.logDir, [leaf('n10'), leaf('n3', 2, 'n3 v2')]);
    await publishLog({ logDir: t.logDir, outDir: t.outDir, origin: ORIGIN, signer: t.signer });
    const server = await serveDir(t.site);
    try {
      const result = await runVerify({ site: server.url, vkey: t.vkey, since: t.keep });
      expect(result.stdout).toContain('与旧检查点一致：前 10 条未被改动，之后新增 2 条');
      expect(result.code).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('a witness co-signs a consistent checkpoint with cosignature/v1 and auditors can require it', async () => {
    const t = await setUp(4);
    const w = await runKeygen({ name: 'township.example.cn/witness', out: join(t.dir, 'witness.key'), witness: true });
    const wvkey = w.stdout.trim().split('\n').at(-1)!;
    const out = join(t.dir, 'cosigned');
    const result = await runWitness({ site: t.site, keyFile: join(t.dir, 'witness.key'), vkey: t.vkey, since: t.keep, out, now: 1765000000 });
    expect(result.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/\n— township\.example\.cn\/witness \S+\n$/);
    cpSync(out, join(t.outDir, 'checkpoint'));
    expect((await runVerify({ site: t.site, vkey: t.vkey, witnesses: [wvkey] })).stdout).toContain('见证人 township.example.cn/witness 已联署');
  });

  it('a witness refuses to co-sign a log that rewrote the history it saw', async () => {
    const t = await setUp(4);
    await runKeygen({ name: 'township.example.cn/witness', out: join(t.dir, 'witness.key'), witness: true });
    writeFileSync(join(t.logDir, 'entries.jsonl'), readFileSync(join(t.logDir, 'entries.jsonl'), 'utf8').replace(digestOf('n0'), digestOf('n0 again')));
    rmSync(join(t.logDir, 'checkpoint'));
    await publishLog({ logDir: t.logDir, outDir: t.outDir, origin: ORIGIN, signer: t.signer });
    const result = await runWitness({ site: t.site, keyFile: join(t.dir, 'witness.key'), vkey: t.vkey, since: t.keep, now: 1765000000 });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('见证人拒绝联署');
    expect(result.stdout).toContain('[history.rewritten]');
  });

  it('log-keygen writes a private key only its owner can read, never overwrites it, and prints the site.yaml line', async () => {
    const dir = tempDir();
    const file = join(dir, 'county.key');
    const result = spawnSync(process.execPath, ['scripts/log-keygen.ts', '--name', ORIGIN, '--out', file], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/logKey: cwgk\.longxian\.example\.cn\/log\+[0-9a-f]{8}\+A/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toMatch(/^PRIVATE\+KEY\+cwgk\.longxian\.example\.cn\/log\+/);
    const again = spawnSync(process.execPath, ['scripts/log-keygen.ts', '--name', ORIGIN, '--out', file], { encoding: 'utf8' });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('已存在，不会覆盖');
  });

  it('npm run verify exits 1 on a tampered site and 0 on a good one', async () => {
    const t = await setUp(2);
    const ok = spawnSync(process.execPath, ['scripts/verify.ts', t.site, '--vkey', t.vkey], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    rmSync(join(t.outDir, 'proof', '1.tlog-proof'));
    const bad = spawnSync(process.execPath, ['scripts/verify.ts', t.site, '--vkey', t.vkey], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('[proof.missing] 缺少 log/proof/1.tlog-proof');
  });
});
