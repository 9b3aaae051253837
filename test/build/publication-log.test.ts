/**
 * The publication log in the real build (issue 15 part B): the build logs every published record
 * version, signs the checkpoint with a key given only to the build, never rewrites an entry, refuses
 * a quietly edited record before anything is written (naming file, line and field), but not a change
 * in how records are presented, logs a correction with `supersedes`, and the record pages and
 * `npm run verify` agree, and a growing log does not re-render old posters. The county starts from
 * the log an older gongkai wrote (digest scheme 1, test/fixtures/log-scheme1/), as a real county
 * would. The key is generated here; no private key is ever committed.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getLogOrigin } from '../../src/lib/tlog/checkpoint.ts';
import { createSignerKey, formatSignerKey, formatVerifierKey, getVerifierKey, KEY_TYPE_ED25519 } from '../../src/lib/tlog/note.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { copyPosterCache } from '../helpers/dist.ts';
import { makeTree, ROOT } from '../helpers/fixture-tree.ts';
import { addProjectCode } from '../helpers/project-tree.ts';
import { serveDir, type StaticServer } from '../helpers/serve.ts';

// A project of its own (tree.root/scripts/build.ts), so its builds never touch this checkout's folders.
const tree = makeTree();
const buildScript = addProjectCode(tree.root);
const keyDir = mkdtempSync(join(tmpdir(), 'gongkai-logkey-'));
const keyFile = join(keyDir, 'county-log.key');
const site = join(tree.root, 'content/site.yaml');
const entriesFile = join(tree.root, 'log/entries.jsonl');
const villages = join(tree.root, 'content/villages');
const dist = join(tree.root, 'dist');
const oldLog = join(ROOT, 'test/fixtures/log-scheme1');
const oldEntries = readFileSync(join(oldLog, 'entries.jsonl'), 'utf8');
let vkey = '';

const build = (env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [buildScript, '--root', tree.root], {
    cwd: tree.root,
    encoding: 'utf8',
    env: { ...process.env, GONGKAI_AS_OF: '', GONGKAI_LOG_KEY_FILE: keyFile, ...env },
  });
const verify = (folder: string, ...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts/verify.ts'), folder, ...args], { cwd: ROOT, encoding: 'utf8' });
const entries = () =>
  readFileSync(entriesFile, 'utf8')
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
/** Record pages that carry a log box: page path → the index and leaf they show. */
const loggedPages = () =>
  files(join(dist, 'v'))
    .filter((f) => f.endsWith('index.html'))
    .flatMap((f) => {
      const m = /data-log-index="(\d+)" data-log-leaf="([^"]+)"/.exec(readFileSync(f, 'utf8'));
      return m ? [{ page: relative(dist, f), index: Number(m[1]), leaf: m[2]!.replaceAll('&quot;', '"') }] : [];
    });

let first: ReturnType<typeof build>;
beforeAll(async () => {
  copyPosterCache(tree.root);
  const baseUrl = /^baseUrl:\s*(\S+)/m.exec(readFileSync(site, 'utf8'))![1]!;
  const key = await createSignerKey(getLogOrigin(baseUrl), KEY_TYPE_ED25519, new Uint8Array(32).fill(7));
  writeFileSync(keyFile, `${formatSignerKey(key)}\n`, { mode: 0o600 });
  vkey = formatVerifierKey(getVerifierKey(key));
  writeFileSync(site, `${readFileSync(site, 'utf8').trimEnd()}\nlogKey: ${vkey}\n`);
  cpSync(oldLog, join(tree.root, 'log'), { recursive: true });
  first = build();
}, 900_000);

afterAll(() => {
  tree.cleanup();
  rmSync(keyDir, { recursive: true, force: true });
});

