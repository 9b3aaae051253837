/**
 * Every page of the built demo carries a content security policy of its own (src/middleware.ts): the hash of each inline
 * style and script it holds and no other, in one policy that is otherwise the same on every page. A real browser loading
 * each template under it without a violation is test/e2e/csp.test.ts.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoDist } from '../helpers/dist.ts';
import { listFiles } from '../helpers/tree-digest.ts';

let dist = '';
beforeAll(() => {
  dist = ensureDemoDist().dist;
});

const HASH = /'(sha256|sha384|sha512)-[^']+'/g;

describe("each page's content security policy", () => {
  it('lists the hash of every inline style and script the page holds and nothing else, and is otherwise the same on every page', () => {
    const pages = listFiles(dist).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(50);
    const rest = new Set<string>();
    let inline = 0;
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const policy = /<meta http-equiv="content-security-policy" content="([^"]*)">/.exec(html)?.[1];
      expect(policy, relative(dist, file)).toBeDefined();
      const texts = [...html.matchAll(/<(style|script)\b([^>]*)>([\s\S]*?)<\/\1>/g)]
        .filter((m) => m[1] === 'style' || !/\ssrc=/.test(` ${m[2]}`))
        .map((m) => m[3]!);
      inline += texts.length;
      const held = new Set(texts.map((t) => `'sha256-${createHash('sha256').update(t).digest('base64')}'`));
      expect(new Set(policy!.match(HASH)), relative(dist, file)).toEqual(held);
      rest.add(policy!.replace(HASH, '').replace(/ +;/g, ';'));
    }
    expect(inline).toBeGreaterThanOrEqual(pages.length);
    expect([...rest]).toEqual([
      "default-src 'self';img-src 'self' data:;connect-src 'self';worker-src 'self';manifest-src 'self';object-src 'none';base-uri 'self';form-action 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';",
    ]);
  });
});
