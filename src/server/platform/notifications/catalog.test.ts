import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS } from './catalog.ts';

describe('notification kinds', () => {
  it.each(Object.entries(NOTIFICATION_KINDS))('%s has words in Chinese and English with the same placeholders', (_kind, def) => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const part of ['title', 'body'] as const) {
      expect(def['zh-CN'][part]).toMatch(/[\u4e00-\u9fff]/);
      expect(def.en[part]).toMatch(/^[\x20-\x7e]+$/);
      expect(placeholders(def['zh-CN'][part])).toEqual(placeholders(def.en[part]));
    }
  });
});
