/**
 * Money is integer fen (分): 1 元 = 100 分. Clerks write yuan; we parse it exactly, never through floats.
 */

/** Why a yuan text could not be read; the checker turns this into a clerk-facing message. */
export type MoneyParseError = 'empty' | 'format' | 'decimals' | 'negative' | 'too-large';

export type MoneyParse = { ok: true; fen: number } | { ok: false; error: MoneyParseError };

const FULLWIDTH = /[\uFF10-\uFF19\uFF0C\uFF0E\uFF0D\uFFE5\u3000]/g;

/** Maps full-width digits, comma, full stop, minus, yen sign and ideographic space to ASCII. */
function toHalfWidth(text: string): string {
  return text.replace(FULLWIDTH, (ch) => {
    const code = ch.charCodeAt(0);
    if (code === 0x3000) return ' ';
    if (code === 0xffe5) return '¥';
    return String.fromCharCode(code - 0xfee0);
  });
}

/** Largest amount we accept: one trillion yuan, far below Number.MAX_SAFE_INTEGER fen. */
const MAX_FEN = 100_000_000_000_000;

/**
 * Parses a yuan amount as a clerk writes it — `1234.56`, `1,234.56`, `１２３４.５６`, `¥1,234.5`,
 * `1234.56元` — into integer fen. Thousands separators must be in groups of three. With `unitShift`
 * the number is in a larger unit, that many decimal places above 元 (万元 is 4: `1.2345` is
 * 12,345.00 元): it is converted exactly, and refused ('decimals') when it is not a whole fen in yuan.
 */
export function parseFen(input: string | number, options: { allowNegative?: boolean; unitShift?: number } = {}): MoneyParse {
  const shift = options.unitShift ?? 0;
  let text = typeof input === 'number' ? String(input) : toHalfWidth(input);
  text = text
    .trim()
    .replace(/^¥\s*/, '')
    .replace(/\s*元$/, '')
    .trim();
  if (text === '') return { ok: false, error: 'empty' };
  let sign = 1;
  if (text.startsWith('-')) {
    sign = -1;
    text = text.slice(1);
  }
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return { ok: false, error: 'format' };
  const whole = (match[1] ?? '').replaceAll(',', '');
  // In a larger unit, zeros past the last place a fen can reach change nothing (1.2345000万).
  const frac = shift > 0 ? (match[2] ?? '').replace(/0+$/, '') : (match[2] ?? '');
  if (frac.length > 2 + shift) return { ok: false, error: 'decimals' };
  if (sign < 0 && !options.allowNegative) return { ok: false, error: 'negative' };
  const fen = Number(whole) * 10 ** (2 + shift) + Number(frac.padEnd(2 + shift, '0'));
  if (!Number.isSafeInteger(fen) || fen > MAX_FEN) return { ok: false, error: 'too-large' };
  return { ok: true, fen: sign * fen };
}

/** Formats fen as yuan with thousands separators and two decimals: 123456 → "1,234.56". */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${grouped}.${String(cents).padStart(2, '0')}`;
}

/** Sums fen amounts; integers in, integer out. */
export function sumFen(amounts: readonly number[]): number {
  let total = 0;
  for (const a of amounts) total += a;
  return total;
}
