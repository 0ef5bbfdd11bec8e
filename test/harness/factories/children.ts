import { residentIdCheckChar } from '../../../src/domain/identity/residentId.ts';

/** A valid resident ID number for a birth date and sex, in the given district (6 digits). */
export function makeResidentId(districtCode: string, birthDate: string, sex: 'male' | 'female', serial = 12): string {
  const order = `${String(serial).padStart(2, '0')}${sex === 'male' ? 1 : 2}`;
  const first17 = `${districtCode}${birthDate.replaceAll('-', '')}${order}`;
  return `${first17}${residentIdCheckChar(first17)}`;
}
