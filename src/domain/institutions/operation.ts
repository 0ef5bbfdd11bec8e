import type { IsoDate } from '../dates/shanghai.ts';

/** A filed institution starting (filed, reinstated) or stopping (suspended, closed) operation on a day. */
export type OperationChange = { onDate: IsoDate; active: boolean };

/** Operating on `date`: its latest change on or before that day says active. `changes` in the order they apply. */
export function isOperatingOn(changes: readonly OperationChange[], date: IsoDate): boolean {
  let active = false;
  for (const change of changes) {
    if (change.onDate > date) break;
    active = change.active;
  }
  return active;
}
