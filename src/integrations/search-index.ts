/**
 * Post-build step: indexes every record page with Pagefind's Node API into one bundle per township
 * (<site>/pagefind/<id>/, small townships packed together; an unchanged one reused in an incremental
 * build), writes the hub they are merged into (<site>/pagefind/) and the search lexicon with the
 * directory of bundles (pinyin of place names, traditional → simplified, which bundle holds which
 * villages and characters) to <site>/search/ (a core and shards, src/lib/search-shards.ts). Any indexing problem stops the build.
 * See docs/search.md, "Splitting the index by township". Each bundle's word index is then cut into
 * smaller chunks and its ledger entries packed one file per ledger (docs/search.md, "Smaller chunks,
 * fewer files").
 *
 * The pages on disk are not changed. What Pagefind reads is the page with, inside its
 * `data-pagefind-body` (whose filter/meta/sort markers are attributes, src/components/SearchBody.astro): one short heading per ledger entry carrying the
 * id of its row (the tables themselves are `data-pagefind-ignore`: indexing them whole costs
 * gigabytes at county scale), labels of facts parted from their values, and a zero-width space between neighbouring Han characters so each is its own word
 * (see src/lib/search-query.ts for why that makes Chinese search exact). Pagefind is sent only the page's body element,
 * without what it would skip anyway (`pagefindView`).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, freemem } from 'node:os';
import { join, relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Jieba } from '@node-rs/jieba';
import * as pagefind from 'pagefind';
import { readCacheJson, writeCacheFile } from '../check/cache-file.ts';
import type { SearchDocument, SearchEntriesFiles, SearchInput, SearchVillage } from '../data/search.ts';
import {
  buildT2s,
  buildVocabulary,
  choosePins,
  commonWords,
  hanCharacters,
  loadJieba,
  makePlace,
  makeWordCounter,
  readTextWords,
  siteWords,
  type TextWords,
} from '../lib/search-lexicon.ts';
import type { SearchDirectory, SplitLexicon } from '../lib/search-bundles.ts';
import { CHUNK_BYTES, encodeChunk, groupWords, readChunkFiles, readChunkWords, replaceChunkList } from '../lib/search-chunks.ts';
import { amountTail, cutAmountTail } from '../lib/search-amounts.ts';
import { entryPackFile, packEntryChunks, splitLedgerFragment, type EntryAnchor } from '../lib/search-entries.ts';
import {
  shardCount,
  shardLexicon,
  shardVocabulary,
  VOCABULARY_SHARD_BYTES,
  VOCABULARY_SHARDS_MAX,
  vocabularyShardCount,
  type ShardSet,
} from '../lib/search-shards.ts';
import type { SearchVocabulary } from '../lib/search-shards.ts';
import { SEARCH_LANGUAGE } from '../lib/search-synonyms.ts';
import { POSTINGS_FILE } from '../lib/notice-posting.ts';
import { SEARCH_WORD_CHARACTERS, separateHanForIndex } from '../lib/search-query.ts';
import { chooseSearchWorkers, largestFirst } from '../lib/search-workers.ts';
import { DATED_ATTRIBUTE, PERSONAL_DATA_ATTRIBUTE } from '../lib/privacy.ts';
import { replaceFile } from '../build/staging-files.ts';
import { SEARCH_WORKER_YOUNG_MB } from '../build/process-memory.ts';
import { recordTiming } from './timings.ts';
import { withEntriesFrom } from './search-entry-files.ts';
import type { BuildStep, StepContext } from '../build/steps.ts';

/** Bytes of JSON per lexicon shard (about 1 KB gzipped): a first query loads the shards of its characters. */
const LEXICON_SHARD_BYTES = 2500;
/** Files Pagefind writes that the search page does not use (its ready-made UIs and web worker). */
const UNUSED_BUNDLE_FILES = /^pagefind-(ui|modular-ui|component-ui|highlight|worker)\.(js|css)$/;
/** A township bundle is merged into the hub (pagefind/), whose code and WebAssembly it uses: its own copies are not needed. */
const MERGED_BUNDLE_FILES = /^(pagefind\.js|wasm\..*\.pagefind)$/;

const BODY_OPEN = /<([a-z][a-z0-9]*)\b[^>]*\sdata-pagefind-body(?:[\s=][^>]*)?>/i;

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function decodeEntities(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[e]!);
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

/** Index of the tag that closes the element opened at `openEnd` (handles nesting of the same tag). */
function findClose(html: string, tag: string, openEnd: number): number {
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'gi');
  re.lastIndex = openEnd;
  let depth = 1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return m.index;
  }
  return -1;
}

/** Marks the amount tail's element in a prepared page: plainText leaves it out (the lexicon counts what pages say). */
const AMOUNT_TAIL_ATTRIBUTE = 'data-gongkai-amounts';

/**
 * The HTML Pagefind indexes for one record page. Returns undefined when the page has no
 * `data-pagefind-body` element.
 */
export function prepareForIndex(html: string, doc: SearchDocument, withNames = false): string | undefined {
  const open = BODY_OPEN.exec(html);
  if (!open) return undefined;
  const openEnd = open.index + open[0].length;
  const close = findClose(html, open[1]!, openEnd);
  if (close < 0) return undefined;
  // Each ledger entry starts with a heading (its voucher) carrying the id of its row: Pagefind makes the
  // entry a sub-result whose URL opens at the row. Weight 1 (body text): an entry is not a title. The
  // heading is short because Pagefind keeps a heading's text twice (content and anchors).
  const entries = doc.entries
    .map((e) => `<h6 id="${escapeAttr(e.anchor)}" data-pagefind-weight="1">${escapeText(e.voucher)}</h6><p>${escapeText(e.text)}</p>`)
    .join('');
  // Header cells and captions are not sentence breaks for Pagefind; a space keeps excerpts readable.
  // A fact's label and value (<dt>/<dd>) would run together ("会议类型党员大会"): a colon and a full stop part them.
  // Private persons' data (a 公示's list, a person's debt, PERSONAL_DATA_MARKS in src/lib/privacy.ts) is not in
  // Pagefind's copy at all: Pagefind would skip it anyway, and so its rows reach neither the amount tail, nor the
  // lexicon, nor the page's digest. Of a personal 公示's list only its masked names are indexed, while the web shows
  // them, and only in the names bundle (`withNames`, NAMES_BUNDLE).
  const body =
    withoutContentOf(html.slice(openEnd, close), PERSONAL_OPEN)
      .replace(/<\/(th|caption)>/gi, '</$1> ')
      .replace(/<\/dt>/gi, '：</dt>')
      .replace(/([^。；！？.])<\/dd>/gi, '$1。</dd>') +
    (withNames && doc.listed ? doc.listed.map((row) => `<p>${escapeText(row)}</p>`).join('') : '') +
    (entries ? `<div>${entries}</div>` : '');
  // Amounts its sentences state (每人15元), in the form pages print them, after everything else: cut from the stored
  // text after indexing (src/lib/search-amounts.ts, cutAmountTail in moveLedgerEntries).
  const tail = amountTail(decodeEntities(body.replace(/<[^>]+>/g, ' ')));
  // The content of an ignored element that holds nothing Pagefind reads is not separated: Pagefind is never sent it
  // (pagefindView), and the lexicon reads its text without the separators.
  const separate = (part: string) => part.replace(/(^|>)([^<]+)/g, (_, before: string, text: string) => before + separateHanForIndex(text));
  const separated =
    mapContentOf(body, IGNORED_OPEN, (content) => (READ_BY_PAGEFIND.test(content) ? separate(content) : content), separate) +
    (tail ? `<p ${AMOUNT_TAIL_ATTRIBUTE}>${tail}</p>` : '');
  return html.slice(0, openEnd) + separated + html.slice(close);
}

