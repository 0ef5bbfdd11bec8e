import { ageInMonths } from '../../../../domain/dates/childAge.ts';
import { compareIso } from '../../../../domain/dates/shanghai.ts';
import { unwellAtCheck } from '../../../../domain/health/unwellAtCheck.ts';
import type { AttendanceRow, MorningCheckRow } from './queries.ts';
import type { AttendanceView, ChildSummary, MorningCheckView } from './schemas.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The children's guardians and pick-up persons (revoked ones too), to name who collected a child. */
export type Collectors = {
  guardians: { child_id: string; user_id: string; relation: string }[];
  persons: { id: string; name: string; relation: string }[];
};

export function presentAttendance(r: AttendanceRow, collectors: Collectors): AttendanceView {
  let pickedUpBy: AttendanceView['pickedUpBy'] = null;
  if (r.picked_up_by_guardian) {
    const guardian = collectors.guardians.find((g) => g.child_id === r.child_id && g.user_id === r.picked_up_by_guardian);
    pickedUpBy = { kind: 'guardian', id: r.picked_up_by_guardian, name: r.guardian_name ?? '', relation: guardian?.relation ?? null };
  } else if (r.picked_up_by_person) {
    const person = collectors.persons.find((p) => p.id === r.picked_up_by_person);
    pickedUpBy = { kind: 'pickup_person', id: r.picked_up_by_person, name: person?.name ?? '', relation: person?.relation ?? null };
  }
  return {
    childId: r.child_id,
    date: r.day,
    status: r.status as AttendanceView['status'],
    checkedInAt: iso(r.checked_in_at),
    checkedOutAt: iso(r.checked_out_at),
    pickedUpBy,
    absenceReason: r.absence_reason as AttendanceView['absenceReason'],
    note: r.note,
    recordedByName: r.recorded_by_name,
    recordedAt: iso(r.recorded_at) as string,
  };
}

/** The check with whether the child should go home, judged against the fever line in force now. */
export function presentMorningCheck(r: MorningCheckRow, feverFromC: number): MorningCheckView {
  // numeric(3,1) arrives as text so no binary rounding happens on the way.
  const temperatureC = Number(r.temperature_c);
  const symptoms = r.symptoms as MorningCheckView['symptoms'];
  return {
    childId: r.child_id,
    date: r.checked_on,
    temperatureC,
    symptoms,
    note: r.note,
    checkedByName: r.checked_by_name,
    checkedAt: iso(r.checked_at) as string,
    unwell: unwellAtCheck({ temperatureC, symptoms }, { feverFromC }),
  };
}

export function presentChild(row: { id: string; name: string; sex: string; birth_date: string }, today: string): ChildSummary {
  return {
    id: row.id,
    name: row.name,
    sex: row.sex as ChildSummary['sex'],
    birthDate: row.birth_date,
    ageMonths: compareIso(row.birth_date, today) <= 0 ? ageInMonths(row.birth_date, today) : 0,
  };
}
