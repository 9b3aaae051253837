/**
 * The county compliance pages in the built site: /compliance/ reachable from the home page with one
 * line per township; each township's page with every village and quarter, its on-time state and
 * findings in words; no JavaScript.
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

  it('sums up each township and links to its page', () => {
    const html = page('compliance');
    const t = text(html);
    expect(t).toContain('2025年第三季度按时公开 2 个村');
    for (const [name, slug] of [
      ['城关镇', 'chengguanzhen'],
      ['东南镇', 'dongnanzhen'],
      ['天成镇', 'tianchengzhen'],
      ['温水镇', 'wenshuizhen'],
    ])
      expect(html).toContain(`<a href="/compliance/${slug}/">${name}</a>`);
    expect(t).toMatch(/温水镇 1 0 0 1 1/);
  });

  it('shows every village with each quarter on time, late or not published, in words', () => {
    const t = ['chengguanzhen', 'dongnanzhen', 'tianchengzhen', 'wenshuizhen'].map((slug) => text(page(`compliance/${slug}`))).join(' ');
    for (const name of ['东关社区', '东兴村', '马曲村', '温水村']) expect(t).toContain(`${name}各季度合规情况`);
    const village = (name: string) => t.slice(t.indexOf(`${name}各季度合规情况`), t.indexOf(`${name}各季度合规情况`) + 2500);
    expect(village('温水村')).toContain('✗ 未公开 未公开，已逾期 36 天（期限 2025-10-15）');
    expect(village('东兴村')).toContain('! 逾期公开 逾期 5 天公开（2025-10-20 公布，期限 2025-10-15）');
    expect(village('马曲村')).toContain('✓ 按时公开 按时公开（2025-10-10 公布，期限 2025-10-15）');
  });

  it('lists each finding with a link to the record it is about', () => {
    const html = ['tianchengzhen', 'wenshuizhen', 'chengguanzhen', 'dongnanzhen'].map((slug) => page(`compliance/${slug}`)).join('');
    expect(html).toMatch(/<a href="\/v\/maqu\/disclosures\/2025-q3-gengzheng\/">2025年第三季度村务公开缺少县公开目录要求的 1 项：CW-05/);
    expect(html).toMatch(/<a href="\/v\/wenshui\/">2025年第三季度的财务收支明细（账）应于 2025-10-15 前公布，至今没有/);
  });

  it('needs no JavaScript', () => {
    for (const p of ['compliance', 'compliance/wenshuizhen']) expect(page(p)).not.toMatch(/<script/i);
  });

  it('offers the findings as a CSV file the build wrote, with every village in it', () => {
    const html = page('compliance');
    const csv = /<a href="([^"]+\.csv)" download>/.exec(html)![1]!;
    const rows = readFileSync(join(demoDistPath(), csv), 'utf8');
    for (const id of ['dongguan', 'dongxing', 'maqu', 'wenshui']) expect(rows).toContain(`"${id}"`);
  });
});
