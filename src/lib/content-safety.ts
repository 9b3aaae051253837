/**
 * Clerk narrative (the Markdown/MDX body of a disclosure, meeting or notice) is untrusted input.
 * Markdown is text with formatting; MDX is a programming language. These rules let through plain
 * Markdown and, in .mdx, only the registered components with literal-text props. Everything that
 * could run code or inject markup is found (for the checker) and neutralised (for the renderer):
 * raw HTML, <script>, on* handlers, javascript:/data: links, import/export, {…} expressions,
 * unknown components and images. Pure: works on an mdast tree, knows nothing of files or Astro.
 */
import { isIsoDate } from './dates.ts';
import type { ContentCode, ContentParams, Finding } from './finding.ts';
import { parseFen } from './money.ts';

/** The mdast fields these rules read (unified mdast + mdast-util-mdx shapes). */
export interface MdNode {
  type: string;
  value?: string | null | undefined;
  url?: string | undefined;
  alt?: string | null | undefined;
  name?: string | null | undefined;
  attributes?: MdAttribute[] | undefined;
  children?: MdNode[] | undefined;
  position?: { start: { line: number; column: number } } | undefined;
  [key: string]: unknown;
}

export interface MdAttribute {
  type: string;
  name?: string;
  value?: string | null | { type: string; value: string } | undefined;
}

/** What a registered component accepts (see src/components/mdx/registry.ts). */
export interface ComponentRule {
  name: string;
  props: Readonly<Record<string, { kind: 'text' | 'money' | 'date'; required: boolean }>>;
  children: boolean;
  example: string;
}

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/** HTML elements whose content is code or hidden markup: dropped with their content, never unwrapped. */
const DROP_WITH_CONTENT = new Set([
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
  'textarea',
  'title',
  'xmp',
  'svg',
  'math',
  'link',
  'meta',
  'base',
  'form',
]);

/**
 * The scheme of a link as a browser reads it: browsers ignore ASCII whitespace and control
 * characters inside a URL, so "java&#9;script:" is "javascript:". Returns undefined for a relative
 * link, an anchor or a protocol-relative //host link.
 */
export function getUrlScheme(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const squeezed = url.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
  return /^([a-z][a-z0-9+.-]*):/.exec(squeezed)?.[1];
}

/** True when a link may be published: http(s), mailto, tel, or a relative link. */
export function isSafeUrl(url: string): boolean {
  const scheme = getUrlScheme(url);
  return scheme === undefined || SAFE_SCHEMES.has(scheme);
}

/** A raw HTML node that is nothing but one comment (<!-- … -->): harmless, dropped when rendered. */
export function isHtmlComment(value: string): boolean {
  return /^<!--(?:(?!-->)[\s\S])*-->\s*$/.test(value.trim());
}

/** An MDX expression that is nothing but a comment ({/* … *\/}): harmless, dropped when rendered. */
export function isJsComment(value: string): boolean {
  return /^\s*\/\*(?:(?!\*\/)[\s\S])*\*\/\s*$/.test(value);
}

/**
 * The field path the checker prints for something in the body: always the line in the file (front
 * matter included), the number the clerk's editor shows.
 */
export function bodyLinePath(fileLine: number): string {
  return `正文（文件第${fileLine}行） body, line ${fileLine} of the file`;
}

