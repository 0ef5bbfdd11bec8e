import type { AttendanceRow, MorningCheckRow } from './attendanceQueries.ts';
import type { AttendanceView, MorningCheckView } from './attendanceSchemas.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentAttendance(r: AttendanceRow): AttendanceView {
  let pickedUpBy: AttendanceView['pickedUpBy'] = null;
  if (r.picked_up_by_guardian) {
    pickedUpBy = { kind: 'guardian', id: r.picked_up_by_guardian, name: r.guardian_name ?? '', relation: r.guardian_relation };
  } else if (r.picked_up_by_person) {
    pickedUpBy = { kind: 'pickup_person', id: r.picked_up_by_person, name: r.person_name ?? '', relation: r.person_relation };
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

export function presentMorningCheck(r: MorningCheckRow): MorningCheckView {
  return {
    childId: r.child_id,
    date: r.checked_on,
    // numeric(3,1) arrives as text so no binary rounding happens on the way.
    temperatureC: Number(r.temperature_c),
    symptoms: r.symptoms as MorningCheckView['symptoms'],
    note: r.note,
    checkedByName: r.checked_by_name,
    checkedAt: iso(r.checked_at) as string,
  };
}
