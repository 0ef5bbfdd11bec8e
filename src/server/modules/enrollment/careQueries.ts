import type { Db } from '../../db/executor.ts';

/** A child's enrolments at any of the institutions, newest first (ended ones too). */
export function findEnrolmentsAt(db: Db, childId: string, institutionIds: string[]) {
  if (institutionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('enrolments')
    .select(['id', 'institution_id', 'class_id', 'start_date', 'end_date'])
    .where('child_id', '=', childId)
    .where('institution_id', 'in', institutionIds)
    .orderBy('start_date', 'desc')
    .execute();
}

export function isGuardianOf(db: Db, userId: string, childId: string) {
  return db
    .selectFrom('child_guardians')
    .select('child_id')
    .where('user_id', '=', userId)
    .where('child_id', '=', childId)
    .executeTakeFirst()
    .then((row) => row !== undefined);
}

/** A class with the name and type in force: as filed, or the working copy before a first filing. */
export function findClass(db: Db, classId: string) {
  return db
    .selectFrom('institution_classes')
    .select((eb) => [
      'id',
      'institution_id',
      eb.fn.coalesce('filed_name', 'name').as('name'),
      eb.fn.coalesce('filed_class_type', 'class_type').as('class_type'),
    ])
    .where('id', '=', classId)
    .executeTakeFirst();
}

/** Children whose enrolment puts them in the class on the day. */
export function findClassRoster(db: Db, classId: string, day: string) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('children as c', 'c.id', 'e.child_id')
    .select(['c.id', 'c.name', 'c.sex', 'c.birth_date', 'e.start_date', 'e.end_date'])
    .where('e.class_id', '=', classId)
    .where('e.start_date', '<=', day)
    .where((eb) => eb.or([eb('e.end_date', 'is', null), eb('e.end_date', '>=', day)]))
    .orderBy('c.name')
    .execute();
}

export function findChildSummaries(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('children').select(['id', 'name', 'sex', 'birth_date']).where('id', 'in', ids).execute();
}

/** Children holding a place at the institution now, with their class as in force. */
export function findPlacesHeld(db: Db, institutionId: string) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('children as c', 'c.id', 'e.child_id')
    .innerJoin('institution_classes as k', 'k.id', 'e.class_id')
    .select((eb) => [
      'e.id as enrolment_id',
      'c.id as child_id',
      'c.name',
      'c.birth_date',
      'e.class_id',
      eb.fn.coalesce('k.filed_name', 'k.name').as('class_name'),
      eb.fn.coalesce('k.filed_class_type', 'k.class_type').as('class_type'),
    ])
    .where('e.institution_id', '=', institutionId)
    .where('e.end_date', 'is', null)
    .execute();
}
