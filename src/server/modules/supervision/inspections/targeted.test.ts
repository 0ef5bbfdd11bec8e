import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { notificationsOf } from '../../../../../test/harness/notifications.ts';
import { expectRoleMatrix } from '../../../../../test/harness/roles.ts';
import { createInspectionWorld, resultsBody } from '../test/world.ts';

type World = Awaited<ReturnType<typeof createInspectionWorld>>;

describe.each(DIALECTS)('targeted inspections on %s', (dialect) => {
  let t: TestApp;
  let w: World;
  let complaintId: string;
  const as = (cookie: string | undefined) => ({
    get: (url: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} }),
    post: (url: string, payload?: object) => t.app.inject({ method: 'POST', url, payload, headers: cookie ? { cookie } : {} }),
  });
  const district = () => as(w.world.actors.district_official.cookie);
  const parent = () => as(w.world.actors.parent.cookie);
  const order = (id = complaintId) => district().post(`/api/v1/complaints/${id}/inspection`);

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    t.clock.set(new Date('2026-11-30T02:00:00Z'));
    w = await createInspectionWorld(t);
    const filed = await parent().post('/api/v1/complaints', {
      institutionId: w.world.institutionId,
      category: 'safety',
      text: '午睡室窗户没有护栏',
    });
    complaintId = filed.json().id;
  });
  afterAll(() => t.close());

  it('is ordered only from a complaint in handling, by its district, once', async () => {
    expect((await order()).json().error.code).toBe('INSPECTION_COMPLAINT_NOT_IN_HANDLING');
    await district().post(`/api/v1/complaints/${complaintId}/transitions`, { action: 'accept' });
    expect((await as(w.otherOfficialCookie).post(`/api/v1/complaints/${complaintId}/inspection`)).statusCode).toBe(404);
    expect((await order('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await order('not-an-id')).statusCode).toBe(400);
    const [first, second] = await Promise.all([order(), order()]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([201, 409]);
    const ordered = (first.statusCode === 201 ? first : second).json();
    expect(ordered).toMatchObject({ institutionId: w.world.institutionId, complaintId });
    expect(ordered.inspectorIds).toHaveLength(2);
    expect((first.statusCode === 201 ? second : first).json().error.code).toBe('INSPECTION_ALREADY_ORDERED');
  });

  it('draws its inspectors skipping the inactive and the conflicted, or refuses without enough', async () => {
    const other = (
      await parent().post('/api/v1/complaints', { institutionId: w.institutionIds[1], category: 'health', text: '餐具未消毒' })
    ).json().id;
    await district().post(`/api/v1/complaints/${other}/transitions`, { action: 'accept' });
    const [a, b, c] = w.inspectorIds as [string, string, string];
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/inspectors/${a}/active`,
      payload: { active: false },
      headers: { cookie: w.world.actors.district_official.cookie },
    });
    await district().post(`/api/v1/inspectors/${b}/conflicts`, { institutionId: w.institutionIds[1], reason: '亲属' });
    expect((await order(other)).json().error.code).toBe('INSPECTION_TOO_FEW_INSPECTORS');
    await t.deps.db.deleteFrom('inspector_conflicts').execute();
    const drawn = (await order(other)).json();
    expect(drawn.inspectorIds.sort()).toEqual([b, c].sort());
    await t.app.inject({
      method: 'PUT',
      url: `/api/v1/inspectors/${a}/active`,
      payload: { active: true },
      headers: { cookie: w.world.actors.district_official.cookie },
    });
  });

  it('tells the complainant in the same step, audited, and shows the result without inspectors or notes', async () => {
    const told = await notificationsOf(t, w.world.actors.parent.userId as string);
    expect(told.filter((n) => n.kind === 'supervision.complaint_inspection_ordered')).toHaveLength(2);
    const audit = await t.deps.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'inspection.targeted.order').execute();
    expect(audit).toHaveLength(2);

    const queue = (await district().get('/api/v1/complaints')).json().items;
    const handled = queue.find((c: { id: string }) => c.id === complaintId);
    expect(handled).toMatchObject({ mayOrderInspection: false, inspection: { overall: null } });
    const inspectionId = handled.inspection.id as string;
    const inspection = (await district().get(`/api/v1/inspections/${inspectionId}`)).json();
    expect(inspection).toMatchObject({ kind: 'targeted', complaintId, institutionId: w.world.institutionId });
    const round = (await district().get(`/api/v1/inspection-rounds/${inspection.roundId}`)).json();
    expect(round).toMatchObject({ kind: 'targeted', candidates: 1 });
    expect((await district().post(`/api/v1/inspection-rounds/${inspection.roundId}/rerun`)).json().same).toBe(true);

    const recorded = await district().post(`/api/v1/inspections/${inspectionId}/results`, resultsBody({ fire_safety: '2026-12-10' }));
    expect(recorded.statusCode).toBe(200);
    expect(recorded.json().rectifications).toHaveLength(1);
    const mine = (await parent().get('/api/v1/complaints?mine=true')).json().items.find((c: { id: string }) => c.id === complaintId);
    expect(mine.inspection).toEqual({ id: inspectionId, overall: 'rectify', inspectedOn: '2026-11-28' });
    const body = JSON.stringify(mine);
    for (const name of ['王检查', '李检查', '赵检查', '张某']) expect(body).not.toContain(name);
    expect((await parent().get(`/api/v1/inspections/${inspectionId}`)).statusCode).toBe(403);
  });

  it('is the district’s to order: the city and everyone else are refused', async () => {
    const another = (
      await parent().post('/api/v1/complaints', { institutionId: w.institutionIds[2], category: 'fees', text: '乱收费' })
    ).json().id;
    await district().post(`/api/v1/complaints/${another}/transitions`, { action: 'accept' });
    await expectRoleMatrix(
      t,
      w.world,
      { method: 'POST', url: `/api/v1/complaints/${another}/inspection` },
      {
        anonymous: 401,
        parent: 403,
        institution_admin: 403,
        caregiver: 403,
        district_official: 201,
        city_official: 403,
        admin: 403,
      },
    );
  });
});
