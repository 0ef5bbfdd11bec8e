/**
 * Statistical division codes nest: a township's 9 digits start with its district's 6, and a
 * district's 6 with its city's first 4 (city 320700 → "3207", district 320706 → "320706").
 * So "inside division X" is "code starts with prefix(X)".
 */
export function divisionPrefix(code: string): string {
  if (code.length === 9) return code;
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

export function isWithinDivision(code: string, ancestor: string): boolean {
  return code.startsWith(divisionPrefix(ancestor));
}

/** The city a division lies in (itself when it is one): the code's first 4 digits. */
export function cityCodeOf(code: string): string {
  return `${code.slice(0, 4)}00`;
}

export const DIVISION_CODE = /^[0-9]{6}([0-9]{3})?$/;
