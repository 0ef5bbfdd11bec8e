import type { Insertable, Updateable } from 'kysely';
import { sql } from 'kysely';
import type { EnrolmentStatus } from '../../../../domain/guidance/index.ts';
import type { Db } from '../../../db/executor.ts';
import type { DB } from '../../../db/schema.ts';

export function insertTraining(db: Db, row: Insertable<DB['trainings']>) {
  return db.insertInto('trainings').values(row).returning('id').executeTakeFirstOrThrow();
}

/** Trainings with their number of sessions and next session, newest first. */
export function findTrainings(db: Db, now: Date, filter: { id?: string; openOr?: string[] } = {}) {
  let query = db
    .selectFrom('trainings as t')
    .leftJoin('training_textbooks as b', 'b.training_id', 't.id')
    .selectAll('t')
    .select(['b.filename as textbook_filename', 'b.size_bytes as textbook_size_bytes', 'b.uploaded_at as textbook_uploaded_at'])
    .select((eb) => [
      eb
        .selectFrom('training_sessions as s')
        .whereRef('s.training_id', '=', 't.id')
        .select(eb.fn.countAll<string>().as('n'))
        .as('session_count'),
      eb
        .selectFrom('training_sessions as s')
        .whereRef('s.training_id', '=', 't.id')
        .where('s.starts_at', '>', now)
        .select((e) => e.fn.min('s.starts_at').as('next'))
        .as('next_session_at'),
    ])
    .orderBy('t.created_at', 'desc')
    .limit(500);
  if (filter.id) query = query.where('t.id', '=', filter.id);
  const institutions = filter.openOr;
  if (institutions)
    query = query.where((eb) =>
      eb.or([
        eb('t.status', '=', 'open'),
        ...(institutions.length > 0
          ? [
              eb.exists(
                eb
                  .selectFrom('training_enrolments as e')
                  .whereRef('e.training_id', '=', 't.id')
                  .where('e.institution_id', 'in', institutions)
                  .select('e.id'),
              ),
            ]
          : []),
      ]),
    );
  return query.execute();
}
export type TrainingRow = Awaited<ReturnType<typeof findTrainings>>[number];

export function findSessions(db: Db, trainingId: string) {
  return db
    .selectFrom('training_sessions as s')
    .selectAll('s')
    .select((eb) =>
      eb.exists(eb.selectFrom('training_attendance as a').whereRef('a.session_id', '=', 's.id').select('a.session_id')).as('recorded'),
    )
    .where('s.training_id', '=', trainingId)
    .orderBy('s.starts_at')
    .execute();
}

export function findSession(db: Db, trainingId: string, sessionId: string) {
  return db
    .selectFrom('training_sessions')
    .selectAll()
    .where('id', '=', sessionId)
    .where('training_id', '=', trainingId)
    .executeTakeFirst();
}

/** The session locked with its training's title: a move and attendance are not decided on different times. */
export function lockSession(db: Db, trainingId: string, sessionId: string) {
  return db
    .selectFrom('training_sessions as s')
    .innerJoin('trainings as t', 't.id', 's.training_id')
    .select(['s.id', 's.starts_at', 's.ends_at', 's.hours', 't.title'])
    .where('s.id', '=', sessionId)
    .where('s.training_id', '=', trainingId)
    .forUpdate('s')
    .executeTakeFirst();
}

export function moveSession(db: Db, sessionId: string, startsAt: Date, endsAt: Date) {
  return db.updateTable('training_sessions').set({ starts_at: startsAt, ends_at: endsAt }).where('id', '=', sessionId).execute();
}

export function insertSession(db: Db, row: Insertable<DB['training_sessions']>) {
  return db.insertInto('training_sessions').values(row).returning('id').executeTakeFirstOrThrow();
}

export function findEnrolments(db: Db, trainingId: string, institutionIds?: string[]) {
  let query = db.selectFrom('training_enrolments').selectAll().where('training_id', '=', trainingId).orderBy('enrolled_at');
  if (institutionIds) {
    if (institutionIds.length === 0) return Promise.resolve([]);
    query = query.where('institution_id', 'in', institutionIds);
  }
  return query.execute();
}

/** The institutions with staff still enrolled: whose directors hear of a change to the training. */
export async function findEnrolledInstitutions(db: Db, trainingId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('training_enrolments')
    .select('institution_id')
    .distinct()
    .where('training_id', '=', trainingId)
    .where('status', '=', 'enrolled')
    .execute();
  return rows.map((r) => r.institution_id);
}

export function findEnrolment(db: Db, trainingId: string, enrolmentId: string) {
  return db
    .selectFrom('training_enrolments')
    .selectAll()
    .where('id', '=', enrolmentId)
    .where('training_id', '=', trainingId)
    .executeTakeFirst();
}

/** The enrolment locked: completing it twice at once issues one certificate. */
export function lockEnrolment(db: Db, trainingId: string, enrolmentId: string) {
  return db
    .selectFrom('training_enrolments')
    .selectAll()
    .where('id', '=', enrolmentId)
    .where('training_id', '=', trainingId)
    .forUpdate()
    .executeTakeFirst();
}

/** A new enrolment, or a withdrawn one taken up again; nothing when the person is enrolled or completed already. */
export function insertEnrolment(db: Db, row: Insertable<DB['training_enrolments']>) {
  return db
    .insertInto('training_enrolments')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['training_id', 'staff_id'])
        .doUpdateSet({ status: 'enrolled', enrolled_by: row.enrolled_by, enrolled_at: row.enrolled_at, institution_id: row.institution_id })
        .where('training_enrolments.status', '=', 'withdrawn'),
    )
    .returning('id')
    .executeTakeFirst();
}

