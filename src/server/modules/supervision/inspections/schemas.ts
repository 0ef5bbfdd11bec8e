import { z } from 'zod';
import { isIsoDate } from '../../../../domain/dates/shanghai.ts';
import { ITEM_RESULTS, OVERALL_RESULTS } from '../../../../domain/supervision/checklist.ts';
import { MAX_PHOTO_BYTES } from '../photos.ts';

export const MAX_ITEM_PHOTOS = 3;
export const MAX_INSPECTION_PHOTOS = 10;

export const Id = z.uuid();
export const IdParams = z.object({ id: Id });
export const IsoDate = z.string().refine(isIsoDate, { message: 'date.invalid' }).describe('YYYY-MM-DD, a day in Asia/Shanghai');
const DistrictCode = z.string().regex(/^[0-9]{6}$/, { message: 'division.code' });
const Text = (max: number) => z.string().trim().min(1).max(max);

export const DivisionQuery = z.object({ divisionCode: DistrictCode }).strict();

export const InspectorBody = z
  .object({
    divisionCode: DistrictCode,
    name: Text(50),
    phone: z
      .string()
      .regex(/^1[3-9][0-9]{9}$/, { message: 'phone.invalid' })
      .optional()
      .describe('A district official’s account to link, by its number'),
  })
  .strict();

export const InspectorActiveBody = z.object({ active: z.boolean() }).strict();
export const ConflictBody = z.object({ institutionId: Id, reason: Text(500) }).strict();

export const InspectorView = z.object({
  id: Id,
  name: z.string(),
  linkedUser: z.boolean(),
  active: z.boolean(),
  conflicts: z.array(z.object({ institutionId: Id, institutionName: z.string(), reason: z.string() })),
});
export const DirectoryView = z.object({
  inspectors: z.array(InspectorView),
  institutions: z.array(z.object({ id: Id, name: z.string() })).describe('The district’s filed institutions in operation'),
});

export const INSPECTION_KINDS = ['random', 'targeted'] as const;

export const RoundBody = z
  .object({
    divisionCode: DistrictCode,
    periodStart: IsoDate,
    periodEnd: IsoDate,
    sampleRate: z.number().gt(0).max(1).default(0.05),
    weightRisk: z.boolean().default(false),
  })
  .strict()
  .refine((b) => b.periodStart <= b.periodEnd, { message: 'dates.range', path: ['periodEnd'] });

export const RoundCreated = z.object({
  id: Id,
  seed: z.number().int(),
  inspections: z.array(z.object({ id: Id, institutionId: Id, inspectorIds: z.array(Id) })),
});

const InspectionSummary = z.object({
  id: Id,
  roundId: Id,
  divisionCode: z.string().describe('The district whose bureau inspects'),
  institutionId: Id,
  institutionName: z.string(),
  inspectors: z.array(z.object({ id: Id, name: z.string() })),
  overall: z.enum(OVERALL_RESULTS).nullable(),
  inspectedOn: z.string().nullable(),
  openRectifications: z.number().int(),
  overdueRectifications: z.number().int(),
  kind: z.enum(INSPECTION_KINDS),
  complaintId: Id.nullable().describe('The complaint a targeted inspection was ordered for'),
});
export const InspectionSummaryView = InspectionSummary;

export const RoundView = z.object({
  id: Id,
  divisionCode: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  sampleRate: z.number(),
  weightRisk: z.boolean(),
  kind: z.enum(INSPECTION_KINDS).describe('random: a 双随机 round; targeted: one institution, after a complaint'),
  seed: z.number().int(),
  drawnAt: z.string(),
  candidates: z.number().int().describe('Institutions the draw chose from'),
  inspections: z.array(InspectionSummary),
});
export const RoundListView = z.array(RoundView.omit({ inspections: true }).extend({ inspections: z.number().int() }));

export const RerunView = z.object({
  same: z.boolean(),
  stored: z.array(z.object({ institutionId: Id, inspectorIds: z.array(Id) })),
  recomputed: z.array(z.object({ institutionId: Id, inspectorIds: z.array(Id) })),
});

export const ChecklistItemView = z.object({ key: z.string(), zh: z.string(), en: z.string(), weight: z.number() });

export const RectificationView = z.object({
  id: Id,
  inspectionId: Id,
  institutionId: Id,
  institutionName: z.string(),
  itemKey: z.string(),
  itemLabel: z.string(),
  requirement: z.string(),
  deadline: z.string(),
  status: z.enum(['open', 'submitted', 'accepted']),
  overdue: z.boolean(),
  rejectionReason: z.string().nullable(),
  allowedActions: z.array(z.enum(['submit', 'accept', 'reject'])),
  evidence: z.array(z.object({ id: Id, text: z.string(), hasPhoto: z.boolean(), submittedAt: z.string() })),
});

export const InspectionView = InspectionSummary.extend({
  summary: z.string().nullable(),
  score: z.number().int().nullable(),
  mayRecord: z.boolean(),
  checklist: z.array(ChecklistItemView),
  items: z.array(z.object({ key: z.string(), label: z.string(), result: z.enum(ITEM_RESULTS), notes: z.string(), photoIds: z.array(Id) })),
  rectifications: z.array(RectificationView),
});

