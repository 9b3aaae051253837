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
import { cellDate, cellFen, columnLetters, normaliseCategory, readSignoffRow, type Cell } from '../../src/lib/ledger-import.ts';
import { importLedger, resolveMaskedName } from '../../src/tools/import-ledger.ts';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { closeSync, ftruncateSync, mkdirSync, mkdtempSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { makeTree, ROOT } from '../helpers/fixture-tree.ts';

const SHEETS = join(ROOT, 'test/fixtures/spreadsheets');
let tree: { root: string; cleanup(): void };
beforeEach(() => {
  tree = makeTree();
});
afterEach(() => tree.cleanup());

const ledgerPath = (village: string, period: string) => join(tree.root, `content/villages/${village}/finances/${period}.yaml`);
const demoLedger = (village: string, period: string) =>
  parse(readFileSync(join(ROOT, `content/villages/${village}/finances/${period}.yaml`), 'utf8'), { schema: 'failsafe' }) as Record<string, unknown>;
const writtenLedger = (village: string, period: string) =>
  parse(readFileSync(ledgerPath(village, period), 'utf8'), { schema: 'failsafe' }) as Record<string, unknown>;
const run = (village: string, file: string, options: { period?: string; force?: boolean } = {}) =>
  importLedger(tree.root, village, join(SHEETS, file), options);

type E = Record<string, string>;
const pick = (entries: unknown, keys: readonly string[]) =>
  (entries as E[]).map((e) => Object.fromEntries(keys.filter((k) => e[k] !== undefined).map((k) => [k, e[k]])));
const ALL = ['date', 'voucher', 'category', 'summary', 'amount', 'source', 'handler', 'approver', 'resolution'];
const CORE = ['date', 'voucher', 'category', 'summary', 'amount'];

/** Codes each test below expects to see; the last test checks every import message is among them. */
const seen = new Set<string>();
function expectFinding(stdout: string, code: string, params: Record<string, unknown>, row?: number) {
  const m = renderImportMessage(code, params);
  seen.add(code);
  const where = row === undefined ? '整个文件 whole file' : `第 ${row} 行`;
  const english = row === undefined ? /whole file/ : new RegExp(`(row |\\b[A-Z]+)${row}(?!\\d)`);
  const block = stdout.split(/\n(?= {2}[✗!] )/).find((b) => b.includes(where) && english.test(b) && b.includes(`问题：${m.zh}`));
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
    expect(r.stdout).toContain(
      toolText('import.written', {
        file: 'content/villages/maqu/finances/2025-q3.yaml',
        incomeCount: 6,
        income: '191,073.43',
        expenseCount: 8,
        expense: '206,546.40',
        opening: '311,636.95',
        closing: '296,163.98',
      }),
    );
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
    expectFinding(r.stdout, 'import.opening-mismatch', { sheet: '300,000.00', previous: '2025-q2', closing: '311,636.95' }, 2);
    expect(writtenLedger('maqu', '2025-q3')['openingBalance']).toBe('311,636.95');
  });

  it('reads a Mac workbook (1904 date system) with dates typed as serial numbers on their real days, never imports a hidden draft sheet, and says which imported entry was in a hidden row', async () => {
    rmSync(ledgerPath('maqu', '2025-q3'));
    const r = await run('maqu', 'maqu-2025-q3-mac-hidden-draft.xlsx');
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('工作表“2025年三季度”');
    expectFinding(r.stdout, 'import.hidden-sheet', { sheet: '草稿' });
    expectFinding(r.stdout, 'import.hidden-row', {}, 3);
    const got = writtenLedger('maqu', '2025-q3');
    const want = demoLedger('maqu', '2025-q3');
    expect(pick(got['income'], CORE)).toEqual(pick(want['income'], CORE));
    expect(pick(got['expense'], CORE)).toEqual(pick(want['expense'], CORE));
    expect(got['totals']).toEqual(want['totals']);
  });

  it('works from the command line with a file name relative to where the clerk is', () => {
    rmSync(ledgerPath('maqu', '2025-q3'));
    const cli = spawnSync(process.execPath, [join(ROOT, 'scripts/import.ts'), 'maqu', 'test/fixtures/spreadsheets/maqu-2025-q3.xlsx', '--root', tree.root], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(cli.status, cli.stdout + cli.stderr).toBe(0);
    expect(cli.stdout).toContain('已写入 content/villages/maqu/finances/2025-q3.yaml');
  });
});

