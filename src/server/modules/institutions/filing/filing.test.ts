import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createDistrict } from '../../../../../test/harness/factories/geography.ts';
import { completeInstitution, createInstitution } from '../../../../../test/harness/factories/institutions.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { notificationsOf } from '../../../../../test/harness/notifications.ts';
import { as, fullChecklist } from '../test/helpers.ts';

describe.each(DIALECTS)('filing (备案) on %s', (dialect) => {
  let t: TestApp;
  let townshipCodes: string[];
  let districtCode: string;
  let official: ReturnType<typeof as>;
  let cityOfficial: ReturnType<typeof as>;

  /** A completed institution in a township of the test district, with its own director. */
  async function directorWithInstitution(name = '新苗托育园') {
    const institution = await createInstitution(t.deps.db, townshipCodes[0] as string, name);
    await completeInstitution(t.deps.db, institution.id);
    const user = await createUser(t.deps.db, { role: 'institution_admin', institutionId: institution.id });
    return { id: institution.id, director: as(t, await signIn(t.app, user.phone)), directorId: user.id };
  }

  const act = (who: ReturnType<typeof as>, id: string, body: Record<string, unknown>) =>
    who.post(`/api/v1/institutions/${id}/transitions`, body);

  async function fileIt(director: ReturnType<typeof as>, id: string) {
    expect((await act(director, id, { action: 'submit' })).statusCode).toBe(200);
    expect((await act(official, id, { action: 'start_review' })).statusCode).toBe(200);
    const filed = await act(official, id, { action: 'file', checklist: fullChecklist() });
    expect(filed.statusCode).toBe(200);
    return filed.json();
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const district = await createDistrict(t.deps.db);
    ({ townshipCodes, districtCode } = district);
    const o = await createUser(t.deps.db, { role: 'district_official', divisionCode: districtCode });
    official = as(t, await signIn(t.app, o.phone));
    const c = await createUser(t.deps.db, { role: 'city_official', divisionCode: district.cityCode });
    cityOfficial = as(t, await signIn(t.app, c.phone));
  });
  afterAll(() => t.close());

  it('goes draft → submitted → under review → filed with a receipt number, and then appears in public', async () => {
    const { id, director } = await directorWithInstitution('阳光托育园');
    const before = (await director.get(`/api/v1/institutions/${id}/record`)).json();
    expect(before).toMatchObject({ status: 'draft', allowedActions: ['submit'], hasFiledVersion: false, publiclyListed: false });

    const submitted = await act(director, id, { action: 'submit' });
    expect(submitted.json()).toMatchObject({ status: 'submitted', filingId: expect.any(String) });
    const queue = (await official.get('/api/v1/institutions/filings')).json();
    expect(queue.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ institutionId: id, kind: 'initial', institutionStatus: 'submitted', waitingDays: 0 }),
      ]),
    );

    expect((await act(official, id, { action: 'start_review' })).json().status).toBe('under_review');
    const detail = (await official.get(`/api/v1/institutions/filings/${submitted.json().filingId}`)).json();
    expect(detail).toMatchObject({
      allowedActions: ['file', 'return', 'close'],
      filedSnapshot: null,
      snapshot: { facts: { name: '阳光托育园' } },
    });
    expect(detail.checklistItems.map((c: { item: string }) => c.item)).toEqual(Object.keys(fullChecklist()));

    const filed = await act(official, id, { action: 'file', checklist: fullChecklist() });
    expect(filed.json()).toEqual({ status: 'filed', filingId: submitted.json().filingId, receiptNumber: `${districtCode}-2026-0001` });

    const profile = await as(t, undefined).get(`/api/v1/institutions/${id}`);
    expect(profile.statusCode).toBe(200);
    expect(profile.json()).toMatchObject({
      name: '阳光托育园',
      filingNumber: `${districtCode}-2026-0001`,
      places: 15,
      vacancies: { toddler: 15 },
      lastInspection: null,
      upheldComplaints: 0,
    });
    const search = (await as(t, undefined).get(`/api/v1/institutions/search?division=${districtCode}`)).json();
    expect(search.items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('refuses an action the status does not offer with 409 and the allowed actions, and a role that never may with 403', async () => {
    const { id, director } = await directorWithInstitution();
    await act(director, id, { action: 'submit' });
    const early = await act(official, id, { action: 'file', checklist: fullChecklist() });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
      details: { status: 'submitted', action: 'file', allowed: ['start_review', 'close'] },
    });
    expect(early.json().error.message).toContain('start_review, close');
    expect((await act(director, id, { action: 'start_review' })).statusCode).toBe(403);
    expect((await act(cityOfficial, id, { action: 'start_review' })).statusCode).toBe(403);
    const again = await act(director, id, { action: 'submit' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.allowed).toEqual([]);
    expect((await director.get(`/api/v1/institutions/${id}/record`)).json().status).toBe('submitted');
  });

  it('lists what is missing when an incomplete filing is submitted, and changes nothing', async () => {
    const institution = await createInstitution(t.deps.db, townshipCodes[1] as string, '未完成托育园');
    const user = await createUser(t.deps.db, { role: 'institution_admin', institutionId: institution.id });
    const director = as(t, await signIn(t.app, user.phone));
    const res = await act(director, institution.id, { action: 'submit' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('FILING_INCOMPLETE');
    expect(res.json().error.details.map((d: { item: string }) => d.item)).toEqual(
      expect.arrayContaining(['facts.creditCode', 'facts.location', 'classes', 'staff.caregiver', 'documents.health_evaluation']),
    );
    const record = (await director.get(`/api/v1/institutions/${institution.id}/record`)).json();
    expect(record).toMatchObject({ status: 'draft', filings: [] });
  });

  it('needs every checklist item confirmed to file, and reasons to return', async () => {
    const { id, director } = await directorWithInstitution();
    await act(director, id, { action: 'submit' });
    await act(official, id, { action: 'start_review' });
    const partial = await act(official, id, { action: 'file', checklist: { ...fullChecklist(), fire_safety: false } });
    expect(partial.statusCode).toBe(422);
    expect(partial.json().error).toMatchObject({ code: 'FILING_CHECKLIST_INCOMPLETE', details: [{ item: 'fire_safety' }] });
    expect((await act(official, id, { action: 'return' })).statusCode).toBe(400);
    expect((await act(official, id, { action: 'return', reason: '   ' })).statusCode).toBe(400);
    expect((await director.get(`/api/v1/institutions/${id}/record`)).json().status).toBe('under_review');
  });

  it('files an institution that still has compliance problems only with a written reason, kept on the filing', async () => {
    // A class of 30 saved before sizes were refused, with one caregiver: over the size and the ratio.
    const institution = await createInstitution(t.deps.db, townshipCodes[0] as string, '超额托育园');
    await completeInstitution(t.deps.db, institution.id, { classes: [{ classType: 'toddler', capacity: 30, caregivers: 1 }] });
    const user = await createUser(t.deps.db, { role: 'institution_admin', institutionId: institution.id });
    const director = as(t, await signIn(t.app, user.phone));
    const id = institution.id;
    const submitted = (await act(director, id, { action: 'submit' })).json();
    await act(official, id, { action: 'start_review' });

    const detail = (await official.get(`/api/v1/institutions/filings/${submitted.filingId}`)).json();
    expect(detail.compliance.map((p: { code: string }) => p.code)).toEqual(['class_over_maximum', 'caregiver_ratio_below_standard']);

    for (const reason of [undefined, '  ']) {
      const refused = await act(official, id, { action: 'file', checklist: fullChecklist(), ...(reason === undefined ? {} : { reason }) });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.details).toEqual([{ path: 'body.reason', message: expect.any(String) }]);
    }
    const refused = await act(official, id, { action: 'file', checklist: fullChecklist() });
    expect(refused.json().error).toMatchObject({
      code: 'FILING_REASON_REQUIRED',
      message: '该机构仍有2项合规问题，予以备案须写明理由',
      details: [{ path: 'body.reason', message: '该机构仍有合规问题，予以备案须写明理由' }],
    });
    expect((await director.get(`/api/v1/institutions/${id}/record`)).json().status).toBe('under_review');

    const reason = '已承诺两周内增配保育人员并将班额降至15人';
    const filed = await act(official, id, { action: 'file', checklist: fullChecklist(), reason });
    expect(filed.statusCode).toBe(200);
    const record = (await director.get(`/api/v1/institutions/${id}/record`)).json();
    expect(record).toMatchObject({ status: 'filed', statusReason: reason });
    expect(record.filings[0]).toMatchObject({ outcome: 'filed', filedDespiteReason: reason });
    const after = (await official.get(`/api/v1/institutions/filings/${submitted.filingId}`)).json();
    expect(after).toMatchObject({ filedDespiteReason: reason, compliance: null });
  });

  it('files an institution without problems with no reason, and keeps none', async () => {
    const { id, director } = await directorWithInstitution('合规托育园');
    const result = await fileIt(director, id);
    const record = (await director.get(`/api/v1/institutions/${id}/record`)).json();
    expect(record.filings[0]).toMatchObject({ id: result.filingId, outcome: 'filed', filedDespiteReason: null });
  });

  it('returns a filing with reasons the director sees, takes the fix and files it', async () => {
    const { id, director, directorId } = await directorWithInstitution('彩虹托育园');
    await act(director, id, { action: 'submit' });
    await act(official, id, { action: 'start_review' });
    const returned = await act(official, id, {
      action: 'return',
      reason: '消防验收材料不清晰，请重新上传',
      checklist: { fire_safety: false },
    });
    expect(returned.json().status).toBe('returned');
    const record = (await director.get(`/api/v1/institutions/${id}/record`)).json();
    expect(record).toMatchObject({ status: 'returned', statusReason: '消防验收材料不清晰，请重新上传', allowedActions: ['submit'] });
    expect(record.filings[0]).toMatchObject({ outcome: 'returned', reasons: '消防验收材料不清晰，请重新上传' });
    expect(await notificationsOf(t, directorId)).toEqual([
      {
        kind: 'institutions.filing_returned',
        params: { institution: '彩虹托育园', reasons: '消防验收材料不清晰，请重新上传' },
        link: '/institution/my-institution',
      },
    ]);
    // A minute later, so the two notifications are told apart by time, not by their random ids.
    t.clock.advanceMinutes(1);
    expect((await director.patch(`/api/v1/institutions/${id}`, { description: '已补充材料' })).statusCode).toBe(200);
    const result = await fileIt(director, id);
    expect(result.receiptNumber).toMatch(new RegExp(`^${districtCode}-2026-\\d{4}$`));
    expect((await notificationsOf(t, directorId)).map((n) => [n.kind, n.params.receiptNumber])).toEqual([
      ['institutions.filing_returned', undefined],
      ['institutions.filing_filed', result.receiptNumber],
    ]);
    expect((await director.get(`/api/v1/institutions/${id}/record`)).json().filings.map((f: { outcome: string }) => f.outcome)).toEqual([
      'filed',
      'returned',
    ]);
  });

  it('keeps the filed version public while changed key facts are reviewed, and publishes them once filed', async () => {
    const { id, director } = await directorWithInstitution('小太阳托育园');
    const first = await fileIt(director, id);
    const locked = await director.patch(`/api/v1/institutions/${id}`, { name: '小太阳托育中心', monthlyFeeYuan: { toddler: 1850.5 } });
    expect(locked.statusCode).toBe(200);
    expect(locked.json()).toMatchObject({ status: 'filed', changedKeyFacts: ['name'], filedFacts: { name: '小太阳托育园' } });
    const publicBefore = (await as(t, undefined).get(`/api/v1/institutions/${id}`)).json();
    expect(publicBefore).toMatchObject({ name: '小太阳托育园', monthlyFeeYuan: { toddler: 1850.5 } });

    const submitted = await act(director, id, { action: 'submit' });
    expect(submitted.json().status).toBe('submitted');
    expect((await director.patch(`/api/v1/institutions/${id}`, { description: 'x' })).json().error.code).toBe('INSTITUTION_LOCKED');
    expect((await as(t, undefined).get(`/api/v1/institutions/${id}`)).json().name).toBe('小太阳托育园');
    expect((await as(t, undefined).get(`/api/v1/institutions/search?q=${encodeURIComponent('小太阳托育园')}`)).json().total).toBe(1);
    // Found in search, so families may still apply while the change is reviewed.
    const parent = await signIn(t.app, (await createUser(t.deps.db, { role: 'parent' })).phone);
    const child = await t.app.inject({
      method: 'POST',
      url: '/api/v1/children',
      headers: { cookie: parent },
      payload: {
        name: '测试宝宝',
        sex: 'female',
        birthDate: '2024-05-10',
        residenceDivisionCode: townshipCodes[0],
        relation: 'mother',
        consent: true,
      },
    });
    const applied = await t.app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      headers: { cookie: parent },
      payload: { childId: child.json().id, institutionIds: [id], startDate: '2027-01-04' },
    });
    expect(applied.statusCode, applied.body).toBe(201);

    const detail = (await official.get(`/api/v1/institutions/filings/${submitted.json().filingId}`)).json();
    expect(detail).toMatchObject({ kind: 'change', changedFacts: ['name'], snapshot: { facts: { name: '小太阳托育中心' } } });
    expect(detail.filedSnapshot.facts.name).toBe('小太阳托育园');

    await act(official, id, { action: 'start_review' });
    const second = await act(official, id, { action: 'file', checklist: fullChecklist() });
    expect(second.json().receiptNumber).not.toBe(first.receiptNumber);
    const after = (await as(t, undefined).get(`/api/v1/institutions/${id}`)).json();
    expect(after).toMatchObject({ name: '小太阳托育中心', filingNumber: second.json().receiptNumber });
    expect((await director.get(`/api/v1/institutions/${id}/record`)).json().changedKeyFacts).toEqual([]);
  });

  it('holds a filed institution’s public text (description, facilities) for the district’s review', async () => {
    const { id, director } = await directorWithInstitution('青苗托育园');
    await fileIt(director, id);
    const published = (await as(t, undefined).get(`/api/v1/institutions/${id}`)).json();
    const spam = { description: '优惠办证 http://spam.example/ad 加微信', facilities: ['户外游戏场', '点击 http://spam.example'] };
    const edited = await director.patch(`/api/v1/institutions/${id}`, { ...spam, contactPhone: '051885551234' });
    expect(edited.json()).toMatchObject({ changedKeyFacts: ['facilities', 'description'] });
    const publicNow = (await as(t, undefined).get(`/api/v1/institutions/${id}`)).json();
    expect(publicNow).toMatchObject({ description: published.description, facilities: published.facilities, contactPhone: '051885551234' });
    expect(JSON.stringify(publicNow)).not.toContain('spam.example');

    const submitted = await act(director, id, { action: 'submit' });
    const detail = (await official.get(`/api/v1/institutions/filings/${submitted.json().filingId}`)).json();
    expect(detail).toMatchObject({ kind: 'change', changedFacts: ['facilities', 'description'], snapshot: { facts: spam } });
    await act(official, id, { action: 'start_review' });
    const returned = await act(official, id, { action: 'return', reason: '介绍中含有广告链接，请删除后重新提交' });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(JSON.stringify((await as(t, undefined).get(`/api/v1/institutions/${id}`)).json())).not.toContain('spam.example');
  });

  it('shows the change and the filed snapshot before it to the reviewer', async () => {
    const { id, director } = await directorWithInstitution('启蒙托育园');
    const record = (await director.get(`/api/v1/institutions/${id}/record`)).json();
    await fileIt(director, id);
    const classId = record.classes[0].id;
    expect((await director.patch(`/api/v1/institutions/${id}/classes/${classId}`, { capacity: 12 })).statusCode).toBe(200);
    const submitted = await act(director, id, { action: 'submit' });
    const detail = (await official.get(`/api/v1/institutions/filings/${submitted.json().filingId}`)).json();
    expect(detail.changedFacts).toEqual(['classes']);
    expect(detail.snapshot.classes[0].capacity).toBe(12);
    expect(detail.filedSnapshot.classes[0].capacity).toBe(15);
    expect((await as(t, undefined).get(`/api/v1/institutions/${id}`)).json().places).toBe(15);
  });

  it('refuses a change filing with no changed key facts, and lets the director discard unfiled changes', async () => {
    const { id, director } = await directorWithInstitution('童心托育园');
    await fileIt(director, id);
    expect((await act(director, id, { action: 'submit' })).json().error.code).toBe('FILING_NO_CHANGES');
    await director.patch(`/api/v1/institutions/${id}`, { name: '童心托育中心', location: { lat: 34.7, lng: 119.3 } });
    const record = (await director.get(`/api/v1/institutions/${id}/record`)).json();
    expect(record.changedKeyFacts).toEqual(['name', 'location']);
    expect(record.allowedActions).toEqual(['submit', 'discard_changes']);
    const discarded = await act(director, id, { action: 'discard_changes' });
    expect(discarded.json().status).toBe('filed');
    const back = (await director.get(`/api/v1/institutions/${id}/record`)).json();
    expect(back).toMatchObject({ changedKeyFacts: [], facts: { name: '童心托育园', location: { lat: 34.6, lng: 119.2 } } });
  });

  it('lets officials suspend, reinstate and close with a reason; suspended and closed leave the public search', async () => {
    const { id, director } = await directorWithInstitution('星星托育园');
    await fileIt(director, id);
    const publicGet = () => as(t, undefined).get(`/api/v1/institutions/${id}`);
    expect((await act(official, id, { action: 'suspend' })).statusCode).toBe(400);
    expect((await act(official, id, { action: 'suspend', reason: '安全检查发现隐患' })).json().status).toBe('suspended');
    expect((await publicGet()).statusCode).toBe(404);
    expect((await act(cityOfficial, id, { action: 'reinstate', reason: '整改完成' })).json().status).toBe('filed');
    expect((await publicGet()).statusCode).toBe(200);
    expect((await act(official, id, { action: 'close', reason: '举办者申请注销' })).json().status).toBe('closed');
    expect((await publicGet()).statusCode).toBe(404);
    const after = await act(official, id, { action: 'reinstate', reason: 'x' });
    expect(after.statusCode).toBe(409);
    expect(after.json().error.message).toContain('—');
    expect((await director.patch(`/api/v1/institutions/${id}`, { description: 'x' })).json().error.code).toBe('INSTITUTION_LOCKED');
  });

  it('audits every transition with who, from, to and the reason', async () => {
    const { id, director } = await directorWithInstitution();
    await fileIt(director, id);
    const rows = await t.deps.db.selectFrom('audit_log').select(['action', 'detail']).where('entity_id', '=', id).orderBy('id').execute();
    expect(rows.map((r) => r.action)).toEqual(['institution.submit', 'institution.start_review', 'institution.file']);
    const last = rows.at(-1)?.detail as Record<string, unknown>;
    expect(typeof last === 'string' ? JSON.parse(last) : last).toMatchObject({
      from: 'under_review',
      to: 'filed',
      receiptNumber: expect.any(String),
    });
  });

  it('gives filings approved at the same moment distinct, sequential receipt numbers', async () => {
    const district = await createDistrict(t.deps.db, '并发区');
    const reviewer = await createUser(t.deps.db, { role: 'district_official', divisionCode: district.districtCode });
    const reviewerCookie = as(t, await signIn(t.app, reviewer.phone));
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      const institution = await createInstitution(t.deps.db, district.townshipCodes[i % 2] as string, `并发托育园${i}`);
      await completeInstitution(t.deps.db, institution.id);
      const user = await createUser(t.deps.db, { role: 'institution_admin', institutionId: institution.id });
      await act(as(t, await signIn(t.app, user.phone)), institution.id, { action: 'submit' });
      await act(reviewerCookie, institution.id, { action: 'start_review' });
      ids.push(institution.id);
    }
    const results = await Promise.all(ids.map((id) => act(reviewerCookie, id, { action: 'file', checklist: fullChecklist() })));
    expect(results.map((r) => r.statusCode)).toEqual(ids.map(() => 200));
    const numbers = results.map((r) => r.json().receiptNumber as string).sort();
    expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => `${district.districtCode}-2026-${String(i + 1).padStart(4, '0')}`));
  });
});
