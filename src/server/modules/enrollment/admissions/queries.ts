import { type Insertable, sql, type Transaction } from 'kysely';
import type { PlacePeriod } from '../../../../domain/enrollment/placesHeld.ts';
import type { Db } from '../../../db/executor.ts';
import type { ApplicationsTable, DB, EnrolmentsTable } from '../../../db/schema.ts';
import { RULE_DEFAULTS } from '../common/queries.ts';

/**
 * Institutions taking applications: those whose filed version is in operation, as the public
 * finds them. A change filing under review leaves that version serving, so families may still apply.
 */
export function findFiledInstitutions(db: Db, ids: string[]) {
  return db
    .selectFrom('filed_institutions')
    .select('institution_id as id')
    .where('institution_id', 'in', ids)
    .where('active', '=', true)
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
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom('enrolments as e')
              .select('e.id')
              .whereRef('e.child_id', '=', 'a.child_id')
              .where('e.institution_id', '=', institutionId)
              .where('e.end_date', 'is', null),
          )
          .as('placed_here'),
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
    .select(['c.id', 'c.application_id', 'a.created_at', 'a.sibling_attends', 'a.staff_child', 'ch.residence_division_code'])
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

/**
 * A filed class with what decides the places it may still offer: children enrolled, offers
 * standing on `now` (an offer past its expiry holds no place, whether or not the sweep has
 * written it yet) and caregivers who have not left.
 */
