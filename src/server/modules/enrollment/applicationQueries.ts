import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/executor.ts';
import type { DB } from '../../db/schema.ts';

export function findFiledInstitutions(db: Db, ids: string[]) {
  return db
    .selectFrom('institutions')
    .select(['id', 'name', 'division_code', 'waitlist_priorities'])
    .where('id', 'in', ids)
    .where('status', '=', 'filed')
    .execute();
}

export function findOpenApplicationOfChild(db: Db, childId: string) {
  return db
    .selectFrom('applications as a')
    .innerJoin('application_choices as c', 'c.application_id', 'a.id')
    .select('a.id')
    .where('a.child_id', '=', childId)
    .where('c.status', 'in', ['new', 'waitlisted', 'offered'])
    .executeTakeFirst();
}

export function findApplication(db: Db, id: string) {
  return db
    .selectFrom('applications as a')
    .innerJoin('children as ch', 'ch.id', 'a.child_id')
    .select([
      'a.id',
      'a.child_id',
      'a.guardian_id',
      'a.start_date',
      'a.sibling_attends',
      'a.staff_child',
      'a.created_at',
      'ch.name as child_name',
      'ch.birth_date',
      'ch.residence_division_code',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
}

export function findApplicationsOfChildren(db: Db, childIds: string[]) {
  if (childIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('applications as a')
    .innerJoin('children as ch', 'ch.id', 'a.child_id')
    .select(['a.id', 'a.child_id', 'a.start_date', 'a.sibling_attends', 'a.staff_child', 'a.created_at', 'ch.name as child_name'])
    .where('a.child_id', 'in', childIds)
    .orderBy('a.created_at', 'desc')
    .execute();
}

export function findChoices(db: Db, applicationIds: string[]) {
  if (applicationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('application_choices as c')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id')
    .leftJoin('institution_classes as k', 'k.id', 'c.class_id')
    .select([
      'c.id',
      'c.application_id',
      'c.institution_id',
      'i.name as institution_name',
      'c.rank',
      'c.status',
      'c.class_id',
      'k.filed_name as class_name',
      'k.filed_class_type as class_type',
      'c.offer_expires_at',
    ])
    .where('c.application_id', 'in', applicationIds)
    .orderBy('c.rank')
    .execute();
}

/** One institution's choice on an application, locked for the decision. */
export function lockChoice(db: Transaction<DB>, applicationId: string, institutionId: string) {
  return db
    .selectFrom('application_choices')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('institution_id', '=', institutionId)
    .forUpdate()
    .executeTakeFirst();
}

export function lockChoicesOfApplication(db: Transaction<DB>, applicationId: string) {
  return db.selectFrom('application_choices').selectAll().where('application_id', '=', applicationId).orderBy('rank').forUpdate().execute();
}

/** The institution's board: every choice made to it, with the child and application. */
export function findBoard(db: Db, institutionId: string) {
  return db
    .selectFrom('application_choices as c')
    .innerJoin('applications as a', 'a.id', 'c.application_id')
    .innerJoin('children as ch', 'ch.id', 'a.child_id')
    .leftJoin('institution_classes as k', 'k.id', 'c.class_id')
    .select([
      'c.id as choice_id',
      'c.rank',
      'c.status',
      'c.class_id',
      'k.filed_name as class_name',
      'c.offer_expires_at',
      'a.id as application_id',
      'a.start_date',
      'a.sibling_attends',
      'a.staff_child',
      'a.created_at',
      'ch.id as child_id',
      'ch.name as child_name',
      'ch.birth_date',
      'ch.residence_division_code',
    ])
    .where('c.institution_id', '=', institutionId)
    .orderBy('a.created_at')
    .execute();
}

/** Waitlisted choices of an institution, for positions. */
export function findWaitlisted(db: Db, institutionId: string) {
  return db
    .selectFrom('application_choices as c')
    .innerJoin('applications as a', 'a.id', 'c.application_id')
    .innerJoin('children as ch', 'ch.id', 'a.child_id')
    .select(['c.id', 'a.created_at', 'a.sibling_attends', 'a.staff_child', 'ch.residence_division_code'])
    .where('c.institution_id', '=', institutionId)
    .where('c.status', '=', 'waitlisted')
    .execute();
}

/**
 * Locks a filed class and reads what decides its places: capacity and type as filed, children
 * enrolled, caregivers assigned who have not left. The row lock makes concurrent placements
 * into one class wait for each other, so the count they see is final.
 */
export async function lockClassLoad(db: Transaction<DB>, classId: string) {
  const cls = await db
    .selectFrom('institution_classes')
    .select(['id', 'institution_id', 'filed_class_type', 'filed_capacity', 'filed_name', 'archived_at'])
    .where('id', '=', classId)
    .forUpdate()
    .executeTakeFirst();
  if (!cls || cls.filed_class_type === null || cls.filed_capacity === null || cls.archived_at !== null) return undefined;
  const [enrolled, caregivers] = await Promise.all([
    db
      .selectFrom('enrolments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('class_id', '=', classId)
      .where('end_date', 'is', null)
      .executeTakeFirstOrThrow(),
    countCaregivers(db, classId),
  ]);
  return { ...cls, classType: cls.filed_class_type, capacity: cls.filed_capacity, enrolled: Number(enrolled.n), caregivers };
}

export async function findClassLoad(db: Db, classId: string) {
  const cls = await db
    .selectFrom('institution_classes as k')
    .leftJoin('class_enrolment_counts as e', 'e.class_id', 'k.id')
    .select([
      'k.id',
      'k.institution_id',
      'k.filed_class_type',
      'k.filed_capacity',
      'k.filed_name',
      'k.archived_at',
      sql<number>`coalesce(e.enrolled, 0)`.as('enrolled'),
    ])
    .where('k.id', '=', classId)
    .executeTakeFirst();
  if (!cls || cls.filed_class_type === null || cls.filed_capacity === null || cls.archived_at !== null) return undefined;
  return {
    ...cls,
    classType: cls.filed_class_type,
    capacity: cls.filed_capacity,
    enrolled: Number(cls.enrolled),
    caregivers: await countCaregivers(db, classId),
  };
}

async function countCaregivers(db: Db, classId: string): Promise<number> {
  const row = await db
    .selectFrom('class_caregivers as cc')
    .innerJoin('institution_staff as s', 's.id', 'cc.staff_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('cc.class_id', '=', classId)
    .where('s.left_on', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findActiveEnrolmentOfChild(db: Db, childId: string) {
  return db
    .selectFrom('enrolments')
    .select(['id', 'institution_id'])
    .where('child_id', '=', childId)
    .where('end_date', 'is', null)
    .executeTakeFirst();
}

/** An enrolment with its class and the child's birth date, which the age rules need. */
function enrolmentsWithClass(db: Db) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('institution_classes as k', 'k.id', 'e.class_id')
    .innerJoin('children as ch', 'ch.id', 'e.child_id')
    .select([
      'e.id',
      'e.child_id',
      'e.institution_id',
      'e.class_id',
      'k.filed_name as class_name',
      'k.filed_class_type as class_type',
      'e.start_date',
      'e.end_date',
      'ch.birth_date',
    ]);
}

export function findEnrolment(db: Db, id: string) {
  return enrolmentsWithClass(db).where('e.id', '=', id).executeTakeFirst();
}

export function findEnrolmentsOfInstitution(db: Db, institutionId: string) {
  return enrolmentsWithClass(db)
    .select('ch.name as child_name')
    .where('e.institution_id', '=', institutionId)
    .where('e.end_date', 'is', null)
    .orderBy('k.filed_name')
    .orderBy('ch.name')
    .execute();
}
