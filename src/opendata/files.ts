/**
 * The open-data files of one scope (a village, or the whole county): a CSV per table, the ledgers as
 * XLSX, a Frictionless Data Package v2 descriptor (datapackage.json) with a Table Schema for every
 * file, and a README.md describing every column in Chinese. Pure apart from zlib; the same
 * records give the same bytes.
 *
 * The files are written piece by piece into sinks (`writeDataFiles`): a village's in memory
 * (`buildDataFiles`), the county's straight to disk by src/data/opendata.ts, one village's part at
 * a time, so no county file is ever held whole (issue 18).
 */
import { createHash } from 'node:crypto';
import type { County, VillageRecords } from '../check/model.ts';
import { getNewestRecordDate, type VillageFileDate } from '../records/dated.ts';
import { formatCsvLines } from '../lib/csv.ts';
import { getLicence } from '../lib/licences.ts';
import { TABLES, type Cell, type Finding, type Table, type TableInput } from './tables.ts';
import { toTableSchemaField, type TableSchemaField } from './table-schema.ts';
import { emptyExtent, measureRows, writeWorkbook, type KeptSheet, type RowExtent, type RowSegment, type SheetSource } from './xlsx.ts';
import { memorySink, type ByteSink } from './zip.ts';

export const DATA_PACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';
export const TABLE_SCHEMA_PROFILE = 'https://datapackage.org/profiles/2.0/tableschema.json';
export const TABLE_DIALECT_PROFILE = 'https://datapackage.org/profiles/2.0/tabledialect.json';
/** The ledger tables that also go into the workbook, with their sheet names. */
export const WORKBOOK = {
  file: 'ledgers.xlsx',
  title: '财务收支（Excel 工作簿）',
  sheets: [
    { table: 'ledgers', sheet: '期间汇总' },
    { table: 'ledger-entries', sheet: '收支明细' },
  ],
} as const;

export interface DataScope {
  county: County;
  /** The villages in the scope: one, or every village of the county. */
  villages: readonly VillageRecords[];
  /** Compliance findings per village id. */
  findings: ReadonlyMap<string, readonly Finding[]>;
  /** Absolute address of the scope's data folder, e.g. https://example.gov.cn/v/maqu/data/. */
  folderUrl: string;
  /** Absolute address of the /data/ page (how to cite, licence). */
  pageUrl: string;
  /** Name of the scope, e.g. 马曲村 or 陇县. */
  label: string;
  /** ASCII package name, e.g. gongkai-maqu. */
  name: string;
  /**
   * The county's split (issue 18), absent for a village: a table with `countyPartsBy` is one file per year, and any file
   * that would pass `maxFileBytes` is numbered parts (ledger-entries-2025-1.csv, -2, …); the workbook carries the
   * entries only while there are at most `workbookEntries` of them.
   */
  split?: { maxFileBytes: number; workbookEntries: number };
}

export interface DataFile {
  /** File name in the scope's data folder. */
  name: string;
  title: string;
  format: 'csv' | 'xlsx' | 'json' | 'md';
  body: Buffer;
  /** A table's CSV file: the table's name, and the year and part number when the table is split (`DataScope.split`). */
  table?: string;
  year?: string;
  part?: number;
}

export function getTableFields(t: Table): TableSchemaField[] {
  return t.columns.map(toTableSchemaField);
}

/**
 * One village's share of a scope's files, for some or all of the tables: each table's CSV lines of
 * the village's rows and, for the workbook's tables, the rows themselves. A county file is its header
 * and the villages' parts end to end, so a part can be made once and kept between builds
 * (src/data/opendata-parts.ts). The CSV lines are UTF-8 bytes, as they are written (a kept part is read back as
 * bytes, never decoded), and the rows of a sheet are asked for (`sheet`), so a kept part reads its ledger entries'
 * rows, the largest, only when a workbook is made.
 */
