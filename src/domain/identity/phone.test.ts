import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isMobilePhone, maskPhone } from './phone.ts';

const mobile = fc
  .tuple(fc.integer({ min: 3, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 }))
  .map(([second, rest]) => `1${second}${rest.join('')}`);

describe('isMobilePhone', () => {
  test.each(['13900000000', '15161234567', '18912345678', '19851234567'])('accepts %s', (s) => {
    expect(isMobilePhone(s)).toBe(true);
  });

  test.each([
    ['second digit 2', '12900000000'],
    ['second digit 0', '10086000000'],
    ['10 digits', '1390000000'],
    ['12 digits', '139000000000'],
    ['landline', '05188888888'],
    ['country code', '+8613900000000'],
    ['spaces', '139 0000 0000'],
    ['hyphens', '139-0000-0000'],
    ['full-width digits', '１３９００００００００'],
    ['trailing newline', '13900000000\n'],
    ['empty', ''],
  ])('rejects %s', (_, s) => {
    expect(isMobilePhone(s)).toBe(false);
  });

  test('accepts every generated number', () => {
    fc.assert(
      fc.property(mobile, (s) => {
        expect(isMobilePhone(s)).toBe(true);
      }),
    );
  });
});

describe('maskPhone', () => {
  test('hides the middle four digits', () => {
    expect(maskPhone('13900000000')).toBe('139****0000');
    expect(maskPhone('15161234567')).toBe('151****4567');
  });

  test('throws rather than show a malformed value', () => {
    expect(() => maskPhone('1390000000')).toThrow(RangeError);
  });

  test('keeps length and hides digits 4–7', () => {
    fc.assert(
      fc.property(mobile, (s) => {
        const masked = maskPhone(s);
        expect(masked).toHaveLength(11);
        expect(masked.slice(0, 3) + masked.slice(7)).toBe(s.slice(0, 3) + s.slice(7));
        expect(masked.slice(3, 7)).toBe('****');
      }),
    );
  });
});
