import { addDaysIso, type IsoDate } from '../dates/shanghai.ts';
import { checkSchedule, type ScheduledVisit } from './checkSchedule.ts';

/** How far ahead a family hears of a check. */
export const CHECK_REMINDER_DAYS = 7;

/**
 * The clinic check whose date the schedule names falls from today to `days` ahead, if any:
 * the one a family should book now. Never a check whose date is past, and not the newborn home
 * visit, for which the health worker comes to the family unasked. Check windows are a month
 * apart or more past the first month, so at most one check is that close.
 */
export function checkDueSoon(birthDate: IsoDate, today: IsoDate, days = CHECK_REMINDER_DAYS): ScheduledVisit | null {
  if (today < birthDate) return null;
  const horizon = addDaysIso(today, days);
  const { visits } = checkSchedule({ birthDate, today });
  return visits.find((v) => v.key !== 'newborn_home_visit' && v.targetDate >= today && v.targetDate <= horizon) ?? null;
}
