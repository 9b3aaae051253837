/**
 * Reads a clerk's spreadsheet into rows of cells: .xlsx from Excel or WPS (exceljs), or .csv saved
 * as UTF-8, UTF-8 with BOM, UTF-16 ("Unicode text") or GBK/GB18030 (old Excel and WPS on Chinese
 * Windows), separated by commas, tabs or semicolons (csv-parse). Old binary .xls/.et files are
 * recognised and refused with how to re-save them. A file too large to be one period's ledger (over
 * MAX_FILE_BYTES, or an .xlsx whose contents unpack to over MAX_UNZIPPED_BYTES: a zip bomb, or a sheet
 * with a million empty formatted rows) is refused before it is parsed, so it cannot exhaust memory; a
 * zip is unpacked here with each part's inflation capped, and exceljs reads only what was unpacked.
 * Hidden sheets are marked, and a workbook saved in the 1904 date system (Excel for Mac) says so, so
 * dates typed as serial numbers are read in the right system. Takes bytes, touches no files.
 */
import { inflateRawSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Cell, SheetRow } from '../lib/ledger-import.ts';
import type { ImportMessage } from '../check/messages/index.ts';

export interface Sheet {
  name: string;
  rows: SheetRow[];
  /** Hidden in Excel/WPS (not shown as a tab): never imported. */
  hidden?: boolean;
}

/** Largest file read (a quarter's ledger is well under 1 MB; 5,000 rows of 11 columns is about 1 MB). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Largest total unpacked size of an .xlsx's parts (exceljs holds a sheet's rows in memory, ~25 bytes of RSS per byte of sheet XML). */
export const MAX_UNZIPPED_BYTES = 30 * 1024 * 1024;

export type ReadResult =
  | {
      ok: true;
      kind: 'xlsx' | 'csv';
      encoding?: string;
      sheets: Sheet[];
      /** Dates as serial numbers count from 1904-01-01 (Excel for Mac). */ date1904?: boolean;
    }
  | ({ ok: false } & Extract<ImportMessage, { code: 'import.file-type' | 'import.xls' | 'import.encrypted' | 'import.unreadable' | 'import.too-large' }>);

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');
const startsWith = (bytes: Uint8Array, sig: readonly number[]) => sig.every((b, i) => bytes[i] === b);

/** Text of a CSV file in whichever encoding it was saved. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: string } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8 (BOM)' };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GBK/GB18030' };
  }
}

/** Whether the bytes look like text (no NUL or other control bytes but tab, CR, LF in the first 4 KB; UTF-16 has a BOM). */
function isText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  return bytes.length > 0 && bytes.subarray(0, 4096).every((b) => b >= 0x20 || b === 0x09 || b === 0x0a || b === 0x0d);
}

function guessDelimiter(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .slice(0, 20);
  const score = (d: string) => lines.reduce((n, l) => n + l.split(d).length - 1, 0);
  return ['\t', ',', ';'].sort((a, b) => score(b) - score(a))[0]!;
}

const unreadable = (error: unknown): ReadResult => ({
  ok: false,
  code: 'import.unreadable',
  params: { detail: error instanceof Error ? error.message.split('\n')[0]! : String(error) },
});

function readCsv(bytes: Uint8Array): ReadResult {
  const { text, encoding } = decodeCsv(bytes);
  let records: string[][];
  try {
    records = parse(text, { delimiter: guessDelimiter(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: false, trim: false });
  } catch (error) {
    return unreadable(error);
  }
  return {
    ok: true,
    kind: 'csv',
    encoding,
    sheets: [{ name: 'CSV', rows: records.map((cells, i) => ({ n: i + 1, cells: cells.map((c) => (c.trim() === '' ? null : c)) })) }],
  };
}

function normaliseCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('result' in value) return normaliseCell((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return String(value.error);
    // A formula with no saved result (a file written by software, never opened and saved in Excel): show the formula, so the
    // clerk is told the cell is not an amount, rather than that the row has none.
    if ('formula' in value && typeof value.formula === 'string') return `=${value.formula}`;
    if ('sharedFormula' in value || 'formula' in value) return null;
  }
  return String(value);
}

/** A number format that shows a unit larger than 元. */
const UNIT_FORMAT = /[万千亿]/;

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localHeader: number;
}

/** The entries a zip's central directory lists, or undefined when it has no readable one (ZIP64 included: no ledger needs it). */
function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i -= 1)
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return undefined;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  const names = new TextDecoder('utf-8');
  for (let k = 0; k < count; k += 1) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      declaredSize: view.getUint32(at + 24, true),
      localHeader: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/**
 * The total unpacked size of a zip's entries as its central directory declares them, or undefined when
 * there is no readable central directory. A ZIP64 size (0xffffffff) counts as too large.
 */
export function zipUnpackedSize(bytes: Uint8Array): number | undefined {
  return zipEntries(bytes)?.reduce((total, e) => total + (e.declaredSize === 0xffffffff ? Infinity : e.declaredSize), 0);
}

/**
 * A zip's files, each inflated with its output capped at what is left of `limit` bytes in all, so a
 * zip that lies about its sizes is stopped at the limit instead of unpacked whole. 'damaged' when
 * the directory, a header or the compressed data cannot be read, or a method is neither stored nor deflate.
 */
