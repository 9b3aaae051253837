/**
 * The render-side half of content safety, for Astro's Markdown/MDX processor (Sätteri). The checker
 * (src/check/body.ts) refuses unsafe narrative before any build; this guard makes sure that even if
 * the checker were skipped, nothing unsafe reaches a page: the mdast plugin rebuilds every body
 * through sanitizeContent (raw HTML becomes visible text, import/export and {…} are dropped before
 * MDX is compiled, unknown elements keep only their text, unsafe links lose their address), drops a
 * front-matter `layout` (which would make MDX import a module), and the hast plugin removes any
 * element that can carry code, in case a later plugin introduced one.
 */
import { defineHastPlugin, defineMdastPlugin } from 'satteri';
import { MDX_COMPONENTS } from '../components/mdx/registry.ts';
import { sanitizeContent, type MdNode } from '../lib/content-safety.ts';

export const contentGuardMdast = defineMdastPlugin({
  name: 'gongkai:content-guard',
  before(root, ctx) {
    const astro = (ctx.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro;
    if (astro?.frontmatter && 'layout' in astro.frontmatter) delete astro.frontmatter['layout'];
    const clean = sanitizeContent(root as unknown as MdNode, MDX_COMPONENTS);
    ctx.replaceNode(root, clean as unknown as typeof root);
  },
});

const CODE_ELEMENTS = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'template',
  'noscript',
  'link',
  'meta',
  'base',
  'form',
  'svg',
  'math',
];

export const contentGuardHast = defineHastPlugin({
  name: 'gongkai:content-guard-hast',
  raw(node, ctx) {
    ctx.replaceNode(node, { type: 'text', value: node.value });
  },
  element: {
    filter: CODE_ELEMENTS,
    visit(node, ctx) {
      ctx.removeNode(node);
    },
  },
});
