import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { createAccount } from './accounts.ts';

describe.each(DIALECTS)('createAccount on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
  });
  afterAll(() => database.close());

  it('creates the user with each role grant, or nothing when the transaction rolls back', async () => {
    const now = new Date('2026-03-02T02:00:00Z');
    const id = await database.db
      .transaction()
      .execute((trx) =>
        createAccount(trx, { phone: '13900009001', name: '测试官员', passwordHash: 'hash', now }, [
          { role: 'district_official', divisionCode: '320706' },
          { role: 'admin' },
        ]),
      );
    const user = await database.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ phone: '13900009001', name: '测试官员', password_hash: 'hash' });
    expect(new Date(user.created_at).toISOString()).toBe(now.toISOString());
    const grants = await database.db
      .selectFrom('user_roles')
      .select(['role', 'division_code', 'institution_id'])
      .where('user_id', '=', id)
      .orderBy('role')
      .execute();
    expect(grants).toEqual([
      { role: 'admin', division_code: null, institution_id: null },
      { role: 'district_official', division_code: '320706', institution_id: null },
    ]);

    await expect(
      database.db.transaction().execute(async (trx) => {
        await createAccount(trx, { phone: '13900009002', name: '回滚', passwordHash: 'hash' }, [{ role: 'parent' }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await database.db.selectFrom('users').select('id').where('phone', '=', '13900009002').executeTakeFirst()).toBeUndefined();
  });
});