export function unzipCapped(bytes: Uint8Array, limit: number): { ok: true; files: Map<string, Uint8Array> } | { ok: false; reason: 'too-large' | 'damaged' } {
  const entries = zipEntries(bytes);
  if (!entries) return { ok: false, reason: 'damaged' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const files = new Map<string, Uint8Array>();
  let left = limit;
  for (const e of entries) {
    const at = e.localHeader;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return { ok: false, reason: 'damaged' };
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    if (start + e.compressedSize > bytes.length) return { ok: false, reason: 'damaged' };
    const data = bytes.subarray(start, start + e.compressedSize);
    let content: Uint8Array;
    if (e.method === 0) content = data;
    else if (e.method === 8) {
      try {
        content = inflateRawSync(data, { maxOutputLength: left + 1 });
      } catch (error) {
        return { ok: false, reason: (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : 'damaged' };
      }
    } else return { ok: false, reason: 'damaged' };
    left -= content.length;
    if (left < 0) return { ok: false, reason: 'too-large' };
    if (!e.name.endsWith('/')) files.set(e.name, content);
  }
  return { ok: true, files };
}

/**
 * A workbook's sheets. The zip is unpacked here, each part's inflation capped, and exceljs is given
 * only what was unpacked (stored again, uncompressed): it never inflates the clerk's file itself, so
 * no zip, however it lies about its sizes or is laid out, makes it unpack more than MAX_UNZIPPED_BYTES.
 */
async function readXlsx(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  const declared = zipUnpackedSize(bytes);
  // What the directory declares refuses an honest big file with its size before anything is inflated.
  const unpacked =
    declared !== undefined && declared > MAX_UNZIPPED_BYTES ? { ok: false as const, reason: 'too-large' as const } : unzipCapped(bytes, MAX_UNZIPPED_BYTES);
  if (!unpacked.ok && unpacked.reason === 'too-large')
    return {
      ok: false,
      code: 'import.too-large',
      params: {
        name: fileName,
        size:
          declared !== undefined && declared > MAX_UNZIPPED_BYTES && Number.isFinite(declared)
            ? `解压后 unpacked ${megabytes(declared)}`
            : `解压后 unpacked > ${megabytes(MAX_UNZIPPED_BYTES)}`,
        limit: megabytes(MAX_UNZIPPED_BYTES),
      },
    };
  if (!unpacked.ok) return unreadable(new Error('zip directory or data damaged (压缩包目录或数据损坏)'));
  const workbook = new ExcelJS.Workbook();
  try {
    const stored = new JSZip();
    for (const [name, content] of unpacked.files) stored.file(name, content);
    await workbook.xlsx.load((await stored.generateAsync({ type: 'nodebuffer', compression: 'STORE' })) as unknown as ArrayBuffer);
  } catch (error) {
    return unreadable(error);
  }
  const sheets = workbook.worksheets.map((ws) => {
    const rows: SheetRow[] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      const cells = values.map((v) => normaliseCell(v ?? null));
      // A number shown with a unit (#,##0.00"万元") may be in yuan or in 万元: marked so the import asks.
      const formats: (string | undefined)[] = [];
      row.eachCell((cell, c) => {
        if (typeof cells[c - 1] === 'number' && UNIT_FORMAT.test(cell.numFmt ?? '')) formats[c - 1] = cell.numFmt;
      });
      rows.push({ n, cells, ...(row.hidden ? { hidden: true } : {}), ...(formats.length > 0 ? { formats } : {}) });
    });
    return { name: ws.name, rows, ...(ws.state === 'visible' || ws.state === undefined ? {} : { hidden: true }) };
  });
  return { ok: true, kind: 'xlsx', sheets, ...(workbook.properties.date1904 ? { date1904: true } : {}) };
}

/** Whether text is a web page or XML (what online systems export as "Excel" under an .xls name), not CSV. */
function isMarkup(bytes: Uint8Array): boolean {
  return /^\s*</.test(decodeCsv(bytes.subarray(0, 1024)).text);
}

const SPREADSHEET_EXTENSIONS = ['xlsx', 'xlsm', 'xls', 'et', 'csv', 'txt', 'tsv'];

/**
 * What the file is decides how it is read, not its name: an OLE2 compound file is an old .xls/.et
 * (or a password-protected .xlsx), a zip is an .xlsx, and text is CSV, whichever of the spreadsheet
 * extensions it carries (a workbook saved as .xls, CSV exported as .xlsx or .xls); a web page named
 * .xls is refused with how to re-save it.
 */
export async function readSpreadsheet(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
  const ext = (/\.([a-z0-9]+)$/i.exec(fileName)?.[1] ?? '').toLowerCase();
  // A password-protected .xlsx is an OLE2 compound file holding an "EncryptionInfo" stream (its name in UTF-16LE).
  if (startsWith(bytes, OLE2) && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(ENCRYPTION_INFO))
    return { ok: false, code: 'import.encrypted', params: { name: fileName } };
  if (startsWith(bytes, OLE2)) return { ok: false, code: 'import.xls', params: { name: fileName } };
  if (bytes.length > MAX_FILE_BYTES)
    return { ok: false, code: 'import.too-large', params: { name: fileName, size: megabytes(bytes.length), limit: megabytes(MAX_FILE_BYTES) } };
  const spreadsheet = SPREADSHEET_EXTENSIONS.includes(ext);
  if (startsWith(bytes, ZIP) && (spreadsheet || ext === '')) return readXlsx(bytes, fileName);
  if (spreadsheet && isText(bytes)) {
    if (['xls', 'et'].includes(ext) && isMarkup(bytes)) return { ok: false, code: 'import.xls', params: { name: fileName, format: 'web-page' } };
    return readCsv(bytes);
  }
  if (['xls', 'et', 'wps'].includes(ext)) return { ok: false, code: 'import.xls', params: { name: fileName } };
  if (['xlsx', 'xlsm'].includes(ext)) return readXlsx(bytes, fileName);
  return { ok: false, code: 'import.file-type', params: { name: fileName, ext: ext ? `.${ext}` : '（无扩展名 none）' } };
}
