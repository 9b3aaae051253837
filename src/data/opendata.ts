/**
 * The Astro side of open data (src/opendata/): which data files and feeds each page links, their
 * addresses and sizes for the /data/ page, the files' bytes for the endpoints that write them, and
 * the share card (OpenGraph) of a record page. Village files are rendered with the village's pages
 * (so an incremental build reuses the data files of unchanged villages); county files with the
 * county home.
 *
 * In a build (a build context with its staging folder), the county's files are not Astro endpoints:
 * the /data/ page, which lists their sizes, writes them into <staging>/data/ first, once, streamed
 * from the villages' kept parts one village at a time, each under a temporary name renamed when
 * whole (issue 18: Astro holds an endpoint's whole body, and the county's ledger-entries.csv and
 * workbook are the largest files of the site). Without a context (`astro dev`) they are endpoints.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { getBuildContext } from '../build/handover.ts';
import { recordTiming } from '../integrations/timings.ts';
import { tempPath } from '../check/cache-file.ts';
import type { County, VillageRecords } from '../check/model.ts';
import { formatDateZh } from '../lib/dates.ts';
import { DATA_FILE_BYTES } from '../lib/deploy-hosts.ts';
import { getLicence } from '../lib/licences.ts';
import {
  buildAtomFeed,
  buildJsonFeed,
  FEED_LATEST,
  FEED_WINDOW_DAYS,
  getFeedDate,
  getFeedScope,
  listFeedEntries,
  sortFeedEntries,
  type FeedEntry,
  type FeedScope,
} from '../opendata/feeds.ts';
import {
  buildDataFiles,
  citation,
  getCountySplit,
  getPartSizeZh,
  getDataFileDate,
  writeDataFiles,
  WORKBOOK,
  type DataFile,
  type DataScope,
  type FileSink,
  type WrittenFile,
} from '../opendata/files.ts';
import { getFindingsByVillage } from '../opendata/findings.ts';
import { assertNoPersonalNumbers } from '../opendata/privacy-gate.ts';
import { TABLES, type Finding } from '../opendata/tables.ts';
import { getNoticeFacts } from '../records/notice.ts';
import { villagePath } from '../records/registry.ts';
import { getComplianceAssembly } from './compliance.ts';
import { getCheckProblems, getCounty, getStateDate, getVillage, href, rendersVillageFile } from './county.ts';
import { getEntriesSheet, getVillageDataPart, getWorkbookKeeper, keepCountyFeed, keepVillageFeedEntries } from './opendata-parts.ts';
import { getFeedEntriesKey } from './village-kept.ts';
import { getRecordPosterView } from './posters.ts';

/** Every data file name of a scope, in the order the /data/ page lists them. */
export const DATA_FILE_NAMES: readonly string[] = [...TABLES.map((t) => `${t.name}.csv`), WORKBOOK.file, 'datapackage.json', 'README.md'];

/** Site-relative folder of a scope's data: data/ (county) or v/<id>/data/. */
const dataFolder = (villageId?: string) => (villageId ? `${villagePath(villageId)}/data` : 'data');

/** Absolute URL of a site path (site.yaml baseUrl + path). */
export function absoluteUrl(path: string): string {
  const base = getCounty().site.baseUrl.replace(/\/?$/, '/');
  return new URL(path.replace(/^\/+/, ''), base).href;
}

/** Site-relative address of a data file (with the base path; no trailing slash). */
export function dataFileHref(file: string, villageId?: string): string {
  return `${href(dataFolder(villageId))}${file}`;
}

interface FilesCache {
  byScope: Map<string, Promise<DataFile[]>>;
  findings?: Map<string, Finding[]>;
  entries?: Map<string, FeedEntry[]>;
  countyWritten?: Promise<WrittenFile[]>;
}

/** Each county's cache, keyed by the county object: two counties in one process never see each other's files. */
const filesCaches = new WeakMap<County, FilesCache>();

