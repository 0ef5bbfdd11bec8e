import { describe, expect, it } from 'vitest';
import { redactNames } from './redactNames.ts';

describe('redactNames', () => {
  it('takes out full and given names, and leaves other children and words alone', () => {
    const text = '王小雨在滑梯摔倒，小雨哭了，李小明扶起了她；老师给王小雨冰敷。';
    expect(redactNames(text, ['王小雨'])).toBe('某幼儿在滑梯摔倒，某幼儿哭了，李小明扶起了她；老师给某幼儿冰敷。');
  });

  it('keeps a one-character given name in the text, where it would cut ordinary words', () => {
    expect(redactNames('王雨在雨天玩水', ['王雨'])).toBe('某幼儿在雨天玩水');
  });

  it('handles two-character surnames and several children', () => {
    expect(redactNames('欧阳子涵和张一一一起摔倒；子涵擦伤', ['欧阳子涵', '张一一'])).toBe('某幼儿和某幼儿一起摔倒；某幼儿擦伤');
  });
});
