/**
 * `npm run import -- <village-id> <file.xlsx|file.csv> [--period yyyy-qn|yyyy-mm] [--force]`: reads a
 * ledger spreadsheet (src/import/read-spreadsheet.ts), turns its rows into entries
 * (src/lib/ledger-import.ts) and writes them into the period's ledger YAML, with totals computed
 * and the opening balance carried from the previous ledger. Every row it could not read is
 * reported with its row number, in Chinese and English; if there is any, nothing is written, so a
 * ledger is never silently missing a row. An existing ledger keeps its sign-off, publication date
 * and balances; one that already has entries is only replaced with --force. Afterwards the village
 * is checked and the problems of the written ledger are shown.
 */
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseDocument, type Document } from 'yaml';
import { formatMessageBlock, formatProblems } from '../check/format.ts';
import { loadCounty, MAX_FILE_BYTES } from '../check/load.ts';
import { renderImportMessage, toolText } from '../check/messages/index.ts';
import type { VillageRecords } from '../check/model.ts';
import { parseYaml } from '../check/parse.ts';
import { loadVillageContext } from '../check/tool-context.ts';
import { columnLetters, importLedgerRows, type ImportedEntry, type ImportFinding, type SheetSignoff } from '../lib/ledger-import.ts';
import { formatYuan, parseFen, sumFen } from '../lib/money.ts';
import { parsePeriod, periodEnd, periodKey, periodStart, previousQuarter, quarterOf, type Period } from '../lib/period.ts';
import { placeholder, PLACEHOLDER } from '../lib/scaffold-marker.ts';
import { MAX_FILE_BYTES as MAX_SPREADSHEET_BYTES, readSpreadsheet } from '../import/read-spreadsheet.ts';
import type { ToolResult } from './result.ts';
import { scaffoldFor } from './new-quarter.ts';

export interface ImportOptions {
  period?: string | undefined;
  force?: boolean | undefined;
  /** Folder a relative file name is taken from (the shell's working folder); defaults to root. */
  cwd?: string | undefined;
}

/** Where the rows were read from: a workbook's sheet, or a CSV file (Excel names its one sheet after the file). */
export type RowSource = { sheet: string } | { file: string };

/**
 * Where a finding is, as the clerk finds it in Excel or WPS: 工作表「收支」第 12 行 C 列（sheet 收支,
 * cell C12）, the row alone when no one cell is meant, or the whole file.
 */
