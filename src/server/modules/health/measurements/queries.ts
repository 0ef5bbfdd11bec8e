import type { Insertable, Transaction } from 'kysely';
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
