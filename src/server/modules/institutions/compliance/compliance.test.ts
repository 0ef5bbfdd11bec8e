import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createDistrict } from '../../../../../test/harness/factories/geography.ts';
import { completeInstitution, createFiledInstitution, createInstitution } from '../../../../../test/harness/factories/institutions.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { as } from '../test/helpers.ts';

describe.each(DIALECTS)('compliance on %s', (dialect) => {
  let t: TestApp;
  let district: Awaited<ReturnType<typeof createDistrict>>;
  let official: ReturnType<typeof as>;
  let city: ReturnType<typeof as>;
  let admin: ReturnType<typeof as>;
  let crowded: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    district = await createDistrict(t.deps.db, '合规区');
    const [a, b] = district.townshipCodes as [string, string];
    await createFiledInstitution(t.deps.db, a, '合规园');
    crowded = (
      await createFiledInstitution(t.deps.db, a, '拥挤园', {
        classes: [{ classType: 'infant', capacity: 12, caregivers: 2 }],
        indoorAreaM2: 30,
      })
    ).id;
    await createFiledInstitution(t.deps.db, b, '小场地园', { outdoorAreaM2: 10 });
    const draft = await createInstitution(t.deps.db, b, '未备案园');
    await completeInstitution(t.deps.db, draft.id, { classes: [{ classType: 'toddler', capacity: 30 }] });
    official = as(
      t,
      await signIn(t.app, (await createUser(t.deps.db, { role: 'district_official', divisionCode: district.districtCode })).phone),
    );
    city = as(t, await signIn(t.app, (await createUser(t.deps.db, { role: 'city_official', divisionCode: district.cityCode })).phone));
    admin = as(t, await signIn(t.app, (await createUser(t.deps.db, { role: 'admin' })).phone));
  });
  afterAll(() => t.close());

  it('shows each problem on the record, computed from classes, staff and areas', async () => {
    const record = (await official.get(`/api/v1/institutions/${crowded}/record`)).json();
    expect(record.compliance).toEqual({
      checkedOn: '2026-11-29',
      problems: [
        { code: 'class_over_maximum', classId: expect.any(String), classType: 'infant', size: 12, maximum: 10 },
        {
          code: 'caregiver_ratio_below_standard',
          classId: expect.any(String),
          classType: 'infant',
          children: 12,
          caregivers: 2,
          required: 4,
        },
        { code: 'indoor_area_below_minimum', m2PerPlace: 2.5, minimum: 3 },
      ],
    });
  });

  it('counts problems per township for the district, counting filed institutions only', async () => {
    const summary = (await official.get('/api/v1/institutions/compliance')).json();
    expect(summary).toMatchObject({
      divisionCode: district.districtCode,
      name: '合规区',
      total: {
        institutions: 3,
        withProblems: 2,
        problems: { class_over_maximum: 1, caregiver_ratio_below_standard: 1, indoor_area_below_minimum: 1, outdoor_area_below_minimum: 1 },
      },
    });
    expect(summary.rows).toEqual([
      expect.objectContaining({ divisionCode: district.townshipCodes[0], institutions: 2, withProblems: 1 }),
      expect.objectContaining({
        divisionCode: district.townshipCodes[1],
        institutions: 1,
        withProblems: 1,
        problems: { outdoor_area_below_minimum: 1 },
      }),
    ]);
  });

  it('counts per district for the city', async () => {
    const summary = (await city.get('/api/v1/institutions/compliance')).json();
    expect(summary.divisionCode).toBe(district.cityCode);
    expect(summary.rows).toEqual(
      expect.arrayContaining([expect.objectContaining({ divisionCode: district.districtCode, institutions: 3, withProblems: 2 })]),
    );
    expect((await city.get('/api/v1/institutions/compliance?division=999999')).statusCode).toBe(404);
  });

  it('uses the area minimums an administrator sets, with the defaults documented', async () => {
    const settings = (await official.get('/api/v1/institutions/settings')).json();
    expect(settings).toEqual({
      indoorM2PerPlace: 3,
      outdoorM2PerPlace: 2,
      mixedChildrenPerCaregiver: 5,
      defaults: { indoorM2PerPlace: 3, outdoorM2PerPlace: 2, mixedChildrenPerCaregiver: 5 },
    });
    const changed = await admin.put('/api/v1/institutions/settings', {
      indoorM2PerPlace: 2,
      outdoorM2PerPlace: 0.5,
      mixedChildrenPerCaregiver: 4,
    });
    expect(changed.json()).toMatchObject({ indoorM2PerPlace: 2, outdoorM2PerPlace: 0.5, mixedChildrenPerCaregiver: 4 });
    const summary = (await official.get('/api/v1/institutions/compliance')).json();
    expect(summary.total).toMatchObject({ withProblems: 1, problems: { class_over_maximum: 1, caregiver_ratio_below_standard: 1 } });
    expect(
      (await admin.put('/api/v1/institutions/settings', { indoorM2PerPlace: -1, outdoorM2PerPlace: 2, mixedChildrenPerCaregiver: 5 }))
        .statusCode,
    ).toBe(400);
    await admin.put('/api/v1/institutions/settings', { indoorM2PerPlace: 3, outdoorM2PerPlace: 2, mixedChildrenPerCaregiver: 5 });
  });
});
