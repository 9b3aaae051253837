/**
 * Turns file bytes into data: strict UTF-8 decoding (with a GBK hint when that fails), front-matter
 * splitting and YAML parsing with every scalar kept as text, so money and dates are read exactly.
 * Pure: takes bytes, returns data or a finding.
 *
 * YAML is read by js-yaml (failsafe schema), about ten times faster than `yaml` on ledgers; when it
 * refuses a file, `yaml` reads it again, so the clerk gets `yaml`'s line, column and wording, and a
 * file only `yaml` accepts is still accepted. test/unit/parse.test.ts pins that both give the same
 * data on the demo, the fixtures, a synthetic county and generated documents.
 */
import { FAILSAFE_SCHEMA, load as loadFast } from 'js-yaml';
import { parseDocument } from 'yaml';
import type { Finding } from '../lib/finding.ts';

/** `bodyLine` is the file line on which the Markdown body starts (1 for YAML files). */
export type Parsed = { ok: true; data: unknown; body: string; bodyLine: number } | { ok: false; finding: Finding };

/** Decodes UTF-8 strictly; on failure guesses GBK/GB18030 so the message can say so. */
export function decodeText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; finding: Finding } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text: text.replace(/^\uFEFF/, '') };
  } catch {
    let guess = '';
    try {
      const gbk = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
      if (/[\u4e00-\u9fff]/.test(gbk)) guess = 'GBK/GB18030';
    } catch {
      guess = '';
    }
    return { ok: false, finding: { code: 'file.encoding', path: [], params: { guess } } };
  }
}

const EMPTY = new Set(['', '~', 'null', 'Null', 'NULL']);

/**
 * Drops keys whose value is empty so that optional fields left blank count as absent. A blank value
 * is '' to `yaml` and null to js-yaml; both read as ''. Every key stays a field of its own: `__proto__:` is
 * defined, never assigned (an assignment would make its value the record's prototype, whose fields every check
 * reads but the unknown-field check never sees), so the schema reports it as an unknown field on its line.
 */
function dropEmpty(value: unknown): unknown {
  if (value === null) return '';
  if (Array.isArray(value)) return value.map(dropEmpty);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === null || (typeof v === 'string' && EMPTY.has(v.trim()))) continue;
      Object.defineProperty(out, k, { value: dropEmpty(v), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

/**
 * At most this many alias expansions per file. Content files have no reason to use anchors and
 * aliases at all; nine nested levels of them (an "alias bomb") expand a 1 KB file into 10⁹ nodes.
 */
export const MAX_YAML_ALIASES = 100;

/** An alias (`*name`) where a YAML value can start: after a space, a line start, `[`, `{` or `,`. */
const ALIAS = /(?:^|[\s[{,])\*[^\s,[\]{}]/m;

/** Deepest nesting of brackets ([ and {) or list dashes a file may have; content files need two or three. */
export const MAX_YAML_NESTING = 50;

/**
 * The line on which flow brackets first nest deeper than `max`, or a line starts with more than
 * `max` list dashes (- - - …) or `max` × 8 spaces of indentation; else 0. A cheap scan, quotes ignored.
 */
function tooDeepAt(text: string, max: number): number {
  let depth = 0;
  let line = 1;
  let lineStart = true;
  let dashes = 0;
  let indent = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (lineStart) {
      if (c === 32 || c === 9) {
        indent += 1;
        if (indent > max * 8) return line;
        continue;
      }
      if (c === 45 && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) {
        if (++dashes > max) return line;
        continue;
      }
      lineStart = false;
    }
    if (c === 10) {
      line += 1;
      lineStart = true;
      dashes = 0;
      indent = 0;
    } else if (c === 91 || c === 123) {
      depth += 1;
      if (depth > max) return line;
    } else if ((c === 93 || c === 125) && depth > 0) depth -= 1;
  }
  return 0;
}

/** Parses YAML text with the failsafe schema (all scalars are strings). */
export function parseYaml(text: string, lineOffset = 0): Parsed {
  // Both readers recurse per level: a megabyte of [[[[ takes seconds to refuse, or the stack.
  const deep = tooDeepAt(text, MAX_YAML_NESTING);
  if (deep > 0) return { ok: false, finding: { code: 'file.yaml-nesting', path: [], params: { line: deep + lineOffset, max: MAX_YAML_NESTING } } };
  // js-yaml has no alias limit: a file with aliases is read by `yaml`, which has one.
  if (ALIAS.test(text)) return parseYamlSlow(text, lineOffset);
  let data: unknown;
  try {
    data = loadFast(text, { schema: FAILSAFE_SCHEMA });
  } catch {
    return parseYamlSlow(text, lineOffset);
  }
  return { ok: true, data: dropEmpty(data ?? {}), body: '', bodyLine: 1 };
}

/** A field name followed by a full-width colon (handler：张宏伟, - date：2025-07-01), where no ASCII ": " comes first. */
const FULL_WIDTH_COLON_KEY = /^\s*(?:-\s+)?[A-Za-z_][\w-]*\s*：/;

/**
 * The line (1-based) of a field name followed by a full-width colon, on or just before the line where `yaml` gave up
 * (it reports the line after, when the key runs on into it), or 0: the Chinese input method's "：" is the commonest
 * reason a clerk's YAML fails to read, and the generic message does not say so.
 */
function fullWidthColonLine(text: string, errorLine: number): number {
  const lines = text.split('\n');
  for (const n of [errorLine, errorLine - 1]) if (n >= 1 && FULL_WIDTH_COLON_KEY.test(lines[n - 1] ?? '')) return n;
  return 0;
}

/** The reference reader (`yaml`), with clerk-facing positions and wording on errors. */
export function parseYamlSlow(text: string, lineOffset = 0): Parsed {
  const doc = parseDocument(text, { schema: 'failsafe', uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    const pos = err.linePos?.[0];
    const detail = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    const colon = fullWidthColonLine(text, pos?.line ?? 1);
    return {
      ok: false,
      finding: {
        code: 'file.yaml',
        path: [],
        params: { line: (pos?.line ?? 1) + lineOffset, col: pos?.col ?? 1, detail, yamlError: err.code, ...(colon ? { colonLine: colon + lineOffset } : {}) },
      },
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    // `yaml` refuses an alias bomb before expanding it (a ReferenceError naming resource exhaustion).
    if (error instanceof ReferenceError) return { ok: false, finding: { code: 'file.yaml-aliases', path: [], params: { max: MAX_YAML_ALIASES } } };
    throw error;
  }
  return { ok: true, data: dropEmpty(data ?? {}), body: '', bodyLine: 1 };
}

/** Splits `---` front matter from a Markdown/MDX body and parses it. */
export function parseFrontMatter(text: string): Parsed {
  const m = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { ok: false, finding: { code: 'file.frontmatter', path: [] } };
  const parsed = parseYaml(m[1]!, 1);
  if (!parsed.ok) return parsed;
  return { ok: true, data: parsed.data, body: text.slice(m[0].length), bodyLine: m[0].split('\n').length + (m[0].endsWith('\n') ? 0 : 1) };
}
