import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CheckForClusters,
  DEFAULT_ILLNESS_ALERT_SETTINGS,
  findClusters,
  kindsOfCheck,
  MORNING_CHECK_SYMPTOMS,
  resolveIllnessAlertSettings,
} from './illnessClusters.ts';

const S = DEFAULT_ILLNESS_ALERT_SETTINGS;
const check = (childId: string, over: Partial<CheckForClusters> = {}): CheckForClusters => ({
  childId,
  classId: 'A',
  day: '2026-11-27',
  temperatureC: 36.6,
  symptoms: [],
  ...over,
});

describe('illness clusters', () => {
  it('counts fever from 37.3 °C or when ticked, once per child', () => {
    expect(kindsOfCheck({ temperatureC: 37.2, symptoms: [] }, S)).toEqual([]);
    expect(kindsOfCheck({ temperatureC: 37.3, symptoms: [] }, S)).toEqual(['fever']);
    expect(kindsOfCheck({ temperatureC: 36.5, symptoms: ['fever'] }, S)).toEqual(['fever']);
    expect(kindsOfCheck({ temperatureC: 38.1, symptoms: ['rash', 'fever'] }, S)).toEqual(['fever', 'rash']);
    // Stored to one decimal: 37.3 read back as 37.29999… is still fever.
    expect(kindsOfCheck({ temperatureC: 37.29999999, symptoms: [] }, S)).toEqual(['fever']);
    expect(kindsOfCheck({ temperatureC: 37.5, symptoms: [] }, { ...S, feverFromC: 37.6 })).toEqual([]);
  });

  it('needs the threshold of different children in one class on one day', () => {
    const two = [check('a', { temperatureC: 38 }), check('b', { symptoms: ['fever'] })];
    expect(findClusters(two, S)).toEqual([]);
    const three = [...two, check('c', { temperatureC: 37.4 })];
    expect(findClusters(three, S)).toEqual([{ classId: 'A', day: '2026-11-27', kind: 'fever', childIds: ['a', 'b', 'c'] }]);
    // The same child twice, another class, another day: none of them makes a third case.
    const spread = [
      ...two,
      check('a', { temperatureC: 38.5 }),
      check('c', { temperatureC: 38, classId: 'B' }),
      check('d', { temperatureC: 38, day: '2026-11-26' }),
    ];
    expect(findClusters(spread, S)).toEqual([]);
  });

  it('finds a cluster per symptom, and never mixes different symptoms into one', () => {
    const checks = [
      check('a', { symptoms: ['rash', 'mouth_sores'] }),
      check('b', { symptoms: ['rash', 'mouth_sores'] }),
      check('c', { symptoms: ['rash'] }),
      check('d', { symptoms: ['cough'] }),
      check('e', { symptoms: ['vomiting'] }),
    ];
    expect(findClusters(checks, S).map((c) => [c.kind, c.childIds.length])).toEqual([['rash', 3]]);
    expect(findClusters(checks, { ...S, casesPerClassPerDay: 2 }).map((c) => c.kind)).toEqual(['rash', 'mouth_sores']);
  });

  it('agrees with a direct count for any set of checks', () => {
    const arbitraryCheck = fc.record({
      childId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      classId: fc.constantFrom('A', 'B'),
      day: fc.constantFrom('2026-11-26', '2026-11-27'),
      temperatureC: fc.integer({ min: 355, max: 395 }).map((t) => t / 10),
      symptoms: fc.subarray([...MORNING_CHECK_SYMPTOMS]),
    });
    fc.assert(
      fc.property(fc.array(arbitraryCheck, { maxLength: 30 }), fc.integer({ min: 2, max: 4 }), (checks, threshold) => {
        const settings = { ...S, casesPerClassPerDay: threshold };
        const clusters = findClusters(checks, settings);
        for (const kind of MORNING_CHECK_SYMPTOMS) {
          for (const classId of ['A', 'B']) {
            for (const day of ['2026-11-26', '2026-11-27']) {
              const children = new Set(
                checks
                  .filter((c) => c.classId === classId && c.day === day && kindsOfCheck(c, settings).includes(kind))
                  .map((c) => c.childId),
              );
              const found = clusters.find((c) => c.classId === classId && c.day === day && c.kind === kind);
              expect(found?.childIds.length ?? 0).toBe(children.size >= threshold ? children.size : 0);
            }
          }
        }
      }),
    );
  });

  it('reads stored settings over the defaults, ignoring values outside the limits', () => {
    expect(resolveIllnessAlertSettings(undefined)).toEqual(S);
    expect(resolveIllnessAlertSettings({ feverFromC: 37.5 })).toEqual({ feverFromC: 37.5, casesPerClassPerDay: 3 });
    expect(resolveIllnessAlertSettings({ feverFromC: 42, casesPerClassPerDay: 1 })).toEqual(S);
    expect(resolveIllnessAlertSettings({ casesPerClassPerDay: 5 })).toEqual({ feverFromC: 37.3, casesPerClassPerDay: 5 });
  });
});
