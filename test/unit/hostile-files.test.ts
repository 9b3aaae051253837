/**
 * Files that would take the checker down or make it read what is not content: YAML alias bombs,
 * oversized files, symbolic links out of content/, broken MDX. Each is refused quickly, with a
 * message naming the file, and the rest of the county is still checked.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync, rmSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { contentDigests, contentStamp } from '../../src/check/digest.ts';
import { checkBody } from '../../src/check/body.ts';
import { scanPrivacy } from '../../src/check/county-rules.ts';
import { loadCounty } from '../../src/check/load.ts';
import { renderMessage } from '../../src/check/messages/index.ts';
import { parseFrontMatter, parseYaml } from '../../src/check/parse.ts';
import { makeTree } from '../helpers/fixture-tree.ts';

/** A billion-laughs document: `levels` anchors, each a list of ten aliases of the one before. */
function aliasBomb(levels = 9, key = 'bomb'): string {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < levels; i += 1)
    lines.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  lines.push(
    `${key}: [${Array(10)
      .fill(`*a${levels - 1}`)
      .join(', ')}]`,
  );
  return lines.join('\n');
}

/**
 * Runs `fn`, returning its result and how much the heap grew. Time is not asserted (the machines are shared and
 * noisy; speed is for `npm run bench`): a parser that expanded a bomb or waited on a pipe would not finish within
 * the test's timeout, and the heap bound catches expansion.
 */
function measure<T>(fn: () => T): { value: T; heapMb: number } {
  const heap = process.memoryUsage().heapUsed;
  const value = fn();
  return { value, heapMb: (process.memoryUsage().heapUsed - heap) / 1024 / 1024 };
}

/** Every kind of file a village has, with a place in it where a top-level key can go. */
const VILLAGE_FILES = [
  'content/villages/maqu/village.yaml',
  'content/villages/maqu/finances/2025-q3.yaml',
  'content/villages/maqu/volunteers/2025-q3.yaml',
  'content/villages/maqu/disclosures/2025-q3.md',
  'content/villages/maqu/meetings/2025-07-22-daibiao.md',
  'content/villages/maqu/notices/2025-11-17-dibao.md',
  'content/site.yaml',
];

describe('YAML alias bombs', () => {
  it('refuses a nine-level alias bomb given to the YAML reader without expanding it', () => {
    const { value, heapMb } = measure(() => parseYaml(aliasBomb()));
    expect(value.ok).toBe(false);
    expect(!value.ok && value.finding.code).toBe('file.yaml-aliases');
    expect(heapMb).toBeLessThan(100);
  });

  it('refuses an alias bomb in front matter, written as a block list or a flow map', () => {
    const block = ['a0: &a0', ...Array(10).fill('  - x')].join('\n') + '\n' + aliasBomb(9).split('\n').slice(1).join('\n');
    for (const front of [aliasBomb(), block, `x: {k: *a8}\n${aliasBomb()}`]) {
      const r = measure(() => parseFrontMatter(`---\n${front}\n---\n正文`));
      expect(r.value.ok).toBe(false);
    }
  });

  it('still reads a file with a few ordinary anchors and aliases', () => {
    const r = parseYaml('base: &b\n  name: 王*明\nsame: *b\n');
    expect(r.ok && r.data).toEqual({ base: { name: '王*明' }, same: { name: '王*明' } });
  });

  it.each(VILLAGE_FILES)('refuses a bomb in %s without expanding it and still checks the rest of the county', (file) => {
    const tree = makeTree();
    try {
      const abs = join(tree.root, file);
      const text = readFileSync(abs, 'utf8');
      const bomb = aliasBomb();
      writeFileSync(abs, file.endsWith('.md') ? text.replace(/^---\n/, `---\n${bomb}\n`) : `${bomb}\n${text}`);
      const { value } = measure(() => loadCounty(tree.root, { env: {} }));
      const problem = value.problems.find((p) => p.file === file);
      expect(problem?.code).toBe('file.yaml-aliases');
      expect(renderMessage(problem!.code, problem!.params).zh).toContain('& 锚点和 * 别名');
      expect(value.county).toBeUndefined();
      if (file !== 'content/site.yaml') expect(value.partial?.villages.map((v) => v.id)).toContain('dongguan');
    } finally {
      tree.cleanup();
    }
  });
});