/** A prepared page's text without markup (and without its amount tail), for counting words. */
function plainText(prepared: string): string {
  return decodeEntities(
    prepared
      .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<p data-gongkai-amounts>[^<]*<\/p>/gi, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\u200B/g, ''),
  );
}

/** Opening tags that carry a Pagefind marker (data-pagefind-filter, -meta, -sort, …), wherever they stand in the page. */
const MARKED_TAG = /<[a-z][a-z0-9]*\b[^>]*\sdata-pagefind-[^>]*>/gi;
/** What Pagefind takes from outside the body when no marker names it: the first heading and the first image. */
const FIRST_H1 = /<h1\b[\s\S]*?<\/h1>/i;
const FIRST_IMG = /<img\b[^>]*>/i;

/**
 * A digest of everything a page gives its bundle: what Pagefind reads of the prepared page (its body element, every
 * tag with a Pagefind marker, the first heading and image) and what the lexicon counts (src/lib/search-lexicon.ts:
 * the runs of Han characters and the word stream of its text, its Han characters).
 * Two builds of a page with the same digest give the same bundle and lexicon, whatever else on the page changed
 * (the as-of date in its frame): an incremental build compares digests to keep a bundle whose pages were rendered
 * again (src/records/dated.ts) but read the same.
 */
function digestIndexedPage(prepared: string, words: TextWords, chars: Iterable<string>): string {
  const h = createHash('sha256');
  const open = BODY_OPEN.exec(prepared);
  const close = open ? findClose(prepared, open[1]!, open.index + open[0].length) : -1;
  h.update(withoutIgnored(open && close >= 0 ? prepared.slice(open.index, close) : prepared)).update('\0');
  for (const m of prepared.matchAll(MARKED_TAG)) h.update(m[0]).update('\0');
  h.update(FIRST_H1.exec(prepared)?.[0] ?? '').update('\0');
  h.update(FIRST_IMG.exec(prepared)?.[0] ?? '').update('\0');
  // The word counter reads only the text's runs of Han characters and its word stream (numbers as one mark), so a
  // date or count in the page's frame changes nothing it counts.
  h.update(words.runs.join(' ')).update('\0');
  h.update(words.stream).update('\0');
  h.update([...chars].sort().join(''));
  return h.digest('base64url').slice(0, 22);
}

/** Opening tags of elements Pagefind does not index (data-pagefind-ignore). */
const IGNORED_OPEN = /<([a-z][a-z0-9]*)\b[^>]*\sdata-pagefind-ignore(?:[\s=][^>]*)?>/gi;
/**
 * Opening tags of elements whose content changes with the as-of date (DATED_MARKS in src/lib/privacy.ts: a 公示's state,
 * a list leaving on `unpublishAfter`). Neither indexed nor counted for the lexicon, so a new day on which a 公示 starts or
 * ends, or its names leave, leaves its page reading the same and its bundle is kept.
 */
const DATED_OPEN = new RegExp(`<([a-z][a-z0-9]*)\\b[^>]*\\s${DATED_ATTRIBUTE}(?:[\\s=][^>]*)?>`, 'gi');

/** Opening tags of elements holding private persons' data (PERSONAL_DATA_MARKS in src/lib/privacy.ts, with data-pagefind-ignore="all"). */
const PERSONAL_OPEN = new RegExp(`<([a-z][a-z0-9]*)\\b[^>]*\\s${PERSONAL_DATA_ATTRIBUTE}(?:[\\s=][^>]*)?>`, 'gi');

/**
 * `html` with the content of each element whose opening tag `open` finds (outermost only) replaced by `inside(content)`
 * and every other part by `outside(part)`. Parts are cut at tags, so no text is cut in two.
 */
function mapContentOf(html: string, open: RegExp, inside: (content: string) => string, outside: (part: string) => string = (part) => part): string {
  let out = '';
  let from = 0;
  open.lastIndex = 0;
  for (let m = open.exec(html); m; m = open.exec(html)) {
    const openEnd = m.index + m[0].length;
    const close = findClose(html, m[1]!, openEnd);
    if (close < 0) break;
    out += outside(html.slice(from, openEnd)) + inside(html.slice(openEnd, close));
    from = close;
    open.lastIndex = close;
  }
  return out + outside(html.slice(from));
}

/**
 * `html` without the content of the elements whose opening tags `open` finds (their opening tags stay: a marker on
 * one is still read), except those whose content `keep` says to keep.
 */
function withoutContentOf(html: string, open: RegExp, keep?: (content: string) => boolean): string {
  return mapContentOf(html, open, (content) => (keep?.(content) ? content : ''));
}

/** What Pagefind reads of a page besides its indexed text: a marker (filter, meta, sort, …; an ignored element's own marker aside), the first heading, the first image. */
const READ_BY_PAGEFIND = /<(?:h1|img)\b|\sdata-pagefind-(?!ignore\b)/i;
const HTML_OPEN = /<html\b[^>]*>/i;
const TITLE = /<title\b[^>]*>[^<]*<\/title>/i;

/**
 * The prepared page as it is sent to Pagefind: its `<html>` and `<title>` tags and its data-pagefind-body element,
 * without the content of the data-pagefind-ignore elements inside that hold nothing Pagefind reads (the ledger tables,
 * the poster and log checks: most of a ledger page's bytes). Pagefind indexes none of what is left out, so the bundle is
 * the same, but it parses, and this thread encodes and sends, about a third of the bytes. A page with anything Pagefind
 * reads outside its body element is sent whole.
 */
export function pagefindView(prepared: string): string {
  const open = BODY_OPEN.exec(prepared);
  if (!open) return prepared;
  const openEnd = open.index + open[0].length;
  const close = findClose(prepared, open[1]!, openEnd);
  if (close < 0) return prepared;
  const end = prepared.indexOf('>', close) + 1;
  if (READ_BY_PAGEFIND.test(prepared.slice(0, open.index)) || READ_BY_PAGEFIND.test(prepared.slice(end))) return prepared;
  const body = open[0] + withoutContentOf(prepared.slice(openEnd, close), IGNORED_OPEN, (content) => READ_BY_PAGEFIND.test(content));
  return `<!DOCTYPE html>${HTML_OPEN.exec(prepared)?.[0] ?? '<html>'}<head>${TITLE.exec(prepared)?.[0] ?? ''}</head><body>${body}${prepared.slice(close, end)}</body></html>`;
}

/**
 * `html` without the content of its data-pagefind-ignore elements. Pagefind indexes none of it, so what it holds
 * (a 公示's day count) does not make a page read differently.
 */
function withoutIgnored(html: string): string {
  return withoutContentOf(html, IGNORED_OPEN);
}

