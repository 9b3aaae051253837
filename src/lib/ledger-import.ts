/**
 * Turns the rows of a clerk's ledger spreadsheet (Excel/WPS/CSV, read by src/import/) into ledger
 * entries. Handles the common layouts: a header row with 日期/凭证号/摘要/科目/收入/支出 (or 借方/贷方,
 * or 金额 with a 收支 column, or 金额 alone with the side taken from the category), separate 月/日
 * columns, merged title rows above the header, 上期结余 / 本月合计 / 本季合计 / 累计 / 本期结余 rows,
 * amounts typed as text or numbers. Every row it cannot read is reported with its row number and
 * why; nothing is guessed. Pure: takes cells, returns entries and findings.
 */
import { getAccountingSystem, ACCOUNTING_SYSTEMS } from '../law/accounting.ts';
import { isIsoDate } from './dates.ts';
import { formatYuan, parseFen, sumFen } from './money.ts';
import { isInPeriod, periodKey, quarterOf, type Period } from './period.ts';
import type { ImportMessage } from './finding.ts';

/** A cell as read from a spreadsheet: text, a number, a date (UTC midnight) or empty. */
export type Cell = string | number | Date | null;

export interface SheetRow {
  /** Row number as the clerk sees it in Excel/WPS (1-based), or the CSV line. */
  n: number;
  cells: readonly Cell[];
  /** Hidden in Excel/WPS (not shown, not printed): imported, with a warning so the clerk knows it is in the ledger. */
  hidden?: boolean;
  /** Number formats that show a unit (#,##0.00"万元"), by column index: only those, since they hide which unit the number is in. */
  formats?: readonly (string | undefined)[];
}

export type Column =
  | 'date'
  | 'year'
  | 'month'
  | 'day'
  | 'voucher'
  | 'summary'
  | 'category'
  | 'income'
  | 'expense'
  | 'amount'
  | 'direction'
  | 'balance'
  | 'source'
  | 'handler'
  | 'approver'
  | 'resolution';

/** Header names clerks use, by column (compared after removing spaces and units like （元）). */
export const HEADER_NAMES: Readonly<Record<Column, readonly string[]>> = {
  date: ['日期', '记账日期', '业务日期', '发生日期', '凭证日期', '时间'],
  year: ['年', '年份'],
  month: ['月', '月份'],
  day: ['日'],
  voucher: ['凭证号', '凭证字号', '凭证编号', '凭证', '凭单号', '记账凭证号', '票据号'],
  summary: ['摘要', '事由', '用途', '收支内容', '内容', '说明'],
  category: ['科目', '会计科目', '科目名称', '收支科目', '收支类别', '类别', '科目类别'],
  income: ['收入', '收入金额', '借方', '借方金额', '收方'],
  expense: ['支出', '支出金额', '贷方', '贷方金额', '付方'],
  amount: ['金额', '发生额', '发生金额'],
  direction: ['收支', '收/支', '收支方向', '收支类型', '方向', '借贷', '借/贷'],
  balance: ['余额', '结余', '结存'],
  source: ['资金来源', '来源', '经费来源'],
  handler: ['经手人', '经办人', '报销人'],
  approver: ['审批人', '批准人', '审批'],
  resolution: ['决议', '决议会议', '依据', '审批依据', '决策依据'],
};

export interface ImportedEntry {
  /** Row number in the spreadsheet. */
  row: number;
  side: 'income' | 'expense';
  date: string;
  voucher: string;
  category: string;
  summary: string;
  amount: number;
  source?: string;
  handler?: string;
  approver?: string;
  resolution?: string;
}

/** An import message code with its typed parameters (src/check/messages/import.ts), where it is and how bad. */
export type ImportFinding = ImportMessage & {
  /** Row number, when the finding is about one row. */
  row?: number;
  /** The cells of that row it is about, as column indexes (0 is column A), so the clerk is told the cell (C12). */
  columns?: readonly number[];
  /** A short rendering of the row's cells, so the clerk can find it. */
  excerpt?: string;
  severity: 'error' | 'warning';
};

type ImportParams<C extends ImportMessage['code']> = Extract<ImportMessage, { code: C }>['params'];
/** The parameters of a row finding (optional only for a code whose message takes none), then its severity. */
type RowFindingArgs<C extends ImportMessage['code']> =
  undefined extends ImportParams<C> ? [params?: ImportParams<C>, severity?: 'error' | 'warning'] : [params: ImportParams<C>, severity?: 'error' | 'warning'];