function snippet(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

function firstTag(html: string): string {
  const m = /<\s*\/?\s*([a-zA-Z][\w:-]*)/.exec(html);
  return m ? `<${m[1]!}>` : snippet(html, 20);
}

const EVENT_ATTR = /[\s"'/]on[a-z]+\s*=/i;

function isHtmlTagName(name: string | null | undefined): boolean {
  return !!name && /^[a-z]/.test(name);
}

/**
 * Every unsafe construct in a body, in document order, as findings on its lines in the file
 * (`firstLine` is the file line on which the body starts).
 */
export function findUnsafeContent(root: MdNode, components: readonly ComponentRule[], firstLine = 1): Finding[] {
  const out: Finding[] = [];
  // code and params are checked together at each call; TypeScript cannot follow the pair into the union.
  const at = <C extends ContentCode>(node: MdNode, code: C, params: ContentParams<C>) =>
    out.push({ code, path: [bodyLinePath((node.position?.start.line ?? 1) + firstLine - 1)], params } as Finding);
  const registered = new Map(components.map((c) => [c.name, c]));
  const componentNames = components.map((c) => `<${c.name}>`).join('、');
  // A closing tag (</b>) is reported with its opening tag, not again on its own.
  const reportedTags = new Set<string>();

  const visit = (node: MdNode) => {
    switch (node.type) {
      case 'html': {
        const value = node.value ?? '';
        if (isHtmlComment(value)) break;
        const closing = /^<\/\s*([a-zA-Z][\w:-]*)\s*>$/.exec(value.trim());
        if (closing && reportedTags.has(closing[1]!.toLowerCase())) break;
        const opening = /^<\s*([a-zA-Z][\w:-]*)/.exec(value.trim());
        if (opening) reportedTags.add(opening[1]!.toLowerCase());
        if (/<\s*script/i.test(value)) at(node, 'body.script', { snippet: snippet(value) });
        else if (EVENT_ATTR.test(value))
          at(node, 'body.event-handler', { attr: /on[a-z]+/i.exec(value.slice(value.search(EVENT_ATTR)))![0].toLowerCase(), snippet: snippet(value) });
        else {
          const tag = firstTag(value);
          const looksLikeComponent = /^<\s*[A-Z]/.test(value.trim()) && registered.has(/^<\s*([A-Za-z]+)/.exec(value.trim())?.[1] ?? '');
          at(node, 'body.html', {
            tag,
            snippet: snippet(value),
            componentInMd: looksLikeComponent,
          });
        }
        break;
      }
      case 'mdxjsEsm':
        at(node, 'body.mdx-esm', { snippet: snippet(node.value ?? '') });
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isJsComment(node.value ?? '')) at(node, 'body.mdx-expression', { snippet: snippet(node.value ?? '') });
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        const attrs = node.attributes ?? [];
        const handler = attrs.find((a) => a.type === 'mdxJsxAttribute' && /^on/i.test(a.name ?? ''));
        const rule = registered.get(name);
        if (name.toLowerCase() === 'script') at(node, 'body.script', { snippet: `<${name}>` });
        else if (handler) at(node, 'body.event-handler', { attr: (handler.name ?? '').toLowerCase(), snippet: `<${name} ${handler.name}=…>` });
        else if (!rule && isHtmlTagName(name)) at(node, 'body.html', { tag: `<${name}>`, snippet: `<${name}>`, componentInMd: false });
        else if (!rule) at(node, 'body.mdx-component', { name: name || '<>', allowed: componentNames });
        else {
          for (const a of attrs) {
            if (a.type !== 'mdxJsxAttribute') {
              at(node, 'body.mdx-expression', { snippet: snippet(String(a.value && typeof a.value === 'object' ? a.value.value : (a.value ?? ''))) });
              continue;
            }
            const prop = rule.props[a.name ?? ''];
            if (!prop) {
              at(node, 'body.mdx-attribute', { name, attr: a.name ?? '', allowed: Object.keys(rule.props).join(', ') });
              continue;
            }
            if (a.value && typeof a.value === 'object') {
              at(node, 'body.mdx-expression', { snippet: snippet(a.value.value) });
              continue;
            }
            const value = a.value ?? '';
            if (prop.kind === 'money') {
              const r = parseFen(value);
              if (!r.ok) at(node, `money.${r.error}`, { value });
            } else if (prop.kind === 'date' && !isIsoDate(value.trim())) at(node, 'date.format', { value });
          }
          for (const [propName, prop] of Object.entries(rule.props)) {
            if (prop.required && !attrs.some((a) => a.type === 'mdxJsxAttribute' && a.name === propName)) {
              at(node, 'body.mdx-attribute-missing', { name, attr: propName, example: rule.example });
            }
          }
          if (!rule.children && (node.children ?? []).length > 0)
            at(node, 'body.mdx-attribute', { name, attr: '（标签之间的内容 content between the tags）', allowed: Object.keys(rule.props).join(', ') });
        }
        break;
      }
      case 'link':
      case 'definition':
        if (node.url !== undefined && !isSafeUrl(node.url)) at(node, 'body.link-scheme', { url: snippet(node.url, 40), scheme: `${getUrlScheme(node.url)}:` });
        break;
      case 'image':
        if (node.url !== undefined && !isSafeUrl(node.url)) at(node, 'body.link-scheme', { url: snippet(node.url, 40), scheme: `${getUrlScheme(node.url)}:` });
        else at(node, 'body.image', { url: snippet(node.url ?? '', 40) });
        break;
      case 'imageReference':
        at(node, 'body.image', { url: `[${String(node['identifier'] ?? '')}]` });
        break;
      default:
        break;
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);
  return out;
}

/**
 * A copy of the tree with everything unsafe neutralised, for the renderer (defence in depth: the
 * checker refuses these before a build, this makes sure none could reach a page even so). Raw HTML
 * becomes visible text, code-like nodes are dropped, unknown elements keep only their text, unsafe
 * links lose their address, images become their description.
 */
export function sanitizeContent(root: MdNode, components: readonly ComponentRule[]): MdNode {
  const registered = new Map(components.map((c) => [c.name, c]));
  const clean = (node: MdNode): MdNode[] => {
    const kids = () => (node.children ?? []).flatMap(clean);
    switch (node.type) {
      case 'html':
        return isHtmlComment(node.value ?? '') ? [] : [{ type: 'text', value: node.value ?? '' }];
      case 'mdxjsEsm':
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        return [];
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const rule = registered.get(node.name ?? '');
        if (!rule) return DROP_WITH_CONTENT.has((node.name ?? '').toLowerCase()) ? [] : kids();
        const attributes = (node.attributes ?? []).filter(
          (a) => a.type === 'mdxJsxAttribute' && rule.props[a.name ?? ''] !== undefined && (a.value === null || typeof a.value === 'string'),
        );
        return [{ ...node, attributes, children: rule.children ? kids() : [] }];
      }
      case 'link':
        return isSafeUrl(node.url ?? '') ? [{ ...node, children: kids() }] : kids();
      case 'definition':
        return isSafeUrl(node.url ?? '') ? [node] : [];
      case 'image':
      case 'imageReference':
        return [{ type: 'text', value: node.alt ? `［图：${node.alt}］` : '' }];
      default:
        return node.children ? [{ ...node, children: kids() }] : [node];
    }
  };
  return clean(root)[0] ?? { type: 'root', children: [] };
}

