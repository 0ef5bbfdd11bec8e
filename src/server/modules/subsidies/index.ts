import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import type { ModuleManifest } from '../../platform/modules/manifest.ts';
import { applicationRoutes } from './applications/routes.ts';
import { certificateRoutes } from './certificates/routes.ts';
import { familyRoutes } from './family/routes.ts';
import { programRoutes } from './programs/routes.ts';
import { redemptionRoutes } from './redemptions/routes.ts';
import { settlementRoutes } from './settlement/routes.ts';
import { expireVouchers, remindExpiringVouchers } from './vouchers/expiry.ts';
import { voucherRoutes } from './vouchers/routes.ts';

/**
 * Subsidies (补贴): voucher programs and their ledger, vouchers, redemption and settlement; family
 * benefits; institution subsidy applications; utility-price certificates. See README.md.
 */
async function subsidyRoutes(app: FastifyInstance, deps: Deps) {
  await voucherRoutes(app, deps);
  await redemptionRoutes(app, deps);
  await programRoutes(app, deps);
  await settlementRoutes(app, deps);
  await familyRoutes(app, deps);
  await applicationRoutes(app, deps);
  await certificateRoutes(app, deps);
}

export const subsidiesModule: ModuleManifest = {
  name: 'subsidies',
  plugin: subsidyRoutes,
  jobs: (deps: Deps) => [
    { name: 'expired vouchers', everyMs: EXPIRE_VOUCHERS_EVERY_MS, run: () => expireVouchers(deps) },
    { name: 'voucher expiry reminders', everyMs: 60 * 60_000, run: () => remindExpiringVouchers(deps) },
  ],
};

/** How often unused vouchers past their last day are expired. */
export const EXPIRE_VOUCHERS_EVERY_MS = 15 * 60_000;

export { seedSubsidyDemo } from './demo/demo.ts';
export { eraseChildren } from './privacy/erase.ts';
export { exportForGuardian } from './privacy/export.ts';
