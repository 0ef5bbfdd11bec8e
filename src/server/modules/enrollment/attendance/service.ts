import { dayOff } from '../../../../domain/calendar/workingDays.ts';
import { monthRange, todayInShanghai, toShanghaiDate } from '../../../../domain/dates/shanghai.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { findCalendarDay } from '../../../platform/calendar/calendar.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import {
  auditChildReads,
  childReach,
  findGuardians,
  findPickupPersons,
  isGuardianOf,
  type PickupRelation,
  wasAuthorisedAt,
} from '../../children/index.ts';
import { requireEnrolledOn, requireNotFuture } from '../common/access.ts';
import type { EnrollmentHooks } from '../common/hooks.ts';
import { type Collectors, presentAttendance, presentChild, presentMorningCheck } from './presenters.ts';
import { type AttendanceRow, findAttendance, findClass, findClassRoster, findMorningChecks, upsertAttendance } from './queries.ts';
import type { AttendanceInput, AttendanceView, ChildMonthView, ClassDayView } from './schemas.ts';

/** An instant of the record must fall on its day in Shanghai and must have happened already. */
function instantOn(deps: Deps, value: string, day: string, path: string): Date {
  const at = new Date(value);
  if (toShanghaiDate(at) !== day) throw fieldError(path, 'attendance.timeNotOnDay');
  if (at > deps.clock.now()) throw fieldError(path, 'time.future');
  return at;
}

type PresentInput = Extract<AttendanceInput, { status: 'present' }>;

/** Who collected the children of these rows, named as guardian or pick-up person (revoked ones too). */
async function collectorsOf(deps: Deps, rows: AttendanceRow[]): Promise<Collectors> {
  const childIds = [...new Set(rows.filter((r) => r.picked_up_by_guardian || r.picked_up_by_person).map((r) => r.child_id))];
  const [guardians, persons] = await Promise.all([findGuardians(deps.db, childIds), findPickupPersons(deps.db, childIds)]);
  return { guardians, persons };
}

/** Check-out hands the child to a guardian or to a person authorised at that moment, nobody else. */
async function presentValues(deps: Deps, childId: string, day: string, input: PresentInput) {
  const checkedInAt = instantOn(deps, input.checkedInAt, day, 'body.checkedInAt');
  const checkedOutAt = input.checkedOutAt === null ? null : instantOn(deps, input.checkedOutAt, day, 'body.checkedOutAt');
  if (checkedOutAt && checkedOutAt < checkedInAt) throw fieldError('body.checkedOutAt', 'attendance.checkOutBeforeCheckIn');
  if ((checkedOutAt === null) !== (input.pickedUpBy === null)) throw fieldError('body.pickedUpBy', 'attendance.pickupWithCheckOut');
  const by = input.pickedUpBy;
  if (by && checkedOutAt) {
    const allowed =
      by.kind === 'guardian'
        ? await isGuardianOf(deps.db, by.userId, childId)
        : await wasAuthorisedAt(deps.db, childId, by.personId, checkedOutAt);
    if (!allowed) throw new AppError('PICKUP_NOT_AUTHORISED');
  }
  return {
    status: 'present',
    checked_in_at: checkedInAt,
    checked_out_at: checkedOutAt,
    picked_up_by_guardian: by?.kind === 'guardian' ? by.userId : null,
    picked_up_by_person: by?.kind === 'pickup_person' ? by.personId : null,
    absence_reason: null,
    note: input.note || null,
  };
}

/** Writes the child's record of the day whole (one row per child per day), audited. */
export async function recordAttendance(
  deps: Deps,
  scope: Scope,
  childId: string,
  day: string,
  input: AttendanceInput,
  context: AuditContext,
): Promise<AttendanceView> {
  requireNotFuture(deps, day);
  const enrollment = await requireEnrolledOn(deps, scope, childId, day);
  const values =
    input.status === 'present'
      ? await presentValues(deps, childId, day, input)
      : {
          status: 'absent',
          checked_in_at: null,
          checked_out_at: null,
          picked_up_by_guardian: null,
          picked_up_by_person: null,
          absence_reason: input.reason,
          note: input.note || null,
        };
  const now = deps.clock.now();
  const written = {
    ...values,
    institution_id: enrollment.institution_id,
    class_id: enrollment.class_id,
    recorded_by: scope.actor.userId,
    recorded_at: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await upsertAttendance(trx, { child_id: childId, day, ...written });
    await appendAudit(
      trx,
      context,
      {
        action: 'attendance.record',
        entityType: 'child',
        entityId: childId,
        detail: { day, status: values.status, checkedOut: values.checked_out_at !== null, reason: values.absence_reason },
      },
      now,
    );
  });
  // A check-in or an absence names nobody but its recorder, the caller: the answer is the row as
  // written, with no read back on the morning rush's path. A check-out reads its collector's name.
  if (!written.picked_up_by_guardian && !written.picked_up_by_person) {
    const row: AttendanceRow = { child_id: childId, day, ...written, recorded_by_name: scope.actor.name, guardian_name: null };
    return presentAttendance(row, { guardians: [], persons: [] });
  }
  const rows = await findAttendance(deps.db, { childIds: [childId], from: day, to: day, institutionIds: null });
  return presentAttendance(rows[0] as AttendanceRow, await collectorsOf(deps, rows));
}

