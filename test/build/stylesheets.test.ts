/**
 * A page carries the CSS of what it renders, not the whole site's (src/styles/README.md): the parts only some pages
 * show (village cards, a meeting's numbered steps, the finance bars, the glossary, the compliance tables, the village
 * board) come with the component or page that renders them. Checked on the built demo, where CSS is inline.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoDist } from '../helpers/dist.ts';

let dist = '';
beforeAll(() => {
  dist = ensureDemoDist().dist;
});

/** Every inline stylesheet of the page at `path` (a folder under dist), joined. */
function cssOf(path: string): string {
  const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
  return [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
}
/** The first record of `kind` in the demo village 马渠 (maqu). */
function firstRecord(kind: string): string {
  const first = readdirSync(join(dist, 'v', 'maqu', kind), { withFileTypes: true }).find((e) => e.isDirectory());
  if (!first) throw new Error(`no ${kind} record in dist/v/maqu`);
  return `v/maqu/${kind}/${first.name}`;
}

/** A rule of each part that only some pages show, as it appears in the built CSS. */
const PARTS = {
  cards: /\.cards\b/,
  steps: /\.steps\b/,
  bars: /\.bar-track\b/,
  glossary: /dl\.glossary\b/,
  compliance: /td\.check\b/,
  board: /\.plain\b/,
  signoff: /\.signoff\b/,
  printLink: /\.print-link\b/,
  layout: /header\.site\b/,
} as const;
const partsIn = (css: string) => Object.entries(PARTS).flatMap(([name, re]) => (re.test(css) ? [name] : []));

describe('each page carries only the CSS of what it renders', () => {
  it('gives a meeting page the site layout, its numbered steps and print link, and no village cards, bars, glossary, compliance or board rules', () => {
    expect(partsIn(cssOf(firstRecord('meetings')))).toEqual(['steps', 'printLink', 'layout']);
  });

  it('gives a quarterly finance page its bars, sign-off block and print link only', () => {
    expect(partsIn(cssOf(firstRecord('finances')))).toEqual(['bars', 'signoff', 'printLink', 'layout']);
  });

  it("gives the home page its village cards and none of the record pages' parts", () => {
    expect(partsIn(cssOf(''))).toEqual(['cards', 'layout']);
  });

  it("gives a village's board its own rules and the glossary page its own", () => {
    expect(partsIn(cssOf('v/maqu'))).toEqual(['board', 'layout']);
    expect(partsIn(cssOf('mingci'))).toEqual(['glossary', 'layout']);
    expect(partsIn(cssOf('compliance'))).toEqual(['compliance', 'layout']);
  });

  it('keeps a meeting page’s CSS well under the whole site’s 9.7 KB', () => {
    expect(Buffer.byteLength(cssOf(firstRecord('meetings')))).toBeLessThan(7 * 1024);
  });
});
