/**
 * Checks the Markdown/MDX body of a record before anything renders it: parses it (never runs it)
 * with Sätteri, the parser Astro uses, and reports every unsafe construct and every 〔待填〕
 * placeholder on its line in the file. Plain .md may not contain raw HTML at all (it is refused, not
 * silently escaped); .mdx may use only the registered components in src/components/mdx/.
 */
import { markdownToMdast, mdxToMdast } from 'satteri';
import { MDX_COMPONENTS } from '../components/mdx/registry.ts';
import { bodyLinePath, findUnsafeContent, type MdNode } from '../lib/content-safety.ts';
import type { Finding } from '../lib/finding.ts';
import { PLACEHOLDER } from '../lib/scaffold-marker.ts';
import type { MdxSyntaxReason } from './messages/content.ts';

/** Unclosed braces an MDX body may have at once before it is refused without parsing. */
const MAX_OPEN_BRACES = 100;

/** Where braces first stand more than `max` deep unclosed (line and column in the body), if anywhere. */
function firstUnclosedBrace(body: string, max: number): { line: number; col: number } | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < body.length; i += 1) {
    const c = body.charCodeAt(i);
    if (c === 10) {
      line += 1;
      lineStart = i + 1;
    } else if (c === 123 && ++depth > max) return { line, col: i - lineStart + 1 };
    else if (c === 125 && depth > 0) depth -= 1;
  }
  return undefined;
}

/** What an MDX parser error is about, from its English text; the message explains each in Chinese. */
function mdxSyntaxReason(detail: string): MdxSyntaxReason {
  if (/create a comment|before name/.test(detail)) return 'comment';
  if (/closing tag/i.test(detail)) return 'closing-tag';
  if (/brace|expression/i.test(detail)) return 'brace';
  if (/after `<`|JSX tag|attribute/i.test(detail)) return 'angle';
  return 'other';
}

/**
 * Findings in a Markdown/MDX body; `firstLine` is the file line on which the body starts, so every
 * finding names the line in the file (front matter included), as the clerk's editor numbers it.
 */
export function checkBody(body: string, format: 'md' | 'mdx', firstLine = 1): Finding[] {
  const out: Finding[] = [];
  body.split('\n').forEach((line, i) => {
    const at = line.indexOf(PLACEHOLDER);
    if (at >= 0)
      out.push({ code: 'field.placeholder', path: [bodyLinePath(i + firstLine)], params: { field: '正文 body', value: line.slice(at, at + 40).trim() } });
  });
  // The MDX parser takes quadratic time on unclosed braces (100 000 of them: minutes): refuse early.
  const open = format === 'mdx' ? firstUnclosedBrace(body, MAX_OPEN_BRACES) : undefined;
  if (open) {
    const line = open.line + firstLine - 1;
    out.push({
      code: 'body.mdx-syntax',
      path: [bodyLinePath(line)],
      params: { line, col: open.col, detail: `more than ${MAX_OPEN_BRACES} unclosed {`, reason: 'brace' },
    });
    return out;
  }
  let tree: MdNode;
  try {
    const options = { features: { frontmatter: false } };
    tree = (format === 'mdx' ? mdxToMdast(body, options) : markdownToMdast(body, options)) as unknown as MdNode;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const m = /^(\d+):(\d+):\s*([\s\S]*?)(?:\s*\([\w:-]+\))?$/.exec(text.split('\n')[0] ?? '');
    const line = Number(m?.[1] ?? 1) + firstLine - 1;
    const detail = m?.[3] ?? text;
    out.push({ code: 'body.mdx-syntax', path: [bodyLinePath(line)], params: { line, col: Number(m?.[2] ?? 1), detail, reason: mdxSyntaxReason(detail) } });
    return out;
  }
  try {
    out.push(...findUnsafeContent(tree, MDX_COMPONENTS, firstLine));
  } catch (error) {
    // Thousands of nested quotes or lists exhaust the stack of any tree walk: refuse, do not crash.
    if (!(error instanceof RangeError)) throw error;
    out.push({ code: 'body.too-deep', path: [bodyLinePath(firstLine)] });
  }
  return out;
}