/**
 * Characters a text file of records never needs and that change what a reader sees or break what the site writes:
 * C0 controls but tab and line feed (a NUL, a bell, the vertical tab Word's manual line break pastes as, a form
 * feed, ESC), a carriage return not followed by a line feed (old Mac line ends, read as one long line), DEL and
 * the C1 controls, and the bidirectional embeddings, overrides and isolates that show text in another order than it
 * is written (U+202E shows 0008 3100 831 as 138 0013 8000). XML feeds cannot hold the controls at all.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|\r(?!\n)/u;

/** Names of the controls a clerk is most likely to meet, in Chinese and English. */
const CONTROL_NAMES: Readonly<Record<number, readonly [string, string]>> = {
  0x00: ['空字符 NUL', 'NUL'],
  0x0b: ['竖向制表符（从 Word 复制的手动换行）', 'vertical tab (a Word manual line break)'],
  0x0c: ['换页符', 'form feed'],
  0x0d: ['单独的回车符（旧式换行）', 'a carriage return without a line feed (old line ends)'],
  0x1b: ['转义符 ESC', 'escape'],
  0x202e: ['从右到左覆盖符（使文字倒序显示）', 'right-to-left override (shows text reversed)'],
};

/** The first control character of `text` (see CONTROL), with its 1-based line and column, or undefined. */
export function findControlCharacter(text: string): { line: number; col: number; code: string; nameZh: string; nameEn: string } | undefined {
  const m = CONTROL.exec(text);
  if (!m) return undefined;
  const before = text.slice(0, m.index);
  const line = before.split('\n').length;
  const col = m.index - before.lastIndexOf('\n');
  const cp = m[0].charCodeAt(0);
  const [nameZh, nameEn] = CONTROL_NAMES[cp] ?? ['控制字符', 'control character'];
  return { line, col, code: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`, nameZh, nameEn };
}
