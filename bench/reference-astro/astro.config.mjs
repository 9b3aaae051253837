// @ts-check
// The reference build for the county benchmark: a plain Astro project with one route that prints
// the text of each of our pages (same paths, same words, no content layer, no checks, no layout).
// Its time over the same pages is Astro's own cost; ours divided by it is our overhead.
import { defineConfig } from 'astro/config';

export default defineConfig({
  outDir: process.env.REF_OUT_DIR ?? './dist',
  cacheDir: process.env.REF_CACHE_DIR ?? './.astro-cache',
  trailingSlash: 'always',
  devToolbar: { enabled: false },
});
