/** Small statistics and formatting helpers for benchmark reports. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export const seconds = (ms: number): string => (Number.isFinite(ms) ? (ms / 1000).toFixed(1) : '–');
/** Decimal megabytes (10^6 bytes), as the tables label them and as hosts state their caps in GB. */
export const megabytes = (bytes: number): string => (Number.isFinite(bytes) ? (bytes / 1e6).toFixed(0) : '–');
/** Decimal kilobytes (1,000 bytes), as issue 18's 150 KB first query (test/budgets.json alone counts 1 KB as 1,024 B). */
export const kilobytes = (bytes: number): string => (Number.isFinite(bytes) ? (bytes / 1000).toFixed(1) : '–');

/** A Markdown table from a header and rows. */
export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
