import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createEnrolledChild } from '../../../../../test/harness/factories/enrollments.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../../test/harness/roles.ts';

describe.each(DIALECTS)('family benefits on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let mother: string;
  let father: string;
  let childId: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    mother = world.actors.parent.cookie as string;
    const child = await createEnrolledChild(t.deps.db, {
      institutionId: world.institutionId,
      guardianUserId: world.actors.parent.userId,
      birthDate: '2024-05-10',
    });
    childId = child.childId;
    const dad = await createUser(t.deps.db, { role: 'parent' });
    await t.deps.db
      .insertInto('child_guardians')
      .values({ child_id: childId, user_id: dad.id, relation: 'father', consent_version: 'test', consented_at: new Date() })
      .execute();
    father = await signIn(t.app, dad.phone);
  });
  afterAll(() => t.close());

  const statement = async (cookie: string, year = 2025) =>
    (await t.app.inject({ url: `/api/v1/tax-deduction/${year}`, headers: { cookie } })).json();
  const choose = (cookie: string, sharePercent: number, year = 2025) =>
    t.app.inject({
      method: 'PUT',
      url: `/api/v1/children/${childId}/tax-deduction/${year}`,
      payload: { sharePercent },
      headers: { cookie },
    });

  it('the yearly statement: eligible months at 2,000 yuan, 100% until the parents split it', async () => {
    const s = await statement(mother, 2024);
    const row = s.children.find((c: { childId: string }) => c.childId === childId);
    expect(row).toMatchObject({ sharePercent: 100, shareChosen: false, totalFen: 8 * 200_000 });
    expect(row.months[0]).toEqual({ month: '2024-05', standardFen: 200_000, deductibleFen: 200_000 });
  });

  it('50% each, or 100% by one: never more than 100% between the guardians', async () => {
    expect((await choose(mother, 50)).statusCode).toBe(200);
    expect((await statement(father)).children[0]).toMatchObject({
      sharePercent: 50,
      shareChosen: false,
      otherGuardiansPercent: 50,
      totalFen: 12 * 100_000,
    });
    const conflict = await choose(father, 100);
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error).toMatchObject({ code: 'DEDUCTION_SHARE_CONFLICT' });
    expect((await choose(father, 50)).json().children[0]).toMatchObject({ sharePercent: 50, shareChosen: true, totalFen: 1_200_000 });
    expect((await choose(mother, 100)).statusCode).toBe(409);
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url: `/api/v1/children/${childId}/tax-deduction/2025`,
          payload: { sharePercent: 70 },
          headers: { cookie: mother },
        })
      ).statusCode,
    ).toBe(400);
    expect((await choose(mother, 50, 2030)).statusCode).toBe(400);
  });

  it('downloads the statement as Excel', async () => {
    const res = await t.app.inject({ url: '/api/v1/tax-deduction/2025/statement.xlsx', headers: { cookie: mother } });
    expect(res.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet?.rowCount).toBe(1 + 12 + 1);
    expect(sheet?.getRow(14).getCell(6).value).toBe(12_000);
  });

  it('national childcare subsidy: months and amounts, one application, decided by an official of the area', async () => {
    const view = (await t.app.inject({ url: `/api/v1/children/${childId}/childcare-subsidy`, headers: { cookie: mother } })).json();
    // Born May 2024: January 2025 to April 2027, 28 months at 300 yuan.
    expect(view).toMatchObject({ totalFen: 28 * 30_000, claim: null, policy: { fromMonth: '2025-01', yearlyFen: 360_000 } });
    expect(view.years.map((y: { year: number; amountFen: number }) => [y.year, y.amountFen])).toEqual([
      [2025, 360_000],
      [2026, 360_000],
      [2027, 120_000],
    ]);
    const applied = await t.app.inject({
      method: 'POST',
      url: `/api/v1/children/${childId}/childcare-subsidy`,
      headers: { cookie: mother },
    });
    expect(applied.statusCode).toBe(201);
    expect(applied.json().claim).toMatchObject({ status: 'applied' });
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/children/${childId}/childcare-subsidy`, headers: { cookie: father } })).json()
        .error.code,
    ).toBe('SUBSIDY_ALREADY_CLAIMED');
    const district = world.actors.district_official.cookie as string;
    const list = (await t.app.inject({ url: '/api/v1/childcare-subsidy-claims?status=applied', headers: { cookie: district } })).json()
      .items;
    expect(list).toHaveLength(1);
    expect(list[0]).not.toHaveProperty('childName');
    expect(list[0]).toMatchObject({ birthMonth: '2024-05', totalFen: 840_000 });
    const decided = await t.app.inject({
      method: 'POST',
      url: `/api/v1/childcare-subsidy-claims/${list[0].id}/decide`,
      payload: { decision: 'approve' },
      headers: { cookie: district },
    });
    expect(decided.json()).toMatchObject({ status: 'approved' });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/childcare-subsidy-claims/${list[0].id}/decide`,
      payload: { decision: 'reject', reason: 'x' },
      headers: { cookie: district },
    });
    expect(again.statusCode).toBe(409);
  });

  it('the policy is configuration: an admin changes the amount and the figures follow', async () => {
    const admin = world.actors.admin.cookie as string;
    const policy = (await t.app.inject({ url: '/api/v1/subsidy-policy' })).json();
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/subsidy-policy',
      payload: { ...policy, childcareSubsidy: { fromMonth: '2025-01', yearlyFen: 480_000 } },
      headers: { cookie: admin },
    });
    expect(res.statusCode).toBe(200);
    const view = (await t.app.inject({ url: `/api/v1/children/${childId}/childcare-subsidy`, headers: { cookie: mother } })).json();
    expect(view.totalFen).toBe(28 * 40_000);
    await t.app.inject({ method: 'PUT', url: '/api/v1/subsidy-policy', payload: policy, headers: { cookie: admin } });
  });

  it('role matrix', async () => {
    await expectRoleMatrix(
      t,
      world,
      { url: '/api/v1/tax-deduction/2025' },
      {
        anonymous: 401,
        parent: 200,
        institution_admin: 403,
        caregiver: 403,
        district_official: 403,
        city_official: 403,
        admin: 403,
      },
    );
    await expectRoleMatrix(
      t,
      world,
      { url: '/api/v1/childcare-subsidy-claims' },
      {
        anonymous: 401,
        parent: 403,
        institution_admin: 403,
        caregiver: 403,
        district_official: 200,
        city_official: 200,
        admin: 200,
      },
    );
    const stranger = await signIn(t.app, (await createUser(t.deps.db, { role: 'parent' })).phone);
    expect((await t.app.inject({ url: `/api/v1/children/${childId}/childcare-subsidy`, headers: { cookie: stranger } })).statusCode).toBe(
      404,
    );
  });
});
