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
import { emptyExtent, measureRows, writeWorkbook, type RowExtent } from './xlsx.ts';
import { memorySink, type ByteSink } from './zip.ts';

export const DATA_PACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';
export const TABLE_SCHEMA_PROFILE = 'https://datapackage.org/profiles/2.0/tableschema.json';
export const TABLE_DIALECT_PROFILE = 'https://datapackage.org/profiles/2.0/tabledialect.json';
/** The ledger tables that also go into the workbook, with their sheet names. */
export const WORKBOOK = {
  file: 'ledgers.xlsx',
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
}

export interface DataFile {
  /** File name in the scope's data folder. */
  name: string;
  title: string;
  format: 'csv' | 'xlsx' | 'json' | 'md';
  body: Buffer;
}

export function getTableFields(t: Table): TableSchemaField[] {
  return t.columns.map(toTableSchemaField);
}

/**
 * One village's share of a scope's files, for some or all of the tables: each table's CSV lines of
 * the village's rows and, for the workbook's tables, the rows themselves. A county file is its header
 * and the villages' parts end to end, so a part can be made once and kept between builds
 * (src/data/opendata-parts.ts).
 */
export interface VillageDataPart {
  /** CSV lines of the village's rows (each ending in CRLF; '' for none), by table name. */
  csv: Record<string, string>;
  /** The village's rows of the workbook's tables, by table name. */
  sheets: Record<string, Cell[][]>;
}

const WORKBOOK_TABLES: ReadonlySet<string> = new Set(WORKBOOK.sheets.map((s) => s.table));

/** The part of one village for `tables` (every table unless given). */
export function buildVillageDataPart(input: TableInput, tables: readonly Table[] = TABLES): VillageDataPart {
  const part: VillageDataPart = { csv: {}, sheets: {} };
  for (const t of tables) {
    const rows = t.rows(input);
    part.csv[t.name] = formatCsvLines(rows);
    if (WORKBOOK_TABLES.has(t.name)) part.sheets[t.name] = rows;
  }
  return part;
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
export interface WrittenFile {
  name: string;
  title: string;
  format: DataFile['format'];
  bytes: number;
  sha256: string;
}

/** A sink for one file: `close()` when everything is written gives its length and SHA-256. */
export type FileSink = ByteSink & { close(): Promise<{ bytes: number; sha256: string }> };

/**
 * Every file of a scope written into the sinks `open` gives, the descriptor and README last (they
 * describe the others). `parts()` gives the scope's villages' parts of every table, in the order of
 * `scope.villages`, one at a time; it is read twice (the CSV files, then the workbook's last sheet),
 * and only the workbook's other sheets' rows (one per ledger) are kept between the two.
 */
export async function writeDataFiles(
  scope: DataScope,
  parts: () => Iterable<VillageDataPart>,
  open: (name: string) => Promise<FileSink>,
  keepWorkbook?: (make: () => Promise<Buffer>) => Promise<Buffer>,
): Promise<WrittenFile[]> {
  const written: WrittenFile[] = [];
  const sinks = await Promise.all(TABLES.map((t) => open(`${t.name}.csv`)));
  const sheetTables = WORKBOOK.sheets.map((s) => s.table);
  const extents = new Map<string, RowExtent>(sheetTables.map((t) => [t, emptyExtent()]));
  const kept = new Map<string, Cell[][]>(sheetTables.slice(0, -1).map((t) => [t, []]));
  await Promise.all(TABLES.map((t, i) => sinks[i]!.write(Buffer.from(`\uFEFF${csvHeaderLine(t)}`, 'utf8'))));
  for (const part of parts()) {
    await Promise.all(TABLES.map((t, i) => (part.csv[t.name] ? sinks[i]!.write(Buffer.from(part.csv[t.name]!, 'utf8')) : Promise.resolve())));
    for (const table of sheetTables) {
      const rows = part.sheets[table]!;
      measureRows(extents.get(table)!, rows);
      kept.get(table)?.push(...rows);
    }
  }
  for (const [i, t] of TABLES.entries()) written.push({ name: `${t.name}.csv`, title: t.title, format: 'csv', ...(await sinks[i]!.close()) });
  const byName = new Map(TABLES.map((t) => [t.name, t]));
  const last = sheetTables.at(-1)!;
  const book = await open(WORKBOOK.file);
  const writeBook = (sink: ByteSink) =>
    writeWorkbook(
      WORKBOOK.sheets.map((s) => ({
        name: s.sheet,
        fields: getTableFields(byName.get(s.table)!),
        rows: s.table === last ? () => rowsOf(parts(), last) : () => kept.get(s.table)!,
        extent: extents.get(s.table)!,
      })),
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
  written.push({ name: WORKBOOK.file, title: '财务收支（Excel 工作簿）', format: 'xlsx', ...(await book.close()) });
  const text = async (name: string, title: string, format: DataFile['format'], body: string) => {
    const sink = await open(name);
    await sink.write(Buffer.from(body, 'utf8'));
    written.push({ name, title, format, ...(await sink.close()) });
  };
  await text('datapackage.json', '数据包描述（给电脑程序读的每列说明，国际通用格式）', 'json', `${JSON.stringify(buildDescriptor(scope, written), null, 2)}\n`);
  await text('README.md', '数据说明（每一列的含义）', 'md', buildReadme(scope, written.slice(0, -1)));
  return written;
}

function* rowsOf(parts: Iterable<VillageDataPart>, table: string): Generator<Cell[]> {
  for (const part of parts) yield* part.sheets[table]!;
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
        close: () => {
          const body = sink.bytes();
          bodies.set(name, body);
          return Promise.resolve({ bytes: body.length, sha256: sha256(body) });
        },
      });
    },
    keepWorkbook,
  );
  return written.map((f) => ({ name: f.name, title: f.title, format: f.format, body: bodies.get(f.name)! }));
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

