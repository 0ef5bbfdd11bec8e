import { parseIsoDate, toShanghaiDate } from '../../../../domain/dates/shanghai.ts';
import { serviceDaysIn } from '../../../../domain/enrollment/feeStatement.ts';
import type { Prng } from '../../../../domain/random/prng.ts';

export type CareChild = {
  childId: string;
  classId: string;
  institutionId: string;
  startDate: string;
  guardianUserId: string;
  pickupPersonId: string | null;
};

const SHANGHAI_OFFSET = '+08:00';
const at = (day: string, minutes: number) =>
  new Date(`${day}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00${SHANGHAI_OFFSET}`);

/**
 * Attendance and morning checks for the service days from `from` to the day before `today`:
 * about one day in seventeen absent, arrivals 07:40–08:50, pick-up 16:20–17:50 by a guardian or
 * the authorised grandparent, temperatures mostly 36.0–37.1 °C with the odd fever or cold.
 */
export function careDays(prng: Prng, children: CareChild[], from: string, today: string, staffUserId: string) {
  const days = serviceDaysBetween(from, today);
  const attendance = [];
  const checks = [];
  for (const child of children) {
    for (const day of days) {
      if (day < child.startDate) continue;
      if (prng.next() < 0.06) {
        const reason = prng.next() < 0.6 ? 'sick' : prng.next() < 0.75 ? 'leave' : 'other';
        attendance.push({ ...base(child, day, staffUserId), status: 'absent', absence_reason: reason, recorded_at: at(day, 8 * 60 + 30) });
        continue;
      }
      const checkedIn = at(day, prng.int(7 * 60 + 40, 8 * 60 + 50));
      const checkedOut = at(day, prng.int(16 * 60 + 20, 17 * 60 + 50));
      const byPerson = child.pickupPersonId !== null && prng.next() < 0.4;
      attendance.push({
        ...base(child, day, staffUserId),
        status: 'present',
        checked_in_at: checkedIn,
        checked_out_at: checkedOut,
        picked_up_by_guardian: byPerson ? null : child.guardianUserId,
        picked_up_by_person: byPerson ? child.pickupPersonId : null,
        recorded_at: checkedOut,
      });
      const roll = prng.next();
      const fever = roll < 0.02;
      const cold = !fever && roll < 0.07;
      checks.push({
        child_id: child.childId,
        institution_id: child.institutionId,
        class_id: child.classId,
        checked_on: day,
        temperature_c: (fever ? prng.between(37.5, 38.4) : prng.between(36.0, 37.1)).toFixed(1),
        symptoms: fever ? ['fever'] : cold ? [prng.pick(['runny_nose', 'cough'])] : [],
        checked_by: staffUserId,
        checked_at: checkedIn,
      });
    }
  }
  return { attendance, checks };
}

function base(child: CareChild, day: string, staffUserId: string) {
  return { child_id: child.childId, institution_id: child.institutionId, class_id: child.classId, day, recorded_by: staffUserId };
}

/** Weekdays from `from` up to but not including `today`, across months. */
function serviceDaysBetween(from: string, today: string): string[] {
  const out: string[] = [];
  let month = from.slice(0, 7);
  while (month <= today.slice(0, 7)) {
    out.push(...serviceDaysIn(month, from).filter((d) => d < today));
    const next = toShanghaiDate(parseIsoDate(`${month}-28`).getTime() + 5 * 86_400_000);
    month = next.slice(0, 7);
  }
  return out;
}
