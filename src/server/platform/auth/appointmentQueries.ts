import { type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Role } from '../../../domain/access/roles.ts';
import { divisionPrefix } from '../../../domain/geography/divisionCode.ts';
import type { Db } from '../../db/executor.ts';
import type { DB } from '../../db/schema.ts';

/** Who searches the accounts page: the admin all accounts, a city official within their cities. */
export type AccountViewer = { everyone: true } | { everyone: false; cityCodes: string[] };

const likeLiteral = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The SQL of mayManageAccount (src/domain/access/appointments.ts) for a city official, with
 * the search's narrowing: their district officials, or any manageable account by its exact number.
 */
function cityMayManage(eb: ExpressionBuilder<DB & { u: DB['users'] }, 'u'>, cityCodes: string[], exactPhone: string | null) {
  if (cityCodes.length === 0) return sql<SqlBool>`false`;
  const inCity = sql<SqlBool>`(${sql.join(
    cityCodes.map((c) => sql`r.division_code like ${`${divisionPrefix(c)}%`}`),
    sql` or `,
  )})`;
  const roles = () => eb.selectFrom('user_roles as r').select('r.id').whereRef('r.user_id', '=', 'u.id');
  return eb.and([
    eb.not(
      eb.exists(
        roles().where((r) =>
          r.or([r('r.role', 'in', ['admin', 'city_official']), r.and([r('r.role', '=', 'district_official'), r.not(inCity)])]),
        ),
      ),
    ),
    eb.or([eb.exists(roles().where('r.role', '=', 'district_official')), ...(exactPhone ? [eb('u.phone', '=', exactPhone)] : [])]),
  ]);
}

/** Accounts matching part of a phone number or name, by name; at most `limit`. */
export function searchAccounts(db: Db, viewer: AccountViewer, q: string | undefined, limit: number) {
  let query = db.selectFrom('users as u').select(['u.id', 'u.phone', 'u.name', 'u.disabled_at', 'u.last_sign_in_at', 'u.created_at']);
  if (q) {
    const pattern = `%${likeLiteral(q)}%`;
    query = query.where((eb) => eb.or([eb('u.phone', 'like', pattern), eb('u.name', 'like', pattern)]));
  }
  if (!viewer.everyone) {
    const exactPhone = q && /^1[3-9][0-9]{9}$/.test(q) ? q : null;
    query = query.where((eb) => cityMayManage(eb, viewer.cityCodes, exactPhone));
  }
  return query.orderBy('u.name').orderBy('u.id').limit(limit).execute();
}

export function findAccount(db: Db, id: string) {
  return db
    .selectFrom('users as u')
    .select(['u.id', 'u.phone', 'u.name', 'u.disabled_at', 'u.last_sign_in_at', 'u.created_at'])
    .where('u.id', '=', id)
    .executeTakeFirst();
}

export type AccountRow = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

/** The roles of many accounts, each with its id and the names of its division or institution. */
export async function findRolesOf(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('user_roles as r')
    .leftJoin('institutions as i', 'i.id', 'r.institution_id')
    .leftJoin('divisions as d', (join) => join.onRef('d.code', '=', 'r.division_code').on('d.valid_to', 'is', null))
    .select(['r.id', 'r.user_id', 'r.role', 'r.division_code', 'r.institution_id', 'i.name as institution_name', 'd.name as division_name'])
    .where('r.user_id', 'in', userIds)
    .orderBy('r.role')
    .orderBy('r.division_code')
    .execute();
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

/** The level of a division in force (city, district, township), if there is one. */
export async function findDivisionLevel(db: Db, code: string): Promise<string | undefined> {
  const row = await db.selectFrom('divisions').select('level').where('code', '=', code).where('valid_to', 'is', null).executeTakeFirst();
  return row?.level;
}

export async function deleteRole(db: Db, userId: string, roleId: string) {
  await db.deleteFrom('user_roles').where('id', '=', roleId).where('user_id', '=', userId).execute();
}

/** Disables (ends every session at once) or enables an account. */
export async function setDisabled(db: Db, userId: string, disabledAt: Date | null) {
  await db.updateTable('users').set({ disabled_at: disabledAt }).where('id', '=', userId).execute();
  if (disabledAt) await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}
