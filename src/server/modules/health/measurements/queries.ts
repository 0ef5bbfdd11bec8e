import type { Insertable, Transaction, Updateable } from 'kysely';
import type { Db } from '../../../db/executor.ts';
import type { DB, GrowthMeasurementsTable } from '../../../db/schema.ts';

export function insertMeasurement(trx: Transaction<DB>, values: Insertable<GrowthMeasurementsTable>) {
  return trx.insertInto('growth_measurements').values(values).returning('id').executeTakeFirstOrThrow();
}

/** A child's measurements, oldest first, with who recorded each. */
export function findMeasurements(db: Db, filter: { childId: string; id?: string }) {
  let query = db
    .selectFrom('growth_measurements as g')
    .innerJoin('users as u', 'u.id', 'g.recorded_by')
    .leftJoin('institutions as i', 'i.id', 'g.institution_id')
    .select([
      'g.id',
      'g.measured_on',
      'g.weight_g',
      'g.length_mm',
      'g.position',
      'g.head_mm',
      'g.source',
      'g.created_at',
      'u.name as recorded_by_name',
      'i.name as institution_name',
    ])
    .where('g.child_id', '=', filter.childId);
  if (filter.id) query = query.where('g.id', '=', filter.id);
  return query.orderBy('g.measured_on').orderBy('g.created_at').execute();
}
export type MeasurementRow = Awaited<ReturnType<typeof findMeasurements>>[number];

/** The entry a correction or removal is about: whose child, and who recorded it. */
export function findMeasurementOwner(db: Db, id: string) {
  return db
    .selectFrom('growth_measurements')
    .select(['id', 'child_id', 'measured_on', 'weight_g', 'length_mm', 'position', 'head_mm', 'source', 'institution_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function updateMeasurement(trx: Transaction<DB>, id: string, values: Updateable<GrowthMeasurementsTable>) {
  return trx.updateTable('growth_measurements').set(values).where('id', '=', id).execute();
}

export function deleteMeasurement(trx: Transaction<DB>, id: string) {
  return trx.deleteFrom('growth_measurements').where('id', '=', id).execute();
}
