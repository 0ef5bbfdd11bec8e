import { z } from 'zod';
import { isIsoDate } from '../../../../domain/dates/shanghai.ts';

const IsoDate = z.string().refine(isIsoDate, { message: 'date.invalid' });
export const Sex = z.enum(['male', 'female'], { message: 'sex.invalid' }).describe('male 男 | female 女');
const Measurement = z.number({ message: 'measurement.positive' }).positive({ message: 'measurement.positive' });

/** The public contract of issue 5: other checks rely on these names. */
export const ZscoreRequest = z
  .object({
    sex: Sex,
    ageDays: z.number().min(0, { message: 'growth.ageDays' }).optional().describe('Age in days; a fraction is rounded half up'),
    birthDate: IsoDate.optional().describe('YYYY-MM-DD; instead of ageDays'),
    measuredOn: IsoDate.optional().describe('YYYY-MM-DD, with birthDate; default today in Asia/Shanghai'),
    weightKg: Measurement.optional(),
    lengthCm: Measurement.optional().describe('Length or height as measured; `position` says which'),
    position: z.enum(['recumbent', 'standing']).optional().describe('recumbent 卧位 (length) | standing 立位 (height)'),
    headCm: Measurement.optional().describe('Head circumference'),
  })
  .superRefine((body, ctx) => {
    if ((body.ageDays === undefined) === (body.birthDate === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'growth.ageOrBirthDate', path: [] });
    }
    if (body.measuredOn !== undefined && body.birthDate === undefined) {
      ctx.addIssue({ code: 'custom', message: 'growth.measuredOnNeedsBirthDate', path: ['measuredOn'] });
    }
  });
export type ZscoreRequest = z.infer<typeof ZscoreRequest>;

const Score = {
  z: z.number().describe('z-score, 2 decimals; restricted beyond ±3 SD for weight-based indicators as WHO Anthro'),
  percentile: z.number().min(0).max(100).describe('100·Φ(z), 1 decimal'),
  flag: z.boolean().describe('WHO Anthro would flag the value as implausible'),
};

export const ZscoreResponse = z.object({
  ageDays: z.number().int().describe('Whole days used for the tables'),
  measuredOn: z.string().optional().describe('The measurement date, when birthDate was given'),
  weightForAge: z.object({ ...Score, classification: z.enum(['severely_underweight', 'underweight', 'normal']) }).optional(),
  lengthForAge: z.object({ ...Score, classification: z.enum(['severely_stunted', 'stunted', 'normal']) }).optional(),
  weightForLength: z
    .object({
      ...Score,
      classification: z.enum(['severely_wasted', 'wasted', 'normal', 'overweight', 'obese']),
      table: z.enum(['weightForLength', 'weightForHeight']).describe('Length table before 731 days, height table from 731 days'),
    })
    .optional(),
  bmiForAge: z.object({ ...Score, classification: z.enum(['severely_wasted', 'wasted', 'normal', 'overweight', 'obese']) }).optional(),
  headForAge: z.object({ ...Score, classification: z.enum(['microcephaly_risk', 'normal', 'macrocephaly_risk']) }).optional(),
  standingUnder9Months: z.literal(true).optional().describe('A standing measurement before 9 months was treated as position unknown'),
});
export type ZscoreResponse = z.infer<typeof ZscoreResponse>;

export const CurveIndicator = z.enum(['weightForAge', 'lengthForAge', 'weightForLength', 'weightForHeight', 'bmiForAge', 'headForAge']);

export const CurvesQuery = z.object({
  indicator: CurveIndicator,
  sex: Sex,
  from: z.coerce.number().optional().describe('Age in days (default 0), or cm for weightForLength (45) / weightForHeight (65)'),
  to: z.coerce.number().optional().describe('Age in days (default 1826), or cm (110 / 120)'),
  step: z.coerce.number().optional().describe('Days (default 7) or cm, a multiple of 0.1 (default 0.5)'),
});
export type CurvesQuery = z.infer<typeof CurvesQuery>;

export const CurvesResponse = z.object({
  indicator: CurveIndicator,
  sex: Sex,
  xUnit: z.enum(['day', 'cm']),
  yUnit: z.enum(['kg', 'cm', 'kg/m2']),
  lines: z
    .array(z.object({ sd: z.number().int(), points: z.array(z.tuple([z.number(), z.number()])) }))
    .describe('SD −3 … +3; y rounded to 4 decimals'),
});
export type CurvesResponse = z.infer<typeof CurvesResponse>;