export interface ImportResult {
  entries: ImportedEntry[];
  /** The period the entries belong to (given or inferred); undefined when it cannot be told. */
  period?: Period;
  /** Opening balance written on an 上期结余 / 期初余额 row, if any. */
  openingFen?: number;
  /** The cell it was read from (row number, column index). */
  openingCell?: { row: number; column: number };
  /** The sign-off read from the sheet's footer row (负责人：… 会计：… 审核：… 公开日期：…), if any. */
  signoff?: SheetSignoff;
  findings: ImportFinding[];
  /** Which header row was used and which columns were recognised, for the report. */
  header?: { row: number; columns: Partial<Record<Column, number>> };
}

/** Who signed the sheet and when, as its footer row says; names as written (perhaps masked, 王*明). */
export interface SheetSignoff {
  /** Row number of the footer. */
  row: number;
  responsible?: string;
  preparer?: string;
  reviewer?: string;
  reviewedAt?: string;
  publishedAt?: string;
}

type SignoffField = Exclude<keyof SheetSignoff, 'row'>;

/**
 * The labels of a WPS/Excel sign-off footer, by the sign-off field they fill. Earlier labels win
 * when a footer has two for one field (会计 before 出纳). Matched with any spaces between the
 * characters (负 责 人), then a full- or half-width colon.
 */
export const SIGNOFF_LABELS: readonly { field: SignoffField; labels: readonly string[] }[] = [
  {
    field: 'reviewer',
    labels: [
      '村务监督委员会审核人',
      '村务监督委员会审核',
      '村务监督委员会主任',
      '村务监督委员会',
      '监督委员会审核',
      '村监委审核',
      '监委会审核',
      '审核人',
      '审核',
      '监督人',
    ],
  },
  { field: 'reviewedAt', labels: ['审核日期'] },
  { field: 'publishedAt', labels: ['公开日期', '公布日期', '公示日期', '张贴日期', '公开时间', '公布时间'] },
  { field: 'responsible', labels: ['单位负责人', '负责人', '村委会主任', '主任'] },
  { field: 'preparer', labels: ['会计', '记账人', '记账', '制表人', '制表', '编制人', '编制', '填表人', '报账员', '出纳'] },
];

const LABEL_SOURCE = SIGNOFF_LABELS.flatMap((g) => g.labels)
  .sort((a, b) => b.length - a.length)
  .map((l) => [...l].join('\\s*'))
  .join('|');
/** A note after a label, such as （签字） or (盖章). */
const LABEL_NOTE = '(?:\\s*[(（][^)）]{0,8}[)）])?';
/** A label, perhaps its note, a colon or a space, and what follows up to the next label or cell boundary. */
const SIGNOFF_ITEM = new RegExp(
  `(${LABEL_SOURCE})${LABEL_NOTE}(?:\\s*[:：]\\s*|\\s+)(.*?)\\s*(?=(?:${LABEL_SOURCE})${LABEL_NOTE}(?:\\s*[:：]|\\s)|[|｜]|$)`,
  'g',
);
/** A cell that is only a label (负责人, 负责人：, 负责人（签字）：), whose value is in the next cell. */
const LABEL_CELL = new RegExp(`^(?:${LABEL_SOURCE})${LABEL_NOTE}\\s*[:：]?\\s*$`);

/**
 * The sign-off a footer row carries, or undefined when the row is not one: at least one role label
 * with a colon (the caller makes sure the row has no amount). Cells a merge repeats are read once; a label may be in one cell and
 * its value in the next, or every pair in one cell.
 */
