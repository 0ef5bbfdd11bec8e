import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { DemoClass } from './book.ts';

const FEE = {
  infant: 'fee_infant_fen',
  toddler: 'fee_toddler_fen',
  older_toddler: 'fee_older_toddler_fen',
  mixed: 'fee_mixed_fen',
} as const;

export type DemoInstitution = { id: string; name: string; divisionCode: string; directorId: string | null; classes: DemoClass[] };

/** Filed institutions of Lianyungang with their filed classes and the fee of each, and a director if they have one. */
export async function findDemoInstitutions(trx: Transaction<DB>): Promise<DemoInstitution[]> {
  const rows = await trx
    .selectFrom('institutions as i')
    .innerJoin('institution_classes as c', 'c.institution_id', 'i.id')
    .select([
      'i.id',
      'i.name',
      'i.division_code',
      'c.id as class_id',
      'c.filed_class_type',
      'i.fee_infant_fen',
      'i.fee_toddler_fen',
      'i.fee_older_toddler_fen',
      'i.fee_mixed_fen',
    ])
    .where('i.status', '=', 'filed')
    .where('i.division_code', 'like', '3207%')
    .where('c.filed_class_type', 'is not', null)
    .where('c.archived_at', 'is', null)
    .orderBy('i.name')
    .orderBy('c.id')
    .execute();
  const directors = await trx
    .selectFrom('user_roles')
    .select(['institution_id', 'user_id'])
    .where('role', '=', 'institution_admin')
    .execute();
  const byId = new Map<string, DemoInstitution>();
  for (const r of rows) {
    const type = r.filed_class_type as keyof typeof FEE;
    const fee = r[FEE[type]];
    if (fee === null || fee <= 0) continue;
    const entry = byId.get(r.id) ?? {
      id: r.id,
      name: r.name,
      divisionCode: r.division_code,
      directorId: directors.find((d) => d.institution_id === r.id)?.user_id ?? null,
      classes: [],
    };
    entry.classes.push({ id: r.class_id, classType: type, feeFen: fee });
    byId.set(r.id, entry);
  }
  return [...byId.values()];
}

export function findUserIdByPhone(trx: Transaction<DB>, phone: string) {
  return trx
    .selectFrom('users')
    .select('id')
    .where('phone', '=', phone)
    .executeTakeFirst()
    .then((u) => u?.id ?? null);
}

/** The institution a staff account (by phone) works for. */
export function findInstitutionOfUser(trx: Transaction<DB>, phone: string) {
  return trx
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select('r.institution_id')
    .where('u.phone', '=', phone)
    .where('r.institution_id', 'is not', null)
    .executeTakeFirst()
    .then((r) => r?.institution_id ?? null);
}
