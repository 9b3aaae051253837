/**
 * Markdown/MDX record bodies as plain paragraphs, for paper: emphasis, links and code marks are
 * dropped and their text kept; list items become their own paragraphs; a component that only the
 * web can show is replaced by a pointer to the web page, so nothing disappears without a trace.
 */

/** Text of one Markdown line with inline marks removed. */
export function stripInline(line: string): string {
  return line
    .replace(/<[A-Z][\w.]*[^>]*\/>/g, '（此处图表请扫码在网页查看）')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, (_, alt: string) => (alt ? `（图片：${alt}，请扫码在网页查看）` : '（图片请扫码在网页查看）'))
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(?<![\w*])\*(?!\s)(.+?)\*(?!\w)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .trim();
}

const CJK_EDGE = /[\u2e80-\u9fff\uff00-\uffef]/;

/** Joins the lines of one paragraph: no space between Chinese lines, one space between Latin ones. */
function joinLines(lines: string[]): string {
  return lines.reduce((acc, l) => (acc === '' ? l : CJK_EDGE.test(acc.slice(-1)) || CJK_EDGE.test(l.charAt(0)) ? acc + l : `${acc} ${l}`), '');
}

export interface PlainBlock {
  kind: 'heading' | 'paragraph';
  text: string;
}

/** The body as headings and paragraphs of plain text, in order. */
export function markdownToBlocks(body: string): PlainBlock[] {
  const out: PlainBlock[] = [];
  let para: string[] = [];
  const flush = () => {
    const text = joinLines(para.map(stripInline).filter(Boolean));
    if (text) out.push({ kind: 'paragraph', text });
    para = [];
  };
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    if (/^(import|export)\s/.test(line)) continue;
    if (line === '' || /^(-{3,}|\*{3,})$/.test(line)) {
      flush();
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      const text = stripInline(heading[1]!);
      if (text) out.push({ kind: 'heading', text });
      continue;
    }
    const item = /^(?:[-*+]|(\d+)[.)、])\s+(.*)$/.exec(line);
    if (item) {
      flush();
      para = [`${item[1] ? `${item[1]}. ` : '· '}${item[2]!}`];
      continue;
    }
    para.push(line.replace(/^>\s?/, ''));
  }
  flush();
  return out;
}