/** A record page read and prepared as its bundle indexes it, with its text, Han characters and digest; a problem when it cannot be. */
function readIndexedPage(
  outDir: string,
  doc: SearchDocument,
  withNames = false,
): { prepared: string; text: string; words: TextWords; chars: Set<string>; digest: string } | { problem: string } {
  const file = join(outDir, doc.path, 'index.html');
  if (!existsSync(file)) return { problem: `记录页 ${doc.path} 没有生成。\n  Record page ${doc.path} was not built.` };
  const prepared = prepareForIndex(readFileSync(file, 'utf8'), doc, withNames);
  if (!prepared)
    return {
      problem: `记录页 ${doc.path} 缺少 data-pagefind-body，正文不会被搜索到。\n  Record page ${doc.path} has no data-pagefind-body element, so its content would not be searchable.`,
    };
  // The lexicon counts the page's text but not what changes with the day (DATED_OPEN), and the digest reads the same
  // (a 公示's day count, a marked element, is there only while the 公示 runs).
  const counted = withoutContentOf(prepared, DATED_OPEN);
  const text = plainText(counted);
  const chars = hanCharacters([counted]);
  const words = readTextWords(text);
  return { prepared, text, words, chars, digest: digestIndexedPage(counted, words, chars) };
}

/**
 * Folders of the output that hold no page: the index's own, and the screens' Workbox library, which the kiosk step
 * (beside this one in an incremental build) removes and copies again while the output is walked.
 */
const NO_PAGES = /^(?:pagefind|kiosk\/workbox-v[^/]*)$/;

/** The site's HTML files, except under folders `skip` names (relative paths such as v/maqu). */
export function htmlFiles(dir: string, skip: (rel: string) => boolean, rel = ''): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) return skip(r) || NO_PAGES.test(r) ? [] : htmlFiles(join(dir, e.name), skip, r);
      return e.name.endsWith('.html') ? [join(dir, e.name)] : [];
    })
    .sort();
}

export interface SearchIndexResult {
  pages: number;
  /** Bytes of the written index (pagefind/ plus the lexicon). */
  bytes: number;
  /** Township bundles indexed by this run, and those carried over unchanged from the previous build. */
  indexed: string[];
  reused: string[];
}

/**
 * Record pages below which a township shares its bundle with the next ones (by name): every bundle
 * costs a first query its metadata, filters and at least one index chunk (about 20 KB even for one
 * village), so splitting a small county only adds bytes. A township of 16 villages has about 1,300.
 */
export const BUNDLE_PAGES = 400;

/**
 * Townships grouped into bundles: in name order, each township with at least `minPages` record pages
 * alone (split by village when over `maxPages`, `splitVillages`), smaller ones together until the
 * bundle has `minPages`, never past `maxPages` (a small rest joins the bundle before it when that
 * stays within `maxPages`). A small township is never packed with a big one: their bundle would be
 * over `maxPages` and neither township's own.
 */
export function packTownships(
  townships: readonly string[],
  pagesOf: (township: string) => number,
  minPages = BUNDLE_PAGES,
  maxPages = BUNDLE_MAX_PAGES,
): string[][] {
  const groups: { townships: string[]; pages: number }[] = [];
  let open: { townships: string[]; pages: number } | undefined;
  const order = [...new Set(townships)].sort((a, b) => a.localeCompare(b));
  for (const t of order) {
    const pages = pagesOf(t);
    if (pages >= minPages) {
      groups.push({ townships: [t], pages });
      continue;
    }
    if (open && open.pages + pages > maxPages) {
      groups.push(open);
      open = undefined;
    }
    open ??= { townships: [], pages: 0 };
    open.townships.push(t);
    open.pages += pages;
    if (open.pages >= minPages) {
      groups.push(open);
      open = undefined;
    }
  }
  if (open) {
    const last = groups.at(-1);
    if (last && last.pages < minPages * 2 && last.pages + open.pages <= maxPages) last.townships.push(...open.townships);
    else groups.push(open);
  }
  const first = (g: { townships: string[] }) => Math.min(...g.townships.map((t) => order.indexOf(t)));
  return groups.sort((a, b) => first(a) - first(b)).map((g) => g.townships);
}

/**
 * Most record pages in one bundle: a bigger township is split into groups of neighbouring villages
 * (in the county's order) of about equal size. Metadata, filters and a character's index chunk all
 * grow with the pages of a bundle, and a first query opens at least one: a whole 16-village township
 * (1,367 pages) made 低保's first query 165 KB, its two halves 126 KB (docs/search.md).
 */
export const BUNDLE_MAX_PAGES = 700;

/**
 * Villages (in order) grouped into parts of at most `maxPages` pages, as few as that allows and of about equal size. A
 * village is never split: one with more than `maxPages` pages is a part of its own.
 */
export function splitVillages(villages: readonly { id: string; pages: number }[], maxPages = BUNDLE_MAX_PAGES): string[][] {
  const total = villages.reduce((sum, v) => sum + v.pages, 0);
  const parts = Math.max(1, Math.ceil(total / maxPages));
  if (parts === 1) return [villages.map((v) => v.id)];
  const groups: string[][] = [[]];
  let done = 0;
  let size = 0;
  for (const v of villages) {
    if (groups.at(-1)!.length > 0 && (size + v.pages > maxPages || done + v.pages / 2 > (total * groups.length) / parts)) {
      groups.push([]);
      size = 0;
    }
    groups.at(-1)!.push(v.id);
    done += v.pages;
    size += v.pages;
  }
  return groups;
}

/** A bundle as `planBundles` groups the county: its townships, its villages (in the county's order), its folder's id and its documents. */
export interface PlannedBundle<D> {
  townships: string[];
  villageIds: string[];
  id: string;
  /** The bundle's documents, in the order they were given. */
  docs: D[];
  /** The county's names bundle (NAMES_BUNDLE): the personal 公示 whose lists the web shows, indexed with their masked names. */
  names?: true;
}

/**
 * The folder (under pagefind/) of the county's names bundle: each personal 公示 whose list the web shows, indexed as its
 * township bundle indexes it plus the rows of its list as the page shows them (`SearchDocument.listed`: masked names, amounts, groups). The township bundles never
 * hold a name, so the day a list leaves the web (`unpublishAfter`) re-indexes only this small bundle, and the search
 * page opens it only for a query with a masked name (src/lib/search-bundles.ts chooseBundles): domain rules §4.3 keep
 * names out of the site's search, issues 3 and 12 let a villager find a 公示 by a name on its list while it is posted.
 */
export const NAMES_BUNDLE = 'names';

/**
 * The county's villages grouped into bundles (`packTownships`, a township over `maxBundlePages` split by village,
 * `splitVillages`), from the record pages' count per village: the same grouping wherever it is asked for (the search
 * index step, and the search input of an incremental build, which carries ledger entries only for the bundles it may
 * index again: src/data/search.ts `getSearchInput`).
 */
