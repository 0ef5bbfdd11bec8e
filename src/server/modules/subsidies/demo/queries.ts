import type { Insertable, Transaction } from 'kysely';
import type { Balances } from '../../../../domain/subsidies/ledger.ts';
import type { DB, VoucherProgramsTable } from '../../../db/schema.ts';
import type { DemoClass } from './book.ts';

export async function insertDemoProgram(trx: Transaction<DB>, row: Insertable<VoucherProgramsTable>) {
  await trx.insertInto('voucher_programs').values(row).execute();
}

/** Sets a demo program's balance columns once, to what its ledger entries add up to. */
export async function setProgramBalances(trx: Transaction<DB>, programId: string, b: Balances) {
  await trx
    .updateTable('voucher_programs')
    .set({
      unissued_fen: b.unissued,
      outstanding_fen: b.outstanding,
      redeemed_fen: b.redeemed,
      payable_fen: b.payable,
      paid_fen: b.paid,
      expired_fen: b.expired,
    })
    .where('id', '=', programId)
    .execute();
}

/** Directors (institution_admin grants) with their institutions. */
export function findDirectors(trx: Transaction<DB>) {
  return trx.selectFrom('user_roles').select(['institution_id', 'user_id']).where('role', '=', 'institution_admin').execute();
}

export function findDistrictOfficials(trx: Transaction<DB>) {
  return trx.selectFrom('user_roles').select(['division_code', 'user_id']).where('role', '=', 'district_official').execute();
}

/** Children of the city holding a place now, with a guardian each (a child with two guardians comes twice). */
export function findPlacedChildren(trx: Transaction<DB>) {
  return trx
    .selectFrom('enrolments as e')
    .innerJoin('children as c', 'c.id', 'e.child_id')
    .innerJoin('child_guardians as g', 'g.child_id', 'c.id')
    .select(['c.id', 'c.birth_date', 'e.institution_id', 'g.user_id'])
    .where('e.end_date', 'is', null)
    .where('c.residence_division_code', 'like', '3207%')
    .orderBy('c.id')
    .execute();
}

export function findStatementsOfMonth(trx: Transaction<DB>, month: string) {
  return trx.selectFrom('fee_statements').select(['id', 'child_id', 'institution_id', 'subtotal_fen']).where('month', '=', month).execute();
}

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
  const directors = await findDirectors(trx);
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
