import type { Transaction } from 'kysely';
import type { RoleGrant } from '../../../domain/access/roles.ts';
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
