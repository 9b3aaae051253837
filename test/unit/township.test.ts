import { describe, expect, it } from 'vitest';
import { getTownshipSlugs } from '../../src/lib/township.ts';

describe('township addresses', () => {
  it('spells each township in toneless pinyin, so /t/chengguanzhen/ is 城关镇', () => {
    expect(getTownshipSlugs(['城关镇', '东南镇'])).toEqual(
      new Map([
        ['城关镇', 'chengguanzhen'],
        ['东南镇', 'dongnanzhen'],
      ]),
    );
  });

  it('numbers a second township that sounds the same, in the order townships first appear', () => {
    const slugs = getTownshipSlugs(['城关镇', '乘关镇', '城关镇']);
    expect(slugs.get('乘关镇')).toBe('chengguanzhen-2');
    expect(getTownshipSlugs(['乘关镇', '城关镇']).get('城关镇')).toBe('chengguanzhen-2');
    expect(slugs.size).toBe(2);
  });
});
