import { z } from 'zod';
import { isIsoDate } from '../../../../domain/dates/shanghai.ts';
import { ILLNESS_ALERT_SETTING_LIMITS, MORNING_CHECK_SYMPTOMS } from '../../../../domain/health/illnessClusters.ts';

const IsoDate = z.string().refine(isIsoDate, { message: 'date.invalid' });
export const Kind = z
  .enum(MORNING_CHECK_SYMPTOMS)
  .describe(
    'fever 发热 · cough 咳嗽 · rash 皮疹 · vomiting 呕吐 · diarrhoea 腹泻 · runny_nose 流涕 · red_eyes 红眼 · mouth_sores 口腔疱疹',
  );
export const Party = z.enum(['institution', 'district', 'city']).describe('institution 机构负责人 · district 区县卫健局 · city 市卫健委');

export const AlertIdParams = z.object({ id: z.uuid({ message: 'id.invalid' }) });

export const AlertsQuery = z
  .object({
    status: z.enum(['open', 'all']).default('all').describe('open: not yet acknowledged by you at the present number of cases'),
    from: IsoDate.optional().describe('YYYY-MM-DD; default 29 days before today for `all`, no limit for `open`'),
    to: IsoDate.optional().describe('YYYY-MM-DD; default today'),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'dates.order', path: ['from'] });
export type AlertsQuery = z.infer<typeof AlertsQuery>;

const Acknowledgement = z
  .object({
    byName: z.string(),
    at: z.string(),
    casesSeen: z.number().int(),
    current: z.boolean().describe('No child fell ill after it: casesSeen covers the present cases'),
  })
  .nullable();

export const IllnessAlertView = z.object({
  id: z.string(),
  day: z.string().describe('The day of the morning checks, Asia/Shanghai'),
  kind: Kind,
  cases: z.number().int().describe('Children of the class with it that day'),
  threshold: z.number().int(),
  feverFromC: z.number().describe('The fever line in force, °C'),
  institution: z.object({ id: z.string(), name: z.string() }),
  class: z.object({ id: z.string(), name: z.string() }),
  township: z.object({ code: z.string(), name: z.string().nullable() }),
  raisedAt: z.string(),
  updatedAt: z.string(),
  acknowledgements: z.object({ institution: Acknowledgement, district: Acknowledgement, city: Acknowledgement }),
  party: Party.describe('Who the caller acknowledges as'),
  acknowledged: z.boolean().describe('The caller’s party has acknowledged the present number of cases'),
  children: z
    .array(z.object({ id: z.string(), name: z.string() }))
    .optional()
    .describe('For the institution’s director only (audited read); officials get counts, never names'),
});
export type IllnessAlertView = z.infer<typeof IllnessAlertView>;

export const IllnessAlertList = z.object({
  items: z.array(IllnessAlertView).describe('Newest day first, at most 200'),
  unacknowledged: z.number().int().describe('Alerts in your scope, of any day, waiting for your acknowledgement'),
  truncated: z.boolean(),
});

const { feverFromC: feverLimits, casesPerClassPerDay: casesLimits } = ILLNESS_ALERT_SETTING_LIMITS;

export const IllnessAlertSettingsBody = z.object({
  feverFromC: z
    .number({ message: 'alerts.feverFrom' })
    .min(feverLimits.min, { message: 'alerts.feverFrom' })
    .max(feverLimits.max, { message: 'alerts.feverFrom' })
    .refine((t) => Math.abs(Math.round(t * 10) - t * 10) < 1e-9, { message: 'alerts.feverFrom' })
    .describe('°C; a morning check at or above it counts as fever'),
  casesPerClassPerDay: z
    .number({ message: 'alerts.casesPerDay' })
    .int({ message: 'alerts.casesPerDay' })
    .min(casesLimits.min, { message: 'alerts.casesPerDay' })
    .max(casesLimits.max, { message: 'alerts.casesPerDay' })
    .describe('Children of one class on one day with fever, or one same symptom, that raise an alert'),
});
export type IllnessAlertSettingsBody = z.infer<typeof IllnessAlertSettingsBody>;

export const IllnessAlertSettingsView = IllnessAlertSettingsBody.extend({ defaults: IllnessAlertSettingsBody });