export async function findClassLoad(db: Db, classId: string, now: Date) {
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
    // Concurrent offers into one class wait for each other, so the offers they count are final.
    .forUpdate('k')
    .executeTakeFirst();
  if (!cls || cls.filed_class_type === null || cls.filed_capacity === null || cls.archived_at !== null) return undefined;
  const [caregivers, offers] = await Promise.all([
    countCaregivers(db, classId),
    db
      .selectFrom('application_choices')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('class_id', '=', classId)
      .where('status', '=', 'offered')
      .where('offer_expires_at', '>', now)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    ...cls,
    classType: cls.filed_class_type,
    capacity: cls.filed_capacity,
    enrolled: Number(cls.enrolled),
    openOffers: Number(offers.n),
    caregivers,
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

export function findActiveEnrollmentOfChild(db: Db, childId: string) {
  return db
    .selectFrom('enrolments')
    .select(['id', 'institution_id'])
    .where('child_id', '=', childId)
    .where('end_date', 'is', null)
    .executeTakeFirst();
}

/** An enrollment with its class and the child's birth date, which the age rules need. */
function enrollmentsWithClass(db: Db) {
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

export function findEnrollment(db: Db, id: string) {
  return enrollmentsWithClass(db).where('e.id', '=', id).executeTakeFirst();
}

export type EnrollmentRow = NonNullable<Awaited<ReturnType<typeof findEnrollment>>>;

export function findEnrollmentsOfInstitution(db: Db, institutionId: string) {
  return enrollmentsWithClass(db)
    .select('ch.name as child_name')
    .where('e.institution_id', '=', institutionId)
    .where('e.end_date', 'is', null)
    .orderBy('k.filed_name')
    .orderBy('ch.name')
    .execute();
}

/** Children holding a place at the institution now, with their class as in force. */
export function findPlacesHeld(db: Db, institutionId: string) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('children as c', 'c.id', 'e.child_id')
    .innerJoin('institution_classes as k', 'k.id', 'e.class_id')
    .select((eb) => [
      'e.id as enrollment_id',
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

/** The institution's division and the waitlist priorities it states, highest first (undefined: no such institution). */
export async function findWaitlistRule(db: Db, institutionId: string) {
  const row = await db
    .selectFrom('institutions as i')
    .leftJoin('institution_enrollment_rules as r', 'r.institution_id', 'i.id')
    .select(['i.division_code', 'r.waitlist_priorities'])
    .where('i.id', '=', institutionId)
    .executeTakeFirst();
  return row && { divisionCode: row.division_code, stated: row.waitlist_priorities ?? RULE_DEFAULTS.waitlist_priorities };
}

export async function saveWaitlistPriorities(db: Db, institutionId: string, priorities: string[], now: Date): Promise<void> {
  await db
    .insertInto('institution_enrollment_rules')
    .values({ institution_id: institutionId, waitlist_priorities: priorities, updated_at: now })
    .onConflict((oc) => oc.column('institution_id').doUpdateSet({ waitlist_priorities: priorities, updated_at: now }))
    .execute();
}

/** A new application with its choices, ranked in the order given. */
export async function insertApplication(trx: Transaction<DB>, values: Insertable<ApplicationsTable>, institutionIds: string[]) {
  const application = await trx.insertInto('applications').values(values).returning('id').executeTakeFirstOrThrow();
  await trx
    .insertInto('application_choices')
    .values(institutionIds.map((institutionId, i) => ({ application_id: application.id, institution_id: institutionId, rank: i + 1 })))
    .execute();
  return application.id;
}

export async function setChoiceStatus(
  db: Db,
  choiceIds: string[],
  change: { status: string; decidedAt: Date; offer?: { classId: string; expiresAt: Date } },
): Promise<void> {
  await db
    .updateTable('application_choices')
    .set({
      status: change.status,
      decided_at: change.decidedAt,
      ...(change.offer ? { class_id: change.offer.classId, offer_expires_at: change.offer.expiresAt } : {}),
    })
    .where('id', 'in', choiceIds)
    .execute();
}

/** The application's other choices still open are withdrawn once one is accepted. */
export async function withdrawOtherChoices(trx: Transaction<DB>, applicationId: string, acceptedChoiceId: string, now: Date) {
  await trx
    .updateTable('application_choices')
    .set({ status: 'withdrawn', decided_at: now })
    .where('application_id', '=', applicationId)
    .where('id', '!=', acceptedChoiceId)
    .where('status', 'in', ['new', 'waitlisted', 'offered'])
    .execute();
}

/** Writes `expired` on an offer still standing; true when it did. */
export async function expireChoice(trx: Transaction<DB>, choiceId: string, now: Date): Promise<boolean> {
  const updated = await trx
    .updateTable('application_choices')
    .set({ status: 'expired', decided_at: now })
    .where('id', '=', choiceId)
    .where('status', '=', 'offered')
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) > 0;
}

export function findExpiredOffers(db: Db, now: Date) {
  return db.selectFrom('application_choices').select('id').where('status', '=', 'offered').where('offer_expires_at', '<=', now).execute();
}

export async function insertEnrollment(trx: Transaction<DB>, values: Insertable<EnrolmentsTable>): Promise<string> {
  const row = await trx.insertInto('enrolments').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function moveEnrollment(trx: Transaction<DB>, id: string, classId: string): Promise<void> {
  await trx.updateTable('enrolments').set({ class_id: classId }).where('id', '=', id).execute();
}

export async function endEnrollment(trx: Transaction<DB>, id: string, end: { endDate: string; reason: string }): Promise<void> {
  await trx
    .updateTable('enrolments')
    .set({ end_date: end.endDate, end_reason: end.reason })
    .where('id', '=', id)
    .where('end_date', 'is', null)
    .execute();
}

/** The institution, among the caller's, where the child holds a place now. */
export function findPlaceInstitution(db: Db, childId: string, institutionIds: string[]) {
  if (institutionIds.length === 0) return Promise.resolve(undefined);
  return db
    .selectFrom('enrolments')
    .select('institution_id')
    .where('child_id', '=', childId)
    .where('institution_id', 'in', institutionIds)
    .where('end_date', 'is', null)
    .executeTakeFirst()
    .then((row) => row?.institution_id);
}

/** Children holding a place on `date` (started, end date not before it) at each of these institutions: indicators count them. */
export async function countEnrolledOn(db: Db, date: string, institutionIds: readonly string[]): Promise<Map<string, number>> {
  if (institutionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('enrolments')
    .select(['institution_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('institution_id', '=', sql<string>`any(${institutionIds}::uuid[])`)
    .where('start_date', '<=', date)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', date)]))
    .groupBy('institution_id')
    .execute();
  return new Map(rows.map((r) => [r.institution_id, Number(r.n)]));
}

/**
 * The places held at these institutions at some time from `from` to `to`, as periods (children
 * with the same start and end counted together), so a monthly series counts every month end in
 * memory (src/domain/enrollment/placesHeld.ts) from one read.
 */
export async function findPlacePeriods(db: Db, from: string, to: string, institutionIds: readonly string[]): Promise<PlacePeriod[]> {
  if (institutionIds.length === 0) return [];
  const rows = await db
    .selectFrom('enrolments')
    .select(['institution_id', 'start_date', 'end_date', (eb) => eb.fn.countAll<number>().as('n')])
    .where('institution_id', '=', sql<string>`any(${institutionIds}::uuid[])`)
    .where('start_date', '<=', to)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', from)]))
    .groupBy(['institution_id', 'start_date', 'end_date'])
    .execute();
  return rows.map((r) => ({ institutionId: r.institution_id, startDate: r.start_date, endDate: r.end_date, children: Number(r.n) }));
}

export async function findInstitutionName(db: Db, id: string): Promise<string> {
  const row = await db.selectFrom('institutions').select('name').where('id', '=', id).executeTakeFirstOrThrow();
  return row.name;
}

/**
 * Standing offers that lapse within `hours`, with the child and the institution, for the
 * reminder. An offer made with less time than that left was told its expiry when it was made.
 */
export function findOffersLapsingWithin(db: Db, now: Date, hours: number) {
  return db
    .selectFrom('application_choices as c')
    .innerJoin('applications as a', 'a.id', 'c.application_id')
    .innerJoin('children as ch', 'ch.id', 'a.child_id')
    .select(['c.id', 'c.institution_id', 'c.offer_expires_at', 'a.child_id', 'ch.name as child_name'])
    .where('c.status', '=', 'offered')
    .where('c.offer_expires_at', '>', now)
    .where('c.offer_expires_at', '<=', new Date(now.getTime() + hours * 3_600_000))
    .where(sql<boolean>`c.decided_at <= c.offer_expires_at - make_interval(hours => ${hours})`)
    .execute();
}
