import type { Deps } from '../../../deps.ts';
import { tellOfferExpiring } from './notifications.ts';
import { findOffersLapsingWithin } from './queries.ts';

export const OFFER_REMINDER_HOURS = 24;

/**
 * Tells the guardians of every offer that lapses within a day, once per offer (the
 * notification's dedupe key), never for one that has lapsed. Each offer in its own transaction.
 */
export async function remindLapsingOffers(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const due = await findOffersLapsingWithin(deps.db, now, OFFER_REMINDER_HOURS);
  for (const offer of due) {
    await deps.db
      .transaction()
      .execute((trx) =>
        tellOfferExpiring(
          trx,
          { childId: offer.child_id, childName: offer.child_name, institutionId: offer.institution_id, choiceId: offer.id },
          new Date(offer.offer_expires_at as Date),
          now,
        ),
      );
  }
  return due.length;
}
