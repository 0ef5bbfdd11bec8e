import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClassType } from '../classes/classTypes.ts';
import { placementBlocker, placesLeft } from './placement.ts';

describe('places left in a class', () => {
  it('is bounded by capacity, the national maximum and the caregiver ratio', () => {
    expect(placesLeft({ classType: 'infant', capacity: 12, caregivers: 5, enrolled: 0 })).toBe(10); // max 10
    expect(placesLeft({ classType: 'infant', capacity: 10, caregivers: 2, enrolled: 4 })).toBe(2); // 2 × 3 = 6
    expect(placesLeft({ classType: 'older_toddler', capacity: 15, caregivers: 3, enrolled: 14 })).toBe(1);
    expect(placesLeft({ classType: 'toddler', capacity: 15, caregivers: 0, enrolled: 0 })).toBe(0);
    expect(placesLeft({ classType: 'toddler', capacity: 15, caregivers: 3, enrolled: 16 })).toBe(0);
  });

  it('keeps the places of standing offers, and a class without caregivers has none to offer', () => {
    expect(placesLeft({ classType: 'toddler', capacity: 15, caregivers: 3, enrolled: 10, openOffers: 3 })).toBe(2);
    expect(placesLeft({ classType: 'toddler', capacity: 15, caregivers: 3, enrolled: 10, openOffers: 9 })).toBe(0);
    expect(placesLeft({ classType: 'toddler', capacity: 15, caregivers: 0, enrolled: 0, openOffers: 0 })).toBe(0);
  });

  it('names the blocker', () => {
    expect(placementBlocker({ classType: 'infant', capacity: 10, caregivers: 2, enrolled: 6 })).toBe('ratio');
    expect(placementBlocker({ classType: 'infant', capacity: 6, caregivers: 2, enrolled: 6 })).toBe('capacity');
    expect(placementBlocker({ classType: 'infant', capacity: 10, caregivers: 4, enrolled: 6 })).toBeNull();
  });

  it('never lets a placement break capacity or ratio', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ClassType), fc.nat(40), fc.nat(8), fc.nat(40), (classType, capacity, caregivers, enrolled) => {
        const left = placesLeft({ classType, capacity, caregivers, enrolled });
        const after = enrolled + left;
        if (left > 0) {
          expect(after).toBeLessThanOrEqual(capacity);
          expect(after).toBeLessThanOrEqual(caregivers * { infant: 3, toddler: 5, older_toddler: 7, mixed: 5 }[classType]);
        }
        expect(left).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