export interface VillageDataPart {
  /** CSV lines of the village's rows (each ending in CRLF; empty for none), UTF-8, by table name. */
  csv: Record<string, Buffer>;
  /**
   * For a table with `countyPartsBy`: its CSV lines as runs of one year, in row order, each as [year, end byte offset in
   * `csv[table]`] (a run starts where the one before ends).
   */
  years: Record<string, [string, number][]>;
  /** What `measureRows` finds in the village's rows of each of the workbook's tables. */
  extents: Record<string, RowExtent>;
  /** The village's rows of one of the workbook's tables. */
  sheet(table: string): Cell[][];
}

const WORKBOOK_TABLES: ReadonlySet<string> = new Set(WORKBOOK.sheets.map((s) => s.table));

/**
 * The part of one village for `tables` (every table unless given). `scan`: given each table's CSV lines before they
 * are encoded (the privacy gate, src/opendata/privacy-gate.ts).
 */
export function buildVillageDataPart(input: TableInput, tables: readonly Table[] = TABLES, scan?: (table: Table, csv: string) => void): VillageDataPart {
  const csvOf: Record<string, Buffer> = {};
  const years: Record<string, [string, number][]> = {};
  const extents: Record<string, RowExtent> = {};
  const sheets: Record<string, Cell[][]> = {};
  for (const t of tables) {
    const rows = t.rows(input);
    let csv = '';
    if (t.countyPartsBy === undefined) csv = formatCsvLines(rows);
    else {
      const column = t.columns.findIndex((c) => c.name === t.countyPartsBy);
      const runs: [string, number][] = [];
      let bytes = 0;
      for (let start = 0; start < rows.length;) {
        const year = String(rows[start]![column]).slice(0, 4);
        let end = start + 1;
        while (end < rows.length && String(rows[end]![column]).slice(0, 4) === year) end += 1;
        const run = formatCsvLines(rows.slice(start, end));
        csv += run;
        bytes += Buffer.byteLength(run, 'utf8');
        runs.push([year, bytes]);
        start = end;
      }
      years[t.name] = runs;
    }
    scan?.(t, csv);
    csvOf[t.name] = Buffer.from(csv, 'utf8');
    if (WORKBOOK_TABLES.has(t.name)) {
      sheets[t.name] = rows;
      measureRows((extents[t.name] = emptyExtent()), rows);
    }
  }
  return { csv: csvOf, years, extents, sheet: (table) => sheets[table]! };
}

/** Excel's and WPS's most rows in one sheet, the header row included. */
export const EXCEL_MAX_ROWS = 1_048_576;

/**
 * Compressed bytes one ledger entry takes in the workbook, with room to spare: 41 measured at 300 generated villages
 * (404,209 entries, 16 MB; bench/results/county.md). The county's split keeps the workbook's entries below
 * `maxFileBytes / WORKBOOK_BYTES_PER_ENTRY`.
 */
const WORKBOOK_BYTES_PER_ENTRY = 48;

/** The county's split for files of at most `maxFileBytes` (src/lib/deploy-hosts.ts `DATA_FILE_BYTES`). */
export function getCountySplit(maxFileBytes: number): NonNullable<DataScope['split']> {
  return { maxFileBytes, workbookEntries: Math.min(EXCEL_MAX_ROWS - 1, Math.floor(maxFileBytes / WORKBOOK_BYTES_PER_ENTRY)) };
}

