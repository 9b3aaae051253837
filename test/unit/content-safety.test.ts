/**
 * Clerk narrative is untrusted. Every case of the hostile corpus (test/fixtures/hostile/) is
 * refused by the checker with its own clear message, and the renderer's guard neutralises every
 * case even on its own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { evaluate, markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { checkBody } from '../../src/check/body.ts';
import { formatProblems } from '../../src/check/format.ts';
import { loadCounty } from '../../src/check/load.ts';
import { renderMessage } from '../../src/check/messages/index.ts';
import { contentGuardHast, contentGuardMdast } from '../../src/integrations/content-guard.ts';
import { getUrlScheme, isSafeUrl } from '../../src/lib/content-safety.ts';
import { makeTree } from '../helpers/fixture-tree.ts';
import { HOSTILE_CASES, HOSTILE_DIR, placeHostileCases } from '../helpers/hostile.ts';
import { findUnsafeHtml } from '../helpers/html-safety.ts';

const read = (file: string) => readFileSync(join(HOSTILE_DIR, file), 'utf8');

describe('the hostile-input corpus', () => {
  it('has at least 30 cases covering scripts, event handlers, raw HTML, unsafe links and MDX code', () => {
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(30);
    const codes = new Set(HOSTILE_CASES.map((c) => c.code));
    for (const code of ['body.script', 'body.event-handler', 'body.html', 'body.link-scheme', 'body.mdx-esm', 'body.mdx-expression', 'body.mdx-component'])
      expect(codes).toContain(code);
  });

  it('gets every case refused by npm run check, each with its message on the right file and line of the file', () => {
    const tree = makeTree();
    try {
      const placed = placeHostileCases(tree.root);
      const result = loadCounty(tree.root, { env: {} });
      expect(result.county).toBeUndefined();
      const printed = formatProblems(result.problems);
      for (const { c, file } of placed) {
        const p = result.problems.find((x) => x.file === file && x.code === c.code && x.path === c.path);
        expect(
          p,
          `${c.file} → ${file}: expected ${c.code} at ${c.path}; got:\n${formatProblems(result.problems.filter((x) => x.file === file))}`,
        ).toBeDefined();
        expect(p!.severity).toBe('error');
        const m = renderMessage(p!.code, p!.params);
        expect(printed).toContain(`问题：${m.zh}`);
        expect(printed).toContain(`Problem: ${m.en}`);
      }
      // Nothing else in the tree is wrong: every error comes from a hostile file.
      const hostileFiles = new Set(placed.map((x) => x.file));
      expect(result.problems.filter((p) => p.severity === 'error' && !hostileFiles.has(p.file))).toEqual([]);
    } finally {
      tree.cleanup();
    }
  });
});

/** Renders a body the way the site does, through Sätteri with the guard plugins. */
function renderWithGuard(source: string, format: 'md' | 'mdx'): string {
  if (format === 'md') return markdownToHtml(source, { mdastPlugins: [contentGuardMdast], hastPlugins: [contentGuardHast] }).html;
  type Html = { __html: string };
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const render = (x: unknown): string =>
    x == null || x === false ? '' : Array.isArray(x) ? x.map(render).join('') : typeof x === 'object' && '__html' in x ? (x as Html).__html : esc(String(x));
  const Fragment = Symbol('Fragment');
  const jsx = (type: unknown, raw: unknown): Html => {
    const props = raw as Record<string, unknown>;
    const children = render(props['children']);
    if (type === Fragment) return { __html: children };
    if (typeof type === 'function') return (type as (p: unknown) => Html)(props);
    const attrs = Object.entries(props)
      .filter(([k]) => k !== 'children')
      .map(([k, v]) => ` ${k}="${esc(String(v))}"`)
      .join('');
    return { __html: `<${String(type)}${attrs}>${children}</${String(type)}>` };
  };
  const component =
    (name: string) =>
    (props: Record<string, unknown>): Html =>
      jsx('span', { ...props, 'data-component': name });
  const mod = evaluate(source, { Fragment, jsx, jsxs: jsx, mdastPlugins: [contentGuardMdast], hastPlugins: [contentGuardHast] }) as Record<string, unknown>;
  const Content = mod['default'] as (p: unknown) => Html;
  return Content({ components: { Amount: component('Amount'), Signature: component('Signature'), Table: component('Table') } }).__html;
}