export const ResultsBody = z
  .object({
    inspectedOn: IsoDate,
    overall: z.enum(OVERALL_RESULTS),
    summary: z.string().trim().max(2000).optional(),
    items: z
      .array(
        z
          .object({
            key: z.string().min(1).max(50),
            result: z.enum(ITEM_RESULTS),
            notes: z.string().trim().max(1000).default(''),
            requirement: Text(1000).optional().describe('For a failure: what the institution must put right'),
            deadline: IsoDate.optional().describe('For a failure: by when'),
            photos: z
              .array(
                z.base64({ message: 'inspection.photo' }).max(Math.ceil((MAX_PHOTO_BYTES * 4) / 3) + 4, { message: 'inspection.photo' }),
              )
              .max(MAX_ITEM_PHOTOS, { message: 'inspection.photo' })
              .optional()
              .describe('For a failure: up to 3 JPEG or PNG photos, base64, at most 200 KB each; checked by content'),
          })
          .strict()
          .refine((i) => i.result === 'fail' || (i.photos ?? []).length === 0, { message: 'inspection.photoOnFailure', path: ['photos'] })
          .refine((i) => i.result !== 'fail' || i.requirement !== undefined, { message: 'inspection.requirement', path: ['requirement'] })
          .refine((i) => i.result !== 'fail' || i.deadline !== undefined, { message: 'inspection.deadline', path: ['deadline'] }),
      )
      .min(1)
      .max(50),
  })
  .strict()
  .refine((b) => new Set(b.items.map((i) => i.key)).size === b.items.length, { message: 'inspection.duplicateItem', path: ['items'] })
  .refine((b) => b.items.reduce((n, i) => n + (i.photos ?? []).length, 0) <= MAX_INSPECTION_PHOTOS, {
    message: 'inspection.tooManyPhotos',
    path: ['items'],
  })
  .refine((b) => b.overall === 'pass' || b.items.some((i) => i.result === 'fail'), {
    message: 'inspection.overallNeedsFailure',
    path: ['overall'],
  })
  .refine((b) => b.overall !== 'pass' || b.items.every((i) => i.result !== 'fail'), {
    message: 'inspection.overallPassWithFailure',
    path: ['overall'],
  });

export const InspectionListQuery = z
  .object({
    divisionCode: DistrictCode.optional().describe('A district, or the city’s code for every district; without it a director’s own'),
    result: z.enum(['pending', ...OVERALL_RESULTS]).optional(),
    rectifications: z
      .enum(['open', 'overdue'])
      .optional()
      .describe('Only inspections with a rectification not accepted (overdue: past its deadline)'),
  })
  .strict();

export const ItemPhotoParams = z.object({ id: Id, photoId: Id });

export const TargetedInspectionView = z.object({ id: Id, institutionId: Id, inspectorIds: z.array(Id), complaintId: Id });

export const RectificationQuery = z
  .object({ divisionCode: DistrictCode.optional(), institutionId: Id.optional(), overdue: z.enum(['true', 'false']).optional() })
  .strict();

export const DecisionBody = z
  .object({ action: z.enum(['accept', 'reject']), reason: z.string().trim().min(1).max(1000).optional() })
  .strict()
  .refine((b) => b.action !== 'reject' || b.reason !== undefined, { message: 'rectification.reason', path: ['reason'] });

export const EvidenceText = Text(2000);

export const ChecklistSettingsView = z.object({
  items: z.array(ChecklistItemView),
  riskWeight: z.object({ perEvent: z.number(), max: z.number() }),
});
export const ChecklistSettingsBody = z
  .object({
    items: z
      .array(
        z
          .object({
            key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, { message: 'inspection.itemKey' }),
            zh: Text(100),
            en: Text(100),
            weight: z.number().gt(0).max(100),
          })
          .strict(),
      )
      .min(1)
      .max(30)
      .refine((items) => new Set(items.map((i) => i.key)).size === items.length, { message: 'inspection.duplicateItem' }),
    riskWeight: z.object({ perEvent: z.number().min(0).max(10), max: z.number().min(1).max(20) }).strict(),
  })
  .strict();

export const PublicHistoryView = z.array(
  z.object({
    inspectedOn: z.string(),
    overall: z.enum(OVERALL_RESULTS),
    failedItems: z.array(z.object({ label: z.string(), rectified: z.boolean() })),
    rectified: z.boolean().describe('Every failure put right and accepted'),
  }),
);

/** Most ids one request may ask about: the finder asks for one page of results (10). */
const MAX_STATUS_IDS = 50;

export const StatusQuery = z
  .object({
    institutionIds: z
      .string()
      .transform((s) => s.split(','))
      .pipe(z.array(Id).min(1).max(MAX_STATUS_IDS))
      .describe(`Institution ids, comma-separated, at most ${MAX_STATUS_IDS}`),
  })
  .strict();

export const PublicStatusView = z
  .array(
    z.object({
      institutionId: Id,
      date: z.string().describe('Day of the latest recorded inspection'),
      result: z.enum(OVERALL_RESULTS).describe('pass 合格 | rectify 限期整改 | fail 不合格'),
      rectifying: z.boolean().describe('A rectification is still open (整改中), from this inspection or an earlier one'),
    }),
  )
  .describe('Institutions listed publicly and inspected at least once; others are left out');