describe('the sign-off footer and the accounting system', () => {
  it('reads a WPS sign-off footer row, fills the sign-off of the new ledger from it with the masked names made whole from the roster', async () => {
    const before = writtenLedger('dongguan', '2025-q3');
    rmSync(ledgerPath('dongguan', '2025-q3'));
    const r = await run('dongguan', 'dongguan-2025-q3-footer.csv');
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).not.toContain('改正这一行的日期');
    expect(r.stdout).toContain(toolText('import.signoff', { row: 16, filled: '负责人 雷振华、编制人 席晓丽、审核人 贾文斌、公布日期 2025-10-14' }));
    const got = writtenLedger('dongguan', '2025-q3');
    const signoff = got['signoff'] as Record<string, string>;
    const want = before['signoff'] as Record<string, string>;
    expect([signoff['responsible'], signoff['preparer'], signoff['reviewer'], got['publishedAt']]).toEqual([
      want['responsible'],
      want['preparer'],
      want['reviewer'],
      before['publishedAt'],
    ]);
    expect(pick(got['income'], CORE)).toEqual(pick(before['income'], CORE));
  });

  it('reads the footer from a workbook where it is one merged cell across the sheet', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('明细');
    ws.addRow(['日期', '凭证号', '摘要', '科目', '收入', '支出']);
    ws.addRow([new Date(Date.UTC(2025, 6, 9)), '记-07-002', '2025年第三季度社区组织运转经费', '补助收入', 24000, null]);
    ws.addRow(['负责人：雷*华　　会计：席*丽　　村务监督委员会审核：贾*斌　　公开日期：2025年10月14日']);
    ws.mergeCells('A3:F3');
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-sheet-'));
    try {
      const file = join(dir, 'merged.xlsx');
      writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
      rmSync(ledgerPath('dongguan', '2025-q3'));
      const r = await importLedger(tree.root, 'dongguan', file, {});
      expect(r.code, r.stdout).toBe(0);
      const got = writtenLedger('dongguan', '2025-q3');
      expect(got['signoff']).toMatchObject({ responsible: '雷振华', preparer: '席晓丽', reviewer: '贾文斌' });
      expect(got['publishedAt']).toBe('2025-10-14');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('recognises the footer however it is written: full- or half-width colons, spaces, one cell or many, label and name in separate cells, merged cells repeated', () => {
    const want = { responsible: '王*明', preparer: '李*华', reviewer: '赵*国', publishedAt: '2025-10-14' };
    const rows: Cell[][] = [
      ['负责人：王*明 | 会计：李*华 | 村务监督委员会审核：赵*国 | 公开日期：2025年10月14日'],
      ['负责人:王*明', '会计:李*华', '村务监督委员会审核:赵*国', '公开日期:2025-10-14'],
      ['负 责 人 ： 王*明', null, '会  计：李*华', null, '村务监督委员会审核： 赵*国', '公开日期：2025.10.14'],
      ['负责人：', '王*明', '会计：', '李*华', '村务监督委员会审核：', '赵*国', '公开日期：', new Date(Date.UTC(2025, 9, 14))],
      [
        '负责人：王*明　会计：李*华　村务监督委员会审核：赵*国　公开日期：2025年10月14日',
        '负责人：王*明　会计：李*华　村务监督委员会审核：赵*国　公开日期：2025年10月14日',
        '负责人：王*明　会计：李*华　村务监督委员会审核：赵*国　公开日期：2025年10月14日',
      ],
      ['制表：李*华', '负责人：王*明', '审核：赵*国', '公布日期：2025/10/14'],
      ['负责人', '王*明', '会计', '李*华', '村务监督委员会审核', '赵*国', '公开日期', '2025-10-14'],
      ['负责人 王*明　会计 李*华　村务监督委员会审核 赵*国　公开日期 2025年10月14日'],
      ['负责人（签字）：王*明', '会计(签字):李*华', '村务监督委员会审核（签章）：赵*国（签字）', '公开日期：2025年10月14日'],
    ];
    for (const cells of rows) expect(readSignoffRow({ n: 20, cells })?.signoff, JSON.stringify(cells)).toEqual(want);
  });

  it('does not take an ordinary row or a title for a footer', () => {
    for (const cells of [
      ['记-07-001', '背街小巷保洁服务费', '公益支出', '5200.00'],
      ['东关社区2025年第三季度收支明细账'],
      ['本季合计', null, '24000.00'],
      ['主任 签字确认'],
      ['以上收支经民主理财小组审核无误'],
    ] as Cell[][]) {
      expect(readSignoffRow({ n: 5, cells }), JSON.stringify(cells)).toBeUndefined();
    }
  });

  it('makes a masked name whole only when exactly one person on the roster fits', () => {
    expect(resolveMaskedName('雷*华', ['雷振华', '李淼'])).toBe('雷振华');
    expect(resolveMaskedName('王*明', ['王小明', '王大明'])).toBe('王*明');
    expect(resolveMaskedName('王*明', ['雷振华'])).toBe('王*明');
    expect(resolveMaskedName('雷振华', [])).toBe('雷振华');
  });

  it('warns about a footer date it cannot read and leaves the publication date to fill in', async () => {
    rmSync(ledgerPath('dongguan', '2025-q3'));
    const r = await run('dongguan', 'dongguan-2025-q3-footer-bad-date.csv');
    expect(r.code, r.stdout).toBe(0);
    expectFinding(r.stdout, 'import.signoff-date', { value: '2025年13月40日' }, 16);
  });

  it('refuses a category the accounting system in force does not have, by its spreadsheet row, and writes nothing', async () => {
    const before = readFileSync(ledgerPath('dongguan', '2025-q3'), 'utf8');
    const r = await run('dongguan', 'dongguan-2025-q3-category.csv', { force: true });
    expect(r.code).toBe(1);
    expectFinding(
      r.stdout,
      'import.category',
      {
        category: '打麻将收入',
        date: '2025-09-19',
        system: '农村集体经济组织会计制度（财会〔2023〕14号）',
        side: 'income',
        otherSide: false,
        allowed: '经营收入、投资收益、补助收入、其他收入',
      },
      13,
    );
    expect(r.stdout).toContain(toolText('import.refused', { errors: 1 }));
    expect(readFileSync(ledgerPath('dongguan', '2025-q3'), 'utf8')).toBe(before);
  });

  it('refuses an expense category written in the income column', async () => {
    rmSync(ledgerPath('dongguan', '2025-q3'));
    const sheet = readFileSync(join(SHEETS, 'dongguan-2025-q3-wps.csv'), 'utf8').replace('银行存款利息\t其他收入', '银行存款利息\t管理费用');
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-sheet-'));
    try {
      writeFileSync(join(dir, 'x.csv'), sheet);
      const r = await importLedger(tree.root, 'dongguan', join(dir, 'x.csv'), {});
      expect(r.code).toBe(1);
      expect(r.stdout).toContain('科目“管理费用”是支出科目，但这一笔记在收入栏。');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** Writes a file into a fresh temporary folder for one test; the folder is removed after it. */
const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempFile(name: string, contents: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-import17-'));
  temps.push(dir);
  const file = join(dir, name);
  writeFileSync(file, contents);
  return file;
}
async function xlsxOf(rows: unknown[][], sheet = '收支'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
/** The block the clerk reads for one finding, found by where it says it is and its message. */
function blockAt(stdout: string, where: string, code: string, params: Record<string, unknown>): string {
  const m = renderImportMessage(code, params);
  seen.add(code);
  const block = stdout.split(/\n(?= {2}[✗!] )/).find((b) => b.includes(where) && b.includes(`问题：${m.zh}`) && b.includes(`Problem: ${m.en}`));
  expect(block, `expected at ${where}:\n问题：${m.zh}\n---- got ----\n${stdout}`).toBeDefined();
  return block!;
}

describe('every cell-level message names the cell as the clerk sees it in Excel or WPS', () => {
  it('names the sheet, the row and the column letter of each bad cell of a workbook, in Chinese and English', async () => {
    const r = await run('maqu', 'bad-rows.xlsx', { period: '2025-q3' });
    expect(r.code).toBe(1);
    blockAt(r.stdout, '工作表「明细」第 4 行 A 列（sheet 明细, cell A4）', 'import.date', { value: '2025-13-45' });
    blockAt(r.stdout, '工作表「明细」第 5 行 F 列（sheet 明细, cell F5）', 'import.amount', { column: 'expense', value: '一百二十元', reason: 'format' });
    blockAt(r.stdout, '工作表「明细」第 6 行 E 列（sheet 明细, cell E6）', 'import.amount', { column: 'income', value: '12.345', reason: 'decimals' });
    blockAt(r.stdout, '工作表「明细」第 7 行 F 列（sheet 明细, cell F7）', 'import.amount', { column: 'expense', value: '-50', reason: 'negative' });
    blockAt(r.stdout, '工作表「明细」第 8 行 E 列和 F 列（sheet 明细, cells E8 and F8）', 'import.both-sides', { income: '500', expense: '300' });
    blockAt(r.stdout, '工作表「明细」第 9 行 E 列和 F 列（sheet 明细, cells E9 and F9）', 'import.no-amount', {});
    blockAt(r.stdout, '工作表「明细」第 10 行 B 列（sheet 明细, cell B10）', 'import.voucher', {});
    blockAt(r.stdout, '工作表「明细」第 11 行 C 列（sheet 明细, cell C11）', 'import.summary', {});
    blockAt(r.stdout, '工作表「明细」第 12 行 A 列（sheet 明细, cell A12）', 'import.date-outside', { date: '2025-10-02', period: '2025-q3' });
    blockAt(r.stdout, '工作表「明细」第 13 行 D 列（sheet 明细, cell D13）', 'import.category-missing', {});
    blockAt(r.stdout, '工作表「明细」第 14 行 E 列（sheet 明细, cell E14）', 'import.total-mismatch', {
      label: '本季合计',
      side: 'income',
      declared: '99,999.00',
      computed: '18,600.00',
    });
  });

  it('names the file, the row and the column letter of a CSV, as Excel shows it when the CSV is opened, past column Z too', async () => {
    const r = await run('maqu', 'direction-unknown.csv');
    expect(r.code).toBe(1);
    blockAt(r.stdout, '文件「direction-unknown.csv」第 3 行 E 列（file direction-unknown.csv, cell E3）', 'import.direction', { value: '转账' });
    const pad = Array.from({ length: 26 }, (_, i) => `备注${i + 1}`);
    const file = tempFile(
      '宽表.csv',
      `${[...pad, '日期', '凭证号', '摘要', '科目', '收入', '支出'].join(',')}\n${[...pad.map(() => ''), '2025-07-08', '记-07-001', '运转经费', '打麻将收入', '18600', ''].join(',')}\n`,
    );
    const wide = await importLedger(tree.root, 'maqu', file, { force: true });
    expect(wide.code).toBe(1);
    expect(wide.stdout).toContain('文件「宽表.csv」第 2 行 AD 列（file 宽表.csv, cell AD2）');
  });

  it('names the cell of a sign-off date it cannot read and of an opening balance that differs from the previous ledger', async () => {
    rmSync(ledgerPath('dongguan', '2025-q3'));
    const footer = await run('dongguan', 'dongguan-2025-q3-footer-bad-date.csv');
    expect(footer.code, footer.stdout).toBe(0);
    expect(footer.stdout).toMatch(
      /文件「dongguan-2025-q3-footer-bad-date\.csv」第 16 行 [A-Z]+ 列（file dongguan-2025-q3-footer-bad-date\.csv, cell [A-Z]+16）/,
    );
    rmSync(ledgerPath('maqu', '2025-q3'));
    const opening = await run('maqu', 'opening-differs.csv');
    expect(opening.code, opening.stdout).toBe(0);
    blockAt(opening.stdout, '文件「opening-differs.csv」第 2 行 G 列（file opening-differs.csv, cell G2）', 'import.opening-mismatch', {
      sheet: '300,000.00',
      previous: '2025-q2',
      closing: '311,636.95',
    });
  });
});

describe('amounts written in 万元', () => {
  it('converts a workbook whose amount columns are headed （万元） exactly to yuan and fen, and says it did, naming the header cells', async () => {
    rmSync(ledgerPath('maqu', '2025-q3'));
    const bytes = await xlsxOf([
      ['日期', '凭证号', '摘要', '科目', '收入（万元）', '支出（万元）'],
      [new Date(Date.UTC(2025, 6, 8)), '记-07-001', '村级组织运转经费', '补助收入', 1.86, null],
      [new Date(Date.UTC(2025, 6, 9)), '记-07-002', '集体资产租金', '经营收入', 1.2345, null],
      [new Date(Date.UTC(2025, 6, 10)), '记-07-003', '村干部报酬', '管理费用', null, '0.216'],
      [new Date(Date.UTC(2025, 6, 11)), '记-07-004', '办公用品', '管理费用', null, '0.0123'],
    ]);
    const r = await importLedger(tree.root, 'maqu', tempFile('万元.xlsx', bytes), {});
    expect(r.code, r.stdout).toBe(0);
    const got = writtenLedger('maqu', '2025-q3');
    expect(pick(got['income'], ['voucher', 'amount'])).toEqual([
      { voucher: '记-07-001', amount: '18,600.00' },
      { voucher: '记-07-002', amount: '12,345.00' },
    ]);
    expect(pick(got['expense'], ['voucher', 'amount'])).toEqual([
      { voucher: '记-07-003', amount: '2,160.00' },
      { voucher: '记-07-004', amount: '123.00' },
    ]);
    blockAt(r.stdout, '工作表「收支」第 1 行 E 列和 F 列（sheet 收支, cells E1 and F1）', 'import.unit', { unit: '万元' });
  });

  it('converts cells written 1.2万 or ¥0.05万元 in a yuan sheet, and a sheet whose title says 单位：万元', async () => {
    rmSync(ledgerPath('maqu', '2025-q3'));
    const cells = tempFile(
      '万.csv',
      '日期,凭证号,摘要,科目,收入,支出\n2025-07-08,记-07-001,运转经费,补助收入,1.2万,\n2025-07-09,记-07-002,办公用品,管理费用,,¥0.05万元\n2025-07-10,记-07-003,电费,管理费用,,1.000001万\n',
    );
    const r = await importLedger(tree.root, 'maqu', cells, {});
    expect(r.code, r.stdout).toBe(0);
    expect(pick(writtenLedger('maqu', '2025-q3')['income'], ['amount'])).toEqual([{ amount: '12,000.00' }]);
    expect(pick(writtenLedger('maqu', '2025-q3')['expense'], ['amount'])).toEqual([{ amount: '500.00' }, { amount: '10,000.01' }]);
    const titled = tempFile(
      '单位万元.csv',
      '马曲村2025年第三季度收支明细,,,,单位：万元,\n日期,凭证号,摘要,科目,收入,支出\n2025-07-08,记-07-001,运转经费,补助收入,1.86,\n',
    );
    const t = await importLedger(tree.root, 'maqu', titled, { force: true });
    expect(t.code, t.stdout).toBe(0);
    expect(pick(writtenLedger('maqu', '2025-q3')['income'], ['amount'])).toEqual([{ amount: '18,600.00' }]);
  });

  it('refuses a 万元 amount that is not a whole fen in yuan rather than rounding it, naming the cell and the exact yuan, and writes nothing', async () => {
    const before = readFileSync(ledgerPath('maqu', '2025-q3'), 'utf8');
    const bytes = await xlsxOf([
      ['日期', '凭证号', '摘要', '科目', '收入（万元）', '支出（万元）'],
      [new Date(Date.UTC(2025, 6, 8)), '记-07-001', '村级组织运转经费', '补助收入', 1.23456789, null],
      [new Date(Date.UTC(2025, 6, 9)), '记-07-002', '办公用品', '管理费用', null, '0.0000001'],
    ]);
    const r = await importLedger(tree.root, 'maqu', tempFile('万元.xlsx', bytes), { force: true });
    expect(r.code).toBe(1);
    blockAt(r.stdout, '工作表「收支」第 2 行 E 列（sheet 收支, cell E2）', 'import.amount-unit', {
      column: 'income',
      value: '1.23456789',
      unit: '万元',
      yuan: '12,345.6789',
    });
    blockAt(r.stdout, '工作表「收支」第 3 行 F 列（sheet 收支, cell F3）', 'import.amount-unit', {
      column: 'expense',
      value: '0.0000001',
      unit: '万元',
      yuan: '0.001',
    });
    const cell = tempFile('万.csv', '日期,凭证号,摘要,科目,收入,支出\n2025-07-08,记-07-001,运转经费,补助收入,1.0000001万,\n');
    const c = await importLedger(tree.root, 'maqu', cell, { force: true });
    expect(c.code).toBe(1);
    blockAt(c.stdout, '文件「万.csv」第 2 行 E 列（file 万.csv, cell E2）', 'import.amount-unit', {
      column: 'income',
      value: '1.0000001万',
      unit: '万元',
      yuan: '10,000.001',
    });
    expect(readFileSync(ledgerPath('maqu', '2025-q3'), 'utf8')).toBe(before);
  });

  it('reads 12,000元 written in a column headed （万）as 12,000 yuan, not 12,000 万元, and a 单位：万元 note below the entries for the whole sheet', async () => {
    rmSync(ledgerPath('maqu', '2025-q3'));
    const own = tempFile(
      '元.csv',
      '日期,凭证号,摘要,科目,收入（万）,支出/万\n2025-07-08,记-07-001,运转经费,补助收入,"12,000元",\n2025-07-09,记-07-002,租金,经营收入,0.5,\n2025-07-10,记-07-003,电费,管理费用,,0.0321\n',
    );
    const r = await importLedger(tree.root, 'maqu', own, {});
    expect(r.code, r.stdout).toBe(0);
    expect(pick(writtenLedger('maqu', '2025-q3')['income'], ['amount'])).toEqual([{ amount: '12,000.00' }, { amount: '5,000.00' }]);
    expect(pick(writtenLedger('maqu', '2025-q3')['expense'], ['amount'])).toEqual([{ amount: '321.00' }]);
    const below = tempFile('表尾单位.csv', '日期,凭证号,摘要,科目,收入,支出\n2025-07-08,记-07-001,运转经费,补助收入,1.86,\n,,,,,\n注：金额单位：万元,,,,,\n');
    const b = await importLedger(tree.root, 'maqu', below, { force: true });
    expect(b.code, b.stdout).toBe(0);
    expect(pick(writtenLedger('maqu', '2025-q3')['income'], ['amount'])).toEqual([{ amount: '18,600.00' }]);
    blockAt(b.stdout, '文件「表尾单位.csv」第 4 行 A 列（file 表尾单位.csv, cell A4）', 'import.unit', { unit: '万元' });
  });

  it('refuses amounts in a unit it cannot convert exactly (百元, 万美元), naming the header cell, and writes nothing', async () => {
    const before = readFileSync(ledgerPath('maqu', '2025-q3'), 'utf8');
    const file = tempFile('百元.csv', '日期,凭证号,摘要,科目,收入（百元）,支出（百元）\n2025-07-08,记-07-001,运转经费,补助收入,186,\n');
    const r = await importLedger(tree.root, 'maqu', file, { force: true });
    expect(r.code).toBe(1);
    blockAt(r.stdout, '文件「百元.csv」第 1 行 E 列和 F 列（file 百元.csv, cells E1 and F1）', 'import.unit-unknown', { unit: '百元' });
    const usd = tempFile('美元.csv', '马曲村收支（单位：万美元）\n日期,凭证号,摘要,科目,收入,支出\n2025-07-08,记-07-001,运转经费,补助收入,186,\n');
    const u = await importLedger(tree.root, 'maqu', usd, { force: true });
    expect(u.code).toBe(1);
    expect(u.stdout).toContain('金额的单位“万美元”不能准确换算成元');
    expect(readFileSync(ledgerPath('maqu', '2025-q3'), 'utf8')).toBe(before);
  });

  it('refuses a number whose cell format shows it in 万 (#,##0.00"万元"), since it may be yuan or 万元, naming the cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('收支');
    ws.addRow(['日期', '凭证号', '摘要', '科目', '收入', '支出']);
    ws.addRow([new Date(Date.UTC(2025, 6, 8)), '记-07-001', '村级组织运转经费', '补助收入', 1.86, null]);
    ws.getCell('E2').numFmt = '#,##0.00"万元"';
    const r = await importLedger(tree.root, 'maqu', tempFile('格式.xlsx', new Uint8Array(await wb.xlsx.writeBuffer())), { force: true });
    expect(r.code).toBe(1);
    blockAt(r.stdout, '工作表「收支」第 2 行 E 列（sheet 收支, cell E2）', 'import.amount-format', {
      column: 'income',
      value: '1.86',
      format: '#,##0.00"万元"',
    });
  });

  it('refuses a number cell a thousandth of a yuan off a whole fen, however large, instead of rounding it away', () => {
    expect(cellFen(10000.004)).toEqual({ ok: false, error: 'decimals' });
    expect(cellFen(123456789.001)).toEqual({ ok: false, error: 'decimals' });
    expect(cellFen(123456789.01)).toEqual({ ok: true, fen: 12345678901 });
    expect(cellFen(0.1 + 0.2 + 1_000_000)).toEqual({ ok: true, fen: 100000030 });
  });
});

describe('files that lie about their size, and files that are not files', () => {
  it('refuses a file larger than any ledger by its size on disk, without reading it (a 3 GB file)', async () => {
    const file = tempFile('账目.xlsx', '');
    const fd = openSync(file, 'r+');
    ftruncateSync(fd, 3 * 1024 * 1024 * 1024);
    closeSync(fd);
    const r = await importLedger(tree.root, 'maqu', file, { force: true });
    expect(r.code).toBe(1);
    blockAt(r.stdout, '整个文件 whole file', 'import.too-large', { name: '账目.xlsx', size: '3072.0 MB', limit: '20.0 MB' });
  });

  it('explains a folder or a device given instead of a spreadsheet, and reads nothing from it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-import17-'));
    temps.push(dir);
    mkdirSync(join(dir, '账目.xlsx'));
    const folder = await importLedger(tree.root, 'maqu', join(dir, '账目.xlsx'));
    expect(folder.code).toBe(1);
    expect(folder.stderr).toBe(toolText('import.not-a-file', { file: join(dir, '账目.xlsx') }));
    const device = await importLedger(tree.root, 'maqu', '/dev/zero');
    expect(device.stderr).toBe(toolText('import.not-a-file', { file: '/dev/zero' }));
  });

  it('refuses an .xlsx whose zip directory says its sheet is 1 KB when it inflates to 64 MB, stopping the inflation at the limit', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('账');
    ws.addRow(['日期', '凭证号', '摘要', '科目', '收入', '支出']);
    ws.addRow([new Date('2025-07-08T00:00:00Z'), '记-07-001', '运转经费', '补助收入', 18600, null]);
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const filler = `<!--${' '.repeat(64 * 1024 * 1024)}-->`;
    zip.file('xl/worksheets/sheet1.xml', xml.replace('</sheetData>', `</sheetData>${filler}`));
    const bytes = Buffer.from(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    // Make the central directory and the local header lie: the sheet "unpacks" to 1,000 bytes.
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    for (let at = bytes.indexOf(name); at >= 0; at = bytes.indexOf(name, at + 1)) {
      if (bytes.readUInt32LE(at - 30) === 0x04034b50) bytes.writeUInt32LE(1000, at - 30 + 22);
      if (bytes.readUInt32LE(at - 46) === 0x02014b50) bytes.writeUInt32LE(1000, at - 46 + 24);
    }
    const r = await importLedger(tree.root, 'maqu', tempFile('说谎.xlsx', bytes), { force: true });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('“说谎.xlsx”太大（解压后 unpacked > 30.0 MB），超过了 30.0 MB');
  });
});

describe('old Excel 97-2003 (.xls) files and files named .xls that are not', () => {
  it('tells the clerk step by step how to save an .xls as .xlsx in WPS and in Excel', async () => {
    const r = await run('maqu', 'old-format.xls');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('WPS：点左上角“文件”→“另存为”，“文件类型”选“Microsoft Excel 文件(*.xlsx)”');
    expect(r.stdout).toContain('Excel：“文件”→“另存为”→“浏览”，“保存类型”选“Excel 工作簿(*.xlsx)”');
    expect(r.stdout).toContain('WPS: File (top left) → Save As, "File type" Microsoft Excel 文件(*.xlsx)');
  });

  it('reads an .xlsx workbook or CSV text that was saved under an .xls name as what it is', async () => {
    rmSync(ledgerPath('maqu', '2025-q3'));
    const xlsx = await importLedger(tree.root, 'maqu', tempFile('账目.xls', readFileSync(join(SHEETS, 'maqu-2025-q3.xlsx'))), {});
    expect(xlsx.code, xlsx.stdout).toBe(0);
    const want = demoLedger('maqu', '2025-q3');
    expect(pick(writtenLedger('maqu', '2025-q3')['income'], CORE)).toEqual(pick(want['income'], CORE));
    const csv = await importLedger(tree.root, 'maqu', tempFile('导出.xls', readFileSync(join(SHEETS, 'maqu-2025-q3-gbk.csv'))), { force: true });
    expect(csv.code, csv.stdout).toBe(0);
    expect(csv.stdout).toContain('CSV, GBK/GB18030');
  });

  it('refuses a web page saved as .xls (what many online systems export) with how to re-save it, instead of reading its HTML as rows', async () => {
    const html = tempFile(
      '网银导出.xls',
      '<html><body><table><tr><td>日期</td><td>摘要</td><td>收入</td></tr><tr><td>2025-07-08</td><td>运转经费</td><td>18600</td></tr></table></body></html>',
    );
    const r = await importLedger(tree.root, 'maqu', html, { force: true });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('问题：“网银导出.xls”');
    expect(r.stdout).toContain('Microsoft Excel 文件(*.xlsx)');
  });
});

describe('spreadsheets it cannot read', () => {
  it('reports every unreadable row by its row number and why, and writes nothing', async () => {
    const before = readFileSync(ledgerPath('maqu', '2025-q3'), 'utf8');
    const r = await run('maqu', 'bad-rows.xlsx', { period: '2025-q3' });
    expect(r.code).toBe(1);
    const money = (_column: string, column: 'income' | 'expense', value: string, reason: 'format' | 'decimals' | 'negative') => ({ column, value, reason });
    // The texts as a clerk reads them (the findings carry the column and the reason as data).
    for (const text of [
      '支出“一百二十元”不是金额。',
      'The expense "一百二十元" is not an amount.',
      '收入“12.345”小数超过两位（分以下）。',
      'The income "12.345" has more than two decimals.',
      '支出“-50”是负数（红字）。',
      'The expense "-50" is negative (a red-ink reversal).',
    ])
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
    expect(r.stdout).toContain(
      '“本季合计”一行的收入是 99,999.00 元，而表中明细相加是 18,600.00 元。\n    Problem: The "本季合计" row says income 99,999.00, but the entries add up to 18,600.00.',
    );
    expect(r.stdout).toContain(toolText('import.refused', { errors: 9 }));
    expect(readFileSync(ledgerPath('maqu', '2025-q3'), 'utf8')).toBe(before);
  });

  it.each([
    ['old-format.xls', 'import.xls', { name: 'old-format.xls' }],
    ['password.xlsx', 'import.encrypted', { name: 'password.xlsx' }],
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

  it('refuses a workbook that unpacks too large (a million empty formatted rows) before reading it, with how to trim it, and writes nothing', async () => {
    const before = readFileSync(ledgerPath('maqu', '2025-q3'), 'utf8');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('账');
    ws.addRow(['日期', '凭证号', '摘要', '科目', '收入', '支出']);
    ws.addRow([new Date('2025-07-08T00:00:00Z'), '记-07-001', '运转经费', '补助收入', 18600, null]);
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const empty = Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 3}" s="0" customFormat="1"/>`).join('');
    zip.file('xl/worksheets/sheet1.xml', xml.replace('</sheetData>', `${empty}</sheetData>`));
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-import-'));
    const file = join(dir, '账目.xlsx');
    writeFileSync(file, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const r = await importLedger(tree.root, 'maqu', file, { force: true });
    rmSync(dir, { recursive: true, force: true });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/“账目\.xlsx”太大（解压后 unpacked \d+\.\d MB），超过了 30\.0 MB/);
    seen.add('import.too-large');
    expect(r.stdout).toContain('Ctrl+End');
    expect(readFileSync(ledgerPath('maqu', '2025-q3'), 'utf8')).toBe(before);
  });

  it('refuses a file larger than any ledger before reading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-import-'));
    const file = join(dir, 'big.csv');
    const line = '2025-07-08,记-07-001,运转经费,补助收入,18600,\n';
    writeFileSync(file, `日期,凭证号,摘要,科目,收入,支出\n${line.repeat(Math.ceil((21 * 1024 * 1024) / Buffer.byteLength(line)))}`);
    const r = await importLedger(tree.root, 'maqu', file, { force: true });
    rmSync(dir, { recursive: true, force: true });
    expect(r.code).toBe(1);
    expectFinding(r.stdout, 'import.too-large', { name: 'big.csv', size: '21.0 MB', limit: '20.0 MB' });
  });

  it('reads CSV text that accounting software saved under an .xlsx name as the CSV it is', async () => {
    rmSync(ledgerPath('maqu', '2025-q3'));
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-import-'));
    const file = join(dir, '导出.xlsx');
    writeFileSync(file, readFileSync(join(SHEETS, 'maqu-2025-q3-gbk.csv')));
    const r = await importLedger(tree.root, 'maqu', file, {});
    rmSync(dir, { recursive: true, force: true });
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('CSV, GBK/GB18030');
    const want = demoLedger('maqu', '2025-q3');
    expect(pick(writtenLedger('maqu', '2025-q3')['income'], CORE)).toEqual(pick(want['income'], CORE));
    expect(pick(writtenLedger('maqu', '2025-q3')['expense'], CORE)).toEqual(pick(want['expense'], CORE));
  });

  it('never writes a ledger too large for the check to read (a sheet of 30,000 rows), and says how many entries there were', async () => {
    const before = readFileSync(ledgerPath('maqu', '2025-q3'), 'utf8');
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-import-'));
    const file = join(dir, '全年.csv');
    const lines = Array.from({ length: 30_000 }, (_, i) => `2025-07-${String((i % 28) + 1).padStart(2, '0')},记-${i + 1},办公用品,管理费用,,12.50`);
    writeFileSync(file, `日期,凭证号,摘要,科目,收入,支出\n${lines.join('\n')}\n`);
    const r = await importLedger(tree.root, 'maqu', file, { force: true });
    rmSync(dir, { recursive: true, force: true });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/表中有 30000 笔明细，写成 content\/villages\/maqu\/finances\/2025-q3\.yaml 会有 \d+\.\d MB，超过了账目文件 2\.0 MB 的上限/);
    seen.add('import.ledger-too-large');
    expect(readFileSync(ledgerPath('maqu', '2025-q3'), 'utf8')).toBe(before);
  });

  it('shows the formula of an amount cell that has no saved result (written by software, never saved in Excel) instead of saying the row has no amount', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('账');
    ws.addRow(['日期', '凭证号', '摘要', '科目', '收入', '支出']);
    ws.addRow([new Date('2025-07-08T00:00:00Z'), '记-07-001', '运转经费', '补助收入', { formula: '1860000/100' }, null]);
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-import-'));
    const file = join(dir, '公式.xlsx');
    writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = await importLedger(tree.root, 'maqu', file, { force: true });
    rmSync(dir, { recursive: true, force: true });
    expect(r.code).toBe(1);
    expectFinding(r.stdout, 'import.amount', { column: 'income', value: '=1860000/100', reason: 'format' }, 2);
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

  it('tells a clerk that an amount in accountants’ brackets or with a − sign is a negative (red-ink) amount, not "not an amount"', () => {
    for (const written of ['(21,600.00)', '（21,600.00）', '−21,600.00', '-21,600.00'])
      expect(cellFen(written), written).toEqual({ ok: false, error: 'negative' });
    expect(cellFen('(备注)')).toEqual({ ok: false, error: 'format' });
  });

  it('converts amounts in 万元 and 千元 exactly, wherever the unit is written, and refuses the ones that are not a whole fen', () => {
    expect(cellFen('1.2万')).toEqual({ ok: true, fen: 1_200_000 });
    expect(cellFen('1.2345000万')).toEqual({ ok: true, fen: 1_234_500 });
    expect(cellFen('0.0001万')).toEqual({ ok: true, fen: 100 });
    expect(cellFen('¥ 3千元')).toEqual({ ok: true, fen: 300_000 });
    expect(cellFen('1.2万元整')).toEqual({ ok: true, fen: 1_200_000 });
    expect(cellFen('12,000.00元整', '万元')).toEqual({ ok: true, fen: 1_200_000 });
    expect(cellFen('整')).toEqual({ ok: false, error: 'format' });
    expect(cellFen(1.2345, '万元')).toEqual({ ok: true, fen: 1_234_500 });
    expect(cellFen(1.86, '千元')).toEqual({ ok: true, fen: 186_000 });
    expect(cellFen('12,000元', '万元'), 'a cell that says 元 is in yuan whatever its column says').toEqual({ ok: true, fen: 1_200_000 });
    expect(cellFen('（1.2万）')).toEqual({ ok: false, error: 'negative' });
    expect(cellFen(1e-7, '万元')).toEqual({ ok: false, error: 'unit-decimals', unit: '万元', yuan: '0.001' });
    expect(cellFen('1.23456789万')).toEqual({ ok: false, error: 'unit-decimals', unit: '万元', yuan: '12,345.6789' });
  });

  it('names columns with the letters Excel and WPS show, past Z', () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });

  it('reads dates written every common way, and Excel serial numbers', () => {
    for (const d of ['2025-07-08', '2025/7/8', '2025.7.8', '2025年7月8日', '20250708', new Date(Date.UTC(2025, 6, 8)), 45846])
      expect(cellDate(d, undefined), String(d)).toBe('2025-07-08');
    expect(cellDate(44384, undefined, true), 'the 1904 date system (Excel for Mac)').toBe('2025-07-08');
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
