/**
 * The ledgers as an Excel workbook: one sheet per table, the same columns as the CSV files, money as
 * numbers with two decimals, a bold frozen header row whose cells carry each column's description as
 * a note. Deterministic: the workbook's dates are the date of its newest record and the zip entries' time
 * stamps are fixed, so the same ledgers give the same bytes.
 *
 * The parts are written here as strings, byte for byte what exceljs 4.4 writes for the same workbook
 * and in its order (test/unit/opendata-xlsx.test.ts builds each workbook both ways, compares the parts
 * and reads ours back with exceljs), and zipped by src/opendata/zip.ts with Node's zlib. exceljs's
 * object model (a style lookup per cell, an XML stream per part) took two fifths of the page
 * generation's CPU; these strings take a tenth of that, and zlib compresses them in about a quarter
 * of the time JSZip's JavaScript deflate took.
 *
 * A sheet given in segments (`SegmentedSheetSource`: the ledger entries, a segment per village) is compressed a segment
 * at a time (src/opendata/zip.ts `DeflatedPieces`), and the segments an earlier build compressed (`KeptSheet`) are
 * written again as they are up to the first that differs: a segment's cells depend on its rows, its first row's number
 * and the shared strings before it, which are the same while every segment before it is. For that its texts are
 * numbered into the shared strings before any other sheet's (exceljs numbers them in sheet order; a new ledger's row in
 * 期间汇总 adds a text, its address, which would move every number after it): the one way these workbooks differ from
 * exceljs's, the same cells with the same texts (test/unit/opendata-xlsx.test.ts). A workbook is the same bytes whether
 * its segments were made or taken over.
 */
import type { Cell } from './tables.ts';
import type { TableSchemaField } from './table-schema.ts';
import { THEME_XML } from './xlsx-theme.ts';
import { deflatePiece, memorySink, ZipWriter, type ByteSink, type DeflatedPiece, type EntryContent } from './zip.ts';

export interface Sheet {
  name: string;
  fields: readonly TableSchemaField[];
  rows: readonly (readonly Cell[])[];
}

/**
 * A sheet whose rows are read when its part is written (`rows()`, called once), e.g. from the villages'
 * kept parts one village at a time, so the whole sheet is never held. `extent`, if given, is what
 * `measureRows` found for the same rows (the sheet's <dimension> comes before them); else the rows
 * are read twice.
 */
export interface SheetSource {
  name: string;
  fields: readonly TableSchemaField[];
  rows: () => Iterable<readonly Cell[]> | AsyncIterable<readonly Cell[]>;
  extent?: RowExtent;
}

/** A sheet's rows in segments (e.g. a village's each), keyed by what their rows depend on. */
export interface RowSegment {
  key: string;
  rows: () => Iterable<readonly Cell[]>;
}

/**
 * A sheet whose rows come in segments, each compressed apart; `kept`: the same sheet as an earlier build wrote it, whose
 * segments are taken over up to the first that differs; `keep`: given this sheet's segments once it is written.
 */
export interface SegmentedSheetSource {
  name: string;
  fields: readonly TableSchemaField[];
  /** Read once, in order, as the sheet is written. */
  segments: Iterable<RowSegment>;
  extent: RowExtent;
  kept?: KeptSheet;
  keep?: (sheet: KeptSheet) => void;
}

/** Where a segment started: the shared strings so far (distinct, and cells that used one) and its first row's number. */
export interface SegmentStart {
  strings: number;
  count: number;
  row: number;
}

/** A segment as written: its key, where it started, its number of rows, and its compressed bytes. */
export interface KeptSegment extends DeflatedPiece, SegmentStart {
  key: string;
  rows: number;
}

/** A segmented sheet as a build wrote it (`SegmentedSheetSource.keep`). */
export interface KeptSheet {
  /** The shared strings when the sheet ended; the table when any segment started is a prefix of it. */
  strings: string[];
  /** Where the first segment started (after the sheet's header row) and where the last ended. */
  start: SegmentStart;
  end: SegmentStart;
  segments: KeptSegment[];
}

