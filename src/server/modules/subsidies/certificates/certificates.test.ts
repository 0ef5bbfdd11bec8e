import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createFiledInstitution } from '../../../../../test/harness/factories/institutions.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { createRoleWorld, type RoleWorld } from '../../../../../test/harness/roles.ts';
import { checkPdfStructure } from './pdfCheck.testkit.ts';

const ucs2 = (text: string) => Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase();

describe.each(DIALECTS)('utility-price certificates on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let institution: { id: string; name: string; receiptNumber: string };
  let director: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    institution = await createFiledInstitution(t.deps.db, world.townshipCodes[0] as string, '阳光托育园');
    director = await signIn(t.app, (await createUser(t.deps.db, { role: 'institution_admin', institutionId: institution.id })).phone);
  });
  afterAll(() => t.close());

  const issue = (cookie = director, id = institution.id) =>
    t.app.inject({ method: 'POST', url: `/api/v1/institutions/${id}/utility-certificates`, headers: { cookie } });
  const verify = (code: string) => t.app.inject({ method: 'POST', url: '/api/v1/public/utility-certificates/verify', payload: { code } });

  it('a filed institution gets one; anyone checks it by its code', async () => {
    const res = await issue();
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      institutionName: '阳光托育园',
      filingNumber: institution.receiptNumber,
      validUntil: '2027-11-28',
      issuer: '测试区卫生健康局',
    });
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

  it('the PDF is a well-formed A4 page stating the facts in Chinese and where to check them', async () => {
    const c = (await issue()).json();
    const res = await t.app.inject({ url: c.pdfPath, headers: { cookie: director } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = checkPdfStructure(res.rawPayload);
    expect(text).toContain(ucs2('托育机构用水用电用气执行居民生活类价格证明'));
    expect(text).toContain(ucs2('阳光托育园'));
    expect(text).toContain(ucs2(institution.receiptNumber));
    expect(text).toContain(ucs2(`/verify/utility-certificates#${c.code}`));
    expect(res.rawPayload.length).toBeLessThan(20_000);
  });

  it('the printed link leads to the configured public site, whatever Host the request names', async () => {
    const site = await buildTestApp(dialect, { publicOrigins: ['https://tuoyu.example.gov.cn'] });
    try {
      const filed = await createFiledInstitution(site.deps.db, (await createRoleWorld(site)).townshipCodes[0] as string, '海棠托育园');
      const cookie = await signIn(site.app, (await createUser(site.deps.db, { role: 'institution_admin', institutionId: filed.id })).phone);
      const c = (
        await site.app.inject({ method: 'POST', url: `/api/v1/institutions/${filed.id}/utility-certificates`, headers: { cookie } })
      ).json();
      const res = await site.app.inject({ url: c.pdfPath, headers: { cookie, host: 'evil.example' } });
      const text = checkPdfStructure(res.rawPayload);
      expect(text).toContain(ucs2(`https://tuoyu.example.gov.cn/verify/utility-certificates#${c.code}`));
      expect(text).not.toContain(ucs2('evil.example'));
    } finally {
      await site.close();
    }
  });

  it('a draft institution cannot have one; another institution’s director cannot reach it', async () => {
    expect((await issue(world.actors.institution_admin.cookie as string, world.institutionId)).json().error.code).toBe(
      'REQUIRES_FILED_INSTITUTION',
    );
    const c = (await issue()).json();
    expect((await t.app.inject({ url: c.pdfPath, headers: { cookie: world.actors.institution_admin.cookie as string } })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ url: c.pdfPath, headers: { cookie: world.actors.district_official.cookie as string } })).statusCode).toBe(
      200,
    );
  });

  it('the check says when it no longer holds: revoked, expired, institution suspended', async () => {
    const revoked = (await issue()).json();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/utility-certificates/${revoked.id}/revoke`,
      payload: { reason: '信息有误' },
      headers: { cookie: world.actors.district_official.cookie as string },
    });
    expect(res.statusCode).toBe(200);
    expect((await verify(revoked.code)).json().status).toBe('revoked');
    const current = (await issue()).json();
    t.clock.set(new Date('2027-12-01T02:00:00Z'));
    try {
      expect((await verify(current.code)).json().status).toBe('expired');
    } finally {
      t.clock.set(new Date('2026-11-29T02:00:00Z'));
    }
    await t.deps.db.updateTable('institutions').set({ status: 'suspended' }).where('id', '=', institution.id).execute();
    await t.deps.db.updateTable('filed_institutions').set({ active: false }).where('institution_id', '=', institution.id).execute();
    expect((await verify(current.code)).json().status).toBe('not_operating');
    expect((await issue()).statusCode).toBe(409);
  });
});
