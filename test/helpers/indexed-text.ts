/**
 * Ground truth for search tests, computed without Pagefind: the text a built page offers to search,
 * read from the HTML by the rules the pages follow: only what is inside `data-pagefind-body`,
 * minus any element marked `data-pagefind-ignore` and minus the elements Pagefind never indexes
 * (svg, nav, footer, form, label, script, style, noscript, template, iframe).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const NEVER_INDEXED = new Set(['head', 'style', 'script', 'noscript', 'label', 'form', 'svg', 'footer', 'nav', 'iframe', 'template']);
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdo',
  'cite',
  'code',
  'dfn',
  'em',
  'i',
  'kbd',
  'q',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'var',
]);

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k.startsWith('#x')) return String.fromCodePoint(parseInt(k.slice(2), 16));
    if (k.startsWith('#')) return String.fromCodePoint(parseInt(k.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }[k]!;
  });
}

/** The searchable text of one page, whitespace collapsed; '' when the page has no search body. */
function indexedText(html: string): string {
  const out: string[] = [];
  // Each open element: does it (or an ancestor) start the body / hide its content?
  const stack: { tag: string; body: boolean; hidden: boolean }[] = [];
  const re = /<!--[\s\S]*?-->|<!doctype[^>]*>|<(\/?)([a-zA-Z][\w-]*)((?:"[^"]*"|'[^']*'|[^'">])*?)(\/?)>|([^<]+)/gi;
  for (const m of html.matchAll(re)) {
    const [, closing, rawTag, attrs = '', selfClosing, text] = m;
    const top = stack[stack.length - 1];
    if (text !== undefined) {
      if (top?.body && !top.hidden) out.push(decodeEntities(text));
      continue;
    }
    if (!rawTag) continue;
    const tag = rawTag.toLowerCase();
    if (closing) {
      const i = stack.map((s) => s.tag).lastIndexOf(tag);
      if (i >= 0) stack.length = i;
      if (!INLINE.has(tag)) out.push(' ');
      continue;
    }
    if (!INLINE.has(tag)) out.push(' ');
    if (VOID.has(tag) || selfClosing) continue;
    const body = (top?.body ?? false) || /\sdata-pagefind-body(\s|=|$)/.test(attrs);
    const hidden = (top?.hidden ?? false) || /\sdata-pagefind-ignore(\s|=|$)/.test(attrs) || NEVER_INDEXED.has(tag);
    stack.push({ tag, body, hidden });
  }
  return out.join('').replace(/\s+/g, ' ').trim();
}

export interface IndexedPage {
  /** Site path with trailing slash, e.g. /v/maqu/notices/2025-11-17-dibao/. */
  url: string;
  text: string;
}

/** Every built page that has a search body, with its searchable text. */
export function readIndexedPages(dist: string): IndexedPage[] {
  const walk = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? (e.name === 'pagefind' ? [] : walk(join(d, e.name))) : e.name === 'index.html' ? [join(d, e.name)] : [],
    );
  return walk(dist)
    .sort()
    .map((f) => ({ url: `/${relative(dist, f).replace(/index\.html$/, '')}`, text: indexedText(readFileSync(f, 'utf8')) }))
    .filter((p) => p.text.length > 0);
}

/**
 * True when `text` contains `term`, ignoring spaces (they only separate table cells and blocks).
 * A term that starts or ends with a digit must not be part of a longer number: 12,500.00 is not in
 * 112,500.00 and 1月 is not in 11月; a space in the text always ends a number.
 */
function containsTerm(text: string, term: string): boolean {
  const needle = term.replace(/\s+/g, '');
  let hay = '';
  const gaps = new Set<number>([0]);
  for (const c of text) {
    if (/\s/.test(c)) gaps.add(hay.length);
    else hay += c;
  }
  gaps.add(hay.length);
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
    const end = i + needle.length;
    if (/^\d/.test(needle) && !gaps.has(i) && /(\d|\d[,.])$/.test(hay.slice(Math.max(0, i - 2), i))) continue;
    if (/\d$/.test(needle) && !gaps.has(end) && /^(\d|[,.]\d)/.test(hay.slice(end, end + 2))) continue;
    return true;
  }
  return false;
}

/** Pages whose searchable text contains the term. */
export function pagesContaining(pages: IndexedPage[], term: string): string[] {
  return pages.filter((p) => containsTerm(p.text, term)).map((p) => p.url);
}
