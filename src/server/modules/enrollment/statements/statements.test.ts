import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createEnrolledChild, type EnrolledChild } from '../../../../../test/harness/factories/enrollments.ts';
import { createInstitution } from '../../../../../test/harness/factories/institutions.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../../test/harness/roles.ts';

// October 2026 has 22 weekdays (service days). The test clock stands at 2026-11-29.
const OCTOBER_ABSENCES = ['2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08', '2026-10-09', '2026-10-12', '2026-10-13', '2026-10-14'];
const DIRECTOR_ONLY = {
  anonymous: 401,
  parent: 403,
  institution_admin: 200,
  caregiver: 403,
  district_official: 403,
  city_official: 403,
  admin: 403,
};

type Line = { kind: string; amountFen: number };

describe.each(DIALECTS)('fee statements on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let director: string;
  let fullMonth: EnrolledChild;
  let lateStarter: EnrolledChild;
  let noFee: EnrolledChild;
  const generate = (month = '2026-10', cookie = director) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1/institutions/${world.institutionId}/statements`,
      payload: { month },
      headers: { cookie },
    });
  const statementOf = async (childId: string) => {
    const items = (
      await t.app.inject({ url: `/api/v1/institutions/${world.institutionId}/statements?month=2026-10`, headers: { cookie: director } })
    ).json().items;
    const summary = items.find((s: { childId: string }) => s.childId === childId);
    return (await t.app.inject({ url: `/api/v1/statements/${summary.id}`, headers: { cookie: director } })).json();
  };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    director = world.actors.institution_admin.cookie as string;
    await t.deps.db
      .updateTable('institutions')
      .set({ fee_toddler_fen: 180_000, fee_infant_fen: 210_000 })
      .where('id', '=', world.institutionId)
      .execute();
    await t.deps.db
      .insertInto('institution_enrollment_rules')
      .values({ institution_id: world.institutionId, refund_after_days: 3, refund_percent: 50 })
      .execute();
    fullMonth = await createEnrolledChild(t.deps.db, {
      institutionId: world.institutionId,
      guardianUserId: world.actors.parent.userId,
      name: '甲',
    });
    lateStarter = await createEnrolledChild(t.deps.db, {
      institutionId: world.institutionId,
      classId: fullMonth.classId,
      name: '乙',
      startDate: '2026-10-16',
    });
    noFee = await createEnrolledChild(t.deps.db, { institutionId: world.institutionId, classType: 'mixed', name: '丙' });
    await t.deps.db
      .insertInto('attendance')
      .values(
        OCTOBER_ABSENCES.map((day) => ({
          child_id: fullMonth.childId,
          institution_id: world.institutionId,
          class_id: fullMonth.classId,
          day,
          status: 'absent',
          absence_reason: 'sick',
          recorded_by: world.actors.caregiver.userId as string,
          recorded_at: new Date(),
        })),
      )
      .execute();
  });
  afterAll(() => t.close());

  it('generates a statement per enrolled child in integer fen that add up, skipping a class type without a fee', async () => {
    const res = await generate();
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ month: '2026-10', created: 2, replaced: 0, locked: [] });
    expect(body.skipped).toEqual([{ childId: noFee.childId, childName: '丙', classType: 'mixed', reason: 'fee_missing' }]);

    const a = await statementOf(fullMonth.childId);
    // 8 absent days, 3 free, 5 refunded at 50% of 180000/22 a day: 20454.5 → 20455 fen.
    expect(a.lines).toEqual([
      { kind: 'fee', classType: 'toddler', days: null, amountFen: 180_000 },
      { kind: 'absence_refund', classType: 'toddler', days: 5, amountFen: -20_455 },
    ]);
    expect(a).toMatchObject({
      serviceDays: 22,
      chargedDays: 22,
      absentDays: 8,
      subtotalFen: 159_545,
      deductionsFen: 0,
      totalDueFen: 159_545,
    });
    expect(a.absenceRule).toEqual({ refundAfterDays: 3, refundPercent: 50 });

    const b = await statementOf(lateStarter.childId);
    expect(b.lines.map((l: Line) => [l.kind, l.amountFen])).toEqual([
      ['fee', 180_000],
      ['proration', -90_000],
    ]);
    for (const s of [a, b]) {
      expect(s.lines.reduce((sum: number, l: Line) => sum + l.amountFen, 0)).toBe(s.subtotalFen);
      for (const l of s.lines) expect(Number.isInteger(l.amountFen)).toBe(true);
    }
  });

  it('regenerates idempotently: the same statements, lines replaced not added', async () => {
    const before = await t.deps.db.selectFrom('fee_statement_lines').select('statement_id').execute();
    const res = (await generate()).json();
    expect(res).toMatchObject({ created: 0, replaced: 2 });
    expect(
      await t.deps.db.selectFrom('fee_statements').select('id').where('institution_id', '=', world.institutionId).execute(),
    ).toHaveLength(2);
    expect(await t.deps.db.selectFrom('fee_statement_lines').select('statement_id').execute()).toHaveLength(before.length);
  });

  it('shows deductions and the total due, and keeps a statement with a deduction as it is', async () => {
    const a = await statementOf(fullMonth.childId);
    await t.deps.db
      .insertInto('statement_deductions')
      .values({ statement_id: a.id, amount_fen: 50_000, kind: 'voucher', reference: 'LYG-2026-0001' })
      .execute();
    const withVoucher = await statementOf(fullMonth.childId);
    expect(withVoucher).toMatchObject({ subtotalFen: 159_545, deductionsFen: 50_000, totalDueFen: 109_545 });
    expect(withVoucher.deductions).toMatchObject([{ kind: 'voucher', reference: 'LYG-2026-0001', amountFen: 50_000, appliedFen: 50_000 }]);

    // A late-recorded absence would change the refund, but the voucher locks the statement.
    await t.deps.db
      .insertInto('attendance')
      .values({
        child_id: fullMonth.childId,
        institution_id: world.institutionId,
        class_id: fullMonth.classId,
        day: '2026-10-15',
        status: 'absent',
        absence_reason: 'leave',
        recorded_by: world.actors.caregiver.userId as string,
        recorded_at: new Date(),
      })
      .execute();
    const res = (await generate()).json();
    expect(res.locked).toEqual([{ statementId: a.id, childId: fullMonth.childId, childName: '甲' }]);
    expect(res.replaced).toBe(1);
    expect((await statementOf(fullMonth.childId)).lines).toEqual(a.lines);
  });

  it('never lets deductions bring the amount due below zero', async () => {
    const b = await statementOf(lateStarter.childId);
    await t.deps.db
      .insertInto('statement_deductions')
      .values([
        { statement_id: b.id, amount_fen: 60_000, kind: 'voucher' },
        { statement_id: b.id, amount_fen: 60_000, kind: 'voucher' },
      ])
      .execute();
    const after = await statementOf(lateStarter.childId);
    expect(after).toMatchObject({ subtotalFen: 90_000, deductionsFen: 90_000, totalDueFen: 0 });
    expect(after.deductions.map((d: { appliedFen: number }) => d.appliedFen)).toEqual([60_000, 30_000]);
  });

  it('exports the month to an Excel file with Chinese headers, yuan to 2 decimals and a total row', async () => {
    const res = await t.app.inject({
      url: `/api/v1/institutions/${world.institutionId}/statements.xlsx?month=2026-10`,
      headers: { cookie: director },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('statements-2026-10.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows[0]).toEqual([
      '序号',
      '幼儿姓名',
      '班级',
      '班型',
      '服务天数',
      '计费天数',
      '缺勤天数',
      '月费（元）',
      '未在托减免（元）',
      '缺勤退费（元）',
      '应收小计（元）',
      '补贴抵扣（元）',
      '应缴金额（元）',
    ]);
    expect(rows).toHaveLength(4);
    const [, a, b, total] = rows as unknown[][];
    expect(a?.slice(1, 4)).toEqual(['甲', expect.any(String), '托小班']);
    expect(a?.slice(7)).toEqual([1800, 0, -204.55, 1595.45, -500, 1095.45]);
    expect(b?.slice(7)).toEqual([1800, -900, 0, 900, -900, 0]);
    expect(total?.slice(1)).toEqual(['合计', ...Array(5).fill(undefined), 3600, -900, -204.55, 2495.45, -1400, 1095.45]);
    expect(sheet.getColumn(13).numFmt).toBe('0.00');
  });

  it.each([
    ['a malformed month', 'POST', '2026-1', 400],
    ['a month not yet started', 'POST', '2026-12', 400],
    ['a malformed month on the list', 'GET', '2026-13', 400],
  ])('refuses %s and writes nothing', async (_name, method, month, status) => {
    const before = await t.deps.db.selectFrom('fee_statements').select('id').execute();
    const res =
      method === 'POST'
        ? await generate(month)
        : await t.app.inject({
            url: `/api/v1/institutions/${world.institutionId}/statements?month=${month}`,
            headers: { cookie: director },
          });
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(await t.deps.db.selectFrom('fee_statements').select('id').execute()).toHaveLength(before.length);
  });

  it('states the absence rule; a percentage over 100 is refused', async () => {
    const url = `/api/v1/institutions/${world.institutionId}/absence-rule`;
    const ok = await t.app.inject({
      method: 'PUT',
      url,
      payload: { refundAfterDays: 2, refundPercent: 60 },
      headers: { cookie: director },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ refundAfterDays: 2, refundPercent: 60, fees: { toddler: 180_000, mixed: null } });
    const bad = await t.app.inject({
      method: 'PUT',
      url,
      payload: { refundAfterDays: 2, refundPercent: 101 },
      headers: { cookie: director },
    });
    expect(bad.statusCode).toBe(400);
    const rule = (
      await t.app.inject({ url: `/api/v1/institutions/${world.institutionId}/fee-rule`, headers: { cookie: director } })
    ).json();
    expect(rule.refundPercent).toBe(60);
  });

  it('lets a guardian read their own child’s statements only; another institution’s director finds nothing', async () => {
    const a = await statementOf(fullMonth.childId);
    const parent = world.actors.parent.cookie as string;
    expect((await t.app.inject({ url: `/api/v1/statements/${a.id}`, headers: { cookie: parent } })).statusCode).toBe(200);
    const mine = (await t.app.inject({ url: `/api/v1/children/${fullMonth.childId}/statements`, headers: { cookie: parent } })).json()
      .items;
    expect(mine.map((s: { month: string }) => s.month)).toEqual(['2026-10']);
    const b = await statementOf(lateStarter.childId);
    expect((await t.app.inject({ url: `/api/v1/statements/${b.id}`, headers: { cookie: parent } })).statusCode).toBe(404);

    const other = await createInstitution(t.deps.db, world.townshipCodes[1] as string, '另一托育园');
    const otherDirector = await signIn(t.app, (await createUser(t.deps.db, { role: 'institution_admin', institutionId: other.id })).phone);
    expect((await t.app.inject({ url: `/api/v1/statements/${a.id}`, headers: { cookie: otherDirector } })).statusCode).toBe(404);
    expect((await generate('2026-10', otherDirector)).statusCode).toBe(404);
    const xlsx = await t.app.inject({
      url: `/api/v1/institutions/${world.institutionId}/statements.xlsx?month=2026-10`,
      headers: { cookie: otherDirector },
    });
    expect(xlsx.statusCode).toBe(404);
  });

  it('audits reading statements as reads of each child', async () => {
    const before = await t.deps.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'child.read')
      .where('entity_id', '=', lateStarter.childId)
      .execute();
    await t.app.inject({ url: `/api/v1/institutions/${world.institutionId}/statements.xlsx?month=2026-10`, headers: { cookie: director } });
    const after = await t.deps.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'child.read')
      .where('entity_id', '=', lateStarter.childId)
      .execute();
    expect(after.length).toBe(before.length + 1);
  });

  it('keeps statements to the director, and the guardian', async () => {
    const id = world.institutionId;
    const a = await statementOf(fullMonth.childId);
    await expectRoleMatrix(
      t,
      world,
      { method: 'POST', url: `/api/v1/institutions/${id}/statements`, payload: { month: '2026-10' } },
      DIRECTOR_ONLY,
    );
    await expectRoleMatrix(t, world, { url: `/api/v1/institutions/${id}/statements?month=2026-10` }, DIRECTOR_ONLY);
    await expectRoleMatrix(t, world, { url: `/api/v1/institutions/${id}/statements.xlsx?month=2026-10` }, DIRECTOR_ONLY);
    await expectRoleMatrix(t, world, { url: `/api/v1/institutions/${id}/fee-rule` }, DIRECTOR_ONLY);
    await expectRoleMatrix(
      t,
      world,
      { method: 'PUT', url: `/api/v1/institutions/${id}/absence-rule`, payload: { refundAfterDays: 3, refundPercent: 50 } },
      DIRECTOR_ONLY,
    );
    await expectRoleMatrix(t, world, { url: `/api/v1/statements/${a.id}` }, { ...DIRECTOR_ONLY, parent: 200 });
    await expectRoleMatrix(t, world, { url: `/api/v1/children/${fullMonth.childId}/statements` }, { ...DIRECTOR_ONLY, parent: 200 });
  });
});
