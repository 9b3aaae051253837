// @ts-check
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { parse } from 'yaml';
import { contentCheck } from './src/integrations/content-check.ts';
import { contentGuardHast, contentGuardMdast } from './src/integrations/content-guard.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
/** The public address comes from content/site.yaml so clerks never edit code. */
const siteUrl = new URL(parse(readFileSync(new URL('./content/site.yaml', import.meta.url), 'utf8'), { schema: 'failsafe' }).baseUrl);

export default defineConfig({
  site: siteUrl.origin,
  base: siteUrl.pathname,
  trailingSlash: 'always',
  // scripts/build.ts builds into a staging folder and swaps it in only when everything succeeded.
  outDir: process.env.GONGKAI_OUT_DIR ?? './dist',
  integrations: [contentCheck(root), mdx()],
  // Clerk narrative is untrusted: every .md/.mdx body is sanitised as it renders (the checker has
  // already refused anything unsafe; this is the second line, see src/integrations/content-guard.ts).
  markdown: { processor: satteri({ mdastPlugins: [contentGuardMdast], hastPlugins: [contentGuardHast] }) },
  // Per-checkout cache, so parallel checkouts sharing node_modules do not share Astro's data store.
  cacheDir: './.astro-cache',
  devToolbar: { enabled: false },
  build: { inlineStylesheets: 'always' },
  vite: {
    build: {
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
