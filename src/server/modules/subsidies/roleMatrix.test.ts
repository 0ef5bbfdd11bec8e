import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../test/harness/db.ts';
import { createEnrolledChild } from '../../../../test/harness/factories/enrollments.ts';
import { createDistrict } from '../../../../test/harness/factories/geography.ts';
import { completeInstitution, markFiled } from '../../../../test/harness/factories/institutions.ts';
import { claimVoucher, createOpenProgram, createStatement, programBody } from '../../../../test/harness/factories/subsidies.ts';
import { createUser, signIn } from '../../../../test/harness/factories/users.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../test/harness/roles.ts';

const ALL_SIGNED_IN = (ok: number) => ({
  anonymous: 401,
  parent: ok,
  institution_admin: ok,
  caregiver: ok,
  district_official: ok,
  city_official: ok,
  admin: ok,
});
const ONLY = (role: keyof ReturnType<typeof ALL_SIGNED_IN>, ok: number) => ({ ...ALL_SIGNED_IN(403), [role]: ok });

describe.each(DIALECTS)('subsidies role matrix on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let programId: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    programId = (await createOpenProgram(t, world.actors.city_official.cookie as string)).id;
  });
  afterAll(() => t.close());

  it('creating programs: city officials only', async () => {
    await expectRoleMatrix(
      t,
      world,
      { method: 'POST', url: '/api/v1/voucher-programs', payload: programBody() },
      ONLY('city_official', 201),
    );
  });

  it('the summary: officials', async () => {
    await expectRoleMatrix(
      t,
      world,
      { url: `/api/v1/voucher-programs/${programId}/summary` },
      {
        ...ALL_SIGNED_IN(403),
        district_official: 200,
        city_official: 200,
        admin: 200,
      },
    );
  });

  it('programs list: officials, families and directors; not caregivers', async () => {
    await expectRoleMatrix(t, world, { url: '/api/v1/voucher-programs' }, { ...ALL_SIGNED_IN(200), caregiver: 403 });
  });

  it('own vouchers: parents', async () => {
    await expectRoleMatrix(t, world, { url: '/api/v1/vouchers' }, ONLY('parent', 200));
  });

  it('redeeming: directors only (others are refused before anything happens)', async () => {
    const child = await createEnrolledChild(t.deps.db, { institutionId: world.institutionId, guardianUserId: world.actors.parent.userId });
    const voucher = await claimVoucher(t, world.actors.parent.cookie as string, programId, child.childId);
    const statementId = await createStatement(t.deps.db, {
      childId: child.childId,
      institutionId: world.institutionId,
      classId: child.classId,
    });
    await expectRoleMatrix(
      t,
      world,
      {
        method: 'POST',
        url: '/api/v1/vouchers/redeem',
        payload: { code: voucher.code, statementId, amountFen: 50_000, idempotencyKey: 'matrix' },
      },
      ONLY('institution_admin', 200),
    );
  });

  it('settlement: city officials run it; officials and directors read', async () => {
    await expectRoleMatrix(
      t,
      world,
      { method: 'POST', url: '/api/v1/voucher-settlements', payload: { month: '2026-11' } },
      ONLY('city_official', 200),
    );
    await expectRoleMatrix(
      t,
      world,
      { url: '/api/v1/voucher-settlements?month=2026-11' },
      { ...ALL_SIGNED_IN(200), parent: 403, caregiver: 403 },
    );
  });

  it('a director sees only their own institution’s settlements and redemptions', async () => {
    const items = (
      await t.app.inject({ url: '/api/v1/voucher-settlements', headers: { cookie: world.actors.institution_admin.cookie as string } })
    ).json().items;
    expect(items.every((s: { institutionId: string }) => s.institutionId === world.institutionId)).toBe(true);
    expect(items.length).toBeGreaterThan(0);
    const other = await createUser(t.deps.db, { role: 'institution_admin', institutionId: (await createRoleWorld(t)).institutionId });
    const cookie = await signIn(t.app, other.phone);
    expect((await t.app.inject({ url: '/api/v1/voucher-settlements', headers: { cookie } })).json().items).toEqual([]);
    const res = await t.app.inject({ url: `/api/v1/voucher-settlements/${items[0].id}`, headers: { cookie } });
    expect(res.statusCode).toBe(404);
    expect(
      (await t.app.inject({ url: `/api/v1/institutions/${world.institutionId}/voucher-redemptions?month=2026-11`, headers: { cookie } }))
        .statusCode,
    ).toBe(404);
  });

  it('a district program is out of reach of another district’s official', async () => {
    const city = world.actors.city_official.cookie as string;
    const own = await createOpenProgram(t, city, {
      divisionCode: world.districtCode,
      residenceDivisionCodes: [world.districtCode],
      name: '区级项目',
    });
    const elsewhere = await createDistrict(t.deps.db, '外区');
    const official = await createUser(t.deps.db, { role: 'district_official', divisionCode: elsewhere.districtCode });
    const cookie = await signIn(t.app, official.phone);
    expect((await t.app.inject({ url: `/api/v1/voucher-programs/${own.id}/summary`, headers: { cookie } })).statusCode).toBe(404);
    const mine = world.actors.district_official.cookie as string;
    expect((await t.app.inject({ url: `/api/v1/voucher-programs/${own.id}/summary`, headers: { cookie: mine } })).statusCode).toBe(200);
  });
});