export function planBundles<D extends Pick<SearchDocument, 'village'>>(
  countyVillages: readonly SearchVillage[],
  docs: readonly D[],
  options: { bundlePages?: number; maxBundlePages?: number } = {},
): PlannedBundle<D>[] {
  const townshipOf = new Map(countyVillages.map((v) => [v.id, v.township]));
  const pagesOf = new Map<string, number>();
  const townshipPages = new Map<string, number>();
  for (const d of docs) {
    pagesOf.set(d.village, (pagesOf.get(d.village) ?? 0) + 1);
    const t = townshipOf.get(d.village);
    if (t !== undefined) townshipPages.set(t, (townshipPages.get(t) ?? 0) + 1);
  }
  const maxPages = options.maxBundlePages ?? BUNDLE_MAX_PAGES;
  // Every bundle holds at most `maxPages` pages: a group over it (a big township) is split by village.
  // Pages are counted and handed to bundles in one pass over the documents (issue 18: filtering every document for each
  // township and each bundle grew with the square of the county, 1.2 CPU-s at 1,000 villages).
  const bundles = packTownships(
    countyVillages.map((v) => v.township),
    (t) => townshipPages.get(t) ?? 0,
    options.bundlePages ?? BUNDLE_PAGES,
    maxPages,
  ).flatMap((townships) => {
    const villages = countyVillages.filter((v) => townships.includes(v.township)).map((v) => ({ id: v.id, pages: pagesOf.get(v.id) ?? 0 }));
    const parts = splitVillages(villages, maxPages);
    return parts.map((ids) => {
      const own = parts.length === 1 ? townships : townships.filter((t) => ids.some((id) => townshipOf.get(id) === t));
      return { townships: own, villageIds: ids, id: bundleId(parts.length === 1 ? townships : [...own, ...ids]), docs: [] as D[] };
    });
  });
  const docsOf = new Map(bundles.flatMap((b) => b.villageIds.map((id) => [id, b.docs] as const)));
  for (const d of docs) docsOf.get(d.village)?.push(d);
  return bundles;
}

/**
 * The villages whose pages an incremental build's search step (`buildSearchIndex`) may read again: those of every bundle
 * (`planBundles`) holding a village of `touched` (rendered again), and of every bundle the previous build did not leave
 * with the same pages (a village added or removed, townships grouped otherwise). `outDir`: the staging folder with the
 * previous build's pagefind/ carried over; `root`: the county folder, whose .gongkai-build/ keeps the bundles' counts.
 */
export function villagesToIndexAgain(
  search: Pick<SearchInput, 'villages' | 'docs'>,
  touched: readonly string[],
  dirs: { outDir: string; root: string },
  options: { bundlePages?: number; maxBundlePages?: number } = {},
): Set<string> {
  const wanted = new Set(touched);
  const pagefindDir = join(dirs.outDir, 'pagefind');
  const countsDir = join(dirs.root, '.gongkai-build', 'search-counts');
  const bundles = planBundles(search.villages, search.docs, options);
  return new Set(bundles.flatMap((b) => (b.villageIds.some((id) => wanted.has(id)) || !keptCounts(b.id, b.docs, pagefindDir, countsDir) ? b.villageIds : [])));
}

/**
 * The word counts kept for bundle `id` (`countsDir`) when the bundle the previous build left in `pagefindDir` is theirs
 * and holds the same pages (`docs`, by path) in this code's layout; undefined when it cannot be reused whatever its
 * pages read now.
 */
function keptCounts(id: string, docs: readonly Pick<SearchDocument, 'path'>[], pagefindDir: string, countsDir: string): BundleCounts | undefined {
  const entryFile = join(pagefindDir, id, 'pagefind-entry.json');
  const countsFile = join(countsDir, `${id}.json`);
  if (!existsSync(entryFile) || !existsSync(countsFile)) return undefined;
  try {
    const counts = readCacheJson(countsFile, countsSpec(id), isBundleCounts);
    if (!counts) return undefined;
    const same = counts.entry === readFileSync(entryFile, 'utf8') && counts.paths.join('\n') === docs.map((d) => d.path).join('\n');
    return same && counts.layout === INDEX_LAYOUT && Array.isArray(counts.occurrences) && Array.isArray(counts.digests) && counts.digests.length === docs.length
      ? counts
      : undefined;
  } catch {
    return undefined;
  }
}

/** A bundle's folder under pagefind/: a short hash of its townships' names (and villages, for part of a township), the same in every build. */
export function bundleId(townships: readonly string[]): string {
  return createHash('sha256').update(townships.join('\n')).digest('hex').slice(0, 10);
}

/**
 * What a bundle's pages contributed to the lexicon, kept next to the build (never published) so an
 * unchanged township is not read again: the bundle it belongs to (its pagefind-entry.json, which
 * names the bundle's content hash), its pages, its word counts and characters.
 */
interface BundleCounts {
  entry: string;
  paths: string[];
  /** Each page's digestIndexedPage, in the order of `paths`: a page rendered again with the same digest keeps the bundle. */
  digests: string[];
  words: [string, number][];
  /** How often each pin word and its pieces stand in the bundle's text (src/lib/search-lexicon.ts choosePins). */
  occurrences: [string, number][];
  chars: string;
  /** `INDEX_LAYOUT` of the bundle: a bundle written by an older layout is indexed again. */
  layout: number;
}

/** A bundle's counts kept in .gongkai-build/search-counts/: a self-checking cache file (src/check/cache-file.ts). */
const countsSpec = (bundle: string) => ({ kind: 'search-counts', version: 1, key: bundle });

function isBundleCounts(value: unknown): value is BundleCounts {
  const c = value as Partial<BundleCounts> | null;
  return (
    typeof c?.entry === 'string' &&
    Array.isArray(c.paths) &&
    Array.isArray(c.digests) &&
    Array.isArray(c.words) &&
    Array.isArray(c.occurrences) &&
    typeof c.chars === 'string' &&
    typeof c.layout === 'number'
  );
}

/** What the build does to Pagefind's output (smaller word chunks, packed ledger entries); raised when that changes, so no bundle of an older layout is reused. */
const INDEX_LAYOUT = 4;

/** Pagefind's smallest index, at pagefind/: the code and WebAssembly every bundle is merged into (see src/lib/search-bundles.ts). */
const HUB_PAGE = '<html lang="zh-cn"><body><main data-pagefind-body><p>gongkaihubxq</p></main></body></html>';

/**
 * Pages sent to Pagefind before its answer to the first of them: its service reads and indexes them strictly in the
 * order sent, so the index is the same, while this thread prepares and encodes the next ones instead of waiting.
 */
const PAGES_IN_FLIGHT = 16;

async function writeBundle(dir: string, pages: Iterable<{ url: string; content: string }>, problems: string[]): Promise<void> {
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'zh-cn', includeCharacters: SEARCH_WORD_CHARACTERS });
    if (!created.index) throw new Error(`Pagefind 无法启动。Pagefind could not start: ${created.errors.join('; ')}`);
    const index = created.index;
    // Each answer becomes its problem (or none); a failure is kept, never left as a rejected promise nobody awaits yet.
    const sent: Promise<{ problem?: string } | { failed: unknown }>[] = [];
    const answer = async () => {
      const r = await sent.shift()!;
      if ('failed' in r) throw r.failed;
      if (r.problem) problems.push(r.problem);
    };
    for (const page of pages) {
      sent.push(
        index.addHTMLFile(page).then(
          (added) =>
            added.errors.length > 0
              ? { problem: `索引 ${page.url} 出错。Indexing ${page.url} failed: ${added.errors.join('; ')}` }
              : added.file.uniqueWords === 0
                ? { problem: `记录页 ${page.url.slice(1)} 的正文是空的。\n  Record page ${page.url.slice(1)} has no text to index.` }
                : {},
          (failed: unknown) => ({ failed }),
        ),
      );
      if (sent.length >= PAGES_IN_FLIGHT) await answer();
    }
    while (sent.length > 0) await answer();
    if (problems.length > 0) return;
    // An incremental build carried the previous bundle over as hard links: write a fresh folder, never into them.
    rmSync(dir, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: dir });
    if (written.errors.length > 0) throw new Error(`写入搜索索引出错。Writing the search index failed: ${written.errors.join('; ')}`);
  } finally {
    // One Pagefind process per bundle: its memory is bounded by the largest township, not the county.
    await pagefind.close();
  }
}

