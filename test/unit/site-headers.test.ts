/**
 * The security headers a county's site is served with are one list (src/lib/site-policy.ts): the nginx site and the
 * `_headers` file Netlify and Cloudflare Pages read both spell it out, and must say the same.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SITE_POLICY_DIRECTIVES, SITE_SECURITY_HEADERS, STATIC_HOST_CACHE_RULES, staticHostHeadersFile } from '../../src/lib/site-policy.ts';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

/** The `add_header` lines of the nginx site's server block, Cache-Control (a map per path) aside. */
function nginxHeaders(conf: string): [string, string][] {
  return [...conf.matchAll(/^\s*add_header\s+(\S+)\s+"([^"]*)"\s+always;/gm)]
    .map((m): [string, string] => [m[1]!, m[2]!])
    .filter(([name]) => name !== 'Cache-Control');
}

/** The rules of a `_headers` file, in the syntax Netlify and Cloudflare Pages share: each path with its headers. */
function staticHostRules(file: string): Map<string, [string, string][]> {
  const rules = new Map<string, [string, string][]>();
  let path = '';
  for (const line of file.split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    if (line.startsWith('/')) {
      expect(rules.has(line), `one rule per path in public/_headers: ${line}`).toBe(false);
      rules.set((path = line), []);
      continue;
    }
    const m = /^ {2}([A-Za-z-]+): (.+)$/.exec(line);
    expect(m, `a header line of public/_headers: ${line}`).not.toBeNull();
    expect(path, `a header line under a path: ${line}`).not.toBe('');
    rules.get(path)!.push([m![1]!, m![2]!]);
  }
  return rules;
}

/** The nginx site's Cache-Control map: each path pattern with its value. */
function nginxCacheControl(conf: string): Map<string, string> {
  const map = /map \$uri \$gongkai_cache_control \{([^}]*)\}/.exec(conf);
  expect(map, 'the Cache-Control map of deploy/nginx/gongkai.conf').not.toBeNull();
  return new Map([...map![1]!.matchAll(/^\s*(\S+)\s+"([^"]*)";/gm)].map((m): [string, string] => [m[1]!, m[2]!]));
}

describe("the site's security headers", () => {
  it('are sent by nginx exactly as the list in src/lib/site-policy.ts says', () => {
    expect(nginxHeaders(read('deploy/nginx/gongkai.conf'))).toEqual(SITE_SECURITY_HEADERS);
  });

  it('are sent by Netlify and Cloudflare Pages from public/_headers, the same as by nginx', () => {
    const file = read('public/_headers');
    expect(file).toBe(staticHostHeadersFile());
    expect(staticHostRules(file).get('/*')).toEqual(nginxHeaders(read('deploy/nginx/gongkai.conf')));
  });

  it("let Netlify and Cloudflare Pages keep Astro's hashed scripts and stylesheets a year, as nginx does, and nothing else", () => {
    const rules = staticHostRules(read('public/_headers'));
    const nginx = nginxCacheControl(read('deploy/nginx/gongkai.conf'));
    expect([...rules.keys()]).toEqual(['/*', ...STATIC_HOST_CACHE_RULES.map(([path]) => path)]);
    // Both hosts join the values of every rule a path matches: a Cache-Control for every path would spoil these.
    expect(rules.get('/*')!.map(([name]) => name)).not.toContain('Cache-Control');
    for (const [path, value] of STATIC_HOST_CACHE_RULES) {
      // One `*`, at the end: the only wildcard both hosts read the same way.
      expect(path).toMatch(/^\/[^*:]+\/\*$/);
      expect(rules.get(path)).toEqual([['Cache-Control', value]]);
      expect(nginx.get(`~^${path.slice(0, -1)}`), `nginx's value for ${path}`).toBe(value);
    }
  });

  it("carry every directive of a page's own policy, and forbid other sites from framing the pages", () => {
    const policy = new Map(SITE_SECURITY_HEADERS).get('Content-Security-Policy')!.split('; ');
    for (const directive of SITE_POLICY_DIRECTIVES) expect(policy).toContain(directive);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(new Map(SITE_SECURITY_HEADERS).get('X-Frame-Options')).toBe('DENY');
  });
});
