import type { Deps } from '../../../deps.ts';
import { tellSessionSoon } from './notifications.ts';
import * as q from './queries.ts';

/**
 * Reminds each confirmed booker the day before: sessions starting within the next 24 hours and
 * not yet started, so a late run never reminds of a session under way. Each booking is reminded
 * once per start time (the notification's dedupe key), whichever process runs the job.
 */
export async function remindSessions(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const due = await q.findBookingsToRemind(deps.db, now, new Date(now.getTime() + 24 * 3_600_000));
  let told = 0;
  for (const b of due) {
    told += (await tellSessionSoon(deps.db, { bookingId: b.id, bookerId: b.booker_id, course: b.title, startsAt: b.starts_at }, now))
      .length;
  }
  return told;
}
