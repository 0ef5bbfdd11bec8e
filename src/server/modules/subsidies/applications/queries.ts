import type { Insertable, Transaction, Updateable } from 'kysely';
import type { Db } from '../../../db/executor.ts';
import type {
  DB,
  InstitutionSubsidyApplicationsTable,
  InstitutionSubsidyEventsTable,
  InstitutionSubsidyFilesTable,
} from '../../../db/schema.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { divisionCodeInScope } from '../../../platform/access/visibility.ts';

/** Applications the caller may see: their institution's, their district's, or (city) all. */
export function findApplications(db: Db, scope: Scope, f: { ids?: string[]; institutionId?: string; status?: string; kind?: string }) {
  if (f.ids?.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('institution_subsidy_applications as a')
    .innerJoin('institutions as i', 'i.id', 'a.institution_id')
    .selectAll('a')
    .select('i.name as institution_name');
  if (!scope.cityWide) {
    q = q.where((eb) =>
      eb.or([
        ...(scope.institutionIds.length ? [eb('a.institution_id', 'in', scope.institutionIds)] : []),
        divisionCodeInScope(scope, 'a.district_code'),
      ]),
    );
  }
  if (f.ids) q = q.where('a.id', 'in', f.ids);
  if (f.institutionId) q = q.where('a.institution_id', '=', f.institutionId);
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.kind) q = q.where('a.kind', '=', f.kind);
  return q.orderBy('a.submitted_at', 'desc').limit(1_000).execute();
}
export type ApplicationRow = Awaited<ReturnType<typeof findApplications>>[number];

export function findEvents(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('institution_subsidy_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .select(['e.application_id', 'e.action', 'e.from_status', 'e.to_status', 'u.name as actor_name', 'e.note', 'e.amount_fen', 'e.at'])
    .where('e.application_id', 'in', ids)
    .orderBy('e.id')
    .execute();
}

export function findFiles(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('institution_subsidy_files').selectAll().where('application_id', 'in', ids).orderBy('created_at').execute();
}

export function lockApplication(trx: Transaction<DB>, id: string) {
  return trx.selectFrom('institution_subsidy_applications').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** What applying needs of the institution: whether it is filed, and its district. */
export function findInstitution(db: Db, id: string) {
  return db.selectFrom('institutions').select(['id', 'status', 'division_code']).where('id', '=', id).executeTakeFirst();
}

export function findDesignations(db: Db, institutionId: string) {
  return db.selectFrom('institution_designations').selectAll().where('institution_id', '=', institutionId).execute();
}

export async function insertApplication(trx: Transaction<DB>, row: Insertable<InstitutionSubsidyApplicationsTable>) {
  await trx.insertInto('institution_subsidy_applications').values(row).execute();
}

export async function updateApplication(trx: Transaction<DB>, id: string, values: Updateable<InstitutionSubsidyApplicationsTable>) {
  await trx.updateTable('institution_subsidy_applications').set(values).where('id', '=', id).execute();
}

/** One step of the application's history. */
export async function insertEvent(trx: Transaction<DB>, row: Insertable<InstitutionSubsidyEventsTable>) {
  await trx.insertInto('institution_subsidy_events').values(row).execute();
}

export async function insertFile(trx: Transaction<DB>, row: Insertable<InstitutionSubsidyFilesTable>) {
  await trx.insertInto('institution_subsidy_files').values(row).execute();
}
