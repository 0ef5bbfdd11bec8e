import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createDistrict } from '../../../../../test/harness/factories/geography.ts';
import { completeInstitution, markFiled, nextCreditCode, staffResidentId } from '../../../../../test/harness/factories/institutions.ts';
import { createUser, nextPhone, signIn } from '../../../../../test/harness/factories/users.ts';
import { toShanghaiMinute } from '../../../../domain/dates/shanghai.ts';
import { as } from '../test/helpers.ts';

const PASSWORD = 'green-kite-42';

/**
 * A person starts an institution and becomes its director, invites staff by phone number, and
 * the invitees accept (signing up first when they have no account). Access follows the roles
 * row by row: revoking or a leaving ends it on the very next request of a live session.
 */
describe.each(DIALECTS)('starting an institution and inviting its staff, on %s', (dialect) => {
  let t: TestApp;
  let township: string;
  let addresses = 0;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    ({
      townshipCodes: [township = ''],
    } = await createDistrict(t.deps.db, '创办区'));
  });
  afterAll(() => t.close());

  async function parentCookie() {
    const user = await createUser(t.deps.db, { role: 'parent' });
    return { ...user, cookie: await signIn(t.app, user.phone) };
  }

  const startBody = (creditCode = nextCreditCode()) => ({ name: '小星星托育园', creditCode, address: '幸福路1号', divisionCode: township });

  /** A parent-only account starts an institution; returns the director's cookie and the institution. */
  async function startInstitution() {
    const director = await parentCookie();
    const res = await as(t, director.cookie).post('/api/v1/institutions/start', startBody());
    expect(res.statusCode, res.body).toBe(201);
    return { director, id: res.json().id as string };
  }

  /** Signs a new number up through the real routes, reading the code from the development outbox. */
  async function signUp(phone: string) {
    const ip = `10.9.0.${++addresses}`;
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/verification-codes',
      remoteAddress: ip,
      payload: { phone, purpose: 'register' },
    });
    const outbox = await t.app.inject({ url: `/api/v1/dev/outbox?phone=${phone}` });
    const codeSms = outbox.json().items.find((m: { template: string }) => m.template === 'auth.verification_code');
    const code = (/\d{6}/.exec(codeSms.body) as RegExpExecArray)[0];
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      remoteAddress: ip,
      payload: { phone, code, name: '新员工', password: PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(201);
    return signIn(t.app, phone, PASSWORD);
  }

  it('a parent starts an institution, becomes its director at once, and may edit its draft', async () => {
    const { director, id } = await startInstitution();
    const me = (await as(t, director.cookie).get('/api/v1/auth/me')).json();
    expect(me.roles.map((r: { role: string; institutionId?: string }) => [r.role, r.institutionId ?? null])).toEqual(
      expect.arrayContaining([
        ['parent', null],
        ['institution_admin', id],
      ]),
    );
    const record = await as(t, director.cookie).get(`/api/v1/institutions/${id}/record`);
    expect(record.json().status).toBe('draft');
    expect(record.json().allowedActions).toContain('submit');
    expect((await as(t, director.cookie).patch(`/api/v1/institutions/${id}`, { description: '环境好' })).statusCode).toBe(200);
    // Until it is filed, the grant says so: the web shows a draft only its record and filing.
    const grant = async () =>
      (await as(t, director.cookie).get('/api/v1/auth/me')).json().roles.find((r: { role: string }) => r.role === 'institution_admin');
    expect(await grant()).toMatchObject({ institutionId: id, institutionName: '小星星托育园', institutionFiled: false });
    await completeInstitution(t.deps.db, id);
    await markFiled(t.deps.db, id, township);
    expect(await grant()).toMatchObject({ institutionId: id, institutionFiled: true });
  });

  it('one credit code, one institution; a wrong code or township is a clear 4xx', async () => {
    const first = await parentCookie();
    const second = await parentCookie();
    const creditCode = nextCreditCode();
    expect((await as(t, first.cookie).post('/api/v1/institutions/start', startBody(creditCode))).statusCode).toBe(201);
    const again = await as(t, second.cookie).post('/api/v1/institutions/start', startBody(creditCode));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CREDIT_CODE_TAKEN');
    const me = (await as(t, second.cookie).get('/api/v1/auth/me')).json();
    expect(me.roles).toEqual([{ role: 'parent' }]);
    const badCode = await as(t, second.cookie).post('/api/v1/institutions/start', startBody('91320700MA1X2Y3Z4A'));
    expect(badCode.statusCode).toBe(400);
    const badTownship = await as(t, second.cookie).post('/api/v1/institutions/start', { ...startBody(), divisionCode: '329999999' });
    expect(badTownship.statusCode).toBe(422);
  });

  it('two people starting with one credit code at the same moment: one 201, one 409', async () => {
    const [a, b] = await Promise.all([parentCookie(), parentCookie()]);
    const creditCode = nextCreditCode();
    const results = await Promise.all([a, b].map((p) => as(t, p.cookie).post('/api/v1/institutions/start', startBody(creditCode))));
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const loser = results.find((r) => r.statusCode === 409);
    expect(loser?.json().error.code).toBe('CREDIT_CODE_TAKEN');
  });

  it('an invitee without an account gets an SMS, signs up, accepts and holds the role', async () => {
    const { director, id } = await startInstitution();
    const phone = nextPhone();
    const invited = await as(t, director.cookie).post(`/api/v1/institutions/${id}/invitations`, { phone, role: 'caregiver' });
    expect(invited.statusCode, invited.body).toBe(201);
    const invitation = invited.json();
    expect(invitation.status).toBe('pending');
    expect(invitation.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const sms = (await t.app.inject({ url: `/api/v1/dev/outbox?phone=${phone}` })).json().items[0];
    expect(sms.template).toBe('institutions.invitation');
    t.clock.advanceMinutes(1);
    expect(sms.body).toContain('小星星托育园');

    const cookie = await signUp(phone);
    const mine = (await as(t, cookie).get('/api/v1/invitations')).json().items;
    expect(mine.map((i: { id: string }) => i.id)).toEqual([invitation.id]);
    const accepted = await as(t, cookie).post(`/api/v1/invitations/${invitation.id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().status).toBe('accepted');
    const me = (await as(t, cookie).get('/api/v1/auth/me')).json();
    expect(me.roles).toEqual(expect.arrayContaining([expect.objectContaining({ role: 'caregiver', institutionId: id })]));
    const list = (await as(t, director.cookie).get(`/api/v1/institutions/${id}/invitations`)).json().items;
    expect(list.map((i: { status: string }) => i.status)).toEqual(['accepted']);
  });

  it('an invitee who has an account also finds the invitation among their notifications; one without, only the SMS', async () => {
    const { director, id } = await startInstitution();
    const invitee = await parentCookie();
    const invited = await as(t, director.cookie).post(`/api/v1/institutions/${id}/invitations`, {
      phone: invitee.phone,
      role: 'caregiver',
    });
    expect(invited.statusCode, invited.body).toBe(201);
    const list = (await as(t, invitee.cookie).get('/api/v1/notifications')).json();
    expect(list.items).toMatchObject([{ kind: 'institutions.invitation_received', title: '收到机构邀请', link: '/invitations' }]);
    expect(list.items[0].body).toBe(
      `小星星托育园邀请您成为本机构的保育人员，请在${toShanghaiMinute(new Date(invited.json().expiresAt))}前接受。`,
    );
    const english = (
      await t.app.inject({ url: '/api/v1/notifications', headers: { cookie: invitee.cookie, 'accept-language': 'en' } })
    ).json();
    expect(english.items[0].body).toContain('invites you to join as a caregiver');
    // The invitation's own SMS, not a second one from the notification.
    const sms = (await t.app.inject({ url: `/api/v1/dev/outbox?phone=${invitee.phone}` })).json().items;
    expect(sms.map((m: { template: string }) => m.template)).toEqual(['institutions.invitation']);

    const stranger = nextPhone();
    await as(t, director.cookie).post(`/api/v1/institutions/${id}/invitations`, { phone: stranger, role: 'caregiver' });
    const newcomer = await signUp(stranger);
    expect((await as(t, newcomer).get('/api/v1/notifications')).json().items).toEqual([]);
    expect((await as(t, newcomer).get('/api/v1/invitations')).json().items).toHaveLength(1);
  });

  it('accepting someone else’s invitation fails as if it did not exist', async () => {
    const { director, id } = await startInstitution();
    const invited = await as(t, director.cookie).post(`/api/v1/institutions/${id}/invitations`, {
      phone: nextPhone(),
      role: 'institution_admin',
    });
    const stranger = await parentCookie();
    const res = await as(t, stranger.cookie).post(`/api/v1/invitations/${invited.json().id}/accept`);
    expect(res.statusCode).toBe(404);
    expect((await as(t, stranger.cookie).get(`/api/v1/institutions/${id}/record`)).statusCode).toBe(403);
    expect((await as(t, stranger.cookie).get('/api/v1/invitations')).json().items).toEqual([]);
  });

  it('an invitation lapses after 7 days, and a revoked one cannot be accepted', async () => {
    const { director, id } = await startInstitution();
    const invitee = await parentCookie();
    const late = (
      await as(t, director.cookie).post(`/api/v1/institutions/${id}/invitations`, { phone: invitee.phone, role: 'caregiver' })
    ).json();
    const revoked = (
      await as(t, director.cookie).post(`/api/v1/institutions/${id}/invitations`, { phone: invitee.phone, role: 'caregiver' })
    ).json();
    expect((await as(t, director.cookie).post(`/api/v1/invitations/${revoked.id}/revoke`)).json().status).toBe('revoked');
    const refused = await as(t, invitee.cookie).post(`/api/v1/invitations/${revoked.id}/accept`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('INVITATION_REVOKED');

    t.clock.advanceMinutes(7 * 24 * 60 + 1);
    const invitee2 = await signIn(t.app, invitee.phone);
    const expired = await as(t, invitee2).post(`/api/v1/invitations/${late.id}/accept`);
    expect(expired.statusCode).toBe(409);
    expect(expired.json().error.code).toBe('INVITATION_EXPIRED');
    const director2 = await signIn(t.app, director.phone);
    const statuses = (await as(t, director2).get(`/api/v1/institutions/${id}/invitations`))
      .json()
      .items.map((i: { id: string; status: string }) => [i.id, i.status]);
    expect(statuses).toEqual(
      expect.arrayContaining([
        [late.id, 'expired'],
        [revoked.id, 'revoked'],
      ]),
    );
    expect((await as(t, invitee2).get('/api/v1/auth/me')).json().roles).toEqual([{ role: 'parent' }]);
  });

  it('revoking an accepted invitation ends the role on the live session’s next request', async () => {
    const { director, id } = await startInstitution();
    const second = await parentCookie();
    const invitation = (
      await as(t, director.cookie).post(`/api/v1/institutions/${id}/invitations`, { phone: second.phone, role: 'institution_admin' })
    ).json();
    await as(t, second.cookie).post(`/api/v1/invitations/${invitation.id}/accept`);
    expect((await as(t, second.cookie).get(`/api/v1/institutions/${id}/record`)).statusCode).toBe(200);
    const revoked = await as(t, director.cookie).post(`/api/v1/invitations/${invitation.id}/revoke`);
    expect(revoked.json().status).toBe('revoked');
    expect((await as(t, second.cookie).get(`/api/v1/institutions/${id}/record`)).statusCode).toBe(403);
    expect((await as(t, second.cookie).get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('a director cannot end their own role by revoking the invitation they accepted', async () => {
    const { director, id } = await startInstitution();
    const second = await parentCookie();
    const invitation = (
      await as(t, director.cookie).post(`/api/v1/institutions/${id}/invitations`, { phone: second.phone, role: 'institution_admin' })
    ).json();
    await as(t, second.cookie).post(`/api/v1/invitations/${invitation.id}/accept`);
    const own = await as(t, second.cookie).post(`/api/v1/invitations/${invitation.id}/revoke`);
    expect(own.statusCode).toBe(403);
    expect(own.json().error.code).toBe('OWN_ACCOUNT_UNCHANGEABLE');
  });

  it('when a staff member leaves the roster, the account that joined as them loses the role at once', async () => {
    const { director, id } = await startInstitution();
    const staff = await as(t, director.cookie).post(`/api/v1/institutions/${id}/staff`, {
      name: '王老师',
      role: 'caregiver',
      residentId: staffResidentId(1),
    });
    const staffId = staff.json().id as string;
    const person = await parentCookie();
    const invitation = (
      await as(t, director.cookie).post(`/api/v1/institutions/${id}/invitations`, {
        phone: person.phone,
        role: 'institution_admin',
        staffId,
      })
    ).json();
    expect(invitation.staffId).toBe(staffId);
    await as(t, person.cookie).post(`/api/v1/invitations/${invitation.id}/accept`);
    expect((await as(t, person.cookie).get(`/api/v1/institutions/${id}/record`)).statusCode).toBe(200);
    expect((await as(t, director.cookie).delete(`/api/v1/institutions/${id}/staff/${staffId}`)).statusCode).toBe(204);
    expect((await as(t, person.cookie).get(`/api/v1/institutions/${id}/record`)).statusCode).toBe(403);
    const list = (await as(t, director.cookie).get(`/api/v1/institutions/${id}/invitations`)).json().items;
    expect(list[0].status).toBe('revoked');
  });

  it('invitations send SMS, so an institution and a number each have a share a day', async () => {
    const a = await startInstitution();
    const b = await startInstitution();
    const phone = nextPhone();
    const inviteFrom = (x: { director: { cookie: string }; id: string }, to: string) =>
      as(t, x.director.cookie).post(`/api/v1/institutions/${x.id}/invitations`, { phone: to, role: 'caregiver' });
    expect([
      (await inviteFrom(a, phone)).statusCode,
      (await inviteFrom(a, phone)).statusCode,
      (await inviteFrom(b, phone)).statusCode,
    ]).toEqual([201, 201, 201]);
    const fourth = await inviteFrom(b, phone);
    expect(fourth.statusCode).toBe(429);
    expect(fourth.json().error.code).toBe('INVITATIONS_LIMITED');
    for (let i = 0; i < 28; i += 1) expect((await inviteFrom(a, nextPhone())).statusCode).toBe(201);
    expect((await inviteFrom(a, nextPhone())).statusCode).toBe(429);
    expect((await inviteFrom(b, nextPhone())).statusCode).toBe(201);
    t.clock.advanceMinutes(24 * 60);
    const director = await signIn(t.app, a.director.phone);
    expect((await inviteFrom({ director: { cookie: director }, id: a.id }, phone)).statusCode).toBe(201);
  });

  it('a roster entry of another institution cannot be named', async () => {
    const a = await startInstitution();
    const b = await startInstitution();
    const staffId = (
      await as(t, b.director.cookie).post(`/api/v1/institutions/${b.id}/staff`, {
        name: '李老师',
        role: 'caregiver',
        residentId: staffResidentId(2),
      })
    ).json().id;
    const res = await as(t, a.director.cookie).post(`/api/v1/institutions/${a.id}/invitations`, {
      phone: nextPhone(),
      role: 'caregiver',
      staffId,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('STAFF_NOT_IN_INSTITUTION');
  });
});
