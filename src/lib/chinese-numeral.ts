/** Chinese numerals for ordinals on notices and posters (第一项, 第十二项). */

/** 1 → 一, 12 → 十二, 21 → 二十一 (up to 99). */
export function chineseNumeral(n: number): string {
  const d = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : d[tens]}十${ones ? d[ones] : ''}`;
}
