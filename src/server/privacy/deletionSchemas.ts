import { z } from 'zod';
import { ERASURE_KINDS, ERASURE_REASONS, ERASURE_RESULTS } from '../../domain/privacy/erasure.ts';

const RequestReason = z
  .string()
  .trim()
  .max(500)
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .optional()
  .describe('Why the parent asks (optional)');

export const DeletionRequestBody = z
  .discriminatedUnion('scope', [
    z.object({ scope: z.literal('account'), reason: RequestReason }).describe('Erase my account (and the children only I am guardian of)'),
    z
      .object({ scope: z.literal('child'), childId: z.uuid({ message: 'id.invalid' }), reason: RequestReason })
      .describe("Erase one child's data"),
  ])
  .describe('What to erase');
export type DeletionRequestBody = z.infer<typeof DeletionRequestBody>;

export const ErasureOutcomeItem = z.object({
  kind: z.enum(ERASURE_KINDS),
  result: z.enum(ERASURE_RESULTS),
  reason: z.enum(ERASURE_REASONS).describe('Why it was kept, or on_request when erased as asked'),
  count: z.number().int().describe('Records concerned'),
});

const RequestFields = {
  id: z.uuid(),
  scope: z.enum(['account', 'child']),
  reason: z.string().nullable(),
  status: z.enum(['pending', 'approved', 'rejected']),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable().describe('Why the admin rejected it'),
  outcome: z.array(ErasureOutcomeItem).nullable().describe('Once approved: what was erased, anonymised or kept, and why'),
};

export const MyDeletionRequest = z.object({
  ...RequestFields,
  childId: z.uuid().nullable(),
  childName: z.string().nullable().describe('The child as named now (已删除 once erased)'),
});
export const MyDeletionRequests = z.object({ items: z.array(MyDeletionRequest) });

export const DeletionRequestForReview = z.object({
  ...RequestFields,
  childId: z.uuid().nullable().describe('The child is not named to the reviewer: the system checked the requester is a guardian'),
  requester: z.object({ userId: z.uuid(), name: z.string(), phoneMasked: z.string() }),
});
export const DeletionRequestsForReview = z.object({ items: z.array(DeletionRequestForReview) });

export const DeletionRequestParams = z.object({ id: z.uuid({ message: 'id.invalid' }) });
export const RejectBody = z.object({ reason: z.string().trim().min(1, { message: 'reason.required' }).max(500) });
