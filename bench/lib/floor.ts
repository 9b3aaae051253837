/**
 * The plain-Node floor: `node bench/lib/floor.ts <manifest.jsonl> <out-dir>` reads the same page
 * manifest as the reference Astro build (path, title, text of each of our pages), renders each with
 * a template literal and writes it with writeFileSync, on one thread. Prints `{ pages, renderMs,
 * writeMs, readMs }` as JSON. This is the least any generator can spend producing these pages here.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest } from './manifest.ts';

const [manifest, out] = process.argv.slice(2);
if (!manifest || !out) {
  console.error('usage: node bench/lib/floor.ts <manifest.jsonl> <out-dir>');
  process.exit(2);
}
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
let t = performance.now();
const pages = [...readManifest(manifest)];
const readMs = performance.now() - t;
rmSync(out, { recursive: true, force: true });
let renderMs = 0;
let writeMs = 0;
for (const p of pages) {
  t = performance.now();
  const html = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(p.title)}</title></head><body><main>${escape(p.text)}</main></body></html>`;
  const dir = join(out, p.path);
  renderMs += performance.now() - t;
  t = performance.now();
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), html);
  writeMs += performance.now() - t;
}
console.log(JSON.stringify({ pages: pages.length, readMs: Math.round(readMs), renderMs: Math.round(renderMs), writeMs: Math.round(writeMs) }));
