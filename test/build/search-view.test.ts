/**
 * What the search step sends Pagefind of a record page (src/integrations/search-index.ts `pagefindView`): the page's
 * body element without the content of the ignored elements that hold nothing Pagefind reads (a ledger's tables, the
 * poster and log checks). Real Pagefind indexes the demo's record pages once whole and once so cut: the two bundles
 * must be the same bytes, while far fewer bytes are sent and parsed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCounty } from '../../src/check/load.ts';
import { getSearchInput } from '../../src/data/search.ts';
import { pagefindView, prepareForIndex } from '../../src/integrations/search-index.ts';
import { SEARCH_WORD_CHARACTERS } from '../../src/lib/search-query.ts';
import { ensureDemoDist } from '../helpers/dist.ts';
import { ROOT } from '../helpers/fixture-tree.ts';
import { digestTree } from '../helpers/tree-digest.ts';

const work = mkdtempSync(join(tmpdir(), 'gongkai-search-view-'));
afterAll(async () => {
  await pagefind.close();
  rmSync(work, { recursive: true, force: true });
});

/** The pages indexed into one bundle with real Pagefind, written to `dir`. */
async function indexInto(dir: string, pages: { url: string; content: string }[]): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn', includeCharacters: SEARCH_WORD_CHARACTERS });
  if (!index) throw new Error(errors.join('; '));
  for (const page of pages) {
    const added = await index.addHTMLFile(page);
    expect(added.errors).toEqual([]);
  }
  const written = await index.writeFiles({ outputPath: dir });
  expect(written.errors).toEqual([]);
  await index.deleteIndex();
}

describe('what Pagefind is sent of a record page', () => {
  it('gives the same bundle, byte for byte, as the whole page, from about a third of its bytes', async () => {
    const { dist } = ensureDemoDist();
    const { docs } = getSearchInput(loadCounty(ROOT, { env: {} }).county!);
    const prepared = docs.map((doc) => ({ url: `/${doc.path}`, content: prepareForIndex(readFileSync(join(dist, doc.path, 'index.html'), 'utf8'), doc)! }));
    // And a page whose ignored part holds a filter, which Pagefind reads there: it must reach Pagefind.
    prepared.push({
      url: '/marked/',
      content:
        '<html lang="zh-CN"><body><main data-pagefind-body><h1>低保</h1><div data-pagefind-ignore><span data-pagefind-filter="类别">财务</span></div>' +
        '<div data-pagefind-ignore><table><tr><td>1,950.00</td></tr></table></div></main></body></html>',
    });
    const views = prepared.map((page) => ({ ...page, content: pagefindView(page.content) }));
    expect(prepared.length).toBeGreaterThan(40);
    await indexInto(join(work, 'whole'), prepared);
    await indexInto(join(work, 'view'), views);
    expect(digestTree(join(work, 'view'))).toEqual(digestTree(join(work, 'whole')));
    const bytes = (pages: { content: string }[]) => pages.reduce((sum, p) => sum + Buffer.byteLength(p.content), 0);
    expect(bytes(views)).toBeLessThan(0.5 * bytes(prepared));
  });

  it('keeps an ignored element that holds a marker or a heading, and sends a page with a marker outside its body whole', () => {
    const page = (outside: string, ignored: string) =>
      `<!DOCTYPE html><html lang="zh-CN"><head><title>账目</title><style>p{color:red}</style></head><body><nav>首页</nav>${outside}` +
      `<article data-pagefind-body data-pagefind-meta="title[data-title]" data-title="账目"><h1>账目</h1><p>收入</p>` +
      `<div data-pagefind-ignore>${ignored}</div><p>支出</p></article><footer>页脚</footer></body></html>`;
    const view = pagefindView(page('', '<table><tr><td>1,950.00</td></tr></table>'));
    expect(view).toBe(
      '<!DOCTYPE html><html lang="zh-CN"><head><title>账目</title></head><body>' +
        '<article data-pagefind-body data-pagefind-meta="title[data-title]" data-title="账目"><h1>账目</h1><p>收入</p>' +
        '<div data-pagefind-ignore></div><p>支出</p></article></body></html>',
    );
    const marked = '<span data-pagefind-filter="类别">财务</span>';
    expect(pagefindView(page('', marked))).toContain(`<div data-pagefind-ignore>${marked}</div>`);
    expect(pagefindView(page('', '<h1>另一个标题</h1>'))).toContain('<div data-pagefind-ignore><h1>另一个标题</h1></div>');
    const outside = page('<span data-pagefind-meta="image:/a.png"></span>', '<table></table>');
    expect(pagefindView(outside)).toBe(outside);
  });
});
