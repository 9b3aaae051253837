/**
 * The ledgers workbook (src/opendata/xlsx.ts) is written as strings, every part byte for byte what
 * exceljs writes for the same workbook (a workbook with a sheet written in segments numbers that sheet's
 * texts first: the same texts and cells), and zipped by src/opendata/zip.ts; exceljs builds every
 * workbook here a second time as the reference (the parts compared one by one, in order), and reads
 * ours back.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCounty } from '../../src/check/load.ts';
import type { County } from '../../src/check/model.ts';
import { getNewestRecordDate } from '../../src/records/dated.ts';
import { buildDataFiles, getTableFields, WORKBOOK } from '../../src/opendata/files.ts';
import { TABLES, type Cell } from '../../src/opendata/tables.ts';
import type { TableSchemaField } from '../../src/opendata/table-schema.ts';
import { buildWorkbook, emptyExtent, measureRows, writeWorkbook, type KeptSheet, type Sheet } from '../../src/opendata/xlsx.ts';
import { memorySink } from '../../src/opendata/zip.ts';
import { ROOT } from '../helpers/fixture-tree.ts';

/** The workbook as exceljs 4.4 writes it: the implementation src/opendata/xlsx.ts replaced. */
async function buildWithExceljs(sheets: readonly Sheet[], date: string, title: string): Promise<Buffer> {
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
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const field = (name: string, title: string, unit?: 'CNY'): TableSchemaField => ({
  name,
  title,
  description: `${title}的说明`,
  type: unit ? 'number' : 'string',
  ...(unit ? { unit } : {}),
});

/** A zip's files in their order, each as its bytes (the folder entries JSZip adds for exceljs hold nothing and are left out). */
async function entries(zip: Buffer): Promise<[string, Buffer][]> {
  const z = await JSZip.loadAsync(zip);
  const files = Object.values(z.files).filter((f) => !f.dir);
  return Promise.all(files.map(async (f): Promise<[string, Buffer]> => [f.name, await f.async('nodebuffer')]));
}

/** The shared strings of a workbook's parts, each `<si>` as written, in their order. */
const sharedStrings = (parts: [string, Buffer][]) =>
  [...(parts.find(([name]) => name === 'xl/sharedStrings.xml')?.[1].toString('utf8') ?? '').matchAll(/<si>(.*?)<\/si>/gs)].map((m) => m[1]!);

/** A part with each shared-string cell's number replaced by its text: the same cells whatever order the texts are numbered in. */
const resolved = (part: Buffer, strings: readonly string[]) =>
  part.toString('utf8').replace(/( t="s"><v>)(\d+)(<\/v>)/g, (_, open: string, n: string, close: string) => `${open}${strings[Number(n)]}${close}`);

/**
 * Our workbook holds exceljs's parts, byte for byte and in its order, and exceljs reads back the same cells. With
 * `ownNumbering` (a sheet written in segments, whose texts are numbered first: src/opendata/xlsx.ts), the shared strings
 * are exceljs's in another order, and each sheet is exceljs's byte for byte once every cell's number is replaced by its text.
 */
async function expectSameWorkbook(ours: Buffer, sheets: readonly Sheet[], date: string, title: string, ownNumbering = false): Promise<void> {
  const reference = await buildWithExceljs(sheets, date, title);
  const [got, want] = await Promise.all([entries(ours), entries(reference)]);
  expect(got.map(([name]) => name)).toEqual(want.map(([name]) => name));
  const [ourStrings, theirStrings] = [sharedStrings(got), sharedStrings(want)];
  for (const [i, [name, bytes]] of got.entries()) {
    const theirs = want[i]![1];
    if (ownNumbering && name === 'xl/sharedStrings.xml') {
      expect([...ourStrings].sort(), name).toEqual([...theirStrings].sort());
      expect(bytes.toString('utf8').replace(/<si>.*<\/si>/s, ''), name).toBe(theirs.toString('utf8').replace(/<si>.*<\/si>/s, ''));
    } else if (ownNumbering && name.startsWith('xl/worksheets/sheet')) expect(resolved(bytes, ourStrings), name).toBe(resolved(theirs, theirStrings));
    else expect(bytes.equals(theirs), name).toBe(true);
  }
  const read = new ExcelJS.Workbook();
  await read.xlsx.load(Uint8Array.from(ours).buffer);
  expect(read.worksheets.map((w) => w.name)).toEqual(sheets.map((s) => s.name));
  for (const [i, s] of sheets.entries()) {
    const ws = read.worksheets[i]!;
    expect(ws.getRow(1).values).toEqual([undefined, ...s.fields.map((f) => f.name)]);
    s.rows.forEach((row, r) => {
      row.forEach((c, col) => {
        const value = ws.getCell(r + 2, col + 1).value;
        if (c === '') expect(value).toBeNull();
        else if (typeof c === 'number') expect(value).toBe(c);
        else expect(value).toBe([...c].filter((ch) => ch === '\t' || ch === '\n' || ch === '\r' || (ch >= ' ' && ch !== '\u007f')).join(''));
      });
    });
  }
}

let county: County;
beforeAll(() => {
  const loaded = loadCounty(ROOT);
  if (!loaded.county) throw new Error('demo county does not load');
  county = loaded.county;
});

describe('ledgers.xlsx', () => {
  it('holds, part for part, the workbook exceljs writes, and exceljs reads back its cells, for every demo village and for the county', async () => {
    const scopes = [...county.villages.map((v) => [v]), county.villages];
    for (const villages of scopes) {
      const files = await buildDataFiles({
        county,
        villages,
        findings: new Map(),
        folderUrl: 'https://example.cn/data/',
        pageUrl: 'https://example.cn/data/',
        label: '测试',
        name: 'gongkai-test',
      });
      const rows = (table: string) => {
        const t = TABLES.find((x) => x.name === table)!;
        return { t, rows: villages.flatMap((village) => t.rows({ county, village, findings: [] })) };
      };
      const sheets = WORKBOOK.sheets.map((s) => {
        const { t, rows: r } = rows(s.table);
        return { name: s.sheet, fields: getTableFields(t), rows: r };
      });
      // The workbook is dated by its newest record, not by the day it was built.
      await expectSameWorkbook(files.find((f) => f.name === WORKBOOK.file)!.body, sheets, getNewestRecordDate(villages)!, '测试财务收支', true);
    }
  });

  it('escapes markup, drops control characters, keeps spaces and leaves empty cells empty, as exceljs does', async () => {
    const rows: Cell[][] = [
      ['a<b>&"c\'', 1.5, '', ' leading', 0],
      ['trailing ', -2.25, 'line\nbreak', '\u0001ctl\u007f', 1e21],
      ['', '', '', '', ''],
      ['same', 3, 'same', 'same', 12345678.9],
      ['short'],
    ];
    const sheets: Sheet[] = [
      { name: '文字 & <表>', fields: [field('a', '甲'), field('b', '乙乙乙', 'CNY'), field('c', '丙'), field('d', '丁'), field('e', '戊', 'CNY')], rows },
      { name: '无金额', fields: [field('x', '一'), field('y', '二'), field('z', '很长的标题文字')], rows: [['1', '2', '3'], ['4']] },
      { name: '空', fields: [field('only', '唯一', 'CNY')], rows: [] },
    ];
    const title = '标题 <&> "引号"';
    await expectSameWorkbook(await buildWorkbook(sheets, '2025-11-20', title), sheets, '2025-11-20', title);
    const noMoneyFirst = [sheets[1]!, sheets[0]!];
    await expectSameWorkbook(await buildWorkbook(noMoneyFirst, '2024-02-29', 'x'), noMoneyFirst, '2024-02-29', 'x');
  });

  it('gives the same bytes on every build of the same ledgers', async () => {
    const sheets: Sheet[] = [{ name: 's', fields: [field('a', '甲', 'CNY')], rows: [[1], [2.5]] }];
    const first = await buildWorkbook(sheets, '2025-11-20', 't');
    await new Promise((r) => setTimeout(r, 1100));
    expect((await buildWorkbook(sheets, '2025-11-20', 't')).equals(first)).toBe(true);
  });

  describe('a sheet written in segments (the county workbook: a village each)', () => {
    const summary: Sheet = {
      name: '期间汇总',
      fields: [field('village', '村'), field('total', '合计', 'CNY')],
      rows: [
        ['甲村', 10],
        ['乙村', 20],
      ],
    };
    const fields = [field('village', '村'), field('what', '摘要'), field('amount', '金额', 'CNY')];
    const rowsOf = (village: string, n: number, word = '修路'): Cell[][] =>
      Array.from({ length: n }, (_, i) => [village, `${word}${i % 7}`, i % 5 === 0 ? '' : i * 1.5]);
    /** The workbook with the summary sheet and `segments` (key, rows) as its entries; which segments' rows were read, and the sheet kept. */
    async function write(segments: [string, Cell[][]][], kept?: KeptSheet, first: Sheet = summary) {
      const read: string[] = [];
      let keptNow: KeptSheet | undefined;
      const extent = emptyExtent();
      measureRows(
        extent,
        segments.flatMap(([, rows]) => rows),
      );
      const sink = memorySink();
      await writeWorkbook(
        [
          { name: first.name, fields: first.fields, rows: () => first.rows },
          {
            name: '收支明细',
            fields,
            extent,
            segments: segments.map(([key, rows]) => ({ key, rows: () => (read.push(key), rows) })),
            ...(kept ? { kept } : {}),
            keep: (sheet) => (keptNow = sheet),
          },
        ],
        '2025-11-20',
        '测试',
        sink,
      );
      const sheets: Sheet[] = [first, { name: '收支明细', fields, rows: segments.flatMap(([, rows]) => rows) }];
      return { bytes: sink.bytes(), read, kept: keptNow!, sheets };
    }
    const before: [string, Cell[][]][] = [
      ['a@1', rowsOf('甲村', 40)],
      ['b@1', rowsOf('乙村', 30, '买种子')],
      ['c@1', rowsOf('丙村', 20, '修渠')],
      ['d@1', rowsOf('丁村', 25, '发工资')],
    ];

    it('holds the parts exceljs writes for the same rows, and exceljs reads back every cell', async () => {
      const { bytes, sheets } = await write(before);
      await expectSameWorkbook(bytes, sheets, '2025-11-20', '测试', true);
    });

    it('gives the same bytes when the segments before the first changed village are taken over from the last workbook, whose rows are not read again', async () => {
      const last = await write(before);
      // 丙村's new quarter: more rows and words no village used before, so the rows and shared strings after it move.
      const after: [string, Cell[][]][] = [before[0]!, before[1]!, ['c@2', [...rowsOf('丙村', 20, '修渠'), ...rowsOf('丙村', 9, '新修水塔')]], before[3]!];
      const fresh = await write(after);
      const taken = await write(after, last.kept);
      expect(taken.bytes.equals(fresh.bytes)).toBe(true);
      expect(taken.read).toEqual(['c@2', 'd@1']);
      expect(fresh.read).toEqual(['a@1', 'b@1', 'c@2', 'd@1']);
      await expectSameWorkbook(taken.bytes, taken.sheets, '2025-11-20', '测试', true);
      // The sheet it keeps is the one a workbook made afresh keeps, the next update takes over the same.
      expect(JSON.stringify(taken.kept)).toBe(JSON.stringify(fresh.kept));
      // Nothing changed: every segment taken over, none read, the same bytes.
      const again = await write(after, taken.kept);
      expect(again.read).toEqual([]);
      expect(again.bytes.equals(fresh.bytes)).toBe(true);
      // A village added at the end, one removed at the start, in the middle and at the end (its words gone with it).
      for (const changed of [[...after, ['e@1', rowsOf('戊村', 5, '新村')]], after.slice(1), [after[0]!, ...after.slice(2)], after.slice(0, -1)] as [
        string,
        Cell[][],
      ][][]) {
        const made = await write(changed);
        const kept = await write(changed, taken.kept);
        expect(kept.bytes.equals(made.bytes)).toBe(true);
      }
    });

    it('takes over every segment when only a sheet before it changed, even with a text no segment uses (a new ledger in 期间汇总)', async () => {
      const last = await write(before);
      const first: Sheet = {
        ...summary,
        rows: [
          ['甲村', 10],
          ['新来的村', 5],
          ['乙村', 20],
        ],
      };
      const fresh = await write(before, undefined, first);
      const taken = await write(before, last.kept, first);
      expect(taken.read).toEqual([]);
      expect(taken.bytes.equals(fresh.bytes)).toBe(true);
      await expectSameWorkbook(taken.bytes, taken.sheets, '2025-11-20', '测试', true);
    });
  });
});
