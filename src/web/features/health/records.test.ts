import { describe, expect, it } from 'vitest';
import type { GrowthRecord, Measurement } from './api';
import { indicatorSeries, raisedFlags } from './records';

const NO_FLAGS = { underweight: false, stunting: false, wasting: false, overweight: false, implausible: false };
const score = { z: 0, percentile: 50, flag: false };

function measurement(over: Partial<Measurement>): Measurement {
  return {
    id: over.measuredOn ?? 'm',
    measuredOn: '2026-01-01',
    ageDays: 300,
    weightKg: null,
    lengthCm: null,
    position: null,
    headCm: null,
    source: 'parent',
    institutionName: null,
    recordedByName: '刘家长',
    createdAt: '2026-01-01T00:00:00.000Z',
    scores: {},
    flags: NO_FLAGS,
    ...over,
  };
}

const record = (items: Measurement[]): GrowthRecord => ({
  child: { id: 'c', name: '小禾', sex: 'female', birthDate: '2025-01-01' },
  items,
});

describe('growth record charts', () => {
  it('puts each scored measurement on the chart, where WHO read it', () => {
    const r = record([
      measurement({
        measuredOn: '2025-11-01',
        ageDays: 304,
        weightKg: 8.4,
        lengthCm: 70,
        position: 'standing',
        scores: { weightForAge: score, lengthForAge: score },
      }),
      measurement({ measuredOn: '2026-01-01', ageDays: 365, headCm: 45, scores: { headForAge: score } }),
    ]);
    expect(indicatorSeries(r, 'weightForAge').points).toEqual([{ x: 304, y: 8.4, label: '2025-11-01' }]);
    // Standing before 24 months: drawn 0.7 cm higher, as the z-score was read.
    expect(indicatorSeries(r, 'lengthForAge').points).toEqual([{ x: 304, y: 70.7, label: '2025-11-01' }]);
    expect(indicatorSeries(r, 'headForAge').points).toEqual([{ x: 365, y: 45, label: '2026-01-01' }]);
    expect(indicatorSeries(r, 'bmiForAge').points).toEqual([]);
  });

  it('draws weight-for-length on the table of the latest measurement only', () => {
    const r = record([
      measurement({
        ageDays: 700,
        weightKg: 11,
        lengthCm: 84,
        position: 'recumbent',
        scores: { weightForLength: { ...score, table: 'weightForLength' } },
      }),
      measurement({
        ageDays: 760,
        weightKg: 12,
        lengthCm: 87,
        position: 'standing',
        scores: { weightForLength: { ...score, table: 'weightForHeight' } },
      }),
    ]);
    expect(indicatorSeries(r, 'weightForLength')).toMatchObject({ curves: 'weightForHeight', points: [{ x: 87, y: 12 }] });
  });

  it('lists raised flags in WHO order', () => {
    expect(raisedFlags({ ...NO_FLAGS, implausible: true, underweight: true })).toEqual(['underweight', 'implausible']);
    expect(raisedFlags(NO_FLAGS)).toEqual([]);
  });
});
