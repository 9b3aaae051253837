import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatYuan, parseFen, sumFen } from '../../src/lib/money.ts';

/** One trillion yuan in fen: the documented ceiling of parseFen. */
const MAX_FEN = 100_000_000_000_000;

/** Thousands grouping written independently of formatYuan: "1234567" → "1,234,567". */
function group(digits: string): string {
  const out: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) out.unshift(digits.slice(Math.max(0, end - 3), end));
  return out.join(',');
}

/** ASCII digits, comma, full stop and minus as a Chinese IME types them (full-width). */
function toFullWidth(text: string): string {
  return text.replace(/[0-9,.-]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

const yuanPart = fc.integer({ min: 0, max: 999_999_999_999 });
const centsPart = fc.integer({ min: 0, max: 99 });

describe('parseFen: reading amounts as clerks write them', () => {
  it('reads 1234.56 as 123456 fen', () => {
    expect(parseFen('1234.56')).toEqual({ ok: true, fen: 123456 });
  });

  it('reads 1,234.56 written with full-width digits as 123456 fen', () => {
    expect(parseFen('１，２３４．５６')).toEqual({ ok: true, fen: 123456 });
  });

  it('reads a yuan sign and a trailing 元, in half-width or full-width, as part of the amount', () => {
    expect(parseFen('¥1,234.5')).toEqual({ ok: true, fen: 123450 });
    expect(parseFen('￥ 1,234.50')).toEqual({ ok: true, fen: 123450 });
    expect(parseFen('1234.56元')).toEqual({ ok: true, fen: 123456 });
    expect(parseFen('\u30001234.56 元\u3000')).toEqual({ ok: true, fen: 123456 });
  });

  it('reads 0.29 as exactly 29 fen, where floating point would give 28.999…', () => {
    // 0.29 * 100 === 28.999999999999996 in IEEE doubles; a float parser would round down to 28.
    expect(0.29 * 100).not.toBe(29);
    expect(parseFen('0.29')).toEqual({ ok: true, fen: 29 });
    expect(parseFen('1.13')).toEqual({ ok: true, fen: 113 });
    expect(parseFen('4.35')).toEqual({ ok: true, fen: 435 });
    expect(parseFen('8.7')).toEqual({ ok: true, fen: 870 });
  });

  it('reads whole yuan without decimals, and one decimal as tenths of a yuan', () => {
    expect(parseFen('15')).toEqual({ ok: true, fen: 1500 });
    expect(parseFen('15.5')).toEqual({ ok: true, fen: 1550 });
    expect(parseFen('0')).toEqual({ ok: true, fen: 0 });
  });

  it('tells the clerk an empty cell is empty, not zero', () => {
    expect(parseFen('')).toEqual({ ok: false, error: 'empty' });
    expect(parseFen('   ')).toEqual({ ok: false, error: 'empty' });
    expect(parseFen('元')).toEqual({ ok: false, error: 'empty' });
  });

  it('refuses thousands separators that are not in groups of three', () => {
    for (const bad of ['12,34.5', '1,234,56', '1234,567', ',123', '1,,234', '1,234,']) {
      expect(parseFen(bad), bad).toEqual({ ok: false, error: 'format' });
    }
  });

  it('refuses amounts with more than two decimals instead of rounding them', () => {
    expect(parseFen('1.234')).toEqual({ ok: false, error: 'decimals' });
    expect(parseFen('0.005')).toEqual({ ok: false, error: 'decimals' });
  });

  it('refuses text that is not an amount', () => {
    for (const bad of ['abc', '12a', '1.2.3', '1e3', '.5', '5.', '一百', '1 234']) {
      expect(parseFen(bad).ok, bad).toBe(false);
    }
  });

  it('refuses negative amounts unless negatives are explicitly allowed', () => {
    expect(parseFen('-12.50')).toEqual({ ok: false, error: 'negative' });
    expect(parseFen('-12.50', { allowNegative: true })).toEqual({ ok: true, fen: -1250 });
    expect(parseFen('－1,000', { allowNegative: true })).toEqual({ ok: true, fen: -100000 });
  });

  it('accepts up to one trillion yuan and refuses anything larger', () => {
    expect(parseFen('1,000,000,000,000.00')).toEqual({ ok: true, fen: MAX_FEN });
    expect(parseFen('1000000000000.01')).toEqual({ ok: false, error: 'too-large' });
    expect(parseFen('99999999999999999999999')).toEqual({ ok: false, error: 'too-large' });
  });

  it('reads a number value through its decimal text, so 12.5 is 1250 fen and 0.1+0.2 is refused', () => {
    expect(parseFen(12.5)).toEqual({ ok: true, fen: 1250 });
    expect(parseFen(0.1 + 0.2)).toEqual({ ok: false, error: 'decimals' });
  });

  describe('properties', () => {
    it('reads back every amount it prints: parseFen(formatYuan(fen)) gives the same fen', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: MAX_FEN }), (fen) => {
          expect(parseFen(formatYuan(fen))).toEqual({ ok: true, fen });
        }),
      );
    });

    it('reads back printed negative amounts when negatives are allowed', () => {
      fc.assert(
        fc.property(fc.integer({ min: -MAX_FEN, max: -1 }), (fen) => {
          expect(parseFen(formatYuan(fen), { allowNegative: true })).toEqual({ ok: true, fen });
        }),
      );
    });

    it('reads yuan.cents text as exactly yuan × 100 + cents, without float rounding', () => {
      fc.assert(
        fc.property(yuanPart, centsPart, (yuan, cents) => {
          const text = `${yuan}.${String(cents).padStart(2, '0')}`;
          expect(parseFen(text)).toEqual({ ok: true, fen: yuan * 100 + cents });
        }),
      );
    });

    it('gives the same fen with or without thousands separators', () => {
      fc.assert(
        fc.property(yuanPart, centsPart, (yuan, cents) => {
          const frac = String(cents).padStart(2, '0');
          const plain = parseFen(`${yuan}.${frac}`);
          const grouped = parseFen(`${group(String(yuan))}.${frac}`);
          expect(grouped).toEqual(plain);
          expect(grouped.ok).toBe(true);
        }),
      );
    });

    it('gives the same result for full-width text as for its half-width form', () => {
      fc.assert(
        fc.property(yuanPart, centsPart, fc.boolean(), (yuan, cents, withCommas) => {
          const digits = withCommas ? group(String(yuan)) : String(yuan);
          const text = `${digits}.${String(cents).padStart(2, '0')}`;
          expect(parseFen(toFullWidth(text))).toEqual(parseFen(text));
        }),
      );
    });

    it('refuses any grouping where a group after the first is not exactly three digits', () => {
      const badGroup = fc.oneof(fc.stringMatching(/^\d{1,2}$/), fc.stringMatching(/^\d{4,6}$/));
      fc.assert(
        fc.property(
          fc.stringMatching(/^[1-9]\d{0,2}$/),
          fc.array(fc.stringMatching(/^\d{3}$/), { maxLength: 3 }),
          badGroup,
          fc.nat(),
          fc.option(fc.stringMatching(/^\d{1,2}$/), { nil: undefined }),
          (head, goodGroups, bad, pos, frac) => {
            const groups = [...goodGroups];
            groups.splice(pos % (groups.length + 1), 0, bad);
            const text = `${[head, ...groups].join(',')}${frac === undefined ? '' : `.${frac}`}`;
            expect(parseFen(text)).toEqual({ ok: false, error: 'format' });
          },
        ),
      );
    });

    it('refuses any amount with three or more decimals', () => {
      fc.assert(
        fc.property(yuanPart, fc.stringMatching(/^\d{3,8}$/), (yuan, frac) => {
          expect(parseFen(`${yuan}.${frac}`)).toEqual({ ok: false, error: 'decimals' });
        }),
      );
    });
  });
});

describe('formatYuan: printing fen as yuan', () => {
  it('prints 123456 fen as 1,234.56', () => {
    expect(formatYuan(123456)).toBe('1,234.56');
  });

  it('always prints two decimals, also for whole yuan and single fen', () => {
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(5)).toBe('0.05');
    expect(formatYuan(1500)).toBe('15.00');
  });

  it('groups millions with commas and keeps the minus sign in front', () => {
    expect(formatYuan(123456789)).toBe('1,234,567.89');
    expect(formatYuan(-100001)).toBe('-1,000.01');
  });
});

describe('sumFen: adding amounts', () => {
  it('adds amounts in fen exactly, where adding yuan as floats would drift', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumFen([10, 20])).toBe(30);
    expect(sumFen([])).toBe(0);
  });

  it('gives the exact total of any list of amounts, in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -MAX_FEN, max: MAX_FEN }), { maxLength: 50 }), (amounts) => {
        const exact = amounts.reduce((acc, a) => acc + BigInt(a), 0n);
        expect(BigInt(sumFen(amounts))).toBe(exact);
        expect(BigInt(sumFen([...amounts].reverse()))).toBe(exact);
      }),
    );
  });
});
