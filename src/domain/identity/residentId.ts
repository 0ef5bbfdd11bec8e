import { compareIso, type IsoDate, isIsoDate } from '../dates/shanghai.ts';

export type Sex = 'male' | 'female';

// GB 11643-1999 校验码: ISO 7064 MOD 11-2 weights for positions 1–17, and the check character
// for each value of the weighted sum mod 11.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

const SHAPE = /^\d{17}[\dX]$/;

/** Trims and upper-cases, so a typed lower-case check character `x` is stored as `X`. */
export function normalizeResidentId(s: string): string {
  return s.trim().toUpperCase();
}

/** The check character for the first 17 digits. Throws RangeError unless given exactly 17 digits. */
export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('expected 17 digits');
  let sum = 0;
  WEIGHTS.forEach((weight, i) => {
    sum += weight * Number(first17[i]);
  });
  return CHECK_CHARS.charAt(sum % 11);
}

function birthDateOf(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/**
 * True for an 18-character resident ID number whose check character matches and whose
 * birth date (digits 7–14, the 出生日期码 of GB 11643-1999) is a real date, not after `today` when given.
 * Accepts anything `normalizeResidentId` turns into such a number. Throws RangeError if `today`
 * is given but is not an ISO date.
 */
export function isValidResidentId(s: string, today?: IsoDate): boolean {
  const id = normalizeResidentId(s);
  if (!SHAPE.test(id)) return false;
  if (residentIdCheckChar(id.slice(0, 17)) !== id.charAt(17)) return false;
  const birthDate = birthDateOf(id);
  if (!isIsoDate(birthDate)) return false;
  return today === undefined || compareIso(birthDate, today) <= 0;
}

function getValidResidentId(s: string): string {
  if (!isValidResidentId(s)) throw new RangeError('invalid resident ID number');
  return normalizeResidentId(s);
}

/** Birth date 'YYYY-MM-DD' from digits 7–14. Throws RangeError for an invalid number. */
export function residentIdBirthDate(s: string): IsoDate {
  return birthDateOf(getValidResidentId(s));
}

/** GB 11643-1999 顺序码: the 17th digit is odd for men, even for women. */
export function residentIdSex(s: string): Sex {
  return Number(getValidResidentId(s).charAt(16)) % 2 === 1 ? 'male' : 'female';
}

/**
 * Keeps the first 4 (province and city) and last 4 characters: `3207**********1234`.
 * Throws RangeError unless the normalised input has the 18-character shape, so a malformed
 * value is never shown partly unmasked.
 */
export function maskResidentId(s: string): string {
  const id = normalizeResidentId(s);
  if (!SHAPE.test(id)) throw new RangeError('not an 18-character resident ID number');
  return `${id.slice(0, 4)}${'*'.repeat(10)}${id.slice(14)}`;
}
