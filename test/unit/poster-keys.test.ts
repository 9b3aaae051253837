/**
 * A poster's layout and cache keys are made with its document serialised once for every paper size
 * (src/posters/cache.ts getPosterKeys); they must stay the keys earlier builds wrote, or every cached
 * layout and poster file would be made again.
 */
import { describe, expect, it } from 'vitest';
import { hashValue } from '../../src/lib/fingerprint.ts';
import { getCacheKey, getLayoutKey, getPosterKeys, getRenderIdentity } from '../../src/posters/cache.ts';
import { buildVillagePosterDocs } from '../../src/posters/documents.ts';
import { DEFAULT_FORMATS, POSTER_SIZES, SIZES } from '../../src/posters/sizes.ts';
import { demoCounty } from '../helpers/posters.ts';

describe('poster keys', () => {
  it('are the hashes of the document, size, formats and renderer, as the cached layouts and files were keyed', () => {
    const county = demoCounty();
    const renderer = getRenderIdentity();
    let checked = 0;
    for (const v of county.villages) {
      for (const doc of buildVillagePosterDocs(county, v)) {
        const keys = getPosterKeys(doc);
        for (const key of POSTER_SIZES) {
          const size = SIZES[key];
          const formats = DEFAULT_FORMATS[key];
          expect(keys.layout(size)).toBe(hashValue({ doc, size, renderer }).slice(0, 32));
          expect(keys.cache(size, formats)).toBe(hashValue({ doc, size, formats, renderer }).slice(0, 32));
          expect(getLayoutKey(doc, size)).toBe(keys.layout(size));
          expect(getCacheKey(doc, size, formats)).toBe(keys.cache(size, formats));
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('differ when one word of the document changes', () => {
    const county = demoCounty();
    const doc = buildVillagePosterDocs(county, county.villages[0]!)[0]!;
    const changed = { ...doc, title: `${doc.title}（更正）` };
    expect(getPosterKeys(changed).layout(SIZES.A4)).not.toBe(getPosterKeys(doc).layout(SIZES.A4));
    expect(getPosterKeys(changed).cache(SIZES.A4, ['pdf'])).not.toBe(getPosterKeys(doc).cache(SIZES.A4, ['pdf']));
  });
});