/** This county's cache (the files of each scope, the findings), gone with the county. */
function buildCache(): FilesCache {
  const county = getCounty();
  let cache = filesCaches.get(county);
  if (!cache) filesCaches.set(county, (cache = { byScope: new Map() }));
  return cache;
}

function dataScope(villageId?: string): DataScope {
  const county = getCounty();
  const cache = buildCache();
  const findings = (cache.findings ??= getFindingsByVillage(county, getCheckProblems(), getComplianceAssembly()));
  const village: VillageRecords | undefined = villageId ? getVillage(villageId) : undefined;
  return {
    county,
    villages: village ? [village] : county.villages,
    findings,
    folderUrl: absoluteUrl(`${dataFolder(villageId)}/`),
    pageUrl: absoluteUrl('data/'),
    label: village ? `${village.data.township}${village.data.name}` : `${county.site.province}${county.site.city ?? ''}${county.site.county}`,
    name: village ? `gongkai-${village.id}` : 'gongkai-county',
    // The county's files split to the build's cap (issue 18); a village's stay one file each.
    ...(village ? {} : { split: getCountySplit(getBuildContext()?.dataFileBytes ?? DATA_FILE_BYTES) }),
  };
}

/** What the county's workbook depends on besides its villages: the split (kept workbooks are keyed by it). */
const splitKey = (scope: DataScope) => (scope.split ? JSON.stringify(scope.split) : '');

/**
 * Village scopes whose files stay in memory: the pages write one village's data files one after
 * another, so only the newest are kept (a village asked for again is built again, with the same
 * bytes); the county's stay for the whole build.
 */
const KEPT_VILLAGE_SCOPES = 2;

/** The data files of the county (no id) or of one village, built once per build. */
export function getDataFiles(villageId?: string): Promise<DataFile[]> {
  const cache = buildCache();
  const key = villageId ?? '';
  let files = cache.byScope.get(key);
  if (!files) {
    const scope = dataScope(villageId);
    files = buildDataFiles(
      scope,
      scope.villages.map((v) => getVillageDataPart(scope.county, v, scope.findings.get(v.id) ?? [])),
      getWorkbookKeeper(scope.villages, !villageId, splitKey(scope)),
    );
    cache.byScope.set(key, files);
    const villages = [...cache.byScope.keys()].filter((k) => k !== '');
    for (const old of villages.slice(0, Math.max(0, villages.length - KEPT_VILLAGE_SCOPES))) cache.byScope.delete(old);
  }
  return files;
}

/** The staging folder of this build, where the county's data files are written by the /data/ page; none in `astro dev`. */
const countyFilesDir = (): string | undefined => {
  const outDir = getBuildContext()?.outDir;
  return outDir ? join(outDir, dataFolder()) : undefined;
};

/** Bytes a file sink gathers before it writes them (the pieces given it are a village's CSV rows, zlib's 16 KB). */
const SINK_BATCH = 1 << 20;

/**
 * A file `name` of folder `dir`, written under a temporary name and renamed when closed (to `name`, or
 * the name `close` is given), never seen half-written, in writes of about 1 MB (`SINK_BATCH`: the pieces are copied into one buffer); its
 * SHA-256 taken as it is written, or read back when a zip header was written over its placeholder.
 * `scan`: the text the privacy gate reads (a CSV's header line, a JSON or Markdown file whole; a
 * CSV's rows were scanned in their villages' parts).
 */