/** One bundle to index: the record pages of `docs`, read from the built site in `outDir`, indexed into `dir`. */
export interface BundleJob {
  outDir: string;
  dir: string;
  docs: SearchDocument[];
  /** The names bundle: its pages are read with their masked names (NAMES_BUNDLE). */
  names?: boolean;
  /** Where the ledger entries of `docs` are, when they carry none (src/data/search.ts `SearchInput.entriesFiles`): read by the thread indexing the bundle. */
  entriesFiles?: SearchEntriesFiles;
}

/** What indexing one bundle gave: what its pages add to the lexicon, or the problems that kept it from being written. */
export interface BundleResult {
  counts?: BundleCounts;
  problems: string[];
}

/**
 * Indexes one bundle: reads and prepares its pages one at a time (never all at once), feeds them to its own Pagefind
 * process and counts their words and characters for the lexicon. `jieba` is loaded once per thread (search-lexicon.ts
 * loadJieba). Runs in a worker thread (search-index-worker.ts) or in the build's thread.
 */
export async function indexBundle(job: BundleJob, jieba: Jieba): Promise<BundleResult> {
  const problems: string[] = [];
  const counter = makeWordCounter(jieba);
  const own = new Set<string>();
  const digests: string[] = [];
  // The names bundle holds 公示 only: no ledger entries to read.
  const withEntries = withEntriesFrom(job.names ? undefined : job.entriesFiles);
  const pages = function* () {
    for (const doc of job.docs) {
      const page = readIndexedPage(job.outDir, withEntries(doc), job.names);
      if ('problem' in page) {
        problems.push(page.problem);
        continue;
      }
      for (const c of page.chars) own.add(c);
      counter.add(page.text, page.words);
      digests.push(page.digest);
      yield { url: `/${doc.path}`, content: pagefindView(page.prepared) };
    }
  };
  const started = performance.now();
  await writeBundle(job.dir, pages(), problems);
  if (problems.length > 0) return { problems };
  const written = performance.now();
  for (const f of readdirSync(job.dir)) if (UNUSED_BUNDLE_FILES.test(f) || MERGED_BUNDLE_FILES.test(f)) rmSync(join(job.dir, f));
  const postings = moveLedgerEntries(job.dir);
  // The notices' periods by result id, beside the index: the search page's 公示状态 filter reads them (src/lib/notice-posting.ts).
  if (Object.keys(postings).length > 0) replaceFile(join(job.dir, POSTINGS_FILE), JSON.stringify(postings));
  rechunkIndex(job.dir);
  recordTiming('search:bundle', written - started, { pages: job.docs.length, entries: performance.now() - written });
  const counts: BundleCounts = {
    entry: readFileSync(join(job.dir, 'pagefind-entry.json'), 'utf8'),
    paths: job.docs.map((d) => d.path),
    digests,
    words: [...counter.pages].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
    occurrences: [...counter.occurrences].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)),
    chars: [...own].sort().join(''),
    layout: INDEX_LAYOUT,
  };
  return { counts, problems };
}

/** Most worker threads that index bundles at the same time, each with its own Pagefind process. */
export const MAX_SEARCH_WORKERS = 4;
/** Memory a worker thread needs free: its Pagefind process reached about 1.25 GB on a bundle of 700 ledger-heavy pages, plus the thread. */
const WORKER_MEMORY = 1.5 * 1024 ** 3;
/**
 * What each bundle indexed at a time adds to the build's process tree, against its memory budget: at 300 villages the
 * build process grew by about 290 MB a thread (jieba, the bundle's pages, its word counts) and each Pagefind process
 * reached 235 MB (docs/benchmarks.md, session 14: mem14).
 */
const WORKER_TREE_BYTES = 550 * 1024 ** 2;
/** Record pages to index below which the build's thread does it alone: starting a thread (and its jieba) costs more than it saves. */
const WORKER_MIN_PAGES = 1000;

/** What a worker thread (search-index-worker.ts) says: it is ready, a bundle's result, or why a bundle failed. */
export type BundleWorkerMessage = { ready: true } | { ok: true; result: BundleResult } | { ok: false; error: string };

/**
 * Indexes the bundles of `jobs` in `workers` worker threads (in this thread when `workers` is 1): each thread takes
 * the next bundle, largest first, when it has finished one, so both cores work until the end and the build's thread stays free for the other
 * post-build steps. The results come back one promise per job, in the order of `jobs`, whatever order they finish in.
 * `close` stops the threads (and their Pagefind processes).
 */
function startIndexing(jobs: readonly BundleJob[], workers: number): { results: Promise<BundleResult>[]; close(): Promise<void> } {
  if (workers <= 1) {
    let jieba: Promise<Jieba> | undefined;
    let previous: Promise<unknown> = Promise.resolve();
    const results = jobs.map((job) => {
      // One bundle after another: Pagefind's Node API has one process per thread. jieba is loaded for the first one.
      const r = previous.then(async () => indexBundle(job, await (jieba ??= loadJieba())));
      previous = r.catch(() => undefined);
      return r;
    });
    for (const r of results) r.catch(() => undefined);
    return { results, close: async () => {} };
  }
  const settle = jobs.map(() => Promise.withResolvers<BundleResult>());
  for (const s of settle) s.promise.catch(() => undefined);
  const threads: Worker[] = [];
  // Largest bundle first: the last one taken is a small one, so neither core waits long for the other at the end.
  const order = largestFirst(jobs.map((job) => job.docs.length));
  let next = 0;
  const fail = (error: Error) => {
    for (const s of settle) s.reject(error);
  };
  for (let t = 0; t < workers; t++) {
    const worker = new Worker(new URL('./search-index-worker.ts', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: SEARCH_WORKER_YOUNG_MB } });
    threads.push(worker);
    let current = -1;
    const take = () => {
      current = next < jobs.length ? order[next++]! : -1;
      if (current >= 0) worker.postMessage(jobs[current]);
    };
    worker.on('message', (msg: BundleWorkerMessage) => {
      if ('ready' in msg) return take();
      if (msg.ok) settle[current]!.resolve(msg.result);
      else settle[current]!.reject(new Error(msg.error));
      return take();
    });
    worker.on('error', (error: Error) => fail(new Error(`搜索索引的工作线程出错。A search index worker thread failed: ${error.message}`)));
    worker.on('exit', (code) => {
      if (current >= 0) fail(new Error(`搜索索引的工作线程意外退出（${code}）。A search index worker thread exited (${code}) while indexing.`));
    });
  }
  return {
    results: settle.map((s) => s.promise),
    close: async () => {
      await Promise.all(threads.map((w) => w.terminate()));
    },
  };
}

const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/**
 * Cuts the amount tail from every fragment that has one (src/lib/search-amounts.ts) and moves the entry lines of
 * every ledger fragment of the bundle in `dir` into a file of its own, in
 * chunks each gzipped apart (src/lib/search-entries.ts): a ledger result's data is then its summary
 * and one chunk of entries, not every entry. Pagefind's fragment is gzipped JSON after a signature;
 * the rewritten one keeps its name, so the index still finds it, and gains the chunks' byte ranges.
 * The ledger's file depends only on its own entries, as its fragment's name does. Returns the posting period of
 * each notice (its meta `posting`) by fragment name, which is the result's id.
 */
