import { describe, expect, it } from 'vitest';
import { agesOfTypes } from './ages';

describe('the ages an institution takes', () => {
  it('spans its class types, youngest to oldest, a mixed class included', () => {
    expect(agesOfTypes(['infant', 'older_toddler'])).toEqual({ from: 6, to: 36 });
    expect(agesOfTypes(['toddler'])).toEqual({ from: 12, to: 24 });
    expect(agesOfTypes(['mixed', 'toddler'])).toEqual({ from: 12, to: 36 });
    expect(agesOfTypes([])).toBeNull();
  });
});
