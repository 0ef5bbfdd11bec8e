/**
 * Voucher codes (补贴券券码): 12 characters of Crockford's base32 — digits and capitals without
 * I, L, O and U, so a code read aloud or typed from paper is not misread — the last a check
 * character (Luhn mod 32) that catches any single mistyped character and most swaps of two
 * neighbours before the server looks the code up. Shown in groups of four: 7KQ2-M9XD-4B1R.
 */
export const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BASE = CODE_ALPHABET.length;
export const CODE_LENGTH = 12;
export const VOUCHER_CODE = /^[0-9A-HJKMNP-TV-Z]{12}$/;

function checkCharOf(body: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    const addend = factor * CODE_ALPHABET.indexOf(body[i] as string);
    sum += Math.floor(addend / BASE) + (addend % BASE);
    factor = factor === 2 ? 1 : 2;
  }
  return CODE_ALPHABET[(BASE - (sum % BASE)) % BASE] as string;
}

/** A code from 11 or more random bytes (the caller supplies them: no I/O here). */
export function voucherCodeFrom(random: Uint8Array): string {
  if (random.length < CODE_LENGTH - 1) throw new RangeError(`need ${CODE_LENGTH - 1} random bytes`);
  const body = Array.from(random.subarray(0, CODE_LENGTH - 1), (b) => CODE_ALPHABET[b % BASE]).join('');
  return body + checkCharOf(body);
}

/** What a voucher's QR code carries before the code, so a scanner knows it is one of ours. */
export const VOUCHER_QR_PREFIX = 'TUOYU:VOUCHER:';

/** The QR code's text for a voucher code. */
export const voucherQrText = (code: string) => `${VOUCHER_QR_PREFIX}${code}`;

/**
 * What a person typed or a scanner read (the QR text included), in canonical form: capitals, no
 * spaces or hyphens, and Crockford's readings of the letters it leaves out (O → 0, I and L → 1).
 * Undefined when it cannot be a code or its check character is wrong.
 */
export function normalizeVoucherCode(input: string): string | undefined {
  const scanned = input.trim();
  const typed = scanned.toUpperCase().startsWith(VOUCHER_QR_PREFIX) ? scanned.slice(VOUCHER_QR_PREFIX.length) : scanned;
  const text = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!VOUCHER_CODE.test(text)) return undefined;
  return checkCharOf(text.slice(0, -1)) === text.slice(-1) ? text : undefined;
}

export function formatVoucherCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}
