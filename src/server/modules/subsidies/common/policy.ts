import type { Kysely, Transaction } from 'kysely';
import {
  type ChildcareSubsidyPolicy,
  DEFAULT_CHILDCARE_SUBSIDY,
  DEFAULT_TAX_DEDUCTION_RATES,
  type RateStep,
} from '../../../../domain/subsidies/familyRules.ts';
import { DEFAULT_INSTITUTION_SUBSIDY_RATES, type InstitutionSubsidyRates } from '../../../../domain/subsidies/institutionSubsidies.ts';
import type { DB } from '../../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** Amounts and start dates policy may change (childcare-rules.md: configuration, not literals). */
export type SubsidyPolicy = {
  taxDeductionRates: RateStep[];
  childcareSubsidy: ChildcareSubsidyPolicy;
  institutionSubsidyRates: InstitutionSubsidyRates;
};

export const SUBSIDY_POLICY_KEY = 'subsidies.policy';
export const DEFAULT_SUBSIDY_POLICY: SubsidyPolicy = {
  taxDeductionRates: DEFAULT_TAX_DEDUCTION_RATES,
  childcareSubsidy: DEFAULT_CHILDCARE_SUBSIDY,
  institutionSubsidyRates: DEFAULT_INSTITUTION_SUBSIDY_RATES,
};

/** The stored policy over the defaults of src/domain/subsidies/familyRules.ts. */
export async function findSubsidyPolicy(db: Db): Promise<SubsidyPolicy> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', SUBSIDY_POLICY_KEY).executeTakeFirst();
  const stored = (typeof row?.value === 'string' ? JSON.parse(row.value) : row?.value) as Partial<SubsidyPolicy> | undefined;
  return { ...DEFAULT_SUBSIDY_POLICY, ...(stored ?? {}) };
}

export async function saveSubsidyPolicy(db: Db, policy: SubsidyPolicy, now: Date) {
  const value = JSON.stringify(policy);
  await db
    .insertInto('settings')
    .values({ key: SUBSIDY_POLICY_KEY, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}
