import { z } from 'zod';
import { SHARES } from '../../../../domain/subsidies/familyRules.ts';
import { Fen, Id, IsoMonth } from '../common/schemas.ts';

export const SubsidyPolicyBody = z
  .object({
    taxDeductionRates: z
      .array(z.object({ from: IsoMonth, monthlyFen: z.number().int().min(0).max(100_000_000) }))
      .min(1)
      .max(20)
      .refine((steps) => steps.every((s, i) => i === 0 || (steps[i - 1] as { from: string }).from < s.from), { message: 'policy.rates' })
      .describe('3岁以下婴幼儿照护专项附加扣除: the monthly standard per child from each month on'),
    childcareSubsidy: z
      .object({ fromMonth: IsoMonth, yearlyFen: z.number().int().min(0).max(100_000_000) })
      .describe('育儿补贴: yearly amount per child under 3, from a month'),
    institutionSubsidyRates: z
      .object({
        socialInsurancePerStaffMonthFen: z.number().int().min(0).nullable(),
        newPlaceFen: z.number().int().min(0).nullable(),
        operatingPerPlaceMonthFen: z.number().int().min(0).nullable(),
      })
      .describe('Rates that suggest an amount for institution subsidy applications; null: reviewers decide'),
  })
  .describe('Policy amounts; defaults from the national rules');

export const YearParams = z.object({ year: z.coerce.number().int().min(2022).max(2100) });
export const ChildYearParams = z.object({ id: Id, year: z.coerce.number().int().min(2022).max(2100) });
export const ShareBody = z.object({
  sharePercent: z
    .union(SHARES.map((s) => z.literal(s)) as [z.ZodLiteral<100>, z.ZodLiteral<50>])
    .describe('100: this parent takes all; 50: each parent half'),
});

const DeductionMonth = z.object({ month: z.string(), standardFen: Fen, deductibleFen: Fen });

export const TaxDeductionStatement = z.object({
  year: z.number().int(),
  guardianName: z.string(),
  children: z.array(
    z.object({
      childId: z.string(),
      childName: z.string(),
      birthDate: z.string(),
      sharePercent: z.number().int().describe('The share this statement uses: chosen, or what the other guardians left'),
      shareChosen: z.boolean(),
      otherGuardiansPercent: z.number().int(),
      months: z.array(DeductionMonth),
      totalFen: Fen,
    }),
  ),
  totalFen: Fen,
});
export type TaxDeductionStatement = z.infer<typeof TaxDeductionStatement>;

export const ClaimView = z.object({
  id: z.string(),
  status: z.enum(['applied', 'approved', 'rejected']),
  appliedAt: z.string(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
});

export const ChildcareSubsidyView = z.object({
  childId: z.string(),
  childName: z.string(),
  birthDate: z.string(),
  policy: z.object({ fromMonth: z.string(), yearlyFen: Fen }),
  years: z.array(z.object({ year: z.number().int(), months: z.array(z.string()), amountFen: Fen })),
  totalFen: Fen,
  claim: ClaimView.nullable(),
});

export const OfficialClaimView = z
  .object({
    id: z.string(),
    residenceDivisionCode: z.string(),
    birthMonth: z.string(),
    status: z.enum(['applied', 'approved', 'rejected']),
    appliedAt: z.string(),
    decidedAt: z.string().nullable(),
    reason: z.string().nullable(),
    totalFen: Fen,
  })
  .describe("An application as officials see it: no child's name, only what deciding and paying need");

export const ClaimsQuery = z.object({ status: z.enum(['applied', 'approved', 'rejected']).optional() });
export const DecideBody = z
  .object({ decision: z.enum(['approve', 'reject']), reason: z.string().trim().min(1).max(500).optional() })
  .refine((b) => b.decision === 'approve' || b.reason, { message: 'reason.required', path: ['reason'] });
