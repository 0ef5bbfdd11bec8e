import { ageInMonths } from '../../../../domain/dates/childAge.ts';
import { compareIso } from '../../../../domain/dates/shanghai.ts';
import type { ChildRow, GuardianRow } from './queries.ts';
import type { ChildView } from './schemas.ts';

/** A child's record with its guardians, as of `today`. */
export function presentChild(r: ChildRow, guardians: GuardianRow[], today: string): ChildView {
  return {
    id: r.id,
    name: r.name,
    sex: r.sex as 'male' | 'female',
    birthDate: r.birth_date,
    ageMonths: compareIso(r.birth_date, today) <= 0 ? ageInMonths(r.birth_date, today) : 0,
    residentIdMasked: r.resident_id_masked,
    residenceDivisionCode: r.residence_division_code,
    residenceDivisionName: r.division_name,
    guardians: guardians
      .filter((g) => g.child_id === r.id)
      .map((g) => ({
        name: g.name,
        relation: g.relation as ChildView['guardians'][number]['relation'],
        consentedAt: new Date(g.consented_at).toISOString(),
      })),
  };
}

export function presentAccessLogEntry(r: { at: Date | string; action: string; actor_name: string | null; actor_role: string | null }) {
  return { at: new Date(r.at).toISOString(), action: r.action, actorName: r.actor_name, actorRole: r.actor_role };
}
