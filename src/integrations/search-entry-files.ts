/**
 * The ledger entries of the search input on disk (src/data/search.ts `SearchInput.entriesFiles`): one self-checking
 * cache file (src/check/cache-file.ts, Node's structured-clone format) per village, written a village at a time by the
 * child process that reads the county (scripts/build-county-steps.ts) and read by the search step's bundle that indexes
 * the village's pages (search-index.ts `indexBundle`), in its own worker thread. So the entries, most of the search
 * input and growing with the county, are never all in one process's memory: the build process keeps the documents
 * without them (issue 18, docs/benchmarks.md, session 16: mem16).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { openCacheBody, writeCacheFile, type CacheFileSpec } from '../check/cache-file.ts';
import type { SearchDocument, SearchEntriesFiles, VillageEntries } from '../data/search.ts';

const spec = (key: string): CacheFileSpec => ({ kind: 'search-entries', version: 1, key });

const fileOf = (files: SearchEntriesFiles, villageId: string) => join(files.folder, `${villageId}.v8`);

/** Writes the ledger entries of one village's pages into `files`' folder (whole, renamed into place). */
export function writeVillageEntries(files: SearchEntriesFiles, villageId: string, entries: VillageEntries): void {
  writeCacheFile(fileOf(files, villageId), spec(files.key), serialize(entries));
}

/** Removes the folder of `files` (the search step has read them, or the build failed). */
export function removeEntryFiles(files: SearchEntriesFiles): void {
  rmSync(files.folder, { recursive: true, force: true });
}

/** The entries `writeVillageEntries` wrote for this build; throws for the clerk when the file is missing, damaged or another build's. */
function readVillageEntries(files: SearchEntriesFiles, villageId: string): Map<string, SearchDocument['entries']> {
  const file = fileOf(files, villageId);
  let why: string;
  try {
    const opened = openCacheBody(spec(files.key), readFileSync(file));
    why = 'body' in opened ? '' : 'stale' in opened ? 'written by another build' : opened.damaged;
    const entries: unknown = 'body' in opened ? deserialize(opened.body) : undefined;
    if (Array.isArray(entries)) return new Map(entries as VillageEntries);
    why ||= 'not the expected shape';
  } catch (error) {
    why = (error as NodeJS.ErrnoException).code ?? String(error);
  }
  throw new Error(
    `搜索索引读不到村 ${villageId} 的账目条目（${file}：${why}），请重新构建。 The search index step could not read the ledger entries of village ${villageId} (${file}: ${why}); build again.`,
  );
}

/**
 * `docs` with their ledger entries read from `files` (when given: else as they are), each village's file read once,
 * when its first document comes; documents without entries are returned as they are. Only the villages of `docs` are
 * read: a bundle's, or one page's.
 */
export function withEntriesFrom(files: SearchEntriesFiles | undefined): (doc: SearchDocument) => SearchDocument {
  if (!files) return (doc) => doc;
  const read = new Map<string, Map<string, SearchDocument['entries']>>();
  return (doc) => {
    let own = read.get(doc.village);
    if (!own) read.set(doc.village, (own = readVillageEntries(files, doc.village)));
    const entries = own.get(doc.path);
    return entries ? { ...doc, entries } : doc;
  };
}
