/**
 * The content sync's Markdown bodies (src/content.config.ts, src/lib/front-matter.ts): the body found without parsing
 * the front matter is the one Astro's own Markdown entry type gives its renderer, for every Markdown file of the demo
 * county and for the odd files a clerk might write.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getMarkdownBody } from '../../src/lib/front-matter.ts';
import { ROOT } from '../helpers/fixture-tree.ts';

interface MarkdownEntryType {
  getEntryInfo(input: { contents: string; fileUrl: URL }): Promise<{ body: string; data: Record<string, unknown> }>;
}

/** Astro's Markdown entry type, the one its glob loader is handed for `.md` files. */
async function astroMarkdownEntryType(): Promise<MarkdownEntryType> {
  const astro = dirname(createRequire(import.meta.url).resolve('astro/package.json'));
  const module = (await import(pathToFileURL(join(astro, 'dist/vite-plugin-markdown/content-entry-type.js')).href)) as {
    markdownContentEntryType: MarkdownEntryType;
  };
  return module.markdownContentEntryType;
}

const astroBody = async (contents: string) =>
  (await (await astroMarkdownEntryType()).getEntryInfo({ contents, fileUrl: pathToFileURL(join(ROOT, 'content/x.md')) })).body;

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
  );
}

describe('a Markdown body for the content sync', () => {
  it('is the body Astro renders, for every Markdown file of the demo county', async () => {
    const files = markdownFiles(join(ROOT, 'content/villages'));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const contents = readFileSync(file, 'utf8');
      expect(getMarkdownBody(contents), file).toBe(await astroBody(contents));
    }
  });

  it('is the body Astro renders for files with a byte-order mark, blank lines first, TOML, mixed fences, a rule in the body or no front matter', async () => {
    const cases = [
      '\uFEFF---\ntitle: 通知\n---\n\n# 正文\n',
      '\n\n---\ntitle: a\n---\n正文',
      '+++\ntitle = "a"\n+++\n正文\n',
      '---\ntitle: a\n+++\n正文\n',
      '---\ntitle: a\n---\n正文\n\n---\n\n第二段\n',
      '---\n---\n',
      '---\ntitle: a\n---',
      '正文，没有前言\n\n---\n',
      '  \n正文\n',
      '---\ntitle: "含 --- 的标题"\nlist:\n  - 一\n---\r\n\r\n正文\r\n',
      '',
    ];
    for (const contents of cases) expect(getMarkdownBody(contents), JSON.stringify(contents)).toBe(await astroBody(contents));
  });
});
