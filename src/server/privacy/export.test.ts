import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/harness/app.ts';
import { DIALECTS } from '../../../test/harness/db.ts';
import { makeResidentId } from '../../../test/harness/factories/children.ts';
import { createEnrolledChild } from '../../../test/harness/factories/enrollments.ts';
import { createUser, signIn } from '../../../test/harness/factories/users.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../test/harness/roles.ts';
import { guardCell } from '../platform/files/spreadsheet.ts';

type Export = { generatedAt: string; sections: { kind: string; rows: Record<string, unknown>[] }[] };
const rowsOf = (data: Export, kind: string) => data.sections.find((s) => s.kind === kind)?.rows ?? [];

describe.each(DIALECTS)('a parent’s data export on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let cookie: string;
  let childId: string;
  let otherChildId: string;
  const residentId = () => makeResidentId(world.townshipCodes[0]?.slice(0, 6) as string, '2025-03-10', 'female');

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    cookie = world.actors.parent.cookie as string;
    const added = await t.app.inject({
      method: 'POST',
      url: '/api/v1/children',
      headers: { cookie },
      payload: {
        name: '王小雨',
        sex: 'female',
        birthDate: '2025-03-10',
        residentId: residentId(),
        residenceDivisionCode: world.townshipCodes[0],
        relation: 'mother',
        consent: true,
      },
    });
    expect(added.statusCode, added.body).toBe(201);
    childId = added.json().id;
    const pickup = await t.app.inject({
      method: 'POST',
      url: `/api/v1/children/${childId}/pickup-persons`,
      headers: { cookie },
      payload: { name: '=HYPERLINK("x")', relation: 'grandparent', phone: '13912345678' },
    });
    expect(pickup.statusCode, pickup.body).toBe(201);
    // The other family: same institution, its own parent and child.
    const otherParent = await createUser(t.deps.db, { role: 'parent' }, { name: '李另一家' });
    otherChildId = (
      await createEnrolledChild(t.deps.db, { institutionId: world.institutionId, guardianUserId: otherParent.id, name: '李别家' })
    ).childId;
    await signIn(t.app, otherParent.phone);
  });
  afterAll(() => t.close());

  it('holds the parent’s own account and child, the resident ID in clear, and nothing of another family', async () => {
    const res = await t.app.inject({ url: '/api/v1/me/export', headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const data = res.json() as Export;
    expect(rowsOf(data, 'account')).toEqual([expect.objectContaining({ id: world.actors.parent.userId })]);
    expect(rowsOf(data, 'children')).toEqual([expect.objectContaining({ id: childId, name: '王小雨', resident_id: residentId() })]);
    expect(rowsOf(data, 'pickup_persons')).toEqual([expect.objectContaining({ phone: '13912345678' })]);
    expect(rowsOf(data, 'audit').some((r) => r.action === 'child.create' && r.entity_id === childId)).toBe(true);
    const text = res.body;
    expect(text).not.toContain(otherChildId);
    expect(text).not.toContain('李别家');
    expect(text).not.toContain('李另一家');
    expect(text).not.toContain('password');
  });

  it('is audited: the export and a read of each child it shows', async () => {
    const before = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity_id', 'in', [childId, world.actors.parent.userId as string])
      .orderBy('id')
      .execute();
    await t.app.inject({ url: '/api/v1/me/export', headers: { cookie } });
    const after = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'detail'])
      .where('entity_id', 'in', [childId, world.actors.parent.userId as string])
      .orderBy('id')
      .execute();
    const added = after.slice(before.length).map((r) => `${r.action} ${r.entity_id}`);
    expect(added.sort()).toEqual([`child.read ${childId}`, `privacy.export ${world.actors.parent.userId}`].sort());
  });

  it('opens as an Excel workbook, one sheet per kind, and writes formula-like text as text', async () => {
    const res = await t.app.inject({ url: '/api/v1/me/export?format=xlsx', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['幼儿 Children', '接送人 Pick-up persons', '访问记录 Audit log']),
    );
    const children = workbook.getWorksheet('幼儿 Children') as ExcelJS.Worksheet;
    expect(children.getRow(1).values).toEqual(expect.arrayContaining(['姓名 Name', '身份证号 Resident ID']));
    expect(JSON.stringify(children.getRow(2).values)).toContain('王小雨');
    const pickup = workbook.getWorksheet('接送人 Pick-up persons') as ExcelJS.Worksheet;
    const nameColumn = (pickup.getRow(1).values as unknown[]).indexOf('姓名 Name');
    const cell = pickup.getRow(2).getCell(nameColumn);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    expect(cell.value).toBe('\'=HYPERLINK("x")');
  });

  it('guards every start a spreadsheet takes for a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(guardCell(`${start}1`)).toBe(`'${start}1`);
    expect(guardCell('王小雨')).toBe('王小雨');
    expect(guardCell(12)).toBe(12);
  });

  it('is for parents only', async () => {
    await expectRoleMatrix(
      t,
      world,
      { url: '/api/v1/me/export' },
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
  });
});
