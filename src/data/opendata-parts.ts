/**
 * The villages' open-data parts (src/opendata/files.ts `VillageDataPart`), kept between builds in
 * `<root>/.gongkai-build/opendata-parts/<village>/`. A village's data files and the county's are
 * projections of the same parts, so a one-village update makes only that village's part again and
 * the county files are the other villages' parts read back; on a new day only the dated tables'
 * parts (src/opendata/tables.ts `dated`) are made again.
 *
 * A part is keyed by what its bytes depend on: the village's key from the build context (a digest of
 * its folder, content/site.yaml and the code) and, for the dated tables, the as-of date. The findings
 * of a village depend on nothing else (the same premise the incremental build's page reuse rests on).
 *
 * The privacy gate (src/opendata/privacy-gate.ts) scans a part's CSV lines once, when the part is
 * made, under the name of the village's file; the county file is its header lines and the scanned
 * parts end to end. Every field is quoted, so each line starts and ends with a quote, which is neither
 * a digit nor a separator the scan joins digit groups across: no number can span two parts, and the
 * scan of the county file would find exactly what the scans of its parts found. A part read back was
 * scanned by the same code (the code is in its key).
 */
import { readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createHash } from 'node:crypto';
import { getBuildContext } from '../build/handover.ts';
import { readCacheFile, readCacheJson, reportUnreadableCache, writeCacheFile, type CacheFileSpec } from '../check/cache-file.ts';
import type { County, VillageRecords } from '../check/model.ts';
import type { FeedEntry } from '../opendata/feeds.ts';
import { buildVillageDataPart, WORKBOOK, type EntriesSheet, type VillageDataPart } from '../opendata/files.ts';
import type { KeptSegment, KeptSheet, SegmentStart } from '../opendata/xlsx.ts';
import { assertNoPersonalNumbers } from '../opendata/privacy-gate.ts';
import { TABLES, type Cell, type Finding, type Table } from '../opendata/tables.ts';
import { villagePath } from '../records/registry.ts';
import { dropEarlier, keepVillageJson } from './village-kept.ts';

const UNDATED = TABLES.filter((t) => t.date === undefined);
const DATED = TABLES.filter((t) => t.date !== undefined);
/** The workbook's table whose rows a kept part holds in a file of its own, read only when a workbook is made: the ledger entries. */
const APART = WORKBOOK.sheets.at(-1)!.table;

/** A village's part of every table: made (and scanned) here, or read back from an earlier build. */
export function getVillageDataPart(county: County, village: VillageRecords, findings: readonly Finding[]): VillageDataPart {
  const store = getBuildContext()?.openDataParts;
  const key = store?.keys[village.id];
  const make = (tables: readonly Table[]) => () =>
    buildVillageDataPart({ county, village, findings }, tables, (t, csv) => assertNoPersonalNumbers(`${villagePath(village.id)}/data/${t.name}.csv`, csv));
  const folder = store && key ? join(store.dir, village.id) : undefined;
  const undated = folder ? keptPart(folder, 'rows', key!, UNDATED, make(UNDATED)) : make(UNDATED)();
  const dated = folder ? keptPart(folder, 'dated', `${key!}\0${county.asOf}`, DATED, make(DATED)) : make(DATED)();
  return {
    csv: { ...undated.csv, ...dated.csv },
    years: { ...undated.years, ...dated.years },
    extents: { ...undated.extents, ...dated.extents },
    sheet: (table) => (table in undated.extents ? undated : dated).sheet(table),
  };
}

/**
 * What a kept part's file holds before its CSV bytes (one line of JSON): each table's name and byte length, in the
 * order the bytes follow, the year runs, the sheets' extents and the rows of the workbook's tables but `APART`'s.
 */
interface PartHeader {
  tables: [string, number][];
  years: VillageDataPart['years'];
  extents: VillageDataPart['extents'];
  sheets: Record<string, Cell[][]>;
}