async function openFileSink(dir: string, name: string, scan: 'first' | 'all' | 'none', count?: { writes: number }): Promise<FileSink> {
  const tmp = tempPath(join(dir, name));
  const site = `${dataFolder()}/${name}`;
  const handle = await open(tmp, 'w');
  const hash = createHash('sha256');
  let length = 0;
  let patched = false;
  let writes = 0;
  const put = async (bytes: Buffer, position: number) => {
    if (count) count.writes += 1;
    for (let done = 0; done < bytes.length;) done += (await handle.write(bytes, done, bytes.length - done, position + done)).bytesWritten;
  };
  // Bytes given but not yet written: they go at `length - batched`.
  let batch: Buffer | undefined;
  let batched = 0;
  const flush = async () => {
    if (batched === 0) return;
    const at = length - batched;
    const bytes = batch!.subarray(0, batched);
    batched = 0;
    await put(bytes, at);
  };
  return {
    async write(bytes) {
      if (scan === 'all' || (scan === 'first' && writes === 0)) assertNoPersonalNumbers(site, bytes.toString('utf8'));
      writes += 1;
      hash.update(bytes);
      if (batched + bytes.length > SINK_BATCH) await flush();
      if (bytes.length >= SINK_BATCH) await put(bytes, length);
      else batched += bytes.copy((batch ??= Buffer.allocUnsafe(SINK_BATCH)), batched);
      length += bytes.length;
    },
    async writeAt(bytes, position) {
      patched = true;
      await flush();
      await put(bytes, position);
    },
    async close(as) {
      await flush();
      await handle.close();
      let sha256: string;
      if (patched) {
        const again = createHash('sha256');
        for await (const chunk of createReadStream(tmp)) again.update(chunk as Buffer);
        sha256 = again.digest('hex');
      } else sha256 = hash.digest('hex');
      await rename(tmp, join(dir, as ?? name));
      return { bytes: length, sha256 };
    },
  };
}

/**
 * The county's data files: in a build, written into the staging folder once (the first call writes
 * them, the villages' parts read one at a time) and described by name, title and size; in `astro dev`,
 * built in memory.
 */
function getCountyDataFiles(): Promise<readonly Pick<WrittenFile, 'name' | 'title' | 'bytes' | 'table' | 'year' | 'part'>[]> {
  const dir = countyFilesDir();
  if (!dir) return getDataFiles().then((files) => files.map((f) => ({ ...f, bytes: f.body.length })));
  const cache = buildCache();
  cache.countyWritten ??= (async () => {
    await mkdir(dir, { recursive: true });
    const scope = dataScope();
    const partOf = (v: VillageRecords) => getVillageDataPart(scope.county, v, scope.findings.get(v.id) ?? []);
    const parts = function* () {
      for (const v of scope.villages) yield partOf(v);
    };
    // Timed for the benchmark (GONGKAI_TIMINGS): the stage's time and CPU, what it wrote and in how many writes.
    const started = performance.now();
    const cpu = process.cpuUsage();
    const count = { writes: 0 };
    const written = await writeDataFiles(
      scope,
      parts,
      (name) => openFileSink(dir, name, name.endsWith('.csv') ? 'first' : name.endsWith('.xlsx') ? 'none' : 'all', count),
      // The county workbook kept from the last build while no village changed (≈ 16 MB compressed at 300 villages).
      getWorkbookKeeper(scope.villages, true, splitKey(scope)),
      // The entries sheet's villages compressed by the last build, taken over up to the first that changed.
      getEntriesSheet(scope.villages, (i) => partOf(scope.villages[i]!)),
    );
    const used = process.cpuUsage(cpu);
    recordTiming('county-data-files', performance.now() - started, {
      cpuMs: Math.round((used.user + used.system) / 1000),
      bytes: written.reduce((n, f) => n + f.bytes, 0),
      writes: count.writes,
    });
    return written;
  })();
  return cache.countyWritten;
}

const MEDIA_TYPE: Record<DataFile['format'], string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
};

/** The response of a data-file endpoint. */
export async function dataFileResponse(file: string, villageId?: string): Promise<Response> {
  const f = (await getDataFiles(villageId)).find((x) => x.name === file);
  if (!f) throw new Error(`unknown data file ${file}`);
  // The workbook holds the same cells as the CSV files. A CSV file's rows are the villages' parts,
  // each scanned once when it was made (src/data/opendata-parts.ts): here only its header line.
  if (f.format === 'csv') assertNoPersonalNumbers(`${dataFolder(villageId)}/${file}`, f.body.subarray(0, f.body.indexOf('\r\n') + 2).toString('utf8'));
  else if (f.format !== 'xlsx') assertNoPersonalNumbers(`${dataFolder(villageId)}/${file}`, f.body.toString('utf8'));
  return new Response(new Uint8Array(f.body), { headers: { 'Content-Type': MEDIA_TYPE[f.format] } });
}

