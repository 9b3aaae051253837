/**
 * The file line of a field: maps a finding's field path (["signoff", "reviewedAt"], ["items", 2])
 * to the line the clerk's editor shows, from the source positions `yaml`'s parseDocument keeps. The
 * document is parsed only when a line is first asked for, so files without problems cost nothing.
 * Pure: takes the file's text, returns a lookup.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** The line of a field path in one file, or undefined (whole file, or nothing there to point at). */
export type LineOf = (path: readonly (string | number)[]) => number | undefined;

/** A body finding's path names its line already: "正文（文件第12行） body, line 12 of the file". */
const BODY_LINE = /^正文（文件第(\d+)行）/;

/**
 * A lookup for a YAML file (`kind: 'yaml'`) or the front matter of a Markdown/MDX file. A path that
 * goes deeper than the file (a missing field) gets the line of the deepest part that exists.
 */
export function makeLineOf(text: string, kind: 'yaml' | 'md'): LineOf {
  let found: { doc: ReturnType<typeof parseDocument>; lines: LineCounter; offset: number } | undefined;
  const load = () => {
    if (found) return found;
    // Front matter starts on line 2, after the opening ---.
    const m = kind === 'md' ? /^---\r?\n([\s\S]*?)\r?\n---/.exec(text) : undefined;
    const yamlText = kind === 'md' ? (m?.[1] ?? '') : text;
    const lines = new LineCounter();
    found = { doc: parseDocument(yamlText, { schema: 'failsafe', lineCounter: lines }), lines, offset: kind === 'md' ? 1 : 0 };
    return found;
  };
  return (path) => {
    if (path.length === 0) return undefined;
    const body = typeof path[0] === 'string' ? BODY_LINE.exec(path[0]) : null;
    if (body) return Number(body[1]);
    const { doc, lines, offset } = load();
    let node: unknown = doc.contents;
    let line: number | undefined;
    const lineAt = (n: Node | null | undefined) => (n?.range ? lines.linePos(n.range[0]).line + offset : undefined);
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) break;
        line = lineAt(pair.key as Node) ?? line;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item = node.items[seg] as Node | undefined;
        if (!item) break;
        line = lineAt(item) ?? line;
        node = item;
      } else break;
    }
    return line;
  };
}
