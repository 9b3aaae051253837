/**
 * The security headers a county's site is served with are one list (src/lib/site-policy.ts): the nginx site and the
 * `_headers` file Netlify and Cloudflare Pages read both spell it out, and must say the same.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SITE_POLICY_DIRECTIVES, SITE_SECURITY_HEADERS, staticHostHeadersFile } from '../../src/lib/site-policy.ts';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

/** The `add_header` lines of the nginx site's server block, Cache-Control (a map per path) aside. */
function nginxHeaders(conf: string): [string, string][] {
  return [...conf.matchAll(/^\s*add_header\s+(\S+)\s+"([^"]*)"\s+always;/gm)]
    .map((m): [string, string] => [m[1]!, m[2]!])
    .filter(([name]) => name !== 'Cache-Control');
}

/** The headers `_headers` gives every path (`/*`), in the syntax Netlify and Cloudflare Pages share. */
function staticHostHeaders(file: string): [string, string][] {
  const rules = file.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('#'));
  expect(rules[0]).toBe('/*');
  return rules.slice(1).map((line): [string, string] => {
    const m = /^ {2}([A-Za-z-]+): (.+)$/.exec(line);
    expect(m, `a header line of public/_headers: ${line}`).not.toBeNull();
    return [m![1]!, m![2]!];
  });
}

describe("the site's security headers", () => {
  it('are sent by nginx exactly as the list in src/lib/site-policy.ts says', () => {
    expect(nginxHeaders(read('deploy/nginx/gongkai.conf'))).toEqual(SITE_SECURITY_HEADERS);
  });

  it('are sent by Netlify and Cloudflare Pages from public/_headers, the same as by nginx', () => {
    const file = read('public/_headers');
    expect(file).toBe(staticHostHeadersFile());
    expect(staticHostHeaders(file)).toEqual(nginxHeaders(read('deploy/nginx/gongkai.conf')));
  });

  it("carry every directive of a page's own policy, and forbid other sites from framing the pages", () => {
    const policy = new Map(SITE_SECURITY_HEADERS).get('Content-Security-Policy')!.split('; ');
    for (const directive of SITE_POLICY_DIRECTIVES) expect(policy).toContain(directive);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(new Map(SITE_SECURITY_HEADERS).get('X-Frame-Options')).toBe('DENY');
  });
});
