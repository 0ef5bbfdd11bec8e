import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createFiledInstitution, markFiled } from '../../../../../test/harness/factories/institutions.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { createRoleWorld, type RoleWorld } from '../../../../../test/harness/roles.ts';
import { checkPdfStructure, pdfLines } from '../../../platform/pdf/pdfCheck.testkit.ts';

describe.each(DIALECTS)('utility-price certificates on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let other: RoleWorld;
  let institution: { id: string; name: string; receiptNumber: string };
  let director: { id: string; cookie: string };
  let official: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    other = await createRoleWorld(t);
    institution = await createFiledInstitution(t.deps.db, world.townshipCodes[0] as string, '阳光托育园');
    const user = await createUser(t.deps.db, { role: 'institution_admin', institutionId: institution.id });
    director = { id: user.id, cookie: await signIn(t.app, user.phone) };
    official = world.actors.district_official.cookie as string;
  });
  afterAll(() => t.close());

  const request = (cookie = director.cookie, id = institution.id) =>
    t.app.inject({ method: 'POST', url: `/api/v1/institutions/${id}/utility-certificate-requests`, headers: { cookie } });
  const decide = (requestId: string, payload: object, cookie = official) =>
    t.app.inject({ method: 'POST', url: `/api/v1/utility-certificate-requests/${requestId}/decision`, payload, headers: { cookie } });
  const certificates = async () =>
    (
      await t.app.inject({ url: `/api/v1/institutions/${institution.id}/utility-certificates`, headers: { cookie: director.cookie } })
    ).json().items;
  /** A certificate the way a director gets one now: asked for, then approved by the district. */
  const issue = async () => {
    const asked = await request();
    expect(asked.statusCode, asked.body).toBe(201);
    const approved = await decide(asked.json().id, { decision: 'approve' });
    expect(approved.statusCode, approved.body).toBe(200);
    return (await certificates()).find((c: { id: string }) => c.id === approved.json().certificateId);
  };
  const verify = (code: string) => t.app.inject({ method: 'POST', url: '/api/v1/public/utility-certificates/verify', payload: { code } });
  const notes = (userId: string, kind: string) =>
    t.deps.db.selectFrom('notifications').select(['params', 'link']).where('user_id', '=', userId).where('kind', '=', kind).execute();
  const audited = (action: string) =>
    t.deps.db.selectFrom('audit_log').select('detail').where('action', '=', action).where('entity_id', '=', institution.id).execute();

  it('the director asks, the district approves and the certificate is issued; anyone checks it by its code', async () => {
    const asked = await request();
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({ status: 'requested', institutionName: '阳光托育园', certificateId: null });
    expect(await certificates()).toEqual([]);
    expect(await notes(world.actors.district_official.userId as string, 'subsidies.certificate_requested')).toEqual([
      { params: { institution: '阳光托育园' }, link: '/official/subsidy-applications?tab=certificates' },
    ]);
    expect(await notes(other.actors.district_official.userId as string, 'subsidies.certificate_requested')).toEqual([]);
    const queue = await t.app.inject({ url: '/api/v1/utility-certificate-requests', headers: { cookie: official } });
    expect(queue.json().items.map((r: { id: string }) => r.id)).toEqual([asked.json().id]);

    const approved = await decide(asked.json().id, { decision: 'approve' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'issued' });
    const [c] = await certificates();
    expect(c).toMatchObject({
      id: approved.json().certificateId,
      institutionName: '阳光托育园',
      filingNumber: institution.receiptNumber,
      validUntil: '2027-11-28',
      issuer: '测试区卫生健康局',
    });
    expect(await notes(director.id, 'subsidies.certificate_issued')).toEqual([
      { params: { institution: '阳光托育园', validUntil: '2027-11-28' }, link: '/institution/subsidy-applications' },
    ]);
    expect((await audited('utility_certificate.request')).length).toBeGreaterThan(0);
    expect((await audited('utility_certificate.issue')).length).toBeGreaterThan(0);
    expect((await decide(asked.json().id, { decision: 'approve' })).json().error.code).toBe('CERTIFICATE_REQUEST_DECIDED');

    const check = await verify(c.codeDisplay.toLowerCase());
    expect(check.statusCode).toBe(200);
    expect(check.json()).toMatchObject({
      status: 'valid',
      institutionName: '阳光托育园',
      filingNumber: institution.receiptNumber,
      issuedOn: '2026-11-29',
    });
    expect((await verify('0000-0000-0000')).statusCode).toBe(404);
    expect((await verify('not-a-code')).statusCode).toBe(404);
  });

  it('the district returns a request with its reason, which the director reads; one request waits at a time', async () => {
    // After the request the test before approved: the newest is listed first.
    t.clock.advanceMinutes(1);
    const asked = (await request()).json();
    expect((await request()).json().error.code).toBe('CERTIFICATE_REQUEST_OPEN');
    const empty = await decide(asked.id, { decision: 'return', reason: '  ' });
    expect(empty.statusCode).toBe(400);
    const maybe = await decide(asked.id, { decision: 'maybe' });
    expect(maybe.json().error.details).toEqual([
      { path: 'body.decision', message: '决定应为 approve（出具证明）或 return（退回并说明原因）' },
    ]);
    const returned = await decide(asked.id, { decision: 'return', reason: '请先完成变更备案' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: '请先完成变更备案', certificateId: null });
    expect(await notes(director.id, 'subsidies.certificate_returned')).toEqual([
      { params: { institution: '阳光托育园', reason: '请先完成变更备案' }, link: '/institution/subsidy-applications' },
    ]);
    expect((await audited('utility_certificate.return')).map((a) => a.detail)).toContainEqual({
      requestId: asked.id,
      reason: '请先完成变更备案',
    });
    const mine = await t.app.inject({
      url: `/api/v1/institutions/${institution.id}/utility-certificate-requests`,
      headers: { cookie: director.cookie },
    });
    expect(mine.json().items[0]).toMatchObject({ id: asked.id, status: 'returned', returnReason: '请先完成变更备案' });
    const again = await request();
    expect(again.statusCode).toBe(201);
    await decide(again.json().id, { decision: 'return', reason: '测试结束' });
  });

  it('another institution’s director and another district’s official find nothing; the city does not decide', async () => {
    const asked = (await request()).json();
    expect((await request(world.actors.institution_admin.cookie as string)).statusCode).toBe(404);
    const strangerList = await t.app.inject({
      url: `/api/v1/institutions/${institution.id}/utility-certificate-requests`,
      headers: { cookie: world.actors.institution_admin.cookie as string },
    });
    expect(strangerList.statusCode).toBe(404);
    expect((await decide(asked.id, { decision: 'approve' }, other.actors.district_official.cookie as string)).statusCode).toBe(404);
    const otherQueue = await t.app.inject({
      url: '/api/v1/utility-certificate-requests',
      headers: { cookie: other.actors.district_official.cookie as string },
    });
    expect(otherQueue.json().items).toEqual([]);
    expect((await decide(asked.id, { decision: 'approve' }, world.actors.city_official.cookie as string)).statusCode).toBe(403);
    expect((await decide(asked.id, { decision: 'return', reason: '测试结束' })).statusCode).toBe(200);
  });

  it('the PDF embeds its font, keeps the credit code on one line and states the receipt number in force', async () => {
    const c = await issue();
    // A change filing is filed: the institution now holds a new receipt, the first is superseded.
    const { receiptNumber: current } = await markFiled(t.deps.db, institution.id, world.townshipCodes[0] as string);
    expect(current).not.toBe(institution.receiptNumber);
    const res = await t.app.inject({ url: c.pdfPath, headers: { cookie: director.cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = checkPdfStructure(res.rawPayload);
    expect(text).toMatch(/\/FontFile2 \d+ 0 R/);
    expect(text).not.toContain('STSong-Light');
    const lines = pdfLines(res.rawPayload);
    expect(lines).toContain('托育机构用水用电用气执行居民生活类价格证明');
    const all = lines.join('');
    expect(all).toContain('阳光托育园');
    expect(all).toContain(current);
    expect(all).not.toContain(institution.receiptNumber);
    expect(all).toContain(`/verify/utility-certificates#${c.code}`);
    expect(
      lines
        .filter((l) => l.includes(c.creditCode.slice(0, 4)) || l.includes(c.creditCode.slice(-4)))
        .every((l) => l.includes(c.creditCode)),
    ).toBe(true);
    expect(res.rawPayload.length).toBeLessThan(120_000);
    expect((await certificates())[0].filingNumber).toBe(current);
    expect((await verify(c.code)).json().filingNumber).toBe(current);
  });

  it('the printed link leads to the configured public site, whatever Host the request names', async () => {
    const site = await buildTestApp(dialect, { publicOrigins: ['https://tuoyu.example.gov.cn'] });
    try {
      const siteWorld = await createRoleWorld(site);
      const filed = await createFiledInstitution(site.deps.db, siteWorld.townshipCodes[0] as string, '海棠托育园');
      const cookie = await signIn(site.app, (await createUser(site.deps.db, { role: 'institution_admin', institutionId: filed.id })).phone);
      const asked = (
        await site.app.inject({ method: 'POST', url: `/api/v1/institutions/${filed.id}/utility-certificate-requests`, headers: { cookie } })
      ).json();
      const approved = await site.app.inject({
        method: 'POST',
        url: `/api/v1/utility-certificate-requests/${asked.id}/decision`,
        payload: { decision: 'approve' },
        headers: { cookie: siteWorld.actors.district_official.cookie as string },
      });
      const pdfPath = `/api/v1/utility-certificates/${approved.json().certificateId}/certificate.pdf`;
      const res = await site.app.inject({ url: pdfPath, headers: { cookie, host: 'evil.example' } });
      const all = pdfLines(res.rawPayload).join('');
      expect(all).toContain('https://tuoyu.example.gov.cn/verify/utility-certificates#');
      expect(all).not.toContain('evil.example');
    } finally {
      await site.close();
    }
  });

  it('a draft institution cannot ask; another institution’s director cannot read the PDF', async () => {
    expect((await request(world.actors.institution_admin.cookie as string, world.institutionId)).json().error.code).toBe(
      'REQUIRES_FILED_INSTITUTION',
    );
    const c = await issue();
    expect((await t.app.inject({ url: c.pdfPath, headers: { cookie: world.actors.institution_admin.cookie as string } })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ url: c.pdfPath, headers: { cookie: official } })).statusCode).toBe(200);
  });

  it('the check says when it no longer holds: revoked, expired, institution suspended', async () => {
    const revoked = await issue();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/utility-certificates/${revoked.id}/revoke`,
      payload: { reason: '信息有误' },
      headers: { cookie: official },
    });
    expect(res.statusCode).toBe(200);
    expect((await verify(revoked.code)).json().status).toBe('revoked');
    const current = await issue();
    t.clock.set(new Date('2027-12-01T02:00:00Z'));
    try {
      expect((await verify(current.code)).json().status).toBe('expired');
    } finally {
      t.clock.set(new Date('2026-11-29T02:00:00Z'));
    }
    await t.deps.db.updateTable('institutions').set({ status: 'suspended' }).where('id', '=', institution.id).execute();
    await t.deps.db.updateTable('filed_institutions').set({ active: false }).where('institution_id', '=', institution.id).execute();
    expect((await verify(current.code)).json().status).toBe('not_operating');
    expect((await request()).statusCode).toBe(409);
  });
});
