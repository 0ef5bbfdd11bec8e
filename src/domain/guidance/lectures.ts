/**
 * Online lectures (互联网+托育): when a booker may open one and when watching counts as finished.
 * The center's statistics count bookings opened and finished; these rules are what the server
 * checks and what the web shows.
 */

/** How a lecture is watched: a live link, a video file the page plays itself, or another site's player. */
export type LecturePlayer = 'live' | 'video' | 'embed';

const VIDEO_FILE = /\.(mp4|m4v|webm)$/i;

/** A recording whose address is a video file plays in the page's own video element, whose end the page sees; any other address is another site's player. */
export function lecturePlayer(delivery: 'live' | 'recorded', url: string): LecturePlayer {
  if (delivery === 'live') return 'live';
  try {
    return VIDEO_FILE.test(new URL(url).pathname) ? 'video' : 'embed';
  } catch {
    return 'embed';
  }
}

/**
 * Present at the end of a live lecture: the meeting runs on another site that tells us nothing, so
 * the page asks the parent in the last ten minutes and up to half an hour after the end, the way a
 * roll call closes a class. Opening the link is not enough: many leave early.
 */
const LIVE_PRESENCE = { beforeEndMs: 10 * 60_000, afterEndMs: 30 * 60_000 } as const;

export type LectureTimes = {
  player: LecturePlayer;
  startsAt: Date;
  endsAt: Date;
  /** The recording's length, which another site's player cannot report. */
  durationMinutes: number | null;
};

/** The lecture opens at its session's start (a recording: its window) and closes at the end. */
export function openRefusal(l: Pick<LectureTimes, 'startsAt' | 'endsAt'>, now: Date): 'notStarted' | 'over' | null {
  if (now < l.startsAt) return 'notStarted';
  if (now >= l.endsAt) return 'over';
  return null;
}

/**
 * When "finished" may be recorded, given when the booking was opened: a video file when the page
 * sees it end (at any time: a parent who watches faster has still watched); another site's
 * player once the recording's length has passed since opening; a live lecture within the presence
 * window around its end. `until` is null when there is no closing time.
 */
export function finishWindow(l: LectureTimes, openedAt: Date): { from: Date; until: Date | null } {
  if (l.player === 'video') return { from: openedAt, until: null };
  if (l.player === 'embed') return { from: new Date(openedAt.getTime() + (l.durationMinutes ?? 0) * 60_000), until: null };
  return { from: new Date(l.endsAt.getTime() - LIVE_PRESENCE.beforeEndMs), until: new Date(l.endsAt.getTime() + LIVE_PRESENCE.afterEndMs) };
}

export function finishRefusal(l: LectureTimes, openedAt: Date | null, now: Date): 'notOpened' | 'tooEarly' | 'closed' | null {
  if (!openedAt) return 'notOpened';
  const { from, until } = finishWindow(l, openedAt);
  if (now < from) return 'tooEarly';
  if (until && now > until) return 'closed';
  return null;
}

/** Finished as a share of the seats booked, in whole percent; none booked, no share. */
export function finishedShare(booked: number, finished: number): number | null {
  return booked === 0 ? null : Math.round((finished / booked) * 100);
}