/** The Data Package v2 descriptor of a scope's files. */
export function buildDescriptor(scope: DataScope, files: readonly Pick<WrittenFile, 'name' | 'bytes' | 'sha256'>[]) {
  const licence = getLicence(scope.county.site.dataLicence);
  const body = (name: string) => files.find((f) => f.name === name)!;
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
        const b = body(`${t.name}.csv`);
        return {
          name: t.name,
          type: 'table',
          path: `${t.name}.csv`,
          title: t.title,
          description: t.description,
          format: 'csv',
          mediatype: 'text/csv',
          encoding: 'utf-8',
          bytes: b.bytes,
          hash: `sha256:${b.sha256}`,
          dialect: csvDialect,
          schema: schemaOf(t),
        };
      }),
      ...WORKBOOK.sheets.map((s) => {
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

const TYPE_ZH: Record<TableSchemaField['type'], string> = {
  string: '文本',
  integer: '整数',
  number: '数值',
  boolean: '是/否（true/false）',
  date: '日期（YYYY-MM-DD）',
};

/** README.md: what the files are, every column in Chinese, licence and how to cite. */
export function buildReadme(scope: DataScope, files: readonly Pick<DataFile, 'name' | 'title'>[]): string {
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
  lines.push(`## ${WORKBOOK.file}`, '', `Excel 工作簿，工作表 ${WORKBOOK.sheets.map((s) => `“${s.sheet}”（同 ${s.table}.csv）`).join('、')}。`, '');
  return `${lines.join('\n')}`;
}

/** The data's date in words: the day of its newest record. */
const newestZh = (newest: string | undefined) => (newest ? `最新一条记录的日期是 ${newest}` : '暂无记录');

/** How to cite a scope's data: its version is the date of its newest record. */
export function citation(scope: Pick<DataScope, 'county' | 'label' | 'folderUrl' | 'villages'>): string {
  const newest = getNewestRecordDate(scope.villages);
  return `${scope.county.site.title}：《${scope.label}村务公开数据》（${newest ? `${newest} 版` : '暂无记录'}），${scope.folderUrl}`;
}
