/** Priorities an institution may state for its waitlist, highest first. */
export const WaitlistPriority = ['sibling', 'staff_child', 'local_resident'] as const;
export type WaitlistPriority = (typeof WaitlistPriority)[number];

export type WaitlistEntry = { id: string; appliedAt: Date; priorities: readonly WaitlistPriority[] };

function rank(entry: WaitlistEntry, stated: readonly WaitlistPriority[]): number {
  // A lower number sorts first; a priority the institution does not state counts for nothing.
  const held = stated.findIndex((p) => entry.priorities.includes(p));
  return held === -1 ? stated.length : held;
}

/**
 * The waitlist order: the institution's stated priorities in their order, then the time of
 * application, then the id so the order is total and the same on every read.
 */
export function orderWaitlist<T extends WaitlistEntry>(entries: readonly T[], stated: readonly WaitlistPriority[]): T[] {
  return [...entries].sort(
    (a, b) =>
      rank(a, stated) - rank(b, stated) || a.appliedAt.getTime() - b.appliedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** 1-based positions by id. */
export function waitlistPositions(entries: readonly WaitlistEntry[], stated: readonly WaitlistPriority[]): Map<string, number> {
  return new Map(orderWaitlist(entries, stated).map((e, i) => [e.id, i + 1]));
}
