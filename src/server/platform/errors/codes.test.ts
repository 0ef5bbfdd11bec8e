import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from './codes.ts';
import { VALIDATION_MESSAGES } from './validationMessages.ts';

describe('error codes', () => {
  it.each(Object.entries(ERROR_CODES))('%s has a status and words in Chinese and English', (_code, def) => {
    expect(def.status).toBeGreaterThanOrEqual(400);
    expect(def.status).toBeLessThan(600);
    expect(def['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(def.en).toMatch(/^[\x20-\x7e]+$/);
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(placeholders(def['zh-CN'])).toEqual(placeholders(def.en));
  });

  it.each(Object.entries(VALIDATION_MESSAGES))('validation message %s has both languages', (_key, m) => {
    expect(m['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    expect(m.en.length).toBeGreaterThan(5);
  });
});
