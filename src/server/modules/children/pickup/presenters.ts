import type { PickupPersonRow } from './queries.ts';
import type { PickupPersonView } from './schemas.ts';

export function presentPickupPerson(r: PickupPersonRow): PickupPersonView {
  return {
    id: r.id,
    childId: r.child_id,
    name: r.name,
    relation: r.relation as PickupPersonView['relation'],
    phone: r.phone,
    residentIdMasked: r.resident_id_masked,
    authorisedAt: new Date(r.authorised_at).toISOString(),
    authorisedByName: r.authorised_by_name,
    revokedAt: r.revoked_at ? new Date(r.revoked_at).toISOString() : null,
  };
}