/** Static paths of the county's data files: none in a build, where the /data/ page writes them (`getCountyDataFiles`). */
export async function listCountyDataFiles() {
  return countyFilesDir() ? [] : (await getDataFiles()).map((f) => ({ params: { file: f.name } }));
}

/**
 * Static paths of the villages' data files (every village, or the changed ones in an incremental
 * build). On a new day, only the files that depend on the date (src/opendata/files.ts
 * `getDataFileDate`): the compliance findings and the descriptor (which hashes them) every day, the
 * notice tables when a notice of the village changed (a 公示 leaves them the day after its
 * unpublishAfter); the other tables, the workbook and README (dated by the newest record) are the same
 * bytes on any day and are carried over.
 */
export function listVillageDataFiles() {
  return getCounty().villages.flatMap((v) =>
    DATA_FILE_NAMES.filter((file) => rendersVillageFile(v.id, getDataFileDate(file))).map((file) => ({ params: { village: v.id, file } })),
  );
}

/** Static paths of the villages' feeds: on a new day, when a notice of the village changed (src/opendata/feeds.ts `getFeedDate`). */
export function listVillageFeeds() {
  const county = getCounty();
  return county.villages.filter((v) => rendersVillageFile(v.id, getFeedDate(v, county.asOf))).map((v) => ({ params: { village: v.id } }));
}

// ── feeds ────────────────────────────────────────────────────────────────

const feedScope = (villageId?: string): FeedScope => getFeedScope(getCounty(), villageId ? getVillage(villageId) : undefined);

/**
 * The feed entries of the county (no id) or of one village, listed once per build (feeds and share cards): each
 * village's kept between builds (src/data/opendata-parts.ts `keepVillageFeedEntries`), the county's its villages'
 * sorted together.
 */
function getFeedEntries(villageId?: string): FeedEntry[] {
  const entries = (buildCache().entries ??= new Map());
  const key = villageId ?? '';
  let list = entries.get(key);
  if (!list) {
    const scope = feedScope(villageId);
    const asOf = scope.county.asOf;
    list = sortFeedEntries(scope.villages.flatMap((v) => keepVillageFeedEntries(v, asOf, () => listFeedEntries({ ...scope, villages: [v] }))));
    entries.set(key, list);
  }
  return list;
}

/**
 * A feed's text (its newest entries: src/opendata/feeds.ts `selectFeedEntries`), scanned whole by the privacy gate;
 * the county's read back when nothing it prints changed (`keepCountyFeed`).
 */
function getFeed(build: (scope: FeedScope, entries: readonly FeedEntry[]) => string, file: 'feed.xml' | 'feed.json', villageId?: string): string {
  const scope = feedScope(villageId);
  const make = () => {
    const text = build(scope, getFeedEntries(villageId));
    assertNoPersonalNumbers(file === 'feed.xml' ? scope.atomUrl : scope.jsonUrl, text);
    return text;
  };
  return villageId ? make() : keepCountyFeed(scope.villages, file, feedIdentity(scope), make);
}

export const getAtomFeed = (villageId?: string) => getFeed(buildAtomFeed, 'feed.xml', villageId);
export const getJsonFeed = (villageId?: string) => getFeed(buildJsonFeed, 'feed.json', villageId);

/**
 * Everything the county's feeds print besides the code and site.yaml: their addresses and titles, their entries (by
 * each village's entries' key, `getFeedEntriesKey`, so a feed kept is read back without listing an entry) and, with
 * no entry (no village with one: src/opendata/feeds.ts `getFeedDate`), the state date they are then dated by
 * (`updatedOf`). Only asked for in a build that keeps parts, where every village has a key.
 */
