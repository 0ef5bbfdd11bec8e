import { differenceInCalendarMonths } from 'date-fns';
import { addMonthsIso, compareIso, type IsoDate, isIsoDate, parseIsoDate } from './shanghai.ts';

/**
 * The date the child is `months` old: the same day of the month, or the month's last day when
 * it has no such day (born 01-31 → one month old on 02-28, or 02-29 in a leap year), as 民法典
 * art. 202 ends a period counted in months.
 */
export function ageUpDate(birthDate: IsoDate, months: number): IsoDate {
  if (!Number.isSafeInteger(months) || months < 0) throw new RangeError(`months must be a non-negative integer: ${months}`);
  return addMonthsIso(birthDate, months);
}

/** The third birthday, when a child leaves the 0–3 age group. */
export function turnsThreeOn(birthDate: IsoDate): IsoDate {
  return ageUpDate(birthDate, 36);
}

/**
 * Completed calendar months of age on `onDate`: the most N with `ageUpDate(birthDate, N)` on or
 * before `onDate`. Throws RangeError for an invalid date or `onDate` before `birthDate`.
 */
export function ageInMonths(birthDate: IsoDate, onDate: IsoDate): number {
  if (!isIsoDate(birthDate) || !isIsoDate(onDate)) throw new RangeError('expected ISO calendar dates');
  if (compareIso(onDate, birthDate) < 0) throw new RangeError(`${onDate} is before the birth date ${birthDate}`);
  const calendarMonths = differenceInCalendarMonths(parseIsoDate(onDate), parseIsoDate(birthDate));
  return compareIso(ageUpDate(birthDate, calendarMonths), onDate) > 0 ? calendarMonths - 1 : calendarMonths;
}
