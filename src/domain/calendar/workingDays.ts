import { addDaysIso, type IsoDate, weekdayIso } from '../dates/shanghai.ts';

export type CalendarDayKind = 'holiday' | 'workday';

/**
 * The official calendar's exceptions to "Monday to Friday": holidays (法定节假日 and the days
 * moved around them) and weekend days worked instead (调休上班). `years` are those whose
 * arrangement is known; a date in another year falls back to plain weekdays.
 */
export type WorkingCalendar = {
  readonly days: ReadonlyMap<IsoDate, CalendarDayKind>;
  readonly years: ReadonlySet<number>;
};

export function workingCalendar(days: Iterable<{ day: IsoDate; kind: CalendarDayKind }>, years: Iterable<number>): WorkingCalendar {
  return { days: new Map([...days].map((d) => [d.day, d.kind])), years: new Set(years) };
}

export function isWorkingDay(date: IsoDate, calendar: WorkingCalendar): boolean {
  const exception = calendar.days.get(date);
  if (exception) return exception === 'workday';
  return weekdayIso(date) <= 5;
}

/**
 * The day `n` working days after `start` (start itself not counted): something received on any
 * day and due "within one working day" is due by the end of the next working day. A deadline
 * is met on that day and missed from the day after.
 */
export function addWorkingDays(start: IsoDate, n: number, calendar: WorkingCalendar): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  let day = start;
  for (let left = n; left > 0; ) {
    day = addDaysIso(day, 1);
    if (isWorkingDay(day, calendar)) left -= 1;
  }
  return day;
}

/** Whether the dates from `start` to `end` cross a year whose arrangement is not yet known. */
export function spansUnknownYear(start: IsoDate, end: IsoDate, calendar: WorkingCalendar): boolean {
  for (let year = Number(start.slice(0, 4)); year <= Number(end.slice(0, 4)); year += 1) if (!calendar.years.has(year)) return true;
  return false;
}

/** Why a day is not worked: a holiday by its name, or a weekend that is not a 调休 working day. */
export type DayOff = { kind: 'holiday'; name: string } | { kind: 'weekend' };

/** The day off that `date` is, given the calendar's exception for it if any; null on a working day. */
export function dayOff(date: IsoDate, exception: { kind: CalendarDayKind; name: string } | undefined): DayOff | null {
  if (exception) return exception.kind === 'holiday' ? { kind: 'holiday', name: exception.name } : null;
  return weekdayIso(date) <= 5 ? null : { kind: 'weekend' };
}
