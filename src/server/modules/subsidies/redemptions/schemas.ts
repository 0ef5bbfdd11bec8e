import { z } from 'zod';
import { Fen, Id, PositiveFen, Reason } from '../common/schemas.ts';

export const RedeemBody = z.object({
  code: z.string().min(1).max(40).describe('As typed or scanned; hyphens, spaces and case do not matter'),
  statementId: Id.describe("The child's monthly fee statement the voucher pays towards"),
  amountFen: PositiveFen.describe('At most the face value and what the statement still asks for'),
  idempotencyKey: z.string().min(1).max(100).describe('Unique per institution; a retry with the same key returns the first result'),
});
export type RedeemBody = z.infer<typeof RedeemBody>;

export const RedemptionView = z.object({
  id: z.string(),
  voucherId: z.string(),
  code: z.string(),
  programId: z.string(),
  institutionId: z.string(),
  statementId: z.string(),
  statementMonth: z.string(),
  deductionId: z.string().describe('The deduction on the fee statement'),
  childId: z.string(),
  childName: z.string(),
  amountFen: Fen,
  releasedFen: Fen.describe('Face value the statement did not need, returned to the program budget'),
  month: z.string().describe('Month of the redemption (Asia/Shanghai): reversible within it, settled by it'),
  idempotencyKey: z.string(),
  redeemedAt: z.string(),
  status: z.enum(['redeemed', 'reversed', 'settled', 'paid']),
  reversedAt: z.string().nullable(),
  reversalReason: z.string().nullable(),
  settlementId: z.string().nullable(),
  reversible: z.boolean(),
});
export type RedemptionView = z.infer<typeof RedemptionView>;

export const ReverseBody = z.object({ reason: Reason });
