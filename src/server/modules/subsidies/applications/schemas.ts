import { z } from 'zod';
import { APPLICATION_ACTIONS, APPLICATION_STATUSES, SUBSIDY_KINDS } from '../../../../domain/subsidies/institutionSubsidies.ts';
import { Fen, Id, IsoDate } from '../common/schemas.ts';

const Count = z.number().int().min(0).max(100_000);
export const SubsidyDetails = z
  .object({
    insuredStaff: Count.optional(),
    newPlaces: Count.optional(),
    places: Count.optional(),
    months: z.number().int().min(1).max(120).optional(),
  })
  .describe('social_insurance: insuredStaff, months · new_place: newPlaces · operating: places, months');

export const ApplyBody = z
  .object({
    kind: z.enum(SUBSIDY_KINDS).describe('social_insurance 社保补贴 · new_place 新增普惠托位补贴 · operating 运营补贴'),
    periodFrom: IsoDate,
    periodTo: IsoDate,
    details: SubsidyDetails,
    requestedFen: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    description: z.string().trim().max(2000).default(''),
  })
  .refine((b) => b.periodTo >= b.periodFrom, { message: 'dates.range', path: ['periodTo'] });
export type ApplyBody = z.infer<typeof ApplyBody>;

export const TransitionBody = z.object({
  action: z.enum(APPLICATION_ACTIONS),
  note: z.string().trim().max(2000).optional().describe('Reasons when returning'),
  amountFen: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional().describe('city_approve: the approved amount'),
  details: SubsidyDetails.optional().describe('resubmit: corrected facts'),
  requestedFen: z.number().int().min(0).optional().describe('resubmit: corrected amount'),
});
export type TransitionBody = z.infer<typeof TransitionBody>;

export const ApplicationQuery = z.object({ status: z.enum(APPLICATION_STATUSES).optional(), kind: z.enum(SUBSIDY_KINDS).optional() });
export const FileParams = z.object({ id: Id, fileId: Id });

export const SubsidyApplicationView = z.object({
  id: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  districtCode: z.string(),
  kind: z.enum(SUBSIDY_KINDS),
  periodFrom: z.string(),
  periodTo: z.string(),
  details: SubsidyDetails,
  description: z.string(),
  requestedFen: Fen,
  suggestedFen: Fen.nullable().describe('What the policy rates give for the facts; null where no rate is set'),
  approvedFen: Fen.nullable(),
  status: z
    .enum(APPLICATION_STATUSES)
    .describe('submitted 待区县审核 · district_approved 待市级审批 · approved 已批准 · returned 已退回 · withdrawn 已撤回'),
  allowedActions: z.array(z.enum(APPLICATION_ACTIONS)).describe('What the caller may do now'),
  submittedAt: z.string(),
  events: z.array(
    z.object({
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      actorName: z.string().nullable(),
      note: z.string().nullable(),
      amountFen: Fen.nullable(),
      at: z.string(),
    }),
  ),
  files: z.array(
    z.object({ id: z.string(), filename: z.string(), contentType: z.string(), sizeBytes: z.number().int(), createdAt: z.string() }),
  ),
});
export type SubsidyApplicationView = z.infer<typeof SubsidyApplicationView>;
