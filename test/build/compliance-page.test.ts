/**
 * The county compliance page in the built site: reachable from the home page, every village and
 * quarter with its on-time state and findings in words, no JavaScript.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoDistPath, ensureDemoDist } from '../helpers/dist.ts';

const page = (path: string) => readFileSync(join(demoDistPath(), path, 'index.html'), 'utf8');
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

beforeAll(() => {
  ensureDemoDist();
});

describe('the compliance page', () => {
  it('is linked from the home page', () => {
    expect(page('')).toContain('href="/compliance/"');
  });

  it('shows every village with each quarter on time, late or not published, in words', () => {
    const t = text(page('compliance'));
    for (const name of ['东关社区', '东兴村', '马曲村', '温水村']) expect(t).toContain(`${name}各季度合规情况`);
    expect(t).toContain('2025年第三季度按时公开 2 个村');
    const village = (name: string) => t.slice(t.indexOf(`${name}各季度合规情况`), t.indexOf(`${name}各季度合规情况`) + 2500);
    expect(village('温水村')).toContain('✗ 未公开 未公开，已逾期 36 天（期限 2025-10-15）');
    expect(village('东兴村')).toContain('! 逾期公开 逾期 5 天公开（2025-10-20 公布，期限 2025-10-15）');
    expect(village('马曲村')).toContain('✓ 按时公开 按时公开（2025-10-10 公布，期限 2025-10-15）');
  });

  it('lists each finding with a link to the record it is about', () => {
    const html = page('compliance');
    expect(html).toMatch(/<a href="\/v\/maqu\/disclosures\/2025-q3-gengzheng\/">2025年第三季度村务公开缺少县公开目录要求的 1 项：CW-05/);
    expect(html).toMatch(/<a href="\/v\/wenshui\/">2025年第三季度的财务收支明细（账）应于 2025-10-15 前公布，至今没有/);
  });

  it('needs no JavaScript', () => {
    expect(page('compliance')).not.toMatch(/<script/i);
  });

  it('filters and sorts with plain links (each a page, no JavaScript) and offers the findings as a CSV file the build wrote', () => {
    const html = page('compliance');
    for (const mode of ['you-wenti', 'wenti-duo']) {
      expect(html).toContain(`href="/compliance/${mode}/"`);
      expect(page(`compliance/${mode}`)).not.toMatch(/<script/i);
    }
    const csv = /<a href="([^"]+\.csv)" download>/.exec(html)![1]!;
    const rows = readFileSync(join(demoDistPath(), csv), 'utf8');
    for (const id of ['dongguan', 'dongxing', 'maqu', 'wenshui']) expect(rows).toContain(`"${id}"`);
  });

  it('puts the village with the most problems first when asked, and shows only villages with problems in the filter', () => {
    const findings = (h: string) => [...h.matchAll(/<h3 id="v-([^"]+)"[\s\S]*?(?=<h3 id=|<\/main>)/g)].map((m) => ({ id: m[1]!, n: (m[0].match(/✗ 错误|! 提醒|! 逾期公开|✗ 未公开/g) ?? []).length }));
    const sorted = findings(page('compliance/wenti-duo'));
    expect(sorted).toHaveLength(4);
    expect(sorted.map((v) => v.n)).toEqual([...sorted.map((v) => v.n)].sort((a, b) => b - a));
    expect(findings(page('compliance/you-wenti')).every((v) => v.n > 0)).toBe(true);
  });
});