/** The tablet screen for one class and day: who is expected, their records, who may collect them. Audited. */
export async function getClassDay(
  deps: Deps,
  hooks: EnrollmentHooks,
  scope: Scope,
  classId: string,
  date: string | undefined,
  context: AuditContext,
): Promise<ClassDayView> {
  const cls = await findClass(deps.db, classId);
  if (!cls || !scope.institutionIds.includes(cls.institution_id)) throw new AppError('NOT_FOUND');
  const today = todayInShanghai(deps.clock.now());
  const day = date ?? today;
  const roster = await findClassRoster(deps.db, classId, day);
  const ids = roster.map((r) => r.id);
  const filter = { childIds: ids, from: day, to: day, institutionIds: [cls.institution_id] };
  const [attendance, checks, guardians, persons, feverFromC, exception] = await Promise.all([
    findAttendance(deps.db, filter),
    findMorningChecks(deps.db, filter),
    findGuardians(deps.db, ids),
    findPickupPersons(deps.db, ids, { activeOnly: true }),
    hooks.feverFromC(deps),
    findCalendarDay(deps.db, day),
  ]);
  const collectors = await collectorsOf(deps, attendance);
  await auditChildReads(deps, context, ids, 'attendance_roster');
  const children = roster.map((r) => {
    const a = attendance.find((x) => x.child_id === r.id);
    const m = checks.find((x) => x.child_id === r.id);
    return {
      child: presentChild(r, today),
      attendance: a ? presentAttendance(a, collectors) : null,
      morningCheck: m ? presentMorningCheck(m, feverFromC) : null,
      pickup: {
        guardians: guardians.filter((g) => g.child_id === r.id).map((g) => ({ userId: g.user_id, name: g.name, relation: g.relation })),
        persons: persons
          .filter((p) => p.child_id === r.id)
          .map((p) => ({ id: p.id, name: p.name, relation: p.relation as PickupRelation, phone: p.phone })),
      },
    };
  });
  const count = (f: (c: (typeof children)[number]) => boolean) => children.filter(f).length;
  return {
    class: {
      id: cls.id,
      institutionId: cls.institution_id,
      name: cls.name,
      classType: cls.class_type as ClassDayView['class']['classType'],
    },
    date: day,
    dayOff: dayOff(day, exception),
    counts: {
      children: children.length,
      present: count((c) => c.attendance?.status === 'present'),
      absent: count((c) => c.attendance?.status === 'absent'),
      notRecorded: count((c) => c.attendance === null),
      checkedOut: count((c) => c.attendance?.checkedOutAt != null),
    },
    children,
  };
}

/** A child's days in a month: the guardian sees all, staff their institution's. Audited. */
export async function getChildMonth(
  deps: Deps,
  hooks: EnrollmentHooks,
  scope: Scope,
  childId: string,
  month: string,
  context: AuditContext,
): Promise<ChildMonthView> {
  const reach = await childReach(deps, scope, childId);
  const { first, last } = monthRange(month);
  const filter = { childIds: [childId], from: first, to: last, institutionIds: reach.institutionIds };
  const [attendance, checks, feverFromC] = await Promise.all([
    findAttendance(deps.db, filter),
    findMorningChecks(deps.db, filter),
    hooks.feverFromC(deps),
  ]);
  const collectors = await collectorsOf(deps, attendance);
  await auditChildReads(deps, context, [childId], 'attendance_month');
  const dates = [...new Set([...attendance.map((a) => a.day), ...checks.map((m) => m.checked_on)])].sort();
  const absent = (reason: string) => attendance.filter((a) => a.absence_reason === reason).length;
  return {
    childId,
    month,
    summary: {
      present: attendance.filter((a) => a.status === 'present').length,
      absent: attendance.filter((a) => a.status === 'absent').length,
      sick: absent('sick'),
      leave: absent('leave'),
      other: absent('other'),
    },
    days: dates.map((date) => {
      const a = attendance.find((x) => x.day === date);
      const m = checks.find((x) => x.checked_on === date);
      return { date, attendance: a ? presentAttendance(a, collectors) : null, morningCheck: m ? presentMorningCheck(m, feverFromC) : null };
    }),
  };
}
