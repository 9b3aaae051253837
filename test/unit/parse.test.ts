/**
 * YAML is read by js-yaml for speed, with `yaml` as the reference reader for errors. Both must give
 * the same data for every file a clerk can write, so the fast path never changes what is checked.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { generateCounty } from '../../bench/gen/county.ts';
import { parseFrontMatter, parseYaml, parseYamlSlow } from '../../src/check/parse.ts';
import { ROOT } from '../helpers/fixture-tree.ts';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : /\.(ya?ml|mdx?)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

/** The YAML part of a content file: the whole file, or the front matter of a Markdown file. */
function yamlOf(text: string): string {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  return m ? m[1]! : text;
}

function sameAsReference(text: string) {
  const fast = parseYaml(text);
  const slow = parseYamlSlow(text);
  expect(fast.ok).toBe(slow.ok);
  if (fast.ok && slow.ok) expect(fast.data).toEqual(slow.data);
  else expect(fast).toEqual(slow);
}

describe('reading YAML', () => {
  it('gives the same data as the reference reader for every file of the demo county and the fixtures', () => {
    const all = [...files(join(ROOT, 'content')), ...files(join(ROOT, 'test/fixtures'))];
    expect(all.length).toBeGreaterThan(40);
    for (const f of all) {
      const bytes = readFileSync(f);
      const text = new TextDecoder('utf-8').decode(bytes);
      sameAsReference(yamlOf(text));
    }
  });

  it('gives the same data for every file of a synthetic county', () => {
    for (const f of generateCounty({ villages: 3, quarters: 4, seed: 'parse' }).files) sameAsReference(yamlOf(f.text));
  });

  it('gives the same data for the awkward things clerks type', () => {
    const docs = [
      'a:\nb: ~\nc: null\nd: ""\ne: \'\'\n',
      'amount: 12,500.00\nfull: １２５００\nneg: -3\ndate: 2025-07-08\nflag: yes\nflag2: 否\n',
      'text: |\n  第一行\n  第二行\nfolded: >\n  一\n  二\n',
      'list: [一组, 二组, "三组"]\nmap: {yes: 6, no: 0, abstain: 0}\n',
      'a: &x 同意\nb: *x\n',
      '# 注释\nkey: value # 行尾注释\n',
      'k: "quoted \\"with\\" escapes \\u4e2d"\n',
      "k: 'single ''quoted'''\n",
      'key with spaces: v\n"quoted key": v\n',
      'nested:\n  - a: 1\n    b: [x, y]\n  - c:\n      d: e\n',
      'a: 1\r\nb: 2\r\n',
      '',
      'just text',
      '- a\n- b\n',
      'a: 1\na: 2\n',
      'a: [1, 2\n',
      'a: b: c\n',
      '\ta: 1\n',
      'a:\n\t- 1\n',
      'a: "unclosed\n',
      '---\na: 1\n---\nb: 2\n',
      'a: !!int 3\n',
      '<<: {a: 1}\nb: 2\n',
      '? complex\n: value\n',
    ];
    for (const d of docs) {
      const fast = parseYaml(d);
      const slow = parseYamlSlow(d);
      if (slow.ok) {
        // Whatever the reference accepts is accepted, with the same data.
        expect(fast, d).toEqual(slow);
      } else {
        // Whatever the reference refuses is refused, with the reference's message.
        expect(fast, d).toEqual(slow);
      }
    }
  });

  it('gives the same data for generated documents of strings, lists and maps', () => {
    const scalar = fc.oneof(
      fc.string(),
      fc.string({ unit: fc.constantFrom('元', '村', '，', '：', '#', '-', ' ', '\n', '"', "'", '1', '0', '.', ',', '１', 'a') }),
      fc.constantFrom('', '~', 'null', 'yes', 'no', '0x1F', '1e3', '-', '--', '---', '...', '*', '&', '!', '|', '>', '%', '@', '`'),
    );
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        scalar,
        fc.array(tie('v'), { maxLength: 4 }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), tie('v'), { maxKeys: 4 }),
      ),
    })).v;
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), value, { maxKeys: 6 }),
        fc.constantFrom<'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL'>('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL'),
        fc.boolean(),
        (obj, defaultStringType, flow) => {
          const text = stringify(obj, { defaultStringType, collectionStyle: flow ? 'flow' : 'block', lineWidth: 0 });
          sameAsReference(text);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("keeps a key written __proto__ or constructor as a field of its own, which the schema then reports, never as the record's prototype", () => {
    const text = 'summary: 办公用品\n__proto__:\n  approver: 张宏伟\nconstructor: 李四\n';
    // js-yaml reads it; with an alias in the file `yaml` does.
    for (const r of [parseYaml(text), parseYaml(`${text}x: &a 1\ny: *a\n`), parseFrontMatter(`---\n${text}---\n正文\n`)]) {
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      const data = r.data as Record<string, unknown>;
      expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
      expect(data.approver).toBeUndefined();
      expect(Object.keys(data)).toEqual(expect.arrayContaining(['summary', '__proto__', 'constructor']));
      expect(Object.getOwnPropertyDescriptor(data, '__proto__')?.value).toEqual({ approver: '张宏伟' });
    }
  });

  it('says a field name is followed by a Chinese full-width colon, on its line of the file, in front matter and in a list', () => {
    const front = parseFrontMatter('---\ntitle: 公开\ntype：低保初审\n---\n正文\n');
    expect(front.ok).toBe(false);
    if (!front.ok) expect(front.finding.params).toMatchObject({ colonLine: 3 });
    const list = parseYaml('expense:\n  - date: 2025-07-01\n    summary：办公用品\n');
    if (!list.ok) expect(list.finding.params).toMatchObject({ colonLine: 3 });
    else expect.unreachable('a full-width colon after a key is not YAML');
    // A full-width colon inside a value is text, and reads.
    expect(parseYaml('summary: 时间：2025年7月\n').ok).toBe(true);
  });

  it('still names the line and column of a YAML mistake in front matter', () => {
    const r = parseFrontMatter('---\ntitle: 公开\nitems: [a, b\n---\n正文\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.finding.code).toBe('file.yaml');
  });
});
