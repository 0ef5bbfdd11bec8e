import { ageInMonths } from '../../../../domain/dates/childAge.ts';
import { addDaysIso, type IsoDate } from '../../../../domain/dates/shanghai.ts';
import { adviceFor, checklistForAge, checkSchedule, MAX_DISCHARGE_DAYS, WARNING_SIGN_CHECKLISTS } from '../../../../domain/health/index.ts';
import { fieldError } from '../../../platform/errors/AppError.ts';
import type { AssessRequest, ScheduleQuery, WarningSignsQuery } from './schemas.ts';

/** The national schedule for a birth date on `today`; the checks here need the clock, so no schema makes them. */
export function healthCheckSchedule(query: ScheduleQuery, today: IsoDate) {
  const { birthDate, dischargeDate } = query;
  const doneDates = query.done?.split(',') ?? [];
  if (birthDate > today) throw fieldError('querystring.birthDate', 'date.future');
  if (doneDates.some((d) => d < birthDate)) throw fieldError('querystring.done', 'checks.doneBeforeBirth');
  if (doneDates.some((d) => d > today)) throw fieldError('querystring.done', 'date.future');
  if (dischargeDate !== undefined && (dischargeDate < birthDate || dischargeDate > addDaysIso(birthDate, MAX_DISCHARGE_DAYS))) {
    throw fieldError('querystring.dischargeDate', 'checks.discharge');
  }
  const schedule = checkSchedule({ birthDate, today, doneDates, dischargeDate });
  return { birthDate, today, ageMonths: ageInMonths(birthDate, today), ...schedule };
}

/** The whole table, and the checklist that applies at an age (or at a birth date on `today`). */
export function warningSigns(query: WarningSignsQuery, today: IsoDate) {
  let ageMonths = query.ageMonths ?? null;
  if (query.birthDate !== undefined) {
    if (query.birthDate > today) throw fieldError('querystring.birthDate', 'date.future');
    ageMonths = ageInMonths(query.birthDate, today);
  }
  const checklist = ageMonths === null ? null : (checklistForAge(ageMonths) ?? null);
  return { ageMonths, checklist, checklists: [...WARNING_SIGN_CHECKLISTS] };
}

/** Referral advice; every ticked id must be on the checklist for the age. */
export function assessWarningSigns({ ageMonths, ticked }: AssessRequest) {
  const checklist = checklistForAge(ageMonths);
  if (checklist === undefined) throw fieldError('body.ageMonths', 'warningSigns.noChecklist');
  const ids = new Set(checklist.signs.map((s) => s.id));
  const unknown = ticked.findIndex((id) => !ids.has(id));
  if (unknown >= 0) throw fieldError(`body.ticked.${unknown}`, 'warningSigns.unknownSign');
  const advice = adviceFor(ticked);
  return { checkAgeMonths: checklist.ageMonths, referral: advice.referral, advice: advice.text, signs: advice.signs };
}