export function readSignoffRow(row: SheetRow): { signoff: Omit<SheetSignoff, 'row'>; badDate?: string } | undefined {
  const texts = row.cells.map(cellText).filter((t, i, all) => t !== '' && t !== all[i - 1]);
  if (texts.length === 0) return undefined;
  // A label ending its cell (负责人：, or 负责人 alone) takes the next cell as its value.
  const joined = texts.map((t, i) => (i < texts.length - 1 ? (/[:：]\s*$/.test(t) || LABEL_CELL.test(t) ? `${t} ` : `${t} | `) : t)).join('');
  const found: Partial<Record<SignoffField, string>> = {};
  let labels = 0;
  let badDate: string | undefined;
  for (const m of joined.matchAll(SIGNOFF_ITEM)) {
    const label = m[1]!.replace(/\s+/g, '');
    const value = m[2]!
      .replace(/[|｜]/g, '')
      .replace(/[(（][^)）]*[)）]|签字|签章|盖章/g, '')
      .trim();
    const field = SIGNOFF_LABELS.find((g) => g.labels.includes(label))!.field;
    labels += 1;
    if (!value || found[field] !== undefined) continue;
    if (field === 'publishedAt' || field === 'reviewedAt') {
      const date = cellDate(value, undefined);
      if (date) found[field] = date;
      else badDate ??= value;
    } else found[field] = value.replace(/\s+/g, '');
  }
  // Without a colon anywhere, two labels are needed: one word (主任 …) may just be a note.
  if (labels === 0 || (labels < 2 && !/[:：]/.test(joined))) return undefined;
  return { signoff: found, ...(badDate !== undefined ? { badDate } : {}) };
}

/** The letters Excel and WPS show above a column: 0 is A, 25 is Z, 26 is AA. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const FULLWIDTH = /[\uFF01-\uFF5E]/g;
function half(text: string): string {
  return text.replace(FULLWIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * Units amounts are written in, by how many decimal places they sit above 元 (1.2345 万元 is
 * 12,345.00 元). Amounts in a larger unit are converted exactly, never rounded.
 */
export const AMOUNT_UNITS = { 万元: 4, 千元: 3 } as const;
export type AmountUnit = keyof typeof AMOUNT_UNITS;
/** What a unit note says: 元, a larger unit it converts, or a unit it cannot take (百元, 亿元, 美元), as written. */
type UnitSaid = 'yuan' | AmountUnit | { unknown: string };

/** A unit as written (万元, 万, 人民币元, 百元, 万美元), or undefined when the words are no unit (含税, 现金). */
function classifyUnit(written: string): UnitSaid | undefined {
  const w = written.replace(/^(?:金额)?(?:单位)?(?:[:：]|为)?/, '');
  if (/^(?:元|人民币元|人民币|RMB|CNY|¥)$/i.test(w)) return 'yuan';
  if (w === '万元' || w === '万') return '万元';
  if (w === '千元' || w === '千') return '千元';
  return /[万千百亿]|美元|港币|外币|USD/i.test(w) ? { unknown: written } : undefined;
}

/** The unit a header names at its end (收入（万元）, 金额(单位:万元), 支出/万元, 收入万元), or undefined when it names none. */
function headerUnit(cell: Cell): UnitSaid | undefined {
  if (typeof cell !== 'string') return undefined;
  const text = half(cell).replace(/\s+/g, '');
  const m = /[(（]([^)）]*)[)）]$/.exec(text) ?? /[/／]([^/／]+)$/.exec(text) ?? /(万元|千元)$/.exec(text);
  return m ? classifyUnit(m[1]!) : undefined;
}

/** A note anywhere on the sheet giving the unit of its amounts: 单位：万元, 金额单位：万元, （单位：元）, 单位为万元. */
const SHEET_UNIT = /单位(?:[:：]|为)?((?:人民币)?[万千百亿]?(?:美|港)?元)(?![\u3400-\u9fff])/;
/** A unit written in an amount cell itself: 1.2万, 1.2万元, 3千元, or 12,000元 in a column headed （万元）. */
const CELL_UNIT = /(万元|万|千元|元)$/;

/** Header text as compared: no spaces, no unit suffix such as （元）, (单位:元) or 万元. */
function normaliseHeader(cell: Cell): string {
  if (typeof cell !== 'string') return '';
  return half(cell)
    .replace(/\s+/g, '')
    .replace(/[(（][^)）]*[)）]$/, '')
    .replace(/[/／](万元|千元|元|万|千)$/, '')
    .replace(/(万元|千元)$/, '')
    .replace(/[:：]$/, '');
}

function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

