import type { Role } from '../access/roles.ts';
import { addDaysIso, compareIso, daysBetween, type IsoDate } from '../dates/shanghai.ts';
import { defineWorkflow } from '../workflow/defineWorkflow.ts';

/** A voucher program's life: set up as a draft, opened, paused and reopened, closed for good. */
export const PROGRAM_STATUSES = ['draft', 'open', 'paused', 'closed'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];
export const PROGRAM_ACTIONS = ['open', 'pause', 'close'] as const;
export type ProgramAction = (typeof PROGRAM_ACTIONS)[number];

/**
 * Which action leads where from each status; the city health commission runs its programs. Closing stops issuance for good; vouchers already
 * issued stay usable until they expire, since families were promised them.
 */
const CITY = ['city_official'] as const;

export const ProgramWorkflow = defineWorkflow<ProgramStatus, ProgramAction, Role>(PROGRAM_STATUSES, {
  draft: { open: { to: 'open', by: CITY }, close: { to: 'closed', by: CITY } },
  open: { pause: { to: 'paused', by: CITY }, close: { to: 'closed', by: CITY } },
  paused: { open: { to: 'open', by: CITY }, close: { to: 'closed', by: CITY } },
  closed: {},
});

export const ISSUANCE_MODES = ['claim', 'lottery', 'automatic'] as const;
/** claim 先到先得 · lottery 摇号 · automatic 自动发放给在托的符合条件幼儿 */
export type IssuanceMode = (typeof ISSUANCE_MODES)[number];

/**
 * The last day a voucher issued on `issuedOn` can be used: the program's last day, or sooner
 * when the program gives each voucher a number of days.
 */
export function voucherExpiresOn(programValidTo: IsoDate, issuedOn: IsoDate, validDays: number | null): IsoDate {
  if (validDays === null) return programValidTo;
  const own = addDaysIso(issuedOn, validDays - 1);
  return compareIso(own, programValidTo) < 0 ? own : programValidTo;
}

/** Days of validity left on `today` (0 on the last day); negative once expired. */
export function daysLeft(expiresOn: IsoDate, today: IsoDate): number {
  return daysBetween(today, expiresOn);
}

/** A redemption may be reversed by its institution in the calendar month it was made, until settled. */
export type ReversalRefusal = 'already_reversed' | 'settled' | 'window_closed';

export function reversalRefusal(
  r: { month: string; reversed: boolean; settled: boolean },
  currentMonth: string,
): ReversalRefusal | undefined {
  if (r.reversed) return 'already_reversed';
  if (r.settled) return 'settled';
  if (r.month !== currentMonth) return 'window_closed';
  return undefined;
}
