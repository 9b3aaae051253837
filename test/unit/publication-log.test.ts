/**
 * The leaves of the publication log, from the demo county's records: each digest is the content the
 * 核对码 is cut from; the county frame (site address, county hotline) is not part of a record's
 * content; the log stamp on a poster re-renders it without changing its 核对码.
 */
import { describe, expect, it } from 'vitest';
import { buildLogLeaves } from '../../src/integrations/publication-log.ts';
import { getCacheKey } from '../../src/posters/cache.ts';
import { stampPosterDoc } from '../../src/posters/plan.ts';
import { SIZES } from '../../src/posters/sizes.ts';
import { getLayoutFonts } from '../../src/posters/fonts.ts';
import { layoutPoster } from '../../src/posters/layout.ts';
import { demoCounty, layoutTexts } from '../helpers/posters.ts';

describe('publication log leaves', () => {
  it("give every published record version one leaf whose digest starts with the record's 核对码", () => {
    const logged = buildLogLeaves(demoCounty());
    expect(logged.length).toBeGreaterThan(10);
    const keys = logged.map(({ leaf }) => `${leaf.village}/${leaf.kind}/${leaf.id}@${leaf.version}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const { leaf, doc } of logged) {
      expect(leaf.digest.slice(0, 8).toUpperCase()).toBe(doc.fingerprint.replace('-', ''));
      expect(leaf.publishedAt).toBe(doc.publishedAt);
    }
  });

  it('name the record a correction supersedes, with a higher version', () => {
    const corrections = buildLogLeaves(demoCounty()).filter(({ leaf }) => leaf.supersedes);
    expect(corrections.length).toBeGreaterThan(0);
    for (const { leaf } of corrections) expect(leaf.version).toBeGreaterThan(1);
  });

  it('keep the same digests (and 核对码) when the county moves its site or changes its hotline', () => {
    const county = demoCounty();
    const moved = { ...county, site: { ...county.site, baseUrl: 'https://gongkai.other.example.cn/sub/', hotline: '0917-4600000' } };
    const a = buildLogLeaves(county);
    const b = buildLogLeaves(moved);
    expect(b.map((r) => r.leaf)).toEqual(a.map((r) => r.leaf));
    expect(b.map((r) => r.doc.fingerprint)).toEqual(a.map((r) => r.doc.fingerprint));
    expect(b[0]!.doc.url).not.toBe(a[0]!.doc.url);
  });

  it('do not change as days pass (a build next year logs nothing new for the same content)', () => {
    const county = demoCounty();
    expect(buildLogLeaves({ ...county, asOf: '2027-06-01' }).map((r) => r.leaf)).toEqual(buildLogLeaves(county).map((r) => r.leaf));
  });

  it("put the record's log entry on its poster, which re-renders it without changing its 核对码", () => {
    const { leaf, doc } = buildLogLeaves(demoCounty())[3]!;
    const plan = {
      size: 40,
      appended: 0,
      appendedVillages: [],
      records: { [`${leaf.village}/${leaf.kind}/${leaf.id}`]: { index: 12, leaf: '{}', root: 'abcdef01', content: true } },
    };
    const stamped = stampPosterDoc(doc, plan);
    expect(stamped.log).toEqual({ index: 12, size: 13, root: 'abcdef01' });
    expect(stamped.fingerprint).toBe(doc.fingerprint);
    expect(getCacheKey(stamped, SIZES.A4, ['pdf'])).not.toBe(getCacheKey(doc, SIZES.A4, ['pdf']));
    const texts = layoutTexts(layoutPoster(stamped, SIZES.A4, getLayoutFonts())).join('\n');
    expect(texts).toContain(`核对码 ${doc.fingerprint}`);
    expect(texts).toContain('公开日志第 12 条 · 登记时日志共 13 条 · 根哈希 abcdef01');
  });
});
