import { z } from 'zod';
import { Fen, IsoDate, IsoMonth } from '../common/schemas.ts';

export const RunSettlement = z.object({ month: IsoMonth.describe('Month of the redemptions to settle') });
export const PaySettlement = z.object({
  reference: z.string().trim().min(1).max(100).describe('Payment reference (支付凭证号)'),
  paidOn: IsoDate.optional().describe('Default: today'),
});
export const SettlementQuery = z.object({ month: IsoMonth.optional() });

export const SettlementView = z.object({
  id: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  month: z.string(),
  totalFen: Fen.describe('What the city owes the institution for these redemptions'),
  redemptions: z.number().int(),
  status: z.enum(['settled', 'paid']),
  settledAt: z.string(),
  paidAt: z.string().nullable(),
  paymentReference: z.string().nullable(),
  lines: z.array(z.object({ programId: z.string(), programName: z.string(), amountFen: Fen, redemptions: z.number().int() })),
});
export type SettlementView = z.infer<typeof SettlementView>;

export const SettlementDetail = SettlementView.extend({
  items: z.array(
    z.object({
      redemptionId: z.string(),
      code: z.string(),
      programId: z.string(),
      amountFen: Fen,
      redeemedAt: z.string(),
      statementMonth: z.string(),
      childName: z.string().nullable().describe("Only for the institution's own director"),
    }),
  ),
});

export const RunResult = z.object({ month: z.string(), created: z.array(SettlementView) });
