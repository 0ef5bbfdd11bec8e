import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  ClassStandard,
  ClassType,
  classRule,
  classTypesForAge,
  exceedsClassSize,
  FamilyChildcarePointStandard,
  requiredCaregivers,
} from './classTypes.ts';

describe('ClassStandard', () => {
  test('holds the national figures', () => {
    expect(ClassStandard).toEqual({
      infant: { minAgeMonths: 6, maxAgeMonths: 12, maxChildren: 10, childrenPerCaregiver: 3 },
      toddler: { minAgeMonths: 12, maxAgeMonths: 24, maxChildren: 15, childrenPerCaregiver: 5 },
      older_toddler: { minAgeMonths: 24, maxAgeMonths: 36, maxChildren: 20, childrenPerCaregiver: 7 },
      mixed: { minAgeMonths: 18, maxAgeMonths: 36, maxChildren: 18, childrenPerCaregiver: 5 },
    });
    expect(Object.keys(ClassStandard)).toEqual([...ClassType]);
    expect(FamilyChildcarePointStandard).toEqual({
      minAgeMonths: 6,
      maxAgeMonths: 36,
      maxChildren: 5,
      childrenPerCaregiver: 3,
    });
  });
});

describe('exceedsClassSize', () => {
  test.each([
    ['infant', 10, false],
    ['infant', 11, true],
    ['toddler', 15, false],
    ['toddler', 30, true],
    ['older_toddler', 20, false],
    ['older_toddler', 21, true],
    ['mixed', 18, false],
    ['mixed', 19, true],
  ] as const)('%s with %i places: %s', (classType, places, over) => {
    expect(exceedsClassSize(classType, places)).toBe(over);
  });
});

describe('classTypesForAge', () => {
  test.each([
    ['2026-06-01', []],
    ['2026-06-02', ['infant']],
    ['2026-12-01', ['infant']],
    ['2026-12-02', ['toddler']],
    ['2027-06-01', ['toddler']],
    ['2027-06-02', ['toddler', 'mixed']],
    ['2027-12-02', ['older_toddler', 'mixed']],
    ['2028-12-01', ['older_toddler', 'mixed']],
    ['2028-12-02', []],
  ] as const)('born 2025-12-02, on %s: %j', (on, expected) => {
    expect(classTypesForAge('2025-12-02', on)).toEqual(expected);
  });

  test('a child born 2024-01-31 joins a 6-month class on 2024-07-31', () => {
    expect(classTypesForAge('2024-01-31', '2024-07-30')).toEqual([]);
    expect(classTypesForAge('2024-01-31', '2024-07-31')).toEqual(['infant']);
  });
});

describe('requiredCaregivers', () => {
  test.each([
    ['infant', 0, 0],
    ['infant', 1, 1],
    ['infant', 3, 1],
    ['infant', 4, 2],
    ['infant', 10, 4],
    ['toddler', 15, 3],
    ['toddler', 11, 3],
    ['older_toddler', 20, 3],
    ['older_toddler', 14, 2],
    ['mixed', 18, 4],
  ] as const)('%s with %i children needs %i', (classType, children, caregivers) => {
    expect(requiredCaregivers(classType, children)).toBe(caregivers);
  });

  test('uses a provincial ratio when set, and the national one otherwise', () => {
    const settings = { mixed: { childrenPerCaregiver: 6 }, infant: { maxChildren: 9 } };
    expect(requiredCaregivers('mixed', 18, settings)).toBe(3);
    expect(requiredCaregivers('infant', 10, settings)).toBe(4);
    expect(classRule('infant', settings)).toEqual({ ...ClassStandard.infant, maxChildren: 9 });
    expect(classRule('toddler', settings)).toEqual(ClassStandard.toddler);
    expect(classRule('toddler', { toddler: { maxChildren: undefined } })).toEqual(ClassStandard.toddler);
  });

  test('rejects bad counts and settings', () => {
    expect(() => requiredCaregivers('infant', -1)).toThrow(RangeError);
    expect(() => requiredCaregivers('infant', 1.5)).toThrow(RangeError);
    expect(() => requiredCaregivers('infant', 3, { infant: { childrenPerCaregiver: 0 } })).toThrow(RangeError);
    expect(() => classRule('infant', { infant: { maxChildren: 2.5 } })).toThrow(RangeError);
  });

  test('is the fewest caregivers that cover every child', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ClassType), fc.integer({ min: 0, max: 1000 }), (classType, children) => {
        const caregivers = requiredCaregivers(classType, children);
        const perCaregiver = ClassStandard[classType].childrenPerCaregiver;
        expect(caregivers * perCaregiver).toBeGreaterThanOrEqual(children);
        expect((caregivers - 1) * perCaregiver).toBeLessThan(Math.max(children, 1));
      }),
    );
  });
});
