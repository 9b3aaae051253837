/**
 * The Content-Security-Policy every public page carries, apart from its style hashes: a county's pages through Astro's
 * `security.csp` (astro.config.mjs; the build narrows each page's hashes, src/integrations/page-policies.ts) and the
 * province portal's pages (src/province/portal.ts). Scripts only from the site; Pagefind compiles WebAssembly. The
 * nginx header (deploy/nginx/gongkai.conf) sends the same, with `frame-ancestors`, which a meta tag cannot carry.
 */
export const SITE_POLICY_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** Where scripts may come from: the site itself, and WebAssembly compiled by Pagefind. */
export const SITE_SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"] as const;
