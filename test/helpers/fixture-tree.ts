/**
 * Builds a content tree for a test: a copy of the demo county (content/) with a fixture's overlay
 * files copied over it and its text replacements applied. A replacement whose text is not found
 * throws, so a fixture can never silently stop testing anything.
 */
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface FixtureSpec {
  /** Text replacements: file relative to the tree root, then [find, replace] pairs. */
  patch?: { file: string; replace: [string, string][] }[];
  /** Files to delete, relative to the tree root. */
  remove?: string[];
  /** Files to rename, relative to the tree root. */
  rename?: { from: string; to: string }[];
  /** Files grown to at least `bytes` by appending YAML comment lines (too large to commit). */
  pad?: { file: string; bytes: number }[];
  /** Symbolic links to make: `path` relative to the tree root, `target` as written in the link. */
  symlink?: { path: string; target: string }[];
}

export function makeTree(fixtureDir?: string): { root: string; cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), 'gongkai-tree-'));
  cpSync(join(ROOT, 'content'), join(root, 'content'), { recursive: true });
  if (fixtureDir) {
    if (existsSync(join(fixtureDir, 'content'))) cpSync(join(fixtureDir, 'content'), join(root, 'content'), { recursive: true });
    const specFile = join(fixtureDir, 'fixture.json');
    const spec: FixtureSpec = existsSync(specFile) ? JSON.parse(readFileSync(specFile, 'utf8')) : {};
    for (const p of spec.patch ?? []) {
      const file = join(root, p.file);
      let text = readFileSync(file, 'utf8');
      for (const [find, replace] of p.replace) {
        if (!text.includes(find)) throw new Error(`fixture ${fixtureDir}: "${find}" not found in ${p.file}`);
        text = text.replace(find, replace);
      }
      writeFileSync(file, text);
    }
    for (const r of spec.remove ?? []) rmSync(join(root, r), { recursive: true });
    for (const r of spec.rename ?? []) renameSync(join(root, r.from), join(root, r.to));
    for (const p of spec.pad ?? []) {
      const file = join(root, p.file);
      const line = `# ${'填充 padding '.repeat(8)}\n`;
      const missing = p.bytes - statSync(file).size;
      if (missing > 0) appendFileSync(file, line.repeat(Math.ceil(missing / Buffer.byteLength(line))));
    }
    for (const l of spec.symlink ?? []) {
      rmSync(join(root, l.path), { recursive: true, force: true });
      symlinkSync(l.target, join(root, l.path));
    }
  }
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