function findHeader(rows: readonly SheetRow[]): { index: number; columns: Partial<Record<Column, number>> } | undefined {
  for (let i = 0; i < Math.min(rows.length, 25); i += 1) {
    const columns: Partial<Record<Column, number>> = {};
    rows[i]!.cells.forEach((cell, c) => {
      const h = normaliseHeader(cell);
      if (!h) return;
      for (const [col, names] of Object.entries(HEADER_NAMES) as [Column, readonly string[]][]) {
        if (columns[col] === undefined && names.includes(h)) {
          columns[col] = c;
          break;
        }
      }
    });
    const hasAmount = columns.income !== undefined || columns.expense !== undefined || columns.amount !== undefined;
    const hasDate = columns.date !== undefined || columns.month !== undefined;
    if (columns.summary !== undefined && hasAmount && hasDate) return { index: i, columns };
  }
  return undefined;
}

const TOTAL_ROW = /(本期|本季|本季度|本月|本年)?(合计|小计|总计)/;
const CUMULATIVE_ROW = /累计|过次页|承前页|承上页|转下页/;
const OPENING_ROW = /上期结余|上月结余|上季结余|上季度结余|期初余额|期初结余|年初余额|上年结转|上年结余/;
const CLOSING_ROW = /本期结余|本月结余|本季结余|本季度结余|期末余额|期末结余/;

/** A decimal number written out in full, without an exponent: 1e-7 is 0.0000001. */
function plainDecimal(text: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(text);
  if (!m) return text;
  const digits = `${m[2]}${m[3] ?? ''}`;
  const point = m[2]!.length + Number(m[4]);
  const body =
    point <= 0
      ? `0.${'0'.repeat(-point)}${digits}`
      : point >= digits.length
        ? `${digits}${'0'.repeat(point - digits.length)}`
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return `${m[1]}${body}`;
}

