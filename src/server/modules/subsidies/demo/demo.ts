import type { Transaction } from 'kysely';
import { createPrng } from '../../../../domain/random/prng.ts';
import type { DB } from '../../../db/schema.ts';
import { findGrants, findUserByPhone } from '../../../platform/auth/queries.ts';
import { seedCurrentProgram } from './currentProgram.ts';
import { seedProgram2023 } from './program2023.ts';
import { findDemoInstitutions } from './queries.ts';
import { seedApplications } from './subsidyApplications.ts';

/** Demo accounts (src/server/demo/seed.ts): the city official, the guidance centre's director, a parent. */
const CITY_OFFICIAL_PHONE = '13900000001';
const DEMO_PARENT_PHONE = '13900000005';
const DIRECTOR_PHONE = '13900000003';

const findUserIdByPhone = async (trx: Transaction<DB>, phone: string) => (await findUserByPhone(trx, phone))?.id ?? null;

/** The institution a staff account (by phone) works for. */
async function findInstitutionOfUser(trx: Transaction<DB>, phone: string) {
  const userId = await findUserIdByPhone(trx, phone);
  const grants = userId ? await findGrants(trx, userId) : [];
  return grants.find((g) => g.institutionId)?.institutionId ?? null;
}

/**
 * The subsidies demo, inside the seed's transaction after the institutions and families: the
 * city's 2023 program of 1,000,000 yuan of childcare vouchers as it ran and closed (partly
 * redeemed, months settled and paid, the rest expired), this year's program, open, and the
 * social-insurance subsidy applications (19 approved for 2023, a few of this year in review).
 */
export async function seedSubsidyDemo(trx: Transaction<DB>, options: { now: Date; passwordHash: string; seed?: number }) {
  const prng = createPrng(options.seed ?? 2_023_0301);
  const officialId = await findUserIdByPhone(trx, CITY_OFFICIAL_PHONE);
  const demoParentId = await findUserIdByPhone(trx, DEMO_PARENT_PHONE);
  const institutions = await findDemoInstitutions(trx);
  const program2023 = await seedProgram2023(trx, prng, { now: options.now, passwordHash: options.passwordHash, officialId, institutions });
  const current = await seedCurrentProgram(trx, prng, { now: options.now, officialId, demoParentId });
  const guidanceCentreId = await findInstitutionOfUser(trx, DIRECTOR_PHONE);
  const applications = await seedApplications(trx, prng, { now: options.now, institutions, cityOfficialId: officialId, guidanceCentreId });
  return { program2023, current, applications };
}