function moveLedgerEntries(dir: string): Record<string, string> {
  const postings: Record<string, string> = {};
  const fragments = join(dir, 'fragment');
  if (!existsSync(fragments)) return postings;
  for (const name of readdirSync(fragments).sort()) {
    if (!name.endsWith('.pf_fragment')) continue;
    const file = join(fragments, name);
    const raw = gunzipSync(readFileSync(file));
    if (raw.subarray(0, FRAGMENT_SIGNATURE.length).toString('utf8') !== FRAGMENT_SIGNATURE)
      throw new Error(`Pagefind 片段格式不认识：${file}。Unknown Pagefind fragment format: ${file}`);
    const fragment = JSON.parse(raw.subarray(FRAGMENT_SIGNATURE.length).toString('utf8')) as {
      content: string;
      anchors: EntryAnchor[];
      meta?: Record<string, string>;
    };
    if (typeof fragment.content !== 'string' || !Array.isArray(fragment.anchors))
      throw new Error(`Pagefind 片段格式不认识：${file}。Unknown Pagefind fragment format (no content or anchors): ${file}`);
    const posting = fragment.meta?.['posting'];
    if (posting !== undefined) postings[name.replace(/\.pf_fragment$/, '')] = posting;
    const cut = cutAmountTail(fragment);
    const split = splitLedgerFragment(cut);
    if (split.chunks.length === 0) {
      if (cut !== fragment) replaceFile(file, gzipSync(Buffer.concat([Buffer.from(FRAGMENT_SIGNATURE), Buffer.from(JSON.stringify(cut))]), { level: 9 }));
      continue;
    }
    const id = name.replace(/\.pf_fragment$/, '');
    const { pack, ranges } = packEntryChunks(split.chunks, (data) => gzipSync(data, { level: 9 }));
    mkdirSync(join(dir, 'entries'), { recursive: true });
    replaceFile(join(dir, entryPackFile(id)), pack);
    const fragmentWithRanges = { ...split.fragment, entryRanges: ranges };
    replaceFile(file, gzipSync(Buffer.concat([Buffer.from(FRAGMENT_SIGNATURE), Buffer.from(JSON.stringify(fragmentWithRanges))]), { level: 9 }));
  }
  return postings;
}

/** A Pagefind index file's CBOR: gzipped, after the signature. */
function readPagefindFile(file: string): Buffer {
  const raw = gunzipSync(readFileSync(file));
  if (raw.subarray(0, FRAGMENT_SIGNATURE.length).toString('utf8') !== FRAGMENT_SIGNATURE)
    throw new Error(`Pagefind 索引文件格式不认识：${file}。Unknown Pagefind file format: ${file}`);
  return raw.subarray(FRAGMENT_SIGNATURE.length);
}

function writePagefindFile(file: string, cbor: Uint8Array): void {
  replaceFile(file, gzipSync(Buffer.concat([Buffer.from(FRAGMENT_SIGNATURE), cbor]), { level: 9 }));
}

/**
 * Cuts the word index of the bundle in `dir` into chunks of at most `maxBytes` (src/lib/search-chunks.ts), so a
 * rare word no longer reads the big chunk of the common words beside it. The new chunks and the metadata listing
 * them are named by the hash of their content, and the bundle's entry file (pagefind-entry.json, never cached long)
 * names the new metadata: hosts cache Pagefind's metadata and chunks for a year by name (deploy/nginx), so a name
 * must never come back with other content, as Pagefind's metadata name would after this rewrite.
 */
function rechunkIndex(dir: string, maxBytes = CHUNK_BYTES): void {
  const metaName = readdirSync(dir).find((f) => f.endsWith('.pf_meta'));
  if (!metaName) return;
  const metaFile = join(dir, metaName);
  const meta = readPagefindFile(metaFile);
  const metaHash = metaName.replace(/^pagefind\.|\.pf_meta$/g, '');
  const language = metaHash.replace(/_[0-9a-f]+$/, '');
  const old = readChunkFiles(meta);
  const words = old.flatMap((name) => readChunkWords(readPagefindFile(join(dir, 'index', `${name}.pf_index`))));
  const chunks = groupWords(words, maxBytes).map((group) => {
    const cbor = encodeChunk(group);
    return { cbor, from: group[0]!.word, to: group.at(-1)!.word, hash: createHash('sha256').update(cbor).digest('hex') };
  });
  const taken = new Set<string>();
  const named = chunks.map((c) => {
    let length = 7;
    while (taken.has(c.hash.slice(0, length))) length++;
    taken.add(c.hash.slice(0, length));
    return { ...c, file: `${language}_${c.hash.slice(0, length)}` };
  });
  for (const name of old) rmSync(join(dir, 'index', `${name}.pf_index`));
  for (const c of named) writePagefindFile(join(dir, 'index', `${c.file}.pf_index`), c.cbor);
  const next = replaceChunkList(meta, named);
  const nextHash = `${language}_${createHash('sha256').update(next).digest('hex').slice(0, 13)}`;
  rmSync(metaFile);
  writePagefindFile(join(dir, `pagefind.${nextHash}.pf_meta`), next);
  const entryFile = join(dir, 'pagefind-entry.json');
  const entry = JSON.parse(readFileSync(entryFile, 'utf8')) as { languages: Record<string, { hash: string }> };
  const listing = Object.values(entry.languages).filter((l) => l.hash === metaHash);
  if (listing.length !== 1)
    throw new Error(`Pagefind 的 pagefind-entry.json 没有写明 ${metaName}。Pagefind's pagefind-entry.json does not name ${metaName}: ${entryFile}`);
  listing[0]!.hash = nextHash;
  replaceFile(entryFile, JSON.stringify(entry));
}

function pagefindFiles(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? pagefindFiles(join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name]))
    : [];
}

/**
 * Bytes a bundle costs a query before its first result: its metadata, every filter (Pagefind loads
 * them all to count) and two index chunks of average size (each word, a Han character, reads one; a
 * query is most often a word of two). Since the chunks are small (`rechunkIndex`), one chunk would
 * undercount a query of several characters: two bundles of about 23 KB fit the budget, and a
 * sentence in both read twice its chunks. With it, the average chunk: the search page adds one for every further
 * word a query searches (search-bundles.ts bundleCost), so a sentence opens one bundle first.
 */
function fixedBytes(dir: string): { bytes: number; chunk: number } {
  const files = pagefindFiles(dir);
  const size = (f: string) => statSync(join(dir, f)).size;
  const chunks = files.filter((f) => f.endsWith('.pf_index'));
  const chunk = chunks.length > 0 ? Math.round(chunks.reduce((sum, f) => sum + size(f), 0) / chunks.length) : 0;
  return { bytes: files.filter((f) => f.endsWith('.pf_meta') || f.endsWith('.pf_filter')).reduce((sum, f) => sum + size(f), 0) + 2 * chunk, chunk };
}

/**
 * Builds the index for the site in `ctx.outDir`: one Pagefind bundle per township (pagefind/<id>/),
 * the hub bundle at pagefind/ whose code and WebAssembly the search page merges them into, and
 * the lexicon with the directory of bundles. In an incremental build a township none of whose
 * villages was rendered again keeps its bundle and its cached word counts (`ctx.root`'s
 * .gongkai-build/search-counts/) without a page being read, and so does one whose pages rendered
 * again (all of a touched village's, or only `ctx.incremental.pages`) read as they were indexed. Bundles are indexed in worker threads, two or more at a time
 * (`options.workers`; by default one per core, at most MAX_SEARCH_WORKERS, as many as `ctx.memoryBudget` holds, and
 * none below WORKER_MIN_PAGES pages to index). Throws with every problem found.
 */