describe('the publication log in the build', () => {
  it('does not refuse a county whose log an older gongkai wrote: each logged version is logged once more from its data, the old entries stay', () => {
    expect(first.status, first.stdout + first.stderr).toBe(0);
    const key = (l: Record<string, unknown>) => `${String(l['village'])}/${String(l['kind'])}/${String(l['id'])}@${String(l['version'])}`;
    const old = oldEntries
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(old.every((l) => l['scheme'] === undefined)).toBe(true);
    expect(readFileSync(entriesFile, 'utf8').startsWith(oldEntries)).toBe(true);
    const logged = entries();
    expect(logged.slice(old.length).map(key)).toEqual(expect.arrayContaining(old.map(key)));
    expect(first.stdout).toContain(`其中 ${old.length} 条是按新的摘要方案（记录本身的数据，方案 2）重新登记的已发布版本`);
    for (const l of logged.slice(old.length)) expect(l['scheme']).toBe(2);
    // The record page still names the 核对码 that posters printed before carry, with its old entry.
    const was = old.findIndex((l) => key(l) === 'maqu/disclosure/2025-q3@1');
    const code = String(old[was]!['digest']).slice(0, 8).toUpperCase();
    const page = readFileSync(join(dist, 'v/maqu/disclosures/2025-q3/index.html'), 'utf8');
    expect(page).toContain(`data-earlier-fingerprint="${code.slice(0, 4)}-${code.slice(4)}"`);
    expect(page).toMatch(new RegExp(`旧核对码\\s*<strong class="fp"[^>]*>${code.slice(0, 4)}-${code.slice(4)}</strong>（公开日志第 ${was} 条）`));
  });

  it('logs one leaf per published record version, and every record page shows its own entry', () => {
    expect(first.status, first.stdout + first.stderr).toBe(0);
    const logged = entries();
    const pages = loggedPages();
    expect(logged.length).toBeGreaterThan(10);
    expect(pages.length).toBe(logged.filter((l) => l['scheme'] === 2).length);
    for (const p of pages) {
      const leaf = JSON.parse(p.leaf) as Record<string, unknown>;
      expect(logged[p.index], p.page).toEqual(leaf);
      expect(p.page).toContain(`/${String(leaf['id'])}/`);
      // The page's 核对码 is the first 8 hex digits of the logged digest.
      const fp = /data-fingerprint="([0-9A-F]{4})-([0-9A-F]{4})"/.exec(readFileSync(join(dist, p.page), 'utf8'))!;
      expect(String(leaf['digest']).slice(0, 8)).toBe(`${fp[1]}${fp[2]}`.toLowerCase());
    }
    expect(first.stdout).toContain(`已用 ${getLogOrigin('https://cwgk.longxian.example.cn/')} 签名`);
  });

  it('publishes a signed checkpoint, tiles, proofs and content that npm run verify accepts against the pinned key', () => {
    expect(readFileSync(join(dist, 'log/checkpoint'), 'utf8')).toMatch(/^cwgk\.longxian\.example\.cn\/log\n\d+\n\S+\n\n— cwgk\.longxian\.example\.cn\/log /);
    const run = verify(dist, '--vkey', vkey);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain('核验通过');
    expect(run.stdout).toContain('个已发布版本按新的摘要方案（方案 2：记录本身的数据）重新登记过一次');
    // Every record's published content is its own data, and hashes to its leaf.
    const page = loggedPages().find((p) => p.page === 'v/maqu/disclosures/2025-q3/index.html')!;
    const content = JSON.parse(readFileSync(join(dist, `log/content/${page.index}.json`), 'utf8')) as Record<string, unknown>;
    expect(content).toMatchObject({ village: 'maqu', kind: 'disclosure', id: '2025-q3', version: 1 });
    expect(JSON.stringify(content['data'])).toContain('合同价214,800.00元');
  }, 120_000);

  it('appends nothing when a second build has nothing new, and says the log is unsigned without a key', () => {
    const before = readFileSync(entriesFile);
    const run = build({ GONGKAI_LOG_KEY_FILE: '' });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(readFileSync(entriesFile)).toEqual(before);
    expect(run.stdout).toContain('本次新增 0 条');
    expect(run.stdout).toContain('未签名');
    expect(readFileSync(join(dist, 'log/checkpoint'), 'utf8')).not.toContain('\n\n');
    // A signed build again, for the tests below.
    expect(build().status).toBe(0);
  }, 300_000);

  it('refuses a build that changes a logged record without a new version, leaving the site and the log as they were', () => {
    const file = join(villages, 'maqu/disclosures/2025-q3.md');
    const original = readFileSync(file, 'utf8');
    const release = readlinkSync(dist);
    const log = readFileSync(entriesFile);
    writeFileSync(file, original.replace('合同价214,800.00元', '合同价241,800.00元'));
    try {
      const run = build();
      expect(run.status).toBe(1);
      const said = run.stdout + run.stderr;
      expect(said).toContain('maqu/disclosure/2025-q3@1');
      expect(said).toContain('版本号却没变');
      expect(said).toContain('without a new version');
      expect(said).toContain('entries.jsonl:');
      // The clerk is told the file, line and field that changed, and how to fix it, in both languages.
      expect(said).toMatch(/content\/villages\/maqu\/disclosures\/2025-q3\.md:\d+: 字段 items\[\d\]\.content 与公开日志登记的第 1 版不同/);
      expect(said).toMatch(/2025-q3\.md:\d+: field items\[\d\]\.content differs from version 1 as logged/);
      expect(said).toContain('请撤回这处改动');
      expect(said).toContain('undo the edit');
      expect(readlinkSync(dist)).toBe(release);
      expect(readFileSync(entriesFile)).toEqual(log);
    } finally {
      writeFileSync(file, original);
    }
  }, 300_000);

  it('refuses an edit that changes only a masked character of a private name (刘建平 → 刘健平, both 刘*平 on the web), naming file, line and field; the same content builds again', () => {
    const file = join(villages, 'maqu/finances/2025-q3.yaml');
    const original = readFileSync(file, 'utf8');
    const release = readlinkSync(dist);
    const log = readFileSync(entriesFile);
    const names = readFileSync(join(tree.root, 'log/masked-names.jsonl'), 'utf8');
    // The full names are kept only as salted digests, and never published.
    expect(names.split('\n')[0]).toMatch(/^\{"salt":"[0-9a-f]{64}"\}$/);
    expect(names).not.toContain('刘建平');
    expect(files(join(dist, 'log')).some((f) => f.includes('masked-names'))).toBe(false);
    writeFileSync(file, original.replace('party: 刘建平', 'party: 刘健平'));
    try {
      const run = build();
      expect(run.status).toBe(1);
      const said = run.stdout + run.stderr;
      expect(said).toMatch(
        /content\/villages\/maqu\/finances\/2025-q3\.yaml:\d+: 字段 (receivables|payables)\[\d+\]\.party 中的姓名与公开日志登记的第 1 版不同/,
      );
      expect(said).toMatch(/2025-q3\.yaml:\d+: the name in field (receivables|payables)\[\d+\]\.party differs from version 1 as logged/);
      expect(said).toContain('请撤回这处改动');
      expect(said).toContain('publish a correction');
      expect(readlinkSync(dist)).toBe(release);
      expect(readFileSync(entriesFile)).toEqual(log);
    } finally {
      writeFileSync(file, original);
    }
    const again = build({ GONGKAI_AS_OF: '2025-11-21' });
    expect(again.status, again.stdout + again.stderr).toBe(0);
    expect(readFileSync(join(tree.root, 'log/masked-names.jsonl'), 'utf8')).toBe(names);
  }, 300_000);

  it('refuses a log key that is not the pair of the logKey in site.yaml, before anything is written', async () => {
    const other = join(keyDir, 'other.key');
    const key = await createSignerKey(getLogOrigin('https://cwgk.longxian.example.cn/'), KEY_TYPE_ED25519, new Uint8Array(32).fill(9));
    writeFileSync(other, `${formatSignerKey(key)}\n`, { mode: 0o600 });
    const release = readlinkSync(dist);
    const run = build({ GONGKAI_LOG_KEY_FILE: other });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('logKey 与构建使用的日志私钥不是一对');
    expect(readlinkSync(dist)).toBe(release);
  }, 120_000);

  it('logs a correction as a new leaf that supersedes the old one; the old leaf stays', () => {
    const before = entries();
    const old = join(villages, 'maqu/disclosures/2025-q2.md');
    const text = readFileSync(old, 'utf8');
    const corrected = text.replace(/^---\n/, '---\nsupersedes: 2025-q2\ncorrectionReason: 第一项金额录入有误，予以更正\n');
    const changed = corrected.replace(/(content: [^\n]*?)。/, '$1（已更正）。');
    expect(changed).not.toBe(corrected);
    writeFileSync(join(villages, 'maqu/disclosures/2025-q2-gengzheng.md'), changed);
    const run = build();
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const after = entries();
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.slice(before.length)).toEqual([
      expect.objectContaining({ village: 'maqu', kind: 'disclosure', id: '2025-q2-gengzheng', supersedes: '2025-q2', version: 2 }),
    ]);
    expect(verify(dist, '--vkey', vkey).status).toBe(0);
    // A poster prints its own entry and the log as it was then, so old posters are not drawn again as the log grows.
    // The build's poster summary counts the posters rendered beside the pages and by the poster step.
    const [, rendering, reusing] = /海报：本次生成 (\d+) 份（[^）]*），沿用缓存 (\d+) 份/.exec(run.stdout)!.map(Number);
    expect(rendering).toBeLessThanOrEqual(2);
    expect(reusing).toBeGreaterThan(10);
  }, 300_000);

  it('logs nothing new and refuses nothing when only how records are presented changes (village phone and county hotline on every poster)', () => {
    const village = join(villages, 'maqu/village.yaml');
    const texts = [readFileSync(village, 'utf8'), readFileSync(site, 'utf8')];
    const before = readFileSync(entriesFile);
    const fingerprints = () => loggedPages().map((p) => [p.page, /data-fingerprint="([0-9A-F-]+)"/.exec(readFileSync(join(dist, p.page), 'utf8'))![1]]);
    const shown = fingerprints();
    writeFileSync(village, texts[0]!.replace('phone: 0917-4631208', 'phone: 0917-4639999'));
    writeFileSync(site, texts[1]!.replace(/^hotline:.*$/m, 'hotline: 0917-12345'));
    expect(readFileSync(site, 'utf8')).toContain('hotline: 0917-12345');
    try {
      const run = build();
      expect(run.status, run.stdout + run.stderr).toBe(0);
      expect(run.stdout).toContain('本次新增 0 条');
      expect(readFileSync(entriesFile)).toEqual(before);
      expect(fingerprints()).toEqual(shown);
      // The posters did change: they were drawn again with the new numbers, under the same 核对码.
      // Rendered while the pages were built, or by the poster step itself: the build's poster summary counts both.
      const rendering = Number(/海报：本次生成 (\d+) 份/.exec(run.stdout)?.[1]);
      expect(rendering).toBeGreaterThan(0);
      expect(readFileSync(join(dist, 'v/maqu/index.html'), 'utf8')).toContain('0917-4639999');
    } finally {
      writeFileSync(village, texts[0]!);
      writeFileSync(site, texts[1]!);
    }
  }, 300_000);

  it('fails verification, naming the record, when a published record is tampered with', () => {
    const copy = mkdtempSync(join(tmpdir(), 'gongkai-tampered-'));
    try {
      cpSync(dist, copy, { recursive: true, dereference: true });
      const page = loggedPages().find((p) => p.page === 'v/maqu/disclosures/2025-q3/index.html')!;
      const content = join(copy, `log/content/${page.index}.json`);
      writeFileSync(content, readFileSync(content, 'utf8').replace('214,800.00', '241,800.00'));
      const run = verify(copy, '--vkey', vkey);
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('[leaf.recompute]');
      expect(run.stdout).toContain('maqu/disclosure/2025-q3@1');

      writeFileSync(content, readFileSync(join(dist, `log/content/${page.index}.json`)));
      const html = join(copy, page.page);
      writeFileSync(html, readFileSync(html, 'utf8').replace(/data-fingerprint="[0-9A-F-]+"/, 'data-fingerprint="0000-0000"'));
      const again = verify(copy, '--vkey', vkey);
      expect(again.status).toBe(1);
      expect(again.stdout).toContain('核对码 00000000');

      // Hiding the edit by deleting the content file the page links is caught too.
      writeFileSync(html, readFileSync(join(dist, page.page)));
      rmSync(content);
      const hidden = verify(copy, '--vkey', vkey);
      expect(hidden.status).toBe(1);
      expect(hidden.stdout).toContain('已发布的记录内容被删除');

      // Deleting the record altogether, page and content, is caught and named too.
      rmSync(join(copy, 'v/maqu/disclosures/2025-q3'), { recursive: true });
      const deleted = verify(copy, '--vkey', vkey);
      expect(deleted.status).toBe(1);
      expect(deleted.stdout).toContain('maqu/disclosure/2025-q3@1');
      expect(deleted.stdout).toContain('记录页 /v/maqu/disclosures/2025-q3/ 和它的内容都不见了：已登记的记录被删除');
      expect(deleted.stdout).toContain('a logged record was deleted');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }, 120_000);
});

