import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { signIn } from '../../../../../test/harness/factories/users.ts';
import { notificationsOf } from '../../../../../test/harness/notifications.ts';
import { countOverdueRectifications } from '../index.ts';
import { createInspectionWorld, EXE, JPEG, multipart, resultsBody } from '../test/world.ts';
import { flagOverdueRectifications } from './rectifications.ts';

type World = Awaited<ReturnType<typeof createInspectionWorld>>;

describe.each(DIALECTS)('inspections on %s', (dialect) => {
  let t: TestApp;
  let w: World;
  let publicPhotoId = '';
  const as = (cookie: string | undefined) => ({
    get: (url: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} }),
    post: (url: string, payload?: object) => t.app.inject({ method: 'POST', url, payload, headers: cookie ? { cookie } : {} }),
    upload: (url: string, body: ReturnType<typeof multipart>) =>
      t.app.inject({ method: 'POST', url, payload: body.payload, headers: { ...body.headers, ...(cookie ? { cookie } : {}) } }),
  });
  const district = () => as(w.world.actors.district_official.cookie);
  const director = () => as(w.world.actors.institution_admin.cookie);
  const round = (overrides: object = {}) =>
    district().post('/api/v1/inspection-rounds', {
      divisionCode: w.world.districtCode,
      periodStart: '2026-12-01',
      periodEnd: '2026-12-31',
      sampleRate: 1,
      ...overrides,
    });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    w = await createInspectionWorld(t);
  });
  afterAll(() => t.close());

  it('keeps the directory: links only a district official of that district, and conflicts only with its institutions', async () => {
    const parent = await t.deps.db
      .selectFrom('users')
      .select('phone')
      .where('id', '=', w.world.actors.parent.userId as string)
      .executeTakeFirstOrThrow();
    const bad = await district().post('/api/v1/inspectors', { divisionCode: w.world.districtCode, name: '家长', phone: parent.phone });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toMatchObject([{ path: 'body.phone' }]);
    const outside = await as(w.otherOfficialCookie).post(`/api/v1/inspectors`, { divisionCode: w.world.districtCode, name: '越界' });
    expect(outside.statusCode).toBe(404);
    const conflictOutside = await district().post(`/api/v1/inspectors/${w.inspectorIds[0]}/conflicts`, {
      institutionId: '00000000-0000-4000-8000-000000000000',
      reason: '亲属',
    });
    expect(conflictOutside.statusCode).toBe(400);
    const long = await district().post('/api/v1/inspectors', { divisionCode: w.world.districtCode, name: '长'.repeat(51) });
    expect(long.json().error.details).toMatchObject([{ path: 'body.name' }]);
  });

  it('draws every institution at rate 1 with two inspectors each, never the conflicted one, and re-runs to the same draw', async () => {
    const conflicted = w.inspectorIds[1] as string;
    const conflict = await district().post(`/api/v1/inspectors/${conflicted}/conflicts`, {
      institutionId: w.world.institutionId,
      reason: '曾在该机构任职',
    });
    expect(conflict.statusCode).toBe(200);
    const res = await round();
    expect(res.statusCode).toBe(201);
    const drawn = res.json();
    expect(drawn.inspections.map((i: { institutionId: string }) => i.institutionId).sort()).toEqual([...w.institutionIds].sort());
    for (const i of drawn.inspections) expect(i.inspectorIds).toHaveLength(2);
    const own = drawn.inspections.find((i: { institutionId: string }) => i.institutionId === w.world.institutionId);
    expect(own.inspectorIds).not.toContain(conflicted);
    const got = (await district().get(`/api/v1/inspection-rounds/${drawn.id}`)).json();
    expect(got).toMatchObject({ seed: drawn.seed, candidates: 3, sampleRate: 1 });
    const rerun = (await as(w.world.actors.city_official.cookie).post(`/api/v1/inspection-rounds/${drawn.id}/rerun`)).json();
    expect(rerun.same).toBe(true);
    expect(rerun.recomputed).toEqual(rerun.stored);
  });

  it('refuses a draw with fewer than two inspectors free of conflict, and bad periods and rates at their fields', async () => {
    const bad = await round({ periodEnd: '2026-11-01', sampleRate: 0 });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['body.periodEnd', 'body.sampleRate']);
    await district().post(`/api/v1/inspectors/${w.inspectorIds[0]}/conflicts`, { institutionId: w.world.institutionId, reason: '亲属' });
    const few = await round();
    expect(few.statusCode).toBe(409);
    expect(few.json().error.code).toBe('INSPECTION_TOO_FEW_INSPECTORS');
    await t.deps.db.deleteFrom('inspector_conflicts').execute();
  });

  it('never draws an inactive inspector, and audits each change', async () => {
    const setActive = (id: string, active: boolean, cookie = w.world.actors.district_official.cookie) =>
      t.app.inject({ method: 'PUT', url: `/api/v1/inspectors/${id}/active`, payload: { active }, headers: { cookie } });
    const [a, b] = w.inspectorIds as [string, string];
    expect((await setActive(a, false)).json().inspectors.find((i: { id: string }) => i.id === a).active).toBe(false);
    expect((await setActive(b, 'no' as unknown as boolean)).json().error.details).toMatchObject([{ path: 'body.active' }]);
    expect((await setActive(b, false, w.otherOfficialCookie)).statusCode).toBe(404);
    expect((await setActive(b, false, w.world.actors.city_official.cookie)).statusCode).toBe(403);
    await setActive(b, false);
    expect((await round()).json().error.code).toBe('INSPECTION_TOO_FEW_INSPECTORS');
    await setActive(b, true);
    const drawn = (await round()).json();
    for (const i of drawn.inspections) expect(i.inspectorIds).not.toContain(a);
    await setActive(a, true);
    const audit = await t.deps.db.selectFrom('audit_log').select('detail').where('action', '=', 'inspection.inspector.active').execute();
    expect(audit).toHaveLength(4);
  });

  it('records results once, with a rectification per failure, and tells the director', async () => {
    const drawn = (await round()).json();
    const inspectionId = drawn.inspections.find((i: { institutionId: string }) => i.institutionId === w.world.institutionId).id;
    const url = `/api/v1/inspections/${inspectionId}/results`;
    const missing = resultsBody({ cctv: '2026-12-10' });
    delete (missing.items[3] as { requirement?: string }).requirement;
    expect((await district().post(url, missing)).json().error.details).toMatchObject([{ path: 'body.items.3.requirement' }]);
    const unknown = resultsBody({});
    unknown.items.push({ key: 'swimming', result: 'pass' });
    expect((await district().post(url, unknown)).json().error.details).toMatchObject([{ path: 'body.items.8.key' }]);
    const early = resultsBody({ cctv: '2026-11-20' });
    expect((await district().post(url, early)).json().error.details).toMatchObject([{ path: 'body.items.3.deadline' }]);
    expect((await as(w.otherOfficialCookie).post(url, resultsBody({}))).statusCode).toBe(404);
    expect((await as(w.world.actors.city_official.cookie).post(url, resultsBody({}))).statusCode).toBe(403);
    const withPhotos = (photos: Buffer[], onItem = 3) => {
      const body = resultsBody({ cctv: '2026-12-10', fire_safety: '2026-12-01' });
      Object.assign(body.items[onItem] as object, { photos: photos.map((p) => p.toString('base64')) });
      return body;
    };
    const exe = await district().post(url, withPhotos([JPEG, EXE]));
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.details).toMatchObject([{ path: 'body.items.3.photos.1', message: expect.stringContaining('JPEG') }]);
    expect((await district().post(url, withPhotos([JPEG], 0))).json().error.details).toMatchObject([{ path: 'body.items.0.photos' }]);
    expect((await district().post(url, withPhotos([JPEG, JPEG, JPEG, JPEG]))).json().error.details).toMatchObject([
      { path: 'body.items.3.photos' },
    ]);
    expect(await t.deps.db.selectFrom('inspection_item_photos').select('id').execute()).toEqual([]);
    expect((await district().get(`/api/v1/inspections/${inspectionId}`)).json().overall).toBeNull();

    const [first, second] = await Promise.all([district().post(url, withPhotos([JPEG, JPEG])), district().post(url, withPhotos([JPEG]))]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const recorded = (first.statusCode === 200 ? first : second).json();
    expect(recorded.overall).toBe('rectify');
    expect(recorded.score).toBe(75);
    expect(recorded.rectifications.map((r: { itemKey: string }) => r.itemKey).sort()).toEqual(['cctv', 'fire_safety']);
    expect(await notificationsOf(t, w.world.actors.institution_admin.userId as string)).toContainEqual(
      expect.objectContaining({ kind: 'supervision.inspection_recorded', link: `/institution/inspections/${inspectionId}` }),
    );
    const seen = (await director().get(`/api/v1/inspections/${inspectionId}`)).json();
    expect(seen.rectifications[0].allowedActions).toEqual(['submit']);
    const photoIds = seen.items.find((i: { key: string }) => i.key === 'cctv').photoIds as string[];
    expect(photoIds.length).toBeGreaterThan(0);
    const photo = await director().get(`/api/v1/inspections/${inspectionId}/photos/${photoIds[0]}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect((await as(w.otherOfficialCookie).get(`/api/v1/inspections/${inspectionId}/photos/${photoIds[0]}`)).statusCode).toBe(404);
    expect((await as(w.world.actors.parent.cookie).get(`/api/v1/inspections/${inspectionId}/photos/${photoIds[0]}`)).statusCode).toBe(403);
    expect((await as(undefined).get(`/api/v1/inspections/${inspectionId}/photos/${photoIds[0]}`)).statusCode).toBe(401);
    publicPhotoId = photoIds[0] as string;
    expect((await director().get('/api/v1/inspections')).json().map((i: { id: string }) => i.id)).toContain(inspectionId);
  });

  it('takes the director’s evidence checked by content, the district’s decision with a reason to send back, and tells each side', async () => {
    const list = (await director().get('/api/v1/rectifications')).json();
    const rect = list.find((r: { itemKey: string }) => r.itemKey === 'cctv');
    const url = `/api/v1/rectifications/${rect.id}`;
    expect(
      (await director().upload(`${url}/evidence`, multipart({ text: '已更换硬盘' }, { name: 'photo', filename: 'a.jpg', data: EXE })))
        .statusCode,
    ).toBe(415);
    expect((await director().upload(`${url}/evidence`, multipart({ text: '' }))).json().error.details).toMatchObject([
      { path: 'body.text' },
    ]);
    expect((await district().post(`${url}/decision`, { action: 'accept' })).statusCode).toBe(409);
    const sent = await director().upload(
      `${url}/evidence`,
      multipart({ text: '<b>已更换</b>硬盘，录像保存90天' }, { name: 'photo', filename: 'a.jpg', data: JPEG }),
    );
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'submitted', evidence: [{ text: '<b>已更换</b>硬盘，录像保存90天', hasPhoto: true }] });
    expect(await notificationsOf(t, w.world.actors.district_official.userId as string)).toContainEqual(
      expect.objectContaining({ kind: 'supervision.evidence_submitted' }),
    );
    const photo = await district().get(`${url}/evidence/${sent.json().evidence[0].id}/photo`);
    expect(photo.headers['content-type']).toBe('image/jpeg');

    expect((await district().post(`${url}/decision`, { action: 'reject' })).json().error.details).toMatchObject([{ path: 'body.reason' }]);
    expect((await as(w.otherOfficialCookie).post(`${url}/decision`, { action: 'accept' })).statusCode).toBe(404);
    const back = await district().post(`${url}/decision`, { action: 'reject', reason: '照片看不清' });
    expect(back.json()).toMatchObject({ status: 'open', rejectionReason: '照片看不清' });
    await director().upload(`${url}/evidence`, multipart({ text: '重新拍摄' }, { name: 'photo', filename: 'b.jpg', data: JPEG }));
    const accepted = await district().post(`${url}/decision`, { action: 'accept' });
    expect(accepted.json()).toMatchObject({ status: 'accepted', allowedActions: [] });
    const told = (await notificationsOf(t, w.world.actors.institution_admin.userId as string)).map((n) => n.kind);
    expect(told).toEqual(expect.arrayContaining(['supervision.rectification_rejected', 'supervision.rectification_accepted']));
  });

  it('publishes the history without inspectors or notes on people', async () => {
    const history = await as(undefined).get(`/api/v1/public/institutions/${w.world.institutionId}/inspections`);
    expect(history.statusCode).toBe(200);
    expect(history.json()).toEqual([
      {
        inspectedOn: '2026-11-28',
        overall: 'rectify',
        failedItems: expect.arrayContaining([
          { label: '视频监控保存90天', rectified: true },
          { label: '消防安全', rectified: false },
        ]),
        rectified: false,
      },
    ]);
    const profile = await as(undefined).get(`/api/v1/institutions/${w.world.institutionId}`);
    expect(profile.json().lastInspection).toEqual({ date: '2026-11-28', result: 'rectify', rectifying: true });
    expect(history.body).not.toContain('张某');
    expect(history.body).not.toContain('检查');
    expect(history.body).not.toContain(publicPhotoId);
    expect(history.body).not.toMatch(/photo/i);
    expect((await as(undefined).get('/api/v1/public/institutions/00000000-0000-4000-8000-000000000000/inspections')).statusCode).toBe(404);
  });

  it('hides the history of a suspended institution, as its public profile is hidden', async () => {
    const listed = (active: boolean) =>
      t.deps.db.updateTable('filed_institutions').set({ active }).where('institution_id', '=', w.world.institutionId).execute();
    await listed(false);
    try {
      expect((await as(undefined).get(`/api/v1/institutions/${w.world.institutionId}`)).statusCode).toBe(404);
      expect((await as(undefined).get(`/api/v1/public/institutions/${w.world.institutionId}/inspections`)).statusCode).toBe(404);
    } finally {
      await listed(true);
    }
  });

  it('tells the finder each listed institution’s latest result and whether a rectification is open, in one request', async () => {
    const [own, east, west] = w.institutionIds as [string, string, string];
    const unknown = '00000000-0000-4000-8000-000000000000';
    const statuses = async (ids: string[]) => {
      const res = await as(undefined).get(`/api/v1/public/inspection-statuses?institutionIds=${ids.join(',')}`);
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    // Recorded: the rectify of 28 November, one failure still open. Drawn but not yet inspected: nothing.
    expect(await statuses([own, east, west, unknown])).toEqual([
      { institutionId: own, date: '2026-11-28', result: 'rectify', rectifying: true },
    ]);

    const drawn = (await round()).json().inspections as { id: string; institutionId: string }[];
    const inspectionOf = (id: string) => drawn.find((i) => i.institutionId === id)?.id;
    expect((await district().post(`/api/v1/inspections/${inspectionOf(east)}/results`, resultsBody({}, '2026-11-29'))).statusCode).toBe(
      200,
    );
    // A later pass does not close the earlier failure: the institution is still being put right.
    expect((await district().post(`/api/v1/inspections/${inspectionOf(own)}/results`, resultsBody({}, '2026-11-29'))).statusCode).toBe(200);
    const after = await statuses([west, east, own]);
    expect(after).toHaveLength(2);
    expect(after).toEqual(
      expect.arrayContaining([
        { institutionId: own, date: '2026-11-29', result: 'pass', rectifying: true },
        { institutionId: east, date: '2026-11-29', result: 'pass', rectifying: false },
      ]),
    );
    const profile = await as(undefined).get(`/api/v1/institutions/${own}`);
    expect(profile.json().lastInspection).toEqual({ date: '2026-11-29', result: 'pass', rectifying: true });
    expect((await as(undefined).get(`/api/v1/institutions/${west}`)).json().lastInspection).toBeNull();

    // An institution the public no longer sees (suspended) is not answered for.
    await t.deps.db.updateTable('filed_institutions').set({ active: false }).where('institution_id', '=', east).execute();
    expect(await statuses([east])).toEqual([]);
    await t.deps.db.updateTable('filed_institutions').set({ active: true }).where('institution_id', '=', east).execute();

    const refused = async (query: string) => {
      const res = await as(undefined).get(`/api/v1/public/inspection-statuses${query}`);
      expect(res.statusCode).toBe(400);
      return res.json().error.details.map((d: { path: string }) => d.path);
    };
    expect(await refused(`?institutionIds=${own},not-an-id`)).toEqual(['querystring.institutionIds.1']);
    expect(await refused(`?institutionIds=${Array(51).fill(own).join(',')}`)).toEqual(['querystring.institutionIds']);
    expect(await refused('')).toEqual(['querystring.institutionIds']);
  });

  it('lets the public search leave out institutions with a rectification still open', async () => {
    const ids = async (extra: string) =>
      (await as(w.world.actors.parent.cookie).get(`/api/v1/institutions/search?division=${w.world.districtCode}${extra}`))
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await ids('')).toContain(w.world.institutionId);
    const clean = await ids('&noOpenRectification=true');
    expect(clean).not.toContain(w.world.institutionId);
    expect(clean).toHaveLength(2);
  });

  it('lets the city change the checklist (audited) and no one else', async () => {
    const body = {
      items: [
        { key: 'filing', zh: '备案与证照', en: 'Filing', weight: 2 },
        { key: 'fire_safety', zh: '消防安全', en: 'Fire safety', weight: 3 },
      ],
      riskWeight: { perEvent: 0.5, max: 3 },
    };
    const put = (cookie: string | undefined) =>
      t.app.inject({ method: 'PUT', url: '/api/v1/inspection-settings', payload: body, headers: cookie ? { cookie } : {} });
    expect((await put(w.world.actors.district_official.cookie)).statusCode).toBe(403);
    expect((await put(w.world.actors.city_official.cookie)).json()).toEqual(body);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'inspection.settings.update').execute();
    expect(audit).toHaveLength(1);
  });
  it('flags overdue rectifications to the district once a day and counts them for the dashboard', async () => {
    t.clock.set(new Date('2026-12-03T01:00:00Z'));
    const official = await t.deps.db
      .selectFrom('users')
      .select('phone')
      .where('id', '=', w.world.actors.district_official.userId as string)
      .executeTakeFirstOrThrow();
    const overdue = (
      await as(await signIn(t.app, official.phone)).get(`/api/v1/rectifications?divisionCode=${w.world.districtCode}&overdue=true`)
    ).json();
    expect(overdue.map((r: { itemKey: string; overdue: boolean }) => [r.itemKey, r.overdue])).toEqual([['fire_safety', true]]);
    expect(await countOverdueRectifications(t.deps.db, '2026-12-03', w.world.districtCode)).toBe(1);
    // The city's dashboard asks with its own code: every district's overdue rectifications.
    const cityOfficial = await t.deps.db
      .selectFrom('users')
      .select('phone')
      .where('id', '=', w.world.actors.city_official.userId as string)
      .executeTakeFirstOrThrow();
    const cityWide = (
      await as(await signIn(t.app, cityOfficial.phone)).get(`/api/v1/rectifications?divisionCode=${w.world.cityCode}&overdue=true`)
    ).json();
    expect(cityWide.map((r: { itemKey: string }) => r.itemKey)).toEqual(['fire_safety']);
    const overdueInspections = (
      await as(await signIn(t.app, cityOfficial.phone)).get(`/api/v1/inspections?divisionCode=${w.world.cityCode}&rectifications=overdue`)
    ).json();
    expect(overdueInspections).toMatchObject([{ institutionId: w.world.institutionId, overdueRectifications: 1, openRectifications: 1 }]);
    await flagOverdueRectifications(t.deps);
    await flagOverdueRectifications(t.deps);
    const flags = (await notificationsOf(t, w.world.actors.district_official.userId as string)).filter(
      (n) => n.kind === 'supervision.rectification_overdue',
    );
    expect(flags).toHaveLength(1);
    expect(
      await notificationsOf(
        t,
        (await t.deps.db.selectFrom('user_roles').select('user_id').where('division_code', '=', w.otherDistrict).executeTakeFirstOrThrow())
          .user_id,
      ),
    ).toEqual([]);
  });
});
