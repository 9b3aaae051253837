import { describe, expect, it } from 'vitest';
import { countLines, isTrimmedSpace, mayBreakBetween, NO_BREAK_AFTER, NO_BREAK_BEFORE, wrapText } from '../../src/lib/linebreak.ts';
import { getLayoutFonts } from '../../src/posters/fonts.ts';

/** Every CJK character 1 em, everything else half an em: a stand-in font for the rules. */
const advance = (cp: number) => (cp >= 0x2e80 ? 1 : 0.5);

describe('the line-breaking model used to paginate posters', () => {
  it('never starts a line with closing punctuation or ends one with an opening bracket (禁则)', () => {
    const text = '村道硬化工程（三组至五组），全长2.3公里。“四议两公开”程序已完成；决议已公开！剩余款项、质保金待验收后支付。';
    for (let width = 3; width <= 20; width += 1) {
      const lines = wrapText(text, width, advance);
      expect(lines.join('')).toBe(text);
      for (const line of lines.slice(1)) expect(NO_BREAK_BEFORE.has(line.charAt(0)), `${width}: ${lines.join('|')}`).toBe(false);
      for (const line of lines.slice(0, -1)) expect(NO_BREAK_AFTER.has(line.charAt(line.length - 1)), `${width}: ${lines.join('|')}`).toBe(false);
    }
  });

  it('keeps numbers whole when they fit on a line', () => {
    const lines = wrapText('合同价214,800.00元', 8, advance);
    expect(lines.some((l) => l.includes('214,800.00'))).toBe(true);
  });

  it('cuts a number that is wider than the whole box rather than letting it overflow', () => {
    const lines = wrapText('12345678901234567890', 4, advance);
    expect(lines.every((l) => l.length <= 8)).toBe(true);
    expect(lines.join('')).toBe('12345678901234567890');
  });

  it('counts one line for text that fits and more when it does not', () => {
    expect(countLines('公开栏', 3, advance)).toBe(1);
    expect(countLines('村务公开栏', 3, advance)).toBe(2);
    expect(mayBreakBetween('村', '务')).toBe(true);
    expect(mayBreakBetween('2', '0')).toBe(false);
  });

  it('refuses a character the font has no glyph for, instead of drawing tofu', () => {
    expect(() => countLines('刘䶮', 10, (cp) => (cp === 0x4dae ? undefined : 1))).toThrow(/U\+4DAE/);
  });

  it('counts exactly the lines it wraps, for any text and box width, in the poster font and the stand-in', () => {
    // A fixed pseudo-random stream (the same texts on every run): CJK, digits, Latin, spaces, 禁则 punctuation, full-width space.
    let seed = 20261206;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const alphabet = [...'村务公开栏财务收支低保户名单𠀋', ...'0123456789.,', ...'abcXYZ', '  ', ' ', '\u3000', ...NO_BREAK_BEFORE, ...NO_BREAK_AFTER];
    const { regular, bold } = getLayoutFonts();
    const fonts = [advance, regular, bold];
    let compared = 0;
    for (let t = 0; t < 3000; t += 1) {
      const text = Array.from({ length: next(60) }, () => alphabet[next(alphabet.length)]!).join('');
      const width = [0.5, 1, 2.5, 3, 7.25, 12, 31.5][next(7)]!;
      const font = fonts[t % fonts.length]!;
      expect(countLines(text, width, font), `${JSON.stringify(text)} at ${width} em`).toBe(wrapText(text, width, font).length);
      compared += 1;
    }
    expect(compared).toBe(3000);
  });

  it('counts a missing glyph as the same error wrapping it gives', () => {
    const font = (cp: number) => (cp === 0x4dae ? undefined : 1);
    expect(() => countLines('刘 䶮', 1, font)).toThrow('字体缺少字符“䶮”（U+4DAE）');
    expect(() => wrapText('刘 䶮', 1, font)).toThrow('字体缺少字符“䶮”（U+4DAE）');
  });

  it('treats as trailing white space exactly what trimEnd removes', () => {
    const differ: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp += 1) if (isTrimmedSpace(cp) !== (`a${String.fromCharCode(cp)}`.trimEnd() === 'a')) differ.push(`U+${cp.toString(16)}`);
    expect(differ).toEqual([]);
    expect(isTrimmedSpace(0x3000) && isTrimmedSpace(0x20) && !isTrimmedSpace(0x6751)).toBe(true);
  });
});