describe('deeply nested brackets', () => {
  it('refuses a megabyte of nested [ on its line in the file', () => {
    const { value } = measure(() => parseFrontMatter(`---\ntitle: x\nbomb: ${'['.repeat(500_000)}${']'.repeat(500_000)}\n---\n正文`));
    expect(!value.ok && value.finding).toMatchObject({ code: 'file.yaml-nesting', params: { line: 3 } });
  });

  it('refuses a megabyte of nested list dashes (- - - …) by their depth, on their line', () => {
    const { value } = measure(() => parseYaml(`a:\n${'- '.repeat(500_000)}x\n`));
    expect(!value.ok && value.finding).toMatchObject({ code: 'file.yaml-nesting', params: { line: 2 } });
  });

  it('still reads ordinary lists and maps', () => {
    expect(parseYaml('a: [[x, y], {b: [z]}]\nb:\n  - - x\n    - y\n').ok).toBe(true);
  });
});

describe('oversized files', () => {
  it('refuses a 50 MB file by its size, without reading it', () => {
    const tree = makeTree();
    try {
      const file = 'content/villages/maqu/finances/2025-q3.yaml';
      writeFileSync(join(tree.root, file), `openingBalance: 0\n# ${'x'.repeat(50 * 1024 * 1024)}\n`);
      const { value } = measure(() => loadCounty(tree.root, { env: {} }));
      expect(value.problems.find((p) => p.file === file)?.code).toBe('file.too-large');
    } finally {
      tree.cleanup();
    }
  });
});

describe('files that are not files', () => {
  it('refuses a named pipe in place of a record instead of waiting on it forever', () => {
    const tree = makeTree();
    try {
      const file = 'content/villages/maqu/notices/2025-11-17-dibao.md';
      rmSync(join(tree.root, file));
      execFileSync('mkfifo', [join(tree.root, file)]);
      const { value } = measure(() => loadCounty(tree.root, { env: {} }));
      expect(value.problems.find((p) => p.file === file)?.code).toBe('file.unexpected');
    } finally {
      tree.cleanup();
    }
  });
});

describe('symbolic links', () => {
  const cases: [string, (root: string) => string][] = [
    [
      'a file linked to /etc/hostname',
      (root) => {
        const file = 'content/villages/maqu/notices/2025-11-17-dibao.md';
        rmSync(join(root, file));
        symlinkSync('/etc/hostname', join(root, file));
        return file;
      },
    ],
    [
      'a file linked to a file beside content/',
      (root) => {
        const file = 'content/villages/maqu/finances/2025-q3.yaml';
        renameSync(join(root, file), join(root, 'outside.yaml'));
        symlinkSync('../../../../outside.yaml', join(root, file));
        return file;
      },
    ],
    [
      'a folder linked to a folder outside content/',
      (root) => {
        const outside = join(root, 'elsewhere');
        renameSync(join(root, 'content/villages/maqu/meetings'), outside);
        symlinkSync(outside, join(root, 'content/villages/maqu/meetings'));
        return 'content/villages/maqu/meetings';
      },
    ],
    [
      'a village folder linked outside content/',
      (root) => {
        mkdirSync(join(root, 'other'));
        renameSync(join(root, 'content/villages/wenshui'), join(root, 'other/wenshui'));
        symlinkSync(join(root, 'other/wenshui'), join(root, 'content/villages/wenshui'));
        return 'content/villages/wenshui';
      },
    ],
    [
      'a link to a file that does not exist',
      (root) => {
        const file = 'content/villages/maqu/notices/2025-12-01-gone.md';
        symlinkSync('/nonexistent/file.md', join(root, file));
        return file;
      },
    ],
  ];

  it.each(cases)('refuses %s, naming the link', (_, make) => {
    const tree = makeTree();
    try {
      const file = make(tree.root);
      const result = loadCounty(tree.root, { env: {} });
      const problem = result.problems.find((p) => p.file === file && p.code === 'file.symlink-outside');
      expect(problem, JSON.stringify(result.problems.map((p) => [p.file, p.code]))).toBeDefined();
      expect(result.county).toBeUndefined();
      // Nothing else is said about it: it was not read.
      expect(result.problems.filter((p) => p.file.startsWith(file) && p.code !== 'file.symlink-outside')).toEqual([]);
    } finally {
      tree.cleanup();
    }
  });

  it('accepts a link that stays inside content/', () => {
    const tree = makeTree();
    try {
      const file = join(tree.root, 'content/villages/maqu/notices/2025-11-17-dibao.md');
      renameSync(file, join(tree.root, 'content/villages/maqu/dibao.txt'));
      symlinkSync('../dibao.txt', file);
      const result = loadCounty(tree.root, { env: {} });
      expect(result.problems.filter((p) => p.code === 'file.symlink-outside')).toEqual([]);
    } finally {
      tree.cleanup();
    }
  });
});

