/**
 * Post-build step: indexes every record page with Pagefind's Node API into <site>/pagefind/ and
 * writes the search lexicon (pinyin of place names, traditional → simplified) to
 * <site>/search/lexicon.json. Any indexing problem stops the build.
 *
 * The pages on disk are not changed. What Pagefind reads is the page with, inside its
 * `data-pagefind-body` (whose filter/meta/sort markers are attributes, src/components/SearchBody.astro): one short heading per ledger entry carrying the
 * id of its row (the tables themselves are `data-pagefind-ignore`: indexing them whole costs
 * gigabytes at county scale), labels of facts parted from their values, and a zero-width space between neighbouring Han characters so each is its own word
 * (see src/lib/search-query.ts for why that makes Chinese search exact).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import { listSearchDocuments, type SearchDocument } from '../data/search.ts';
import { buildT2s, buildVocabulary, hanCharacters, makePlace, makeWordCounter, siteWords } from '../lib/search-lexicon.ts';
import { SEARCH_LANGUAGE } from '../lib/search-synonyms.ts';
import { SEARCH_WORD_CHARACTERS, separateHanForIndex, type SearchLexicon } from '../lib/search-query.ts';
import { replaceFile } from './files.ts';
import type { BuildStep, StepContext } from '../build/steps.ts';

export const LEXICON_FILE = 'search/lexicon.json';
/** Loaded by the search page only after a query found nothing: site words with their pinyin for "did you mean". */
export const VOCABULARY_FILE = 'search/vocabulary.json';
/** Files Pagefind writes that the search page does not use (its ready-made UIs and web worker). */
const UNUSED_BUNDLE_FILES = /^pagefind-(ui|modular-ui|component-ui|highlight|worker)\.(js|css)$/;

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

/**
 * The HTML Pagefind indexes for one record page. Returns undefined when the page has no
 * `data-pagefind-body` element.
 */
export function prepareForIndex(html: string, doc: SearchDocument): string | undefined {
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
  const body =
    html
      .slice(openEnd, close)
      .replace(/<\/(th|caption)>/gi, '</$1> ')
      .replace(/<\/dt>/gi, '：</dt>')
      .replace(/([^。；！？.])<\/dd>/gi, '$1。</dd>') + (entries ? `<div>${entries}</div>` : '');
  const separated = body.replace(/(^|>)([^<]+)/g, (_, before: string, text: string) => before + separateHanForIndex(text));
  return html.slice(0, openEnd) + separated + html.slice(close);
}

/** A prepared page's text without markup, for counting words. */
function plainText(prepared: string): string {
  return decodeEntities(
    prepared
      .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\u200B/g, ''),
  );
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []))
    .sort();
}

export interface SearchIndexResult {
  pages: number;
  /** Bytes of the written index (pagefind/ plus the lexicon). */
  bytes: number;
}

/** Builds the index for the site in `ctx.outDir`; throws with every problem found. */
export async function buildSearchIndex(ctx: Pick<StepContext, 'outDir' | 'county'>): Promise<SearchIndexResult> {
  const docs = listSearchDocuments(ctx.county);
  const known = new Set(docs.map((d) => d.path));
  const problems: string[] = [];
  for (const file of htmlFiles(ctx.outDir)) {
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

  const pagefindDir = join(ctx.outDir, 'pagefind');
  rmSync(pagefindDir, { recursive: true, force: true });
  // The lexicon needs the site's words and characters: counted page by page, never every page held at once.
  const counter = makeWordCounter();
  const chars = new Set<string>();
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'zh-cn', includeCharacters: SEARCH_WORD_CHARACTERS });
    if (!created.index) throw new Error(`Pagefind 无法启动。Pagefind could not start: ${created.errors.join('; ')}`);
    const index = created.index;
    for (const doc of docs) {
      const file = join(ctx.outDir, doc.path, 'index.html');
      if (!existsSync(file)) {
        problems.push(`记录页 ${doc.path} 没有生成。\n  Record page ${doc.path} was not built.`);
        continue;
      }
      const html = readFileSync(file, 'utf8');
      const prepared = prepareForIndex(html, doc);
      if (!prepared) {
        problems.push(
          `记录页 ${doc.path} 缺少 data-pagefind-body，正文不会被搜索到。\n  Record page ${doc.path} has no data-pagefind-body element, so its content would not be searchable.`,
        );
        continue;
      }
      hanCharacters([prepared], chars);
      counter.add(plainText(prepared));
      const added = await index.addHTMLFile({ url: `/${doc.path}`, content: prepared });
      if (added.errors.length > 0) problems.push(`索引 ${doc.path} 出错。Indexing ${doc.path} failed: ${added.errors.join('; ')}`);
      else if (added.file.uniqueWords === 0) problems.push(`记录页 ${doc.path} 的正文是空的。\n  Record page ${doc.path} has no text to index.`);
    }
    if (problems.length > 0) throw new Error(`搜索索引未生成 Search index not built:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    // An incremental build carried the previous index over as hard links: write a fresh folder, never into them.
    rmSync(pagefindDir, { recursive: true, force: true });
    const written = await index.writeFiles({ outputPath: pagefindDir });
    if (written.errors.length > 0) throw new Error(`写入搜索索引出错。Writing the search index failed: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  for (const f of readdirSync(pagefindDir)) if (UNUSED_BUNDLE_FILES.test(f)) rmSync(join(pagefindDir, f));

  const townships = [...new Set(ctx.county.villages.map((v) => v.data.township))];
  const words = counter.pages;
  const places = [...ctx.county.villages.map((v) => makePlace(v.data.name, 'village', [v.id])), ...townships.map((t) => makePlace(t, 'township'))];
  const lexicon: SearchLexicon = {
    places,
    t2s: buildT2s(chars),
    words: siteWords(words).join(' '),
    quarters: [...new Set(docs.flatMap((d) => d.filters.quarter))].sort(),
    pages: docs.length,
    ...SEARCH_LANGUAGE,
  };
  const vocabulary = JSON.stringify(
    buildVocabulary(
      words,
      places.map((p) => p.name),
    ),
  );
  mkdirSync(join(ctx.outDir, 'search'), { recursive: true });
  replaceFile(join(ctx.outDir, LEXICON_FILE), JSON.stringify(lexicon));
  replaceFile(join(ctx.outDir, VOCABULARY_FILE), vocabulary);
  return { pages: docs.length, bytes: dirBytes(pagefindDir) + Buffer.byteLength(JSON.stringify(lexicon)) + Buffer.byteLength(vocabulary) };
}

function dirBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (sum, e) => sum + (e.isDirectory() ? dirBytes(join(dir, e.name)) : readFileSync(join(dir, e.name)).length),
    0,
  );
}

export const searchIndexStep: BuildStep = {
  name: '搜索索引 search index',
  async run(ctx) {
    const r = await buildSearchIndex(ctx);
    ctx.log(`  ${r.pages} 个记录页已建立索引，共 ${(r.bytes / 1024).toFixed(0)} KB。 Indexed ${r.pages} record pages, ${(r.bytes / 1024).toFixed(0)} KB.`);
  },
};
