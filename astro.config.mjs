// @ts-check
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { parse } from 'yaml';
import { buildContext } from './src/integrations/build-context.ts';
import { contentGuardHast, contentGuardMdast } from './src/integrations/content-guard.ts';
import { SITE_POLICY_DIRECTIVES, SITE_SCRIPT_SOURCES } from './src/lib/site-policy.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
/** With `stylesheets: linked`, a stylesheet of this many bytes or more is linked, a smaller one (a page's own parts) inlined. */
const LINKED_CSS_BYTES = 2048;

/**
 * The Astro config of one build. scripts/build.ts passes its build context (src/build/context.ts):
 * the county folder, the staging output folder, the cache folders and the checked county. Without
 * one (`astro dev`, `astro check`, a plain `astro build`) it builds this checkout into ./dist.
 * @param {import('./src/build/context.ts').BuildContext} [context]
 */
export function gongkaiConfig(context) {
  /** Where content/ is: this checkout, or another folder given by `npm run build -- --root <dir>`. */
  const contentRoot = context?.root ?? root;
  /** Without a build context, the settings below are read from content/site.yaml as it is (no check). */
  const siteYaml = () => parse(readFileSync(join(contentRoot, 'content', 'site.yaml'), 'utf8'), { schema: 'failsafe' });
  /** The public address comes from content/site.yaml so clerks never edit code. */
  const siteUrl = new URL(context?.baseUrl ?? context?.county.site.baseUrl ?? siteYaml().baseUrl);
  /** `stylesheets` in content/site.yaml (src/schemas/site.ts): each page's CSS inside the page, or linked from /_astro/. */
  const stylesheets = context ? (context.stylesheets ?? context.county.site.stylesheets) : (siteYaml().stylesheets ?? 'inline');
  return defineConfig({
    site: siteUrl.origin,
    base: siteUrl.pathname,
    trailingSlash: 'always',
    // scripts/build.ts builds into a staging folder and swaps it in only when everything succeeded.
    root,
    outDir: context?.outDir ?? './dist',
    integrations: [buildContext(context, contentRoot), mdx()],
    // Clerk narrative is untrusted: every .md/.mdx body is sanitised as it renders (the checker has
    // already refused anything unsafe; this is the second line, see src/integrations/content-guard.ts).
    markdown: { processor: satteri({ mdastPlugins: [contentGuardMdast], hastPlugins: [contentGuardHast] }) },
    // Per-checkout (and per content root) cache, so parallel checkouts sharing node_modules, and
    // synthetic counties built from this checkout, do not share Astro's data store. An incremental
    // build (scripts/build.ts) syncs only the changed villages, in a data store of its own.
    cacheDir: context?.cacheDirs.astro ?? join(contentRoot, '.astro-cache'),
    devToolbar: { enabled: false },
    // `npm run build -- --workers N`: pages are rendered in N worker threads (each with its own copy of
    // the build context, see src/build/handover.ts); the output does not depend on N.
    ...(context?.pageWorkers && context.pageWorkers > 1 ? { experimental: { parallelPrerender: { workers: context.pageWorkers } } } : {}),
    // A page carries only the CSS of the components it renders (src/styles/README.md). `inline` (the default) puts it in
    // the page: one round trip draws it, which on a slow phone network beats a cached file (docs/benchmarks.md, first view).
    // `linked`: the stylesheets every page of a kind shares (site, search, kiosk: LINKED_CSS_BYTES or more) are files under
    // /_astro/, cached a year by deploy/nginx/gongkai.conf, and a page's own small parts stay inline, so only a visitor's
    // first page waits for a stylesheet; the site is smaller on disk.
    build: { inlineStylesheets: stylesheets === 'linked' ? 'auto' : 'always' },
    // A strict content security policy as a <meta> on every page: Astro hashes each page's inline
    // <style> and its bundled scripts (search, kiosk), and lists the whole site's hashes on every page; scripts/build.ts
    // then narrows each page's to its own (src/integrations/page-policies.ts). Pagefind compiles WebAssembly ('wasm-unsafe-eval').
    // What a meta tag cannot carry (frame-ancestors …) is sent by the web server: deploy/nginx/gongkai.conf.
    security: {
      csp: {
        // src/lib/site-policy.ts: the same directives as the province portal's pages.
        directives: [...SITE_POLICY_DIRECTIVES],
        scriptDirective: { resources: [...SITE_SCRIPT_SOURCES] },
        // The search page's <noscript><style> (src/pages/search.astro), which Astro leaves inline without a hash.
        // test/e2e/csp.test.ts fails if that style changes and this hash does not.
        styleDirective: { hashes: ['sha256-yZ/QvGCsoWw2ikFovGRxDXnFFTZEJD8SqLOkrubMqng='] },
      },
    },
    vite: {
      // Astro puts Vite's dependency cache in node_modules/.vite, which checkouts sharing one
      // node_modules would share (and keep invalidating); keep it with this checkout's caches. It is
      // the code's cache, so it stays in the checkout even for a county folder elsewhere: prebundled
      // modules must resolve packages from this checkout's node_modules.
      cacheDir: context?.cacheDirs.vite ?? join(root, '.astro-cache', 'vite'),
      build: {
        // Read by Astro's `inlineStylesheets: 'auto'` only (the site imports no other asset Vite could inline).
        ...(stylesheets === 'linked'
          ? {
              assetsInlineLimit: (/** @type {string} */ file, /** @type {Buffer} */ content) =>
                file.endsWith('.css') ? content.length < LINKED_CSS_BYTES : undefined,
            }
          : {}),
        rolldownOptions: {
          onwarn(warning, defaultHandler) {
            // withastro/astro#18087: every MDX entry warns about "use astro:head-inject".
            if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
            defaultHandler(warning);
          },
        },
      },
    },
  });
}

export default gongkaiConfig();
