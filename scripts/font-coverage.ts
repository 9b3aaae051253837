/**
 * `node scripts/font-coverage.ts`: measures how much of the Chinese national character sets the
 * poster font covers (both weights), from the font's own character map. Prints a table; the numbers
 * in the README come from here.
 */
import { FONT_PACKAGE, FONT_WEIGHTS, getFontIdentity, getFontMetrics } from '../src/posters/fonts.ts';
import { gb18030TwoByte, gb2312Level1, gb2312Level2, hanRange, RARE_NAME_CHARACTERS } from '../src/posters/gb18030.ts';

const faces = FONT_WEIGHTS.map((w) => getFontMetrics(w));
const has = (ch: string) => faces.every((f) => f.advance(ch.codePointAt(0)!) !== undefined);

const rows: [string, string[]][] = [
  ['GB 2312 / GB 18030 一级汉字 level-1 hanzi', gb2312Level1()],
  ['GB 2312 / GB 18030 二级汉字 level-2 hanzi', gb2312Level2()],
  ['GB 18030 双字节部分 two-byte part (GBK repertoire, all characters)', gb18030TwoByte()],
  ['CJK 基本区 URO U+4E00–U+9FEF (GB 18030-2022)', hanRange(0x4e00, 0x9fef)],
  ['CJK 基本区 URO U+9FF0–U+9FFF (Unicode 14–15, not in GB 18030-2022)', hanRange(0x9ff0, 0x9fff)],
  ['CJK 扩展A Ext A U+3400–U+4DB5 (GB 18030)', hanRange(0x3400, 0x4db5)],
  ['CJK 扩展A Ext A U+4DB6–U+4DBF (Unicode 13, not in GB 18030-2022)', hanRange(0x4db6, 0x4dbf)],
  ['CJK 扩展B Ext B U+20000–U+2A6DF', hanRange(0x20000, 0x2a6df)],
  ['CJK 扩展C–F Ext C–F U+2A700–U+2EBEF', hanRange(0x2a700, 0x2ebef)],
  ['生僻姓名用字 rare name characters (䶮 堃 骉 淼 犇 𠮷 …)', RARE_NAME_CHARACTERS],
];

let total = 0;
for (const _ of faces[0]!.codePoints()) total += 1;
console.log(`字体 font: ${getFontIdentity()} (${FONT_PACKAGE}); ${total} code points in the regular weight`);
console.log('覆盖 coverage (a character counts only if both regular and bold have it):');
for (const [name, chars] of rows) {
  const missing = chars.filter((c) => !has(c));
  const pct = ((100 * (chars.length - missing.length)) / Math.max(1, chars.length)).toFixed(2);
  console.log(
    `  ${name}: ${chars.length - missing.length} / ${chars.length} (${pct} %)${missing.length && missing.length <= 12 ? `  missing ${missing.join(' ')}` : ''}`,
  );
}
