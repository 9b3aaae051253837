/**
 * The poster font has every character the posters draw: checked with fontkit (an independent
 * OpenType reader) over every character of every sheet of every demo poster, the 300-entry ledger,
 * all 6,763 GB 2312 / GB 18030 level-1 and level-2 hanzi, and rare name characters. Satori gives no
 * error for a missing glyph (it draws a box), so this is the only guard.
 */
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { FONT_WEIGHTS, getFontFile, getFontMetrics, getLayoutFonts } from '../../src/posters/fonts.ts';
import { gb18030TwoByte, gb2312Level1, gb2312Level2, RARE_NAME_CHARACTERS } from '../../src/posters/gb18030.ts';
import { layoutPoster } from '../../src/posters/layout.ts';
import { POSTER_SIZES, SIZES } from '../../src/posters/sizes.ts';
import { countyWithLongLedger, demoDocs, layoutTexts } from '../helpers/posters.ts';

const faces = FONT_WEIGHTS.map((w) => ({ weight: w, font: fontkit.openSync(getFontFile(w)) }));

function missing(chars: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const ch of chars) {
    if (/\s/.test(ch)) continue;
    for (const { weight, font } of faces)
      if (!font.hasGlyphForCodePoint(ch.codePointAt(0)!)) out.add(`${ch} U+${ch.codePointAt(0)!.toString(16).toUpperCase()} (${weight})`);
  }
  return [...out];
}

describe('the poster font (Source Han Sans SC from npm)', () => {
  it('has a glyph, in regular and bold, for every character of every sheet of every demo poster at every size', () => {
    const fonts = getLayoutFonts();
    const chars = new Set<string>();
    // A 低保 notice for households whose heads have rare characters in their names.
    const dibao = demoDocs().find((d) => d.id === 'notice-2025-11-17-dibao')!;
    const rareNames = ['刘䶮', '王堃', '张骉', '李淼', '赵犇', '吉𠮷'];
    const rare = {
      ...dibao,
      blocks: dibao.blocks.map((b) => (b.kind === 'table' ? { ...b, rows: rareNames.map((n, i) => [String(i + 1), n, '1', '500.00', '一组']) } : b)),
    };
    for (const doc of [...demoDocs(), countyWithLongLedger(300).doc, rare]) {
      for (const size of POSTER_SIZES) for (const t of layoutTexts(layoutPoster(doc, SIZES[size], fonts))) for (const ch of t) chars.add(ch);
    }
    expect(chars.size).toBeGreaterThan(700);
    for (const ch of '䶮堃骉淼犇𠮷') expect(chars.has(ch)).toBe(true);
    expect(missing(chars)).toEqual([]);
  });

  it('covers all 3,755 level-1 and 3,008 level-2 hanzi of GB 2312 / GB 18030', () => {
    const l1 = gb2312Level1();
    const l2 = gb2312Level2();
    expect(l1).toHaveLength(3755);
    expect(l2).toHaveLength(3008);
    expect(missing([...l1, ...l2])).toEqual([]);
  });

  it('covers every character of the GB 18030 two-byte part (the GBK repertoire)', () => {
    const all = gb18030TwoByte();
    expect(all.length).toBeGreaterThan(21_800);
    expect(missing(all)).toEqual([]);
  });

  it('covers rare characters of people’s names such as 䶮 堃 骉 淼 犇 and 𠮷', () => {
    expect(RARE_NAME_CHARACTERS).toEqual(expect.arrayContaining([...'䶮堃骉淼犇𠮷']));
    expect(missing(RARE_NAME_CHARACTERS)).toEqual([]);
  });

  it('is read the same by the layout’s own glyph-width reader as by fontkit', () => {
    for (const { weight, font } of faces) {
      const ours = getFontMetrics(weight);
      expect([...ours.codePoints()].length).toBe(new Set(font.characterSet).size);
      for (const ch of '马曲村公开栏2025年第三季度，。（）“”、：；0123456789,.ABCxyz 䶮𠮷＿') {
        const cp = ch.codePointAt(0)!;
        expect(ours.advance(cp), `${ch} ${weight}`).toBeCloseTo(font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm, 6);
      }
    }
  });
});
