import { z } from 'zod';
import { ClassTypeName, IsoMonth } from '../common/schemas.ts';

const Fen = z.number().int().describe('Integer fen (分); 100 fen = 1 yuan');

/** The absence rule the institution states in its fee rules. */
export const AbsenceRule = z.object({
  refundAfterDays: z.number().int().min(0).max(31).describe('Absent service days in a month that are not refunded'),
  refundPercent: z.number().int().min(0).max(100).describe('Share of the daily rate refunded for each absent day beyond those'),
});
export type AbsenceRule = z.infer<typeof AbsenceRule>;

export const FeeRuleView = AbsenceRule.extend({
  fees: z
    .object({ infant: Fen.nullable(), toddler: Fen.nullable(), older_toddler: Fen.nullable(), mixed: Fen.nullable() })
    .describe('Monthly fee per class type, as the institution lists it; null where the type is not offered'),
});

export const GenerateStatements = z.object({ month: IsoMonth });

export const StatementLine = z.object({
  kind: z.enum(['fee', 'proration', 'absence_refund']).describe('fee 月费 · proration 未在托天数减免 · absence_refund 缺勤退费'),
  classType: ClassTypeName.nullable(),
  days: z.number().int().nullable(),
  amountFen: Fen,
});

export const StatementDeduction = z.object({
  id: z.string(),
  kind: z.enum(['voucher', 'other']).describe('voucher 托育服务消费补贴券'),
  reference: z.string().nullable(),
  amountFen: Fen,
  appliedFen: Fen.describe('What applies to this statement: never more than is left to pay'),
  createdAt: z.string(),
});

export const StatementSummary = z.object({
  id: z.string(),
  childId: z.string(),
  childName: z.string(),
  month: z.string(),
  classId: z.string(),
  className: z.string(),
  classType: ClassTypeName,
  monthlyFeeFen: Fen,
  serviceDays: z.number().int(),
  chargedDays: z.number().int(),
  absentDays: z.number().int(),
  subtotalFen: Fen.describe('Fee less proration and absence refunds'),
  deductionsFen: Fen.describe('Deductions applied (vouchers)'),
  totalDueFen: Fen.describe('What the family pays: subtotal less deductions, never below 0'),
  generatedAt: z.string(),
});
export type StatementSummary = z.infer<typeof StatementSummary>;

export const StatementView = StatementSummary.extend({
  institutionId: z.string(),
  institutionName: z.string(),
  absenceRule: AbsenceRule,
  lines: z.array(StatementLine),
  deductions: z.array(StatementDeduction),
});
export type StatementView = z.infer<typeof StatementView>;

export const GenerateResult = z.object({
  month: z.string(),
  created: z.number().int(),
  replaced: z.number().int(),
  locked: z
    .array(z.object({ statementId: z.string(), childId: z.string(), childName: z.string() }))
    .describe('Kept as they were: a deduction has been made against them'),
  skipped: z
    .array(z.object({ childId: z.string(), childName: z.string(), classType: ClassTypeName, reason: z.literal('fee_missing') }))
    .describe('No statement: the institution lists no fee for the class type'),
  statements: z.array(StatementSummary),
});
export type GenerateResult = z.infer<typeof GenerateResult>;
