/**
 * The county compliance pages in the built site: /compliance/ reachable from the home page with one
 * line per township and the villages with the most problems; each township's page with every village
 * and quarter, its on-time state and findings in words, also filtered to the villages with problems
 * and ordered by number of problems (plain links, one static page each); Chinese dates; no JavaScript.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.ts';
import { demoDistPath, ensureDemoDist } from '../helpers/dist.ts';
import { serveDir } from '../helpers/serve.ts';

const page = (path: string) => readFileSync(join(demoDistPath(), path, 'index.html'), 'utf8');
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

const SLUGS = ['chengguanzhen', 'dongnanzhen', 'tianchengzhen', 'wenshuizhen'];
const ALL_PAGES = ['compliance', ...SLUGS.flatMap((s) => [`compliance/${s}`, `compliance/${s}/you-wenti`, `compliance/${s}/wenti-duo`])];

/** The villages of a township page in page order: id, the stated number of problems, and what the section itself shows. */
function villagesOf(html: string) {
  return [...html.matchAll(/<section aria-labelledby="v-([^"]+)"[^>]*>([\s\S]*?)<\/section>/g)].map(([, id, body]) => {
    const heading = text(/<h2[^>]*>([\s\S]*?)<\/h2>/.exec(body!)![1]!);
    const stated = /（(\d+) 个问题）/.exec(heading);
    return {
      id: id!,
      stated: stated ? Number(stated[1]) : heading.includes('（没有问题）') ? 0 : NaN,
      /** findings listed under the table, plus quarters marked late (their lateness is shown in the table only) */
      shown:
        (body!.match(/<ul class="links findings">[\s\S]*?<\/ul>/)?.[0].match(/<li>/g) ?? []).length +
        (/<table[\s\S]*?<\/table>/.exec(body!)![0].match(/class="badge late"/g) ?? []).length,
    };
  });
}

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
    // A deadline, not a day count: the page stays true on every day until the quarter is published.
    expect(village('温水村')).toContain('✗ 未公开 应于 2025年10月15日 前公开，至今没有');
    expect(village('温水村')).not.toMatch(/已逾期 \d+ 天/);
    expect(village('东兴村')).toContain('! 逾期公开 逾期 5 天公开（2025年10月20日 公布，期限 2025年10月15日）');
    expect(village('马曲村')).toContain('✓ 按时公开 按时公开（2025年10月10日 公布，期限 2025年10月15日）');
  });

  it('lists each finding with a link to the record it is about', () => {
    const html = ['tianchengzhen', 'wenshuizhen', 'chengguanzhen', 'dongnanzhen'].map((slug) => page(`compliance/${slug}`)).join('');
    expect(html).toMatch(/<a href="\/v\/maqu\/disclosures\/2025-q3-gengzheng\/">2025年第三季度村务公开缺少县公开目录要求的 1 项：CW-05/);
    expect(html).toMatch(/<a href="\/v\/wenshui\/">2025年第三季度的财务收支明细（账）应于 2025年10月15日 前公布，至今没有/);
  });

  it('writes every date the Chinese way (2025年10月15日), never as 2025-10-15', () => {
    for (const p of ALL_PAGES) expect(text(page(p)), p).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('needs no JavaScript, on the county page and every township view', () => {
    for (const p of ALL_PAGES) expect(page(p), p).not.toMatch(/<script/i);
  });

  it('offers on each township page plain links to only the villages with problems and to most problems first', () => {
    for (const slug of SLUGS) {
      const html = page(`compliance/${slug}`);
      expect(html).toContain(`<a href="/compliance/${slug}/you-wenti/">只看有问题的村</a>`);
      expect(html).toContain(`<a href="/compliance/${slug}/wenti-duo/">按问题多少排序</a>`);
      expect(page(`compliance/${slug}/you-wenti`)).toContain(`<a href="/compliance/${slug}/">全部村</a>`);
      expect(page(`compliance/${slug}/wenti-duo`)).toMatch(/<span aria-current="page">按问题多少排序<\/span>/);
    }
  });

  it('states for each village the number of problems its section shows', () => {
    const all = SLUGS.flatMap((slug) => villagesOf(page(`compliance/${slug}`)));
    expect(all.length).toBe(4);
    for (const v of all) expect(v.stated, v.id).toBe(v.shown);
    expect(all.some((v) => v.stated > 0)).toBe(true);
  });

  it('shows on 只看有问题的村 exactly the villages of the township that have problems, in page order', () => {
    for (const slug of SLUGS) {
      const withProblems = villagesOf(page(`compliance/${slug}`)).filter((v) => v.shown > 0);
      const filtered = villagesOf(page(`compliance/${slug}/you-wenti`));
      expect(
        filtered.map((v) => v.id),
        slug,
      ).toEqual(withProblems.map((v) => v.id));
      for (const v of filtered) expect(v.shown, v.id).toBeGreaterThan(0);
    }
  });

  it('orders 按问题多少排序 by number of problems, the most first, with every village of the township', () => {
    for (const slug of SLUGS) {
      const all = villagesOf(page(`compliance/${slug}`));
      const sorted = villagesOf(page(`compliance/${slug}/wenti-duo`));
      expect(sorted.map((v) => v.id).sort(), slug).toEqual(all.map((v) => v.id).sort());
      expect(sorted.map((v) => v.shown)).toEqual(sorted.map((v) => v.shown).sort((a, b) => b - a));
    }
  });

  it('lists on the county page the villages with the most problems, most first, each linking to its township page', () => {
    const html = page('compliance');
    const table = html.slice(html.indexOf('<caption>问题最多的'));
    const rows = [...table.matchAll(/<a href="\/compliance\/([^/]+)\/#v-([^"]+)">[^<]+<\/a>[\s\S]*?<td class="num">(\d+)<\/td>/g)].map(([, slug, id, n]) => ({
      slug: slug!,
      id: id!,
      problems: Number(n),
    }));
    const everyVillage = SLUGS.flatMap((slug) => villagesOf(page(`compliance/${slug}`)).map((v) => ({ ...v, slug })));
    const withProblems = everyVillage.filter((v) => v.shown > 0);
    expect(rows).toHaveLength(Math.min(20, withProblems.length));
    expect(rows.map((r) => r.problems)).toEqual(withProblems.map((v) => v.shown).sort((a, b) => b - a));
    for (const r of rows) {
      const v = everyVillage.find((x) => x.id === r.id)!;
      expect(r.slug).toBe(v.slug);
      expect(r.problems).toBe(v.shown);
    }
  });

  it('offers the findings as a CSV file the build wrote, with every village in it', () => {
    const html = page('compliance');
    const csv = /<a href="([^"]+\.csv)" download>/.exec(html)![1]!;
    const rows = readFileSync(join(demoDistPath(), csv), 'utf8');
    for (const id of ['dongguan', 'dongxing', 'maqu', 'wenshui']) expect(rows).toContain(`"${id}"`);
  });
});

