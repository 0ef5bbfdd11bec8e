import type { Insertable, Transaction, Updateable } from 'kysely';
import type { Db } from '../../../db/executor.ts';
import type { DB, IncidentsTable } from '../../../db/schema.ts';

function selectIncidents(db: Db) {
  return db
    .selectFrom('incidents as i')
    .innerJoin('institutions as inst', 'inst.id', 'i.institution_id')
    .innerJoin('users as u', 'u.id', 'i.reported_by')
    .select([
      'i.id',
      'i.institution_id',
      'inst.name as institution_name',
      'i.occurred_at',
      'i.kind',
      'i.description',
      'i.action_taken',
      'i.parents_informed_at',
      'i.reported_at',
      'u.name as reported_by_name',
    ]);
}
export type IncidentRow = Awaited<ReturnType<ReturnType<typeof selectIncidents>['execute']>>[number];

export function findIncidentsOfInstitution(db: Db, institutionId: string, from: Date, to: Date) {
  return selectIncidents(db)
    .where('i.institution_id', '=', institutionId)
    .where('i.occurred_at', '>=', from)
    .where('i.occurred_at', '<', to)
    .orderBy('i.occurred_at', 'desc')
    .execute();
}

export function findIncidentsOfChild(db: Db, childId: string, institutionIds: string[] | null) {
  if (institutionIds?.length === 0) return Promise.resolve([]);
  let query = selectIncidents(db).where((eb) =>
    eb.exists(
      eb
        .selectFrom('incident_children as ic')
        .select('ic.child_id')
        .whereRef('ic.incident_id', '=', 'i.id')
        .where('ic.child_id', '=', childId),
    ),
  );
  if (institutionIds) query = query.where('i.institution_id', 'in', institutionIds);
  return query.orderBy('i.occurred_at', 'desc').execute();
}

export function findIncident(db: Db, id: string) {
  return selectIncidents(db).where('i.id', '=', id).executeTakeFirst();
}

export function findIncidentChildren(db: Db, incidentIds: string[]) {
  if (incidentIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('incident_children as ic')
    .innerJoin('children as c', 'c.id', 'ic.child_id')
    .select(['ic.incident_id', 'c.id', 'c.name'])
    .where('ic.incident_id', 'in', incidentIds)
    .orderBy('c.name')
    .execute();
}

/** A new incident with the children it involved. */
export async function insertIncident(trx: Transaction<DB>, values: Insertable<IncidentsTable>, childIds: string[]): Promise<string> {
  const incident = await trx.insertInto('incidents').values(values).returning('id').executeTakeFirstOrThrow();
  await trx
    .insertInto('incident_children')
    .values(childIds.map((childId) => ({ incident_id: incident.id, child_id: childId })))
    .execute();
  return incident.id;
}

export async function updateIncident(db: Db, id: string, values: Updateable<IncidentsTable>): Promise<void> {
  await db.updateTable('incidents').set(values).where('id', '=', id).execute();
}

/** Incidents per institution since a moment, for weighting inspection draws by risk. */
export async function countIncidentsSince(db: Db, institutionIds: readonly string[], since: Date): Promise<Map<string, number>> {
  if (institutionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('incidents')
    .select(['institution_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('institution_id', 'in', [...institutionIds])
    .where('occurred_at', '>=', since)
    .groupBy('institution_id')
    .execute();
  return new Map(rows.map((r) => [r.institution_id, Number(r.n)]));
}
