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

/**
 * The security headers every response of a county's site carries, as the web server sends them: the nginx site
 * (deploy/nginx/gongkai.conf, `add_header … always`) and, for Netlify and Cloudflare Pages, `public/_headers`, which
 * the build copies to the site's root. Both files spell them out (a server's configuration is its own language);
 * test/unit/site-headers.test.ts holds them to this list. The header's policy is the pages' directives with a
 * site-wide `style-src` (each page's own `<meta>` policy adds the strict hashes; a browser applies both) and
 * `frame-ancestors`, which a `<meta>` policy cannot carry.
 */
export const SITE_SECURITY_HEADERS: readonly (readonly [name: string, value: string])[] = [
  [
    'Content-Security-Policy',
    [
      SITE_POLICY_DIRECTIVES[0],
      `script-src ${SITE_SCRIPT_SOURCES.join(' ')}`,
      "style-src 'self' 'unsafe-inline'",
      ...SITE_POLICY_DIRECTIVES.slice(1),
      "frame-ancestors 'none'",
    ].join('; '),
  ],
  ['Strict-Transport-Security', 'max-age=31536000'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()'],
];

/** How long a browser may keep a file whose name changes with its content: a year, never asked again. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/**
 * The `Cache-Control` rules `_headers` gives Netlify and Cloudflare Pages, beside the nginx site's map
 * (deploy/nginx/gongkai.conf), which says more. Only Astro's hashed scripts and stylesheets: a rule these hosts read
 * may end in one `*` and nothing else, so the search index's and the kiosk's hashed folders (a hash in the middle of
 * the path) cannot be told from the files beside them that must not be kept (`pagefind-entry.json`, a kiosk's `sw.js`);
 * those keep the hosts' default, kept but asked again each time (`max-age=0, must-revalidate`, with an ETag). No rule
 * for `/*`: both hosts join the values of every rule a path matches, and a second `Cache-Control` would be joined to it.
 */
export const STATIC_HOST_CACHE_RULES: readonly (readonly [path: string, cacheControl: string])[] = [['/_astro/*', IMMUTABLE_CACHE_CONTROL]];

/**
 * `_headers` for Netlify and Cloudflare Pages: every path gets {@link SITE_SECURITY_HEADERS}, and the paths of
 * {@link STATIC_HOST_CACHE_RULES} their `Cache-Control`.
 */
export function staticHostHeadersFile(): string {
  const lines = ['# Security and cache headers for Netlify and Cloudflare Pages (src/lib/site-policy.ts; nginx: deploy/nginx/gongkai.conf).', '/*'];
  for (const [name, value] of SITE_SECURITY_HEADERS) lines.push(`  ${name}: ${value}`);
  for (const [path, value] of STATIC_HOST_CACHE_RULES) lines.push('', path, `  Cache-Control: ${value}`);
  return `${lines.join('\n')}\n`;
}
