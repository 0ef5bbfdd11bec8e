import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../test/harness/db.ts';
import { createDistrict } from '../../../../test/harness/factories/geography.ts';
import { createInstitution } from '../../../../test/harness/factories/institutions.ts';
import { createUser, nextPhone, signIn } from '../../../../test/harness/factories/users.ts';
import { type ActorName, createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../test/harness/roles.ts';

const PASSWORD = 'river-stone-73';

/**
 * Officials are appointed: the admin names city and district officials, a city official the
 * district officials of their city. Nobody changes their own account, every change is audited,
 * and a change reaches the person's live sessions on their next request.
 */
describe.each(DIALECTS)('appointing officials on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let cityCode: string;
  let addresses = 0;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    cityCode = world.districtCode.slice(0, 4).padEnd(6, '0');
  });
  afterAll(() => t.close());

  const send = (cookie: string | undefined, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: cookie ? { cookie } : {} });
  const cookieOf = (name: ActorName) => world.actors[name].cookie;
  const managers = (status: number, others = 403) => ({
    anonymous: 401,
    parent: others,
    institution_admin: others,
    caregiver: others,
    district_official: others,
    city_official: status,
    admin: status,
  });
  const districtOfficial = () => createUser(t.deps.db, { role: 'district_official', divisionCode: world.districtCode });

  async function audited(action: string, entityId: string) {
    const rows = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', action)
      .where('entity_id', '=', entityId)
      .execute();
    return rows.length;
  }

  it('role matrix: only the admin and city officials reach the accounts routes', async () => {
    await expectRoleMatrix(t, world, { url: '/api/v1/users?q=1' }, managers(200));
    await expectRoleMatrix(
      t,
      world,
      () => ({
        method: 'POST',
        url: '/api/v1/users',
        payload: { phone: nextPhone(), name: '新官员', roles: [{ role: 'district_official', divisionCode: world.districtCode }] },
      }),
      managers(201),
    );
    const targets: Record<string, { id: string }> = Object.fromEntries(
      await Promise.all(['city_official', 'admin'].map(async (n) => [n, await districtOfficial()])),
    );
    const parentTarget = await createUser(t.deps.db, { role: 'parent' });
    const targetOf = (name: ActorName) => (targets[name] ?? parentTarget).id;
    await expectRoleMatrix(
      t,
      world,
      (actor) => ({
        method: 'POST',
        url: `/api/v1/users/${targetOf(actor.name)}/roles`,
        payload: { role: 'district_official', divisionCode: world.districtCode },
      }),
      managers(200),
    );
    const roleIdOf = async (userId: string, role: string) =>
      (
        await t.deps.db
          .selectFrom('user_roles')
          .select('id')
          .where('user_id', '=', userId)
          .where('role', '=', role)
          .executeTakeFirstOrThrow()
      ).id;
    const roleIds = Object.fromEntries(
      await Promise.all(Object.entries(targets).map(async ([n, u]) => [n, await roleIdOf(u.id, 'district_official')])),
    );
    const parentRole = await roleIdOf(parentTarget.id, 'parent');
    await expectRoleMatrix(
      t,
      world,
      (actor) => ({ method: 'DELETE', url: `/api/v1/users/${targetOf(actor.name)}/roles/${roleIds[actor.name] ?? parentRole}` }),
      managers(204),
    );
    const disableTargets = Object.fromEntries(
      await Promise.all(['city_official', 'admin'].map(async (n) => [n, await districtOfficial()])),
    );
    for (const action of ['disable', 'enable']) {
      await expectRoleMatrix(
        t,
        world,
        (actor) => ({ method: 'POST', url: `/api/v1/users/${(disableTargets[actor.name] ?? parentTarget).id}/${action}` }),
        managers(204),
      );
    }
  });

  it('a district official appointed by the city for 灌南县 sees 灌南县’s registry and nothing of 海州区', async () => {
    const guannan = await createDistrict(t.deps.db, '灌南县');
    const haizhou = await createDistrict(t.deps.db, '海州区');
    const inGuannan = await createInstitution(t.deps.db, guannan.townshipCodes[0] as string, '灌南托育园');
    const inHaizhou = await createInstitution(t.deps.db, haizhou.townshipCodes[0] as string, '海州托育园');
    const phone = nextPhone();
    const created = await send(cookieOf('city_official'), 'POST', '/api/v1/users', {
      phone,
      name: '灌南卫健局',
      roles: [{ role: 'district_official', divisionCode: guannan.districtCode }],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().roles).toEqual([
      expect.objectContaining({ role: 'district_official', divisionCode: guannan.districtCode, divisionName: '灌南县' }),
    ]);
    expect(await audited('auth.account_created', created.json().id)).toBe(1);

    // The new official sets a password with the SMS code, as in a forgotten password, and signs in.
    const ip = `10.7.0.${++addresses}`;
    const sms = (await t.app.inject({ url: `/api/v1/dev/outbox?phone=${phone}` })).json().items;
    expect(sms[0].template).toBe('auth.account_appointed');
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/verification-codes',
      remoteAddress: ip,
      payload: { phone, purpose: 'reset_password' },
    });
    const outbox = (await t.app.inject({ url: `/api/v1/dev/outbox?phone=${phone}` })).json().items;
    const codeSms = outbox.find((m: { template: string }) => m.template === 'auth.verification_code');
    const code = (/\d{6}/.exec(codeSms.body) as RegExpExecArray)[0];
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      remoteAddress: ip,
      payload: { phone, code, password: PASSWORD },
    });
    expect(reset.statusCode).toBe(204);
    const cookie = await signIn(t.app, phone, PASSWORD);

    const registry = (await send(cookie, 'GET', '/api/v1/institutions')).json();
    expect(registry.items.map((i: { id: string }) => i.id)).toEqual([inGuannan.id]);
    expect((await send(cookie, 'GET', `/api/v1/institutions/${inGuannan.id}/record`)).statusCode).toBe(200);
    expect((await send(cookie, 'GET', `/api/v1/institutions/${inHaizhou.id}/record`)).statusCode).toBe(404);
  });

  it('nobody grants wider than their own or outside their city, and the division must fit the role', async () => {
    const other = await createDistrict(t.deps.db, '外市区', '329800');
    const target = await createUser(t.deps.db, { role: 'parent' });
    const grant = (cookie: string | undefined, role: string, divisionCode: string) =>
      send(cookie, 'POST', `/api/v1/users/${target.id}/roles`, { role, divisionCode });

    const tooWide = await grant(cookieOf('city_official'), 'city_official', cityCode);
    expect(tooWide.statusCode).toBe(403);
    expect(tooWide.json().error.code).toBe('ROLE_TOO_WIDE');
    expect((await grant(cookieOf('city_official'), 'district_official', other.districtCode)).json().error.code).toBe('ROLE_TOO_WIDE');
    const mismatch = await grant(cookieOf('admin'), 'district_official', cityCode);
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().error.code).toBe('ROLE_DIVISION_MISMATCH');
    expect((await grant(cookieOf('admin'), 'district_official', '329899')).json().error.code).toBe('ROLE_DIVISION_MISMATCH');
    const byAdmin = await grant(cookieOf('admin'), 'district_official', other.districtCode);
    expect(byAdmin.statusCode).toBe(200);
    expect(await audited('auth.role_granted', target.id)).toBe(1);
    // Now a district official of another city: this city's official no longer manages the account.
    expect((await grant(cookieOf('city_official'), 'district_official', world.districtCode)).statusCode).toBe(404);
    expect((await send(cookieOf('city_official'), 'POST', `/api/v1/users/${target.id}/disable`)).statusCode).toBe(404);
  });

  it('nobody changes their own roles or disables their own account', async () => {
    for (const name of ['admin', 'city_official'] as const) {
      const self = world.actors[name];
      const roleId = (
        await t.deps.db
          .selectFrom('user_roles')
          .select('id')
          .where('user_id', '=', self.userId as string)
          .executeTakeFirstOrThrow()
      ).id;
      for (const [method, url, payload] of [
        ['POST', `/api/v1/users/${self.userId}/roles`, { role: 'district_official', divisionCode: world.districtCode }],
        ['DELETE', `/api/v1/users/${self.userId}/roles/${roleId}`, undefined],
        ['POST', `/api/v1/users/${self.userId}/disable`, undefined],
      ] as const) {
        const res = await send(self.cookie, method, url, payload);
        expect(res.statusCode, `${name} ${method} ${url}`).toBe(403);
        expect(res.json().error.code).toBe('OWN_ACCOUNT_UNCHANGEABLE');
      }
    }
  });

  it('a number with an account is not created twice, also by two managers at once', async () => {
    const existing = await createUser(t.deps.db, { role: 'parent' });
    const res = await send(cookieOf('admin'), 'POST', '/api/v1/users', {
      phone: existing.phone,
      name: '重复',
      roles: [{ role: 'city_official', divisionCode: cityCode }],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PHONE_HAS_ACCOUNT');

    const phone = nextPhone();
    const body = { phone, name: '同时开通', roles: [{ role: 'district_official', divisionCode: world.districtCode }] };
    const twice = await send(cookieOf('admin'), 'POST', '/api/v1/users', {
      phone: nextPhone(),
      name: '两遍',
      roles: [
        { role: 'city_official', divisionCode: cityCode },
        { role: 'city_official', divisionCode: cityCode },
      ],
    });
    expect(twice.statusCode).toBe(201);
    expect(twice.json().roles).toHaveLength(1);

    const both = await Promise.all([cookieOf('admin'), cookieOf('city_official')].map((c) => send(c, 'POST', '/api/v1/users', body)));
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('a city official finds their district officials, and a parent only by the exact number', async () => {
    const official = await createUser(t.deps.db, { role: 'district_official', divisionCode: world.districtCode }, { name: '搜索甲' });
    const parent = await createUser(t.deps.db, { role: 'parent' }, { name: '搜索乙' });
    const ids = async (cookie: string | undefined, q: string) =>
      (await send(cookie, 'GET', `/api/v1/users?q=${encodeURIComponent(q)}`)).json().items.map((u: { id: string }) => u.id);
    expect(await ids(cookieOf('city_official'), '搜索')).toEqual([official.id]);
    expect(await ids(cookieOf('city_official'), parent.phone)).toEqual([parent.id]);
    expect(await ids(cookieOf('city_official'), parent.phone.slice(0, 8))).not.toContain(parent.id);
    expect(await ids(cookieOf('city_official'), world.actors.admin.userId as string)).toEqual([]);
    expect((await ids(cookieOf('admin'), '搜索')).sort()).toEqual([official.id, parent.id].sort());
  });

  it('revoking a role or disabling an account reaches the live session on its next request', async () => {
    const official = await districtOfficial();
    const cookie = await signIn(t.app, official.phone);
    const listed = (await send(cookieOf('admin'), 'GET', `/api/v1/users?q=${official.phone}`)).json().items[0];
    expect(listed.lastSignInAt).not.toBeNull();
    expect(listed.disabled).toBe(false);
    expect((await send(cookie, 'GET', '/api/v1/institutions')).statusCode).toBe(200);

    const roleId = listed.roles[0].id as string;
    expect((await send(cookieOf('city_official'), 'DELETE', `/api/v1/users/${official.id}/roles/${roleId}`)).statusCode).toBe(204);
    expect(await audited('auth.role_revoked', official.id)).toBe(1);
    expect((await send(cookie, 'GET', '/api/v1/institutions')).statusCode).toBe(403);

    const second = await districtOfficial();
    const secondCookie = await signIn(t.app, second.phone);
    expect((await send(cookieOf('city_official'), 'POST', `/api/v1/users/${second.id}/disable`)).statusCode).toBe(204);
    expect((await send(secondCookie, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { phone: second.phone, password: second.password },
    });
    expect(refused.statusCode).toBe(401);
    expect((await send(cookieOf('admin'), 'GET', `/api/v1/users?q=${second.phone}`)).json().items[0].disabled).toBe(true);
    expect((await send(cookieOf('city_official'), 'POST', `/api/v1/users/${second.id}/enable`)).statusCode).toBe(204);
    expect(await audited('auth.disabled', second.id)).toBe(1);
    expect(await audited('auth.enabled', second.id)).toBe(1);
    await signIn(t.app, second.phone);
  });
});
