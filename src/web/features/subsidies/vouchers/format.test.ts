import { describe, expect, it } from 'vitest';
import { yuan } from './format';

describe('money on screen', () => {
  it('shows fen as yuan with two decimals and no float error', () => {
    expect(yuan(50_000)).toBe('¥500.00');
    expect(yuan(100_000_000)).toBe('¥1,000,000.00');
    expect(yuan(10 + 20)).toBe('¥0.30');
    expect(yuan(0)).toBe('¥0.00');
  });
});