export async function buildSearchIndex(
  ctx: Pick<SearchStepContext, 'outDir' | 'search'> & Partial<Pick<SearchStepContext, 'root' | 'incremental' | 'memoryBudget'>>,
  options: { bundlePages?: number; maxBundlePages?: number; workers?: number } = {},
): Promise<SearchIndexResult> {
  // Each part's wall time and this thread's CPU (GONGKAI_TIMINGS): the other post-build steps run in this thread
  // while the step awaits, so only the parts without an await are its own.
  let lapStarted = { wall: performance.now(), cpu: process.threadCpuUsage() };
  const lap = (part: string) => {
    const now = { wall: performance.now(), cpu: process.threadCpuUsage() };
    const cpu = now.cpu.user - lapStarted.cpu.user + now.cpu.system - lapStarted.cpu.system;
    recordTiming(`search:${part}`, now.wall - lapStarted.wall, { cpu: Math.round(cpu / 1000) });
    lapStarted = now;
  };
  const { docs, villages: countyVillages } = ctx.search;
  const known = new Set(docs.map((d) => d.path));
  const problems: string[] = [];
  const touched = ctx.incremental ? new Set(ctx.incremental.villages) : undefined;
  const unchangedVillage = (id: string) => touched !== undefined && countyVillages.some((v) => v.id === id) && !touched.has(id);
  for (const file of htmlFiles(ctx.outDir, (rel) => /^v\/[^/]+$/.test(rel) && unchangedVillage(rel.slice(2)))) {
    const path = relative(ctx.outDir, file)
      .split('\\')
      .join('/')
      .replace(/index\.html$/, '');
    if (!known.has(path) && BODY_OPEN.test(readFileSync(file, 'utf8'))) {
      problems.push(
        `页面 ${path} 有 data-pagefind-body，但不是已知的记录页。请在 src/data/search.ts 的 listSearchDocuments 中登记它，或去掉该属性。\n  Page ${path} has data-pagefind-body but is not a known record page: register it in listSearchDocuments (src/data/search.ts) or remove the attribute.`,
      );
    }
  }

  lap('scan');
  const pagefindDir = join(ctx.outDir, 'pagefind');
  const countsDir = ctx.root ? join(ctx.root, '.gongkai-build', 'search-counts') : undefined;
  const named = docs.filter((d) => d.listed);
  const bundles: PlannedBundle<SearchDocument>[] = [
    ...planBundles(countyVillages, docs, options),
    ...(named.length > 0
      ? [{ townships: [], villageIds: [...new Set(named.map((d) => d.village))], id: NAMES_BUNDLE, docs: named, names: true as const }]
      : []),
  ];
  lap('pack');
  // A page of a touched village was rendered again: all of them, or only the listed ones (its dated pages on a new day).
  const datedPages = new Set((ctx.incremental?.pages ?? []).map((p) => p.replace(/\/+$/, '')));
  const datedVillages = new Set([...datedPages].map((p) => p.split('/')[1]));
  const rendered = (d: SearchDocument) => touched?.has(d.village) && (!datedVillages.has(d.village) || datedPages.has(d.path.replace(/\/+$/, '')));
  // A bundle whose pages are read again needs their ledger entries: an incremental build's input carries them only for
  // the bundles of the villages it rendered (`entriesOf`, src/data/search.ts `getSearchInput`).
  const withEntries = ctx.search.entriesOf ? new Set(ctx.search.entriesOf) : undefined;
  const needEntries = (b: (typeof bundles)[number]) => {
    // The names bundle holds 公示 only: no ledger entries.
    const lacking = withEntries && !b.names && b.villageIds.find((id) => !withEntries.has(id));
    if (lacking)
      throw new Error(
        `搜索索引的输入缺少村 ${lacking} 的账目条目，请用 --full 完整重新构建。 The search input lacks the ledger entries of village ${lacking}, whose bundle ${b.id} is read again: rebuild with --full.`,
      );
  };
  // What the previous build left in pagefind/ (as hard links) is kept only for reused bundles: a bundle none of whose
  // pages was rendered again, or whose pages rendered again read the same as when it was indexed (digestIndexedPage).
  const reusable = (b: (typeof bundles)[number]): BundleCounts | undefined => {
    if (!countsDir || !touched) return undefined;
    const counts = keptCounts(b.id, b.docs, pagefindDir, countsDir);
    if (!counts) return undefined;
    const withEntries = withEntriesFrom(b.names ? undefined : ctx.search.entriesFiles);
    for (const [i, d] of b.docs.entries()) {
      if (!rendered(d)) continue;
      needEntries(b);
      const page = readIndexedPage(ctx.outDir, withEntries(d), b.names);
      if ('problem' in page || page.digest !== counts.digests[i]) return undefined;
    }
    return counts;
  };
  const kept = new Map(
    bundles.flatMap((b) => {
      const counts = reusable(b);
      return counts ? [[b.id, counts] as const] : [];
    }),
  );
  if (existsSync(pagefindDir))
    for (const name of readdirSync(pagefindDir)) if (!kept.has(name)) rmSync(join(pagefindDir, name), { recursive: true, force: true });

  lap('reuse');
  // The lexicon needs the site's words and characters: counted page by page, never every page held at once.
  const words = new Map<string, number>();
  const occurrences = new Map<string, number>();
  const chars = new Set<string>();
  const directory: SearchDirectory = { bundles: [], chars: '' };
  const bundleChars: Set<string>[] = [];
  // Bundles are indexed in parallel and merged here in their order, each as soon as it and those before it are done.
  const jobs = bundles
    .filter((b) => !kept.has(b.id))
    .map((b) => {
      needEntries(b);
      const entriesFiles = ctx.search.entriesFiles;
      return { outDir: ctx.outDir, dir: join(pagefindDir, b.id), docs: b.docs, ...(b.names ? { names: true } : {}), ...(entriesFiles ? { entriesFiles } : {}) };
    });
  const pages = jobs.reduce((sum, job) => sum + job.docs.length, 0);
  const usedBytes = ctx.memoryBudget?.used() ?? 0;
  const workers =
    options.workers ??
    chooseSearchWorkers({
      pages,
      minPages: WORKER_MIN_PAGES,
      bundles: jobs.length,
      cores: availableParallelism(),
      maxWorkers: MAX_SEARCH_WORKERS,
      budgetBytes: ctx.memoryBudget?.bytes ?? Number.POSITIVE_INFINITY,
      usedBytes,
      workerBytes: WORKER_TREE_BYTES,
      freeMemoryWorkers: Math.floor(freemem() / WORKER_MEMORY),
    });
  recordTiming('search:workers', 0, { workers, usedBytes });
  const indexing = startIndexing(jobs, Math.min(jobs.length, workers));
  const results = new Map(jobs.map((job, i) => [job.dir, indexing.results[i]!]));
  try {
    for (const b of bundles) {
      const dir = join(pagefindDir, b.id);
      let counts = kept.get(b.id);
      if (!counts) {
        const r = await results.get(dir)!;
        results.delete(dir);
        problems.push(...r.problems);
        if (!r.counts || problems.length > 0) continue;
        counts = r.counts;
        if (countsDir) writeCacheFile(join(countsDir, `${b.id}.json`), countsSpec(b.id), JSON.stringify(counts));
      }
      // The names bundle's words (the masked names) are not the lexicon's: "did you mean" never suggests a name.
      const own = new Set(b.names ? [] : Array.from(counts.chars));
      if (!b.names) {
        for (const [w, n] of counts.words) words.set(w, (words.get(w) ?? 0) + n);
        for (const [p, n] of counts.occurrences) occurrences.set(p, (occurrences.get(p) ?? 0) + n);
        for (const c of own) chars.add(c);
      }
      bundleChars.push(own);
      // The names bundle's entry says the same whatever names it holds (it is opened outside the budget, and its pages
      // are the township bundles' too), so the directory and the lexicon stay the same when names leave.
      directory.bundles.push(
        b.names
          ? { id: b.id, townships: [], villages: [], pages: 0, bytes: 0, missing: '', names: true }
          : {
              id: b.id,
              townships: b.townships,
              villages: countyVillages.filter((v) => b.villageIds.includes(v.id)).map((v) => v.name),
              pages: b.docs.length,
              ...fixedBytes(dir),
              missing: '',
            },
      );
    }
  } finally {
    await indexing.close();
  }
  lap('bundles');
  if (problems.length > 0) throw new Error(`搜索索引未生成 Search index not built:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  directory.chars = [...chars].sort().join('');
  for (const [i, b] of directory.bundles.entries())
    if (!b.names)
      b.missing = Array.from(directory.chars)
        .filter((c) => !bundleChars[i]!.has(c))
        .join('');
  lap('directory');
  // Pagefind empties the folder it writes to: the hub is written beside pagefind/ and moved in.
  const hubDir = join(ctx.outDir, '.pagefind-hub');
  mkdirSync(pagefindDir, { recursive: true });
  await writeBundle(hubDir, [{ url: '/search/', content: HUB_PAGE }], problems);
  for (const f of readdirSync(hubDir)) if (UNUSED_BUNDLE_FILES.test(f)) rmSync(join(hubDir, f));
  for (const f of readdirSync(hubDir)) renameSync(join(hubDir, f), join(pagefindDir, f));
  rmSync(hubDir, { recursive: true, force: true });
  lap('hub');

  const places = [
    ...countyVillages.map((v) => makePlace(v.name, 'village', [v.id])),
    ...[...new Set(countyVillages.map((v) => v.township))].map((t) => makePlace(t, 'township')),
  ];
  const lexiconWords = siteWords(words);
  const lexicon: SplitLexicon = {
    places,
    t2s: buildT2s(chars),
    words: lexiconWords.join(' '),
    common: commonWords(lexiconWords, words, docs.length).join(' '),
    pins: choosePins(occurrences),
    quarters: [...new Set(docs.flatMap((d) => d.filters.quarter))].sort(),
    pages: docs.length,
    ...SEARCH_LANGUAGE,
    directory,
  };
  const vocabulary = buildVocabulary(
    words,
    places.map((p) => p.name),
  );
  lap('lexicon');
  const bytes = dirBytes(pagefindDir) + writeLexicon(join(ctx.outDir, 'search'), lexicon, vocabulary);
  lap('write');
  return {
    pages: docs.length,
    bytes,
    indexed: [...new Set(bundles.filter((b) => !kept.has(b.id)).flatMap((b) => b.townships))],
    reused: [...new Set(bundles.filter((b) => kept.has(b.id)).flatMap((b) => b.townships))],
  };
}

/**
 * Writes the lexicon and the vocabulary in shards (src/lib/search-shards.ts): each set into a folder named by the hash
 * of its files (`lexicon-<hash>/<n>.json`), then the core (search/lexicon.json) naming both; folders of earlier builds
 * are removed. Returns the bytes written.
 */
function writeLexicon(searchDir: string, lexicon: SplitLexicon, vocabulary: SearchVocabulary): number {
  // The common words come with the shards of their characters without adding shards (with more, a query asks for more files).
  const { common: _common, ...counted } = lexicon;
  const whole = JSON.stringify(counted);
  // Places keyed by the first letter of their pinyin go to shards of their own (about one per LEXICON_SHARD_BYTES of places).
  const count = shardCount(Buffer.byteLength(whole), LEXICON_SHARD_BYTES);
  const latin = shardCount(Buffer.byteLength(JSON.stringify(lexicon.places)), LEXICON_SHARD_BYTES);
  const { core, shards } = shardLexicon(lexicon, count, latin);
  const sets = {
    lexicon: shards.map((x) => JSON.stringify(x)),
    vocabulary: shardVocabulary(vocabulary, vocabularyShardCount(vocabulary, VOCABULARY_SHARD_BYTES, VOCABULARY_SHARDS_MAX)).map((x) => JSON.stringify(x)),
  };
  mkdirSync(searchDir, { recursive: true });
  const named: Record<string, ShardSet> = {};
  for (const [name, files] of Object.entries(sets)) {
    const folder = `${name}-${createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 12)}`;
    named[name] = name === 'lexicon' ? { folder, count, latin } : { folder, count: files.length };
    mkdirSync(join(searchDir, folder), { recursive: true });
    for (const [i, text] of files.entries()) replaceFile(join(searchDir, folder, `${i}.json`), text);
  }
  const coreText = JSON.stringify({ ...core, shards: named });
  replaceFile(join(searchDir, 'lexicon.json'), coreText);
  const kept = new Set([...Object.values(named).map((x) => x.folder), 'lexicon.json']);
  for (const name of readdirSync(searchDir))
    if (!kept.has(name) && /^(lexicon|vocabulary)(-[0-9a-f]+|\.json)$/.test(name)) rmSync(join(searchDir, name), { recursive: true, force: true });
  return Buffer.byteLength(coreText) + Object.values(sets).reduce((sum, files) => sum + files.reduce((n, f) => n + Buffer.byteLength(f), 0), 0);
}

function dirBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (sum, e) => sum + (e.isDirectory() ? dirBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size),
    0,
  );
}

/**
 * What the search index step is given: the step context with the search input (src/data/search.ts `SearchInput`: the
 * villages and every record page's document) in place of the county. scripts/build.ts makes the input from the county,
 * runs the steps that read the county, lets it go and only then starts this one, so the county is not in memory beside
 * the index's threads and Pagefind processes (issue 18).
 */
export type SearchStepContext = Omit<StepContext, 'county'> & {
  search: SearchInput;
  /**
   * The build's memory budget (`--memory-budget`) in bytes and what its processes use now: the bundles indexed at a
   * time are as many as it holds (src/lib/search-workers.ts). Absent: only the cores and free memory count.
   */
  memoryBudget?: { bytes: number; used(): number };
};

export const searchIndexStep: BuildStep<SearchStepContext> = {
  name: '搜索索引 search index',
  async run(ctx) {
    const r = await buildSearchIndex(ctx);
    ctx.log(
      `  ${r.pages} 个记录页已建立索引，共 ${(r.bytes / 1024).toFixed(0)} KB；${r.indexed.length} 个乡镇重新索引，${r.reused.length} 个沿用上次。 Indexed ${r.pages} record pages, ${(r.bytes / 1024).toFixed(0)} KB; ${r.indexed.length} township(s) indexed, ${r.reused.length} reused.`,
    );
  },
};