export function describePlace(f: Pick<ImportFinding, 'row' | 'columns'>, source: RowSource): string {
  if (f.row === undefined) return '整个文件 whole file';
  const [zh, en] = 'sheet' in source ? [`工作表「${source.sheet}」`, `sheet ${source.sheet}`] : [`文件「${source.file}」`, `file ${source.file}`];
  const letters = (f.columns ?? []).map(columnLetters);
  if (letters.length === 0) return `${zh}第 ${f.row} 行（${en}, row ${f.row}）`;
  const and = (items: string[], sep: string, last: string) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(sep)}${last}${items.at(-1)!}`);
  return `${zh}第 ${f.row} 行 ${and(
    letters.map((l) => `${l} 列`),
    '、',
    '和 ',
  )}（${en}, ${letters.length > 1 ? 'cells' : 'cell'} ${and(
    letters.map((l) => `${l}${f.row}`),
    ', ',
    ' and ',
  )}）`;
}

/** One import finding as the clerk reads it: where (cell, row or whole file), then the message. */
export function formatImportFinding(f: ImportFinding, source: RowSource): string {
  const where = `${describePlace(f, source)}${f.row !== undefined && f.excerpt ? `  〈${f.excerpt}〉` : ''}`;
  return formatMessageBlock(f.severity, where, renderImportMessage(f.code, f.params));
}

/**
 * The file's bytes, read only after its size on disk says it can be a ledger, and never more than
 * `max` of them (a file growing while it is read is cut off and refused). A folder or a device
 * (/dev/zero, a pipe) is not opened at all.
 */
function readBounded(path: string, max: number): ReturnType<typeof readAtMost> | { ok: false; reason: 'unreadable'; detail: string } {
  try {
    return readAtMost(path, max);
  } catch (error) {
    // Permission denied, a file removed meanwhile: said, never a crash.
    return { ok: false, reason: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
  }
}

function readAtMost(
  path: string,
  max: number,
): { ok: true; bytes: Uint8Array } | { ok: false; reason: 'not-a-file' } | { ok: false; reason: 'too-large'; size: number } {
  const stat = statSync(path);
  if (!stat.isFile()) return { ok: false, reason: 'not-a-file' };
  if (stat.size > max) return { ok: false, reason: 'too-large', size: stat.size };
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > max) return { ok: false, reason: 'too-large', size };
    const buffer = Buffer.alloc(Math.min(size, max) + 1);
    let got = 0;
    for (let n = -1; n !== 0 && got < buffer.length; got += n) n = readSync(fd, buffer, got, buffer.length - got, null);
    return got > max ? { ok: false, reason: 'too-large', size: got } : { ok: true, bytes: buffer.subarray(0, got) };
  } finally {
    closeSync(fd);
  }
}

const entryOut = (e: ImportedEntry) => {
  const out: Record<string, string> = {
    date: e.date,
    voucher: e.voucher,
    category: e.category || placeholder('科目'),
    summary: e.summary,
    amount: formatYuan(e.amount),
  };
  if (e.source) out['source'] = e.source;
  if (e.side === 'expense') {
    if (e.handler) out['handler'] = e.handler;
    if (e.approver) out['approver'] = e.approver;
    if (e.resolution) out['resolution'] = e.resolution;
  }
  return out;
};

/** Where each sign-off field of a footer goes in the ledger, with its name in the report. */
const SIGNOFF_TARGETS = [
  { field: 'responsible', path: ['signoff', 'responsible'], zh: '负责人' },
  { field: 'preparer', path: ['signoff', 'preparer'], zh: '编制人' },
  { field: 'reviewer', path: ['signoff', 'reviewer'], zh: '审核人' },
  { field: 'reviewedAt', path: ['signoff', 'reviewedAt'], zh: '审核日期' },
  { field: 'publishedAt', path: ['publishedAt'], zh: '公布日期' },
] as const;

/**
 * A name as a footer writes it, made whole from the village's roster when it is masked (王*明) and
 * exactly one person on the roster fits; otherwise as written.
 */
export function resolveMaskedName(written: string, roster: readonly string[]): string {
  if (!/[*＊×]/.test(written)) return written;
  const chars = [...written];
  const fits = [...new Set(roster)].filter((name) => {
    const n = [...name];
    return n.length === chars.length && chars.every((c, i) => /[*＊×]/.test(c) || c === n[i]);
  });
  return fits.length === 1 ? fits[0]! : written;
}

/**
 * Fills the ledger's sign-off from the sheet's footer. A new ledger takes every field the footer
 * gives (over the names `npm run new` would guess); an existing one only fields that are absent or
 * still 〔待填〕, so a sign-off already written is kept. Returns what was filled, for the report.
 */
function fillSignoff(doc: Document, signoff: SheetSignoff, village: VillageRecords, isNew: boolean): string[] {
  const roster = [...village.data.committee, ...village.data.supervisors, ...village.data.staff].map((m) => m.name);
  const filled: string[] = [];
  for (const t of SIGNOFF_TARGETS) {
    const value = signoff[t.field];
    if (value === undefined) continue;
    const existing = doc.getIn(t.path);
    if (!isNew && existing !== undefined && existing !== null && String(existing).trim() !== '' && !String(existing).includes(PLACEHOLDER)) continue;
    const v = t.field === 'reviewedAt' || t.field === 'publishedAt' ? value : resolveMaskedName(value, roster);
    doc.setIn(t.path, v);
    filled.push(`${t.zh} ${v}`);
  }
  return filled;
}

function previousClosing(v: VillageRecords, period: Period): { key: string; fen: number } | undefined {
  const before = periodStart(period);
  const prev = [...v.ledgers].filter((l) => periodEnd(l.period) < before).sort((a, b) => periodStart(b.period).localeCompare(periodStart(a.period)))[0];
  if (!prev) return undefined;
  const dayBefore = periodEnd(
    period.kind === 'quarter'
      ? previousQuarter(period)
      : { kind: 'month', year: period.month === 1 ? period.year - 1 : period.year, month: period.month === 1 ? 12 : period.month - 1 },
  );
  return periodEnd(prev.period) === dayBefore ? { key: prev.id, fen: prev.data.closingBalance } : undefined;
}

export async function importLedger(root: string, id: string | undefined, file: string | undefined, options: ImportOptions = {}): Promise<ToolResult> {
  if (!id || !file) return { code: 2, stdout: '', stderr: toolText('import.usage') };
  let period: Period | undefined;
  if (options.period) {
    period = parsePeriod(options.period);
    if (!period) return { code: 2, stdout: '', stderr: toolText('import.period-arg', { value: options.period }) };
  }
  const ctx = loadVillageContext(root, id);
  if (!ctx.ok) return { code: 1, stdout: '', stderr: ctx.message };
  const path = resolve(options.cwd ?? root, file);
  if (!existsSync(path)) return { code: 1, stdout: '', stderr: toolText('import.not-found', { file }) };

  const out: string[] = [];
  let source: RowSource = { file: basename(path) };
  const fail = (findings: ImportFinding[]) => {
    const errors = findings.filter((f) => f.severity === 'error').length;
    return {
      code: 1,
      stdout: [...out, ...findings.map((f) => formatImportFinding(f, source)), '', toolText('import.refused', { errors })].join('\n'),
      stderr: '',
    };
  };
  const onDisk = readBounded(path, MAX_SPREADSHEET_BYTES);
  if (!onDisk.ok && onDisk.reason === 'not-a-file') return { code: 1, stdout: '', stderr: toolText('import.not-a-file', { file }) };
  if (!onDisk.ok && onDisk.reason === 'unreadable') return fail([{ code: 'import.unreadable', params: { detail: onDisk.detail }, severity: 'error' }]);
  if (!onDisk.ok)
    return fail([
      {
        code: 'import.too-large',
        params: { name: basename(path), size: `${(onDisk.size / 1024 / 1024).toFixed(1)} MB`, limit: `${(MAX_SPREADSHEET_BYTES / 1024 / 1024).toFixed(1)} MB` },
        severity: 'error',
      },
    ]);
  const read = await readSpreadsheet(onDisk.bytes, basename(path));
  if (!read.ok) {
    const { ok: _, ...message } = read;
    return fail([{ ...message, severity: 'error' }]);
  }

  // The first visible sheet with a ledger header (a workbook often has a cover or summary sheet
  // first). A hidden sheet is never imported (it is often an old draft); the clerk is told of it.
  const rowOptions = { period, date1904: read.date1904 };
  const visible = read.sheets.filter((s) => !s.hidden);
  const hidden: ImportFinding[] = read.sheets
    .filter((s) => s.hidden)
    .map((s) => ({ code: 'import.hidden-sheet', params: { sheet: s.name }, severity: 'warning' }));
  let chosen = visible
    .map((sheet) => ({ sheet, result: importLedgerRows(sheet.rows, rowOptions) }))
    .find((x) => !x.result.findings.some((f) => f.code === 'import.no-header'));
  chosen ??= { sheet: visible[0] ?? { name: '', rows: [] }, result: importLedgerRows(visible[0]?.rows ?? [], rowOptions) };
  const { sheet, result } = chosen;
  if (read.kind === 'xlsx') source = { sheet: sheet.name };
  if (result.header)
    out.push(
      toolText('import.read', {
        file,
        kind: read.kind === 'csv' ? `CSV, ${read.encoding ?? ''}` : 'Excel/WPS .xlsx',
        sheet: sheet.name,
        header: result.header.row,
      }),
    );
  const findings = [...hidden, ...result.findings];

  // A village that keeps monthly accounts gets one ledger per month.
  const monthly = ctx.village.data.financeCadence === '每月' || ctx.county.profile.financeCadence === 'month';
  let target = result.period;
  if (target && monthly && target.kind === 'quarter' && !period) {
    const months = [...new Set(result.entries.map((e) => e.date.slice(0, 7)))].sort();
    if (months.length === 1) target = parsePeriod(months[0]!);
    else findings.push({ code: 'import.monthly', params: { months: months.join('、') }, severity: 'error' });
  }
  if (findings.some((f) => f.severity === 'error') || !target) return fail(findings);

  const key = periodKey(target);
  const rel = `content/villages/${id}/finances/${key}.yaml`;
  const abs = join(root, rel);
  let base: string;
  const isNew = !existsSync(abs);
  if (!isNew) {
    base = readFileSync(abs, 'utf8');
    const parsed = parseYaml(base);
    const data = parsed.ok ? (parsed.data as { income?: unknown[]; expense?: unknown[] }) : {};
    if (((data.income?.length ?? 0) > 0 || (data.expense?.length ?? 0) > 0) && !options.force)
      return fail([...findings, { code: 'import.exists', params: { file: rel }, severity: 'error' }]);
  } else {
    const quarter = target.kind === 'quarter' ? target : quarterOf(periodStart(target));
    const scaffold = scaffoldFor(ctx.county, ctx.village, quarter).files.find((f) => f.path === `finances/${key}.yaml`);
    base =
      scaffold?.text ??
      `openingBalance: ${placeholder('上期结余')}\nincome: []\nexpense: []\ntotals:\n  income: 0\n  expense: 0\nclosingBalance: 0\nsignoff:\n  responsible: ${placeholder('负责人')}\n  preparer: ${placeholder('编制人')}\npublishedAt: ${placeholder('公布日期 YYYY-MM-DD')}\n`;
  }

  // Opening balance: the previous ledger's closing (the rule), else what the sheet says, else what the file has.
  const prev = previousClosing(ctx.village, target);
  const doc: Document = parseDocument(
    base
      .split('\n')
      .filter((l) => !/^#\s{2,}(-|\w+:)/.test(l))
      .join('\n'),
    { schema: 'failsafe' },
  );
  const existingOpening = String(doc.get('openingBalance') ?? '');
  const existingFen = existingOpening.includes(PLACEHOLDER) ? undefined : parseFen(existingOpening);
  let openingFen: number | undefined;
  if (prev) {
    openingFen = prev.fen;
    if (result.openingFen !== undefined && result.openingFen !== prev.fen)
      findings.push({
        ...(result.openingCell ? { row: result.openingCell.row, columns: [result.openingCell.column] } : {}),
        code: 'import.opening-mismatch',
        params: { sheet: formatYuan(result.openingFen), previous: prev.key, closing: formatYuan(prev.fen) },
        severity: 'warning',
      });
  } else if (result.openingFen !== undefined) openingFen = result.openingFen;
  else if (existingFen?.ok) openingFen = existingFen.fen;

  const income = result.entries.filter((e) => e.side === 'income');
  const expense = result.entries.filter((e) => e.side === 'expense');
  const incomeFen = sumFen(income.map((e) => e.amount));
  const expenseFen = sumFen(expense.map((e) => e.amount));
  if (openingFen !== undefined) doc.set('openingBalance', formatYuan(openingFen));
  doc.set('income', doc.createNode(income.map(entryOut)));
  doc.set('expense', doc.createNode(expense.map(entryOut)));
  doc.setIn(['totals', 'income'], formatYuan(incomeFen));
  doc.setIn(['totals', 'expense'], formatYuan(expenseFen));
  const closing = openingFen === undefined ? undefined : openingFen + incomeFen - expenseFen;
  doc.set('closingBalance', closing === undefined ? placeholder('本期结余 = 上期结余 + 收入合计 − 支出合计') : formatYuan(closing));
  const signed = result.signoff ? fillSignoff(doc, result.signoff, ctx.village, isNew) : [];
  // Never write a ledger the check would refuse to read (a sheet of several years, rows pasted twice over).
  const text = doc.toString({ lineWidth: 0 });
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_FILE_BYTES)
    return fail([
      ...findings,
      {
        code: 'import.ledger-too-large',
        params: {
          file: rel,
          entries: result.entries.length,
          size: `${(bytes / 1024 / 1024).toFixed(1)} MB`,
          max: `${(MAX_FILE_BYTES / 1024 / 1024).toFixed(1)} MB`,
        },
        severity: 'error',
      },
    ]);
  writeFileSync(abs, text);
  if (result.signoff && signed.length > 0) out.push(toolText('import.signoff', { row: result.signoff.row, filled: signed.join('、') }));

  out.push(...findings.map((f) => formatImportFinding(f, source)));
  out.push(
    '',
    toolText('import.written', {
      file: rel,
      incomeCount: income.length,
      income: formatYuan(incomeFen),
      expenseCount: expense.length,
      expense: formatYuan(expenseFen),
      opening: openingFen === undefined ? '〔待填〕' : formatYuan(openingFen),
      closing: closing === undefined ? '〔待填〕' : formatYuan(closing),
    }),
  );
  const after = loadCounty(root, { village: id }).problems.filter((p) => p.file === rel);
  out.push('', toolText('import.check', { file: rel }), formatProblems(after));
  return { code: 0, stdout: out.join('\n'), stderr: '' };
}
