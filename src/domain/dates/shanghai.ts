import { TZDate } from '@date-fns/tz';
import { UTCDate } from '@date-fns/utc';
import { addDays, addMonths } from 'date-fns';

/** Every calendar date in tuoyu is a day in China Standard Time, whatever the host's zone. */
export const SHANGHAI_TIME_ZONE = 'Asia/Shanghai';

const MS_PER_DAY = 86_400_000;

/** A calendar date written 'YYYY-MM-DD' (ISO 8601 extended, no time, no zone). */
export type IsoDate = string;

/** A calendar month written 'YYYY-MM'. */
export type IsoMonth = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isoDateParts(s: string): { year: number; month: number; day: number } | undefined {
  const match = ISO_DATE.exec(s);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined;
  }
  return { year, month, day };
}

/** Strict 'YYYY-MM-DD' naming a day that exists in the Gregorian calendar (years 0001–9999). */
export function isIsoDate(s: unknown): s is IsoDate {
  return typeof s === 'string' && isoDateParts(s) !== undefined;
}

/** Strict 'YYYY-MM' (years 0001–9999). */
export function isIsoMonth(s: unknown): s is IsoMonth {
  return typeof s === 'string' && ISO_MONTH.test(s) && s.slice(0, 4) !== '0000';
}

/**
 * A calendar date as a UTC midnight. Calendar arithmetic needs no time zone — a date is not an
 * instant — and UTC has no offsets to look up, which keeps loops over days fast. (Adding whole
 * days to it and reading it back with `toShanghaiDate` still gives the intended day: Shanghai is
 * ahead of UTC.)
 */
export function parseIsoDate(s: string): UTCDate {
  const parts = isoDateParts(s);
  if (!parts) throw new RangeError(`not an ISO calendar date: ${JSON.stringify(s)}`);
  // setUTCFullYear keeps years 1–99 literal, which the multi-argument constructor maps to 19xx.
  const date = new UTCDate(0);
  date.setUTCFullYear(parts.year, parts.month - 1, parts.day);
  return date;
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * 'YYYY-MM-DD' of a date's own fields (UTC ones for a UTCDate, the zone's for a TZDate), written
 * by hand: date-fns' `format` would bring its token parser and English locale, about 10 KB of
 * every phone page, for one fixed pattern.
 */
function isoOfFields(date: Date): string {
  return `${String(date.getFullYear()).padStart(4, '0')}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
}

function isoOfCalendarDate(date: UTCDate): IsoDate {
  const iso = Number.isNaN(date.getTime()) ? '' : isoOfFields(date);
  if (!isIsoDate(iso)) throw new RangeError(`outside years 0001–9999: ${iso}`);
  return iso;
}

/** The date `days` calendar days later (earlier when negative). */
export function addDaysIso(date: IsoDate, days: number): IsoDate {
  return isoOfCalendarDate(addDays(parseIsoDate(date), days));
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekdayIso(date: IsoDate): number {
  return parseIsoDate(date).getUTCDay() || 7;
}

/** The Shanghai calendar date of an instant. */
export function toShanghaiDate(instant: Date | number): IsoDate {
  const time = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(time)) throw new RangeError('invalid instant');
  const date = isoOfFields(new TZDate(time, SHANGHAI_TIME_ZONE));
  if (!isIsoDate(date)) throw new RangeError(`outside years 0001–9999: ${date}`);
  return date;
}

/** An instant as Shanghai wall time to the minute ('2026-12-10 10:00'), for messages people read. */
export function toShanghaiMinute(instant: Date): string {
  const wall = new TZDate(instant.getTime(), SHANGHAI_TIME_ZONE);
  return `${isoOfFields(wall)} ${two(wall.getHours())}:${two(wall.getMinutes())}`;
}

const MS_PER_MINUTE = 60_000;

// The minute the last answer holds for. Busy routes (the public search) ask for today on every
// request, and the time-zone lookup behind each answer cost 3% of the server's CPU under load.
let lastMinute = { from: 0, to: 0, date: '' };

/** Today's date in Shanghai; the clock is passed in so callers and tests control it. */
export function todayInShanghai(now: Date): IsoDate {
  const time = now.getTime();
  if (time >= lastMinute.from && time < lastMinute.to) return lastMinute.date;
  const date = toShanghaiDate(time);
  const from = Math.floor(time / MS_PER_MINUTE) * MS_PER_MINUTE;
  // Kept only when the whole minute falls on that day: zone offsets are whole minutes today,
  // but Shanghai's local mean time before 1901 was not.
  if (toShanghaiDate(from) === date && toShanghaiDate(from + MS_PER_MINUTE - 1) === date) {
    lastMinute = { from, to: from + MS_PER_MINUTE, date };
  }
  return date;
}

/** Adds calendar months; a day missing from the target month becomes that month's last day (01-31 + 1 → 02-28/29). */
export function addMonthsIso(date: IsoDate, months: number): IsoDate {
  if (!Number.isSafeInteger(months)) throw new RangeError(`months must be an integer: ${months}`);
  return isoOfCalendarDate(addMonths(parseIsoDate(date), months));
}

/** First and last day of a 'YYYY-MM' month. */
export function monthRange(month: IsoMonth): { first: IsoDate; last: IsoDate } {
  if (!isIsoMonth(month)) throw new RangeError(`not an ISO month: ${JSON.stringify(month)}`);
  const lastDay = daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7)));
  return { first: `${month}-01`, last: `${month}-${String(lastDay).padStart(2, '0')}` };
}

/** Sort comparator for ISO dates: negative if a is earlier, 0 if equal, positive if later. */
export function compareIso(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  if (!isIsoDate(a)) throw new RangeError(`not an ISO calendar date: ${JSON.stringify(a)}`);
  if (!isIsoDate(b)) throw new RangeError(`not an ISO calendar date: ${JSON.stringify(b)}`);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Calendar days from `from` to `to`: positive when `to` is later, 0 for the same day. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((parseIsoDate(to).getTime() - parseIsoDate(from).getTime()) / MS_PER_DAY);
}

/**
 * A wall time typed in a form ('YYYY-MM-DDTHH:mm', what a datetime-local input gives) read as
 * Shanghai time, whatever zone the device is set to: China has kept +08:00 all year since 1991.
 */
export function shanghaiWallToIso(local: string): string {
  return new Date(`${local.length === 16 ? `${local}:00` : local}+08:00`).toISOString();
}

/** An instant as the Shanghai wall time a datetime-local input shows ('YYYY-MM-DDTHH:mm'). */
export function toShanghaiWall(instant: Date | string): string {
  return toShanghaiMinute(new Date(instant)).replace(' ', 'T');
}
