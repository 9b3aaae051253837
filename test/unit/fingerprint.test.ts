import { describe, expect, it } from 'vitest';
import { canonicalJson, getFingerprint } from '../../src/lib/fingerprint.ts';

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
});
