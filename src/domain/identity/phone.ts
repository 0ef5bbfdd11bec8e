// Mainland mobile numbers are 11 digits; every mobile segment in MIIT's numbering plan
// (电信网编号计划, 2017) starts 13–19, while 10–12 are service and network codes.
const MOBILE = /^1[3-9]\d{9}$/;

/** An 11-digit mainland mobile number, digits only: no +86, spaces or hyphens. */
export function isMobilePhone(s: string): boolean {
  return MOBILE.test(s);
}

/** Keeps the 3-digit network prefix and the last 4 digits: `139****0000`. Throws RangeError for anything else. */
export function maskPhone(s: string): string {
  if (!isMobilePhone(s)) throw new RangeError('not a mainland mobile number');
  return `${s.slice(0, 3)}****${s.slice(7)}`;
}
