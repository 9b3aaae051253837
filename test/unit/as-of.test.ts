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

  it("uses SOURCE_DATE_EPOCH (e.g. the data commit's date) as a China date when nothing is pinned", () => {
    // 2026-01-31 17:00 UTC is already 1 February in China.
    const epoch = String(Date.UTC(2026, 0, 31, 17, 0, 0) / 1000);
    expect(resolveAsOf(undefined, { SOURCE_DATE_EPOCH: epoch }, now)).toBe('2026-02-01');
    expect(resolveAsOf('2025-11-20', { SOURCE_DATE_EPOCH: epoch }, now)).toBe('2025-11-20');
    expect(resolveAsOf(undefined, { SOURCE_DATE_EPOCH: epoch, GONGKAI_AS_OF: '2025-12-31' }, now)).toBe('2025-12-31');
  });

  it('refuses a SOURCE_DATE_EPOCH that is not a number of seconds', () => {
    expect(() => resolveAsOf(undefined, { SOURCE_DATE_EPOCH: '2026-01-01' }, now)).toThrow(/不是秒数.*not a number of seconds/);
  });

  it('falls back to the build date in China Standard Time, not UTC', () => {
    expect(resolveAsOf(undefined, {}, now)).toBe('2026-03-02');
  });

  it('refuses an override that is not a real date, in Chinese and English', () => {
    expect(() => resolveAsOf(undefined, { GONGKAI_AS_OF: '2025-02-30' }, now)).toThrow(/不是有效日期.*not a date/);
  });
});
