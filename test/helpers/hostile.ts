/**
 * The hostile-input corpus (test/fixtures/hostile/): bodies a clerk (or someone with a clerk's git
 * access) might commit, each placed into a real record of maqu with the front matter of a demo
 * record of the same kind.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './fixture-tree.ts';

export const HOSTILE_DIR = join(ROOT, 'test/fixtures/hostile');

export interface HostileCase {
  file: string;
  code: string;
  path: string;
  into: 'disclosure' | 'meeting' | 'notice';
  compiles?: boolean;
  frontmatter?: string;
}

export const HOSTILE_CASES: HostileCase[] = (JSON.parse(readFileSync(join(HOSTILE_DIR, 'cases.json'), 'utf8')) as { cases: HostileCase[] }).cases;

const TEMPLATES = {
  disclosure: { source: 'content/villages/maqu/disclosures/2025-q3.md', name: (n: string) => `disclosures/2025-q3-h${n}` },
  meeting: { source: 'content/villages/maqu/meetings/2025-10-09-lianxi.md', name: (n: string) => `meetings/2025-10-09-h${n}` },
  notice: { source: 'content/villages/maqu/notices/2025-11-17-dibao.md', name: (n: string) => `notices/2025-11-17-h${n}` },
} as const;

/** Writes each case into `root`'s content tree; returns where each went (relative to root). */
export function placeHostileCases(root: string, cases: readonly HostileCase[] = HOSTILE_CASES): { c: HostileCase; file: string }[] {
  return cases.map((c) => {
    const t = TEMPLATES[c.into];
    const template = readFileSync(join(ROOT, t.source), 'utf8');
    const end = template.indexOf('\n---', 4);
    const front = template.slice(0, end) + (c.frontmatter ? `\n${c.frontmatter}` : '');
    const body = readFileSync(join(HOSTILE_DIR, c.file), 'utf8');
    const ext = c.file.endsWith('.mdx') ? '.mdx' : '.md';
    const file = `content/villages/maqu/${t.name(c.file.slice(0, 2))}${ext}`;
    writeFileSync(join(root, file), `${front}\n---\n${body}`);
    return { c, file };
  });
}
