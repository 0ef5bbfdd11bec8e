import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { type ActorName, expectRoleMatrix } from '../../../../../test/harness/roles.ts';
import { createInspectionWorld, multipart, resultsBody } from './world.ts';

const matrix = (m: Partial<Record<ActorName, number>>, rest: number): Record<ActorName, number> => ({
  anonymous: 401,
  parent: rest,
  institution_admin: rest,
  caregiver: rest,
  district_official: rest,
  city_official: rest,
  admin: rest,
  ...m,
});

describe.each(DIALECTS)('supervision role matrix on %s', (dialect) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof createInspectionWorld>>;
  let roundId: string;
  let inspectionId: string;
  let rectificationId: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    w = await createInspectionWorld(t);
    const cookie = w.world.actors.district_official.cookie as string;
    const round = await t.app.inject({
      method: 'POST',
      url: '/api/v1/inspection-rounds',
      headers: { cookie },
      payload: { divisionCode: w.world.districtCode, periodStart: '2026-12-01', periodEnd: '2026-12-31', sampleRate: 1 },
    });
    roundId = round.json().id;
    inspectionId = round.json().inspections.find((i: { institutionId: string }) => i.institutionId === w.world.institutionId).id;
    const recorded = await t.app.inject({
      method: 'POST',
      url: `/api/v1/inspections/${inspectionId}/results`,
      headers: { cookie },
      payload: resultsBody({ cctv: '2026-12-10' }),
    });
    rectificationId = recorded.json().rectifications[0].id;
  });
  afterAll(() => t.close());

  it('the directory and rounds are the district’s; the city reads them; no one else', async () => {
    const code = w.world.districtCode;
    const read = matrix({ district_official: 200, city_official: 200, admin: 200 }, 403);
    await expectRoleMatrix(t, w.world, { url: `/api/v1/inspectors?divisionCode=${code}` }, read);
    await expectRoleMatrix(t, w.world, { url: `/api/v1/inspection-rounds?divisionCode=${code}` }, read);
    await expectRoleMatrix(t, w.world, { url: `/api/v1/inspection-rounds/${roundId}` }, read);
    await expectRoleMatrix(
      t,
      w.world,
      { method: 'POST', url: '/api/v1/inspectors', payload: { divisionCode: code, name: '新人' } },
      matrix({ district_official: 201 }, 403),
    );
    await expectRoleMatrix(
      t,
      w.world,
      {
        method: 'POST',
        url: '/api/v1/inspection-rounds',
        payload: { divisionCode: code, periodStart: '2027-01-01', periodEnd: '2027-01-31' },
      },
      matrix({ district_official: 201 }, 403),
    );
  });

  it('the director reads their inspection and uploads evidence; the district records and decides', async () => {
    await expectRoleMatrix(
      t,
      w.world,
      { url: `/api/v1/inspections/${inspectionId}` },
      matrix({ district_official: 200, city_official: 200, admin: 200, institution_admin: 200 }, 403),
    );
    await expectRoleMatrix(
      t,
      w.world,
      { method: 'POST', url: `/api/v1/inspections/${inspectionId}/results`, payload: {} },
      matrix({ district_official: 400 }, 403),
    );
    await expectRoleMatrix(
      t,
      w.world,
      { method: 'POST', url: `/api/v1/rectifications/${rectificationId}/decision`, payload: {} },
      matrix({ district_official: 400 }, 403),
    );
    await expectRoleMatrix(
      t,
      w.world,
      { method: 'POST', url: `/api/v1/rectifications/${rectificationId}/evidence`, ...multipart({ text: '' }) },
      matrix({ institution_admin: 400 }, 403),
    );
    await expectRoleMatrix(
      t,
      w.world,
      { url: '/api/v1/rectifications' },
      matrix({ institution_admin: 200, district_official: 404, city_official: 404, admin: 404 }, 403),
    );
  });

  it('the city reads every district’s rounds and inspections; a district official only their own', async () => {
    const city = w.world.cityCode;
    const cityOnly = matrix({ city_official: 200, admin: 200, district_official: 404, institution_admin: 404 }, 403);
    await expectRoleMatrix(t, w.world, { url: `/api/v1/inspections?divisionCode=${city}&result=rectify` }, cityOnly);
    await expectRoleMatrix(
      t,
      w.world,
      { url: `/api/v1/inspection-rounds?divisionCode=${city}` },
      matrix({ city_official: 200, admin: 200, district_official: 404 }, 403),
    );
    await expectRoleMatrix(
      t,
      w.world,
      { url: `/api/v1/inspections?divisionCode=${w.world.districtCode}&rectifications=open` },
      matrix({ district_official: 200, city_official: 200, admin: 200, institution_admin: 404 }, 403),
    );
    const ask = async (cookie: string | undefined, query: string) =>
      (await t.app.inject({ url: `/api/v1/inspections?${query}`, headers: { cookie: cookie as string } })).json();
    const cityCookie = w.world.actors.city_official.cookie;
    const ids = (list: { id: string }[]) => list.map((i) => i.id);
    expect(ids(await ask(cityCookie, `divisionCode=${city}&result=rectify`))).toEqual([inspectionId]);
    expect(ids(await ask(cityCookie, `divisionCode=${city}&rectifications=open`))).toEqual([inspectionId]);
    const pending = await ask(cityCookie, `divisionCode=${city}&result=pending`);
    expect(pending.length).toBeGreaterThanOrEqual(2);
    expect(pending.every((i: { overall: string | null }) => i.overall === null)).toBe(true);
    expect(await ask(cityCookie, `divisionCode=${w.otherDistrict}`)).toEqual([]);
    const bad = await ask(cityCookie, `divisionCode=${city}&result=maybe&rectifications=late`);
    expect(bad.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['querystring.rectifications', 'querystring.result']);
  });

  it('a failed item’s photos are for the inspection’s readers only', async () => {
    await expectRoleMatrix(
      t,
      w.world,
      { url: `/api/v1/inspections/${inspectionId}/photos/00000000-0000-4000-8000-000000000000` },
      matrix({ district_official: 404, city_official: 404, admin: 404, institution_admin: 404 }, 403),
    );
  });

  it('the public sees the history and the statuses only', async () => {
    await expectRoleMatrix(
      t,
      w.world,
      { url: `/api/v1/public/institutions/${w.world.institutionId}/inspections` },
      matrix({ anonymous: 200 }, 200),
    );
    await expectRoleMatrix(
      t,
      w.world,
      { url: `/api/v1/public/inspection-statuses?institutionIds=${w.institutionIds.join(',')}` },
      matrix({ anonymous: 200 }, 200),
    );
  });

  it('a district official of another district cannot draw, see or decide here', async () => {
    const other = (method: 'GET' | 'POST', url: string, payload?: object) =>
      t.app.inject({ method, url, ...(payload ? { payload } : {}), headers: { cookie: w.otherOfficialCookie } });
    const answers = await Promise.all([
      other('POST', '/api/v1/inspection-rounds', {
        divisionCode: w.world.districtCode,
        periodStart: '2027-01-01',
        periodEnd: '2027-01-31',
      }),
      other('GET', `/api/v1/inspection-rounds/${roundId}`),
      other('POST', `/api/v1/inspection-rounds/${roundId}/rerun`),
      other('GET', `/api/v1/inspectors?divisionCode=${w.world.districtCode}`),
      other('GET', `/api/v1/inspections?divisionCode=${w.world.districtCode}`),
      other('GET', `/api/v1/inspections/${inspectionId}`),
      other('GET', `/api/v1/inspections?divisionCode=${w.world.cityCode}`),
      other('GET', `/api/v1/inspection-rounds?divisionCode=${w.world.cityCode}`),
      other('GET', `/api/v1/rectifications?divisionCode=${w.world.districtCode}`),
      other('POST', `/api/v1/rectifications/${rectificationId}/decision`, { action: 'accept' }),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual(Array(10).fill(404));
  });
});
