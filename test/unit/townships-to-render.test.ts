/**
 * A township's pages (/t/<slug>/, /compliance/<slug>/ and its views) show its own villages, the site, the county's
 * state date and the date's states: a one-village update on the same day renders only the changed village's township
 * again, and anything that could change another township's page (a new day, a new state date, a township added, gone
 * or renamed, a village moved) renders every township's (src/build/context.ts `getTownshipsToRender`).
 */
import { describe, expect, it } from 'vitest';
import { contextRendersTownship, getTownshipsToRender } from '../../src/build/context.ts';

const townships = { maqu: '天成镇', dongxing: '东南镇', dongguan: '城关镇', wenshui: '温水镇', xigou: '温水镇' };
const last = { townships, stateDate: '2025-11-18' };
const now = { townships, stateDate: '2025-11-18' };

describe('the townships a one-village update renders again', () => {
  it("are only the changed villages' townships on the same day with the same state date", () => {
    expect(getTownshipsToRender(last, now, ['maqu'], false)).toEqual(['天成镇']);
    expect(getTownshipsToRender(last, now, ['wenshui', 'xigou'], false)).toEqual(['温水镇']);
    expect(getTownshipsToRender(last, now, [], false)).toEqual([]);
  });

  it('are every township on a new day, or when the state date the pages print changed', () => {
    expect(getTownshipsToRender(last, now, ['maqu'], true)).toBeUndefined();
    expect(getTownshipsToRender(last, { ...now, stateDate: '2025-11-19' }, ['maqu'], false)).toBeUndefined();
  });

  it('are every township when the last build did not record them (a record from an older version)', () => {
    expect(getTownshipsToRender(undefined, now, ['maqu'], false)).toBeUndefined();
    expect(getTownshipsToRender({ stateDate: '2025-11-18' }, now, ['maqu'], false)).toBeUndefined();
  });

  it('are both townships of a village that moved, when the townships stay the same', () => {
    const moved = { ...townships, xigou: '天成镇' };
    expect(getTownshipsToRender(last, { ...now, townships: moved }, ['xigou'], false)?.sort()).toEqual(['天成镇', '温水镇'].sort());
  });

  it('are every township when one is added, gone or renamed (the slugs follow the set of names), or an unchanged village moved', () => {
    expect(getTownshipsToRender(last, { ...now, townships: { ...townships, xinzhuang: '新庄镇' } }, ['xinzhuang'], false)).toBeUndefined();
    const { dongguan: _gone, ...withoutChengguan } = townships;
    expect(getTownshipsToRender(last, { ...now, townships: withoutChengguan }, [], false)).toBeUndefined();
    expect(getTownshipsToRender(last, { ...now, townships: { ...townships, maqu: '天城镇' } }, ['maqu'], false)).toBeUndefined();
    // A village's township can only change with its village.yaml: a village not counted as changed but moved is a doubt.
    expect(getTownshipsToRender(last, { ...now, townships: { ...townships, xigou: '天成镇' } }, [], false)).toBeUndefined();
  });

  it('include the township of a village removed since, when its township stays', () => {
    const { xigou: _removed, ...withoutXigou } = townships;
    expect(getTownshipsToRender(last, { ...now, townships: withoutXigou }, [], false)).toEqual(['温水镇']);
  });

  it('are what the pages of a build follow: every township without a list', () => {
    expect(contextRendersTownship(undefined, '温水镇')).toBe(true);
    expect(contextRendersTownship({}, '温水镇')).toBe(true);
    expect(contextRendersTownship({ townshipsToRender: ['天成镇'] }, '温水镇')).toBe(false);
    expect(contextRendersTownship({ townshipsToRender: ['天成镇'] }, '天成镇')).toBe(true);
  });
});
