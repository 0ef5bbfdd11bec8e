import { describe, expect, it } from 'vitest';
import { createPrng } from '../random/prng.ts';
import { type DrawInput, drawRound, riskWeight, sampleSize } from './draw.ts';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(2, '0')}`);

function input(overrides: Partial<DrawInput> = {}): DrawInput {
  return {
    institutions: ids('inst', 20).map((id) => ({ id, weight: 1 })),
    inspectorIds: ids('insp', 6),
    conflicts: [],
    sampleRate: 0.25,
    inspectorsPerInspection: 2,
    ...overrides,
  };
}

/** Times each institution was drawn over seeds 1..runs. */
function frequencies(draw: DrawInput, runs: number) {
  const counts = new Map(draw.institutions.map((i) => [i.id, 0]));
  for (let seed = 1; seed <= runs; seed++) {
    const result = drawRound(draw, seed);
    if (!result.ok) throw new Error('draw failed');
    for (const d of result.inspections) counts.set(d.institutionId, (counts.get(d.institutionId) ?? 0) + 1);
  }
  return counts;
}

/** Within four standard deviations of Binomial(n, p): a failure by chance is about 1 in 15,000 per count. */
function expectBinomial(count: number, n: number, p: number) {
  const sd = Math.sqrt(n * p * (1 - p));
  expect(Math.abs(count - n * p)).toBeLessThanOrEqual(4 * sd);
}

describe('the double-random draw', () => {
  it('draws each institution as often as a simple random sample would, over 1,000 seeded draws', () => {
    const draw = input();
    const counts = frequencies(draw, 1000);
    const p = sampleSize(20, 0.25) / 20;
    for (const count of counts.values()) expectBinomial(count, 1000, p);
  });

  it('weighting raises the weighted ones as configured: with one drawn, each in proportion to its weight', () => {
    const institutions = ids('inst', 10).map((id, i) => ({ id, weight: i < 2 ? 3 : 1 }));
    const counts = frequencies(input({ institutions, sampleRate: 0.1 }), 1000);
    const total = institutions.reduce((s, i) => s + i.weight, 0);
    for (const i of institutions) expectBinomial(counts.get(i.id) ?? 0, 1000, i.weight / total);
    expect(counts.get('inst00')).toBeGreaterThan(2 * (counts.get('inst05') ?? 0));
  });

  it('with several drawn, weighted institutions are still drawn more often than the rest', () => {
    const institutions = ids('inst', 20).map((id, i) => ({ id, weight: i < 4 ? riskWeight(2, { perEvent: 1, max: 4 }) : 1 }));
    const counts = frequencies(input({ institutions }), 1000);
    const weighted = [0, 1, 2, 3].map((i) => counts.get(`inst0${i}`) ?? 0);
    const plain = [...counts.entries()].filter(([id]) => !['inst00', 'inst01', 'inst02', 'inst03'].includes(id)).map(([, c]) => c);
    expect(Math.min(...weighted)).toBeGreaterThan(Math.max(...plain));
  });

  it('gives the same draw for the same seed and input, and another for another seed', () => {
    const draw = input();
    expect(drawRound(draw, 42)).toEqual(drawRound(draw, 42));
    expect(drawRound(draw, 42)).not.toEqual(drawRound(draw, 43));
  });

  it('sends at least two inspectors, never one with a conflict with the institution', () => {
    const prng = createPrng(7);
    for (let seed = 1; seed <= 1000; seed++) {
      const conflicts = ids('inst', 20).flatMap((institutionId) =>
        ids('insp', 6)
          .filter(() => prng.next() < 0.4)
          .slice(0, 4)
          .map((inspectorId) => ({ inspectorId, institutionId })),
      );
      const conflicted = new Set(conflicts.map((c) => `${c.inspectorId}|${c.institutionId}`));
      const result = drawRound(input({ conflicts }), seed);
      if (!result.ok) throw new Error('draw failed');
      for (const d of result.inspections) {
        expect(new Set(d.inspectorIds).size).toBe(2);
        expect(d.inspectorIds.filter((inspectorId) => conflicted.has(`${inspectorId}|${d.institutionId}`))).toEqual([]);
      }
    }
  });

  it('refuses when an institution drawn has fewer than two inspectors without a conflict', () => {
    const conflicts = ids('inst', 20).flatMap((institutionId) => ids('insp', 5).map((inspectorId) => ({ inspectorId, institutionId })));
    expect(drawRound(input({ conflicts }), 1)).toMatchObject({ ok: false, eligible: 1 });
  });

  it('takes the rate of the directory, rounded, and at least one', () => {
    expect(sampleSize(20, 0.05)).toBe(1);
    expect(sampleSize(3, 0.05)).toBe(1);
    expect(sampleSize(100, 0.05)).toBe(5);
    expect(sampleSize(10, 1)).toBe(10);
    expect(sampleSize(0, 0.5)).toBe(0);
  });

  it('spreads the work: within a round no inspector gets two visits before every one has one', () => {
    const result = drawRound(input({ sampleRate: 0.15 }), 9);
    if (!result.ok) throw new Error('draw failed');
    const visits = result.inspections.flatMap((d) => d.inspectorIds);
    expect(new Set(visits).size).toBe(6);
  });
});
