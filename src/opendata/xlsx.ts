/**
 * The ledgers as an Excel workbook (exceljs): one sheet per table, the same columns as the CSV files,
 * money as numbers with two decimals. Deterministic: the workbook's dates are the as-of date and the
 * zip entries' time stamps are fixed, so the same ledgers give the same bytes.
 */
import ExcelJS from 'exceljs';
import type { Cell } from './tables.ts';
import type { TableSchemaField } from './table-schema.ts';

export interface Sheet {
  name: string;
  fields: readonly TableSchemaField[];
  rows: readonly (readonly Cell[])[];
}

/** Sets every entry's DOS modification time and date in a zip (local headers and central directory) to 1980-01-01 00:00. */
export function fixZipTimes(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1;
  for (let i = 0; i + 4 <= out.length; i += 1) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50 && i + 30 <= out.length) {
      out.writeUInt16LE(0, i + 10);
      out.writeUInt16LE(DOS_DATE_1980, i + 12);
      const compressed = out.readUInt32LE(i + 18);
      const nameLen = out.readUInt16LE(i + 26);
      const extraLen = out.readUInt16LE(i + 28);
      i += 30 + nameLen + extraLen + compressed - 1;
    } else if (sig === 0x02014b50 && i + 46 <= out.length) {
      out.writeUInt16LE(0, i + 12);
      out.writeUInt16LE(DOS_DATE_1980, i + 14);
      i += 46 + out.readUInt16LE(i + 28) + out.readUInt16LE(i + 30) + out.readUInt16LE(i + 32) - 1;
    } else if (sig === 0x06054b50) break;
  }
  return out;
}

/** The workbook's bytes. `date` (the as-of date, YYYY-MM-DD) is recorded as its creation date. */
export async function buildWorkbook(sheets: readonly Sheet[], date: string, title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const when = new Date(`${date}T00:00:00Z`);
  wb.creator = 'gongkai';
  wb.lastModifiedBy = 'gongkai';
  wb.created = when;
  wb.modified = when;
  wb.title = title;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.fields.map((f) => ({
      header: f.name,
      key: f.name,
      width: Math.max(10, f.title.length * 2 + 4),
      ...(f.unit === 'CNY' ? { style: { numFmt: '#,##0.00' } } : {}),
    }));
    ws.getRow(1).font = { bold: true };
    for (const f of s.fields) ws.getCell(1, s.fields.indexOf(f) + 1).note = `${f.title}：${f.description}`;
    for (const r of s.rows) ws.addRow(r.map((c) => (c === '' ? null : c)));
  }
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return fixZipTimes(buf);
}