/**
 * The part kept under `kind` and `key` in `folder`, or made and kept (replacing the village's earlier one). Kept as two
 * self-checking cache files (src/check/cache-file.ts: a file cut short or altered is made again): `<kind>-<key>.part`,
 * a line of JSON (`PartHeader`) and the tables' CSV bytes after it, and, for the undated tables, `<kind>-<key>.rows.json`,
 * the ledger entries' rows, read only when a sheet of them is asked for (the county's or the village's workbook made
 * again). The county's files read every village's part: as bytes, they are neither decoded nor parsed.
 */
function keptPart(folder: string, kind: string, key: string, tables: readonly Table[], make: () => VillageDataPart): VillageDataPart {
  const name = `${kind}-${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;
  const file = join(folder, `${name}.part`);
  const apartFile = join(folder, `${name}.rows.json`);
  const spec: CacheFileSpec = { kind: 'opendata-parts', version: 3, key: `${kind}\0${key}` };
  const apartSpec: CacheFileSpec = { kind: 'opendata-parts', version: 3, key: `${kind}\0${APART}\0${key}` };
  const keep = (part: VillageDataPart): VillageDataPart => {
    const header: PartHeader = {
      tables: tables.map((t) => [t.name, part.csv[t.name]!.length]),
      years: part.years,
      extents: part.extents,
      sheets: Object.fromEntries(Object.keys(part.extents).flatMap((t) => (t === APART ? [] : [[t, part.sheet(t)]]))),
    };
    // Written beside and renamed: a killed build or a page worker reading at the same time never sees half a part.
    writeCacheFile(file, spec, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), ...tables.map((t) => part.csv[t.name]!)]));
    if (APART in part.extents) writeCacheFile(apartFile, apartSpec, JSON.stringify(part.sheet(APART)));
    // The village's earlier parts of this kind (another key, or an earlier format: `<kind>-<key>.json`).
    for (const old of readdirSync(folder))
      if (old.startsWith(`${kind}-`) && !old.includes('.tmp-') && old !== basename(file) && old !== basename(apartFile))
        rmSync(join(folder, old), { force: true });
    return part;
  };
  const body = readCacheFile(file, spec);
  const header = body && openPart(body, tables);
  if (!header) {
    if (body) reportUnreadableCache(spec.kind, file, 'not the expected shape');
    return keep(make());
  }
  let offset = body.indexOf(0x0a) + 1;
  const csv: Record<string, Buffer> = {};
  for (const [table, length] of header.tables) csv[table] = body.subarray(offset, (offset += length));
  return {
    csv,
    years: header.years,
    extents: header.extents,
    sheet: (table) => {
      if (table !== APART) return header.sheets[table]!;
      // Its rows kept beside, or (that file missing or damaged) the part made again and kept whole.
      return readCacheJson(apartFile, apartSpec, isRows) ?? keep(make()).sheet(table);
    },
  };
}

/** The header of a kept part's file `body` when it is one of `tables` whose byte lengths add up to the rest of it. */
function openPart(body: Buffer, tables: readonly Table[]): PartHeader | undefined {
  const end = body.indexOf(0x0a);
  if (end < 0) return undefined;
  let header: Partial<PartHeader> | null;
  try {
    header = JSON.parse(body.toString('utf8', 0, end)) as Partial<PartHeader> | null;
  } catch {
    return undefined;
  }
  if (typeof header !== 'object' || header === null || !Array.isArray(header.tables) || header.tables.length !== tables.length) return undefined;
  const lengths = header.tables.reduce(
    (n, entry, i) => (Array.isArray(entry) && entry[0] === tables[i]!.name && Number.isInteger(entry[1]) ? n + entry[1] : NaN),
    0,
  );
  if (lengths !== body.length - end - 1 || typeof header.years !== 'object' || header.years === null) return undefined;
  if (typeof header.extents !== 'object' || header.extents === null || typeof header.sheets !== 'object' || header.sheets === null) return undefined;
  const whole = tables.every(
    (t) =>
      (t.countyPartsBy === undefined || Array.isArray(header.years![t.name])) &&
      (!WORKBOOK_TABLES.has(t.name) || (typeof header.extents![t.name]?.rows === 'number' && (t.name === APART || Array.isArray(header.sheets![t.name])))),
  );
  return whole ? (header as PartHeader) : undefined;
}

const WORKBOOK_TABLES: ReadonlySet<string> = new Set(WORKBOOK.sheets.map((s) => s.table));

const isRows = (value: unknown): value is Cell[][] => Array.isArray(value) && value.every(Array.isArray);

/**
 * A village's feed entries kept between builds in its folder (`feed-<key>.json`, a self-checking cache file), or listed
 * by `make` and kept; listed every time outside a build that keeps parts. The county's feeds take their newest entries
 * from their villages' sorted together (300 villages: listing all of them took 1.2 CPU-s of every build that printed
 * the county's feeds). The privacy gate scans each feed as it is printed (src/data/opendata.ts), so an entry is scanned
 * where it is published, and one too old for any feed is not printed.
 */
export function keepVillageFeedEntries(village: VillageRecords, asOf: string, make: () => FeedEntry[]): FeedEntry[] {
  return keepVillageJson(village, asOf, { prefix: 'feed-', kind: 'feed', version: 4 }, isEntries, make);
}

const isEntries = (value: unknown): value is FeedEntry[] =>
  Array.isArray(value) &&
  value.every(
    (e: Partial<FeedEntry> | null) =>
      typeof e === 'object' &&
      e !== null &&
      typeof e.url === 'string' &&
      typeof e.title === 'string' &&
      typeof e.date === 'string' &&
      typeof e.summary === 'string' &&
      typeof e.kind === 'string' &&
      typeof e.village === 'string' &&
      typeof e.correction === 'boolean',
  );

/**
 * The workbook of a scope (one village's, or the county's of every village) kept between builds, or
 * undefined outside a build that keeps parts. Its bytes depend on the villages' records, site.yaml
 * and the code, which the villages' keys cover, and not on the day (it is dated by its newest record),
 * so a new day reads it back instead of compressing it again. A village's is kept in its folder, the
 * county's beside the folders (`county-*.xlsx`, which scripts/build.ts leaves there); each replaces
 * its earlier one. `split`: what else the county's depends on (its split, src/opendata/files.ts `DataScope.split`).
 */
export function getWorkbookKeeper(
  villages: readonly VillageRecords[],
  county: boolean,
  split = '',
): ((make: () => Promise<Buffer>) => Promise<Buffer>) | undefined {
  const store = getBuildContext()?.openDataParts;
  if (!store || villages.some((v) => store.keys[v.id] === undefined)) return undefined;
  const key = createHash('sha256')
    .update([county ? 'county' : 'village', split, ...villages.map((v) => `${v.id}\0${store.keys[v.id]!}`)].join('\0'))
    .digest('hex')
    .slice(0, 32);
  const folder = county ? store.dir : join(store.dir, villages[0]!.id);
  const prefix = county ? 'county-' : 'xlsx-';
  const file = join(folder, `${prefix}${key}.xlsx`);
  return async (make) => {
    // A self-checking cache file (src/check/cache-file.ts), as the parts are: a workbook cut short or altered is made again.
    const spec: CacheFileSpec = { kind: 'opendata-workbook', version: 1, key };
    const kept = readCacheFile(file, spec);
    if (kept) return kept;
    const body = await make();
    writeCacheFile(file, spec, body);
    dropEarlier(file, prefix, '.xlsx');
    return body;
  };
}

/**
 * The county's feed `file` (feed.xml or feed.json) kept between builds beside the county's workbook
 * (`county-feed-<key>.xml|json`, which scripts/build.ts leaves there), or made and kept; made every time outside a
 * build that keeps parts. Keyed by `identity` (the feed's entries and everything else it prints) and the villages'
 * keys (site.yaml and the code: how it is printed): a new day on which no entry changed reads it back instead of
 * printing and scanning it again. Like a part, the text read back was scanned by the privacy gate when it was made,
 * by the same code.
 */
export function keepCountyFeed(villages: readonly VillageRecords[], file: 'feed.xml' | 'feed.json', identity: string, make: () => string): string {
  const store = getBuildContext()?.openDataParts;
  if (!store || villages.some((v) => store.keys[v.id] === undefined)) return make();
  const h = createHash('sha256').update(`${file}\0`).update(identity);
  for (const v of villages) h.update(`\0${v.id}\0${store.keys[v.id]!}`);
  const key = h.digest('hex').slice(0, 32);
  const ext = file.slice(file.lastIndexOf('.'));
  const path = join(store.dir, `county-feed-${key}${ext}`);
  // A self-checking cache file (src/check/cache-file.ts): a feed cut short or altered is made again.
  const spec: CacheFileSpec = { kind: 'county-feed', version: 1, key };
  const kept = readCacheFile(path, spec);
  if (kept) return kept.toString('utf8');
  const text = make();
  writeCacheFile(path, spec, text);
  dropEarlier(path, 'county-feed-', ext);
  return text;
}

/** The county workbook's entries sheet as the last build wrote it, beside the county's workbook (scripts/build.ts leaves it there). */
export const ENTRIES_SHEET_FILE = 'county-entries.sheet';

/**
 * The county workbook's ledger entries sheet (src/opendata/files.ts `EntriesSheet`) in a build that keeps parts: a
 * segment per village keyed by the village's key (its folder, content/site.yaml and the code), its rows read from its
 * part (`part(index)`) only when its segment is made; the sheet as the last build wrote it read back from
 * `county-entries.sheet`, and this build's kept there in its place. A one-village update then compresses again only
 * the villages from the changed one on (at 300 villages the sheet is 404,000 rows, 16 MB compressed). Undefined
 * outside such a build.
 */
export function getEntriesSheet(villages: readonly VillageRecords[], part: (index: number) => VillageDataPart): EntriesSheet | undefined {
  const store = getBuildContext()?.openDataParts;
  if (!store || villages.some((v) => store.keys[v.id] === undefined)) return undefined;
  const file = join(store.dir, ENTRIES_SHEET_FILE);
  // A self-checking cache file (src/check/cache-file.ts): a file cut short or altered is not taken over.
  const spec: CacheFileSpec = { kind: 'opendata-entries-sheet', version: 1, key: 'county' };
  const kept = () => {
    const body = readCacheFile(file, spec);
    const sheet = body && openEntriesSheet(body);
    if (body && !sheet) reportUnreadableCache(spec.kind, file, 'not the expected shape');
    return sheet || undefined;
  };
  return {
    segments: function* () {
      for (const [i, v] of villages.entries()) yield { key: `${v.id}\0${store.keys[v.id]!}`, rows: () => part(i).sheet(APART) };
    },
    kept,
    keep: (sheet) => {
      const { strings, start, end, segments } = sheet;
      const header = { strings, start, end, segments: segments.map(({ bytes, ...rest }) => ({ ...rest, length: bytes.length })) };
      writeCacheFile(file, spec, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), ...segments.map((x) => x.bytes)]));
    },
  };
}

const isStart = (x: unknown): x is SegmentStart =>
  typeof x === 'object' &&
  x !== null &&
  Number.isInteger((x as SegmentStart).strings) &&
  Number.isInteger((x as SegmentStart).count) &&
  Number.isInteger((x as SegmentStart).row);

/** The kept entries sheet in `body` (a line of JSON, then the segments' bytes end to end), or undefined when it is not one. */
function openEntriesSheet(body: Buffer): KeptSheet | undefined {
  const end = body.indexOf(0x0a);
  if (end < 0) return undefined;
  let header: unknown;
  try {
    header = JSON.parse(body.toString('utf8', 0, end));
  } catch {
    return undefined;
  }
  const h = header as Partial<Omit<KeptSheet, 'segments'>> & { segments?: unknown };
  if (typeof h !== 'object' || h === null || !Array.isArray(h.strings) || !h.strings.every((x) => typeof x === 'string')) return undefined;
  if (!isStart(h.start) || !isStart(h.end) || !Array.isArray(h.segments)) return undefined;
  const segments: KeptSegment[] = [];
  let offset = end + 1;
  for (const x of h.segments as (Omit<KeptSegment, 'bytes'> & { length: number })[]) {
    if (!isStart(x) || typeof x.key !== 'string' || ![x.rows, x.crc, x.size, x.length].every(Number.isInteger)) return undefined;
    const { length, ...rest } = x;
    segments.push({ ...rest, bytes: body.subarray(offset, (offset += length)) });
  }
  return offset === body.length ? { strings: h.strings, start: h.start, end: h.end, segments } : undefined;
}
