import type { Db } from '../../../db/executor.ts';

/**
 * The place a child holds now (one at most), with the institution and class they are in: at any institution
 * for a guardian (`institutionIds` null), at the caller's institutions for staff.
 */
export function findCurrentPlace(db: Db, childId: string, institutionIds: string[] | null) {
  let query = db
    .selectFrom('enrolments as e')
    .innerJoin('institutions as i', 'i.id', 'e.institution_id')
    .innerJoin('institution_classes as c', 'c.id', 'e.class_id')
    .select([
      'e.id',
      'e.start_date',
      'e.institution_id',
      'i.name as institution_name',
      'i.address',
      'i.contact_phone',
      'i.opens_at',
      'i.closes_at',
      'e.class_id',
      'c.name as class_name',
      'c.class_type',
    ])
    .where('e.child_id', '=', childId)
    .where('e.end_date', 'is', null);
  if (institutionIds !== null) {
    if (institutionIds.length === 0) return Promise.resolve(undefined);
    query = query.where('e.institution_id', 'in', institutionIds);
  }
  return query.orderBy('e.start_date', 'desc').executeTakeFirst();
}
