import { addDaysIso, compareIso, daysBetween, type IsoDate } from '../dates/shanghai.ts';

/** A voucher program's life: set up as a draft, opened, paused and reopened, closed for good. */
export const PROGRAM_STATUSES = ['draft', 'open', 'paused', 'closed'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];
export type ProgramAction = 'open' | 'pause' | 'close';

/**
 * Which action leads where from each status. Closing stops issuance for good; vouchers already
 * issued stay usable until they expire, since families were promised them.
 */
export const PROGRAM_TRANSITIONS = {
  draft: { open: 'open', close: 'closed' },
  open: { pause: 'paused', close: 'closed' },
  paused: { open: 'open', close: 'closed' },
  closed: {},
} as const satisfies Record<ProgramStatus, Partial<Record<ProgramAction, ProgramStatus>>>;

export function allowedProgramActions(status: ProgramStatus): ProgramAction[] {
  return Object.keys(PROGRAM_TRANSITIONS[status]) as ProgramAction[];
}

export function nextProgramStatus(status: ProgramStatus, action: ProgramAction): ProgramStatus | undefined {
  return (PROGRAM_TRANSITIONS[status] as Partial<Record<ProgramAction, ProgramStatus>>)[action];
}

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
