import type { Transaction } from 'kysely';
import type { RoleGrant } from '../../../domain/access/roles.ts';
import type { Db } from '../../db/executor.ts';
import { inChunks } from '../../db/inChunks.ts';
import type { DB } from '../../db/schema.ts';

export type NewAccount = { phone: string; name: string; passwordHash: string; now?: Date };

/**
 * Creates a user account with its role grants, inside the caller's transaction. `users` and
 * `user_roles` belong to the platform: modules (and the demo seed) create accounts through this,
 * never by writing those tables. Returns the new user's id.
 */
export async function createAccount(trx: Transaction<DB>, account: NewAccount, grants: RoleGrant[]): Promise<string> {
  const user = await trx
    .insertInto('users')
    .values({
      phone: account.phone,
      name: account.name,
      password_hash: account.passwordHash,
      ...(account.now ? { created_at: account.now } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (grants.length > 0) {
    await trx
      .insertInto('user_roles')
      .values(
        grants.map((g) => ({
          user_id: user.id,
          role: g.role,
          division_code: g.divisionCode ?? null,
          institution_id: g.institutionId ?? null,
        })),
      )
      .execute();
  }
  return user.id;
}

/**
 * Grants one role in the caller's transaction; a role already held stays as it is. Roles are read
 * from `user_roles` on every request, so the grant counts from the holder's next request.
 */
export async function grantRole(trx: Transaction<DB>, userId: string, grant: RoleGrant): Promise<void> {
  await trx
    .insertInto('user_roles')
    .values({ user_id: userId, role: grant.role, division_code: grant.divisionCode ?? null, institution_id: grant.institutionId ?? null })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Ends one role in the caller's transaction; the holder's sessions lose it on their next request. */
export async function revokeRole(trx: Transaction<DB>, userId: string, grant: RoleGrant): Promise<void> {
  let query = trx.deleteFrom('user_roles').where('user_id', '=', userId).where('role', '=', grant.role);
  query = grant.divisionCode ? query.where('division_code', '=', grant.divisionCode) : query.where('division_code', 'is', null);
  query = grant.institutionId ? query.where('institution_id', '=', grant.institutionId) : query.where('institution_id', 'is', null);
  await query.execute();
}

export type AccountRow = { id: string; phone: string; name: string; password_hash: string };

/** Many accounts at once, each with the same grants (the demo's families). */
export async function createAccounts(trx: Transaction<DB>, accounts: AccountRow[], grants: RoleGrant[] = []): Promise<void> {
  await inChunks(accounts, 1_000, (chunk) => trx.insertInto('users').values(chunk).execute());
  const roles = accounts.flatMap((a) =>
    grants.map((g) => ({ user_id: a.id, role: g.role, division_code: g.divisionCode ?? null, institution_id: g.institutionId ?? null })),
  );
  await inChunks(roles, 1_000, (chunk) => trx.insertInto('user_roles').values(chunk).execute());
}

/** Whether anyone has an account yet (the demo fills only an empty database). */
export async function hasAnyAccount(db: Db): Promise<boolean> {
  return (await db.selectFrom('users').select('id').limit(1).execute()).length > 0;
}
