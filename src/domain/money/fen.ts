// Money is held as integer fen (分, 1/100 yuan), the smallest unit of the renminbi, so sums and
// splits are exact; binary floating point cannot represent most decimal yuan amounts.

/** Integer fen. */
export type Fen = number;

const DECIMAL_YUAN = /^([+-]?)(\d+)(?:\.(\d{1,2}))?$/;
const MAX_FEN = BigInt(Number.MAX_SAFE_INTEGER);

/** A safe non-negative integer. */
export function isFen(value: unknown): value is Fen {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

export interface YuanToFenOptions {
  allowNegative?: boolean;
}

/**
 * Exact yuan → fen for a plain decimal with at most 2 decimals ('1234.5', '-3', 0.1).
 * A number is read by its shortest decimal form, so 0.1 is 10 fen. Throws RangeError for
 * 3 or more decimals, exponents, NaN, ±Infinity, a negative amount unless allowed, and a
 * result beyond Number.MAX_SAFE_INTEGER fen.
 */
export function yuanToFen(input: string | number, options: YuanToFenOptions = {}): Fen {
  if (typeof input === 'number' && !Number.isFinite(input)) throw new RangeError(`not a finite amount: ${input}`);
  const text = typeof input === 'number' ? String(input) : input.trim();
  const match = DECIMAL_YUAN.exec(text);
  if (!match) throw new RangeError(`not a yuan amount with at most 2 decimals: ${JSON.stringify(text)}`);
  const [, sign, whole = '0', fraction = ''] = match;
  const magnitude = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  if (magnitude > MAX_FEN) throw new RangeError(`amount too large: ${text}`);
  if (magnitude === 0n) return 0;
  if (sign === '-' && !options.allowNegative) throw new RangeError(`negative amount: ${text}`);
  return sign === '-' ? -Number(magnitude) : Number(magnitude);
}

/**
 * What a person typed into a yuan field ('¥12,800.5', '960 ') in fen, or undefined when it is not
 * a non-negative amount with at most 2 decimals. Grouping commas and the yuan sign are allowed.
 */
export function parseYuanInput(text: string): Fen | undefined {
  const plain = text.replace(/[\s,，¥￥]/g, '');
  if (plain === '') return undefined;
  try {
    return yuanToFen(plain);
  } catch {
    return undefined;
  }
}

function assertSafeInteger(fen: number): void {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not a whole number of fen: ${fen}`);
}

/** Yuan with exactly 2 decimals and no grouping: 123450 → '1234.50', -5 → '-0.05'. */
export function fenToYuanString(fen: Fen): string {
  assertSafeInteger(fen);
  const magnitude = Math.abs(fen);
  const cents = magnitude % 100;
  const yuan = (magnitude - cents) / 100;
  return `${fen < 0 ? '-' : ''}${yuan}.${String(cents).padStart(2, '0')}`;
}

/** Display form with the yuan sign and the locale's grouping: 123450 → '¥1,234.50'. */
export function formatCny(fen: Fen, locale = 'zh-CN'): string {
  const formatter = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  // A decimal string is formatted exactly (Intl.NumberFormat v3); fen / 100 as a float is not.
  return formatter.format(fenToYuanString(fen) as `${number}`);
}

/** Exact sum; items may be negative (refunds). Throws RangeError if an item or a running total is not a safe integer. */
export function sumFen(amounts: Iterable<Fen>): Fen {
  let total = 0;
  for (const fen of amounts) {
    assertSafeInteger(fen);
    total += fen;
    assertSafeInteger(total);
  }
  return total;
}

/**
 * Splits `total` into `parts` amounts that add up to it exactly and differ by at most 1 fen;
 * the leftover fen go to the first parts.
 */
export function splitFen(total: Fen, parts: number): Fen[] {
  if (!isFen(total)) throw new RangeError(`total must be a non-negative whole number of fen: ${total}`);
  if (!Number.isSafeInteger(parts) || parts < 1) throw new RangeError(`parts must be a positive integer: ${parts}`);
  const base = Math.floor(total / parts);
  const remainder = total % parts;
  return Array.from({ length: parts }, (_, i) => (i < remainder ? base + 1 : base));
}
