import { z } from 'zod';
import { isIsoDate } from '../../../../domain/dates/shanghai.ts';

const IsoDate = z.string().refine(isIsoDate, { message: 'date.invalid' }).describe('YYYY-MM-DD');
const Bilingual = z.object({ 'zh-CN': z.string(), en: z.string() }).describe('Text in Simplified Chinese and English');

export const ScheduleQuery = z.object({
  birthDate: IsoDate,
  dischargeDate: IsoDate.optional().describe('Hospital discharge, 0–20 days after birth; the home visit is due within a week of it'),
  done: z
    .string()
    .refine((s) => s.split(',').every(isIsoDate), { message: 'dates.list' })
    .optional()
    .describe('Dates of checks already done, comma-separated YYYY-MM-DD'),
});
export type ScheduleQuery = z.infer<typeof ScheduleQuery>;

const VisitKey = z.enum([
  'newborn_home_visit',
  'one_month',
  'month_3',
  'month_6',
  'month_8',
  'month_12',
  'month_18',
  'month_24',
  'month_30',
  'month_36',
]);

const Visit = z.object({
  key: VisitKey,
  name: Bilingual,
  place: Bilingual,
  targetDate: z.string().describe('The age the schedule names, as a date'),
  windowStart: z.string(),
  windowEnd: z.string(),
  status: z
    .enum(['done', 'due', 'overdue', 'missed', 'upcoming'])
    .describe('overdue: window passed, a check still counts until the next window opens; missed: that has passed too'),
  doneOn: z.string().optional(),
});

export const ScheduleResponse = z.object({
  birthDate: z.string(),
  today: z.string().describe('Asia/Shanghai'),
  ageMonths: z.number().int().describe('Completed months'),
  visits: z.array(Visit),
  next: Visit.nullable().describe('Due or overdue first, else the first upcoming; null when none is left'),
  unmatchedDates: z.array(z.string()).describe('Done dates that belong to no visit (past 4 years)'),
});

const AgeMonths = z.number().int().min(0).max(240);

export const WarningSignsQuery = z
  .object({
    ageMonths: z.coerce.number().pipe(AgeMonths).optional().describe('Completed months'),
    birthDate: IsoDate.optional().describe('Instead of ageMonths; age on today in Asia/Shanghai'),
  })
  .superRefine((q, ctx) => {
    if (q.ageMonths !== undefined && q.birthDate !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'warningSigns.ageOrBirthDate', path: [] });
    }
  });
export type WarningSignsQuery = z.infer<typeof WarningSignsQuery>;

const Sign = z.object({ id: z.string().describe('Row and column of the official table, e.g. 8m-3'), text: Bilingual });
const Checklist = z.object({
  ageMonths: z.number().int().describe('The check age of this row'),
  label: Bilingual,
  signs: z.array(Sign).describe('In the official column order'),
});

export const WarningSignsResponse = z.object({
  ageMonths: z.number().int().nullable().describe('Null when neither ageMonths nor birthDate was given'),
  checklist: Checklist.nullable().describe('The row that applies at that age: the latest check age reached, 3 months to under 4 years'),
  checklists: z.array(Checklist).describe('The whole table, 3 months to 3 years'),
});

export const AssessRequest = z.object({
  ageMonths: AgeMonths.describe('Completed months'),
  ticked: z.array(z.string().max(16)).max(16).describe('Ids of the signs seen, from the checklist for this age'),
});
export type AssessRequest = z.infer<typeof AssessRequest>;

export const AssessResponse = z.object({
  checkAgeMonths: z.number().int(),
  referral: z.boolean().describe('True when any sign is ticked: see the child-health clinic'),
  advice: Bilingual,
  signs: z.array(Sign),
});