function feedIdentity(scope: FeedScope): string {
  const asOf = scope.county.asOf;
  const none = scope.villages.every((v) => getFeedDate(v, asOf) === 'as-of');
  const keys = scope.villages.map((v) => getFeedEntriesKey(v, asOf) ?? '');
  return JSON.stringify([scope.title, scope.homeUrl, scope.atomUrl, scope.jsonUrl, scope.dataUrl, scope.county.site.title, none ? getStateDate() : '', keys]);
}

export interface FeedLink {
  title: string;
  atom: string;
  json: string;
}

/** The feeds a page announces in its head: the county's, and the village's on its pages. */
export function getFeedLinks(villageId?: string): FeedLink[] {
  const county = getCounty();
  const countyFeeds = { title: `${county.site.title} 更新`, atom: `${href('')}feed.xml`, json: `${href('')}feed.json` };
  if (!villageId) return [countyFeeds];
  const v = getVillage(villageId);
  return [{ title: `${v.data.name} 更新`, atom: `${href(villagePath(villageId))}feed.xml`, json: `${href(villagePath(villageId))}feed.json` }, countyFeeds];
}

// ── the village board and record pages ───────────────────────────────────

/** What a record page's download box links: the data files of this record's kind, in the village's folder. */
const FILES_OF_KIND = {
  disclosures: ['disclosures.csv', 'disclosure-items.csv'],
  finances: ['ledgers.csv', 'ledger-entries.csv', WORKBOOK.file],
  meetings: ['meetings.csv', 'resolutions.csv'],
  notices: ['notices.csv', 'notice-subjects.csv'],
  volunteers: ['volunteers.csv'],
} as const;

export interface DataLinksView {
  links: { label: string; href: string }[];
  readme: string;
  feeds: { atom: string; json: string };
  dataPage: string;
}

/** A download link's label: what the file holds for a villager, its name beside it (财务收支汇总（每期一行） — ledgers.csv). */
const FILE_TITLES = new Map<string, string>([...TABLES.map((t) => [`${t.name}.csv`, t.title] as const), [WORKBOOK.file, WORKBOOK.title]]);
const fileLabel = (file: string): string => (FILE_TITLES.has(file) ? `${FILE_TITLES.get(file)} — ${file}` : file);

export function getRecordDataLinks(villageId: string, folder: keyof typeof FILES_OF_KIND): DataLinksView {
  return {
    links: FILES_OF_KIND[folder].map((f) => ({
      label: fileLabel(f),
      href: dataFileHref(f, villageId),
    })),
    readme: dataFileHref('README.md', villageId),
    feeds: { atom: `${href(villagePath(villageId))}feed.xml`, json: `${href(villagePath(villageId))}feed.json` },
    dataPage: href('data'),
  };
}

export function getVillageDataLinks(villageId: string): DataLinksView {
  return {
    links: [
      ...DATA_FILE_NAMES.filter((f) => f.endsWith('.csv') || f.endsWith('.xlsx')).map((f) => ({
        label: fileLabel(f),
        href: dataFileHref(f, villageId),
      })),
      { label: 'datapackage.json（给电脑程序读的说明）', href: dataFileHref('datapackage.json', villageId) },
    ],
    readme: dataFileHref('README.md', villageId),
    feeds: { atom: `${href(villagePath(villageId))}feed.xml`, json: `${href(villagePath(villageId))}feed.json` },
    dataPage: href('data'),
  };
}

export interface ShareCard {
  title: string;
  description: string;
  url: string;
  image?: string;
}

/**
 * OpenGraph card of a record page: its title, the same one-sentence summary its feed item carries,
 * and the poster's first-sheet preview when the poster is published.
 */
