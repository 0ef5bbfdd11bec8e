import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import type { Job } from '../../platform/jobs/scheduler.ts';
import { applicationRoutes } from './applications/applicationRoutes.ts';
import { certificateRoutes } from './certificates/certificateRoutes.ts';
import { familyRoutes } from './family/familyRoutes.ts';
import { settlementRoutes } from './settlement/settlementRoutes.ts';
import { expireVouchers, remindExpiringVouchers } from './vouchers/expiryService.ts';
import { programRoutes } from './vouchers/programRoutes.ts';
import { voucherRoutes } from './vouchers/voucherRoutes.ts';

/** Subsidies (补贴): voucher programs and their ledger, redemption and settlement; family benefits; institution subsidy applications; utility-price certificates. */
export async function subsidiesModule(app: FastifyInstance, deps: Deps) {
  await voucherRoutes(app, deps);
  await programRoutes(app, deps);
  await settlementRoutes(app, deps);
  await familyRoutes(app, deps);
  await applicationRoutes(app, deps);
  await certificateRoutes(app, deps);
}

/** The module's scheduled work, for the server's job runner; each is safe in several processes at once. */
export function subsidyJobs(deps: Deps): Job[] {
  return [
    { name: 'expired vouchers', everyMs: 15 * 60_000, run: () => expireVouchers(deps) },
    { name: 'voucher expiry reminders', everyMs: 60 * 60_000, run: () => remindExpiringVouchers(deps) },
  ];
}
