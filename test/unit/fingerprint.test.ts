import { describe, expect, it } from 'vitest';
import { canonicalJson, getFingerprint, writeCanonicalJson } from '../../src/lib/fingerprint.ts';
import { listPublishedVersions } from '../../src/records/content.ts';
import { demoCounty } from '../helpers/posters.ts';
import { loadCounty } from '../../src/check/load.ts';
import { ROOT } from '../helpers/fixture-tree.ts';

describe('the 核对码 printed on posters and shown on the web', () => {
  it('reads as eight hex digits in two groups, e.g. 3F9A-C2D1', () => {
    expect(getFingerprint({ a: 1 })).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
  });

  it('is the same for the same content, whatever the order of the fields', () => {
    expect(getFingerprint({ title: '马曲村', amount: 1260, rows: [['1', '马天顺']] })).toBe(
      getFingerprint({ rows: [['1', '马天顺']], amount: 1260, title: '马曲村' }),
    );
    expect(canonicalJson({ b: 1, a: { d: 2, c: undefined } })).toBe('{"a":{"d":2},"b":1}');
  });

  it('changes when a single figure changes, as in a correction from 186,000.00 to 168,000.00', () => {
    expect(getFingerprint({ text: '支付工程进度款186,000.00元' })).not.toBe(getFingerprint({ text: '支付工程进度款168,000.00元' }));
  });

  it('changes when the order of table rows changes', () => {
    expect(getFingerprint({ rows: ['a', 'b'] })).not.toBe(getFingerprint({ rows: ['b', 'a'] }));
  });

  it('is cut from the same text as the canonical JSON written out field by field, for every demo record and for awkward keys', () => {
    const awkward = [
      { '10': 'a', '2': 'b', x: 'c', '01': 'd', '13991712345': '王海燕' },
      { b: [1, undefined, { d: undefined, c: '"引号"\n' }], a: -0, z: null },
      JSON.parse('{"__proto__": {"x": 1}, "a": 2}'),
      { when: new Date(0), list: [new Date(0)], text: '\u2028' },
      [[], {}, '', 0, false],
    ];
    for (const value of awkward) expect(canonicalJson(value)).toBe(writeCanonicalJson(value));
    const versions = listPublishedVersions(demoCounty());
    expect(versions.length).toBeGreaterThan(20);
    for (const v of versions) expect(canonicalJson(v.content)).toBe(writeCanonicalJson(v.content));
  });

  it('refuses a number JSON cannot hold, as the field-by-field writer does', () => {
    expect(() => canonicalJson({ a: [Number.NaN] })).toThrow(/not a finite number/);
    expect(() => canonicalJson({ a: Infinity })).toThrow(/not a finite number/);
  });
});

/** canonicalJson as first written (entries, filter, sort, map, join): the text every 核对码 and log digest was made from. */
function canonicalJsonAsFirstWritten(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (value === undefined) return 'null';
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJsonAsFirstWritten(v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJsonAsFirstWritten(v)}`).join(',')}}`;
}

describe('canonical JSON', () => {
  it('is the text the 核对码 and log digests were always made from, for every record of the demo county', () => {
    const { county } = loadCounty(ROOT);
    expect(county).toBeDefined();
    for (const v of county!.villages) expect(canonicalJson(v)).toBe(canonicalJsonAsFirstWritten(v));
  });

  it('sorts keys by code unit, leaves out undefined properties and writes undefined array items as null', () => {
    const value = { b: 1, a: [undefined, { z: '引号"', Z: null, é: 2, aa: undefined }], 中: true, '': 0, '10': 'x', '9': 'y' };
    expect(canonicalJson(value)).toBe(canonicalJsonAsFirstWritten(value));
    expect(canonicalJson(value)).toBe('{"":0,"10":"x","9":"y","a":[null,{"Z":null,"z":"引号\\"","é":2}],"b":1,"中":true}');
  });
});