/** What a sheet's <dimension> needs of its data rows: their count, the last with a value (1-based), the rightmost value. */
export interface RowExtent {
  rows: number;
  lastRow: number;
  maxCol: number;
}

export const emptyExtent = (): RowExtent => ({ rows: 0, lastRow: 0, maxCol: 0 });

/** Adds `rows` (the next data rows of a sheet) to `extent`. */
export function measureRows(extent: RowExtent, rows: Iterable<readonly Cell[]>): void {
  for (const row of rows) {
    extent.rows += 1;
    for (let i = row.length - 1; i >= 0; i -= 1)
      if (row[i] !== '') {
        extent.lastRow = extent.rows;
        if (i + 1 > extent.maxCol) extent.maxCol = i + 1;
        break;
      }
  }
}

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

const ESCAPE: Readonly<Record<number, string>> = { 34: '&quot;', 38: '&amp;', 39: '&apos;', 60: '&lt;', 62: '&gt;', 127: '' };

/** Text and attributes as exceljs escapes them: the five XML specials; control characters but tab, LF and CR are dropped. */
function xmlEncode(text: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    const escape = ESCAPE[c] ?? (c <= 8 || (c >= 11 && c <= 31 && c !== 13) ? '' : undefined);
    if (escape === undefined) continue;
    out += text.slice(last, i) + escape;
    last = i + 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** A text run's <t>, with xml:space="preserve" where exceljs sets it. */
const textNode = (s: string) => `<t${/^\s|\n|\s$/.test(s) ? ' xml:space="preserve"' : ''}>${xmlEncode(s)}</t>`;

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
function columnName(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** Cell formats (xl/styles.xml cellXfs), numbered in the order exceljs first meets them. */
class Styles {
  private readonly ids = new Map<string, number>([['', 0]]);
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  /** Style id of money (`#,##0.00`, built-in format 4) and/or bold (font 1); 0 for neither. */
  id(money: boolean, bold: boolean): number {
    const key = `${money ? 'm' : ''}${bold ? 'b' : ''}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.xfs.length;
      this.ids.set(key, id);
      this.xfs.push(
        `<xf numFmtId="${money ? 4 : 0}" fontId="${bold ? 1 : 0}" fillId="0" borderId="0" xfId="0"${money ? ' applyNumberFormat="1"' : ''}${bold ? ' applyFont="1"' : ''}/>`,
      );
    }
    return id;
  }
  xml(): string {
    return (
      `${HEAD}<styleSheet xmlns="${MAIN_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac x16r2" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main">` +
      '<fonts count="2" x14ac:knownFonts="1"><font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font><font><b/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext><ext uri="{9260A510-F301-46a8-8635-F512D64BE5F5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:timelineStyles defaultTimelineStyle="TimeSlicerStyleLight1"/></ext></extLst></styleSheet>'
    );
  }
}

/** The shared strings table (xl/sharedStrings.xml): each distinct text once, in order of first use. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly values: string[] = [];
  private count = 0;
  add(s: string): number {
    this.count += 1;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.values.length;
      this.index.set(s, i);
      this.values.push(s);
    }
    return i;
  }
  /** Where the table stands: its distinct strings and the cells that used one. */
  state(): { strings: number; count: number } {
    return { strings: this.values.length, count: this.count };
  }
  /** Whether the table's strings are the first of `list`. */
  startsWith(list: readonly string[]): boolean {
    return this.values.length <= list.length && this.values.every((v, i) => v === list[i]);
  }
  /** The strings so far; the table keeps growing (copy to keep). */
  list(): readonly string[] {
    return this.values;
  }
  /** Makes the table the first `strings` of `list` (a table this one was, `startsWith`, grown further), used by `count` cells. */
  resetTo(list: readonly string[], strings: number, count: number): void {
    for (let i = this.values.length; i < strings; i += 1) {
      this.index.set(list[i]!, i);
      this.values.push(list[i]!);
    }
    this.count = count;
  }
  *xml(): Generator<string> {
    yield `${HEAD}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.values.length}">`;
    let piece = '';
    for (const s of this.values) {
      piece += `<si>${textNode(s)}</si>`;
      if (piece.length >= PIECE) {
        yield piece;
        piece = '';
      }
    }
    yield `${piece}</sst>`;
  }
}

