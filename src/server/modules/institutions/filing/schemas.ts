import { z } from 'zod';
import { DIVISION_CODE } from '../../../../domain/geography/divisionCode.ts';
import { FilingChecklist } from '../../../../domain/institutions/filingChecklist.ts';
import { ActionSchema, KeyFactSchema, Paging, Reason, StatusSchema, Timestamp } from '../common/schemas.ts';
import { ProblemView, RosterConflictView } from '../common/views.ts';
import { FilingSnapshot } from './snapshot.ts';

const ChecklistItemId = z.enum(FilingChecklist.map((c) => c.item) as [string, ...string[]]);
const Checklist = z
  .partialRecord(ChecklistItemId, z.boolean())
  .describe('Filing checklist item → confirmed; every applicable item must be true to file (see checklistItems of a filing)');

export const TransitionBody = z
  .discriminatedUnion('action', [
    z.object({ action: z.literal('submit') }).describe('Director: submit the filing (or a change filing of a filed institution)'),
    z.object({ action: z.literal('start_review') }).describe('District official: open the submitted filing for review'),
    z
      .object({
        action: z.literal('file'),
        checklist: Checklist,
        reason: Reason.optional().describe('Required while compliance problems remain: why it is filed anyway (kept on the filing)'),
      })
      .describe('District official: file it and issue the receipt number'),
    z
      .object({ action: z.literal('return'), reason: Reason.describe('What the director must fix'), checklist: Checklist.optional() })
      .describe('District official: return it with reasons'),
    z.object({ action: z.literal('discard_changes') }).describe('Director: throw away unfiled key-fact changes'),
    z.object({ action: z.literal('suspend'), reason: Reason }).describe('Official: suspend a filed institution (hidden from search)'),
    z.object({ action: z.literal('reinstate'), reason: Reason }).describe('Official: end a suspension'),
    z.object({ action: z.literal('close'), reason: Reason }).describe('Official: close the institution for good'),
  ])
  .describe('One action of the filing workflow (src/domain/institutions/filingWorkflow.ts)');

export const TransitionResult = z.object({
  status: StatusSchema,
  filingId: z.uuid().optional(),
  receiptNumber: z.string().optional().describe('Set when the action was `file`'),
});

export const FilingQueueQuery = z.object({
  state: z
    .enum(['open', 'decided', 'all'])
    .default('open')
    .describe('open: submitted or under review (oldest first); decided: filed, returned or cancelled (newest first)'),
  division: z.string().regex(DIVISION_CODE, { message: 'division.code' }).optional(),
  kind: z.enum(['initial', 'change']).optional(),
  ...Paging,
});

export const FilingQueueItem = z.object({
  id: z.uuid(),
  institutionId: z.uuid(),
  institutionName: z.string(),
  divisionCode: z.string(),
  districtCode: z.string().describe('The reviewing district'),
  kind: z.enum(['initial', 'change']),
  institutionStatus: StatusSchema,
  submittedAt: Timestamp,
  waitingDays: z.number().int().describe('Calendar days since submission (decided: until the decision); the rules give 5 working days'),
  reviewStartedAt: Timestamp.nullable(),
  outcome: z.enum(['filed', 'returned', 'cancelled']).nullable(),
  decidedAt: Timestamp.nullable(),
  receiptNumber: z.string().nullable(),
});
export const FilingQueue = z.object({ total: z.number().int(), items: z.array(FilingQueueItem) });

export const FilingParams = z.object({ filingId: z.uuid() });

export const FilingDetail = FilingQueueItem.extend({
  changedFacts: z.array(KeyFactSchema).describe('For a change filing: the key facts that differ from the filed version'),
  reasons: z.string().nullable().describe('Why it was returned or, once closed, cancelled'),
  filedDespiteReason: z.string().nullable().describe('Why it was filed although compliance problems remained'),
  compliance: z
    .array(ProblemView)
    .nullable()
    .describe('While open: the institution’s compliance problems now, which filing needs a reason to pass over'),
  rosterConflicts: z
    .array(RosterConflictView)
    .nullable()
    .describe(
      'While open: staff on the roster who are active staff of another filed or reviewed institution, with its name (a submission is refused for them)',
    ),
  checklist: z.record(z.string(), z.boolean()).nullable().describe('What the reviewer confirmed'),
  checklistItems: z
    .array(z.object({ item: z.string(), document: z.string().nullable(), 'zh-CN': z.string(), en: z.string() }))
    .describe('The checklist applicable to this filing, with the document that proves each item'),
  snapshot: FilingSnapshot.describe('The facts as submitted'),
  filedSnapshot: FilingSnapshot.nullable().describe('For a change filing: the facts of the filing in force before it'),
  allowedActions: z.array(ActionSchema).describe('What the caller may do on the institution now'),
});
