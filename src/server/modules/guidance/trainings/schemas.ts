import { z } from 'zod';
import { ENROLMENT_STATUSES, TRAINING_AUDIENCES, TRAINING_DELIVERIES } from '../../../../domain/guidance/index.ts';

const id = z.uuid({ message: 'id.invalid' });
export const IdParams = z.object({ id });
export const SessionParams = z.object({ id, sessionId: id });
export const EnrolmentParams = z.object({ id, enrolmentId: id });
export const TextbookSource = z.object({
  fromTrainingId: id.describe('Another training whose uploaded textbook this training takes too (its bytes are shared, not copied)'),
});
const Instant = z.iso.datetime({ offset: true, message: 'datetime.invalid' });
/** Hours in steps of a tenth (numeric(5,1)), above 0. */
const Hours = (max: number) =>
  z
    .number({ message: 'field.number' })
    .positive({ message: 'training.hoursPositive' })
    .max(max, { message: 'training.hoursMax' })
    .refine((h) => Math.abs(h * 10 - Math.round(h * 10)) < 1e-6, { message: 'training.hoursStep' });
const HttpUrl = z
  .string()
  .trim()
  .max(500)
  .refine((u) => /^https?:\/\/[^\s]+$/i.test(u) || /^\/[^\s/][^\s]*$/.test(u), { message: 'training.url' });

export const NewTraining = z
  .object({
    title: z.string().trim().min(1).max(100),
    audience: z.enum(TRAINING_AUDIENCES),
    description: z.string().trim().max(2000).default(''),
    requiredHours: Hours(500),
    delivery: z.enum(TRAINING_DELIVERIES),
    venue: z.string().trim().min(1).max(200).nullable().default(null),
    onlineUrl: HttpUrl.nullable().default(null),
    textbookUrl: HttpUrl.nullable().default(null).describe('The textbook as a PDF (e.g. the director training textbook)'),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.delivery === 'venue' && !t.venue) ctx.addIssue({ code: 'custom', path: ['venue'], message: 'course.venueRequired' });
    if (t.delivery === 'online' && !t.onlineUrl) ctx.addIssue({ code: 'custom', path: ['onlineUrl'], message: 'course.onlineUrlRequired' });
  });
export type NewTraining = z.infer<typeof NewTraining>;

export const NewTrainingSession = z
  .object({ startsAt: Instant, endsAt: Instant, hours: Hours(24) })
  .strict()
  .refine((s) => new Date(s.endsAt) > new Date(s.startsAt), { message: 'session.endsBeforeStart', path: ['endsAt'] });
export type NewTrainingSession = z.infer<typeof NewTrainingSession>;

export const SessionTimeBody = z
  .object({ startsAt: Instant, endsAt: Instant })
  .strict()
  .refine((s) => new Date(s.endsAt) > new Date(s.startsAt), { message: 'session.endsBeforeStart', path: ['endsAt'] });
export type SessionTimeBody = z.infer<typeof SessionTimeBody>;

export const EnrolBody = z.object({ staffId: id }).strict();
export const AttendanceBody = z
  .object({
    enrolmentIds: z.array(id).max(1000).describe('The enrolments present at the session; every other enrolled person is recorded absent'),
  })
  .strict();
export const RevokeBody = z.object({ reason: z.string().trim().min(1, { message: 'reason.required' }).max(500) }).strict();
export const CodeParams = z.object({ code: z.string().min(1).max(40) });
export const YearQuery = z
  .object({ year: z.coerce.number({ message: 'field.number' }).int({ message: 'field.number' }).min(2000).max(2100).optional() })
  .strict();
export const ShortfallQuery = z
  .object({
    divisionCode: z
      .string()
      .regex(/^[0-9]{6}([0-9]{3})?$/, { message: 'division.code' })
      .optional(),
    year: YearQuery.shape.year,
  })
  .strict();
