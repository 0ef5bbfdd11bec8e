import { toShanghaiMinute } from '../../../../domain/dates/shanghai.ts';
import { finishRefusal, finishWindow, type LectureTimes, lecturePlayer, openRefusal } from '../../../../domain/guidance/index.ts';
import type { Db } from '../../../db/executor.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import * as q from './queries.ts';
import type { LectureView } from './schemas.ts';

type Lecture = Pick<q.BookingLecture, 'starts_at' | 'ends_at' | 'delivery' | 'online_url' | 'duration_minutes'>;

function timesOf(l: Lecture & { delivery: 'live' | 'recorded' }): LectureTimes {
  return {
    player: lecturePlayer(l.delivery, l.online_url as string),
    startsAt: l.starts_at,
    endsAt: l.ends_at,
    durationMinutes: l.duration_minutes,
  };
}

/** What a booking's card shows of its lecture, without the address: that goes out only when the lecture is opened. */
export function presentLectureState(l: Lecture & { opened_at: Date | null; finished_at: Date | null }) {
  if (l.delivery === 'venue') return null;
  const times = timesOf(l as Lecture & { delivery: 'live' | 'recorded' });
  const window = l.opened_at ? finishWindow(times, l.opened_at) : null;
  return {
    player: times.player,
    opensAt: l.starts_at.toISOString(),
    closesAt: l.ends_at.toISOString(),
    durationMinutes: l.duration_minutes,
    openedAt: l.opened_at?.toISOString() ?? null,
    finishedAt: l.finished_at?.toISOString() ?? null,
    finishFrom: window?.from.toISOString() ?? null,
    finishUntil: window?.until?.toISOString() ?? null,
  };
}

/** The booker's own confirmed booking of an online lecture; anyone else's is not found. */
async function findOwnLecture(deps: Deps, scope: Scope, bookingId: string) {
  const row = await q.findBookingLecture(deps.db, bookingId);
  if (!row || row.booker_id !== scope.actor.userId) throw new AppError('NOT_FOUND');
  if (row.delivery === 'venue') throw new AppError('LECTURE_NOT_ONLINE');
  if (row.status !== 'confirmed') throw new AppError('LECTURE_SEAT_NOT_CONFIRMED', { status: row.status });
  return row;
}

function present(row: q.BookingLecture): LectureView {
  return { url: row.online_url as string, ...(presentLectureState(row) as NonNullable<ReturnType<typeof presentLectureState>>) };
}

/**
 * Hands out the live link or the recording to the booker from the session's start to its end,
 * and records the first opening (later ones change nothing, so a retry or a second tab is safe).
 */
export async function openLecture(deps: Deps, scope: Scope, bookingId: string, context: AuditContext): Promise<LectureView> {
  const row = await findOwnLecture(deps, scope, bookingId);
  const now = deps.clock.now();
  const refusal = openRefusal({ startsAt: row.starts_at, endsAt: row.ends_at }, now);
  if (refusal === 'notStarted') throw new AppError('LECTURE_NOT_STARTED', { startsAt: toShanghaiMinute(row.starts_at) });
  if (refusal === 'over') throw new AppError('LECTURE_OVER');
  if (row.opened_at) return present(row);
  return recordOnce(deps, context, row, { action: 'open', now }, (trx) => q.setOpened(trx, bookingId, now));
}

/** Records that the booker watched the lecture to its end (see `finishWindow`); once, the first time kept. */
export async function finishLecture(deps: Deps, scope: Scope, bookingId: string, context: AuditContext): Promise<LectureView> {
  const row = await findOwnLecture(deps, scope, bookingId);
  if (row.finished_at) return present(row);
  const now = deps.clock.now();
  const times = timesOf(row as q.BookingLecture & { delivery: 'live' | 'recorded' });
  const refusal = finishRefusal(times, row.opened_at, now);
  if (refusal === 'notOpened') throw new AppError('LECTURE_NOT_OPENED');
  if (refusal === 'tooEarly')
    throw new AppError('LECTURE_FINISH_TOO_EARLY', { at: toShanghaiMinute(finishWindow(times, row.opened_at as Date).from) });
  if (refusal === 'closed') throw new AppError('LECTURE_FINISH_CLOSED');
  return recordOnce(deps, context, row, { action: 'finish', now, detail: { player: times.player } }, (trx) =>
    q.setFinished(trx, bookingId, now),
  );
}

/**
 * Writes the first opening or finish with its audit row and answers from what was written; when
 * another request wrote it first, nothing is written and the booking is answered as it stands.
 */
async function recordOnce(
  deps: Deps,
  context: AuditContext,
  row: q.BookingLecture,
  what: { action: 'open' | 'finish'; now: Date; detail?: Record<string, unknown> },
  write: (trx: Db) => Promise<Pick<q.BookingLecture, 'opened_at' | 'finished_at'> | undefined>,
): Promise<LectureView> {
  const written = await deps.db.transaction().execute(async (trx) => {
    const changed = await write(trx);
    if (!changed) return undefined;
    const entry = { action: `course_booking.${what.action}`, entityType: 'course_booking', entityId: row.id, detail: what.detail };
    await appendAudit(trx, context, entry, what.now);
    return changed;
  });
  if (written) return present({ ...row, ...written });
  return present((await q.findBookingLecture(deps.db, row.id)) as q.BookingLecture);
}
