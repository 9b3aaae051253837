/**
 * Hugo as a reference builder: `writeHugoSite(manifest, dir)` turns the benchmark's page manifest
 * (path, title and text of each of our pages) into a Hugo site that writes the same pages on the
 * same paths (one content file per page with its `url`, one template printing title and text, every
 * other page kind — home, sections, taxonomies, RSS, sitemap — switched off), and `hugoVersion()`
 * says which `hugo` binary is installed, if any (Debian: `apt-get install hugo`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest } from './manifest.ts';

/** "hugo v0.111.3+extended …" of the `hugo` on PATH, or undefined when there is none. */
export function hugoVersion(): string | undefined {
  const run = spawnSync('hugo', ['version'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim().split(/\s+/).slice(0, 2).join(' ') : undefined;
}

const CONFIG = `baseURL = "https://cwgk.example.cn/"
languageCode = "zh-CN"
disableKinds = ["home", "section", "taxonomy", "term", "RSS", "sitemap", "404", "robotsTXT"]
disableHugoGeneratorInject = true
[markup.goldmark.renderer]
unsafe = true
`;

const SINGLE = `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>
`;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Writes the Hugo project for the manifest's pages into `dir` (replacing it); returns the page count. */
export function writeHugoSite(manifest: string, dir: string): number {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'layouts', '_default'), { recursive: true });
  writeFileSync(join(dir, 'config.toml'), CONFIG);
  writeFileSync(join(dir, 'layouts', '_default', 'single.html'), SINGLE);
  // Content files in folders of 1,000 (the folders are sections, which are not rendered).
  let i = 0;
  for (const p of readManifest(manifest)) {
    const folder = join(dir, 'content', `p${Math.floor(i / 1000)}`);
    if (i % 1000 === 0) mkdirSync(folder, { recursive: true });
    const front = JSON.stringify({ title: p.title, url: `/${p.path ? `${p.path}/` : ''}` });
    writeFileSync(join(folder, `${i}.html`), `${front}\n${escapeHtml(p.text)}\n`);
    i += 1;
  }
  return i;
}