const columnWidth = (f: TableSchemaField) => Math.max(10, f.title.length * 2 + 4);

/** <cols>: neighbouring columns of the same width and format share one element. */
function colsXml(fields: readonly TableSchemaField[], styles: Styles): string {
  const cols: { min: number; max: number; width: number; money: boolean }[] = [];
  fields.forEach((f, i) => {
    const width = columnWidth(f);
    const money = f.unit === 'CNY';
    const last = cols.at(-1);
    if (last && last.width === width && last.money === money) last.max = i + 1;
    else cols.push({ min: i + 1, max: i + 1, width, money });
  });
  return `<cols>${cols
    .map((c) => `<col min="${c.min}" max="${c.max}" width="${c.width}"${c.money ? ` style="${styles.id(true, false)}"` : ''} customWidth="1"/>`)
    .join('')}</cols>`;
}

/** Rows are handed to the compressor in pieces of about this many characters. */
const PIECE = 1 << 16;

/** Numbers the cell formats a sheet uses in the order its part meets them (`sheetHead`, `RowWriter`), as exceljs does. */
function addStyles(fields: readonly TableSchemaField[], styles: Styles): void {
  colsXml(fields, styles);
  styles.id(false, true);
  for (const f of fields) styles.id(f.unit === 'CNY', true);
  if (fields.some((f) => f.unit === 'CNY')) styles.id(true, false);
}

/** A sheet's part up to its header row (the <dimension> from `extent`). */
function sheetHead(s: Pick<SheetSource, 'fields'>, extent: RowExtent, styles: Styles, strings: SharedStrings): string {
  const money = s.fields.map((f) => f.unit === 'CNY');
  const cols = colsXml(s.fields, styles);
  const rowStyle = styles.id(false, true);
  const header = s.fields.map((f, i) => {
    const id = strings.add(f.name);
    return `<c r="${columnName(i + 1)}1" s="${styles.id(money[i]!, true)}" t="s"><v>${id}</v></c>`;
  });
  const lastRow = extent.lastRow > 0 ? extent.lastRow + 1 : s.fields.length > 0 ? 1 : 0;
  const maxCol = Math.max(s.fields.length, extent.maxCol);
  const dimension = lastRow ? `A1:${columnName(maxCol)}${lastRow}` : 'A1';
  return (
    `${HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
    `<dimension ref="${dimension}"/><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15" outlineLevelRow="0" outlineLevelCol="0" x14ac:dyDescent="55"/>${cols}<sheetData>` +
    (s.fields.length > 0 ? `<row r="1" spans="1:${s.fields.length}" s="${rowStyle}" customFormat="1" x14ac:dyDescent="0.25">${header.join('')}</row>` : '')
  );
}

/** A sheet's part after its rows. */
const sheetTail = (s: Pick<SheetSource, 'fields'>) =>
  '</sheetData>' +
  `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup orientation="portrait" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100" fitToWidth="1" fitToHeight="1"/>` +
  `${s.fields.length > 0 ? '<legacyDrawing r:id="rId2"/>' : ''}</worksheet>`;

