/**
 * Checks the Markdown/MDX body of a record before anything renders it: parses it (never runs it)
 * with Sätteri, the parser Astro uses, and reports every unsafe construct and every 〔待填〕
 * placeholder on its body line. Plain .md may not contain raw HTML at all (it is refused, not
 * silently escaped); .mdx may use only the registered components in src/components/mdx/.
 */
import { markdownToMdast, mdxToMdast } from 'satteri';
import { MDX_COMPONENTS } from '../components/mdx/registry.ts';
import { bodyLinePath, findUnsafeContent, type MdNode } from '../lib/content-safety.ts';
import type { Finding } from '../lib/finding.ts';
import { PLACEHOLDER } from '../lib/scaffold-marker.ts';

export function checkBody(body: string, format: 'md' | 'mdx'): Finding[] {
  const out: Finding[] = [];
  body.split('\n').forEach((line, i) => {
    const at = line.indexOf(PLACEHOLDER);
    if (at >= 0) out.push({ code: 'field.placeholder', path: [bodyLinePath(i + 1)], params: { field: '正文 body', value: line.slice(at, at + 40).trim() } });
  });
  let tree: MdNode;
  try {
    const options = { features: { frontmatter: false } };
    tree = (format === 'mdx' ? mdxToMdast(body, options) : markdownToMdast(body, options)) as unknown as MdNode;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const m = /^(\d+):(\d+):\s*([\s\S]*?)(?:\s*\([\w:-]+\))?$/.exec(text.split('\n')[0] ?? '');
    const line = Number(m?.[1] ?? 1);
    out.push({ code: 'body.mdx-syntax', path: [bodyLinePath(line)], params: { line, col: Number(m?.[2] ?? 1), detail: m?.[3] ?? text } });
    return out;
  }
  out.push(...findUnsafeContent(tree, MDX_COMPONENTS));
  return out;
}
