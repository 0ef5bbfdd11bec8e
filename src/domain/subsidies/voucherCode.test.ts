import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CODE_ALPHABET, formatVoucherCode, normalizeVoucherCode, VOUCHER_CODE, voucherCodeFrom, voucherQrText } from './voucherCode.ts';

const bytes = fc.uint8Array({ minLength: 11, maxLength: 11 });

describe('voucher codes', () => {
  test('are 12 characters of the alphabet and read back as themselves, grouped or not, in any case', () => {
    fc.assert(
      fc.property(bytes, (random) => {
        const code = voucherCodeFrom(random);
        expect(code).toMatch(VOUCHER_CODE);
        expect(normalizeVoucherCode(code)).toBe(code);
        expect(normalizeVoucherCode(formatVoucherCode(code).toLowerCase())).toBe(code);
        expect(normalizeVoucherCode(` ${formatVoucherCode(code).replaceAll('-', ' ')} `)).toBe(code);
      }),
    );
  });

  test('reads O as 0 and I, L as 1', () => {
    const code = voucherCodeFrom(new Uint8Array(11).fill(1));
    expect(code.startsWith('1111')).toBe(true);
    expect(normalizeVoucherCode(code.replace('1', 'l').replace('1', 'I'))).toBe(code);
    const zeros = voucherCodeFrom(new Uint8Array(11));
    expect(normalizeVoucherCode(zeros.replaceAll('0', 'o'))).toBe(zeros);
  });

  test('a single wrong character is caught by the check character', () => {
    fc.assert(
      fc.property(bytes, fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 31 }), (random, at, shift) => {
        const code = voucherCodeFrom(random);
        const wrong = CODE_ALPHABET[(CODE_ALPHABET.indexOf(code[at] as string) + shift) % 32] as string;
        expect(normalizeVoucherCode(code.slice(0, at) + wrong + code.slice(at + 1))).toBeUndefined();
      }),
    );
  });

  test.each(['', 'ABC', '1234-5678-9ABU', '1234567890123', '!!!!!!!!!!!!'])('rejects %j', (input) => {
    expect(normalizeVoucherCode(input)).toBeUndefined();
  });

  test('formats in groups of four', () => {
    expect(formatVoucherCode('7KQ2M9XD4B1R')).toBe('7KQ2-M9XD-4B1R');
  });

  test('takes what a scanner read from the QR code, in any case', () => {
    const code = voucherCodeFrom(new Uint8Array([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]));
    expect(normalizeVoucherCode(voucherQrText(code))).toBe(code);
    expect(normalizeVoucherCode(` tuoyu:voucher:${code.toLowerCase()}`)).toBe(code);
    expect(normalizeVoucherCode(`OTHER:${code}`)).toBeUndefined();
  });
});