export function getShareCard(villageId: string, folder: keyof typeof FILES_OF_KIND, recordId: string, title: string): ShareCard {
  const v = getVillage(villageId);
  const poster = folder === 'volunteers' ? undefined : getRecordPosterView(villageId, folder, recordId);
  const thumb = poster?.sizes.find((s) => s.preview)?.preview;
  const url = absoluteUrl(`${villagePath(villageId)}/${folder}/${recordId}/`);
  const entry = getFeedEntries(villageId).find((e) => e.url === url);
  // A 公示 whose names have left the web is no longer in the feed; its card says the same as before (its page's head
  // then does not change that day: a new day re-indexes no township, docs/search.md "A new day").
  const notice = folder === 'notices' && !entry ? v.notices.find((n) => n.id === recordId) : undefined;
  return {
    title,
    description: entry?.summary ?? (notice ? getNoticeFacts(notice, v, getCounty()).summary : `${v.data.township}${v.data.name}村务公开`),
    url,
    // The thumbnail's address already carries the base path: resolve it against the origin only.
    ...(thumb ? { image: new URL(thumb, getCounty().site.baseUrl).href } : {}),
  };
}

// ── the /data/ page ──────────────────────────────────────────────────────

const sizeZh = (bytes: number) =>
  bytes < 1024 ? `${bytes} 字节` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function periodOf(villages: readonly VillageRecords[]): string {
  const dates = villages
    .flatMap((v) => [
      ...v.ledgers.map((l) => l.data.publishedAt),
      ...v.disclosures.map((d) => d.data.publishedAt),
      ...v.meetings.map((m) => m.data.date),
      ...v.notices.map((n) => n.data.startDate),
    ])
    .sort();
  return dates.length ? `${formatDateZh(dates[0]!)}至${formatDateZh(dates.at(-1)!)}` : '暂无记录';
}

export interface DataFileRow {
  title: string;
  /** The file, or the table's parts (by year, numbered when a year is split again): each a link with its size. */
  parts: { label: string; name: string; href: string; sizeZh: string }[];
}

/** The county's files as the /data/ page lists them: one row per table (its parts as links, 2024年 2025年 …), one per other file. */
function groupCountyFiles(files: readonly Pick<WrittenFile, 'name' | 'title' | 'bytes' | 'table' | 'year' | 'part'>[]): DataFileRow[] {
  const rows = new Map<string, DataFileRow>();
  for (const f of files) {
    const key = f.table ?? f.name;
    const row = rows.get(key) ?? { title: f.title, parts: [] };
    const label = [f.year ? `${f.year}年` : '', f.part === undefined ? '' : `第${f.part}部分`].join('') || f.name;
    row.parts.push({ label, name: f.name, href: dataFileHref(f.name), sizeZh: sizeZh(f.bytes) });
    rows.set(key, row);
  }
  return [...rows.values()];
}

export async function getDataPageView() {
  const county = getCounty();
  const licence = getLicence(county.site.dataLicence);
  const countyFiles = await getCountyDataFiles();
  const countyScope = dataScope();
  // Each village's files are listed on its own board (its 开放数据下载 section, `#data`): here one link per village,
  // grouped by township, so the page stays small however many villages the county has (issue 18: 582 KB at 300
  // villages when every village's nine files and feeds were listed here).
  const townships = new Map<string, { name: string; href: string }[]>();
  for (const v of county.villages) {
    const list = townships.get(v.data.township) ?? [];
    list.push({ name: v.data.name, href: `${href(villagePath(v.id))}#data` });
    townships.set(v.data.township, list);
  }
  return {
    county: countyScope.label,
    asOfZh: formatDateZh(getStateDate()),
    licence,
    citation: citation(countyScope),
    period: periodOf(county.villages),
    files: groupCountyFiles(countyFiles),
    partSizeZh: getPartSizeZh(countyScope.split!),
    feeds: getFeedLinks()[0]!,
    /** What a feed carries (src/opendata/feeds.ts `selectFeedEntries`). */
    feedBound: { latest: FEED_LATEST, windowDays: FEED_WINDOW_DAYS },
    villageCount: county.villages.length,
    townships: [...townships].map(([name, villages]) => ({ name, villages })),
  };
}