/** The CSV header line of a table (with its CRLF, without the BOM). */
export const csvHeaderLine = (t: Table): string => formatCsvLines([t.columns.map((c) => c.name)]);

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * How a data file depends on the as-of date (src/records/dated.ts): a table's CSV as its table says;
 * the descriptor through the hash of compliance-findings.csv (the day's findings). The workbook and
 * the README carry the date of the newest record (`getNewestRecordDate`), not the as-of date.
 */
export function getDataFileDate(name: string): VillageFileDate {
  const table = TABLES.find((t) => `${t.name}.csv` === name);
  if (table) return table.date;
  return name === 'datapackage.json' ? 'as-of' : undefined;
}

/** The workbook's creation date when a scope has no record at all (any fixed date would do). */
const NO_RECORD_DATE = '1980-01-01';

/** A file as written into a sink: its length and SHA-256 (the descriptor lists both). */
export interface WrittenFile extends Omit<DataFile, 'body'> {
  bytes: number;
  sha256: string;
}

/**
 * A sink for one file: `close()` when everything is written gives its length and SHA-256; `close(name)` gives the
 * file another name than it was opened with (a part learns it is numbered when the next one starts).
 */
export type FileSink = ByteSink & { close(name?: string): Promise<{ bytes: number; sha256: string }> };

/**
 * One table's CSV files of a scope: one file, or with `split` one per year of `countyPartsBy`, each in numbered parts
 * when the next village's lines would take it past `maxFileBytes` (a village's lines of one year are never cut: a
 * part passes the cap only if they alone do). Every part starts with the header line, so each opens in Excel.
 */
class TableFiles {
  private readonly groups = new Map<string, { sink: FileSink; bytes: number; rows: boolean; closed: WrittenFile[] }>();
  private readonly header: Buffer;
  constructor(
    private readonly table: Table,
    private readonly open: (name: string) => Promise<FileSink>,
    private readonly maxFileBytes: number,
  ) {
    this.header = Buffer.from(`\uFEFF${csvHeaderLine(table)}`, 'utf8');
  }

  private name(year: string, part?: number): string {
    return `${this.table.name}${year ? `-${year}` : ''}${part === undefined ? '' : `-${part}`}.csv`;
  }

  private async start(year: string, closed: WrittenFile[] = []) {
    const sink = await this.open(this.name(year, closed.length + 1));
    await sink.write(this.header);
    const group = { sink, bytes: this.header.length, rows: false, closed };
    this.groups.set(year, group);
    return group;
  }

  private async closeOne(year: string, part: number | undefined, sink: FileSink): Promise<WrittenFile> {
    const name = this.name(year, part);
    const f = { name, title: this.table.title, format: 'csv' as const, table: this.table.name, ...(await sink.close(name)) };
    return { ...f, ...(year ? { year } : {}), ...(part === undefined ? {} : { part }) };
  }

  /** Writes a village's lines of `year` ('' for a table not split by year). */
  async write(year: string, bytes: Buffer): Promise<void> {
    if (bytes.length === 0) return;
    let group = this.groups.get(year) ?? (await this.start(year));
    if (group.rows && group.bytes + bytes.length > this.maxFileBytes) {
      group.closed.push(await this.closeOne(year, group.closed.length + 1, group.sink));
      group = await this.start(year, group.closed);
    }
    await group.sink.write(bytes);
    group.bytes += bytes.length;
    group.rows = true;
  }

  /** Closes every file (an empty table still has its one file with the header line), by year and part. */
  async close(): Promise<WrittenFile[]> {
    if (this.groups.size === 0) await this.start('');
    const out: WrittenFile[] = [];
    for (const year of [...this.groups.keys()].sort()) {
      const g = this.groups.get(year)!;
      out.push(...g.closed, await this.closeOne(year, g.closed.length ? g.closed.length + 1 : undefined, g.sink));
    }
    return out;
  }
}

/**
 * The workbook's last sheet (the ledger entries) as a scope's files are written: each village's rows a segment,
 * compressed apart (src/opendata/xlsx.ts `SegmentedSheetSource`), keyed by what they depend on; `kept`, the sheet as an
 * earlier build wrote it, whose segments are taken over up to the first village that differs, and `keep`, given the
 * sheet as written.
 */
export interface EntriesSheet {
  /** A segment per village of the scope, in its order: the village's rows, read only when its segment is made. */
  segments: () => Iterable<RowSegment>;
  /** Read when the workbook is made (not when it is kept whole from an earlier build). */
  kept?: () => KeptSheet | undefined;
  keep?: (sheet: KeptSheet) => void;
}

/**
 * Every file of a scope written into the sinks `open` gives, the descriptor and README last (they
 * describe the others). `parts()` gives the scope's villages' parts of every table, in the order of
 * `scope.villages`, one at a time; it is read twice (the CSV files, then the workbook's last sheet,
 * unless `entriesSheet` gives that sheet's segments), and only the workbook's other sheets' rows (one per
 * ledger) are kept between the two.
 */
export async function writeDataFiles(
  scope: DataScope,
  parts: () => Iterable<VillageDataPart>,
  open: (name: string) => Promise<FileSink>,
  keepWorkbook?: (make: () => Promise<Buffer>) => Promise<Buffer>,
  entriesSheet?: EntriesSheet,
): Promise<WrittenFile[]> {
  const written: WrittenFile[] = [];
  const split = scope.split;
  const files = TABLES.map((t) => new TableFiles(t, open, split?.maxFileBytes ?? Infinity));
  const sheetTables = WORKBOOK.sheets.map((s) => s.table);
  const extents = new Map<string, RowExtent>(sheetTables.map((t) => [t, emptyExtent()]));
  const kept = new Map<string, Cell[][]>(sheetTables.slice(0, -1).map((t) => [t, []]));
  for (const part of parts()) {
    for (const [i, t] of TABLES.entries()) {
      const csv = part.csv[t.name]!;
      const runs = split && t.countyPartsBy !== undefined ? part.years[t.name]! : [['', csv.length] as const];
      let start = 0;
      for (const [year, end] of runs) {
        await files[i]!.write(year, csv.subarray(start, end));
        start = end;
      }
    }
    for (const table of sheetTables) {
      addExtent(extents.get(table)!, part.extents[table]!);
      // The last sheet's rows are read again when the workbook is written (`rowsOf`), not kept.
      const rows = kept.get(table);
      if (rows) for (const row of part.sheet(table)) rows.push(row);
    }
  }
  for (const f of files) written.push(...(await f.close()));
  const byName = new Map(TABLES.map((t) => [t.name, t]));
  const last = sheetTables.at(-1)!;
  // The county's entries leave the workbook when there are too many for one file (`DataScope.split`): a sheet then says where they are.
  const entries = extents.get(last)!.rows;
  const omitted = split !== undefined && entries > split.workbookEntries;
  const book = await open(WORKBOOK.file);
  const writeBook = (sink: ByteSink, keptEntries = entriesSheet?.kept?.()) =>
    writeWorkbook(
      WORKBOOK.sheets.map((s) =>
        s.table === last && omitted
          ? omittedSheet(written, last, entries, split.workbookEntries)
          : s.table === last
            ? {
                name: s.sheet,
                fields: getTableFields(byName.get(s.table)!),
                segments: entriesSheet?.segments() ?? segmentsOf(parts(), last),
                extent: extents.get(s.table)!,
                ...(keptEntries ? { kept: keptEntries } : {}),
                ...(entriesSheet?.keep ? { keep: entriesSheet.keep } : {}),
              }
            : { name: s.sheet, fields: getTableFields(byName.get(s.table)!), rows: () => kept.get(s.table)!, extent: extents.get(s.table)! },
      ),
      getNewestRecordDate(scope.villages) ?? NO_RECORD_DATE,
      `${scope.label}财务收支`,
      sink,
    );
  if (keepWorkbook) {
    // Kept from an earlier build, or made in memory (the compressed bytes only) and kept.
    const body = await keepWorkbook(async () => {
      const sink = memorySink();
      await writeBook(sink);
      return sink.bytes();
    });
    await book.write(body);
  } else await writeBook(book);
  written.push({ name: WORKBOOK.file, title: WORKBOOK.title, format: 'xlsx', ...(await book.close()) });
  const text = async (name: string, title: string, format: DataFile['format'], body: string) => {
    const sink = await open(name);
    await sink.write(Buffer.from(body, 'utf8'));
    written.push({ name, title, format, ...(await sink.close()) });
  };
  await text(
    'datapackage.json',
    '数据包描述（给电脑程序读的每列说明，国际通用格式）',
    'json',
    `${JSON.stringify(buildDescriptor(scope, written, omitted ? [last] : []), null, 2)}\n`,
  );
  await text('README.md', '数据说明（每一列的含义）', 'md', buildReadme(scope, written.slice(0, -1), omitted ? [last] : []));
  return written;
}

/** The sheet 说明 that stands for the entries' sheet in a county workbook too large to carry them: where they are instead. */
function omittedSheet(written: readonly WrittenFile[], table: string, entries: number, most: number): SheetSource {
  const rows: Cell[][] = [
    [`全县财务收支明细共 ${entries} 笔，超过本工作簿能容纳的 ${most} 笔，没有放进本工作簿。`],
    ['每一笔都在下面的 CSV 文件里（用 Excel 或 WPS 打开），按年份分文件，文件太大时再分为几部分；在网站的“开放数据”页面下载：'],
    ...written.filter((f) => f.table === table).map((f): Cell[] => [f.name]),
    ['本工作簿的“期间汇总”表有每个账期的收入、支出合计。'],
  ];
  const extent = emptyExtent();
  measureRows(extent, rows);
  return {
    name: OMITTED_SHEET,
    fields: [{ name: '说明', title: '说明', description: '收支明细在哪些文件里。', type: 'string' }],
    rows: () => rows,
    extent,
  };
}

/** The name of the sheet that says where the entries are when the county workbook leaves them out. */
const OMITTED_SHEET = '说明';

/** A segment of `table`'s sheet per part, unkeyed (nothing kept to take over). */
function* segmentsOf(parts: Iterable<VillageDataPart>, table: string): Generator<RowSegment> {
  for (const part of parts) yield { key: '', rows: () => part.sheet(table) };
}

/** Adds to `extent` (a sheet's rows so far) what `measureRows` found in the rows that follow them: the same as measuring them all. */
function addExtent(extent: RowExtent, next: RowExtent): void {
  if (next.lastRow > 0) extent.lastRow = extent.rows + next.lastRow;
  extent.rows += next.rows;
  extent.maxCol = Math.max(extent.maxCol, next.maxCol);
}

/**
 * Every file of a scope in memory, the descriptor and README last (they describe the others).
 * `parts` are the scope's villages' parts of every table, in the order of `scope.villages` (made
 * here unless given).
 */
export async function buildDataFiles(
  scope: DataScope,
  parts: readonly VillageDataPart[] = scope.villages.map((village) =>
    buildVillageDataPart({ county: scope.county, village, findings: scope.findings.get(village.id) ?? [] }),
  ),
  keepWorkbook?: (make: () => Promise<Buffer>) => Promise<Buffer>,
): Promise<DataFile[]> {
  const bodies = new Map<string, Buffer>();
  const written = await writeDataFiles(
    scope,
    () => parts,
    (name) => {
      const sink = memorySink();
      return Promise.resolve({
        ...sink,
        close: (as?: string) => {
          const body = sink.bytes();
          bodies.set(as ?? name, body);
          return Promise.resolve({ bytes: body.length, sha256: sha256(body) });
        },
      });
    },
    keepWorkbook,
  );
  // The same description as a file written to disk (the /data/ page lists either the same way), with its bytes.
  return written.map(({ bytes: _bytes, sha256: _sha256, ...f }) => ({ ...f, body: bodies.get(f.name)! }));
}

function schemaOf(t: Table) {
  return {
    $schema: TABLE_SCHEMA_PROFILE,
    fields: getTableFields(t),
    missingValues: [''],
    primaryKey: t.primaryKey,
    ...(t.foreignKeys ? { foreignKeys: t.foreignKeys } : {}),
  };
}

/**
 * The Data Package v2 descriptor of a scope's files. A table written in parts (`DataScope.split`) is one resource
 * whose `path` lists its files in order (a multipart resource: its data is the files one after another, each starting
 * with the header line), with their total `bytes` and no hash. `omitted`: the tables whose sheet the workbook left out.
 */
export function buildDescriptor(scope: DataScope, files: readonly Pick<WrittenFile, 'name' | 'bytes' | 'sha256' | 'table'>[], omitted: readonly string[] = []) {
  const licence = getLicence(scope.county.site.dataLicence);
  const body = (name: string) => files.find((f) => f.name === name)!;
  const tableFiles = (t: Table) => {
    const parts = files.filter((f) => f.table === t.name);
    if (parts.length === 0) return { path: `${t.name}.csv`, bytes: body(`${t.name}.csv`).bytes, hash: `sha256:${body(`${t.name}.csv`).sha256}` };
    if (parts.length === 1) return { path: parts[0]!.name, bytes: parts[0]!.bytes, hash: `sha256:${parts[0]!.sha256}` };
    return { path: parts.map((f) => f.name), bytes: parts.reduce((n, f) => n + f.bytes, 0) };
  };
  const csvDialect = { $schema: TABLE_DIALECT_PROFILE, header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true };
  const newest = getNewestRecordDate(scope.villages);
  return {
    $schema: DATA_PACKAGE_PROFILE,
    name: scope.name,
    title: `${scope.label}村务公开数据`,
    description: `${scope.county.site.title}公开的${scope.label}财务收支、村务公开、会议决议、公示、志愿服务和合规检查数据，${newestZh(newest)}。各列含义见 README.md。`,
    homepage: scope.pageUrl,
    ...(newest ? { version: newest, created: `${newest}T00:00:00+08:00` } : {}),
    licenses: [{ name: licence.id, title: licence.title, ...(licence.url ? { path: licence.url } : {}) }],
    sources: [{ title: scope.county.site.title, path: scope.pageUrl }],
    keywords: ['村务公开', '财务公开', '党务公开'],
    resources: [
      ...TABLES.map((t) => {
        const { path, bytes, hash } = tableFiles(t);
        return {
          name: t.name,
          type: 'table',
          path,
          title: t.title,
          description: Array.isArray(path) ? `${t.description}分为 ${path.length} 个文件（${partsZh(t)}），每个文件第一行都是列名。` : t.description,
          format: 'csv',
          mediatype: 'text/csv',
          encoding: 'utf-8',
          bytes,
          ...(hash ? { hash } : {}),
          dialect: csvDialect,
          schema: schemaOf(t),
        };
      }),
      ...WORKBOOK.sheets
        .filter((s) => !omitted.includes(s.table))
        .map((s) => {
          const t = TABLES.find((x) => x.name === s.table)!;
          const b = body(WORKBOOK.file);
          return {
            name: `${t.name}-xlsx`,
            type: 'table',
            path: WORKBOOK.file,
            title: `${t.title}（Excel 工作表“${s.sheet}”）`,
            format: 'xlsx',
            mediatype: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            bytes: b.bytes,
            hash: `sha256:${b.sha256}`,
            dialect: { $schema: TABLE_DIALECT_PROFILE, sheetName: s.sheet, header: true },
            schema: { ...schemaOf(t), foreignKeys: undefined },
          };
        }),
    ],
  };
}

/** The largest part of a split, in MB as the /data/ page and README say it (20 MB). */
export const getPartSizeZh = (split: NonNullable<DataScope['split']>): string => `${Number((split.maxFileBytes / 1024 / 1024).toFixed(3))} MB`;

/** How a table's county file is split, in words. */
const partsZh = (t: Table) => (t.countyPartsBy ? '按年份分文件，一年的文件太大时再分为几部分' : '文件太大，按顺序分为几部分');

const TYPE_ZH: Record<TableSchemaField['type'], string> = {
  string: '文本',
  integer: '整数',
  number: '数值',
  boolean: '是/否（true/false）',
  date: '日期（YYYY-MM-DD）',
};

/** README.md: what the files are, every column in Chinese, licence and how to cite. */
export function buildReadme(scope: DataScope, files: readonly Pick<WrittenFile, 'name' | 'title' | 'table'>[], omitted: readonly string[] = []): string {
  const licence = getLicence(scope.county.site.dataLicence);
  const lines = [
    `# ${scope.label}村务公开数据`,
    '',
    `来源：${scope.county.site.title}（${scope.pageUrl}），${newestZh(getNewestRecordDate(scope.villages))}。以村务公开栏张贴的纸质公开为准。`,
    '',
    `许可：${licence.title}${licence.url ? `（${licence.url}）` : ''}。引用时请注明：${citation(scope)}`,
    '',
    "CSV 文件为 UTF-8（带 BOM）编码、CRLF 换行，可直接用 Excel 或 WPS 打开；以 = + - @ 开头的文字前加了一个撇号（'），防止被当作公式执行。金额单位为元（最多两位小数），空白表示未填写。datapackage.json 按 Frictionless Data Package v2 描述了每个文件的列、类型、单位、取值范围和主键、外键。",
    '',
    '不含个人信息：不公开个人姓名、身份证号、手机号；个人类公示（低保等）只有人数、金额等法律允许公开的字段，过了网上撤下日期的公示不再包含。',
    '',
    '## 文件',
    '',
    ...files.map((f) => `- \`${f.name}\`：${f.title}`),
    '- `datapackage.json`：数据包描述（Frictionless Data Package v2）',
    '',
    ...(scope.split
      ? [
          `全县的财务收支明细（ledger-entries）按账期所在年份分文件，如 ledger-entries-2025.csv；任何一个文件超过 ${getPartSizeZh(scope.split)} 时再按顺序分为几部分（-1、-2……），每部分第一行都是列名，合起来就是全部数据。各村文件夹里的文件不分。`,
          '',
        ]
      : []),
  ];
  for (const t of TABLES) {
    lines.push(
      `## ${t.name}.csv：${t.title}`,
      '',
      t.description,
      '',
      `主键：${t.primaryKey.join(' + ')}${t.foreignKeys ? `；外键：${t.foreignKeys.map((k) => `${k.fields.join(' + ')} → ${k.reference.resource}.csv`).join('；')}` : ''}`,
      '',
      '| 列名 | 中文名 | 类型 | 说明 |',
      '|---|---|---|---|',
    );
    for (const f of getTableFields(t)) {
      const extra = [
        f.unit === 'CNY' ? '单位：元' : f.unit === 'h' ? '单位：小时' : '',
        f.constraints?.enum ? `取值：${f.constraints.enum.join('、')}` : '',
        f.constraints?.required ? '必填' : '',
      ]
        .filter(Boolean)
        .join('；');
      lines.push(`| ${f.name} | ${f.title} | ${TYPE_ZH[f.type]} | ${f.description.replace(/\|/g, '\\|')}${extra ? `（${extra}）` : ''} |`);
    }
    lines.push('');
  }
  const sheets = WORKBOOK.sheets.filter((s) => !omitted.includes(s.table));
  lines.push(
    `## ${WORKBOOK.file}`,
    '',
    `Excel 工作簿，工作表 ${sheets.map((s) => `“${s.sheet}”（同 ${s.table}.csv）`).join('、')}${omitted.length ? `；收支明细太多，放不进一个工作簿，工作表“${OMITTED_SHEET}”写明它们在哪些 CSV 文件里` : ''}。`,
    '',
  );
  return `${lines.join('\n')}`;
}

/** The data's date in words: the day of its newest record. */
const newestZh = (newest: string | undefined) => (newest ? `最新一条记录的日期是 ${newest}` : '暂无记录');

/** How to cite a scope's data: its version is the date of its newest record. */
export function citation(scope: Pick<DataScope, 'county' | 'label' | 'folderUrl' | 'villages'>): string {
  const newest = getNewestRecordDate(scope.villages);
  return `${scope.county.site.title}：《${scope.label}村务公开数据》（${newest ? `${newest} 版` : '暂无记录'}），${scope.folderUrl}`;
}
