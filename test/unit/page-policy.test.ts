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

/** The page narrowed, bytes in and out as the build reads and writes it. */
const narrow = (html: string) => Buffer.from(narrowPagePolicy(Buffer.from(html))).toString('utf8');

const CSS = 'body{margin:0}';
const OTHER = '.x{color:red}';
const SCRIPT = 'console.log(1)';

describe("a page's content security policy", () => {
  it('keeps the hash of each inline stylesheet the page holds and drops the hashes of the rest of the site', () => {
    const policy = `default-src 'self';object-src 'none'; script-src 'self' 'wasm-unsafe-eval' ${sha('sha256', SCRIPT)}; style-src 'self' ${sha('sha256', OTHER)} ${sha('sha256', CSS)};`;
    const html = page(policy, `<style>${CSS}</style>`);
    expect(policyOf(narrow(html))).toBe(`default-src 'self';object-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' ${sha('sha256', CSS)};`);
    expect(narrow(html).replace(policyOf(narrow(html))!, '')).toBe(html.replace(policy, ''));
  });

  it('keeps the hash of an inline script, a <noscript> stylesheet and any hash algorithm, but not of a script loaded from a file', () => {
    const file = 'import "./x.js"';
    const policy = `script-src 'self' ${sha('sha256', SCRIPT)} ${sha('sha384', file)}; style-src 'self' ${sha('sha384', CSS)};`;
    const html = page(
      policy,
      `<script type="module">${SCRIPT}</script><script type="module" src="/_astro/x.js">${file}</script><noscript><style>${CSS}</style></noscript>`,
    );
    expect(policyOf(narrow(html))).toBe(`script-src 'self' ${sha('sha256', SCRIPT)}; style-src 'self' ${sha('sha384', CSS)};`);
  });

  it('never adds a hash the site did not allow, even for an inline stylesheet of the page', () => {
    const html = page(`style-src 'self' ${sha('sha256', OTHER)};`, `<style>${CSS}</style>`);
    expect(policyOf(narrow(html))).toBe(`style-src 'self';`);
  });

  it('leaves a page without a policy, or whose every hash it uses, unchanged', () => {
    const plain = `<html><head><style>${CSS}</style></head></html>`;
    const plainBytes = Buffer.from(plain);
    expect(narrowPagePolicy(plainBytes)).toBe(plainBytes);
    const used = page(`style-src 'self' ${sha('sha256', CSS)};`, `<style>${CSS}</style>`);
    const usedBytes = Buffer.from(used);
    expect(narrowPagePolicy(usedBytes)).toBe(usedBytes);
  });

  it('hashes an inline style with Chinese in it as its UTF-8 bytes, and leaves the Chinese around the policy byte for byte', () => {
    const chinese = '.notice::before{content:"公示期满"}';
    const policy = `style-src 'self' ${sha('sha256', OTHER)} ${sha('sha256', chinese)};`;
    const html = page(policy, `<title>马渠村务公开栏</title><style>${chinese}</style><p>村务监督委员会 ¥1,250.00</p>`);
    expect(policyOf(narrow(html))).toBe(`style-src 'self' ${sha('sha256', chinese)};`);
    expect(narrow(html)).toBe(html.replace(` ${sha('sha256', OTHER)}`, ''));
  });
});
