/**
 * Filing receipt (备案回执) numbers: `<district code>-<year>-<sequence>`, e.g. `320706-2026-0001`,
 * the first receipt of 海州区 in 2026. The district's official code makes the issuing health
 * bureau plain, the number stays ASCII for typing and sorting, and the sequence restarts each
 * year (padded to four digits; a fifth appears only past 9,999 receipts in a year).
 */
export function formatReceiptNumber(districtCode: string, year: number, sequence: number): string {
  if (!/^[0-9]{6}$/.test(districtCode)) throw new RangeError(`not a district code: ${districtCode}`);
  if (!Number.isSafeInteger(year) || year < 1000 || year > 9999) throw new RangeError(`not a year: ${year}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1) throw new RangeError(`not a sequence number: ${sequence}`);
  return `${districtCode}-${year}-${String(sequence).padStart(4, '0')}`;
}

const RECEIPT = /^([0-9]{6})-([0-9]{4})-([0-9]{4,})$/;

export function parseReceiptNumber(receipt: string): { districtCode: string; year: number; sequence: number } | undefined {
  const match = RECEIPT.exec(receipt);
  if (!match) return undefined;
  return { districtCode: match[1] as string, year: Number(match[2]), sequence: Number(match[3]) };
}
