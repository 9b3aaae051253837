/**
 * `npm run import` on the sample spreadsheets in test/fixtures/spreadsheets/ (made by
 * make-fixtures.ts from the demo ledgers): the good layouts give back the demo ledger exactly, and
 * every bad row or file is reported with its row number and message, with nothing written.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadCounty } from '../../src/check/load.ts';
import { IMPORT_MESSAGES, renderImportMessage, toolText } from '../../src/check/messages/index.ts';
import { cellDate, cellFen, normaliseCategory } from '../../src/lib/ledger-import.ts';
import { importLedger } from '../../src/tools/import-ledger.ts';
import { makeTree, ROOT } from '../helpers/fixture-tree.ts';

const SHEETS = join(ROOT, 'test/fixtures/spreadsheets');
let tree: { root: string; cleanup(): void };
beforeEach(() => {
  tree = makeTree();
});
afterEach(() => tree.cleanup());

const ledgerPath = (village: string, period: string) => join(tree.root, `content/villages/${village}/finances/${period}.yaml`);
const demoLedger = (village: string, period: string) => parse(readFileSync(join(ROOT, `content/villages/${village}/finances/${period}.yaml`), 'utf8'), { schema: 'failsafe' }) as Record<string, unknown>;
const writtenLedger = (village: string, period: string) => parse(readFileSync(ledgerPath(village, period), 'utf8'), { schema: 'failsafe' }) as Record<string, unknown>;
const run = (village: string, file: string, options: { period?: string; force?: boolean } = {}) => importLedger(tree.root, village, join(SHEETS, file), options);

type E = Record<string, string>;
const pick = (entries: unknown, keys: readonly string[]) => (entries as E[]).map((e) => Object.fromEntries(keys.filter((k) => e[k] !== undefined).map((k) => [k, e[k]])));
const ALL = ['date', 'voucher', 'category', 'summary', 'amount', 'source', 'handler', 'approver', 'resolution'];
const CORE = ['date', 'voucher', 'category', 'summary', 'amount'];

/** Codes each test below expects to see; the last test checks every import message is among them. */
const seen = new Set<string>();
function expectFinding(stdout: string, code: string, params: Record<string, unknown>, row?: number) {
  const m = renderImportMessage(code, params);
  seen.add(code);
  const where = row === undefined ? '整个文件 whole file' : `第 ${row} 行 row ${row}`;
  const block = stdout.split(/\n(?= {2}[✗!] )/).find((b) => b.includes(where) && b.includes(`问题：${m.zh}`));
  expect(block, `expected at ${where}:\n问题：${m.zh}\n---- got ----\n${stdout}`).toBeDefined();
  expect(block).toContain(`Problem: ${m.en}`);
}

