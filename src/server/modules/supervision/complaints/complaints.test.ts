import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createDistrict } from '../../../../../test/harness/factories/geography.ts';
import { createFiledInstitution, createInstitution } from '../../../../../test/harness/factories/institutions.ts';
import { createUser, nextPhone, signIn } from '../../../../../test/harness/factories/users.ts';
import { messagesOf, notificationsOf } from '../../../../../test/harness/notifications.ts';

/** The field a 400 names first, as the form shows it (`body.` dropped). */
const fieldOf = (res: { json(): { error: { details: { path: string }[] } } }) => res.json().error.details[0]?.path.replace(/^body\./, '');

// 1×1 PNG and the start of a JPEG; a PE executable renamed .jpg starts "MZ".
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4b50000000049454e44ae426082',
  'hex',
);
const EXE = Buffer.from('4d5a90000300000004000000ffff0000', 'hex');

describe.each(DIALECTS)('complaints on %s', (dialect) => {
  let t: TestApp;
  let districtCode: string;
  let institutionId: string;
  let closedId: string;
  let draftId: string;
  type Someone = { id: string; phone: string; cookie: string };
  let parent: Someone;
  let official: Someone;
  let city: Someone;
  let director: Someone;
  let addresses = 0;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const d = await createDistrict(t.deps.db, '投诉区');
    districtCode = d.districtCode;
    const township = d.townshipCodes[0] as string;
    institutionId = (await createFiledInstitution(t.deps.db, township, '投诉测试园')).id;
    closedId = (await createFiledInstitution(t.deps.db, township, '已关园')).id;
    await t.deps.db.updateTable('institutions').set({ status: 'closed' }).where('id', '=', closedId).execute();
    draftId = (await createInstitution(t.deps.db, township, '草稿园')).id;
    const someone = async (grant: Parameters<typeof createUser>[1]) => ({ ...(await createUser(t.deps.db, grant)), cookie: '' });
    parent = await someone({ role: 'parent' });
    official = await someone({ role: 'district_official', divisionCode: districtCode });
    city = await someone({ role: 'city_official', divisionCode: d.cityCode });
    director = await someone({ role: 'institution_admin', institutionId });
    await at('2026-11-30T02:00:00Z');
  });
  afterAll(() => t.close());

  /** Moves the clock and signs everyone in again, as a session does not outlive a jump of weeks. */
  async function at(iso: string) {
    t.clock.set(new Date(iso));
    for (const who of [parent, official, city, director]) who.cookie = await signIn(t.app, who.phone);
  }
  const complain = (payload: Record<string, unknown>, cookie?: string, ip = `10.2.0.${++addresses}`) =>
    t.app.inject({ method: 'POST', url: '/api/v1/complaints', remoteAddress: ip, payload, headers: cookie ? { cookie } : {} });
  const act = (id: string, payload: Record<string, unknown>, cookie = official.cookie) =>
    t.app.inject({ method: 'POST', url: `/api/v1/complaints/${id}/transitions`, payload, headers: { cookie } });
  const list = async (cookie: string, query = '') => {
    const res = await t.app.inject({ url: `/api/v1/complaints${query}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    return res.json().items as Record<string, unknown>[];
  };
  const find = async (cookie: string, id: string, query = '') =>
    (await list(cookie, query)).find((c) => c.id === id) as Record<string, unknown>;

  async function codeFor(phone: string, ip: string) {
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/verification-codes',
      remoteAddress: ip,
      payload: { phone, purpose: 'complaint' },
    });
    expect(asked.statusCode).toBe(202);
    const res = await t.app.inject({ url: `/api/v1/dev/outbox?phone=${phone}` });
    return (/\d{6}/.exec(res.json().items[0].body as string) as RegExpExecArray)[0];
  }

  it('deadlines follow the official calendar: Friday before the Spring Festival, accepted on the Saturday worked, extended', async () => {
    await at('2026-02-13T02:00:00Z'); // Friday 13 Feb, Shanghai
    const res = await complain({ institutionId, category: 'safety', text: '大门无人值守' }, parent.cookie);
    expect(res.statusCode).toBe(201);
    expect(res.json().reference).toMatch(/^TS20260213[A-Z0-9]{4}$/);
    const { id } = res.json();
    // Due Saturday 14 Feb, a make-up working day, not after the holiday.
    expect(await find(official.cookie, id)).toMatchObject({
      status: 'submitted',
      acceptDue: '2026-02-14',
      due: '2026-02-14',
      overdue: false,
    });

    await at('2026-02-14T03:00:00Z');
    const accepted = await act(id, { action: 'accept' });
    expect(accepted.statusCode).toBe(200);
    // 24, 25, 26, 27 Feb and Saturday 28 Feb, worked: the festival (15–23 Feb) does not count.
    expect(accepted.json()).toMatchObject({
      status: 'accepted',
      resolveDue: '2026-02-28',
      allowedActions: ['resolve', 'extend', 'reject', 'escalate'],
    });

    const noReason = await act(id, { action: 'extend' });
    expect(noReason.statusCode).toBe(400);
    expect(fieldOf(noReason)).toBe('reason');
    const extended = await act(id, { action: 'extend', reason: '需调取监控核实' });
    // 15 working days from 14 Feb: 24–28 Feb, 2–6 and 9–13 March.
    expect(extended.json()).toMatchObject({ resolveDue: '2026-03-13', extended: true, allowedActions: ['resolve', 'reject', 'escalate'] });
    const again = await act(id, { action: 'extend', reason: '再延' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.allowed).toEqual(['resolve', 'reject', 'escalate']);

    await at('2026-03-16T02:00:00Z');
    expect(await find(official.cookie, id)).toMatchObject({ overdue: true, due: '2026-03-13' });
    expect((await find(city.cookie, id)).overdue).toBe(true);
  });

  it('a complaint not accepted within one working day is overdue from the next day', async () => {
    await at('2026-02-13T02:00:00Z');
    const { id } = (await complain({ institutionId, category: 'fees', text: '乱收费' }, parent.cookie)).json();
    await at('2026-02-14T15:00:00Z'); // 23:00 Saturday in Shanghai: still the due day
    expect((await find(official.cookie, id)).overdue).toBe(false);
    await at('2026-02-14T16:30:00Z'); // 00:30 Sunday
    expect(await find(official.cookie, id, '?overdue=true')).toMatchObject({ overdue: true });
  });

  it('resolving tells the parent in the same transaction; the parent reads the answer and rates once', async () => {
    await at('2026-11-30T02:00:00Z');
    const { id } = (await complain({ institutionId, category: 'health', text: '午餐没有肉' }, parent.cookie)).json();
    expect((await notificationsOf(t, official.id)).map((n) => n.kind)).toContain('supervision.complaint_received');
    await act(id, { action: 'accept' });
    const missing = await act(id, { action: 'resolve', answer: '已整改' });
    expect(missing.statusCode).toBe(400);
    expect(fieldOf(missing)).toBe('upheld');
    const upheld = async () => (await t.app.inject({ url: `/api/v1/institutions/${institutionId}` })).json().upheldComplaints as number;
    const upheldBefore = await upheld();
    const resolved = await act(id, { action: 'resolve', answer: '经核实属实，已责令整改。', upheld: true });
    // The institution's public page counts it among the complaints upheld in the last 12 months.
    expect(await upheld()).toBe(upheldBefore + 1);
    expect(resolved.json()).toMatchObject({ status: 'resolved', answer: '经核实属实，已责令整改。', upheld: true, allowedActions: [] });
    const kinds = (await notificationsOf(t, parent.id)).map((n) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['supervision.complaint_accepted', 'supervision.complaint_resolved']));

    const mine = await find(parent.cookie, id);
    expect(mine).toMatchObject({ status: 'resolved', answer: '经核实属实，已责令整改。', complainant: null, mayRate: true });
    expect(mine.history).toHaveLength(2);
    const rate = (score: number) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/complaints/${id}/rating`,
        payload: { score, comment: '满意' },
        headers: { cookie: parent.cookie },
      });
    expect((await rate(6)).statusCode).toBe(400);
    const rated = await rate(5);
    expect(rated.statusCode).toBe(200);
    expect(rated.json()).toMatchObject({ rating: 5, ratingComment: '满意', mayRate: false });
    expect((await rate(4)).statusCode).toBe(409);
    // Nobody else rates it, and an official may not.
    const other = await t.app.inject({
      method: 'POST',
      url: `/api/v1/complaints/${id}/rating`,
      payload: { score: 1 },
      headers: { cookie: official.cookie },
    });
    expect(other.statusCode).toBe(404);
  });

  it('a transition that fails to notify leaves nothing behind', async () => {
    await at('2026-11-30T02:00:00Z');
    const { id } = (await complain({ institutionId, category: 'other', text: '原子性' }, parent.cookie)).json();
    // The notification cannot be written: the step and its audit entry must not be either.
    await sql`alter table notifications add constraint complaints_test_refuse check (kind <> 'supervision.complaint_accepted') not valid`.execute(
      t.deps.db,
    );
    try {
      const res = await act(id, { action: 'accept' });
      expect(res.statusCode).toBe(500);
    } finally {
      await t.deps.db.schema.alterTable('notifications').dropConstraint('complaints_test_refuse').execute();
    }
    expect(await find(official.cookie, id)).toMatchObject({ status: 'submitted', history: [] });
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', id).execute();
    expect(audit.map((a) => a.action)).toEqual(['complaint.submit']);
  });

  it('a member of the public complains with an SMS code and is told by SMS; signing up with the number shows the complaint', async () => {
    await at('2026-11-30T02:00:00Z');
    const phone = nextPhone();
    const ip = '10.3.0.1';
    const code = await codeFor(phone, ip);
    const wrong = await complain(
      { institutionId, category: 'staffing', text: '频繁换人', phone, code: code === '000000' ? '111111' : '000000' },
      undefined,
      ip,
    );
    expect(wrong.statusCode).toBe(400);
    expect(fieldOf(wrong)).toBe('code');
    const noCode = await complain({ institutionId, category: 'staffing', text: '频繁换人', phone }, undefined, ip);
    expect(fieldOf(noCode)).toBe('code');
    const res = await complain(
      { institutionId, category: 'staffing', text: '频繁换人', phone, code, photos: [PNG.toString('base64')] },
      undefined,
      ip,
    );
    expect(res.statusCode).toBe(201);
    const { id } = res.json();
    // The code is spent.
    expect((await complain({ institutionId, category: 'staffing', text: '再投', phone, code }, undefined, ip)).statusCode).toBe(400);

    await act(id, { action: 'reject', reason: '不属于监管范围' });
    const sms = await t.deps.db
      .selectFrom('outbound_messages')
      .select(['body'])
      .where('recipient', '=', phone)
      .where('template', '=', 'notification.supervision.complaint_rejected')
      .execute();
    expect(sms).toHaveLength(1);
    expect(sms[0]?.body).toContain('不属于监管范围');

    const user = await createUser(t.deps.db, { role: 'parent' }, { phone });
    const cookie = await signIn(t.app, phone);
    const mine = await find(cookie, id);
    expect(mine).toMatchObject({ status: 'rejected', answer: '不属于监管范围', mayRate: false });
    const photo = await t.app.inject({ url: `/api/v1/complaints/${id}/photos/${(mine.photoIds as string[])[0]}`, headers: { cookie } });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    const forDirector = await t.app.inject({
      url: `/api/v1/complaints/${id}/photos/${(mine.photoIds as string[])[0]}`,
      headers: { cookie: director.cookie },
    });
    expect(forDirector.statusCode).toBe(404);
    expect(await messagesOf(t, user.id)).toEqual([]);
  });

  it('refuses bad input at its field and writes nothing', async () => {
    const before = await t.deps.db
      .selectFrom('complaints')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const field = async (payload: Record<string, unknown>) => {
      const res = await complain(payload, parent.cookie);
      expect(res.statusCode).toBe(400);
      return fieldOf(res) as string;
    };
    expect(await field({ institutionId, category: 'safety', text: 'x'.repeat(2001) })).toBe('text');
    expect(await field({ institutionId, category: 'safety', text: '   ' })).toBe('text');
    expect(await field({ institutionId, category: 'noise', text: '吵' })).toBe('category');
    expect(await field({ institutionId, category: 'safety', text: '照片', photos: [EXE.toString('base64')] })).toBe('photos.0');
    expect(await field({ institutionId, category: 'safety', text: '照片', photos: Array(4).fill(PNG.toString('base64')) })).toBe('photos');
    for (const id of [closedId, draftId, '00000000-0000-4000-8000-000000000000']) {
      const res = await complain({ institutionId: id, category: 'safety', text: '已关' }, parent.cookie);
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('COMPLAINT_INSTITUTION_UNAVAILABLE');
    }
    const anonymous = await complain({ institutionId, category: 'safety', text: '匿名' });
    expect(anonymous.statusCode).toBe(400);
    expect(fieldOf(anonymous)).toBe('phone');
    const after = await t.deps.db
      .selectFrom('complaints')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('keeps HTML and links as the text typed', async () => {
    await at('2026-11-30T02:00:00Z');
    const text = '<script>alert(1)</script><a href="javascript:alert(2)">点我</a> http://evil.example';
    const { id } = (await complain({ institutionId, category: 'other', text }, parent.cookie)).json();
    const seen = await find(official.cookie, id);
    expect(seen.text).toBe(text);
    // Routed to the district whose township the institution is in, named in the list.
    expect(seen.district).toEqual({ code: districtCode, name: '投诉区' });
  });

  it('escalation hands the complaint to the city: the district may no longer act', async () => {
    await at('2026-11-30T02:00:00Z');
    const { id } = (await complain({ institutionId, category: 'health', text: '集体腹泻' }, parent.cookie)).json();
    const escalated = await act(id, { action: 'escalate', reason: '需市疾控参与' });
    expect(escalated.json()).toMatchObject({ status: 'escalated', escalated: true, allowedActions: [] });
    expect((await act(id, { action: 'resolve', answer: '区里处理', upheld: true })).statusCode).toBe(409);
    expect((await find(city.cookie, id)).allowedActions).toEqual(['resolve', 'extend', 'reject']);
    expect((await act(id, { action: 'resolve', answer: '市里处理完毕', upheld: false }, city.cookie)).statusCode).toBe(200);
  });

  it('two officials accepting at once: one step is taken, the other is refused', async () => {
    await at('2026-11-30T02:00:00Z');
    const { id } = (await complain({ institutionId, category: 'fees', text: '并发' }, parent.cookie)).json();
    const results = await Promise.all([act(id, { action: 'accept' }), act(id, { action: 'accept' }, city.cookie)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(((await find(official.cookie, id)).history as unknown[]).length).toBe(1);
  });

  it('the institution never sees complaints about it, nor who made them', async () => {
    expect(await list(director.cookie)).toEqual([]);
    const res = await t.app.inject({ url: '/api/v1/complaints', headers: { cookie: director.cookie } });
    expect(res.body).not.toContain(parent.phone);
  });
});
