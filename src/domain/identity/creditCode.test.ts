import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode, normalizeCreditCode } from './creditCode.ts';

const ALPHABET = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'];

// Published codes: the example in GB 32100-2015, then 华为技术有限公司, 深圳市腾讯计算机系统有限公司
// and 北京小米科技有限责任公司 as shown on their business licences.
const PUBLISHED = ['91350100M000100Y43', '914403001922038216', '91440300708461136T', '91110108551385082Q'];

const first17 = fc.array(fc.constantFrom(...ALPHABET), { minLength: 17, maxLength: 17 }).map((chars) => chars.join(''));
const validCode = first17.map((prefix) => prefix + creditCodeCheckChar(prefix));

describe('isValidCreditCode', () => {
  test.each(PUBLISHED)('accepts published code %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code.charAt(17));
  });

  test('a remainder of 0 gives check value 31, written 0', () => {
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
  });

  test('accepts lower case and surrounding spaces, which normalise away', () => {
    expect(normalizeCreditCode(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    expect(isValidCreditCode(' 91350100m000100y43 ')).toBe(true);
  });

  test.each([
    ['wrong check character', '91350100M000100Y44'],
    ['17 characters', '91350100M000100Y4'],
    ['19 characters', '91350100M000100Y430'],
    ['letter O for zero', '9135O100M000100Y43'],
    ['letter I', '91350100MI00100Y43'],
    ['letter S', '91350100M000100S43'],
    ['empty', ''],
  ])('rejects %s', (_, code) => {
    expect(isValidCreditCode(code)).toBe(false);
  });

  test('creditCodeCheckChar needs 17 characters of the alphabet', () => {
    expect(() => creditCodeCheckChar('91350100M000100Y')).toThrow(RangeError);
    expect(() => creditCodeCheckChar('91350100M000100Z4')).toThrow(RangeError);
  });

  test('a generated prefix plus its check character is valid; any other check character is not', () => {
    fc.assert(
      fc.property(first17, fc.constantFrom(...ALPHABET), (prefix, other) => {
        const check = creditCodeCheckChar(prefix);
        expect(isValidCreditCode(prefix + other)).toBe(other === check);
      }),
    );
  });

  test('changing any single character of a valid code makes it invalid', () => {
    const replacement = fc.oneof(fc.constantFrom(...ALPHABET), fc.constantFrom(...'IOSVZ-* 。'), fc.string({ maxLength: 1 }));
    fc.assert(
      fc.property(validCode, fc.integer({ min: 0, max: 17 }), replacement, (code, at, char) => {
        fc.pre(char !== code.charAt(at) && char.toUpperCase() !== code.charAt(at));
        expect(isValidCreditCode(code.slice(0, at) + char + code.slice(at + 1))).toBe(false);
      }),
    );
  });
});
