import { type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool, sql, type Transaction } from 'kysely';
import { divisionPrefix } from '../../../../domain/geography/divisionCode.ts';
import type { Db } from '../../../db/executor.ts';
import type { DB } from '../../../db/schema.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { divisionCodeInScope } from '../../../platform/access/visibility.ts';

export type Party = 'institution' | 'district' | 'city';

/** Where each class is: its institution and the institution's township. */
export function findClassPlaces(db: Db, classIds: string[]) {
  if (classIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('institution_classes as c')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id')
    .select(['c.id as class_id', 'i.id as institution_id', 'i.name as institution_name', 'i.division_code'])
    .where('c.id', 'in', classIds)
    .execute();
}

/**
 * Inserts the alert, or moves its case count when the checks changed. Returns nothing when the
 * alert exists with the same count; `inserted` tells a new alert from a grown one (xmax is 0 only
 * on a row this statement inserted).
 */
export function upsertAlert(
  trx: Transaction<DB>,
  v: {
    institution_id: string;
    class_id: string;
    division_code: string;
    alert_on: string;
    kind: string;
    cases: number;
    threshold: number;
    fever_from_c: string;
    now: Date;
  },
) {
  const { now, ...values } = v;
  return trx
    .insertInto('illness_alerts')
    .values({ ...values, raised_at: now, updated_at: now })
    .onConflict((oc) =>
      oc
        .columns(['class_id', 'alert_on', 'kind'])
        .doUpdateSet((eb) => ({
          cases: eb.ref('excluded.cases'),
          threshold: eb.ref('excluded.threshold'),
          fever_from_c: eb.ref('excluded.fever_from_c'),
          updated_at: eb.ref('excluded.updated_at'),
        }))
        .where((eb) => eb('illness_alerts.cases', '<>', eb.ref('excluded.cases'))),
    )
    .returning(['id', 'cases', sql<boolean>`(xmax = 0)`.as('inserted')])
    .executeTakeFirst();
}

/**
 * Alerts the caller may see: their own institution's (director), their district's by the
 * township code stored on the alert (district health bureau, platform's divisionCodeInScope),
 * all (city health commission). Outside it: not found.
 */
export function alertInScope(scope: Scope) {
  return (eb: ExpressionBuilder<DB, 'illness_alerts'>): Expression<SqlBool> => {
    if (scope.cityWide) return sql<SqlBool>`true`;
    const own = scope.institutionIds.length > 0 ? [eb('illness_alerts.institution_id', 'in', scope.institutionIds)] : [];
    return eb.or([...own, divisionCodeInScope(scope, 'illness_alerts.division_code')]);
  };
}

/**
 * Which party the caller acknowledges an alert as: director of its institution first, then the
 * bureau of its district, then the city. `actingParty` in service.ts is the same rule in code.
 */
export function actingPartySql(scope: Scope): RawBuilder<Party | null> {
  const whens: RawBuilder<unknown>[] = [];
  if (scope.institutionIds.length > 0) {
    whens.push(sql`when illness_alerts.institution_id in (${sql.join(scope.institutionIds)}) then 'institution'`);
  }
  for (const code of scope.divisionCodes)
    whens.push(sql`when illness_alerts.division_code like ${`${divisionPrefix(code)}%`} then 'district'`);
  if (scope.cityWide) whens.push(sql`when true then 'city'`);
  return whens.length > 0 ? sql<Party>`(case ${sql.join(whens, sql` `)} end)` : sql<null>`null`;
}

/** The caller's party has not acknowledged the alert at its present number of cases. */
function unacknowledged(scope: Scope) {
  return sql<SqlBool>`not exists (
    select 1 from illness_alert_acknowledgements k
    where k.alert_id = illness_alerts.id and k.party = ${actingPartySql(scope)} and k.cases_seen >= illness_alerts.cases
  )`;
}

type ListFilter = { from?: string; to?: string; openOnly: boolean; id?: string; limit: number };

export function findAlerts(db: Db, scope: Scope, f: ListFilter) {
  let query = db
    .selectFrom('illness_alerts')
    .innerJoin('institutions as i', 'i.id', 'illness_alerts.institution_id')
    .innerJoin('institution_classes as c', 'c.id', 'illness_alerts.class_id')
    .leftJoin('divisions as d', (j) => j.onRef('d.code', '=', 'illness_alerts.division_code').on('d.valid_to', 'is', null))
    .select((eb) => [
      'illness_alerts.id',
      'illness_alerts.institution_id',
      'illness_alerts.class_id',
      'illness_alerts.division_code',
      'illness_alerts.alert_on',
      'illness_alerts.kind',
      'illness_alerts.cases',
      'illness_alerts.threshold',
      'illness_alerts.fever_from_c',
      'illness_alerts.raised_at',
      'illness_alerts.updated_at',
      'i.name as institution_name',
      eb.fn.coalesce('c.filed_name', 'c.name').as('class_name'),
      'd.name as township_name',
      actingPartySql(scope).as('party'),
    ])
    .where(alertInScope(scope));
  if (f.id) query = query.where('illness_alerts.id', '=', f.id);
  if (f.from) query = query.where('illness_alerts.alert_on', '>=', f.from);
  if (f.to) query = query.where('illness_alerts.alert_on', '<=', f.to);
  if (f.openOnly) query = query.where(unacknowledged(scope));
  return query.orderBy('illness_alerts.alert_on', 'desc').orderBy('illness_alerts.raised_at', 'desc').limit(f.limit).execute();
}
export type AlertRow = Awaited<ReturnType<typeof findAlerts>>[number];

/** How many alerts in scope wait for the caller's acknowledgement, whatever their date. */
export async function countUnacknowledged(db: Db, scope: Scope): Promise<number> {
  const row = await db
    .selectFrom('illness_alerts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where(alertInScope(scope))
    .where(unacknowledged(scope))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export function findAcknowledgements(db: Db, alertIds: string[]) {
  if (alertIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('illness_alert_acknowledgements as k')
    .innerJoin('users as u', 'u.id', 'k.acknowledged_by')
    .select(['k.alert_id', 'k.party', 'k.acknowledged_at', 'k.cases_seen', 'u.name as by_name'])
    .where('k.alert_id', 'in', alertIds)
    .execute();
}
export type AcknowledgementRow = Awaited<ReturnType<typeof findAcknowledgements>>[number];

/** An alert's row for the acknowledgement, locked so the case count cannot move under it. */
export function lockAlert(trx: Transaction<DB>, id: string) {
  return trx.selectFrom('illness_alerts').select(['id', 'cases']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}

export function upsertAcknowledgement(
  trx: Transaction<DB>,
  v: { alert_id: string; party: Party; acknowledged_by: string; acknowledged_at: Date; cases_seen: number },
) {
  return trx
    .insertInto('illness_alert_acknowledgements')
    .values(v)
    .onConflict((oc) =>
      oc.columns(['alert_id', 'party']).doUpdateSet({
        acknowledged_by: v.acknowledged_by,
        acknowledged_at: v.acknowledged_at,
        cases_seen: v.cases_seen,
      }),
    )
    .execute();
}
