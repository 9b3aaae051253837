/**
 * Which posters every build renders (what a clerk must put up now), and the layout cache that lets
 * the pages and the build step lay out only the posters whose records changed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCacheFile } from '../../src/check/cache-file.ts';
import { LAYOUT_CACHE_DIR, openLayoutCache } from '../../src/posters/cache.ts';
import { planMissingPosters } from '../../src/posters/build-step.ts';
import { buildVillagePosterDocs } from '../../src/posters/documents.ts';
import { planVillagePosters } from '../../src/posters/plan.ts';
import { selectDefaultPosters } from '../../src/posters/selection.ts';
import { demoCounty, logPlanOf } from '../helpers/posters.ts';

const village = (id: string) => demoCounty().villages.find((v) => v.id === id)!;
const selected = (id: string, asOf = demoCounty().asOf) => selectDefaultPosters({ ...demoCounty(), asOf }, buildVillagePosterDocs(demoCounty(), village(id)));

describe('the posters every build renders', () => {
  it('are the current quarter’s 公开 and what came after it, not the previous quarter’s', () => {
    const s = selected('maqu');
    expect(s.get('finance-2025-q3')).toBe('current-quarter');
    expect(s.get('disclosure-2025-q3-dangwu')).toBe('current-quarter');
    expect(s.get('notice-2025-11-17-dibao')).toBe('current-quarter');
    expect(s.has('finance-2025-q2')).toBe(false);
    expect(s.has('disclosure-2025-q2')).toBe(false);
  });

  it('leave out a poster that a correction replaced (it must come down), and keep the correction', () => {
    const s = selected('maqu');
    expect(s.has('disclosure-2025-q3')).toBe(false);
    expect(s.has('disclosure-2025-q3-gengzheng')).toBe(true);
  });

  it('keep a 公示 of an earlier quarter while its posting period runs, and drop it once it has ended', () => {
    const county = demoCounty();
    const v = village('wenshui');
    const docs = buildVillagePosterDocs(county, v);
    const notice = docs.find((d) => d.kind === 'notice')!;
    const record = v.notices.find((n) => n.id === notice.record.id)!;
    expect(record.data.longTerm).toBe(false);
    // The village has since published its next quarter's 财务公开.
    const finance = docs.find((d) => d.kind === 'finance' && d.quarter === notice.quarter)!;
    const next = { ...finance, id: 'finance-next', quarter: `${notice.quarter}-next` };
    const pick = (asOf: string) => selectDefaultPosters({ ...county, asOf }, [...docs, next]);
    expect(pick(record.endDate).get(notice.id)).toBe('running-notice');
    const dayAfter = new Date(Date.parse(`${record.endDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(pick(dayAfter).has(notice.id)).toBe(false);
    expect(pick(dayAfter).get('finance-next')).toBe('current-quarter');
  });
});

describe('a resolution with no posting date yet', () => {
  it('is printed when its meeting was in the quarter before the current one, and left to the on-request command when older', () => {
    const county = demoCounty();
    const docs = buildVillagePosterDocs(county, village('maqu'));
    const resolution = docs.find((d) => d.kind === 'resolution')!;
    const { publishedAt: _, ...unposted } = resolution;
    const pick = (quarter: string) =>
      selectDefaultPosters(county, [...docs.filter((d) => d.id !== resolution.id), { ...unposted, quarter }]).get(resolution.id);
    expect(pick('2025-q2')).toBe('resolution-due');
    expect(pick('2025-q1')).toBeUndefined();
  });
});

describe('the poster layout cache', () => {
  /** maqu's sheet counts as kept (a self-checking cache file, src/check/cache-file.ts). */
  const readLayouts = (root: string) =>
    JSON.parse(readCacheFile(join(root, LAYOUT_CACHE_DIR, 'maqu.json'), { kind: 'poster-layouts', version: 1, key: 'maqu' })!.toString('utf8')) as Record<
      string,
      number
    >;
  it('lays out a poster once; the next build reads its sheet count from the cache', () => {
    const root = mkdtempSync(join(tmpdir(), 'gongkai-layouts-'));
    try {
      const first = planVillagePosters(root, demoCounty(), village('maqu'));
      const stored = readLayouts(root);
      expect(Object.keys(stored)).toHaveLength(first.length * 2);
      let computed = 0;
      const cache = openLayoutCache(root, 'maqu');
      for (const [key, sheets] of Object.entries(stored)) {
        expect(cache.lookup(key, () => (computed += 1))).toBe(sheets);
      }
      expect(computed).toBe(0);
      expect(planVillagePosters(root, demoCounty(), village('maqu')).map((p) => p.sizes.map((s) => s.sheets))).toEqual(
        first.map((p) => p.sizes.map((s) => s.sheets)),
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('forgets the layouts of posters that no longer exist', () => {
    const root = mkdtempSync(join(tmpdir(), 'gongkai-layouts-'));
    try {
      const cache = openLayoutCache(root, 'maqu');
      cache.lookup('gone', () => 3);
      cache.save();
      planVillagePosters(root, demoCounty(), village('maqu'));
      expect(Object.keys(readLayouts(root))).not.toContain('gone');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('plans the posters rendered ahead of the pages with the log entries they print, so the poster step finds each of them in the cache', () => {
    const root = mkdtempSync(join(tmpdir(), 'gongkai-layouts-'));
    try {
      const log = logPlanOf(demoCounty());
      const ahead = planMissingPosters(root, demoCounty(), ['maqu'], log).map((j) => j.key);
      const step = planVillagePosters(root, demoCounty(), village('maqu'), false, log).flatMap((p) => p.sizes.flatMap((s) => (s.key ? [s.key] : [])));
      expect(ahead.length).toBeGreaterThan(0);
      expect(ahead.sort()).toEqual(step.sort());
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
