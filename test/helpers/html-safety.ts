/**
 * An independent look at built HTML (not reusing src/lib/content-safety.ts, so a bug there cannot
 * hide itself): every start tag is read with its attributes, and anything that could run code is
 * listed — script-like elements, on* handlers, and javascript:/vbscript:/data: addresses, after
 * decoding entities and dropping the whitespace and control characters browsers ignore.
 */
const CODE_TAGS = new Set(['script', 'iframe', 'frame', 'object', 'embed', 'applet', 'form', 'meta', 'base', 'link', 'svg', 'math', 'template']);
const URL_ATTRS = new Set(['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'poster', 'srcset']);

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);?/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;/gi, '\t')
    .replace(/&newline;/gi, '\n')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Violations in an HTML document; `allowTags` are elements the page template itself uses (e.g. meta, link). */
export function findUnsafeHtml(html: string, allowTags: readonly string[] = []): string[] {
  const out: string[] = [];
  const withoutText = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const m of withoutText.matchAll(/<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    const tag = m[1]!.toLowerCase();
    const attrs = m[2] ?? '';
    if (CODE_TAGS.has(tag) && !allowTags.includes(tag)) out.push(`<${tag}>`);
    for (const a of attrs.matchAll(/([^\s"'=<>/]+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/g)) {
      const name = a[1]!.toLowerCase();
      const raw = (a[2] ?? '').replace(/^["']|["']$/g, '');
      if (/^on[a-z]+$/.test(name)) out.push(`<${tag} ${name}=…>`);
      if (URL_ATTRS.has(name)) {
        const url = decodeEntities(raw)
          // eslint-disable-next-line no-control-regex -- browsers ignore control characters in addresses
          .replace(/[\u0000-\u0020\u007f]/g, '')
          .toLowerCase();
        if (/^(javascript|vbscript|data|livescript):/.test(url)) out.push(`<${tag} ${name}="${raw.slice(0, 30)}">`);
      }
    }
  }
  return out;
}
