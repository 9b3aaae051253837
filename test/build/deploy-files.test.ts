/**
 * The deploy file report on the demo county's real build: every file counted once, by kind; the
 * `files` command's verdict per host; and the province portal's report of each county against the
 * host's cap, with the demo build as a county shard.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assemblePortal } from '../../src/province/assemble.ts';
import { FILE_KINDS, measureDeploy } from '../../src/province/files.ts';
import { ProvinceSchema } from '../../src/schemas/province.ts';
import { ensureDemoDist } from '../helpers/dist.ts';
import { ROOT } from '../helpers/fixture-tree.ts';

const walk = (dir: string): { files: number; dirs: number } =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (n, e) => {
      if (!e.isDirectory()) return { files: n.files + 1, dirs: n.dirs };
      const below = walk(join(dir, e.name));
      return { files: n.files + below.files, dirs: n.dirs + 1 + below.dirs };
    },
    { files: 0, dirs: 0 },
  );
const work = mkdtempSync(join(tmpdir(), 'gongkai-deploy-files-'));
let dist = '';
beforeAll(() => {
  dist = ensureDemoDist().dist;
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the deploy file report', () => {
  it('counts every file of the demo deploy once, split into pages, search, log, posters, data, feeds and kiosk', () => {
    const report = measureDeploy(dist);
    const real = walk(dist);
    expect(report.files).toBe(real.files);
    expect(report.directories).toBe(real.dirs);
    expect(FILE_KINDS.reduce((n, k) => n + report.byKind[k], 0)).toBe(real.files);
    for (const k of ['pages', 'search', 'log', 'posters', 'data', 'feeds', 'kiosk'] as const) expect(report.byKind[k], k).toBeGreaterThan(0);
  });

  it('says which hosts the demo deploy fits, and fails when it is over the cap the county chose', () => {
    const files = measureDeploy(dist).files;
    const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/province.ts', 'files', '--dir', dist, ...args], { cwd: ROOT, encoding: 'utf8' });
    const fits = run('--host', 'cloudflare-pages-free');
    expect(fits.status, fits.stderr).toBe(0);
    expect(fits.stdout).toMatch(new RegExp(`✓ cloudflare-pages-free\\t${files} / 20000`));
    expect(fits.stdout).toContain('✓ nginx');
    const over = run('--host', 'cloudflare-pages-free', '--cap', String(files - 1));
    expect(over.status).toBe(1);
    expect(over.stderr).toContain(
      `超过 Cloudflare Pages (Free) 的限制 over the limits of Cloudflare Pages (Free): 文件 files ${files} > 上限 cap ${files - 1}`,
    );
  });

  it('ships the _headers file Netlify and Cloudflare Pages read, and names every file under /_astro/ by its content, so keeping them a year is safe', () => {
    expect(readFileSync(join(dist, '_headers'), 'utf8')).toBe(readFileSync(join(ROOT, 'public', '_headers'), 'utf8'));
    const astro = readdirSync(join(dist, '_astro'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(astro.length).toBeGreaterThan(0);
    // Astro's asset names: name.<8-character content hash>.ext.
    for (const e of astro) expect(e.name).toMatch(/\.[\w-]{8}\.[a-z0-9]+$/);
  });

  it('reports each county of a portal against the host’s cap, and refuses the portal when it is over', async () => {
    const shards = join(work, 'shards');
    cpSync(dist, join(shards, 'demo'), { recursive: true, dereference: true });
    const files = measureDeploy(join(shards, 'demo')).files;
    const province = (portal: object) =>
      ProvinceSchema.parse({ name: '测试省', baseUrl: 'https://cwgk.example.cn/', counties: [{ id: 'demo', name: '示范县', path: 'demo' }], portal });

    const fits = await assemblePortal({ province: province({ host: 'cloudflare-pages-free' }), shards, out: join(work, 'fits'), project: ROOT });
    expect(fits.overCap).toBe(false);
    expect(fits.lines).toContain(
      '主机 host: Cloudflare Pages (Free)，每个部署最多 20000 个文件 files per deployment（https://developers.cloudflare.com/pages/platform/limits/#files）',
    );
    expect(fits.lines.find((l) => l.startsWith('  demo\t'))).toMatch(
      new RegExp(`^  demo\\t${files} files \\(pages \\d+ · search \\d+ · log \\d+ · posters \\d+ .*→ ${files} / 20000 ✓ 单独部署也在上限内 fits alone$`),
    );
    const json = JSON.parse(readFileSync(join(work, 'fits', 'files.json'), 'utf8')) as {
      host: string;
      cap: number;
      counties: Record<string, { files: number }>;
    };
    expect(json).toMatchObject({ host: 'cloudflare-pages-free', cap: 20000, counties: { demo: { files } } });

    const over = await assemblePortal({ province: province({ host: 'gitlab-pages', fileCap: files }), shards, out: join(work, 'over'), project: ROOT });
    expect(over.overCap).toBe(true);
    expect(over.lines.find((l) => l.startsWith('  demo\t'))).toContain(`✗ 单独部署超限 over alone: 文件和目录 files and directories`);
    expect(over.lines.at(-1)).toMatch(/^超过主机限制 over the host's limits: 文件和目录 files and directories \d+ > 上限 cap \d+。/);
  }, 120_000);
});