describe('the compliance page on a 360 px phone', () => {
  let close = async () => {};
  afterAll(() => close());

  it('never breaks a column header inside a word (有待改进事项 wraps only between 有待, 改进 and 事项)', async () => {
    const server = await serveDir(ensureDemoDist().dist);
    const browser = await launchBrowser();
    close = async () => {
      await browser.close();
      await server.close();
    };
    const tab = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await tab.goto(`${server.url}/compliance/`);
    const headers = await tab.evaluate(() =>
      [...document.querySelectorAll('table.compliance thead th')].map((th) => ({
        header: (th.textContent ?? '').trim(),
        wordBreak: getComputedStyle(th).wordBreak,
        // each word (a text node between <wbr>s) on one line
        brokenWords: [...th.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim())
          .filter((n) => {
            const r = document.createRange();
            r.selectNodeContents(n);
            return new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size > 1;
          })
          .map((n) => (n.textContent ?? '').trim()),
      })),
    );
    expect(headers.map((h) => h.header)).toContain('有待改进事项');
    expect(headers.filter((h) => h.brokenWords.length > 0)).toEqual([]);
    // and the rule that keeps them whole at any width: break only at <wbr>, between words
    expect(headers.filter((h) => h.wordBreak !== 'keep-all')).toEqual([]);
  }, 60_000);
});
