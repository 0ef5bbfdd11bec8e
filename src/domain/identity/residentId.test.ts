import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  isValidResidentId,
  maskResidentId,
  normalizeResidentId,
  residentIdBirthDate,
  residentIdCheckChar,
  residentIdSex,
} from './residentId.ts';

// The two worked examples printed in GB 11643-1999.
const STANDARD_FEMALE = '11010519491231002X';
const STANDARD_MALE = '440524188001010014';
// 灌南县, born 2023-09-01, order code 123.
const GUANNAN_CHILD = '320724202309011234';

const CHECK_CHARS = [...'0123456789X'];

const digits = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(''));

const birthDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10).replaceAll('-', ''));

const validPrefix = fc.tuple(digits(6), birthDate, digits(3)).map(([area, date, order]) => area + date + order);

describe('residentIdCheckChar / isValidResidentId', () => {
  test('accepts the standard examples and a Lianyungang number', () => {
    expect(isValidResidentId(STANDARD_FEMALE)).toBe(true);
    expect(isValidResidentId(STANDARD_MALE)).toBe(true);
    expect(isValidResidentId(GUANNAN_CHILD)).toBe(true);
    expect(residentIdCheckChar(STANDARD_FEMALE.slice(0, 17))).toBe('X');
  });

  test('accepts a lower-case x and surrounding spaces, which normalise away', () => {
    expect(isValidResidentId('11010519491231002x')).toBe(true);
    expect(normalizeResidentId(' 11010519491231002x ')).toBe(STANDARD_FEMALE);
    expect(isValidResidentId(' 11010519491231002x ')).toBe(true);
  });

  test.each([
    ['wrong check character', '110105194912310021'],
    ['17 characters', '11010519491231002'],
    ['19 characters', '11010519491231002X0'],
    ['X before the end', '1101051949123100X2'],
    ['a letter inside', '11010519A91231002X'],
    ['15-digit first-generation number', '110105491231002'],
    ['full-width digits', '１１０１０５１９４９１２３１００２Ｘ'],
    ['empty', ''],
  ])('rejects %s', (_, id) => {
    expect(isValidResidentId(id)).toBe(false);
  });

  test('rejects a birth date that is not a calendar date even with a matching check character', () => {
    for (const prefix of ['32072420230229123', '32072420231301123', '32072420230100123']) {
      expect(isValidResidentId(prefix + residentIdCheckChar(prefix))).toBe(false);
    }
    const leapDay = '32072420240229123';
    expect(isValidResidentId(leapDay + residentIdCheckChar(leapDay))).toBe(true);
  });

  test('rejects a birth date after the injected today, and accepts one on it', () => {
    expect(isValidResidentId(GUANNAN_CHILD, '2023-08-31')).toBe(false);
    expect(isValidResidentId(GUANNAN_CHILD, '2023-09-01')).toBe(true);
    expect(isValidResidentId(GUANNAN_CHILD, '2026-11-29')).toBe(true);
  });

  test('a valid prefix plus its check character is valid; any other check character is not', () => {
    fc.assert(
      fc.property(validPrefix, fc.constantFrom(...CHECK_CHARS), (prefix, other) => {
        const check = residentIdCheckChar(prefix);
        expect(isValidResidentId(prefix + check)).toBe(true);
        expect(isValidResidentId(prefix + other)).toBe(other === check);
      }),
    );
  });

  test('changing any one digit of the first 17 invalidates the number', () => {
    fc.assert(
      fc.property(validPrefix, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (prefix, at, shift) => {
        const id = prefix + residentIdCheckChar(prefix);
        const changed = String((Number(id[at]) + shift) % 10);
        expect(isValidResidentId(id.slice(0, at) + changed + id.slice(at + 1))).toBe(false);
      }),
    );
  });

  test('residentIdCheckChar needs exactly 17 digits', () => {
    expect(() => residentIdCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => residentIdCheckChar('1101051949123100X')).toThrow(RangeError);
  });
});

describe('residentIdBirthDate / residentIdSex', () => {
  test('read the birth date and sex', () => {
    expect(residentIdBirthDate(STANDARD_FEMALE)).toBe('1949-12-31');
    expect(residentIdSex(STANDARD_FEMALE)).toBe('female');
    expect(residentIdBirthDate(STANDARD_MALE)).toBe('1880-01-01');
    expect(residentIdSex(STANDARD_MALE)).toBe('male');
    expect(residentIdBirthDate(GUANNAN_CHILD)).toBe('2023-09-01');
    expect(residentIdSex(GUANNAN_CHILD)).toBe('male');
    expect(residentIdBirthDate('11010519491231002x')).toBe('1949-12-31');
  });

  test('throw for an invalid number', () => {
    expect(() => residentIdBirthDate('110105194912310021')).toThrow(RangeError);
    expect(() => residentIdSex('')).toThrow(RangeError);
  });
});

describe('maskResidentId', () => {
  test('keeps the first and last four characters', () => {
    expect(maskResidentId(GUANNAN_CHILD)).toBe('3207**********1234');
    expect(maskResidentId('11010519491231002x')).toBe('1101**********002X');
  });

  test('throws rather than show a malformed value', () => {
    expect(() => maskResidentId('110105491231002')).toThrow(RangeError);
    expect(() => maskResidentId('')).toThrow(RangeError);
  });

  test('never reveals the birth date', () => {
    fc.assert(
      fc.property(validPrefix, (prefix) => {
        const masked = maskResidentId(prefix + residentIdCheckChar(prefix));
        expect(masked).toHaveLength(18);
        expect(masked.slice(4, 14)).toBe('*'.repeat(10));
      }),
    );
  });
});
