import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createDistrict } from '../../../../../test/harness/factories/geography.ts';
import { createFiledInstitution } from '../../../../../test/harness/factories/institutions.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';

// The test clock stands at 2026-11-29 10:00 Asia/Shanghai.
const IN_A_WEEK = '2026-12-06T10:00:00+08:00';

/** One vacancy rule: what the board, the picker, the public profile and the search show is what an offer can take. */
describe.each(DIALECTS)('vacancies on %s', (dialect) => {
  let t: TestApp;
  let director: string;
  let institutionId: string;
  let unstaffed: string;
  let staffed: string;
  let township: string;

  const everywhere = async () => {
    const record = (await t.app.inject({ url: `/api/v1/institutions/${institutionId}/record`, headers: { cookie: director } })).json();
    const profile = (await t.app.inject({ url: `/api/v1/institutions/${institutionId}` })).json();
    const search = (await t.app.inject({ url: `/api/v1/institutions/search?q=${encodeURIComponent('余位一致托育园')}` })).json();
    return {
      board: Object.fromEntries((record.classes as { name: string; vacancies: number }[]).map((c) => [c.name, c.vacancies])),
      profile: profile.vacancies,
      search: search.items[0].vacancies,
    };
  };

  async function applicationOfNewFamily() {
    const parent = await createUser(t.deps.db, { role: 'parent' });
    const cookie = await signIn(t.app, parent.phone);
    const child = await t.app.inject({
      method: 'POST',
      url: '/api/v1/children',
      headers: { cookie },
      payload: {
        name: '余位宝宝',
        sex: 'male',
        birthDate: '2025-06-10',
        residenceDivisionCode: township,
        relation: 'father',
        consent: true,
      },
    });
    const application = await t.app.inject({
      method: 'POST',
      url: '/api/v1/applications',
      headers: { cookie },
      payload: { childId: child.json().id, institutionIds: [institutionId], startDate: '2027-01-04' },
    });
    expect(application.statusCode, application.body).toBe(201);
    return application.json().id as string;
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const district = await createDistrict(t.deps.db, '余位区');
    township = district.townshipCodes[0] as string;
    const institution = await createFiledInstitution(t.deps.db, township, '余位一致托育园', {
      classes: [
        { classType: 'toddler', capacity: 15, caregivers: 0, name: '无保育员班' },
        { classType: 'toddler', capacity: 15, caregivers: 1, name: '一位保育员班' },
      ],
    });
    institutionId = institution.id;
    [unstaffed, staffed] = institution.classIds as [string, string];
    director = await signIn(t.app, (await createUser(t.deps.db, { role: 'institution_admin', institutionId })).phone);
  });
  afterAll(() => t.close());

  it('counts caregivers and standing offers: a class without caregivers shows no place, and an offer takes one everywhere', async () => {
    // 15 places each; no caregiver gives 0, one caregiver at 1 : 5 gives 5.
    expect(await everywhere()).toEqual({
      board: { 无保育员班: 0, 一位保育员班: 5 },
      profile: { toddler: 5 },
      search: { toddler: 5 },
    });
    const first = await applicationOfNewFamily();
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${first}/offer`,
      headers: { cookie: director },
      payload: { classId: unstaffed, expiresAt: IN_A_WEEK },
    });
    expect(refused.json().error.code).toBe('CLASS_FULL');
    const offered = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${first}/offer`,
      headers: { cookie: director },
      payload: { classId: staffed, expiresAt: IN_A_WEEK },
    });
    expect(offered.statusCode, offered.body).toBe(204);
    expect(await everywhere()).toEqual({
      board: { 无保育员班: 0, 一位保育员班: 4 },
      profile: { toddler: 4 },
      search: { toddler: 4 },
    });
  });

  it('refuses an offer once standing offers hold every place the caregivers allow', async () => {
    for (let i = 0; i < 4; i++) {
      const id = await applicationOfNewFamily();
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/applications/${id}/offer`,
        headers: { cookie: director },
        payload: { classId: staffed, expiresAt: IN_A_WEEK },
      });
      expect(res.statusCode, res.body).toBe(204);
    }
    const sixth = await applicationOfNewFamily();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/applications/${sixth}/offer`,
      headers: { cookie: director },
      payload: { classId: staffed, expiresAt: IN_A_WEEK },
    });
    expect(res.json().error.code).toBe('CLASS_FULL');
    expect((await everywhere()).search).toEqual({ toddler: 0 });
  });
});
