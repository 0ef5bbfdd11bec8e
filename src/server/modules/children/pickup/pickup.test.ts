import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { makeResidentId } from '../../../../../test/harness/factories/children.ts';
import { createEnrolledChild, type EnrolledChild } from '../../../../../test/harness/factories/enrollments.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../../test/harness/roles.ts';

const OFFICIALS = { district_official: 403, city_official: 403, admin: 403 };

describe.each(DIALECTS)('pick-up persons on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let kid: EnrolledChild;
  let parent: string;
  const url = () => `/api/v1/children/${kid.childId}/pickup-persons`;
  const add = (payload: object, cookie = parent) => t.app.inject({ method: 'POST', url: url(), payload, headers: { cookie } });
  const count = async () =>
    (await t.deps.db.selectFrom('pickup_persons').select('id').where('child_id', '=', kid.childId).execute()).length;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    parent = world.actors.parent.cookie as string;
    kid = await createEnrolledChild(t.deps.db, { institutionId: world.institutionId, guardianUserId: world.actors.parent.userId });
  });
  afterAll(() => t.close());

  it('authorises a person with a resident ID stored encrypted and shown masked', async () => {
    const residentId = makeResidentId('320706', '1960-04-12', 'female', 33);
    const res = await add({ name: '王奶奶', relation: 'grandparent', phone: '13812345678', residentId });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: '王奶奶',
      relation: 'grandparent',
      phone: '13812345678',
      residentIdMasked: `3207**********${residentId.slice(14)}`,
      authorisedByName: '测试parent',
      revokedAt: null,
    });
    const row = await t.deps.db.selectFrom('pickup_persons').selectAll().where('id', '=', res.json().id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(residentId);
    expect(t.deps.cipher.decrypt(row.resident_id_enc as string)).toBe(residentId);
  });

  it.each([
    ['a resident ID with a wrong check digit', { residentId: '320706196004123310' }, 'body.residentId'],
    ['a landline number', { phone: '0518-8123456' }, 'body.phone'],
    ['no name', { name: ' ' }, 'body.name'],
    ['an unknown relation', { relation: 'neighbour' }, 'body.relation'],
  ])('refuses %s with 400 and adds no one', async (_name, override, path) => {
    const before = await count();
    const res = await add({ name: '张阿姨', relation: 'nanny', phone: '13712345678', ...override });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe(path);
    expect(await count()).toBe(before);
  });

  it('revokes idempotently and keeps the row; staff then see only those still authorised', async () => {
    const person = (await add({ name: '李叔叔', relation: 'relative', phone: '13612345678' })).json();
    const revoke = () => t.app.inject({ method: 'DELETE', url: `${url()}/${person.id}`, headers: { cookie: parent } });
    expect((await revoke()).statusCode).toBe(204);
    expect((await revoke()).statusCode).toBe(204);
    const mine = (await t.app.inject({ url: url(), headers: { cookie: parent } })).json().items;
    expect(mine.find((p: { id: string }) => p.id === person.id).revokedAt).not.toBeNull();
    const staff = (await t.app.inject({ url: url(), headers: { cookie: world.actors.caregiver.cookie } })).json().items;
    expect(staff.map((p: { id: string }) => p.id)).not.toContain(person.id);
    const reads = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor_role', 'detail'])
      .where('action', '=', 'child.read')
      .where('entity_id', '=', kid.childId)
      .execute();
    expect(reads.map((r) => [r.actor_role, (r.detail as { via: string }).via])).toEqual([
      ['parent', 'pickup_persons'],
      ['caregiver', 'pickup_persons'],
    ]);
    const revocations = await t.deps.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'pickup_person.revoke')
      .where('entity_id', '=', kid.childId)
      .execute();
    expect(revocations).toHaveLength(1);
  });

  it('treats another guardian’s child and an unknown person as not found', async () => {
    const otherParent = await signIn(t.app, (await createUser(t.deps.db, { role: 'parent' })).phone);
    expect((await add({ name: '陌生人', relation: 'other', phone: '13512345678' }, otherParent)).statusCode).toBe(404);
    expect((await t.app.inject({ url: url(), headers: { cookie: otherParent } })).statusCode).toBe(404);
    const unknown = await t.app.inject({
      method: 'DELETE',
      url: `${url()}/00000000-0000-4000-8000-000000000000`,
      headers: { cookie: parent },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('lets guardians authorise and revoke, and staff of the institution read', async () => {
    await expectRoleMatrix(t, world, { url: url() }, { anonymous: 401, parent: 200, institution_admin: 200, caregiver: 200, ...OFFICIALS });
    await expectRoleMatrix(
      t,
      world,
      { method: 'POST', url: url(), payload: { name: '矩阵', relation: 'other', phone: '13412345678' } },
      { anonymous: 401, parent: 201, institution_admin: 403, caregiver: 403, ...OFFICIALS },
    );
    const person = (await add({ name: '撤销', relation: 'other', phone: '13412345679' })).json();
    await expectRoleMatrix(
      t,
      world,
      { method: 'DELETE', url: `${url()}/${person.id}` },
      { anonymous: 401, parent: 204, institution_admin: 403, caregiver: 403, ...OFFICIALS },
    );
  });
});
