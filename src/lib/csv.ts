/**
 * CSV as Excel and WPS open it directly: UTF-8 with a BOM, CRLF line ends, every field quoted, and
 * formula-safe cells (a leading = + - @ tab or CR is neutralised with an apostrophe so a spreadsheet
 * never runs it). Used by the compliance report (src/tools/report.ts) and the open-data files.
 */

/**
 * One CSV field: quoted, quotes doubled, and text starting with = + - @ neutralised so Excel never
 * runs it as a formula. A number (a negative balance) is written as it is: it cannot be a formula.
 */
export function csvField(value: string | number): string {
  const text = String(value);
  // Tested by character code, and searched once before replacing: the open-data files write millions of fields.
  const first = text.charCodeAt(0);
  const formula = typeof value === 'string' && (first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13);
  const safe = formula ? `'${text}` : text;
  return safe.includes('"') ? `"${safe.replace(/"/g, '""')}"` : `"${safe}"`;
}

/** The CSV text of a header and rows: BOM, CRLF line ends, a final CRLF. */
export function formatCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${formatCsvLines([header, ...rows])}`;
}

/**
 * CSV lines without the BOM, each ending in CRLF: a file is the BOM, its header line and any run of
 * these joined end to end. Every field is quoted, so each line starts and ends with a quote.
 */
export function formatCsvLines(rows: readonly (readonly (string | number)[])[]): string {
  let out = '';
  for (const r of rows) {
    for (let i = 0; i < r.length; i += 1) out += i === 0 ? csvField(r[i]!) : `,${csvField(r[i]!)}`;
    out += '\r\n';
  }
  return out;
}
