import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { TEST_AUDIT_SIGNING_KEY } from '../../../../test/harness/cipher.ts';
import { DIALECTS } from '../../../../test/harness/db.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../test/harness/roles.ts';
import { appendAudit, SYSTEM_CONTEXT } from './auditLog.ts';
import { checkpointKeyFromSeed } from './checkpointKey.ts';
import { sealAuditLog } from './sealer.ts';
import { verifyAuditLog } from './verify.ts';

const key = checkpointKeyFromSeed(Buffer.from(TEST_AUDIT_SIGNING_KEY, 'base64'));
const publicKeys = { [key.keyId]: key.publicKeyPem };

describe.each(DIALECTS)('audit log on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
  });
  afterAll(() => t.close());

  it('is readable by admins only', async () => {
    await expectRoleMatrix(
      t,
      world,
      { url: '/api/v1/audit' },
      {
        anonymous: 401,
        parent: 403,
        institution_admin: 403,
        caregiver: 403,
        district_official: 403,
        city_official: 403,
        admin: 200,
      },
    );
  });

  it('lists entries newest first, without a hash until the sealer has chained them', async () => {
    const list = async () =>
      (await t.app.inject({ url: '/api/v1/audit?limit=3&action=auth.login', headers: { cookie: world.actors.admin.cookie } })).json().items;
    const before = await list();
    expect(before).toHaveLength(3);
    expect(before[0].id).toBeGreaterThan(before[1].id);
    expect(before[0]).toMatchObject({ action: 'auth.login', actorName: expect.stringMatching(/^测试/), seq: null, hash: null });

    await sealAuditLog(t.deps.db, key, { settleMs: 10_000 });
    const after = await list();
    expect(after.map((i: { id: number }) => i.id)).toEqual(before.map((i: { id: number }) => i.id));
    for (const item of after) expect(item).toMatchObject({ seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('keeps no entry of a transaction that rolled back', async () => {
    await expect(
      t.deps.db.transaction().execute(async (trx) => {
        await appendAudit(trx, SYSTEM_CONTEXT, { action: 'test.rolled_back', entityType: 'test' });
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    await sealAuditLog(t.deps.db, key, { settleMs: 10_000 });
    const rows = await t.deps.db.selectFrom('audit_log').select('id').where('action', '=', 'test.rolled_back').execute();
    expect(rows).toEqual([]);
  });

  it('seals entries appended concurrently into a chain that verifies, with a signed checkpoint of its head', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        appendAudit(t.deps.db, SYSTEM_CONTEXT, {
          action: 'test.concurrent',
          entityType: 'test',
          entityId: String(i),
          detail: { n: i, nested: { b: 1, a: [1, 'x'] } },
        }),
      ),
    );
    const sealed = await sealAuditLog(t.deps.db, key, { batchSize: 7, settleMs: 10_000 });
    expect(sealed.sealed).toBeGreaterThanOrEqual(20);
    const unsealed = await t.deps.db.selectFrom('audit_log').select('id').where('seq', 'is', null).execute();
    expect(unsealed).toEqual([]);
    const result = await verifyAuditLog(t.deps.db, { publicKeys, batchSize: 7 });
    expect(result).toEqual({ ok: true, checked: sealed.treeSize, unsealed: 0, checkpoints: expect.any(Number) });
    expect(result.checkpoints).toBeGreaterThan(0);
    const head = await t.deps.db.selectFrom('audit_checkpoints').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(head.tree_size).toBe(sealed.treeSize);
  });

  it('refuses updates and deletes, and a second seal of a sealed entry', async () => {
    await expect(sql`update audit_log set action = 'x' where id = (select min(id) from audit_log)`.execute(t.deps.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`update audit_log set hash = repeat('0', 64) where seq = 1`.execute(t.deps.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(t.deps.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_checkpoints`.execute(t.deps.db)).rejects.toThrow(/append-only/);
    await appendAudit(t.deps.db, SYSTEM_CONTEXT, { action: 'test.unsealed', entityType: 'test' });
    await expect(
      sql`update audit_log set action = 'x', seq = 1000000, prev_hash = 'a', hash = 'b' where action = 'test.unsealed'`.execute(t.deps.db),
    ).rejects.toThrow(/append-only/);
  });
});
