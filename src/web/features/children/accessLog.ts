import type { AccessLogEntry } from './api';

/** Consecutive entries of one person doing one thing, shown as one line: the latest and how many. */
type AccessLogRun = { latest: AccessLogEntry; count: number };

/**
 * Folds runs of the same person doing the same thing into one line: opening the attendance
 * screen, the pick-up list and the class list reads the record several times within seconds,
 * and twenty identical lines would hide the one a guardian is looking for.
 */
export function foldAccessLog(entries: readonly AccessLogEntry[]): AccessLogRun[] {
  const runs: AccessLogRun[] = [];
  for (const entry of entries) {
    const last = runs.at(-1);
    if (
      last &&
      last.latest.action === entry.action &&
      last.latest.actorName === entry.actorName &&
      last.latest.actorRole === entry.actorRole
    ) {
      last.count += 1;
    } else {
      runs.push({ latest: entry, count: 1 });
    }
  }
  return runs;
}

/** The guardian's own reads answer no question they have; what others did is the point of the log. */
export function byOthers(entries: readonly AccessLogEntry[], myName: string): AccessLogEntry[] {
  return entries.filter((e) => !(e.actorRole === 'parent' && e.actorName === myName));
}

/** i18next reads dots as nesting, so `child.read` is looked up as `child_read`. */
export const actionKey = (action: string) => `enrollment.accessLog.action.${action.replaceAll('.', '_')}`;