export function setEnrolmentStatus(db: Db, id: string, status: EnrolmentStatus, by: string, now: Date) {
  return db
    .updateTable('training_enrolments')
    .set({ status, completed_at: status === 'completed' ? now : null, completed_by: status === 'completed' ? by : null })
    .where('id', '=', id)
    .execute();
}

/** Every attendance row of the training's sessions, with the session's hours. */
export async function findAttendance(db: Db, trainingId: string) {
  const rows = await db
    .selectFrom('training_attendance as a')
    .innerJoin('training_sessions as s', 's.id', 'a.session_id')
    .select(['a.session_id', 'a.enrolment_id', 'a.attended', 's.hours'])
    .where('s.training_id', '=', trainingId)
    .execute();
  return rows.map((r) => ({ sessionId: r.session_id, enrolmentId: r.enrolment_id, attended: r.attended, hours: Number(r.hours) }));
}

export async function recordAttendance(
  db: Db,
  sessionId: string,
  marks: { enrolmentId: string; attended: boolean }[],
  by: string,
  now: Date,
): Promise<void> {
  if (marks.length === 0) return;
  await db
    .insertInto('training_attendance')
    .values(
      marks.map((m) => ({ session_id: sessionId, enrolment_id: m.enrolmentId, attended: m.attended, recorded_by: by, recorded_at: now })),
    )
    .onConflict((oc) =>
      oc.columns(['session_id', 'enrolment_id']).doUpdateSet((eb) => ({
        attended: eb.ref('excluded.attended'),
        recorded_by: eb.ref('excluded.recorded_by'),
        recorded_at: eb.ref('excluded.recorded_at'),
      })),
    )
    .execute();
}

export async function nextCertificateSerial(db: Db): Promise<number> {
  const row = await sql<{ n: string }>`select nextval('training_certificate_serial') as n`.execute(db);
  return Number(row.rows[0]?.n);
}

export function insertCertificate(db: Db, row: Insertable<DB['training_certificates']>) {
  return db.insertInto('training_certificates').values(row).returning('id').executeTakeFirstOrThrow();
}

export function findCertificates(
  db: Db,
  filter: { id?: string; code?: string; enrolmentIds?: string[]; staffIds?: string[]; issuedFrom?: Date; issuedTo?: Date },
) {
  let query = db.selectFrom('training_certificates').selectAll().orderBy('issued_at');
  if (filter.id) query = query.where('id', '=', filter.id);
  if (filter.code) query = query.where('code', '=', filter.code);
  if (filter.enrolmentIds) {
    if (filter.enrolmentIds.length === 0) return Promise.resolve([]);
    query = query.where('enrolment_id', 'in', filter.enrolmentIds);
  }
  if (filter.staffIds) {
    if (filter.staffIds.length === 0) return Promise.resolve([]);
    query = query.where('staff_id', 'in', filter.staffIds);
  }
  if (filter.issuedFrom) query = query.where('issued_at', '>=', filter.issuedFrom);
  if (filter.issuedTo) query = query.where('issued_at', '<', filter.issuedTo);
  return query.execute();
}
export type CertificateRow = Awaited<ReturnType<typeof findCertificates>>[number];

export function revokeCertificate(db: Db, id: string, reason: string, by: string, now: Date) {
  return db
    .updateTable('training_certificates')
    .set({ revoked_at: now, revoke_reason: reason, revoked_by: by })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

/** Hours of valid certificates per member of staff, issued in [from, to). */
export async function findHoursByStaff(db: Db, staffIds: string[], from: Date, to: Date): Promise<Map<string, number>> {
  if (staffIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('training_certificates')
    .select((eb) => ['staff_id', eb.fn.sum<string>('hours').as('hours')])
    .where('staff_id', 'in', staffIds)
    .where('revoked_at', 'is', null)
    .where('issued_at', '>=', from)
    .where('issued_at', '<', to)
    .groupBy('staff_id')
    .execute();
  return new Map(rows.map((r) => [r.staff_id, Number(r.hours)]));
}

/** The training locked, so an edit and a completion's certificate are not decided on different hours. */
export function lockTraining(db: Db, id: string) {
  return db.selectFrom('trainings').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function updateTraining(db: Db, id: string, changes: Updateable<DB['trainings']>) {
  return db.updateTable('trainings').set(changes).where('id', '=', id).execute();
}

/** Certificates ever issued for the training, revoked ones included: their hours were printed. */
export async function countCertificates(db: Db, trainingId: string): Promise<number> {
  const row = await db
    .selectFrom('training_certificates')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('training_id', '=', trainingId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The training closed, with its title as it stands; nothing when it was closed already. */
export function closeTraining(db: Db, id: string) {
  return db
    .updateTable('trainings')
    .set({ status: 'closed' })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returning('title')
    .executeTakeFirst();
}

export function findTextbook(db: Db, trainingId: string) {
  return db.selectFrom('training_textbooks').selectAll().where('training_id', '=', trainingId).executeTakeFirst();
}

/** Whether any training's textbook still names the stored file (several may share one). */
export async function isTextbookFileNamed(db: Db, storageKey: string) {
  return (
    (await db.selectFrom('training_textbooks').select('training_id').where('storage_key', '=', storageKey).executeTakeFirst()) !== undefined
  );
}

/** The training's textbook, replacing the one before. */
export function putTextbook(db: Db, row: Insertable<DB['training_textbooks']>) {
  const { training_id: _, ...changes } = row;
  return db
    .insertInto('training_textbooks')
    .values(row)
    .onConflict((oc) => oc.column('training_id').doUpdateSet(changes))
    .execute();
}
