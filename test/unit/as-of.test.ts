import { describe, expect, it } from 'vitest';
import { resolveAsOf } from '../../src/check/as-of.ts';

describe('the one "today" of a build', () => {
  const now = new Date('2026-03-01T20:30:00Z'); // 2026-03-02 04:30 in China

  it('uses GONGKAI_AS_OF when set, so any build can be reproduced', () => {
    expect(resolveAsOf('2025-11-20', { GONGKAI_AS_OF: '2025-12-31' }, now)).toBe('2025-12-31');
  });

  it("uses the site's pinned asOf when no override is set", () => {
    expect(resolveAsOf('2025-11-20', {}, now)).toBe('2025-11-20');
  });

  it('falls back to the build date in China Standard Time, not UTC', () => {
    expect(resolveAsOf(undefined, {}, now)).toBe('2026-03-02');
  });

  it('refuses an override that is not a real date, in Chinese and English', () => {
    expect(() => resolveAsOf(undefined, { GONGKAI_AS_OF: '2025-02-30' }, now)).toThrow(/不是有效日期.*not a date/);
  });
});
