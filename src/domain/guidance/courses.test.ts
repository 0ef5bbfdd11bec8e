import { describe, expect, it } from 'vitest';
import { ageFitsBand, CENTER_CLASS_BANDS, isAllowedOnlineUrl } from './courses.ts';

describe('a child’s age against a course band', () => {
  const walking = CENTER_CLASS_BANDS.walking;

  it('counts completed months on the session’s date, the band’s upper end excluded', () => {
    expect(ageFitsBand('2025-06-15', '2026-06-15', walking)).toEqual({ fits: true, months: 12 });
    expect(ageFitsBand('2025-06-15', '2026-06-14', walking)).toEqual({ fits: false, reason: 'tooYoung', months: 11 });
    expect(ageFitsBand('2024-06-15', '2026-06-14', walking)).toEqual({ fits: true, months: 23 });
    expect(ageFitsBand('2024-06-15', '2026-06-15', walking)).toEqual({ fits: false, reason: 'tooOld', months: 24 });
  });

  it('turns away a child not yet born on the day', () => {
    expect(ageFitsBand('2026-07-01', '2026-06-15', walking)).toEqual({ fits: false, reason: 'notBorn', months: null });
  });
});

describe('online lecture addresses', () => {
  const hosts = ['player.bilibili.com', 'lygfy.cn'];
  it('take https on an allowed host or its subdomains only', () => {
    expect(isAllowedOnlineUrl('https://player.bilibili.com/player.html?bvid=1', hosts)).toBe(true);
    expect(isAllowedOnlineUrl('https://live.lygfy.cn/room/3', hosts)).toBe(true);
    expect(isAllowedOnlineUrl('http://player.bilibili.com/x', hosts)).toBe(false);
    expect(isAllowedOnlineUrl('https://evil-lygfy.cn/x', hosts)).toBe(false);
    expect(isAllowedOnlineUrl('https://lygfy.cn@evil.com/x', hosts)).toBe(false);
    expect(isAllowedOnlineUrl('javascript:alert(1)', hosts)).toBe(false);
  });
});
