import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createEnrolledChild } from '../../../../../test/harness/factories/enrollments.ts';
import { createInstitution } from '../../../../../test/harness/factories/institutions.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../../test/harness/roles.ts';

describe.each(DIALECTS)('age moves on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  const url = (month: string) => `/api/v1/institutions/${world.institutionId}/age-moves?month=${month}`;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    const db = t.deps.db;
    const institutionId = world.institutionId;
    await createEnrolledChild(db, { institutionId, classType: 'infant', name: '一岁', birthDate: '2025-12-15' });
    await createEnrolledChild(db, { institutionId, classType: 'toddler', name: '两岁', birthDate: '2024-12-03' });
    await createEnrolledChild(db, { institutionId, classType: 'older_toddler', name: '三岁', birthDate: '2023-12-31' });
    await createEnrolledChild(db, { institutionId, classType: 'mixed', name: '混龄三岁', birthDate: '2023-12-20' });
    await createEnrolledChild(db, { institutionId, classType: 'toddler', name: '不动', birthDate: '2025-06-01' });
    await createEnrolledChild(db, { institutionId, classType: 'infant', name: '已离园', birthDate: '2025-12-01', endDate: '2026-11-20' });
  });
  afterAll(() => t.close());

  it('lists who moves up at 12 and 24 months and who leaves at 3 in the month, earliest first', async () => {
    const res = await t.app.inject({ url: url('2026-12'), headers: { cookie: world.actors.institution_admin.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((m: Record<string, unknown>) => [m.childName, m.kind, m.months, m.on, m.toClassType])).toEqual([
      ['两岁', 'move_up', 24, '2026-12-03', 'older_toddler'],
      ['一岁', 'move_up', 12, '2026-12-15', 'toddler'],
      ['混龄三岁', 'leave', 36, '2026-12-20', null],
      ['三岁', 'leave', 36, '2026-12-31', null],
    ]);
    const audited = await t.deps.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'child.read').execute();
    expect(audited).toHaveLength(4);
    const none = await t.app.inject({ url: url('2027-02'), headers: { cookie: world.actors.caregiver.cookie } });
    expect(none.json().items).toEqual([]);
  });

  it('refuses a malformed month and hides other institutions', async () => {
    expect((await t.app.inject({ url: url('12-2026'), headers: { cookie: world.actors.institution_admin.cookie } })).statusCode).toBe(400);
    const other = await createInstitution(t.deps.db, world.townshipCodes[1] as string);
    const director = await signIn(t.app, (await createUser(t.deps.db, { role: 'institution_admin', institutionId: other.id })).phone);
    expect((await t.app.inject({ url: url('2026-12'), headers: { cookie: director } })).statusCode).toBe(404);
  });

  it('is for the institution’s staff', async () => {
    await expectRoleMatrix(
      t,
      world,
      { url: url('2026-12') },
      { anonymous: 401, parent: 403, institution_admin: 200, caregiver: 200, district_official: 403, city_official: 403, admin: 403 },
    );
  });
});
