import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { fenToYuanString, formatCny, isFen, parseYuanInput, splitFen, sumFen, yuanToFen } from './fen.ts';

const MAX = Number.MAX_SAFE_INTEGER;

describe('yuanToFen', () => {
  test.each([
    ['1234.50', 123450],
    ['1234.5', 123450],
    ['1234', 123400],
    ['0.01', 1],
    ['0.1', 10],
    ['  3600 ', 360000],
    ['+2', 200],
    ['007.05', 705],
    ['-0.00', 0],
    ['90071992547409.91', MAX],
    [0.1, 10],
    [0.29, 29],
    [1.15, 115],
    [4.35, 435],
    [1000, 100000],
    [-0, 0],
  ] as const)('%j yuan is %i fen', (input, fen) => {
    expect(Object.is(yuanToFen(input), fen)).toBe(true);
  });

  test('negatives need allowNegative', () => {
    expect(() => yuanToFen('-1.50')).toThrow(RangeError);
    expect(() => yuanToFen(-1.5)).toThrow(RangeError);
    expect(yuanToFen('-1.50', { allowNegative: true })).toBe(-150);
    expect(yuanToFen(-0.01, { allowNegative: true })).toBe(-1);
  });

  test.each([
    ['3 decimals', '1.005'],
    ['3 decimals even when zero', '1.500'],
    ['a float with 3 decimals', 1.005],
    ['a float sum that is not a 2-decimal amount', 0.1 + 0.2],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['"Infinity"', 'Infinity'],
    ['exponent', '1e3'],
    ['a number printed with an exponent', 1e21],
    ['one fen past MAX_SAFE_INTEGER', '90071992547409.92'],
    ['huge', '1'.repeat(40)],
    ['grouping', '1,234.50'],
    ['bare point', '5.'],
    ['leading point', '.5'],
    ['yuan sign', '¥5'],
    ['full-width digits', '５'],
    ['empty', ''],
  ])('rejects %s', (_, input) => {
    expect(() => yuanToFen(input)).toThrow(RangeError);
  });

  test('round-trips every safe fen amount through fenToYuanString', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX, max: MAX }), (fen) => {
        expect(yuanToFen(fenToYuanString(fen), { allowNegative: true })).toBe(fen);
      }),
    );
  });

  test('reads a number with at most 2 decimals as the decimal it prints as', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), (fen) => {
        expect(yuanToFen(fen / 100)).toBe(fen);
      }),
    );
  });
});

describe('fenToYuanString', () => {
  test.each([
    [123450, '1234.50'],
    [0, '0.00'],
    [5, '0.05'],
    [-5, '-0.05'],
    [-123456, '-1234.56'],
    [MAX, '90071992547409.91'],
  ])('%i fen is %s', (fen, text) => {
    expect(fenToYuanString(fen)).toBe(text);
  });

  test.each([0.5, Number.NaN, MAX + 1])('rejects %d', (fen) => {
    expect(() => fenToYuanString(fen)).toThrow(RangeError);
  });
});

describe('formatCny', () => {
  test('formats with the yuan sign and grouping', () => {
    expect(formatCny(123450)).toBe('¥1,234.50');
    expect(formatCny(123450, 'zh-CN')).toBe('¥1,234.50');
    expect(formatCny(123450, 'en-US')).toBe('¥1,234.50');
    expect(formatCny(0)).toBe('¥0.00');
    expect(formatCny(-123450)).toBe('-¥1,234.50');
  });

  test('is exact beyond float precision', () => {
    expect(formatCny(MAX)).toBe('¥90,071,992,547,409.91');
    expect(formatCny(MAX - 2)).toBe('¥90,071,992,547,409.89');
  });
});

describe('sumFen', () => {
  test('adds exactly', () => {
    expect(sumFen([])).toBe(0);
    expect(sumFen([10, 20, 30])).toBe(60);
    expect(sumFen([360000, -30000])).toBe(330000);
    expect(sumFen(new Set([1, 2]))).toBe(3);
  });

  test('rejects fractions and overflow', () => {
    expect(() => sumFen([1, 0.5])).toThrow(RangeError);
    expect(() => sumFen([MAX, 1])).toThrow(RangeError);
  });
});

describe('splitFen', () => {
  test('gives the leftover fen to the first parts', () => {
    expect(splitFen(100, 3)).toEqual([34, 33, 33]);
    expect(splitFen(360000, 12)).toEqual(Array(12).fill(30000));
    expect(splitFen(2, 3)).toEqual([1, 1, 0]);
    expect(splitFen(0, 2)).toEqual([0, 0]);
  });

  test.each([
    [-1, 2],
    [1.5, 2],
    [100, 0],
    [100, 1.5],
  ])('rejects total %d in %d parts', (total, parts) => {
    expect(() => splitFen(total, parts)).toThrow(RangeError);
  });

  test('parts sum to the total and differ by at most 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX }), fc.integer({ min: 1, max: 500 }), (total, parts) => {
        const split = splitFen(total, parts);
        expect(split).toHaveLength(parts);
        expect(sumFen(split)).toBe(total);
        expect(Math.max(...split) - Math.min(...split)).toBeLessThanOrEqual(1);
        expect(split.every(isFen)).toBe(true);
      }),
    );
  });
});

describe('isFen', () => {
  test.each([
    [0, true],
    [1, true],
    [MAX, true],
    [-1, false],
    [0.5, false],
    [MAX + 1, false],
    [Number.NaN, false],
    ['1', false],
  ])('%j → %s', (value, expected) => {
    expect(isFen(value)).toBe(expected);
  });
});

describe('parseYuanInput', () => {
  test('reads yuan with up to 2 decimals exactly, with grouping, the yuan sign and spaces', () => {
    expect(parseYuanInput('0.29')).toBe(29);
    expect(parseYuanInput('0.1')).toBe(10);
    expect(parseYuanInput(' ¥12,800.50 ')).toBe(1_280_050);
    expect(parseYuanInput('￥1，000')).toBe(100_000);
    expect(parseYuanInput('0')).toBe(0);
  });

  test.each(['', '  ', 'abc', '五百', '1.005', '-5', '1e3', '12.', '.5', 'NaN', '99999999999999999'])('refuses %j', (text) => {
    expect(parseYuanInput(text)).toBeUndefined();
  });
});