describe.each(DIALECTS)('utility-certificate role matrix on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  const base = () => `/api/v1/institutions/${world.institutionId}`;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    await completeInstitution(t.deps.db, world.institutionId);
    await markFiled(t.deps.db, world.institutionId, world.townshipCodes[0] as string);
  });
  afterAll(() => t.close());

  it('requests: the director asks; the director and officials read; the district decides', async () => {
    await expectRoleMatrix(t, world, { method: 'POST', url: `${base()}/utility-certificate-requests` }, ONLY('institution_admin', 201));
    const readers = { ...ALL_SIGNED_IN(200), parent: 403, caregiver: 403 };
    await expectRoleMatrix(t, world, { url: `${base()}/utility-certificate-requests` }, readers);
    await expectRoleMatrix(
      t,
      world,
      { url: '/api/v1/utility-certificate-requests' },
      { ...ALL_SIGNED_IN(403), district_official: 200, city_official: 200 },
    );
    const [request] = (
      await t.app.inject({
        url: `${base()}/utility-certificate-requests`,
        headers: { cookie: world.actors.institution_admin.cookie as string },
      })
    ).json().items;
    await expectRoleMatrix(
      t,
      world,
      { method: 'POST', url: `/api/v1/utility-certificate-requests/${request.id}/decision`, payload: { decision: 'approve' } },
      ONLY('district_official', 200),
    );
  });

  it('certificates: the director and officials read and download; officials revoke', async () => {
    const [certificate] = (
      await t.app.inject({ url: `${base()}/utility-certificates`, headers: { cookie: world.actors.institution_admin.cookie as string } })
    ).json().items;
    const readers = { ...ALL_SIGNED_IN(200), parent: 403, caregiver: 403 };
    await expectRoleMatrix(t, world, { url: `${base()}/utility-certificates` }, readers);
    await expectRoleMatrix(t, world, { url: certificate.pdfPath }, readers);
    await expectRoleMatrix(
      t,
      world,
      { method: 'POST', url: `/api/v1/utility-certificates/${certificate.id}/revoke`, payload: { reason: '测试' } },
      { ...ALL_SIGNED_IN(403), district_official: 200, city_official: 200 },
    );
    await expectRoleMatrix(
      t,
      world,
      { method: 'POST', url: '/api/v1/public/utility-certificates/verify', payload: { code: certificate.code } },
      { ...ALL_SIGNED_IN(200), anonymous: 200 },
    );
  });
});
