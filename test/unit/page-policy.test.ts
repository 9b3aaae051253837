/**
 * A page's content security policy narrowed to the inline styles and scripts it holds (src/lib/page-policy.ts): hash
 * sources the page does not use leave, nothing is ever added, and everything else stays byte for byte.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { narrowPagePolicy } from '../../src/lib/page-policy.ts';

const sha = (algorithm: 'sha256' | 'sha384', text: string) => `'${algorithm}-${createHash(algorithm).update(text).digest('base64')}'`;
const page = (policy: string, body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${policy}">${body}</head></html>`;
const policyOf = (html: string) => /<meta http-equiv="content-security-policy" content="([^"]*)">/.exec(html)![1];

const CSS = 'body{margin:0}';
const OTHER = '.x{color:red}';
const SCRIPT = 'console.log(1)';

describe("a page's content security policy", () => {
  it('keeps the hash of each inline stylesheet the page holds and drops the hashes of the rest of the site', () => {
    const policy = `default-src 'self';object-src 'none'; script-src 'self' 'wasm-unsafe-eval' ${sha('sha256', SCRIPT)}; style-src 'self' ${sha('sha256', OTHER)} ${sha('sha256', CSS)};`;
    const html = page(policy, `<style>${CSS}</style>`);
    expect(policyOf(narrowPagePolicy(html))).toBe(
      `default-src 'self';object-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' ${sha('sha256', CSS)};`,
    );
    expect(narrowPagePolicy(html).replace(policyOf(narrowPagePolicy(html))!, '')).toBe(html.replace(policy, ''));
  });

  it('keeps the hash of an inline script, a <noscript> stylesheet and any hash algorithm, but not of a script loaded from a file', () => {
    const file = 'import "./x.js"';
    const policy = `script-src 'self' ${sha('sha256', SCRIPT)} ${sha('sha384', file)}; style-src 'self' ${sha('sha384', CSS)};`;
    const html = page(
      policy,
      `<script type="module">${SCRIPT}</script><script type="module" src="/_astro/x.js">${file}</script><noscript><style>${CSS}</style></noscript>`,
    );
    expect(policyOf(narrowPagePolicy(html))).toBe(`script-src 'self' ${sha('sha256', SCRIPT)}; style-src 'self' ${sha('sha384', CSS)};`);
  });

  it('never adds a hash the site did not allow, even for an inline stylesheet of the page', () => {
    const html = page(`style-src 'self' ${sha('sha256', OTHER)};`, `<style>${CSS}</style>`);
    expect(policyOf(narrowPagePolicy(html))).toBe(`style-src 'self';`);
  });

  it('leaves a page without a policy, or whose every hash it uses, unchanged', () => {
    const plain = `<html><head><style>${CSS}</style></head></html>`;
    expect(narrowPagePolicy(plain)).toBe(plain);
    const used = page(`style-src 'self' ${sha('sha256', CSS)};`, `<style>${CSS}</style>`);
    expect(narrowPagePolicy(used)).toBe(used);
  });
});
