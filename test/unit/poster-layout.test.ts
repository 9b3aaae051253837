/**
 * Posters never cut anything off: long ledgers flow onto continuation sheets with the header
 * repeated, every entry appears exactly once, and satori's real layout never needs more room than
 * the pagination planned.
 */
import satori from 'satori';
import { describe, expect, it } from 'vitest';
import { getLayoutFonts, getSatoriFonts } from '../../src/posters/fonts.ts';
import { layoutPoster, PosterLayoutError, type PosterLayout } from '../../src/posters/layout.ts';
import { checkSheetLayout, renderSheetsSvg } from '../../src/posters/render.ts';
import { SIZES, type SizeKey } from '../../src/posters/sizes.ts';
import { countLines } from '../../src/lib/linebreak.ts';
import { drawSheet } from '../../src/posters/template.ts';
import { countyWithLongLedger, demoDoc, demoDocs, drawnTexts } from '../helpers/posters.ts';

const fonts = getLayoutFonts();

/** Lays a sheet out with satori (outlines off, for speed) and checks it against the plan. */
async function drawWithSatori(layout: PosterLayout, sheet: number) {
  const texts: string[] = [];
  const nodes = new Map<string, { top: number; left: number; width: number; height: number }>();
  await satori(drawSheet(layout, sheet), {
    width: layout.size.width,
    height: layout.size.height,
    fonts: getSatoriFonts(),
    embedFont: false,
    onNodeDetected: (n) => {
      if (n.textContent) texts.push(n.textContent);
      if (n.key !== undefined && n.key !== null) nodes.set(String(n.key), n);
    },
  });
  return { texts, problems: checkSheetLayout(layout, sheet, nodes) };
}

describe('a 300-entry ledger on paper', () => {
  const { doc, vouchers } = countyWithLongLedger(300);

  it.each(['A3', 'A4'] as SizeKey[])(
    'shows every one of the 300 entries exactly once, in order, on %s continuation sheets numbered 第 n / N 页, none running into the footer',
    async (size) => {
      const layout = layoutPoster(doc, SIZES[size], fonts);
      expect(layout.sheets.length).toBeGreaterThan(5);
      const seen: string[] = [];
      for (let i = 0; i < layout.sheets.length; i += 1) {
        const { texts, problems } = await drawWithSatori(layout, i);
        expect(problems).toEqual([]);
        expect(texts).toContain(`第 ${i + 1} 页 / 共 ${layout.sheets.length} 页`);
        expect(texts).toContain(doc.title);
        for (const t of texts) if (/^记-\d{3}$/.test(t)) seen.push(t);
      }
      expect(seen).toEqual(vouchers);
    },
    120_000,
  );

  it('repeats the table caption (marked 续) and column header above every continued table', () => {
    for (const size of ['A3', 'A4'] as SizeKey[]) {
      const layout = layoutPoster(doc, SIZES[size], fonts);
      let continued = 0;
      for (const s of layout.sheets.slice(1)) {
        const first = s.items[0]!;
        expect(first.kind, `sheet ${s.number} must not start with a bare row`).not.toMatch(/^table-(row|total)$/);
        if (first.kind === 'table-head' && first.caption.endsWith('（续）')) continued += 1;
      }
      expect(continued).toBeGreaterThan(3);
    }
  });
});