/** An amount written in a larger unit, exactly in yuan with thousands separators: 1.23456789 万 is 12,345.6789. */
function exactYuan(written: string, shift: number): string {
  const m = /^(\d+)(?:\.(\d*))?$/.exec(plainDecimal(written.replaceAll(',', '')));
  if (!m) return written;
  const frac = (m[2] ?? '').padEnd(shift, '0');
  const whole = `${m[1]}${frac.slice(0, shift)}`.replace(/^0+(?=\d)/, '');
  const rest = frac.slice(shift).replace(/0+$/, '');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${rest ? `.${rest}` : ''}`;
}

export type CellFen =
  | { ok: true; fen: number }
  | { ok: false; error: 'empty' | 'format' | 'decimals' | 'negative' | 'too-large' }
  /** In 万元 (or 千元), a number that is not a whole fen in yuan: refused, never rounded. */
  | { ok: false; error: 'unit-decimals'; unit: AmountUnit; yuan: string };

/**
 * Money from a cell, in `unit` when the column's header or the sheet says so (收入（万元）, 单位：万元)
 * or the cell itself does (1.2万), converted exactly to fen. Text goes through parseFen (1,234.56,
 * full-width digits, ¥, 元). A number from a spreadsheet is binary floating point (and formulas leave
 * noise such as 123.45000000000002): it is accepted only when it is within a millionth of a fen (or
 * a trillionth of the amount, for amounts where that is larger) of a whole fen, then read as that fen.
 */
export function cellFen(cell: Cell | undefined, unit?: AmountUnit): CellFen {
  if (cell === null || cell === undefined || cell instanceof Date) return cell instanceof Date ? { ok: false, error: 'format' } : { ok: false, error: 'empty' };
  const tooFine = (u: AmountUnit | undefined, written: string): CellFen =>
    u ? { ok: false, error: 'unit-decimals', unit: u, yuan: exactYuan(written, AMOUNT_UNITS[u]) } : { ok: false, error: 'decimals' };
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return { ok: false, error: 'format' };
    const scaled = cell * 10 ** (2 + (unit ? AMOUNT_UNITS[unit] : 0));
    const fen = Math.round(scaled);
    if (Math.abs(scaled - fen) > Math.max(1e-6, 1e-12 * Math.abs(scaled))) return cell < 0 ? { ok: false, error: 'negative' } : tooFine(unit, String(cell));
    if (fen < 0) return { ok: false, error: 'negative' };
    return fen > 100_000_000_000_000 ? { ok: false, error: 'too-large' } : { ok: true, fen };
  }
  // 12,000.00元整 and 1.2万元整 as amounts are written on vouchers: 整 (exactly) adds nothing.
  const text = half(cell)
    .trim()
    .replace(/(元|万|万元|千元)\s*整$/, '$1');
  if (text === '' || /^[-—–]+$/.test(text)) return { ok: false, error: 'empty' };
  // A unit written in the cell (1.2万) is the cell's own, whatever the column says.
  const read = (t: string) => {
    const own = CELL_UNIT.exec(t);
    const said = own ? classifyUnit(own[1]!) : undefined;
    const u = own ? (said === '万元' || said === '千元' ? said : undefined) : unit;
    const number = own ? t.slice(0, own.index).trim() : t;
    const r = parseFen(number, { unitShift: u ? AMOUNT_UNITS[u] : 0 });
    return !r.ok && r.error === 'decimals' ? tooFine(u, number.replace(/^¥\s*/, '')) : r;
  };
  // Accountants' negatives: (1,234.00) in brackets, or − (U+2212) as Excel's accounting format shows it.
  const bracketed = /^[(（](.*)[)）]$/.exec(text)?.[1] ?? (/^−/.test(text) ? text.slice(1) : undefined);
  if (bracketed !== undefined && read(bracketed.trim()).ok) return { ok: false, error: 'negative' };
  return read(text);
}

const EXCEL_EPOCH_DAY = Date.UTC(1899, 11, 30) / 86_400_000;
/** Day 0 of the 1904 date system (Excel for Mac, and workbooks first saved there): serial 0 is 1904-01-01. */
const EXCEL_1904_EPOCH_DAY = Date.UTC(1904, 0, 1) / 86_400_000;

/** A date from a cell: Excel dates and serial numbers, 2025-07-08, 2025/7/8, 2025.7.8, 2025年7月8日, or 7月8日 / 7-8 with the year given. */
export function cellDate(cell: Cell | undefined, year: number | undefined, date1904 = false): string | undefined {
  const pad = (n: number) => String(n).padStart(2, '0');
  const iso = (y: number, m: number, d: number) => {
    const s = `${y}-${pad(m)}-${pad(d)}`;
    return isIsoDate(s) ? s : undefined;
  };
  if (cell instanceof Date) return isNaN(cell.getTime()) ? undefined : iso(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 20000 || cell > 80000) return undefined;
    return new Date(((date1904 ? EXCEL_1904_EPOCH_DAY : EXCEL_EPOCH_DAY) + cell) * 86_400_000).toISOString().slice(0, 10);
  }
  const text = half(cellText(cell)).replace(/\s+/g, '');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  if (m && year !== undefined) return iso(year, Number(m[1]), Number(m[2]));
  return undefined;
}

const INCOME_WORDS = ['收', '收入', '借', '借方', '收方'];
const EXPENSE_WORDS = ['支', '支出', '付', '贷', '贷方', '付方'];

/**
 * The category as the accounting system names it: "541 管理费用", "5410管理费用", "管理费用-办公费" and
 * "管理费用／办公费" all become 管理费用. Text that names no category is kept as written (the checker
 * then lists the allowed ones).
 */
export function normaliseCategory(text: string): string {
  const known = new Set(ACCOUNTING_SYSTEMS.flatMap((s) => [...s.income, ...s.expense]));
  const cleaned = half(text).replace(/\s+/g, '');
  const withoutCode = cleaned.replace(/^[\d.\-_]+/, '');
  for (const candidate of [withoutCode, ...withoutCode.split(/[-—–/:：·|]/)]) if (known.has(candidate)) return candidate;
  const prefix = [...known].find((k) => withoutCode.startsWith(k));
  return prefix ?? cleaned;
}

function excerptOf(row: SheetRow): string {
  return row.cells.map(cellText).filter(Boolean).join(' | ').slice(0, 80);
}

/** The year a title row names (马曲村2025年第三季度收支明细), for sheets with 月/日 columns. */
function yearFromTitle(rows: readonly SheetRow[], headerIndex: number): number | undefined {
  for (let i = 0; i < headerIndex; i += 1) {
    for (const cell of rows[i]!.cells) {
      const m = /(20\d{2})\s*年/.exec(cellText(cell));
      if (m) return Number(m[1]);
    }
  }
  return undefined;
}

export function importLedgerRows(
  rows: readonly SheetRow[],
  options: { period?: Period | undefined; /** The workbook counts serial dates from 1904. */ date1904?: boolean | undefined } = {},
): ImportResult {
  const findings: ImportFinding[] = [];
  const header = findHeader(rows);
  if (!header) {
    return {
      entries: [],
      findings: [{ code: 'import.no-header', params: { names: '日期、凭证号、摘要、科目、收入、支出（或 借方、贷方，或 金额 加 收支）' }, severity: 'error' }],
    };
  }
  const col = header.columns;
  const at = (row: SheetRow, c: Column) => (col[c] === undefined ? undefined : row.cells[col[c]]);
  const text = (row: SheetRow, c: Column) => cellText(at(row, c));
  const year = options.period?.year ?? yearFromTitle(rows, header.index);
  const entries: ImportedEntry[] = [];
  let openingFen: number | undefined;
  let openingCell: ImportResult['openingCell'];
  let signoff: SheetSignoff | undefined;
  let sinceSubtotal: ImportedEntry[] = [];
  // code and params are checked together at each call; TypeScript cannot follow the pair into the union.
  // `cells` names the cells of the row the finding is about: a column of the header, or a column index.
  const fail = <C extends ImportMessage['code']>(row: SheetRow, cells: readonly (Column | number)[], code: C, ...[params, severity]: RowFindingArgs<C>) => {
    const columns = [...new Set(cells.map((c) => (typeof c === 'number' ? c : col[c])).filter((c) => c !== undefined))];
    findings.push({
      code,
      row: row.n,
      ...(columns.length > 0 ? { columns } : {}),
      excerpt: excerptOf(row),
      params: params ?? {},
      severity: severity ?? 'error',
    } as ImportFinding);
  };

  // The unit of each amount column: its header's (收入（万元）), else the sheet's (a 单位：万元 note above,
  // beside or below the entries), else 元. Amounts in 万元 are converted exactly and the clerk is told,
  // naming the cells that said so; a unit that cannot be converted exactly (百元, 美元) is refused there.
  const headerRow = rows[header.index]!;
  const sheetUnit = rows
    .flatMap((row) => row.cells.map((cell, c) => ({ row, c, cell })))
    .filter((x) => !(x.row === headerRow && Object.values(col).includes(x.c)))
    .map((x) => {
      const m = SHEET_UNIT.exec(half(cellText(x.cell)).replace(/\s+/g, ''));
      return { ...x, said: m ? classifyUnit(m[1]!) : undefined };
    })
    .find((x) => x.said !== undefined && x.said !== 'yuan');
  const units: Partial<Record<Column, AmountUnit>> = {};
  const unitCells = new Map<string, { code: 'import.unit' | 'import.unit-unknown'; unit: string; row: SheetRow; columns: number[] }>();
  for (const c of ['income', 'expense', 'amount', 'balance'] as const) {
    if (col[c] === undefined) continue;
    const inHeader = headerUnit(headerRow.cells[col[c]] ?? null);
    const said = inHeader ?? sheetUnit?.said;
    if (said === undefined || said === 'yuan') continue;
    if (typeof said === 'string') units[c] = said;
    const source = inHeader ? { row: headerRow, column: col[c] } : { row: sheetUnit!.row, column: sheetUnit!.c };
    const [code, unit] = typeof said === 'string' ? (['import.unit', said] as const) : (['import.unit-unknown', said.unknown] as const);
    const key = `${code} ${unit} ${source.row.n}`;
    const cells = unitCells.get(key) ?? { code, unit, row: source.row, columns: [] };
    if (!cells.columns.includes(source.column)) cells.columns.push(source.column);
    unitCells.set(key, cells);
  }
  for (const { code, unit, row, columns } of unitCells.values()) {
    if (code === 'import.unit') fail(row, columns, code, { unit: unit as AmountUnit }, 'warning');
    else fail(row, columns, code, { unit });
  }
  // A sheet whose amounts cannot be read in yuan has no entries to give.
  if (findings.some((f) => f.code === 'import.unit-unknown')) return { entries: [], findings, header: { row: headerRow.n, columns: col } };

  for (const row of rows.slice(header.index + 1)) {
    const all = row.cells.map(cellText);
    if (all.every((t) => t === '')) continue;
    const label = half(all.filter((t) => !/^[\d.,\-\s¥]+$/.test(t)).join(' '));
    // A number whose display adds a unit (#,##0.00"万元", or 0!.0000"万" showing yuan as 万) could mean yuan or 万元: refused.
    const amountOf = (c: Column): CellFen | { ok: false; error: 'unit-format'; format: string } => {
      const format = col[c] === undefined ? undefined : row.formats?.[col[c]];
      return format === undefined ? cellFen(at(row, c), units[c]) : { ok: false, error: 'unit-format', format };
    };
    const amountProblem = (c: 'income' | 'expense' | 'amount', r: Exclude<ReturnType<typeof amountOf>, { ok: true }>) => {
      const value = text(row, c);
      if (r.error === 'unit-decimals') fail(row, [c], 'import.amount-unit', { column: c, value, unit: r.unit, yuan: r.yuan });
      else if (r.error === 'unit-format') fail(row, [c], 'import.amount-format', { column: c, value, format: r.format });
      else fail(row, [c], 'import.amount', { column: c, value, reason: r.error });
    };
    // The sign-off footer WPS and Excel templates end with (负责人：… | 会计：… | 审核：… | 公开日期：…).
    const hasAmount = (['income', 'expense', 'amount'] as const).some((c) => {
      const r = amountOf(c);
      return r.ok && r.fen > 0;
    });
    const footer = hasAmount ? undefined : readSignoffRow(row);
    if (footer) {
      signoff ??= { row: row.n, ...footer.signoff };
      if (footer.badDate !== undefined) {
        const bad = footer.badDate;
        const cell = row.cells.findIndex((c) => cellText(c).includes(bad));
        fail(row, cell >= 0 ? [cell] : [], 'import.signoff-date', { value: bad }, 'warning');
      }
      continue;
    }
    // A note giving the sheet's unit (注：金额单位：万元) is read above, not an entry.
    const filled = all.filter(Boolean);
    if (!hasAmount && filled.length === 1 && SHEET_UNIT.test(half(filled[0]!).replace(/\s+/g, ''))) continue;
    // Rows without a voucher number may be the sheet's own lines: balances, totals, page carries,
    // or the header repeated on a new printed page.
    if (!text(row, 'voucher')) {
      if (HEADER_NAMES.summary.includes(normaliseHeader(at(row, 'summary') ?? null))) continue;
      if (OPENING_ROW.test(label)) {
        for (const c of ['balance', 'income', 'amount', 'expense'] as const) {
          const r = amountOf(c);
          if (r.ok) {
            openingFen = r.fen;
            openingCell = { row: row.n, column: col[c]! };
            break;
          }
        }
        continue;
      }
      if (CLOSING_ROW.test(label) || CUMULATIVE_ROW.test(label)) continue;
      if (TOTAL_ROW.test(label)) {
        const grand = !/本月|小计/.test(label);
        const scope = grand ? entries : sinceSubtotal;
        for (const side of ['income', 'expense'] as const) {
          const declared = amountOf(side);
          if (!declared.ok) continue;
          const computed = sumFen(scope.filter((e) => e.side === side).map((e) => e.amount));
          if (declared.fen !== computed)
            fail(
              row,
              [side],
              'import.total-mismatch',
              { label: label.trim(), side, declared: formatYuan(declared.fen), computed: formatYuan(computed) },
              'warning',
            );
        }
        if (!grand) sinceSubtotal = [];
        continue;
      }
    }

    // ── a transaction row ──
    let date: string | undefined;
    if (col.date !== undefined) date = cellDate(at(row, 'date'), year, options.date1904 === true);
    else {
      const y = Number(text(row, 'year')) || year;
      const m = Number(text(row, 'month'));
      const d = Number(text(row, 'day'));
      date = y && m && d ? cellDate(`${y}-${m}-${d}`, y) : undefined;
    }
    const written = col.date !== undefined ? text(row, 'date') : [text(row, 'month'), text(row, 'day')].filter(Boolean).join('月');
    const problems = findings.length;
    const dateCells = col.date !== undefined ? (['date'] as const) : (['year', 'month', 'day'] as const).filter((c) => c !== 'year' || text(row, 'year'));
    if (!date) fail(row, dateCells, 'import.date', { value: written || '（空）' });
    else if (options.period && !isInPeriod(date, options.period)) fail(row, dateCells, 'import.date-outside', { date, period: periodKey(options.period) });
    const voucher = text(row, 'voucher');
    if (!voucher) fail(row, ['voucher'], 'import.voucher');
    const summary = text(row, 'summary');
    if (!summary) fail(row, ['summary'], 'import.summary');
    const categoryText = text(row, 'category');
    const category = categoryText ? normaliseCategory(categoryText) : '';

    let side: 'income' | 'expense' | undefined;
    let amount: number | undefined;
    if (col.income !== undefined || col.expense !== undefined) {
      const inc = amountOf('income');
      const exp = amountOf('expense');
      const bad = [['income', inc] as const, ['expense', exp] as const].filter(([, r]) => !r.ok && r.error !== 'empty');
      for (const [s, r] of bad) if (!r.ok) amountProblem(s, r);
      const incFen = inc.ok ? inc.fen : 0;
      const expFen = exp.ok ? exp.fen : 0;
      if (bad.length === 0) {
        if (incFen > 0 && expFen > 0)
          fail(row, ['income', 'expense'], 'import.both-sides', { income: cellText(at(row, 'income')), expense: cellText(at(row, 'expense')) });
        else if (incFen > 0) [side, amount] = ['income', incFen];
        else if (expFen > 0) [side, amount] = ['expense', expFen];
        else fail(row, ['income', 'expense'], 'import.no-amount');
      }
    } else {
      const r = amountOf('amount');
      if (!r.ok && r.error === 'empty') fail(row, ['amount'], 'import.no-amount');
      else if (!r.ok) amountProblem('amount', r);
      else if (r.fen === 0) fail(row, ['amount'], 'import.no-amount');
      else {
        amount = r.fen;
        const dir = half(text(row, 'direction')).replace(/\s+/g, '');
        if (col.direction !== undefined && dir) side = INCOME_WORDS.includes(dir) ? 'income' : EXPENSE_WORDS.includes(dir) ? 'expense' : undefined;
        else if (date) {
          const system = getAccountingSystem(date);
          side = system?.income.includes(category) ? 'income' : system?.expense.includes(category) ? 'expense' : undefined;
        }
        // A category the system does not have is reported as such below, not as an unknown side.
        if (!side && !(categoryText && date && col.direction === undefined))
          fail(row, col.direction !== undefined ? ['direction'] : ['category'], 'import.direction', { value: dir || category || '（空）' });
      }
    }
    // The category must be one of the accounting system in force on the entry's date, on its side.
    const system = date && categoryText ? getAccountingSystem(date) : undefined;
    if (system && date) {
      const allowed = side ? system[side] : [...system.income, ...system.expense];
      if (!allowed.includes(category)) {
        const otherSide = side && system[side === 'income' ? 'expense' : 'income'].includes(category);
        fail(row, ['category'], 'import.category', {
          category: categoryText,
          date,
          system: system.name,
          ...(side ? { side } : {}),
          otherSide: Boolean(otherSide),
          allowed: allowed.join('、'),
        });
      }
    }
    if (findings.length > problems || !date || !side || amount === undefined) continue;
    if (!categoryText) fail(row, ['category'], 'import.category-missing', {}, 'warning');
    const entry: ImportedEntry = { row: row.n, side, date, voucher, category, summary, amount };
    for (const k of ['source', 'handler', 'approver', 'resolution'] as const) {
      const v = text(row, k);
      if (v) entry[k] = v;
    }
    if (row.hidden) fail(row, [], 'import.hidden-row', undefined, 'warning');
    entries.push(entry);
    sinceSubtotal.push(entry);
  }

  if (entries.length === 0 && !findings.some((f) => f.severity === 'error'))
    findings.push({ code: 'import.no-rows', params: { header: header.index + 1 }, severity: 'error' });
  let period = options.period;
  if (!period && entries.length > 0) {
    const quarters = [...new Set(entries.map((e) => periodKey(quarterOf(e.date))))].sort();
    if (quarters.length === 1) period = quarterOf(entries[0]!.date);
    else findings.push({ code: 'import.period-mixed', params: { periods: quarters.join('、') }, severity: 'error' });
  }
  const result: ImportResult = { entries, findings, header: { row: rows[header.index]!.n, columns: col } };
  if (period) result.period = period;
  if (openingFen !== undefined) result.openingFen = openingFen;
  if (openingCell) result.openingCell = openingCell;
  if (signoff) result.signoff = signoff;
  return result;
}