describe("a record page's own check, in Chromium", () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await serveDir(dist);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('verifies its entry against the current checkpoint from the published tiles and says so', async () => {
    const page = await browser.newPage();
    const fetched: string[] = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await page.goto(`${server.url}/v/maqu/disclosures/2025-q3/`);
    const status = page.locator('[data-log-result]');
    await status.waitFor({ timeout: 10_000 });
    expect(await status.getAttribute('data-log-result')).toBe('ok');
    const index = loggedPages().find((p) => p.page === 'v/maqu/disclosures/2025-q3/index.html')!.index;
    expect(await status.textContent()).toContain(`已核验：本页内容确实登记在公开日志第 ${index} 条`);
    // The checkpoint and a few tiles, not the proof file (which names an older checkpoint).
    const log = fetched.filter((p) => p.startsWith('/log/'));
    expect(log).toContain('/log/checkpoint');
    expect(log.filter((p) => p.startsWith('/log/tile/')).length).toBeGreaterThan(0);
    expect(log.length).toBeLessThanOrEqual(4);
    await page.close();
  });

  it('shows the current checkpoint on the kiosk screen', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/kiosk/maqu/`);
    const shown = page.locator('[data-log-checkpoint]');
    await expect.poll(async () => shown.textContent(), { timeout: 15_000 }).toMatch(/^公开日志 \d+ 条 · 根哈希 [0-9a-f]{8}$/);
    const [, size, root] = readFileSync(join(dist, 'log/checkpoint'), 'utf8').split('\n');
    expect(await shown.textContent()).toBe(`公开日志 ${size} 条 · 根哈希 ${Buffer.from(root!, 'base64').toString('hex').slice(0, 8)}`);
    await page.close();
  });

  it('says the check failed when the log no longer holds the page’s entry', async () => {
    const page = await browser.newPage();
    // Every hash in the entries' tile is changed, as a rewritten log would give.
    await page.route('**/log/tile/0/**', async (route) => {
      const res = await route.fetch();
      const tile = Buffer.from(await res.body()).map((b) => b ^ 0xff);
      await route.fulfill({ body: Buffer.from(tile), contentType: 'application/octet-stream' });
    });
    await page.goto(`${server.url}/v/maqu/disclosures/2025-q3/`);
    const status = page.locator('[data-log-result]');
    await status.waitFor({ timeout: 10_000 });
    expect(await status.getAttribute('data-log-result')).toBe('fail');
    expect(await status.textContent()).toContain('核验失败');
    await page.close();
  });
});