export const TrainingSettings = z
  .object({
    yearlyTrainingHours: z
      .number({ message: 'field.number' })
      .int({ message: 'field.number' })
      .min(1, { message: 'training.yearlyHours' })
      .max(200, { message: 'training.yearlyHours' }),
  })
  .strict();

export const TrainingSessionView = z.object({ id, startsAt: z.string(), endsAt: z.string(), hours: z.number() });

export const TrainingView = z.object({
  id,
  title: z.string(),
  audience: z.enum(TRAINING_AUDIENCES),
  description: z.string(),
  requiredHours: z.number(),
  delivery: z.enum(TRAINING_DELIVERIES),
  venue: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  textbookUrl: z.string().nullable(),
  textbook: z
    .object({ filename: z.string(), sizeBytes: z.number().int(), uploadedAt: z.string() })
    .nullable()
    .describe('The textbook PDF the center uploaded, at GET /api/v1/trainings/:id/textbook.pdf'),
  status: z.enum(['open', 'closed']),
  sessionCount: z.number().int(),
  nextSessionAt: z.string().nullable(),
});
export type TrainingView = z.infer<typeof TrainingView>;

export const CertificateView = z.object({
  id,
  number: z.string().describe('证书编号 PX2026-000123'),
  code: z.string().describe('核验码: 12 characters'),
  codeDisplay: z.string(),
  staffId: id,
  staffName: z.string(),
  institutionName: z.string(),
  trainingTitle: z.string(),
  hours: z.number(),
  issuedAt: z.string(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  verifyUrl: z.string().describe('The public check page with the code after #: what the QR code holds'),
});
export type CertificateView = z.infer<typeof CertificateView>;

export const EnrolmentView = z.object({
  id,
  staffId: id,
  staffName: z.string(),
  staffRole: z.string(),
  institutionId: id,
  institutionName: z.string(),
  status: z.enum(ENROLMENT_STATUSES),
  hoursAttended: z.number(),
  attendedSessionIds: z.array(id),
  canComplete: z.boolean(),
  certificate: CertificateView.nullable(),
});

export const TrainingDetail = TrainingView.extend({
  sessions: z.array(TrainingSessionView.extend({ recorded: z.boolean() })),
  enrolments: z.array(EnrolmentView).describe('All enrolments for the center and city; a director sees their own staff only'),
  canManage: z.boolean().describe('Center staff or city official: may add sessions, record attendance and complete'),
});

export const Verification = z
  .object({
    number: z.string(),
    status: z.enum(['valid', 'revoked']).describe('valid 有效 · revoked 已撤销'),
    holderName: z.string().describe('Masked, e.g. 张*华'),
    institutionName: z.string(),
    trainingTitle: z.string(),
    hours: z.number(),
    issuedOn: z.string(),
    checkedAt: z.string(),
  })
  .describe('What anyone holding the code may see');

export const StaffHoursView = z.object({
  staffId: id,
  name: z.string(),
  role: z.string(),
  institutionId: id,
  institutionName: z.string(),
  hours: z.number(),
  short: z.boolean(),
  qualification: z.enum(['valid', 'expired', 'missing']),
  needsQualification: z.boolean(),
  qualificationTitle: z.enum(['childcare_worker', 'infant_carer']).nullable().describe('保育师 / 育婴员, of the qualification that holds'),
  qualificationLevel: z.number().int().nullable().describe('5 (五级) to 1 (一级)'),
  certificates: z.array(CertificateView),
});

export const TrainingHours = z.object({ year: z.number().int(), yearlyHours: z.number(), items: z.array(StaffHoursView) });

export const Shortfall = z.object({
  year: z.number().int(),
  yearlyHours: z.number(),
  institutionsChecked: z.number().int(),
  items: z.array(
    z.object({
      institutionId: id,
      institutionName: z.string(),
      short: z.array(z.object({ staffId: id, name: z.string(), hours: z.number() })),
      unqualified: z.array(z.object({ staffId: id, name: z.string(), qualification: z.enum(['missing', 'expired']) })),
    }),
  ),
});
