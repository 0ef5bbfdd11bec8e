import { ageUpDate } from '../dates/childAge.ts';
import { addDaysIso, compareIso, type IsoDate, isIsoDate } from '../dates/shanghai.ts';
import type { Bilingual } from './bilingual.ts';

/**
 * The national 0–3 child health-check schedule, 国家基本公共卫生服务规范（第三版）, 0–6 岁儿童
 * 健康管理服务规范: a newborn home visit within a week of discharge (新生儿家庭访视), a visit at
 * 28–30 days (新生儿满月健康管理), then checks at 3, 6, 8, 12, 18, 24, 30 and 36 months of age at
 * the township health center or community health service center (婴幼儿健康管理).
 */
export const CHECK_MONTHS = [3, 6, 8, 12, 18, 24, 30, 36] as const;

export type CheckVisitKey = 'newborn_home_visit' | 'one_month' | `month_${(typeof CHECK_MONTHS)[number]}`;

/**
 * The specification names the ages, not a tolerance. A month check's window runs from one
 * month before to one month after the N-month date: local services book "N 月龄" checks
 * in the month before (2–3, 5–6 months …), and read literally "N 月龄" is the month after.
 * The two one-month halves of adjacent checks (6 and 8 months) meet but never overlap.
 */
const MONTH_WINDOW_HALF = 1;
/** 新生儿出院后1周内. */
const HOME_VISIT_DAYS = 7;
/** 新生儿出生后28～30天. */
const ONE_MONTH_DAYS = [28, 30] as const;
/** The home-visit window must close before the one-month window opens. */
export const MAX_DISCHARGE_DAYS = ONE_MONTH_DAYS[0] - 1 - HOME_VISIT_DAYS;
/** 0–6 岁规范: after 3 years the next check is at 4 years, so a late 36-month check counts until then. */
const LAST_SLOT_END_MONTHS = 48;

export type CheckVisitStatus = 'done' | 'due' | 'overdue' | 'missed' | 'upcoming';

export type ScheduledVisit = {
  key: CheckVisitKey;
  name: Bilingual;
  place: Bilingual;
  /** The age the schedule names, as a date. */
  targetDate: IsoDate;
  windowStart: IsoDate;
  windowEnd: IsoDate;
  status: CheckVisitStatus;
  /** The first check date counted for this visit. */
  doneOn?: IsoDate;
};

export type CheckSchedule = {
  visits: ScheduledVisit[];
  /** The earliest visit still to do (due or overdue before upcoming); null when none is left. */
  next: ScheduledVisit | null;
  /** Check dates that belong to no visit: before birth, after today, or past 4 years. */
  unmatchedDates: IsoDate[];
};

export type CheckScheduleInput = {
  birthDate: IsoDate;
  today: IsoDate;
  /** Dates of checks already done, in any order. */
  doneDates?: readonly IsoDate[];
  /** When known; otherwise the birth date stands in for it. */
  dischargeDate?: IsoDate;
};

const HOME: Bilingual = { 'zh-CN': '家中（医务人员上门）', en: 'At home (a health worker visits)' };
const CLINIC: Bilingual = {
  'zh-CN': '乡镇卫生院或社区卫生服务中心',
  en: 'Township health center or community health service center',
};

function monthName(months: number): Bilingual {
  return { 'zh-CN': `${months}月龄健康检查`, en: `${months}-month check` };
}

type Frame = Omit<ScheduledVisit, 'status' | 'doneOn'>;

function frames(birthDate: IsoDate, dischargeDate: IsoDate): Frame[] {
  const list: Frame[] = [
    {
      key: 'newborn_home_visit',
      name: { 'zh-CN': '新生儿家庭访视', en: 'Newborn home visit' },
      place: HOME,
      targetDate: dischargeDate,
      windowStart: dischargeDate,
      windowEnd: addDaysIso(dischargeDate, HOME_VISIT_DAYS),
    },
    {
      key: 'one_month',
      name: { 'zh-CN': '新生儿满月健康管理', en: 'One-month check (28–30 days)' },
      place: CLINIC,
      targetDate: addDaysIso(birthDate, ONE_MONTH_DAYS[0]),
      windowStart: addDaysIso(birthDate, ONE_MONTH_DAYS[0]),
      windowEnd: addDaysIso(birthDate, ONE_MONTH_DAYS[1]),
    },
  ];
  for (const months of CHECK_MONTHS) {
    list.push({
      key: `month_${months}`,
      name: monthName(months),
      place: CLINIC,
      targetDate: ageUpDate(birthDate, months),
      windowStart: ageUpDate(birthDate, months - MONTH_WINDOW_HALF),
      windowEnd: addDaysIso(ageUpDate(birthDate, months + MONTH_WINDOW_HALF), -1),
    });
  }
  return list;
}

function statusOn(today: IsoDate, frame: Frame, slotEnd: IsoDate): CheckVisitStatus {
  if (today < frame.windowStart) return 'upcoming';
  if (today <= frame.windowEnd) return 'due';
  return today < slotEnd ? 'overdue' : 'missed';
}

/**
 * Each visit, with its window and status on `today`. A check date counts for the visit whose
 * window last opened on or before it, so a late check still counts until the next visit's
 * window opens; after that the visit is missed. Throws RangeError for invalid dates, `today`
 * before the birth date, or a discharge more than MAX_DISCHARGE_DAYS after birth.
 */
export function checkSchedule(input: CheckScheduleInput): CheckSchedule {
  const { birthDate, today } = input;
  const dischargeDate = input.dischargeDate ?? birthDate;
  for (const d of [birthDate, today, dischargeDate, ...(input.doneDates ?? [])]) {
    if (!isIsoDate(d)) throw new RangeError(`not an ISO calendar date: ${JSON.stringify(d)}`);
  }
  if (compareIso(today, birthDate) < 0) throw new RangeError(`today ${today} is before the birth date ${birthDate}`);
  if (dischargeDate < birthDate || dischargeDate > addDaysIso(birthDate, MAX_DISCHARGE_DAYS)) {
    throw new RangeError(`discharge must be 0–${MAX_DISCHARGE_DAYS} days after birth`);
  }

  const list = frames(birthDate, dischargeDate);
  const slotEnds = list.map((_, i) => list[i + 1]?.windowStart ?? ageUpDate(birthDate, LAST_SLOT_END_MONTHS));
  const doneOn = new Map<number, IsoDate>();
  const unmatchedDates: IsoDate[] = [];
  for (const date of [...new Set(input.doneDates ?? [])].sort()) {
    // Slots run from birth (the first) or the visit's window start to the next window start.
    const i = date < birthDate || date > today ? -1 : list.findIndex((_, k) => date < (slotEnds[k] as IsoDate));
    if (i < 0) unmatchedDates.push(date);
    else if (!doneOn.has(i)) doneOn.set(i, date);
  }

  const visits = list.map((frame, i): ScheduledVisit => {
    const done = doneOn.get(i);
    return done === undefined
      ? { ...frame, status: statusOn(today, frame, slotEnds[i] as IsoDate) }
      : { ...frame, status: 'done', doneOn: done };
  });
  const open = visits.find((v) => v.status === 'due' || v.status === 'overdue');
  return { visits, next: open ?? visits.find((v) => v.status === 'upcoming') ?? null, unmatchedDates };
}
