import { describe, expect, it } from 'vitest';
import { checkHostLimits, countEntries, DATA_FILE_BYTES, HOSTS, type DeploySize } from '../../src/lib/deploy-hosts.ts';
import { getFileKind } from '../../src/province/files.ts';

const size = (files: number, directories: number, more: Partial<DeploySize> = {}): DeploySize => ({
  files,
  directories,
  bytes: 0,
  fullestDirectory: { path: '.', files: 1 },
  largestFile: { path: 'index.html', bytes: 1 },
  largeFiles: [],
  ...more,
});

describe('static hosts’ deploy limits', () => {
  it('splits the county data files to four fifths of the smallest per-file cap of any host (Cloudflare Pages 25 MiB → 20 MiB)', () => {
    expect(DATA_FILE_BYTES).toBe(20 * 1024 * 1024);
    for (const host of Object.values(HOSTS) as { fileBytesCap?: number }[])
      if (host.fileBytesCap !== undefined) expect(DATA_FILE_BYTES).toBeLessThan(host.fileBytesCap);
  });

  it('lets a county of 19,000 files onto Cloudflare Pages Free and refuses one of 20,001, naming the cap', () => {
    expect(checkHostLimits(size(19_000, 15_000), HOSTS['cloudflare-pages-free'])).toEqual([]);
    expect(checkHostLimits(size(20_001, 15_000), HOSTS['cloudflare-pages-free'])).toEqual(['文件 files 20001 > 上限 cap 20000']);
  });

  it('counts directories too on GitLab Pages, so 150,000 files in 60,000 folders are over its 200,000 entries', () => {
    expect(countEntries(size(150_000, 60_000), HOSTS['gitlab-pages'])).toBe(210_000);
    expect(checkHostLimits(size(150_000, 60_000), HOSTS['gitlab-pages'])).toEqual(['文件和目录 files and directories 210000 > 上限 cap 200000']);
    expect(checkHostLimits(size(150_000, 60_000), HOSTS['cloudflare-pages-paid'])).toEqual(['文件 files 150000 > 上限 cap 100000']);
  });

  it('has no file cap on nginx or Netlify, but Netlify refuses a folder of more than 54,000 files', () => {
    expect(checkHostLimits(size(500_000, 400_000), HOSTS.nginx)).toEqual([]);
    const crowded = size(60_000, 2, { fullestDirectory: { path: 'pagefind/fragment', files: 55_000 } });
    expect(checkHostLimits(crowded, HOSTS.netlify)).toEqual(['目录 pagefind/fragment 有 55000 个文件 > 每目录上限 per-directory cap 54000']);
  });

  it('refuses a 30 MiB file on Cloudflare Pages, and a 1,039 MB site (991 MiB, a 300-village county without posters) on GitHub Pages', () => {
    expect(
      checkHostLimits(
        size(10, 1, {
          largestFile: { path: 'v/a/posters/all-2025-q3-a3.pdf', bytes: 30 * 1024 * 1024 },
          largeFiles: [{ path: 'v/a/posters/all-2025-q3-a3.pdf', bytes: 30 * 1024 * 1024 }],
        }),
        HOSTS['cloudflare-pages-free'],
      ),
    ).toEqual(['文件 v/a/posters/all-2025-q3-a3.pdf 30.0 MiB > 单文件上限 file cap 25 MiB']);
    expect(checkHostLimits(size(10, 1, { bytes: 991 * 1024 ** 2 }), HOSTS['github-pages'])).toEqual(['总大小 size 1039 MB > 上限 cap 1000 MB']);
    expect(checkHostLimits(size(10, 1, { bytes: 999_000_000 }), HOSTS['github-pages'])).toEqual([]);
  });
});

describe('the kinds of file in a county deploy', () => {
  it.each([
    ['v/maqu/finances/2025-q3/index.html', 'pages'],
    ['v/maqu/posters/index.html', 'pages'],
    ['v/maqu/posters/finance-2025-q3-a4.pdf', 'posters'],
    ['pagefind/fragment/zh-cn_1a2b.pf_fragment', 'search'],
    ['pagefind/dongguan/index/zh-cn_3c.pf_index', 'search'],
    ['log/proofs/12.tlog-proof', 'log'],
    ['v/maqu/data/ledgers.csv', 'data'],
    ['data/villages.json', 'data'],
    ['v/maqu/feed.xml', 'feeds'],
    ['kiosk/maqu/sw.js', 'kiosk'],
    ['_astro/site.js', 'other'],
  ])('counts %s as %s', (path, kind) => {
    expect(getFileKind(path)).toBe(kind);
  });
});
