/**
 * The hostile-input corpus against real builds: a build with it is refused before anything is
 * written, and even a build whose checker missed every case (its narrative check stubbed out in a
 * copy of the project) produces pages with no script, no event handler and no javascript: link.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoDist } from '../helpers/dist.ts';
import { makeTree, ROOT } from '../helpers/fixture-tree.ts';
import { HOSTILE_CASES, placeHostileCases } from '../helpers/hostile.ts';
import { findUnsafeHtml } from '../helpers/html-safety.ts';
import { makeProjectTree } from '../helpers/project-tree.ts';

function allHtml(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? allHtml(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : [],
  );
}

/** The URL folder of a placed record: content/villages/maqu/disclosures/2025-q3-h01.md → v/maqu/disclosures/2025-q3-h01 */
const pageOf = (file: string) => file.replace(/^content\/villages\//, 'v/').replace(/\.mdx?$/, '');

describe('a build with the hostile corpus', () => {
  it('is refused, names every hostile file with its problem, and leaves dist/ as it was', () => {
    const tree = makeTree();
    try {
      const placed = placeHostileCases(tree.root);
      mkdirSync(join(tree.root, 'dist'));
      writeFileSync(join(tree.root, 'dist', 'index.html'), 'previous build');
      const run = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts')], { cwd: tree.root, encoding: 'utf8' });
      expect(run.status).toBe(1);
      for (const { file } of placed) expect(run.stdout, file).toContain(`📄 ${file}`);
      expect(run.stderr).toContain('构建已停止，dist/ 未改动');
      expect(readdirSync(join(tree.root, 'dist'))).toEqual(['index.html']);
      expect(readFileSync(join(tree.root, 'dist', 'index.html'), 'utf8')).toBe('previous build');
    } finally {
      tree.cleanup();
    }
  }, 120_000);
});

describe('a build whose checker missed every hostile case', () => {
  // The project copy takes the poster cache along; this run's shared demo build fills it when this file runs first.
  beforeAll(() => {
    ensureDemoDist();
  });

  it('still puts no script, event handler or javascript: link on any page, and renders the registered components', () => {
    const project = makeProjectTree();
    try {
      // Fault injection in the copy only: the narrative check finds nothing.
      writeFileSync(join(project.root, 'src/check/body.ts'), 'export function checkBody(): never[] {\n  return [];\n}\n');
      const cases = HOSTILE_CASES.filter((c) => c.compiles !== false && !c.frontmatter);
      const placed = placeHostileCases(project.root, cases);
      const demo = readFileSync(join(ROOT, 'content/villages/maqu/disclosures/2025-q3.md'), 'utf8');
      const front = demo.slice(0, demo.indexOf('\n---', 4) + 5);
      writeFileSync(
        join(project.root, 'content/villages/maqu/disclosures/2025-q3-zujian.mdx'),
        `${front}\n进度款 <Amount label="工程进度款" yuan="168,000.00" />。\n\n<Table caption="工程款支付情况">\n\n| 日期 | 金额（元） |\n|---|--:|\n| 2025-09-12 | 168,000.00 |\n\n</Table>\n\n代码 \`<script>alert(1)</script>\` 只是文字。\n\n<Signature role="村务监督委员会主任" name="刘志强" date="2025-10-09" />\n`,
      );
      const run = spawnSync(process.execPath, ['scripts/build.ts'], { cwd: project.root, encoding: 'utf8', env: { ...process.env, GONGKAI_AS_OF: '' } });
      expect(run.status, run.stdout.slice(-3000) + run.stderr.slice(-3000)).toBe(0);
      const dist = join(project.root, 'dist');
      for (const { file } of placed) expect(existsSync(join(dist, pageOf(file), 'index.html')), file).toBe(true);
      // The page templates themselves use <meta> and the ledger chart <svg>; handlers and addresses are checked on every tag.
      for (const f of allHtml(dist)) {
        // The layout's own icon link is the one <link> a page may carry besides its feed links; anything else is unsafe.
        // The search page and kiosk screens load their own bundled module; no inline script is allowed anywhere.
        // A record page with a publication-log box loads the log check's module (only the template's own file).
        const own = /^(search|kiosk)\//.test(relative(dist, f))
          ? /<script type="module" src="\/_astro\/(search|Kiosk)\.astro_astro_type_script_index_0_lang\.[\w-]+\.js"><\/script>/
          : /<script type="module" src="\/_astro\/LogCheckScript\.astro_astro_type_script_index_0_lang\.[\w-]+\.js"><\/script>/;
        // A 公示 page loads the days-left module (only the template's own file; without it the page prints the period).
        const days = /^v\/[^/]+\/notices\//.test(relative(dist, f))
          ? /<script type="module" src="\/_astro\/NoticeDays\.astro_astro_type_script_index_0_lang\.[\w-]+\.js"><\/script>/
          : own;
        // So is the layout's content security policy, the first <meta http-equiv> in the head (Astro's security.csp).
        // Its feed links (<link rel="alternate">) are the layout's too, and may only point at the site's own feeds.
        const html = readFileSync(f, 'utf8')
          .replace('<link rel="icon" href="/favicon.svg" type="image/svg+xml">', '')
          .replace(/<link rel="alternate" type="application\/(?:atom\+xml|feed\+json)" title="[^"<>]*" href="\/(?:v\/[a-z0-9-]+\/)?feed\.(?:xml|json)">/g, '')
          .replace(own, '')
          .replace(days, '')
          .replace(/<meta http-equiv="content-security-policy" content="[^"<>]*">/, '');
        // The search page's own query form is template, not content.
        const tags = relative(dist, f).startsWith('search/') ? ['meta', 'svg', 'form', 'input', 'select', 'button', 'option'] : ['meta', 'svg'];
        expect(findUnsafeHtml(html, tags), relative(dist, f)).toEqual([]);
        expect(html, relative(dist, f)).not.toMatch(/<meta[^>]*http-equiv|<script/i);
      }
      // Raw HTML was shown as text, not silently lost.
      expect(readFileSync(join(dist, 'v/maqu/disclosures/2025-q3-h01/index.html'), 'utf8')).toContain('&lt;script&gt;alert(document.cookie)&lt;/script&gt;');
      const components = readFileSync(join(dist, 'v/maqu/disclosures/2025-q3-zujian/index.html'), 'utf8');
      expect(components).toContain('<data value="16800000">168,000.00</data> 元');
      expect(components).toContain('<figcaption>工程款支付情况</figcaption>');
      expect(components).toContain('<span class="signature-name">刘志强</span>');
      expect(components).toContain('<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>');
    } finally {
      project.cleanup();
    }
    // A whole build, notice-board posters included (those of the unchanged demo records come from the cache).
  }, 600_000);
});

describe('a build with a YAML alias bomb in a village file', () => {
  it('is refused in 256 MB of memory (not left running: killed after a minute), naming the file, and leaves dist/ as it was', () => {
    const tree = makeTree();
    try {
      const file = 'content/villages/wenshui/village.yaml';
      const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
      for (let i = 1; i < 9; i += 1)
        lines.push(
          `a${i}: &a${i} [${Array(10)
            .fill(`*a${i - 1}`)
            .join(', ')}]`,
        );
      writeFileSync(join(tree.root, file), `${lines.join('\n')}\nbomb: [*a8, *a8]\n${readFileSync(join(tree.root, file), 'utf8')}`);
      mkdirSync(join(tree.root, 'dist'));
      writeFileSync(join(tree.root, 'dist', 'index.html'), 'previous build');
      const run = spawnSync(process.execPath, ['--max-old-space-size=256', join(ROOT, 'scripts/build.ts')], {
        cwd: tree.root,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(run.status, run.stderr).toBe(1);
      expect(run.stdout).toContain(`📄 ${file}`);
      expect(run.stdout).toContain('YAML 引用（& 锚点和 * 别名）太多');
      expect(run.stderr).toContain('构建已停止，dist/ 未改动');
      expect(readFileSync(join(tree.root, 'dist', 'index.html'), 'utf8')).toBe('previous build');
    } finally {
      tree.cleanup();
    }
  });
});