describe('broken MDX', () => {
  it('says in Chinese what is wrong, on the line and column in the file, and how to fix it', () => {
    const tree = makeTree();
    try {
      const file = 'content/villages/maqu/disclosures/2025-q3-shuoming.mdx';
      const front = readFileSync(join(tree.root, 'content/villages/maqu/disclosures/2025-q3.md'), 'utf8').split('\n---\n')[0];
      writeFileSync(join(tree.root, file), `${front}\n---\n说明。\n\n<Amount yuan="1,000.00"></Foo>\n`);
      const frontLines = `${front}\n---\n`.split('\n').length - 1;
      const result = loadCounty(tree.root, { env: {} });
      const problem = result.problems.find((p) => p.file === file && p.code === 'body.mdx-syntax')!;
      const line = frontLines + 3;
      expect(problem.path).toBe(`正文（文件第${line}行） body, line ${line} of the file`);
      const m = renderMessage(problem.code, problem.params);
      expect(m.zh).toMatch(new RegExp(`^MDX 格式有误：文件第 ${line} 行第 \\d+ 列，组件的开始和结束标签对不上。$`));
      expect(m.fixZh).toContain('</组件>');
      expect(m.en).toContain(`line ${line}`);
    } finally {
      tree.cleanup();
    }
  });
});

describe('bodies that would stall or crash the parser', () => {
  it.each([
    ['100 000 unclosed braces in MDX', '{a'.repeat(100_000), 'mdx', 'body.mdx-syntax'],
    ['20 000 nested quotes', '> '.repeat(20_000) + 'x', 'md', 'body.too-deep'],
    ['20 000 nested quotes in MDX', '> '.repeat(20_000) + 'x', 'mdx', 'body.too-deep'],
  ] as const)('refuses %s without stalling or crashing', (_, body, format, code) => {
    const { value } = measure(() => checkBody(body, format, 30));
    expect(value.map((f) => f.code)).toContain(code);
    expect(value.find((f) => f.code === code)?.path[0]).toMatch(/^正文（文件第\d+行）/);
  });

  it('scans a megabyte of digits and separators for personal numbers without stalling, and finds none', () => {
    for (const body of ['1 '.repeat(500_000), '9.'.repeat(500_000), '2025-11-17 '.repeat(90_000)]) {
      const { value } = measure(() => scanPrivacy({}, body));
      expect(value).toEqual([]);
    }
  });
});

describe('line numbers', () => {
  it('gives the same file line for a personal number and for unsafe markup on the same line', () => {
    const tree = makeTree();
    try {
      const file = 'content/villages/maqu/notices/2025-11-17-dibao.md';
      const abs = join(tree.root, file);
      writeFileSync(
        abs,
        readFileSync(abs, 'utf8').replace('以上4户拟纳入最低生活保障，现予公示。', '以上4户拟纳入最低生活保障，联系13991712345 <b>现予公示</b>。'),
      );
      const line =
        readFileSync(abs, 'utf8')
          .split('\n')
          .findIndex((l) => l.includes('13991712345')) + 1;
      const result = loadCounty(tree.root, { env: {} });
      const paths = result.problems.filter((p) => p.file === file && ['privacy.mobile', 'body.html'].includes(p.code)).map((p) => p.path);
      expect(paths).toEqual([`正文（文件第${line}行） body, line ${line} of the file`, `正文（文件第${line}行） body, line ${line} of the file`]);
    } finally {
      tree.cleanup();
    }
  });
});

describe('numbers in names', () => {
  it('reports a mobile number in a village folder name once, on the folder, not on every file in it', () => {
    const tree = makeTree();
    try {
      renameSync(join(tree.root, 'content/villages/wenshui'), join(tree.root, 'content/villages/wenshui-13991712345'));
      const result = loadCounty(tree.root, { env: {} });
      const hits = result.problems.filter((p) => p.code === 'privacy.mobile');
      expect(hits.map((p) => [p.file, p.path])).toEqual([['content/villages/wenshui-13991712345', '文件名 file name']]);
    } finally {
      tree.cleanup();
    }
  });
});

describe('the build cache and links', () => {
  it('changes the village digest when a link is added or retargeted, so a cached check cannot hide the link', () => {
    const tree = makeTree();
    try {
      const before = contentDigests(tree.root);
      const file = join(tree.root, 'content/villages/maqu/notices/2025-12-01-link.md');
      symlinkSync('/etc/hostname', file);
      const after = contentDigests(tree.root);
      rmSync(file);
      symlinkSync('/etc/hosts', file);
      const retargeted = contentDigests(tree.root);
      expect(after.villages['maqu']).not.toBe(before.villages['maqu']);
      expect(retargeted.villages['maqu']).not.toBe(after.villages['maqu']);
      expect(retargeted.villages['wenshui']).toBe(before.villages['wenshui']);
      expect(contentStamp(tree.root)).toBe(retargeted.stamp);
    } finally {
      tree.cleanup();
    }
  });
});
