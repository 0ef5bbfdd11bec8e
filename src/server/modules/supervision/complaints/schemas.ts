import { z } from 'zod';
import { COMPLAINT_ACTIONS, COMPLAINT_CATEGORIES, COMPLAINT_STATUSES } from '../../../../domain/complaints/complaintWorkflow.ts';
import { Phone } from '../../../platform/auth/schemas.ts';
import { MAX_PHOTO_BYTES } from '../photos.ts';

export const MAX_PHOTOS = 3;

const Id = z.uuid({ message: 'id.invalid' });
const LongText = z.string().trim().min(1, { message: 'field.required' }).max(2000);
const Reason = z.string().trim().min(1, { message: 'reason.required' }).max(500);

export const ComplaintParams = z.object({ id: Id });
export const PhotoParams = z.object({ id: Id, photoId: Id });

export const SubmitComplaintBody = z
  .object({
    institutionId: Id,
    category: z.enum(COMPLAINT_CATEGORIES).describe('safety 安全 · health 卫生健康 · fees 收费 · staffing 人员 · other 其他'),
    text: LongText.describe('What happened, as text (at most 2,000 characters); shown as text everywhere'),
    phone: Phone.optional().describe('Not signed in: the number the SMS code (purpose `complaint`) went to'),
    code: z
      .string()
      .regex(/^[0-9]{6}$/, { message: 'complaint.code' })
      .optional(),
    photos: z
      .array(z.base64({ message: 'complaint.photo' }).max(Math.ceil((MAX_PHOTO_BYTES * 4) / 3) + 4, { message: 'complaint.photo' }))
      .max(MAX_PHOTOS)
      .optional()
      .describe('Up to 3 JPEG or PNG photos, base64, at most 200 KB each; checked by content'),
  })
  .strict();

export const SubmittedComplaint = z.object({ id: z.uuid(), reference: z.string() });

export const ComplaintListQuery = z.object({
  mine: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: the complaints the caller made, whatever their roles; officials otherwise get their queue'),
  status: z.enum(COMPLAINT_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});

export const TransitionBody = z
  .object({
    action: z.enum(COMPLAINT_ACTIONS),
    reason: Reason.optional().describe('Required to extend, reject and escalate'),
    answer: LongText.optional().describe('Required to resolve: the answer the complainant reads'),
    upheld: z.boolean().optional().describe('Required to resolve: whether the complaint was founded (属实)'),
  })
  .strict();

export const RatingBody = z.object({ score: z.number().int().min(1).max(5), comment: z.string().trim().max(500).optional() }).strict();

const Step = z.object({ action: z.enum(COMPLAINT_ACTIONS), note: z.string().nullable(), at: z.string() });

export const ComplaintView = z.object({
  id: z.uuid(),
  reference: z.string(),
  institution: z.object({ id: z.uuid(), name: z.string() }),
  district: z.object({ code: z.string(), name: z.string() }).describe('The district bureau it is routed to'),
  category: z.enum(COMPLAINT_CATEGORIES),
  text: z.string(),
  status: z.enum(COMPLAINT_STATUSES),
  submittedAt: z.string(),
  acceptDue: z.string(),
  resolveDue: z.string().nullable(),
  due: z.string().nullable().describe('The deadline the complaint waits on now; null once closed'),
  overdue: z.boolean(),
  extended: z.boolean(),
  escalated: z.boolean(),
  answer: z.string().nullable().describe('The answer on resolving, or the reason on rejecting'),
  upheld: z.boolean().nullable(),
  rating: z.number().int().nullable(),
  ratingComment: z.string().nullable(),
  photoIds: z.array(z.uuid()),
  history: z.array(Step),
  complainant: z
    .object({ name: z.string().nullable(), phone: z.string() })
    .nullable()
    .describe('Officials only; never shown to the institution'),
  allowedActions: z.array(z.enum(COMPLAINT_ACTIONS)).describe('What the caller may do now'),
  mayRate: z.boolean(),
  inspection: z
    .object({
      id: z.uuid(),
      overall: z.enum(['pass', 'rectify', 'fail']).nullable().describe('null until the results are recorded'),
      inspectedOn: z.string().nullable(),
    })
    .nullable()
    .describe('The targeted inspection the complaint led to: never its inspectors or notes'),
  mayOrderInspection: z.boolean().describe('The district official may order a targeted inspection now'),
});

export const ComplaintList = z.object({ items: z.array(ComplaintView) });