describe('the layout of the demo posters', () => {
  it('plans every demo poster at both sizes and satori agrees on every sheet', async () => {
    for (const doc of demoDocs()) {
      for (const size of ['A3', 'A4'] as SizeKey[]) {
        const layout = layoutPoster(doc, SIZES[size], fonts);
        for (let i = 0; i < layout.sheets.length; i += 1) expect((await drawWithSatori(layout, i)).problems).toEqual([]);
      }
    }
  }, 300_000);

  it('fills every sheet but the last at least half, and shares the content so no last sheet is a lone line and the sign-off', () => {
    const fill = (layout: PosterLayout, i: number) => layout.sheets[i]!.items.reduce((s, it) => s + it.height + it.spaceBefore, 0) / layout.content.height;
    let multi = 0;
    for (const doc of demoDocs()) {
      for (const size of ['A3', 'A4'] as SizeKey[]) {
        const layout = layoutPoster(doc, SIZES[size], fonts);
        const n = layout.sheets.length;
        if (n < 2) continue;
        multi += 1;
        const where = `${doc.village.id}/${doc.id} ${size}`;
        for (let i = 0; i < n - 1; i += 1) expect(fill(layout, i), `${where} 第 ${i + 1} 页`).toBeGreaterThanOrEqual(0.5);
        expect(fill(layout, n - 1), `${where} 末页`).toBeGreaterThan(1 / 3);
      }
    }
    expect(multi).toBeGreaterThan(10);
    // The 村务公开 of 2025 Q3 on A3 once put one sentence and the sign-off alone on its page 2.
    const q3 = layoutPoster(demoDoc('dongxing', 'disclosure-2025-q3'), SIZES.A3, fonts);
    expect(q3.sheets.length).toBe(2);
    expect(fill(q3, 1)).toBeGreaterThanOrEqual(0.5);
  });

  it('stops the build rather than print a sheet whose drawing needs more room than planned', async () => {
    const doc = demoDoc('maqu', 'finance-2025-q3');
    const layout = layoutPoster(doc, SIZES.A3, fonts);
    // Pretend the plan under-estimated a table row: the renderer must notice.
    const squeezed = {
      ...layout,
      sheets: layout.sheets.map((s) => ({ ...s, items: s.items.map((it) => (it.kind === 'table-row' ? { ...it, height: it.height - 10 } : it)) })),
    };
    await expect(renderSheetsSvg(squeezed)).rejects.toThrow(/content\/villages\/maqu\/finances\/2025-q3\.yaml · A3 · 第 1 页.*table-row/s);
  });

  it('puts the 核对码, the version, the record URL and the posting dates on every sheet', () => {
    const doc = demoDoc('maqu', 'finance-2025-q3');
    const layout = layoutPoster(doc, SIZES.A4, fonts);
    for (let i = 0; i < layout.sheets.length; i += 1) {
      const t = drawnTexts(drawSheet(layout, i)).join('\n');
      expect(t).toContain(`核对码 ${doc.fingerprint}　第1版`);
      expect(t).toContain(doc.url);
      expect(t).toContain('张贴期：2025年10月10日起，不少于5天');
      expect(t).toContain('天成镇 马曲村');
    }
  });

  it('refuses a block taller than a whole sheet instead of cutting it, naming the record file', () => {
    const doc = demoDoc('maqu', 'notice-2025-11-17-dibao');
    const huge = {
      ...doc,
      blocks: [
        { kind: 'callout' as const, title: '说明', lines: Array.from({ length: 200 }, () => '这是一行很长的说明文字，用来测试一段内容比整张纸还高的情况。') },
      ],
    };
    expect(() => layoutPoster(huge, SIZES.A4, fonts)).toThrow(PosterLayoutError);
    expect(() => layoutPoster(huge, SIZES.A4, fonts)).toThrow(/content\/villages\/maqu\/notices\/2025-11-17-dibao\.md/);
  });

  it('refuses a character the font does not have, naming the record file, instead of printing a box', () => {
    const doc = demoDoc('maqu', 'notice-2025-11-17-dibao');
    const rare = { ...doc, title: `${doc.title}𪜀` };
    expect(() => layoutPoster(rare, SIZES.A3, fonts)).toThrow(/notices\/2025-11-17-dibao\.md.*U\+2A700/s);
  });
});

describe('Chinese line breaking on posters (禁则)', () => {
  const TEXT = '村道硬化工程（三组至五组），全长2.3公里、宽4.5米。“四议两公开”程序已完成；决议已公开！剩余款项《合同》约定：验收后支付……请监督。';

  /** Lines as satori draws them: its <text> runs grouped by baseline. */
  async function satoriLines(width: number): Promise<string[]> {
    const svg = await satori(
      { type: 'div', props: { style: { display: 'flex', width, fontSize: 20, lineHeight: '28px', fontFamily: 'Source Han Sans SC' }, children: TEXT } },
      { width: 800, height: 800, fonts: getSatoriFonts(), embedFont: false },
    );
    const runs = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), t: m[3]! }));
    const ys = [...new Set(runs.map((r) => r.y))].sort((a, b) => a - b);
    return ys.map((y) =>
      runs
        .filter((r) => r.y === y)
        .sort((a, b) => a.x - b.x)
        .map((r) => r.t)
        .join(''),
    );
  }

  it('satori never starts a line with closing punctuation or ends one with an opening bracket, at 30 widths', async () => {
    for (let width = 80; width <= 660; width += 20) {
      const lines = await satoriLines(width);
      expect(lines.join('').replace(/\s/g, '')).toBe(TEXT.replace(/\s/g, ''));
      for (const l of lines.slice(1)) expect('，。、；：？！）》」』”…'.includes(l.trim().charAt(0)), `${width}: ${lines.join(' | ')}`).toBe(false);
      for (const l of lines.slice(0, -1)) expect('（《「『“'.includes(l.trim().slice(-1)), `${width}: ${lines.join(' | ')}`).toBe(false);
    }
  });

  it('the pagination model never predicts fewer lines than satori draws', async () => {
    for (let width = 80; width <= 660; width += 20) {
      const drawn = (await satoriLines(width)).length;
      expect(countLines(TEXT, (width - 1) / 20, fonts.regular), `width ${width}`).toBeGreaterThanOrEqual(drawn);
    }
  });
});
