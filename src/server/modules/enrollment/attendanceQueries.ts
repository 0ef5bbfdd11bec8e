import type { Db } from '../../db/executor.ts';

/** Which rows: these children, these days, and (for staff) these institutions only. */
export type CareFilter = { childIds: string[]; from: string; to: string; institutionIds: string[] | null };

export function findAttendance(db: Db, f: CareFilter) {
  if (f.childIds.length === 0 || f.institutionIds?.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('attendance as a')
    .innerJoin('users as r', 'r.id', 'a.recorded_by')
    .leftJoin('users as g', 'g.id', 'a.picked_up_by_guardian')
    .leftJoin('child_guardians as cg', (j) => j.onRef('cg.user_id', '=', 'a.picked_up_by_guardian').onRef('cg.child_id', '=', 'a.child_id'))
    .leftJoin('pickup_persons as p', 'p.id', 'a.picked_up_by_person')
    .select([
      'a.child_id',
      'a.day',
      'a.status',
      'a.checked_in_at',
      'a.checked_out_at',
      'a.picked_up_by_guardian',
      'a.picked_up_by_person',
      'a.absence_reason',
      'a.note',
      'a.recorded_at',
      'r.name as recorded_by_name',
      'g.name as guardian_name',
      'cg.relation as guardian_relation',
      'p.name as person_name',
      'p.relation as person_relation',
    ])
    .where('a.child_id', 'in', f.childIds)
    .where('a.day', '>=', f.from)
    .where('a.day', '<=', f.to);
  if (f.institutionIds) query = query.where('a.institution_id', 'in', f.institutionIds);
  return query.orderBy('a.day').execute();
}
export type AttendanceRow = Awaited<ReturnType<typeof findAttendance>>[number];

export function findMorningChecks(db: Db, f: CareFilter) {
  if (f.childIds.length === 0 || f.institutionIds?.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('morning_checks as m')
    .innerJoin('users as u', 'u.id', 'm.checked_by')
    .select(['m.child_id', 'm.checked_on', 'm.temperature_c', 'm.symptoms', 'm.note', 'm.checked_at', 'u.name as checked_by_name'])
    .where('m.child_id', 'in', f.childIds)
    .where('m.checked_on', '>=', f.from)
    .where('m.checked_on', '<=', f.to);
  if (f.institutionIds) query = query.where('m.institution_id', 'in', f.institutionIds);
  return query.orderBy('m.checked_on').execute();
}
export type MorningCheckRow = Awaited<ReturnType<typeof findMorningChecks>>[number];
