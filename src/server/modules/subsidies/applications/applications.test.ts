import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { designateInclusive } from '../../../../../test/harness/factories/institutions.ts';
import { messagesOf, notificationsOf } from '../../../../../test/harness/notifications.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../../test/harness/roles.ts';

describe.each(DIALECTS)('institution subsidy applications on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let director: string;
  let district: string;
  let city: string;
  let other: RoleWorld;

  const apply = (payload: Record<string, unknown>, cookie = director, institutionId = world.institutionId) =>
    t.app.inject({ method: 'POST', url: `/api/v1/institutions/${institutionId}/subsidy-applications`, payload, headers: { cookie } });
  const step = (id: string, payload: Record<string, unknown>, cookie: string) =>
    t.app.inject({ method: 'POST', url: `/api/v1/subsidy-applications/${id}/transitions`, payload, headers: { cookie } });
  const socialInsurance = {
    kind: 'social_insurance',
    periodFrom: '2026-01-01',
    periodTo: '2026-06-30',
    details: { insuredStaff: 8, months: 6 },
    requestedFen: 2_400_000,
  };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    other = await createRoleWorld(t);
    director = world.actors.institution_admin.cookie as string;
    district = world.actors.district_official.cookie as string;
    city = world.actors.city_official.cookie as string;
  });
  afterAll(() => t.close());

  it('only filed institutions apply', async () => {
    const res = await apply(socialInsurance);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('REQUIRES_FILED_INSTITUTION');
    await t.deps.db
      .updateTable('institutions')
      .set({ status: 'filed' })
      .where('id', 'in', [world.institutionId, other.institutionId])
      .execute();
  });

  it('district first, then the city approves with an amount; each step in the history and the audit log', async () => {
    const created = await apply(socialInsurance);
    expect(created.statusCode).toBe(201);
    const a = created.json();
    expect(a).toMatchObject({ status: 'submitted', allowedActions: ['withdraw'], suggestedFen: null, requestedFen: 2_400_000 });
    const early = await step(a.id, { action: 'city_approve', amountFen: 1 }, city);
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'SUBSIDY_ACTION_NOT_ALLOWED', details: { allowed: [] } });
    expect((await step(a.id, { action: 'district_approve' }, director)).statusCode).toBe(403);
    expect((await step(a.id, { action: 'district_approve' }, other.actors.district_official.cookie as string)).statusCode).toBe(404);
    const districtOk = await step(a.id, { action: 'district_approve', note: '材料齐全' }, district);
    expect(districtOk.json()).toMatchObject({ status: 'district_approved' });
    expect((await step(a.id, { action: 'city_approve' }, city)).statusCode).toBe(400);
    const approved = (await step(a.id, { action: 'city_approve', amountFen: 2_000_000 }, city)).json();
    expect(approved).toMatchObject({ status: 'approved', approvedFen: 2_000_000, allowedActions: [] });
    expect(approved.events.map((e: { action: string }) => e.action)).toEqual(['submit', 'district_approve', 'city_approve']);
    // The applicant hears of the decision in the app; it can wait, so no SMS.
    const applicant = world.actors.institution_admin.userId as string;
    expect((await notificationsOf(t, applicant)).map((n) => [n.kind, n.params.amount])).toEqual([
      ['subsidies.application_approved', '20000.00'],
    ]);
    expect(await messagesOf(t, applicant)).toEqual([]);
    const audited = await t.deps.db.selectFrom('audit_log').select('action').where('action', 'like', 'subsidy_application.%').execute();
    expect(audited.map((r) => r.action)).toEqual(
      expect.arrayContaining(['subsidy_application.submit', 'subsidy_application.district_approve', 'subsidy_application.city_approve']),
    );
  });

  it('returned with reasons, resubmitted with corrections, or withdrawn', async () => {
    const a = (await apply(socialInsurance)).json();
    expect((await step(a.id, { action: 'district_return' }, district)).statusCode).toBe(400);
    const returned = (await step(a.id, { action: 'district_return', note: '缺少社保缴费凭证' }, district)).json();
    expect(returned).toMatchObject({ status: 'returned', allowedActions: [] });
    const mine = (await t.app.inject({ url: `/api/v1/subsidy-applications/${a.id}`, headers: { cookie: director } })).json();
    expect(mine).toMatchObject({
      allowedActions: ['resubmit', 'withdraw'],
      events: [{}, { action: 'district_return', note: '缺少社保缴费凭证' }],
    });
    const again = (
      await step(a.id, { action: 'resubmit', details: { insuredStaff: 7, months: 6 }, requestedFen: 2_100_000 }, director)
    ).json();
    expect(again).toMatchObject({ status: 'submitted', requestedFen: 2_100_000, details: { insuredStaff: 7 } });
    expect((await step(a.id, { action: 'withdraw' }, director)).json().status).toBe('withdrawn');
  });

  it('the per-place subsidy needs an inclusive designation, and suggests 10,000 yuan a place', async () => {
    const body = {
      kind: 'new_place',
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      details: { newPlaces: 20 },
      requestedFen: 20_000_000,
    };
    expect((await apply(body)).statusCode).toBe(400);
    await designateInclusive(t.deps.db, world.institutionId);
    expect((await apply(body)).json()).toMatchObject({ suggestedFen: 20_000_000 });
  });

  it('documents: PDF, JPEG or PNG by content; readable by reviewers in scope', async () => {
    const a = (await apply(socialInsurance)).json();
    const upload = (content: Buffer, filename: string) => {
      const boundary = '----tuoyu';
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return t.app.inject({
        method: 'POST',
        url: `/api/v1/subsidy-applications/${a.id}/files`,
        payload: body,
        headers: { cookie: director, 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
    };
    expect((await upload(Buffer.from('MZ not a pdf'), 'x.pdf')).statusCode).toBe(415);
    const ok = await upload(Buffer.from('%PDF-1.7\n%test\n'), '社保缴费明细.pdf');
    expect(ok.statusCode).toBe(201);
    const file = ok.json().files[0];
    expect(file).toMatchObject({ filename: '社保缴费明细.pdf', contentType: 'application/pdf' });
    const read = await t.app.inject({ url: `/api/v1/subsidy-applications/${a.id}/files/${file.id}`, headers: { cookie: district } });
    expect(read.statusCode).toBe(200);
    expect(read.body.startsWith('%PDF-')).toBe(true);
    expect(
      (
        await t.app.inject({
          url: `/api/v1/subsidy-applications/${a.id}/files/${file.id}`,
          headers: { cookie: other.actors.institution_admin.cookie as string },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('role matrix for the review queue', async () => {
    await expectRoleMatrix(
      t,
      world,
      { url: '/api/v1/subsidy-applications' },
      {
        anonymous: 401,
        parent: 403,
        institution_admin: 200,
        caregiver: 403,
        district_official: 200,
        city_official: 200,
        admin: 200,
      },
    );
    const theirs = (
      await t.app.inject({ url: '/api/v1/subsidy-applications', headers: { cookie: other.actors.institution_admin.cookie as string } })
    ).json();
    expect(theirs.items).toEqual([]);
  });
  it('an institution outside the caller’s scope answers 404, like an id that does not exist', async () => {
    const list = (cookie: string, id: string) =>
      t.app.inject({ url: `/api/v1/institutions/${id}/subsidy-applications`, headers: { cookie } });
    const foreign = await list(other.actors.district_official.cookie as string, world.institutionId);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('NOT_FOUND');
    expect((await list(other.actors.institution_admin.cookie as string, world.institutionId)).statusCode).toBe(404);
    expect((await list(district, world.institutionId)).statusCode).toBe(200);
    expect((await list(city, other.institutionId)).statusCode).toBe(200);
  });
});
