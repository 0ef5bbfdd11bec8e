import { describe, expect, it } from 'vitest';
import { formatYuan, shanghaiMinute, yuanText } from './format.ts';

describe('showing fen', () => {
  it('gives 2 decimals and groups thousands', () => {
    expect(formatYuan(6_720_000, 'zh-CN')).toBe('¥67,200.00');
    expect(formatYuan(5, 'en')).toBe('¥0.05');
    expect(yuanText(1_280_050)).toBe('12800.50');
  });
});

describe('shanghaiMinute', () => {
  it('shows the instant on Shanghai clocks', () => {
    expect(shanghaiMinute('2026-11-27T02:00:00.000Z')).toBe('2026-11-27 10:00');
    expect(shanghaiMinute('2026-12-31T16:30:00.000Z')).toBe('2027-01-01 00:30');
  });
});
