import type { Deps } from '../../../deps.ts';
import { appendAudit, SYSTEM_CONTEXT } from '../../../platform/audit/auditLog.ts';
import * as q from './queries.ts';

/** Writes `expired` on one offer past its expiry, audited as the system's act. */
export async function expireOffer(deps: Deps, choiceId: string, now: Date) {
  await deps.db.transaction().execute(async (trx) => {
    if (await q.expireChoice(trx, choiceId, now)) {
      await appendAudit(trx, SYSTEM_CONTEXT, { action: 'application.expire', entityType: 'application_choice', entityId: choiceId }, now);
    }
  });
}

/** Writes `expired` on every offer past its expiry; run on a schedule. */
export async function expireOffers(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const due = await q.findExpiredOffers(deps.db, now);
  for (const d of due) await expireOffer(deps, d.id, now);
  return due.length;
}
