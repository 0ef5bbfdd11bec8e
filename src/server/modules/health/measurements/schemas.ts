import { z } from 'zod';
import { isIsoDate } from '../../../../domain/dates/shanghai.ts';
import { GROWTH_FLAG_NAMES } from '../../../../domain/health/growthFlags.ts';
import { Sex, ZscoreResponse } from '../growth/schemas.ts';

const IsoDate = z.string().refine(isIsoDate, { message: 'date.invalid' });
const decimals = (places: number) => (x: number) => Math.abs(Math.round(x * 10 ** places) - x * 10 ** places) < 1e-6;

export const ChildIdParams = z.object({ id: z.uuid({ message: 'id.invalid' }) });

// Ranges wide enough for any child of 0–5 years, premature newborns included, and narrow enough
// to refuse a slip of the decimal point (a weight typed in grams, a length in millimetres).
// Within them, the child's age decides (domain/growth/plausibility.ts): a value WHO Anthro flags as
// implausible is refused at its field, one beyond ±3 SD is stored once confirmed.
export const MeasurementInput = z
  .object({
    measuredOn: IsoDate.describe('YYYY-MM-DD, the day of the measurement; not after today, not before birth'),
    weightKg: z
      .number({ message: 'growth.weightRange' })
      .min(0.2, { message: 'growth.weightRange' })
      .max(60, { message: 'growth.weightRange' })
      .refine(decimals(3), { message: 'growth.weightRange' })
      .optional()
      .describe('Weight in kg, stored in whole grams'),
    lengthCm: z
      .number({ message: 'growth.lengthRange' })
      .min(20, { message: 'growth.lengthRange' })
      .max(150, { message: 'growth.lengthRange' })
      .refine(decimals(1), { message: 'growth.lengthRange' })
      .optional()
      .describe('Length (lying) or height (standing) in cm as measured; `position` says which'),
    position: z.enum(['recumbent', 'standing']).optional().describe('recumbent 卧位 (length) | standing 立位 (height)'),
    headCm: z
      .number({ message: 'growth.headRange' })
      .min(15, { message: 'growth.headRange' })
      .max(70, { message: 'growth.headRange' })
      .refine(decimals(1), { message: 'growth.headRange' })
      .optional()
      .describe('Head circumference in cm'),
    confirmed: z
      .boolean()
      .optional()
      .describe('The recorder confirms a value beyond ±3 SD for the age (else 409 MEASUREMENT_NEEDS_CONFIRMATION)'),
  })
  .superRefine((body, ctx) => {
    if (body.weightKg === undefined && body.lengthCm === undefined && body.headCm === undefined) {
      ctx.addIssue({ code: 'custom', message: 'growth.needMeasurement', path: [] });
    }
    if (body.lengthCm !== undefined && body.position === undefined) {
      ctx.addIssue({ code: 'custom', message: 'growth.positionRequired', path: ['position'] });
    }
    if (body.lengthCm === undefined && body.position !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'growth.positionWithoutLength', path: ['position'] });
    }
  });
export type MeasurementInput = z.infer<typeof MeasurementInput>;

export const GrowthFlagsView = z
  .object(
    Object.fromEntries(GROWTH_FLAG_NAMES.map((name) => [name, z.boolean()])) as Record<(typeof GROWTH_FLAG_NAMES)[number], z.ZodBoolean>,
  )
  .describe(
    'underweight 低体重 (WFA < −2) · stunting 生长迟缓 (LFA < −2) · wasting 消瘦 (WFL < −2) · overweight 超重 (WFL > +2, BMI when WFL cannot be read) · implausible 数值可疑 (a WHO flag; such a score raises no other finding)',
  );

/** The WHO indicators of one measurement: the calculator's answer without its age fields. */
export const MeasurementScores = ZscoreResponse.pick({
  weightForAge: true,
  lengthForAge: true,
  weightForLength: true,
  bmiForAge: true,
  headForAge: true,
});

export const MeasurementView = z.object({
  id: z.string(),
  measuredOn: z.string(),
  ageDays: z.number().int().describe('Whole days from birth to the measurement'),
  weightKg: z.number().nullable(),
  lengthCm: z.number().nullable(),
  position: z.enum(['recumbent', 'standing']).nullable(),
  headCm: z.number().nullable(),
  source: z.enum(['parent', 'institution']).describe('Recorded by a guardian, or by staff of an institution'),
  institutionName: z.string().nullable(),
  recordedByName: z.string(),
  createdAt: z.string(),
  scores: MeasurementScores.describe('Computed on read for the child’s sex and age that day, as WHO Anthro does'),
  standingUnder9Months: z.literal(true).optional(),
  flags: GrowthFlagsView,
});
export type MeasurementView = z.infer<typeof MeasurementView>;

export const GrowthRecord = z.object({
  child: z.object({ id: z.string(), name: z.string(), sex: Sex, birthDate: z.string() }),
  items: z.array(MeasurementView).describe('Oldest first'),
});
export type GrowthRecord = z.infer<typeof GrowthRecord>;

/** A stored measurement's id; the same shape as a child's. */
export const MeasurementIdParams = ChildIdParams;
