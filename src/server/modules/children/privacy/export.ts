import type { Db } from '../../../db/executor.ts';
import type { FieldCipher } from '../../../db/fieldCipher.ts';

export type ExportSection = { kind: string; rows: Record<string, unknown>[] };

/**
 * What this module holds about a guardian's family: the children (resident ID in clear, the
 * owner's own copy), who their guardians are and the consent each gave, and the pick-up persons.
 * A pick-up person's resident ID stays masked: it is that adult's data, not the family's.
 */
export async function exportForGuardian(
  db: Db,
  cipher: FieldCipher,
  userId: string,
): Promise<{ childIds: string[]; sections: ExportSection[] }> {
  const childIds = (await db.selectFrom('child_guardians').select('child_id').where('user_id', '=', userId).execute()).map(
    (r) => r.child_id,
  );
  if (childIds.length === 0) return { childIds, sections: [] };
  const children = await db
    .selectFrom('children')
    .select(['id', 'name', 'sex', 'birth_date', 'resident_id_enc', 'residence_division_code', 'created_at'])
    .where('id', 'in', childIds)
    .orderBy('birth_date')
    .execute();
  const guardians = await db
    .selectFrom('child_guardians as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['g.child_id', 'u.name as guardian_name', 'g.relation', 'g.consent_version', 'g.consented_at'])
    .where('g.child_id', 'in', childIds)
    .orderBy('g.consented_at')
    .execute();
  const pickup = await db
    .selectFrom('pickup_persons')
    .select(['child_id', 'name', 'relation', 'phone', 'resident_id_masked', 'authorised_at', 'revoked_at'])
    .where('child_id', 'in', childIds)
    .orderBy('authorised_at')
    .execute();
  return {
    childIds,
    sections: [
      {
        kind: 'children',
        rows: children.map(({ resident_id_enc, ...child }) => ({
          ...child,
          resident_id: resident_id_enc ? cipher.decrypt(resident_id_enc) : null,
        })),
      },
      { kind: 'guardians', rows: guardians },
      { kind: 'pickup_persons', rows: pickup },
    ],
  };
}