describe('the render guard, on its own', () => {
  it.each(HOSTILE_CASES.filter((c) => c.compiles !== false).map((c) => [c.file]))(
    'renders %s with no script, no event handler and no javascript: address',
    (file) => {
      const source = read(file);
      const html = renderWithGuard(source, file.endsWith('.mdx') ? 'mdx' : 'md');
      expect(findUnsafeHtml(html), html).toEqual([]);
      expect(html).not.toMatch(/<script/i);
    },
  );

  it('never lets MDX code run: import, export and {…} are gone before the module is built', () => {
    const mod = evaluate('export const leaked = 42\n\n{globalThis.__gongkaiRan = true}\n\ntext', {
      Fragment: Symbol('f'),
      jsx: () => ({}),
      jsxs: () => ({}),
      mdastPlugins: [contentGuardMdast],
    }) as Record<string, unknown>;
    expect(mod['leaked']).toBeUndefined();
    (mod['default'] as (p: unknown) => unknown)({});
    expect((globalThis as Record<string, unknown>)['__gongkaiRan']).toBeUndefined();
  });

  it('shows raw HTML in plain Markdown as visible text instead of markup', () => {
    const html = renderWithGuard('这是<b onmouseover="alert(1)">重点</b>。', 'md');
    expect(html).toContain('&lt;b onmouseover=');
    expect(html).not.toContain('<b ');
  });

  it('drops a front-matter layout so MDX cannot import a module through it', () => {
    const frontmatter = { title: 't', layout: '../../evil.js' };
    const data: Record<string, unknown> = { astro: { frontmatter } };
    markdownToHtml('text', { mdastPlugins: [contentGuardMdast], data });
    expect(frontmatter).toEqual({ title: 't' });
  });
});

describe('what clerks may write', () => {
  it('accepts Markdown formatting, tables, safe links, HTML comments and the registered components with quoted props', () => {
    const md =
      '# 标题\n\n**加粗** 和 - 列表\n\n| 项目 | 金额 |\n|---|--:|\n| 路 | 1.00 |\n\n[县政府](https://www.longxian.gov.cn/) [邮件](mailto:a@b.cn) [电话](tel:09174612345) [本页](#top)\n\n<!-- 备注：不会显示 -->\n\n`<script>` 只是文字';
    expect(checkBody(md, 'md')).toEqual([]);
    const mdx =
      '<Amount yuan="１２,５００.００" label="补助" />\n\n<Signature role="主任" name="刘志强" date="2025-10-09" />\n\n<Table caption="明细">\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n</Table>\n\n{/* 备注 */}';
    expect(checkBody(mdx, 'mdx')).toEqual([]);
  });

  it('checks the props of a registered component: money must be an amount, dates real dates, required props present', () => {
    const codes = (s: string) => checkBody(s, 'mdx').map((f) => f.code);
    expect(codes('<Amount yuan="一万元" />')).toEqual(['money.format']);
    expect(codes('<Signature role="主任" name="刘志强" date="2025-02-30" />')).toEqual(['date.format']);
    expect(codes('<Signature role="主任" />')).toEqual(['body.mdx-attribute-missing']);
    expect(codes('<Amount yuan="1.00" colour="red" />')).toEqual(['body.mdx-attribute']);
  });

  it('reports an unfilled 〔待填〕 placeholder in the narrative on its line in the file', () => {
    expect(checkBody('第一行\n\n〔待填：本季度说明〕', 'md', 7)).toEqual([
      { code: 'field.placeholder', path: ['正文（文件第9行） body, line 9 of the file'], params: { field: '正文 body', value: '〔待填：本季度说明〕' } },
    ]);
  });
});

describe('link addresses', () => {
  it('treats http, https, mailto, tel and relative links as safe', () => {
    for (const url of ['https://a.cn/x', 'http://a.cn', 'mailto:a@b.cn', 'tel:12345', '/v/maqu/', '../x', '#top', '//cdn.example/x'])
      expect(isSafeUrl(url), url).toBe(true);
  });

  it('sees javascript: however it is cased or split by characters browsers ignore', () => {
    const noise = fc.constantFrom('', '\t', '\n', '\r', ' ', '\u0000', '\u001f');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), noise), { minLength: 11, maxLength: 11 }), fc.string(), (mods, rest) => {
        const url = [...'javascript:'].map((ch, i) => (mods[i]![0] ? ch.toUpperCase() : ch) + mods[i]![1]).join('') + rest;
        return !isSafeUrl(url) && getUrlScheme(url) === 'javascript';
      }),
      { numRuns: 2000 },
    );
  });
});