describe('importing the layouts clerks use', () => {
  it('reads an Excel workbook with a cover sheet, merged title, subtotals and mixed cell types into exactly the demo ledger', async () => {
    rmSync(ledgerPath('maqu', '2025-q3'));
    const r = await run('maqu', 'maqu-2025-q3.xlsx');
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('工作表“2025年三季度”，表头在第 4 行');
    const got = writtenLedger('maqu', '2025-q3');
    const want = demoLedger('maqu', '2025-q3');
    expect(pick(got['income'], ALL)).toEqual(pick(want['income'], ALL));
    expect(pick(got['expense'], ALL)).toEqual(pick(want['expense'], ALL));
    expect(got['totals']).toEqual(want['totals']);
    expect(got['openingBalance']).toBe(want['openingBalance']);
    expect(got['closingBalance']).toBe(want['closingBalance']);
    expect(r.stdout).toContain(toolText('import.written', { file: 'content/villages/maqu/finances/2025-q3.yaml', incomeCount: 6, income: '191,073.43', expenseCount: 8, expense: '206,546.40', opening: '311,636.95', closing: '296,163.98' }));
  });

  it('reads a GBK-encoded CSV with 借方/贷方 columns, slashed dates and full-width digits', async () => {
    rmSync(ledgerPath('maqu', '2025-q3'));
    const r = await run('maqu', 'maqu-2025-q3-gbk.csv');
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('CSV, GBK/GB18030');
    const got = writtenLedger('maqu', '2025-q3');
    const want = demoLedger('maqu', '2025-q3');
    expect(pick(got['income'], CORE)).toEqual(pick(want['income'], CORE));
    expect(pick(got['expense'], CORE)).toEqual(pick(want['expense'], CORE));
  });

  it('reads WPS tab-separated text with 月 and 日 columns, the year from the title and a 收支 column', async () => {
    rmSync(ledgerPath('dongguan', '2025-q3'));
    const r = await run('dongguan', 'dongguan-2025-q3-wps.csv');
    expect(r.code, r.stdout).toBe(0);
    const got = writtenLedger('dongguan', '2025-q3');
    const want = demoLedger('dongguan', '2025-q3');
    expect(pick(got['income'], CORE)).toEqual(pick(want['income'], CORE));
    expect(pick(got['expense'], [...CORE, 'handler'])).toEqual(pick(want['expense'], [...CORE, 'handler']));
  });

  it('tells income from expense by the category when there is only one amount column', async () => {
    rmSync(ledgerPath('wenshui', '2025-q2'));
    const r = await run('wenshui', 'wenshui-2025-q2-amount-only.xlsx');
    expect(r.code, r.stdout).toBe(0);
    const got = writtenLedger('wenshui', '2025-q2');
    const want = demoLedger('wenshui', '2025-q2');
    expect(pick(got['income'], ALL)).toEqual(pick(want['income'], ALL));
    expect(pick(got['expense'], ALL)).toEqual(pick(want['expense'], ALL));
  });

  it('refuses to replace a ledger that has entries, and with --force keeps its sign-off so the ledger checks clean', async () => {
    const before = readFileSync(ledgerPath('maqu', '2025-q3'), 'utf8');
    const refused = await run('maqu', 'maqu-2025-q3.xlsx');
    expect(refused.code).toBe(1);
    expectFinding(refused.stdout, 'import.exists', { file: 'content/villages/maqu/finances/2025-q3.yaml' });
    expect(readFileSync(ledgerPath('maqu', '2025-q3'), 'utf8')).toBe(before);
    const forced = await run('maqu', 'maqu-2025-q3.xlsx', { force: true });
    expect(forced.code, forced.stdout).toBe(0);
    expect(forced.stdout).toContain(`${toolText('import.check', { file: 'content/villages/maqu/finances/2025-q3.yaml' })}\n检查通过`);
    expect(writtenLedger('maqu', '2025-q3')['signoff']).toEqual(demoLedger('maqu', '2025-q3')['signoff']);
    expect(loadCounty(tree.root, { env: {} }).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('carries the opening balance from the previous ledger and warns when the sheet says otherwise', async () => {
    rmSync(ledgerPath('maqu', '2025-q3'));
    const r = await run('maqu', 'opening-differs.csv');
    expect(r.code, r.stdout).toBe(0);
    expectFinding(r.stdout, 'import.opening-mismatch', { sheet: '300,000.00', previous: '2025-q2', closing: '311,636.95' });
    expect(writtenLedger('maqu', '2025-q3')['openingBalance']).toBe('311,636.95');
  });

  it('works from the command line with a file name relative to where the clerk is', () => {
    rmSync(ledgerPath('maqu', '2025-q3'));
    const cli = spawnSync(process.execPath, [join(ROOT, 'scripts/import.ts'), 'maqu', 'test/fixtures/spreadsheets/maqu-2025-q3.xlsx', '--root', tree.root], { cwd: ROOT, encoding: 'utf8' });
    expect(cli.status, cli.stdout + cli.stderr).toBe(0);
    expect(cli.stdout).toContain('已写入 content/villages/maqu/finances/2025-q3.yaml');
  });
});

describe('spreadsheets it cannot read', () => {
  it('reports every unreadable row by its row number and why, and writes nothing', async () => {
    const before = readFileSync(ledgerPath('maqu', '2025-q3'), 'utf8');
    const r = await run('maqu', 'bad-rows.xlsx', { period: '2025-q3' });
    expect(r.code).toBe(1);
    const money = (_column: string, column: 'income' | 'expense', value: string, reason: 'format' | 'decimals' | 'negative') => ({ column, value, reason });
    // The texts as a clerk reads them (the findings carry the column and the reason as data).
    for (const text of ['支出“一百二十元”不是金额。', 'The expense "一百二十元" is not an amount.', '收入“12.345”小数超过两位（分以下）。', 'The income "12.345" has more than two decimals.', '支出“-50”是负数（红字）。', 'The expense "-50" is negative (a red-ink reversal).'])
      expect(r.stdout).toContain(text);
    expectFinding(r.stdout, 'import.date', { value: '2025-13-45' }, 4);
    expectFinding(r.stdout, 'import.amount', money('支出', 'expense', '一百二十元', 'format'), 5);
    expectFinding(r.stdout, 'import.amount', money('收入', 'income', '12.345', 'decimals'), 6);
    expectFinding(r.stdout, 'import.amount', money('支出', 'expense', '-50', 'negative'), 7);
    expectFinding(r.stdout, 'import.both-sides', { income: '500', expense: '300' }, 8);
    expectFinding(r.stdout, 'import.no-amount', {}, 9);
    expectFinding(r.stdout, 'import.voucher', {}, 10);
    expectFinding(r.stdout, 'import.summary', {}, 11);
    expectFinding(r.stdout, 'import.date-outside', { date: '2025-10-02', period: '2025-q3' }, 12);
    expectFinding(r.stdout, 'import.category-missing', {}, 13);
    expectFinding(r.stdout, 'import.total-mismatch', { label: '本季合计', side: 'income', declared: '99,999.00', computed: '18,600.00' }, 14);
    expect(r.stdout).toContain('“本季合计”一行的收入是 99,999.00 元，而表中明细相加是 18,600.00 元。\n    Problem: The "本季合计" row says income 99,999.00, but the entries add up to 18,600.00.');
    expect(r.stdout).toContain(toolText('import.refused', { errors: 9 }));
    expect(readFileSync(ledgerPath('maqu', '2025-q3'), 'utf8')).toBe(before);
  });

  it.each([
    ['old-format.xls', 'import.xls', { name: 'old-format.xls' }],
    ['damaged.xlsx', 'import.unreadable', undefined],
    ['ledger.pdf', 'import.file-type', { name: 'ledger.pdf', ext: '.pdf' }],
    ['no-header.csv', 'import.no-header', { names: '日期、凭证号、摘要、科目、收入、支出（或 借方、贷方，或 金额 加 收支）' }],
    ['header-only.csv', 'import.no-rows', { header: 1 }],
    ['mixed-quarters.csv', 'import.period-mixed', { periods: '2025-q2、2025-q3' }],
  ] as const)('explains why %s cannot be imported', async (file, code, params) => {
    const r = await run('maqu', file);
    expect(r.code).toBe(1);
    if (params) expectFinding(r.stdout, code, params);
    else {
      seen.add(code);
      expect(r.stdout).toContain(`问题：${renderImportMessage(code, { detail: '' }).zh.split('（')[0]}`);
    }
    expect(r.stdout).toContain('没有写入任何文件');
  });

  it('says which row it cannot tell as income or expense', async () => {
    const r = await run('maqu', 'direction-unknown.csv');
    expect(r.code).toBe(1);
    expectFinding(r.stdout, 'import.direction', { value: '转账' }, 3);
  });

  it('asks a village that keeps monthly accounts to import one month at a time', async () => {
    const village = join(tree.root, 'content/villages/maqu/village.yaml');
    writeFileSync(village, `${readFileSync(village, 'utf8')}financeCadence: 每月\n`);
    const r = await run('maqu', 'maqu-2025-q3.xlsx');
    expect(r.code).toBe(1);
    expectFinding(r.stdout, 'import.monthly', { months: '2025-07、2025-08、2025-09' });
  });

  it('explains a missing file, a wrong period and a wrong village', async () => {
    expect((await importLedger(tree.root, 'maqu', 'nope.xlsx')).stderr).toBe(toolText('import.not-found', { file: 'nope.xlsx' }));
    expect((await importLedger(tree.root, 'maqu', 'x.xlsx', { period: '2025年三季度' })).stderr).toBe(toolText('import.period-arg', { value: '2025年三季度' }));
    expect((await importLedger(tree.root, 'nowhere', 'x.xlsx')).stderr).toContain('没有村“nowhere”');
    expect((await importLedger(tree.root, undefined, undefined)).stderr).toBe(toolText('import.usage'));
  });

  it('has a sample spreadsheet for every import message', () => {
    expect(Object.keys(IMPORT_MESSAGES).filter((c) => !seen.has(c))).toEqual([]);
  });
});

describe('reading cells', () => {
  it('reads amounts as clerks type them and refuses floating-point noise that is not a whole fen', () => {
    expect(cellFen('1,234.56')).toEqual({ ok: true, fen: 123456 });
    expect(cellFen('１２３４.５')).toEqual({ ok: true, fen: 123450 });
    expect(cellFen(123.45000000000002)).toEqual({ ok: true, fen: 12345 });
    expect(cellFen(0.1 + 0.2)).toEqual({ ok: true, fen: 30 });
    expect(cellFen(12.345)).toEqual({ ok: false, error: 'decimals' });
    expect(cellFen('—')).toEqual({ ok: false, error: 'empty' });
  });

  it('reads dates written every common way, and Excel serial numbers', () => {
    for (const d of ['2025-07-08', '2025/7/8', '2025.7.8', '2025年7月8日', '20250708', new Date(Date.UTC(2025, 6, 8)), 45846]) expect(cellDate(d, undefined), String(d)).toBe('2025-07-08');
    expect(cellDate('7月8日', 2025)).toBe('2025-07-08');
    expect(cellDate('7月8日', undefined)).toBeUndefined();
    expect(cellDate('2025-02-30', undefined)).toBeUndefined();
  });

  it('finds the category inside account codes and sub-accounts', () => {
    expect(normaliseCategory('513 管理费用')).toBe('管理费用');
    expect(normaliseCategory('管理费用-办公费')).toBe('管理费用');
    expect(normaliseCategory('公益支出／村道')).toBe('公益支出');
    expect(normaliseCategory('办公费')).toBe('办公费');
  });
});
