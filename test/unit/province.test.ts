import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseProvince } from '../../src/province/load.ts';
import { gitlabChildPipeline, githubMatrix, planShardJobs } from '../../src/province/pipeline.ts';
import { directoryIndexText, listDirectoryRecords, renderHome, type PortalCounty } from '../../src/province/portal.ts';
import { AMOUNT_TAIL_MARK } from '../../src/lib/search-amounts.ts';
import { planQuery } from '../../src/lib/search-query.ts';
import type { CountySummary } from '../../src/schemas/county-summary.ts';

const provinceYaml = (counties: number, extra = '') =>
  `name: 测试省村务公开\nbaseUrl: https://cwgk.example.cn/\ncounties:\n${Array.from({ length: counties }, (_, i) => `  - { id: c${i + 1}, name: 县${i + 1}, path: counties/c${i + 1} }`).join('\n')}\n${extra}`;

function province(counties: number, extra = '') {
  const r = parseProvince(provinceYaml(counties, extra));
  if (!r.province) throw new Error(r.problems.join('\n'));
  return r.province;
}

describe('province.yaml', () => {
  it('names the file, the field and the fix when a county id is repeated', () => {
    const r = parseProvince(`${provinceYaml(2)}`.replace('id: c2', 'id: c1'));
    expect(r.province).toBeUndefined();
    expect(r.problems).toEqual([expect.stringMatching(/^province\.yaml: counties\[1\]\.id: 县 id “c1” 重复 \/ duplicate county id。.*Fix this field/)]);
  });

  it('refuses a county with neither a path nor a git repository', () => {
    const r = parseProvince('name: 省\nbaseUrl: https://x.cn/\ncounties:\n  - { id: a, name: 甲县 }\n');
    expect(r.problems.join('\n')).toContain('counties[0]: 每个县须有 path 或 git 之一 / each county needs exactly one of path or git');
  });
});

describe('the province pipeline', () => {
  it('gives each county its own job while there are at most 200 counties', () => {
    const jobs = planShardJobs(province(150), {});
    expect(jobs).toHaveLength(150);
    expect(jobs[0]!.counties).toBe('c1');
  });

  it('batches 450 counties into 200 GitLab jobs that together build every county once', () => {
    const p = province(450);
    const jobs = planShardJobs(p, {});
    expect(jobs).toHaveLength(200);
    const built = jobs.flatMap((j) => j.counties.split(','));
    expect(built).toEqual(p.counties.map((c) => c.id));
    expect(Math.max(...jobs.map((j) => j.counties.split(',').length))).toBe(3);
    for (const j of jobs) expect(j.key.length).toBeLessThanOrEqual(200);
  });

  it('keys each job cache on its counties’ input hashes, so a changed county gets a new key', () => {
    const p = province(3);
    const before = planShardJobs(p, { c1: 'a'.repeat(64), c2: 'b'.repeat(64), c3: 'c'.repeat(64) });
    const after = planShardJobs(p, { c1: 'a'.repeat(64), c2: 'd'.repeat(64), c3: 'c'.repeat(64) });
    expect(before.map((j) => j.key === after[before.indexOf(j)]!.key)).toEqual([true, false, true]);
  });

  it('writes a GitLab child pipeline whose matrix lists every job, and a GitHub matrix within 256 jobs', () => {
    const p = province(300, 'portal: { maxJobs: 256 }\n');
    const jobs = planShardJobs(p, {});
    const child = parse(gitlabChildPipeline(jobs, { provinceFile: 'province.yaml' })) as {
      county: { parallel: { matrix: unknown[] }; cache: { key: string } };
      assemble: { needs: string[] };
    };
    expect(child.county.parallel.matrix).toHaveLength(256);
    expect(child.county.cache.key).toBe('shard-$SHARD_KEY');
    expect(child.assemble.needs).toEqual(['county']);
    expect(githubMatrix(jobs).include).toHaveLength(256);
  });
});

describe('the province portal', () => {
  const summary = (county: string): CountySummary => ({
    version: 1,
    province: '测试省',
    county,
    title: `${county}村务公开栏`,
    baseUrl: 'https://cwgk.example.cn/c1/',
    asOf: '2026-01-20',
    inputHash: 'x',
    counts: { villages: 1, onTime: 0, late: 0, overdue: 1, withFindings: 0 },
    townships: [
      {
        name: '城关镇',
        villages: [
          {
            id: 'dongfeng',
            name: '东风村',
            path: 'v/dongfeng/',
            standing: 'overdue',
            standingDetail: '2025年第四季度应于2026年1月15日前公开，至今未公开',
            runningNotices: [{ title: '低保公示', path: 'v/dongfeng/notices/n1/' }],
            findings: { errors: 0, warnings: 0 },
          },
        ],
      },
    ],
  });
  const counties: PortalCounty[] = [
    { id: 'c1', name: '甲县', summary: summary('测试省甲县') },
    { id: 'c2', name: '乙县', summary: undefined },
  ];

  it('lists each village with its state under its county, and says which county is unavailable', () => {
    const html = renderHome({ province: province(2), counties, css: '' });
    expect(html).toContain('<a href="/c1/v/dongfeng/">东风村</a> <span class="badge overdue">未按期公开</span>');
    expect(html).toContain('有 1 个县的站点暂缺：乙县');
  });

  it('puts villages, townships and running notices of the available counties into the directory index', () => {
    const records = listDirectoryRecords({ province: province(2), counties, css: '' });
    expect(records.map((r) => [r.kind, r.url])).toEqual([
      ['乡镇', '/c/c1/#城关镇'],
      ['村', '/c1/v/dongfeng/'],
      ['公示', '/c1/v/dongfeng/notices/n1/'],
    ]);
  });

  it('indexes an amount a directory record states (每人15元) as a county prints it, so 15元 typed on the portal finds it as on the county’s search', () => {
    const text = directoryIndexText({ title: '东风村：一事一议筹资公示', content: '正在公示 四组村民按每人15元筹资' });
    const searched = planQuery('15元', { places: [], t2s: '' }).terms[0]!.tries[0]!.query.replace(/"/g, '');
    expect(searched).toBe('15.00');
    expect(text.endsWith(`${AMOUNT_TAIL_MARK} ${searched}`)).toBe(true);
    expect(directoryIndexText({ title: '东风村：低保公示', content: '正在公示' })).not.toContain(AMOUNT_TAIL_MARK);
  });
});
