import { describe, expect, it } from 'vitest';
import { givenName } from './givenName.ts';

describe('givenName', () => {
  it('drops the surname of Chinese names and keeps the first word of others', () => {
    expect(givenName('王小雨')).toBe('小雨');
    expect(givenName('李娜')).toBe('娜');
    expect(givenName('欧阳子涵')).toBe('子涵');
    expect(givenName(' Emma Li ')).toBe('Emma');
  });
});
