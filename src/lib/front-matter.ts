/**
 * A Markdown file's body without its front matter, as Astro's content layer gives it to the Markdown renderer
 * (`parseFrontmatter(…, { frontmatter: 'empty-with-spaces' }).content.trim()` of @astrojs/internal-helpers), found
 * without parsing the front matter: the check (src/check) has parsed and validated it, and the pages take every field
 * from the checked county, so the content sync only needs the body.
 */

/** Astro's patterns for front matter fenced by `---` (YAML) or `+++` (TOML) at the top of a file, and for its opening fence. */
const FRONT_MATTER = /(?:^\uFEFF?|^\s*\n)(?:---|\+\+\+)([\s\S]*?\n)(?:---|\+\+\+)/;
const OPENING_FENCE = /(?:^\uFEFF?|^\s*\n)(---|\+\+\+)/;

/**
 * The body of a Markdown file: what follows its front matter (the whole file when it has none), trimmed. As Astro does,
 * the front matter is the first block between two fences of the opening fence's kind.
 */
export function getMarkdownBody(contents: string): string {
  const inner = FRONT_MATTER.exec(contents)?.[1];
  if (inner === undefined) return contents.trim();
  const fence = OPENING_FENCE.exec(contents)![1]!;
  const block = `${fence}${inner}${fence}`;
  const at = contents.indexOf(block);
  if (at < 0) return contents.trim();
  // Astro puts white space of the block's lines in its place; only white space stands before it but for odd fences.
  return `${contents.slice(0, at)}   ${inner.replace(/[^\r\n]/g, ' ')}   ${contents.slice(at + block.length)}`.trim();
}
