/**
 * Every page of the built demo carries a content security policy of its own (src/integrations/page-policies.ts, run by
 * scripts/build.ts after the page process): the hash of each inline style and script it holds and no other, in one
 * policy that is otherwise the same on every page. A real browser loading each template under it without a violation
 * is test/e2e/csp.test.ts; an incremental build's pages, rendered and carried, are test/build/incremental.test.ts.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoDist } from '../helpers/dist.ts';
import { inlineHashes, policyHashes, policyOf, policyWithoutHashes } from '../helpers/page-policy.ts';
import { listFiles } from '../helpers/tree-digest.ts';

let dist = '';
beforeAll(() => {
  dist = ensureDemoDist().dist;
});

describe("each page's content security policy", () => {
  it('lists the hash of every inline style and script the page holds and nothing else, and is otherwise the same on every page', () => {
    const pages = listFiles(dist).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(50);
    const rest = new Set<string>();
    let inline = 0;
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      expect(policyOf(html), relative(dist, file)).toBeDefined();
      const held = inlineHashes(html);
      inline += held.size;
      expect(policyHashes(html), relative(dist, file)).toEqual(held);
      rest.add(policyWithoutHashes(html)!);
    }
    expect(inline).toBeGreaterThanOrEqual(pages.length);
    expect([...rest]).toEqual([
      "default-src 'self';img-src 'self' data:;connect-src 'self';worker-src 'self';manifest-src 'self';object-src 'none';base-uri 'self';form-action 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';",
    ]);
  });

  it('gives the search page, a kiosk screen and a notice page different policies, each with only its own hashes', () => {
    const read = (path: string) => readFileSync(`${dist}/${path}`, 'utf8');
    const notice = listFiles(`${dist}/v/maqu/notices`).find((f) => f.endsWith('index.html'))!;
    const policies = ['search/index.html', 'kiosk/maqu/index.html', relative(dist, notice)].map((p) => [...policyHashes(read(p))].sort().join(' '));
    expect(new Set(policies).size).toBe(3);
    // The search page's <noscript> style (astro.config.mjs) is allowed on the search page alone.
    expect(policyOf(read('search/index.html'))).toContain("'sha256-yZ/QvGCsoWw2ikFovGRxDXnFFTZEJD8SqLOkrubMqng='");
    expect(policyOf(read('kiosk/maqu/index.html'))).not.toContain("'sha256-yZ/QvGCsoWw2ikFovGRxDXnFFTZEJD8SqLOkrubMqng='");
  });
});
