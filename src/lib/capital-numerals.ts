/**
 * Capital numerals (大写数字, written on cheques, vouchers and receipts: 叁仟陆佰元) and the everyday numerals they
 * stand for, simplified and traditional forms: the one table the privacy scan (./privacy.ts, numbers spelt out) and
 * the search query (./search-query.ts) read. Pairs of characters, the capital first.
 */

/** The capital digits 1–9. */
export const CAPITAL_DIGITS = '壹一贰二貳二叁三參三肆四伍五陆六陸六柒七捌八玖九';

/** The capital units and the money word (拾 10, 佰 100, 仟 1000, 萬 10,000, 圆 元). */
export const CAPITAL_UNITS = '拾十佰百仟千萬万圆元圓元';

/** The [capital, everyday] pairs of a table (`CAPITAL_DIGITS`, `CAPITAL_UNITS`). */
export const pairsOf = (table: string): [string, string][] => (table.match(/../gu) ?? []).map((pair) => [pair[0]!, pair[1]!]);
