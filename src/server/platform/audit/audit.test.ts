import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../test/harness/db.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../test/harness/roles.ts';
import { appendAudit, SYSTEM_CONTEXT, verifyAuditChain } from './auditLog.ts';

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

  it('lists entries newest first with their hashes', async () => {
    const res = await t.app.inject({ url: '/api/v1/audit?limit=3&action=auth.login', headers: { cookie: world.actors.admin.cookie } });
    const items = res.json().items;
    expect(items).toHaveLength(3);
    expect(items[0].id).toBeGreaterThan(items[1].id);
    for (const item of items)
      expect(item).toMatchObject({
        action: 'auth.login',
        actorName: expect.stringMatching(/^测试/),
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
  });

  it('verifies an intact chain, including entries appended concurrently', async () => {
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
    const result = await verifyAuditChain(t.deps.db, 7);
    expect(result).toEqual({ ok: true, checked: expect.any(Number) });
    expect(result.checked).toBeGreaterThan(20);
  });

  it('refuses updates and deletes', async () => {
    await expect(sql`update audit_log set action = 'x' where id = (select min(id) from audit_log)`.execute(t.deps.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log`.execute(t.deps.db)).rejects.toThrow(/append-only/);
  });

  it('detects a hand-edited row and a removed row', async () => {
    const target = await t.deps.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'test.concurrent')
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();
    await t.deps.db.transaction().execute(async (trx) => {
      await sql`alter table audit_log disable trigger audit_log_no_update`.execute(trx);
      await sql`update audit_log set detail = '{"n": 999}' where id = ${target.id}`.execute(trx);
      await sql`alter table audit_log enable trigger audit_log_no_update`.execute(trx);
    });
    expect(await verifyAuditChain(t.deps.db)).toMatchObject({ ok: false, brokenAtId: target.id, reason: 'content_changed' });

    await t.deps.db.transaction().execute(async (trx) => {
      await sql`alter table audit_log disable trigger audit_log_no_update`.execute(trx);
      await sql`delete from audit_log where id = ${target.id}`.execute(trx);
      await sql`alter table audit_log enable trigger audit_log_no_update`.execute(trx);
    });
    expect(await verifyAuditChain(t.deps.db)).toMatchObject({ ok: false, brokenAtId: target.id + 1, reason: 'chain_broken' });
  });
});