/** Writes a sheet's data rows as <row> elements, numbered on from the row before (`row`, the header's is 1). */
class RowWriter {
  private readonly money: boolean[];
  private readonly moneyStyle: number;
  constructor(
    fields: readonly TableSchemaField[],
    styles: Styles,
    private readonly strings: SharedStrings,
    public row = 1,
  ) {
    this.money = fields.map((f) => f.unit === 'CNY');
    this.moneyStyle = this.money.some(Boolean) ? styles.id(true, false) : 0;
  }
  xml(row: readonly Cell[]): string {
    const n = (this.row += 1);
    let cells = '';
    row.forEach((c, i) => {
      const ref = `${columnName(i + 1)}${n}`;
      const style = this.money[i] ? ` s="${this.moneyStyle}"` : '';
      if (c === '') {
        if (style) cells += `<c r="${ref}"${style}/>`;
        return;
      }
      if (typeof c === 'number') cells += `<c r="${ref}"${style}><v>${String(c)}</v></c>`;
      else cells += `<c r="${ref}"${style} t="s"><v>${this.strings.add(c)}</v></c>`;
    });
    const spans = row.length > 0 ? ` spans="1:${row.length}"` : '';
    return `<row r="${n}"${spans} x14ac:dyDescent="0.25">${cells}</row>`;
  }
}

async function* sheetXml(s: SheetSource, extent: RowExtent, styles: Styles, strings: SharedStrings): AsyncGenerator<string> {
  yield sheetHead(s, extent, styles, strings);
  const rows = new RowWriter(s.fields, styles, strings);
  let piece = '';
  for await (const row of s.rows()) {
    piece += rows.xml(row);
    if (piece.length >= PIECE) {
      yield piece;
      piece = '';
    }
  }
  if (rows.row - 1 !== extent.rows) throw new Error(`sheet ${s.name}: ${rows.row - 1} rows, but ${extent.rows} were measured`);
  yield piece + sheetTail(s);
}

/**
 * A segmented sheet's part as pieces compressed apart: its head, each segment (taken over from `s.kept` while it and
 * every segment before it are the same, else made), its tail. Gives `s.keep` the segments when done.
 */
function* sheetPieces(s: SegmentedSheetSource, styles: Styles, strings: SharedStrings): Generator<DeflatedPiece> {
  yield deflatePiece(sheetHead(s, s.extent, styles, strings));
  const rows = new RowWriter(s.fields, styles, strings);
  const at = (): SegmentStart => ({ ...strings.state(), row: rows.row + 1 });
  const start = at();
  const kept = s.kept;
  // The kept segments hold while the shared strings before them are the same as when they were written.
  let taking = kept !== undefined && kept.start.strings === start.strings && kept.start.count === start.count && strings.startsWith(kept.strings);
  const segments: KeptSegment[] = [];
  let i = 0;
  for (const segment of s.segments) {
    const old = kept?.segments[i++];
    if (taking && old?.key === segment.key && old.row === rows.row + 1) {
      segments.push(old);
      rows.row += old.rows;
      yield old;
      continue;
    }
    if (taking) {
      // The first segment that differs starts from the shared strings the kept one started from.
      const from = old ?? kept!.end;
      strings.resetTo(kept!.strings, from.strings, from.count);
      taking = false;
    }
    const begun = at();
    let xml = '';
    for (const row of segment.rows()) xml += rows.xml(row);
    segments.push({ key: segment.key, ...begun, rows: rows.row + 1 - begun.row, ...deflatePiece(xml) });
    yield segments.at(-1)!;
  }
  if (taking) {
    // Every segment taken over: the shared strings end where the next kept one began (a village removed at the end:
    // its words go with it), or where the kept sheet ended.
    const next = kept!.segments[i] ?? kept!.end;
    strings.resetTo(kept!.strings, next.strings, next.count);
  }
  if (rows.row - 1 !== s.extent.rows) throw new Error(`sheet ${s.name}: ${rows.row - 1} rows, but ${s.extent.rows} were measured`);
  const end = at();
  s.keep?.({ strings: strings.list().slice(0, end.strings), start, end, segments });
  yield deflatePiece(sheetTail(s));
}

const note = (f: TableSchemaField) => `${f.title}：${f.description}`;

