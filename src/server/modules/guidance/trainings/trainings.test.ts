import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { setGuidanceCenter } from '../../../../../test/harness/factories/courses.ts';
import { createInstitution, staffResidentId } from '../../../../../test/harness/factories/institutions.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../../test/harness/roles.ts';
import { checkPdfStructure, pdfLines } from '../../../platform/pdf/pdfCheck.testkit.ts';

const TRAINING = {
  title: '托育机构负责人培训',
  audience: 'director',
  requiredHours: 6,
  delivery: 'venue',
  venue: '市妇幼保健院三楼',
  textbookUrl: 'https://example.gov.cn/director-textbook.pdf',
};
const STAFF_TRAINING = { ...TRAINING, title: '保育人员培训', audience: 'staff', requiredHours: 3 };
const FAKE = '00000000-0000-4000-8000-000000000000';

describe.each(DIALECTS)('staff trainings and certificates on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let center: string;
  let city: string;
  let director: string;
  let directorId: string;
  let otherDirector: string;
  let otherDirectorId: string;
  let staff: Record<'director' | 'caregiver' | 'cook', string>;
  let otherStaff: string;

  const req = (method: 'GET' | 'POST' | 'PUT', url: string, cookie?: string, payload?: object) =>
    t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: cookie ? { cookie } : {} });

  async function addStaff(institutionId: string, name: string, role: string, qualificationExpires?: string | null) {
    const row = await t.deps.db
      .insertInto('institution_staff')
      .values({ institution_id: institutionId, name, role, hired_on: '2024-01-01' })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (qualificationExpires !== undefined)
      await t.deps.db
        .insertInto('staff_certificates')
        .values({ staff_id: row.id, kind: 'caregiver_qualification', number: 'Q1', expires_on: qualificationExpires })
        .execute();
    return row.id;
  }

  async function scheduled(body: object = TRAINING, sessions: { startsAt: string; endsAt: string; hours: number }[] = []) {
    const created = await req('POST', '/api/v1/trainings', center, body);
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const sessionIds: string[] = [];
    for (const s of sessions) {
      const res = await req('POST', `/api/v1/trainings/${id}/sessions`, center, s);
      expect(res.statusCode, res.body).toBe(201);
      sessionIds.push(res.json().id);
    }
    return { id, sessionIds };
  }

  beforeAll(async () => {
    // Tests move the clock by weeks: sessions must outlive that.
    t = await buildTestApp(dialect, { sessionTtlHours: 24 * 60, sessionMaxDays: 90 });
    world = await createRoleWorld(t);
    city = world.actors.city_official.cookie as string;
    director = world.actors.institution_admin.cookie as string;
    directorId = world.actors.institution_admin.userId as string;
    // The guidance center is an institution of its own, with its own director.
    const centerInstitution = await createInstitution(t.deps.db, world.townshipCodes[0] as string, '指导中心');
    await setGuidanceCenter(t.deps.db, centerInstitution.id);
    const centerDirector = await createUser(t.deps.db, { role: 'institution_admin', institutionId: centerInstitution.id });
    center = await signIn(t.app, centerDirector.phone);
    const other = await createInstitution(t.deps.db, world.townshipCodes[1] as string, '别家托育园');
    const otherUser = await createUser(t.deps.db, { role: 'institution_admin', institutionId: other.id });
    otherDirector = await signIn(t.app, otherUser.phone);
    otherDirectorId = otherUser.id;
    staff = {
      director: await addStaff(world.institutionId, '张建华', 'director'),
      caregiver: await addStaff(world.institutionId, '李小红', 'caregiver', '2026-06-30'),
      cook: await addStaff(world.institutionId, '王师傅', 'cook'),
    };
    otherStaff = await addStaff(other.id, '赵六', 'director');
    await t.deps.db.updateTable('institutions').set({ status: 'filed' }).where('id', 'in', [world.institutionId, other.id]).execute();
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set(new Date('2026-11-29T02:00:00Z')));

  it('a director withdraws staff before completion, never after; the center edits, keeps certified hours, and closes', async () => {
    const { id, sessionIds } = await scheduled(TRAINING, [{ startsAt: '2026-11-20T01:00:00Z', endsAt: '2026-11-20T07:00:00Z', hours: 6 }]);
    const enrol = (cookie: string, staffId: string) => req('POST', `/api/v1/trainings/${id}/enrolments`, cookie, { staffId });
    // A director of their own, so the yearly hours the other tests count stay theirs.
    const deputy = await addStaff(world.institutionId, '陈明', 'director');
    const mine = (await enrol(director, deputy)).json().id as string;
    const theirs = (await enrol(otherDirector, otherStaff)).json().id as string;
    const withdraw = (cookie: string, enrolmentId = mine) =>
      req('POST', `/api/v1/trainings/${id}/enrolments/${enrolmentId}/withdraw`, cookie);
    const statusOf = async (enrolmentId: string) =>
      (await t.deps.db.selectFrom('training_enrolments').select('status').where('id', '=', enrolmentId).executeTakeFirstOrThrow()).status;

    // Another institution's director (and the center's) cannot touch it; the own director can, once.
    expect((await withdraw(otherDirector)).statusCode).toBe(404);
    expect((await withdraw(center)).statusCode).toBe(404);
    expect(await statusOf(mine)).toBe('enrolled');
    expect((await withdraw(director)).json()).toEqual({ id: mine, status: 'withdrawn' });
    const again = await withdraw(director);
    expect(again.statusCode).toBe(409);
    // Enrolled again, the same enrolment comes back.
    expect((await enrol(director, deputy)).json().id).toBe(mine);

    await req('PUT', `/api/v1/trainings/${id}/sessions/${sessionIds[0]}/attendance`, center, { enrolmentIds: [mine] });
    expect((await req('POST', `/api/v1/trainings/${id}/enrolments/${mine}/complete`, center)).statusCode).toBe(201);
    const late = await withdraw(director);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe('该报名已结业（证书已发放）或已退出，不能退出培训');
    expect(await statusOf(mine)).toBe('completed');

    // A certificate was issued against 6 hours: those stay; the title and the venue may change, the audience never.
    const edit = (body: object) => req('PUT', `/api/v1/trainings/${id}`, center, { ...TRAINING, ...body });
    const hours = await edit({ requiredHours: 8 });
    expect(hours.statusCode).toBe(409);
    expect(hours.json().error.message).toBe('本培训已发放1份证书，证书按6学时核定，不能再修改要求学时；如需调整，请另开一期培训');
    // Named at the field, so the form shows it under the hours.
    expect(hours.json().error.details).toEqual([{ path: 'body.requiredHours' }]);
    const audience = await edit({ audience: 'staff' });
    expect(audience.statusCode).toBe(400);
    expect(audience.json().error.details[0].path).toBe('body.audience');
    const renamed = await edit({ title: '托育机构负责人培训（第二期）', venue: '市妇幼保健院五楼' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ title: '托育机构负责人培训（第二期）', venue: '市妇幼保健院五楼', requiredHours: 6 });
    expect((await edit({ requiredHours: 8, title: 'x' })).statusCode).toBe(409);
    expect((await req('GET', `/api/v1/trainings/${id}`, center)).json().title).toBe('托育机构负责人培训（第二期）');

    // Closing tells the directors whose staff are still enrolled, once; nobody enrols afterwards.
    const closedKinds = async (userId: string) =>
      (
        await t.deps.db
          .selectFrom('notifications')
          .select('kind')
          .where('user_id', '=', userId)
          .where('kind', '=', 'guidance.training_closed')
          .execute()
      ).length;
    expect((await req('POST', `/api/v1/trainings/${id}/close`, center)).json().status).toBe('closed');
    expect((await req('POST', `/api/v1/trainings/${id}/close`, center)).statusCode).toBe(200);
    expect(await closedKinds(otherDirectorId)).toBe(1);
    expect(await closedKinds(directorId)).toBe(0);
    expect(await statusOf(theirs)).toBe('enrolled');
    expect((await enrol(director, staff.caregiver)).json().error.code).toBe('TRAINING_CLOSED');

    const managers = {
      anonymous: 401,
      parent: 403,
      institution_admin: 403,
      caregiver: 403,
      district_official: 403,
      city_official: 200,
      admin: 200,
    };
    await expectRoleMatrix(t, world, { method: 'PUT', url: `/api/v1/trainings/${id}`, payload: { ...TRAINING, title: '矩阵' } }, managers);
    await expectRoleMatrix(t, world, { method: 'POST', url: `/api/v1/trainings/${id}/close` }, managers);
    await expectRoleMatrix(
      t,
      world,
      { method: 'POST', url: `/api/v1/trainings/${id}/enrolments/${theirs}/withdraw` },
      { ...managers, institution_admin: 404, city_official: 403, admin: 403 },
    );
    expect((await req('PUT', `/api/v1/trainings/${FAKE}`, city, TRAINING)).statusCode).toBe(404);
  });

  it('the center schedules, a director enrols own staff, attendance counts hours, completion issues the certificate in one go', async () => {
    const { id, sessionIds } = await scheduled(TRAINING, [
      { startsAt: '2026-11-20T01:00:00Z', endsAt: '2026-11-20T05:00:00Z', hours: 4 },
      { startsAt: '2026-11-27T01:00:00Z', endsAt: '2026-11-27T04:00:00Z', hours: 3 },
    ]);
    // Directors see open trainings; another institution's staff is not found; a cook is not a director.
    expect((await req('GET', '/api/v1/trainings', director)).json().items.map((x: { id: string }) => x.id)).toContain(id);
    const foreign = await req('POST', `/api/v1/trainings/${id}/enrolments`, director, { staffId: otherStaff });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.message).toBe('未找到本机构的该名工作人员');
    expect((await req('POST', `/api/v1/trainings/${id}/enrolments`, director, { staffId: staff.cook })).statusCode).toBe(422);
    const enrolled = await req('POST', `/api/v1/trainings/${id}/enrolments`, director, { staffId: staff.director });
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    const enrolmentId = enrolled.json().id as string;
    const twice = await req('POST', `/api/v1/trainings/${id}/enrolments`, director, { staffId: staff.director });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('张建华已报名该培训');

    // One session attended: 4 of 6 hours, so completion is refused in Chinese and nothing is issued.
    const first = await req('PUT', `/api/v1/trainings/${id}/sessions/${sessionIds[0]}/attendance`, center, { enrolmentIds: [enrolmentId] });
    expect(first.statusCode, first.body).toBe(200);
    const short = await req('POST', `/api/v1/trainings/${id}/enrolments/${enrolmentId}/complete`, center);
    expect(short.statusCode).toBe(409);
    expect(short.json().error.message).toBe('已参加4学时，不足本培训要求的6学时，不能结业');
    expect(await t.deps.db.selectFrom('training_certificates').select('id').where('enrolment_id', '=', enrolmentId).execute()).toEqual([]);

    await req('PUT', `/api/v1/trainings/${id}/sessions/${sessionIds[1]}/attendance`, center, { enrolmentIds: [enrolmentId] });
    t.clock.set(new Date('2026-11-29T03:00:00Z'));
    const done = await req('POST', `/api/v1/trainings/${id}/enrolments/${enrolmentId}/complete`, center);
    expect(done.statusCode, done.body).toBe(201);
    const certificate = done.json();
    expect(certificate).toMatchObject({ staffName: '张建华', hours: 7, trainingTitle: TRAINING.title, revokedAt: null });
    expect(certificate.number).toMatch(/^PX2026-\d{6}$/);
    expect(certificate.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(certificate.verifyUrl).toContain(`/verify/training-certificates#${certificate.code}`);
    expect((await req('POST', `/api/v1/trainings/${id}/enrolments/${enrolmentId}/complete`, center)).statusCode).toBe(409);

    // Completed with its certificate, an audit row and the director told, all at once.
    const enrolment = await t.deps.db.selectFrom('training_enrolments').selectAll().where('id', '=', enrolmentId).executeTakeFirstOrThrow();
    expect(enrolment.status).toBe('completed');
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', enrolmentId).execute();
    expect(audit.map((a) => a.action)).toContain('training.complete');
    const told = await t.deps.db.selectFrom('notifications').select('kind').where('user_id', '=', directorId).execute();
    expect(told.map((n) => n.kind)).toContain('guidance.training_certificate_issued');

    // The director sees the hours this year; the public check masks the name.
    const hours = (await req('GET', '/api/v1/training-hours', director)).json();
    expect(hours).toMatchObject({ year: 2026, yearlyHours: 20 });
    const mine = hours.items.find((s: { staffId: string }) => s.staffId === staff.director);
    expect(mine).toMatchObject({ hours: 7, short: true });
    expect(mine.certificates.map((c: { id: string }) => c.id)).toEqual([certificate.id]);
    expect(hours.items.find((s: { staffId: string }) => s.staffId === staff.caregiver)).toMatchObject({
      qualification: 'expired',
      needsQualification: true,
    });
    expect((await req('GET', '/api/v1/training-hours?year=2025', director)).json().items[0].hours).toBe(0);

    const check = await req('GET', `/api/v1/public/training-certificates/${certificate.codeDisplay}`);
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json()).toMatchObject({
      status: 'valid',
      holderName: '张*华',
      trainingTitle: TRAINING.title,
      hours: 7,
      issuedOn: '2026-11-29',
    });
    expect((await req('GET', '/api/v1/public/training-certificates/0000000000000')).statusCode).toBe(404);
    expect((await req('GET', '/api/v1/public/training-certificates/ABCDEFGHJKMN')).statusCode).toBe(404);

    // Revoked: the check says so and the hours stop counting.
    expect((await req('POST', `/api/v1/training-certificates/${certificate.id}/revoke`, director, { reason: '误发' })).statusCode).toBe(
      403,
    );
    const revoked = await req('POST', `/api/v1/training-certificates/${certificate.id}/revoke`, city, { reason: '误发' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect((await req('GET', `/api/v1/public/training-certificates/${certificate.code}`)).json().status).toBe('revoked');
    const after = (await req('GET', '/api/v1/training-hours', director)).json();
    expect(after.items.find((s: { staffId: string }) => s.staffId === staff.director).hours).toBe(0);
  });

  it('the certificate downloads as a PDF for the holder’s director, the center and the city, with the name masked and the check’s QR code', async () => {
    const { id, sessionIds } = await scheduled({ ...TRAINING, title: '证书下载培训' }, [
      { startsAt: '2026-11-20T01:00:00Z', endsAt: '2026-11-20T07:00:00Z', hours: 6 },
    ]);
    // A member of staff of their own, so the yearly hours the other tests count stay theirs.
    const holder = await addStaff(world.institutionId, '周文静', 'director');
    const enrolmentId = (await req('POST', `/api/v1/trainings/${id}/enrolments`, director, { staffId: holder })).json().id as string;
    await req('PUT', `/api/v1/trainings/${id}/sessions/${sessionIds[0]}/attendance`, center, { enrolmentIds: [enrolmentId] });
    const certificate = (await req('POST', `/api/v1/trainings/${id}/enrolments/${enrolmentId}/complete`, center)).json();
    const url = `/api/v1/training-certificates/${certificate.id}/certificate.pdf`;

    const res = await req('GET', url, director);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="training-certificate-${certificate.number}.pdf"`);
    const pdf = res.rawPayload;
    checkPdfStructure(pdf);
    const text = pdfLines(pdf).join('');
    expect(text).toContain('托育从业人员培训合格证书');
    expect(text).toContain('周*静');
    expect(text).not.toContain('周文静');
    for (const fact of ['证书下载培训', '6学时', '2026年11月29日', certificate.number, certificate.codeDisplay, certificate.verifyUrl])
      expect(text).toContain(fact);
    expect(pdf.toString('latin1')).toMatch(/ re f\n/);
    expect((await req('GET', url, center)).statusCode).toBe(200);

    // Another institution's director is told it does not exist; an unknown certificate likewise.
    expect((await req('GET', url, otherDirector)).statusCode).toBe(404);
    expect((await req('GET', `/api/v1/training-certificates/${FAKE}/certificate.pdf`, city)).statusCode).toBe(404);
    await expectRoleMatrix(
      t,
      world,
      { url },
      { anonymous: 401, parent: 403, institution_admin: 200, caregiver: 403, district_official: 403, city_official: 200, admin: 200 },
    );

    // A revoked certificate is not printed again: the check says it is revoked.
    await req('POST', `/api/v1/training-certificates/${certificate.id}/revoke`, city, { reason: '误发' });
    const revoked = await req('GET', url, director);
    expect(revoked.statusCode).toBe(409);
    expect(revoked.json().error.message).toBe('该证书已撤销');
  });

  it('completes an enrolment once when two completions race: one certificate', async () => {
    const { id, sessionIds } = await scheduled({ ...TRAINING, title: '并发结业' }, [
      { startsAt: '2026-11-20T01:00:00Z', endsAt: '2026-11-20T07:00:00Z', hours: 6 },
    ]);
    const staffId = await addStaff(world.institutionId, '周园长', 'director');
    const enrolmentId = (await req('POST', `/api/v1/trainings/${id}/enrolments`, director, { staffId })).json().id as string;
    await req('PUT', `/api/v1/trainings/${id}/sessions/${sessionIds[0]}/attendance`, center, { enrolmentIds: [enrolmentId] });
    const results = await Promise.all(
      [1, 2, 3].map(() => req('POST', `/api/v1/trainings/${id}/enrolments/${enrolmentId}/complete`, center)),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    const certificates = await t.deps.db.selectFrom('training_certificates').select('id').where('enrolment_id', '=', enrolmentId).execute();
    expect(certificates).toHaveLength(1);
  });

  it('refuses attendance before a session starts and enrolments of another training', async () => {
    const { id, sessionIds } = await scheduled(STAFF_TRAINING, [
      { startsAt: '2026-12-20T01:00:00Z', endsAt: '2026-12-20T04:00:00Z', hours: 3 },
    ]);
    const enrolled = await req('POST', `/api/v1/trainings/${id}/enrolments`, director, { staffId: staff.caregiver });
    expect(enrolled.statusCode, enrolled.body).toBe(201);
    const early = await req('PUT', `/api/v1/trainings/${id}/sessions/${sessionIds[0]}/attendance`, center, {
      enrolmentIds: [enrolled.json().id],
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('课次开始后才能登记考勤');
    t.clock.set(new Date('2026-12-20T02:00:00Z'));
    const stranger = await req('PUT', `/api/v1/trainings/${id}/sessions/${sessionIds[0]}/attendance`, center, { enrolmentIds: [FAKE] });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().error.details).toEqual([{ path: 'body.enrolmentIds.0', message: '该报名不属于本培训' }]);
  });

  it('answers bad input with Chinese field messages', async () => {
    const bad = await req('POST', '/api/v1/trainings', center, { ...TRAINING, requiredHours: 0, venue: null });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.details.map((d: { path: string; message: string }) => `${d.path}:${d.message}`);
    expect(paths).toContain('body.requiredHours:学时应大于0');
    const { id } = await scheduled();
    const long = await req('POST', `/api/v1/trainings/${id}/sessions`, center, {
      startsAt: '2026-12-01T01:00:00Z',
      endsAt: '2026-12-01T02:00:00Z',
      hours: 3,
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.details).toEqual([{ path: 'body.hours', message: '学时不能超过课次的时长' }]);
    expect((await req('GET', '/api/v1/trainings/not-a-uuid', city)).statusCode).toBe(400);
    expect((await req('GET', '/api/v1/training-hours?year=abc', director)).statusCode).toBe(400);
    expect((await req('GET', '/api/v1/training-shortfall?divisionCode=12', city)).statusCode).toBe(400);
    expect((await req('PUT', '/api/v1/training-settings', city, { yearlyTrainingHours: 0 })).statusCode).toBe(400);
  });

  it('shows officials the institutions short of hours or qualifications, within their division, against the setting', async () => {
    const district = world.actors.district_official.cookie as string;
    const res = await req('GET', `/api/v1/training-shortfall?divisionCode=${world.districtCode}`, district);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.yearlyHours).toBe(20);
    const ours = body.items.find((i: { institutionId: string }) => i.institutionId === world.institutionId);
    expect(ours.short.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['张建华', '李小红']));
    // The cook is not held to the yearly hours.
    expect(ours.short.map((s: { name: string }) => s.name)).not.toContain('王师傅');
    expect(ours.unqualified).toEqual([{ staffId: staff.caregiver, name: '李小红', qualification: 'expired' }]);
    expect((await req('GET', '/api/v1/training-shortfall?divisionCode=320700', district)).statusCode).toBe(404);

    expect((await req('PUT', '/api/v1/training-settings', city, { yearlyTrainingHours: 1 })).statusCode).toBe(200);
    expect((await req('GET', '/api/v1/training-settings', city)).json()).toEqual({ yearlyTrainingHours: 1 });
    const lower = (await req('GET', '/api/v1/training-shortfall', city)).json();
    expect(lower.yearlyHours).toBe(1);
    await req('PUT', '/api/v1/training-settings', city, { yearlyTrainingHours: 20 });
  });

  it('a childcare qualification names its occupation and level (保育师 / 育婴员, 五级 to 一级), shown with the hours', async () => {
    const url = `/api/v1/institutions/${world.institutionId}/staff`;
    const person = (certificates: object[]) => ({ name: '孙丽', role: 'caregiver', residentId: staffResidentId(901), certificates });
    const both = await req('POST', url, director, person([{ kind: 'caregiver_qualification', title: 'childcare_worker' }]));
    expect(both.statusCode).toBe(400);
    expect(both.json().error.details).toEqual([{ path: 'body.certificates.0.level', message: '请同时填写职业（保育师或育婴员）和等级' }]);
    const wrongKind = await req(
      'POST',
      url,
      director,
      person([{ kind: 'health', title: 'infant_carer', level: 4, expiresOn: '2027-06-30' }]),
    );
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.details[0].message).toBe('职业和等级只用于保育资格证');
    expect(
      (await req('POST', url, director, person([{ kind: 'caregiver_qualification', title: 'infant_carer', level: 6 }]))).statusCode,
    ).toBe(400);
    const created = await req(
      'POST',
      url,
      director,
      person([{ kind: 'caregiver_qualification', title: 'infant_carer', level: 4, expiresOn: '2029-12-31' }]),
    );
    expect(created.statusCode, created.body).toBe(201);
    const hours = (await req('GET', '/api/v1/training-hours', director)).json();
    expect(hours.items.find((s: { name: string }) => s.name === '孙丽')).toMatchObject({
      qualification: 'valid',
      qualificationTitle: 'infant_carer',
      qualificationLevel: 4,
    });
  });

  it('role matrix', async () => {
    const { id, sessionIds } = await scheduled(TRAINING, [{ startsAt: '2026-11-20T01:00:00Z', endsAt: '2026-11-20T05:00:00Z', hours: 4 }]);
    const readers = {
      anonymous: 401,
      parent: 403,
      institution_admin: 200,
      caregiver: 403,
      district_official: 200,
      city_official: 200,
      admin: 200,
    };
    await expectRoleMatrix(t, world, { url: '/api/v1/trainings' }, readers);
    await expectRoleMatrix(t, world, { url: `/api/v1/trainings/${id}` }, readers);
    // The world's director is not the center's: managing is the center's and the city's.
    const managers = (ok: number) => ({
      anonymous: 401,
      parent: 403,
      institution_admin: 403,
      caregiver: 403,
      district_official: 403,
      city_official: ok,
      admin: ok,
    });
    await expectRoleMatrix(t, world, { method: 'POST', url: '/api/v1/trainings', payload: TRAINING }, managers(201));
    await expectRoleMatrix(
      t,
      world,
      {
        method: 'POST',
        url: `/api/v1/trainings/${id}/sessions`,
        payload: { startsAt: '2026-12-01T01:00:00Z', endsAt: '2026-12-01T02:00:00Z', hours: 1 },
      },
      managers(201),
    );
    await expectRoleMatrix(
      t,
      world,
      { method: 'PUT', url: `/api/v1/trainings/${id}/sessions/${sessionIds[0]}/attendance`, payload: { enrolmentIds: [] } },
      managers(200),
    );
    await expectRoleMatrix(t, world, { method: 'POST', url: `/api/v1/trainings/${id}/enrolments/${FAKE}/complete` }, managers(404));
    await expectRoleMatrix(
      t,
      world,
      { method: 'POST', url: `/api/v1/training-certificates/${FAKE}/revoke`, payload: { reason: '误发' } },
      managers(404),
    );
    const directorOnly = (ok: number) => ({
      anonymous: 401,
      parent: 403,
      institution_admin: ok,
      caregiver: 403,
      district_official: 403,
      city_official: 403,
      admin: 403,
    });
    await expectRoleMatrix(
      t,
      world,
      { method: 'POST', url: `/api/v1/trainings/${id}/enrolments`, payload: { staffId: otherStaff } },
      directorOnly(404),
    );
    await expectRoleMatrix(t, world, { url: '/api/v1/training-hours' }, directorOnly(200));
    await expectRoleMatrix(
      t,
      world,
      { url: '/api/v1/training-shortfall' },
      { anonymous: 401, parent: 403, institution_admin: 403, caregiver: 403, district_official: 200, city_official: 200, admin: 200 },
    );
    const cityOnly = {
      anonymous: 401,
      parent: 403,
      institution_admin: 403,
      caregiver: 403,
      district_official: 403,
      city_official: 200,
      admin: 403,
    };
    await expectRoleMatrix(t, world, { url: '/api/v1/training-settings' }, cityOnly);
    await expectRoleMatrix(t, world, { method: 'PUT', url: '/api/v1/training-settings', payload: { yearlyTrainingHours: 20 } }, cityOnly);
    const everyone = {
      anonymous: 404,
      parent: 404,
      institution_admin: 404,
      caregiver: 404,
      district_official: 404,
      city_official: 404,
      admin: 404,
    };
    await expectRoleMatrix(t, world, { url: '/api/v1/public/training-certificates/AAAAAAAAAAAA' }, everyone);
    // Another institution's director cannot enrol this institution's staff either.
    expect((await req('POST', `/api/v1/trainings/${id}/enrolments`, otherDirector, { staffId: staff.director })).statusCode).toBe(404);
  });
});
