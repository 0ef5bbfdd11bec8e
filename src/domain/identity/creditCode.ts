// GB 32100-2015 统一社会信用代码: 31 characters (digits and capitals without I, O, S, V, Z),
// valued 0–30 in this order, and the weights of positions 1–17 for the check character.
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const FIRST_17 = /^[0-9A-HJ-NPQRTUW-Y]{17}$/;
const SHAPE = /^[0-9A-HJ-NPQRTUW-Y]{18}$/;

/** Trims and upper-cases. */
export function normalizeCreditCode(s: string): string {
  return s.trim().toUpperCase();
}

/** The 18th character for the first 17. Throws RangeError unless given 17 characters of the code alphabet. */
export function creditCodeCheckChar(first17: string): string {
  if (!FIRST_17.test(first17)) throw new RangeError('expected 17 characters of the credit code alphabet');
  let sum = 0;
  WEIGHTS.forEach((weight, i) => {
    sum += weight * ALPHABET.indexOf(first17.charAt(i));
  });
  // GB 32100-2015: check value = 31 − (sum mod 31), where 31 is written as 0.
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/**
 * True for an 18-character unified social credit code whose check character matches.
 * Accepts anything `normalizeCreditCode` turns into such a code.
 */
export function isValidCreditCode(s: string): boolean {
  const code = normalizeCreditCode(s);
  return SHAPE.test(code) && creditCodeCheckChar(code.slice(0, 17)) === code.charAt(17);
}
