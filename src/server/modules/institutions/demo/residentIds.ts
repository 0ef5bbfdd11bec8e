import { addDaysIso, type IsoDate } from '../../../../domain/dates/shanghai.ts';
import { maskResidentId, residentIdCheckChar } from '../../../../domain/identity/residentId.ts';
import type { Prng } from '../../../../domain/random/prng.ts';
import type { FieldCipher } from '../../../db/fieldCipher.ts';

/**
 * The region code of every demo staff member's 身份证号: 3207 is Lianyungang, but 99 is no county
 * of it (its counties and districts are 320703–320724, its zones 320771–320772), so no demo
 * number can be a real person's, while the masked number still reads as local (3207****…).
 */
export const DEMO_RESIDENT_REGION = '320799';

/**
 * `count` distinct resident ID numbers with a correct check character, people born 20 to 55
 * years before `today`, drawn from their own PRNG so the rest of the demo does not shift.
 */
export function demoResidentIds(prng: Prng, count: number, today: IsoDate): string[] {
  const oldest = addDaysIso(today, -55 * 365);
  const span = 35 * 365;
  const seen = new Set<string>();
  const ids: string[] = [];
  while (ids.length < count) {
    const birth = addDaysIso(oldest, prng.int(0, span)).replaceAll('-', '');
    const first17 = `${DEMO_RESIDENT_REGION}${birth}${String(prng.int(0, 999)).padStart(3, '0')}`;
    const id = first17 + residentIdCheckChar(first17);
    if (seen.has(id)) continue;
    seen.add(id);
    ids.push(id);
  }
  return ids;
}

/** The stored columns of a resident ID number, as the roster's writer stores them. */
export function residentIdColumns(cipher: FieldCipher, residentId: string) {
  return {
    resident_id_enc: cipher.encrypt(residentId),
    resident_id_index: cipher.blindIndex(residentId),
    resident_id_masked: maskResidentId(residentId),
  };
}
