/**
 * Maps zod issues to findings with clerk-facing message codes. Values are taken from the raw data by
 * path so the message can quote what the clerk wrote.
 */
import type { z } from 'astro/zod';
import type { Finding } from '../lib/finding.ts';
import { removeInvisible } from '../lib/person-name.ts';
import { CONTENT_MESSAGES } from './messages/index.ts';

type AnySchema = z.ZodType;
type Def = { type: string; shape?: Record<string, AnySchema>; innerType?: AnySchema; element?: AnySchema; in?: AnySchema; options?: AnySchema[] };

function defOf(s: AnySchema): Def {
  return (s as unknown as { _zod: { def: Def } })._zod.def;
}

/** Field names allowed at `path` inside `schema` (used to suggest a fix for a misspelt field). */
export function keysAt(schema: AnySchema, path: readonly PropertyKey[]): string[] {
  let cur: AnySchema | undefined = schema;
  const unwrap = (s: AnySchema): AnySchema => {
    let d = defOf(s);
    let x = s;
    while (['optional', 'default', 'pipe', 'nullable', 'prefault'].includes(d.type)) {
      x = (d.innerType ?? d.in)!;
      d = defOf(x);
    }
    return x;
  };
  for (const seg of path) {
    if (!cur) return [];
    const u = unwrap(cur);
    const d = defOf(u);
    if (d.type === 'array') cur = d.element;
    else if (d.type === 'object') cur = d.shape?.[String(seg)];
    else return [];
  }
  if (!cur) return [];
  const d = defOf(unwrap(cur));
  return d.type === 'object' ? Object.keys(d.shape ?? {}) : [];
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

function distance(a: string, b: string): number {
  const dp = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) dp[0]![j] = j;
  for (let i = 1; i <= a.length; i += 1)
    for (let j = 1; j <= b.length; j += 1) dp[i]![j] = Math.min(dp[i - 1]![j]! + 1, dp[i]![j - 1]! + 1, dp[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return dp[a.length]![b.length]!;
}

function closest(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of allowed) {
    const d = distance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD) [best, bestD] = [k, d];
  }
  return bestD <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

type Issue = z.core.$ZodIssue;

/**
 * A key with what does not show written out: invisible characters and non-ASCII spaces as their code points
 * (handler⟨U+200B⟩), so that a message can say why a key that looks right is not (full-width letters show as they are).
 */
function showHidden(key: string): string {
  return [...key]
    .map((ch) => (removeInvisible(ch) === '' || (/\s/u.test(ch) && ch !== ' ') ? `⟨U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}⟩` : ch))
    .join('');
}

/** Converts one zod issue into findings (an unrecognized_keys issue yields one per key). */
export function issueToFindings(issue: Issue, schema: AnySchema, data: unknown): Finding[] {
  const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
  const params = (issue as { params?: Record<string, unknown> }).params;
  if (params && typeof params['code'] === 'string') {
    const { code, ...rest } = params;
    // A schema names its code as text through zod, the one place a code is not typed: check it here.
    if (!(code in CONTENT_MESSAGES)) throw new Error(`schema issue names code ${code}, which has no message in src/check/messages/content.ts`);
    const value = valueAt(data, issue.path);
    return [{ code, path, params: { value: typeof value === 'string' ? value : '', ...(rest as Record<string, string | number>) } } as Finding];
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = keysAt(schema, issue.path);
      return issue.keys.map((key) => {
        if (key === 'outcome' && path.includes('resolutions')) return { code: 'meeting.outcome-typed', path: [...path, key] };
        // A key that looks right but is not (handler with a zero-width space, ｈａｎｄｌｅｒ in full-width letters) is
        // shown with what the clerk cannot see, and read as seen for the suggestion.
        const seen = removeInvisible(key).normalize('NFKC').trim();
        const suggest = closest(seen, allowed);
        const disguised = seen !== key ? { shown: showHidden(key) } : {};
        return { code: 'field.unknown', path: [...path, key], params: { key, allowed: allowed.join(', '), ...(suggest ? { suggest } : {}), ...disguised } };
      });
    }
    case 'invalid_type': {
      const value = valueAt(data, issue.path);
      if (value === undefined) return [{ code: 'required', path, params: { field: String(path[path.length - 1] ?? '') } }];
      const expected = issue.expected;
      const code = expected === 'array' ? 'type.list' : expected === 'object' ? 'type.object' : 'type.text';
      return [{ code, path }];
    }
    case 'invalid_union': {
      const value = valueAt(data, issue.path);
      if (value === undefined) return [{ code: 'required', path, params: { field: String(path[path.length - 1] ?? '') } }];
      return [{ code: 'type.text', path }];
    }
    case 'too_small':
      return issue.origin === 'array' ? [{ code: 'list.empty', path, params: { min: Number(issue.minimum) } }] : [{ code: 'text.empty', path }];
    case 'invalid_value': {
      const value = valueAt(data, issue.path);
      if (value === undefined) return [{ code: 'required', path, params: { field: String(path[path.length - 1] ?? '') } }];
      return [{ code: 'enum.value', path, params: { value: String(value), options: issue.values.map(String).join('、') } }];
    }
    case 'invalid_format':
      if (issue.format === 'url') return [{ code: 'url.format', path, params: { value: String(valueAt(data, issue.path) ?? '') } }];
      return [{ code: 'type.text', path }];
    default:
      return [{ code: 'type.text', path }];
  }
}

/** Validates data against a schema, returning the typed value or findings. */
export function validate<S extends AnySchema>(schema: S, data: unknown): { ok: true; value: z.output<S> } | { ok: false; findings: Finding[] } {
  const r = schema.safeParse(data);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, findings: r.error.issues.flatMap((i) => issueToFindings(i, schema, data)) };
}
