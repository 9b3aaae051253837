/**
 * A village board with two years of records (a generated village, 8 quarters, built with the real build): this year's
 * disclosures, notices, meetings and volunteer periods are listed open, older years are folded under one heading per
 * year, and every record the board listed before is still one link away.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGeneratedCounty, type GeneratedCounty } from '../helpers/generated-county.ts';

let county: GeneratedCounty | undefined;
let dist: string;
let village: string;
let board: string;

beforeAll(() => {
  county = buildGeneratedCounty('board', { villages: 1, quarters: 8, seed: 3 });
  dist = county.dist;
  village = readdirSync(join(dist, 'v')).find((d) => existsSync(join(dist, 'v', d, 'meetings')))!;
  board = readFileSync(join(dist, 'v', village, 'index.html'), 'utf8');
}, 600_000);

afterAll(() => county?.remove());

/** The part of the board under one section heading, up to the next heading of its level. */
const section = (id: string) => {
  const start = board.indexOf(`id="${id}"`);
  return board.slice(start, board.indexOf('<h2', start + 1));
};
const links = (html: string, kind: string) => [...html.matchAll(new RegExp(`href="/v/${village}/${kind}/([^"/]+)/"`, 'g'))].map((m) => m[1]!);
const folds = (html: string) =>
  [...html.matchAll(/<details class="older"><summary>(\d{4})年的[^（]*（(\d+) [期项次]）<\/summary>([\s\S]*?)<\/details>/g)].map((m) => ({
    year: Number(m[1]),
    count: Number(m[2]),
    body: m[3]!,
  }));
const open = (html: string) => html.replace(/<details[\s\S]*?<\/details>/g, '');
const pages = (kind: string) => readdirSync(join(dist, 'v', village, kind)).sort();

describe('a village board with two years of records', () => {
  it('lists every meeting, notice and volunteer period once, the newest year open and each older year folded under its year with its count', () => {
    for (const [id, kind] of [
      ['meetings', 'meetings'],
      ['notices', 'notices'],
      ['volunteers', 'volunteers'],
    ] as const) {
      const html = section(id);
      expect(links(html, kind).sort(), kind).toEqual(pages(kind));
      const older = folds(html);
      // Eight quarters of meetings and volunteer periods always reach past the open part; notices may not.
      if (kind !== 'notices') expect(older.length, `${kind}: older years folded`).toBeGreaterThan(0);
      const shownYears = new Set(links(open(html), kind).map((p) => Number(p.slice(0, 4))));
      for (const f of older) {
        expect(links(f.body, kind), `${kind} ${f.year}`).toHaveLength(f.count);
        expect(shownYears.has(f.year), `${kind}: ${f.year} is either open or folded, not split`).toBe(false);
      }
      expect(older.map((f) => f.year)).toEqual([...older.map((f) => f.year)].sort((a, b) => b - a));
    }
  });

  it('shows each quarter’s disclosures on one line, its tracks side by side, the latest year open and older years folded', () => {
    const html = section('disclosures');
    const lines = [...html.matchAll(/<li><span class="period">([^<]+)<\/span>：([\s\S]*?)<\/li>/g)];
    const labels = lines.map((l) => l[1]);
    expect(new Set(labels).size, 'one line per period').toBe(labels.length);
    expect(lines.some((l) => /村务公开[\s\S]*财务公开/.test(l[2]!))).toBe(true);
    expect(folds(html).length).toBeGreaterThan(0);
    expect(open(html)).toContain('2025年第四季度');
    // Every disclosure in force is linked; only those a correction replaced are not.
    const linked = new Set(links(html, 'disclosures'));
    const replaced = pages('disclosures').filter((p) => !linked.has(p));
    for (const p of replaced) expect(readFileSync(join(dist, 'v', village, 'disclosures', p, 'index.html'), 'utf8'), p).toMatch(/更正/);
  });

  it('never folds a notice that is still running or yet to start', () => {
    const html = section('notices');
    for (const f of folds(html)) expect(f.body).not.toMatch(/badge (running|upcoming)/);
  });
});