function commentsXml(s: Pick<Sheet, 'fields'>): string {
  const list = s.fields.map((f, i) => `<comment ref="${columnName(i + 1)}1" authorId="0"><text><r>${textNode(note(f))}</r></text></comment>`);
  return `${HEAD}<comments xmlns="${MAIN_NS}"><authors><author>Author</author></authors><commentList>${list.join('')}</commentList></comments>`;
}

function vmlXml(s: Pick<Sheet, 'fields'>): string {
  const shapes = s.fields.map(
    (_, i) =>
      `<v:shape id="_x0000_s${1025 + i}" type="#_x0000_t202" style="position:absolute; margin-left:105.3pt;margin-top:10.5pt;width:97.8pt;height:59.1pt;z-index:1;visibility:hidden" fillcolor="infoBackground [80]" strokecolor="none [81]" o:insetmode="auto">` +
      '<v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto" inset="1.3mm,1.3mm,2.5mm,2.5mm"><div style="text-align:left"/></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${i + 1}, 6, 0, 14, ${i + 3}, 2, 4, 16</x:Anchor><x:Locked>True</x:Locked><x:AutoFill>False</x:AutoFill><x:LockText>True</x:LockText><x:Row>0</x:Row><x:Column>${i}</x:Column></x:ClientData></v:shape>`,
  );
  return (
    `${HEAD}<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    `${shapes.join('')}</xml>`
  );
}

const relationship = (id: number, type: string, target: string) => `<Relationship Id="rId${id}" Type="${type}" Target="${target}"/>`;
const relationships = (list: readonly string[]) => `${HEAD}<Relationships xmlns="${PKG_REL_NS}">${list.join('')}</Relationships>`;

/** The workbook's bytes. `date` (its newest record's, YYYY-MM-DD) is recorded as its creation date. */
export async function buildWorkbook(sheets: readonly Sheet[], date: string, title: string): Promise<Buffer> {
  const sink = memorySink();
  await writeWorkbook(
    sheets.map((s) => ({ name: s.name, fields: s.fields, rows: () => s.rows })),
    date,
    title,
    sink,
  );
  return sink.bytes();
}

/**
 * Writes the workbook into `sink` part by part, each sheet's rows read as they are compressed: the
 * same bytes as `buildWorkbook` of the same rows, without holding a sheet's text.
 */
export async function writeWorkbook(sheets: readonly (SheetSource | SegmentedSheetSource)[], date: string, title: string, sink: ByteSink): Promise<void> {
  const styles = new Styles();
  const strings = new SharedStrings();
  const extents: RowExtent[] = [];
  for (const s of sheets) {
    let extent = s.extent;
    if (!extent) {
      extent = emptyExtent();
      if ('rows' in s) for await (const row of s.rows()) measureRows(extent, [row]);
    }
    extents.push(extent);
  }
  const noted = sheets.map((s) => s.fields.length > 0);
  const when = `${new Date(`${date}T00:00:00Z`).toISOString().replace(/\.\d{3}Z$/, 'Z')}`;
  const ct = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
  const contentTypes =
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    ct('/xl/workbook.xml', `${CT_SHEET}.sheet.main+xml`) +
    sheets.map((_, i) => ct(`/xl/worksheets/sheet${i + 1}.xml`, `${CT_SHEET}.worksheet+xml`)).join('') +
    ct('/xl/theme/theme1.xml', 'application/vnd.openxmlformats-officedocument.theme+xml') +
    ct('/xl/styles.xml', `${CT_SHEET}.styles+xml`) +
    ct('/xl/sharedStrings.xml', `${CT_SHEET}.sharedStrings+xml`) +
    (noted.some(Boolean) ? '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' : '') +
    sheets.map((_, i) => (noted[i] ? ct(`/xl/comments${i + 1}.xml`, `${CT_SHEET}.comments+xml`) : '')).join('') +
    ct('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    ct('/docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml') +
    '</Types>';
  const officeRels = relationships([
    relationship(1, `${REL_NS}/officeDocument`, 'xl/workbook.xml'),
    relationship(2, `${PKG_REL_NS}/metadata/core-properties`, 'docProps/core.xml'),
    relationship(3, `${REL_NS}/extended-properties`, 'docProps/app.xml'),
  ]);
  const workbookRels = relationships([
    relationship(1, `${REL_NS}/styles`, 'styles.xml'),
    relationship(2, `${REL_NS}/theme`, 'theme/theme1.xml'),
    relationship(3, `${REL_NS}/sharedStrings`, 'sharedStrings.xml'),
    ...sheets.map((_, i) => relationship(4 + i, `${REL_NS}/worksheet`, `worksheets/sheet${i + 1}.xml`)),
  ]);
  const names = sheets.map((s) => xmlEncode(s.name));
  const app =
    `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>` +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${sheets.length}" baseType="lpstr">${names.map((n) => `<vt:lpstr>${n}</vt:lpstr>`).join('')}</vt:vector></TitlesOfParts>` +
    '<Company></Company><Manager></Manager><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>';
  const core =
    `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>gongkai</dc:creator><dc:title>${xmlEncode(title)}</dc:title><dc:subject></dc:subject><dc:description></dc:description><cp:keywords></cp:keywords><cp:category></cp:category><cp:lastModifiedBy>gongkai</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`;
  const workbook =
    `${HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><fileVersion appName="xl" lastEdited="5" lowestEdited="5" rupBuild="9303"/><workbookPr defaultThemeVersion="164011" filterPrivacy="1"/>` +
    `<sheets>${names.map((n, i) => `<sheet sheetId="${i + 1}" name="${n}" state="visible" r:id="rId${4 + i}"/>`).join('')}</sheets><calcPr calcId="171027"/></workbook>`;

  // The cell formats in sheet order; then the segmented sheets' texts numbered first (see above), their segments made
  // (or taken over) and compressed before the other sheets' parts.
  for (const s of sheets) addStyles(s.fields, styles);
  const segmented = new Map<SheetSource | SegmentedSheetSource, DeflatedPiece[]>();
  for (const s of sheets) if ('segments' in s) segmented.set(s, [...sheetPieces(s, styles, strings)]);
  // The parts in the order exceljs adds them (the zip's entries follow it). A sheet's text is made as it
  // is compressed; the shared strings and styles after every sheet, which fills them.
  const parts: [string, EntryContent | (() => EntryContent)][] = [
    ['[Content_Types].xml', contentTypes],
    ['_rels/.rels', officeRels],
    ['xl/_rels/workbook.xml.rels', workbookRels],
  ];
  sheets.forEach((s, i) => {
    const id = i + 1;
    parts.push([`xl/worksheets/sheet${id}.xml`, 'segments' in s ? { pieces: segmented.get(s)! } : () => sheetXml(s, extents[i]!, styles, strings)]);
    if (!noted[i]) return;
    parts.push(
      [
        `xl/worksheets/_rels/sheet${id}.xml.rels`,
        relationships([
          relationship(1, `${REL_NS}/comments`, `../comments${id}.xml`),
          relationship(2, `${REL_NS}/vmlDrawing`, `../drawings/vmlDrawing${id}.vml`),
        ]),
      ],
      [`xl/comments${id}.xml`, commentsXml(s)],
      [`xl/drawings/vmlDrawing${id}.vml`, vmlXml(s)],
    );
  });
  parts.push(
    ['xl/sharedStrings.xml', () => strings.xml()],
    ['xl/theme/theme1.xml', THEME_XML],
    ['xl/styles.xml', () => styles.xml()],
    ['docProps/app.xml', app],
    ['docProps/core.xml', core],
    ['xl/workbook.xml', workbook],
  );
  const zip = new ZipWriter(sink);
  for (const [name, content] of parts) await zip.add(name, typeof content === 'function' ? content() : content);
  await zip.end();
}
