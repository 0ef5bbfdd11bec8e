import {
  type ChildcareSubsidyPolicy,
  DEFAULT_CHILDCARE_SUBSIDY,
  DEFAULT_TAX_DEDUCTION_RATES,
  type RateStep,
} from '../../../../domain/subsidies/familyRules.ts';
import { DEFAULT_INSTITUTION_SUBSIDY_RATES, type InstitutionSubsidyRates } from '../../../../domain/subsidies/institutionSubsidies.ts';
import type { Db } from '../../../db/executor.ts';
import { readSetting, writeSetting } from '../../../platform/settings/settings.ts';
import { SubsidyPolicyBody } from '../family/schemas.ts';

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
  return { ...DEFAULT_SUBSIDY_POLICY, ...(await readSetting(db, SUBSIDY_POLICY_KEY, SubsidyPolicyBody.partial())) };
}

export async function saveSubsidyPolicy(db: Db, policy: SubsidyPolicy, now: Date) {
  await writeSetting(db, SUBSIDY_POLICY_KEY, policy, now);
}
