import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createClass, createEnrolledChild } from '../../../../../test/harness/factories/enrollments.ts';
import { createDistrict } from '../../../../../test/harness/factories/geography.ts';
import {
  completeInstitution,
  createFiledInstitution,
  createInstitution,
  designateInclusive,
} from '../../../../../test/harness/factories/institutions.ts';
import { SearchResult } from './schemas.ts';

/** Great-circle distance on earthdistance's sphere (radius 6,378,168 m), in km. */
function haversineKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }) {
  const rad = (d: number) => (d * Math.PI) / 180;
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  return 2 * 6378.168 * Math.asin(Math.sqrt(h));
}

type Item = {
  id: string;
  name: string;
  distanceKm: number | null;
  vacancies: Record<string, number>;
  monthlyFeeYuan: Record<string, number>;
};

describe.each(DIALECTS)('public search on %s', (dialect) => {
  let t: TestApp;
  let district: Awaited<ReturnType<typeof createDistrict>>;
  const ids: Record<string, string> = {};
  const HOME = { lat: 34.6, lng: 119.2 };
  const search = async (query: string) => {
    const res = await t.app.inject({ url: `/api/v1/institutions/search?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    // The route sends its answer without checking it: every answer here must be exactly SearchResult.
    expect(SearchResult.parse(res.json())).toEqual(res.json());
    return res.json() as { total: number; order: string; items: Item[] };
  };
  const names = (r: { items: Item[] }) => r.items.map((i) => i.name);

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    district = await createDistrict(t.deps.db, '检索区');
    const [a, b] = district.townshipCodes as [string, string];
    const db = t.deps.db;
    ids.home = (
      await createFiledInstitution(db, a, '连云港家门口托育园', {
        location: HOME,
        classes: [{ classType: 'toddler', capacity: 15 }],
        feesFen: { toddler: 200_000 },
      })
    ).id;
    ids.north = (
      await createFiledInstitution(db, a, '北边普惠托育中心', {
        location: { lat: 34.62, lng: 119.2 },
        classes: [
          { classType: 'infant', capacity: 9 },
          { classType: 'older_toddler', capacity: 20 },
        ],
        feesFen: { infant: 260_000, older_toddler: 150_000 },
        serviceForms: ['full_day', 'hourly'],
      })
    ).id;
    await designateInclusive(db, ids.north, { older_toddler: 160_000 });
    ids.far = (
      await createFiledInstitution(db, b, '远郊混龄托育点', {
        location: { lat: 34.7, lng: 119.2 },
        classes: [{ classType: 'mixed', capacity: 12 }],
        feesFen: { mixed: 120_000 },
      })
    ).id;
    const suspended = await createFiledInstitution(db, a, '停业整顿托育园', { location: HOME });
    await db.updateTable('filed_institutions').set({ active: false }).where('institution_id', '=', suspended.id).execute();
    const draft = await createInstitution(db, a, '草稿托育园');
    await completeInstitution(db, draft.id, { location: HOME });
  });
  afterAll(() => t.close());

  it('finds filed institutions near a point, nearest first, with great-circle distances', async () => {
    const near = await search(`lat=${HOME.lat}&lng=${HOME.lng}&radiusKm=5`);
    expect(names(near)).toEqual(['连云港家门口托育园', '北边普惠托育中心']);
    expect(near.total).toBe(2);
    expect(near.items[0]?.distanceKm).toBe(0);
    expect(near.items[1]?.distanceKm).toBeCloseTo(haversineKm(HOME, { lat: 34.62, lng: 119.2 }), 2);
    const wide = await search(`lat=${HOME.lat}&lng=${HOME.lng}&radiusKm=12`);
    expect(names(wide)).toEqual(['连云港家门口托育园', '北边普惠托育中心', '远郊混龄托育点']);
    expect(wide.items[2]?.distanceKm).toBeCloseTo(haversineKm(HOME, { lat: 34.7, lng: 119.2 }), 2);
    const measured = await sql<{ m: number }>`select earth_distance(ll_to_earth(34.6, 119.2), ll_to_earth(34.7, 119.2)) as m`.execute(
      t.deps.db,
    );
    expect(wide.items[2]?.distanceKm).toBe(Math.round((measured.rows[0]?.m as number) / 10) / 100);
  });

  it('keeps the edge of the circle exact: in at the radius, out just past it', async () => {
    const northKm = haversineKm(HOME, { lat: 34.62, lng: 119.2 });
    expect(names(await search(`lat=${HOME.lat}&lng=${HOME.lng}&radiusKm=${(northKm + 0.001).toFixed(3)}`))).toContain('北边普惠托育中心');
    expect(names(await search(`lat=${HOME.lat}&lng=${HOME.lng}&radiusKm=${(northKm - 0.001).toFixed(3)}`))).not.toContain(
      '北边普惠托育中心',
    );
  });

  it('answers in the contract’s shape', async () => {
    const result = await search(`lat=${HOME.lat}&lng=${HOME.lng}&radiusKm=5`);
    expect(result.order).toBe('distance');
    expect(result.items[1]).toEqual({
      id: ids.north,
      name: '北边普惠托育中心',
      address: '测试路1号',
      distanceKm: expect.any(Number),
      inclusive: true,
      designations: [{ kind: 'inclusive', level: null }],
      vacancies: { infant: 9, older_toddler: 20 },
      monthlyFeeYuan: { infant: 2600, older_toddler: 1500 },
      location: { lat: 34.62, lng: 119.2 },
      divisionCode: district.townshipCodes[0],
    });
  });

  it('never shows suspended, closed or unfiled institutions', async () => {
    const all = await search(`division=${district.districtCode}&pageSize=100`);
    expect(names(all).sort()).toEqual(['北边普惠托育中心', '远郊混龄托育点', '连云港家门口托育园'].sort());
  });

  it('filters by the class types a child fits on the start date', async () => {
    // Born 2025-11-29: 12 months old on 2026-11-29 (toddler), 19 months on 2027-06-29 (toddler or mixed).
    expect(names(await search(`division=${district.districtCode}&birthDate=2025-11-29`))).toEqual(['连云港家门口托育园']);
    expect(names(await search(`division=${district.districtCode}&birthDate=2025-11-29&startDate=2027-06-29`)).sort()).toEqual(
      ['远郊混龄托育点', '连云港家门口托育园'].sort(),
    );
    expect(names(await search(`division=${district.districtCode}&birthDate=2026-02-01&startDate=2026-09-01`))).toEqual([
      '北边普惠托育中心',
    ]);
    expect((await search(`division=${district.districtCode}&birthDate=2026-10-01`)).total).toBe(0);
  });

  it('filters by inclusive, fee range, service form and division', async () => {
    expect(names(await search(`division=${district.districtCode}&inclusive=true`))).toEqual(['北边普惠托育中心']);
    expect(names(await search(`division=${district.districtCode}&feeFrom=1100&feeTo=1600`)).sort()).toEqual(
      ['北边普惠托育中心', '远郊混龄托育点'].sort(),
    );
    // The fee must be in range for a class type the child fits: a 7-month-old needs the infant class (2,600 yuan).
    expect(names(await search(`division=${district.districtCode}&feeFrom=1400&feeTo=1600`))).toEqual(['北边普惠托育中心']);
    expect(
      names(await search(`division=${district.districtCode}&feeFrom=1400&feeTo=1600&birthDate=2026-02-01&startDate=2026-09-01`)),
    ).toEqual([]);
    expect(names(await search(`division=${district.districtCode}&serviceForm=hourly`))).toEqual(['北边普惠托育中心']);
    expect(names(await search(`division=${district.townshipCodes[1]}`))).toEqual(['远郊混龄托育点']);
  });

  it('matches a keyword in the name, its pinyin or its initials', async () => {
    expect(names(await search(`division=${district.districtCode}&q=lyg`))).toEqual(['连云港家门口托育园']);
    expect(names(await search(`division=${district.districtCode}&q=${encodeURIComponent('普惠')}`))).toEqual(['北边普惠托育中心']);
    expect(names(await search(`division=${district.districtCode}&q=Lian%20Yun`))).toEqual(['连云港家门口托育园']);
    expect(names(await search(`division=${district.districtCode}&q=${encodeURIComponent('100%')}`))).toEqual([]);
  });

  it('pages, and still counts past the last page', async () => {
    const first = await search(`division=${district.districtCode}&pageSize=2`);
    const second = await search(`division=${district.districtCode}&pageSize=2&page=2`);
    const beyond = await search(`division=${district.districtCode}&pageSize=2&page=9`);
    expect([first.total, second.total, beyond.total]).toEqual([3, 3, 3]);
    expect([...names(first), ...names(second)]).toHaveLength(3);
    expect(beyond.items).toEqual([]);
  });

  it('counts vacancies from enrollments, and follows each enrollment at once', async () => {
    const db = t.deps.db;
    const toddlers = await db
      .selectFrom('institution_classes')
      .select('id')
      .where('institution_id', '=', ids.home as string)
      .executeTakeFirstOrThrow();
    const enrolled = [];
    for (let i = 0; i < 15; i++) enrolled.push(await createEnrolledChild(db, { institutionId: ids.home as string, classId: toddlers.id }));
    const full = await search(`lat=${HOME.lat}&lng=${HOME.lng}&radiusKm=5`);
    expect(full.items[0]?.vacancies).toEqual({ toddler: 0 });
    // Without a point, a full institution moves behind those with a place, in a district and over the city.
    const inDistrict = await search(`division=${district.districtCode}`);
    expect(inDistrict.order).toBe('vacancy_then_name');
    expect(names(inDistrict)).toEqual(['北边普惠托育中心', '远郊混龄托育点', '连云港家门口托育园']);
    expect(names(await search('q=tuoyu'))).toEqual(['北边普惠托育中心', '远郊混龄托育点', '连云港家门口托育园']);
    expect(names(await search('pageSize=100')).filter((n) => n !== '新名托育园')).toEqual([
      '北边普惠托育中心',
      '远郊混龄托育点',
      '连云港家门口托育园',
    ]);
    expect(names(await search(`lat=${HOME.lat}&lng=${HOME.lng}&radiusKm=5&vacancy=true`))).toEqual(['北边普惠托育中心']);
    const profile = (await t.app.inject({ url: `/api/v1/institutions/${ids.home}` })).json();
    expect(profile).toMatchObject({ places: 15, vacancies: { toddler: 0 }, classes: [{ capacity: 15, vacancies: 0 }] });

    // One child leaves: the place is free in the very next search.
    await db
      .updateTable('enrolments')
      .set({ end_date: '2026-11-29' })
      .where('id', '=', enrolled[0]?.enrolmentId as string)
      .execute();
    expect(names(await search(`lat=${HOME.lat}&lng=${HOME.lng}&radiusKm=5&vacancy=true`))).toEqual([
      '连云港家门口托育园',
      '北边普惠托育中心',
    ]);
    // With a place again it takes its place by name.
    expect(names(await search(`division=${district.districtCode}`))).toEqual(['北边普惠托育中心', '连云港家门口托育园', '远郊混龄托育点']);
    expect(names(await search('q=tuoyu'))).toEqual(['北边普惠托育中心', '连云港家门口托育园', '远郊混龄托育点']);
    await db
      .updateTable('enrolments')
      .set({ end_date: '2026-11-29' })
      .where('class_id', '=', toddlers.id)
      .where('end_date', 'is', null)
      .execute();
    expect((await search(`lat=${HOME.lat}&lng=${HOME.lng}&radiusKm=5`)).items[0]?.vacancies).toEqual({ toddler: 15 });
    // A second class of the same type adds the places its caregivers allow: none without one.
    const second = await createClass(db, ids.home as string, { classType: 'toddler', capacity: 10, caregivers: 0 });
    await createEnrolledChild(db, { institutionId: ids.home as string, classId: second.id });
    expect((await search(`lat=${HOME.lat}&lng=${HOME.lng}&radiusKm=5`)).items[0]?.vacancies).toEqual({ toddler: 15 });
    const third = await createClass(db, ids.home as string, { classType: 'toddler', capacity: 10, caregivers: 2 });
    await createEnrolledChild(db, { institutionId: ids.home as string, classId: third.id });
    expect((await search(`lat=${HOME.lat}&lng=${HOME.lng}&radiusKm=5`)).items[0]?.vacancies).toEqual({ toddler: 24 });
  });

  it('follows filings, suspensions and designations at once', async () => {
    const db = t.deps.db;
    const inDistrict = () => search(`division=${district.districtCode}&pageSize=100`);
    const added = await createFiledInstitution(db, district.townshipCodes[0] as string, '新备案托育园', { location: HOME });
    expect(names(await inDistrict())).toContain('新备案托育园');
    await db.updateTable('filed_institutions').set({ name: '新名托育园' }).where('institution_id', '=', added.id).execute();
    expect(names(await inDistrict())).toContain('新名托育园');
    await db.updateTable('filed_institutions').set({ active: false }).where('institution_id', '=', added.id).execute();
    expect(names(await inDistrict())).not.toContain('新名托育园');
    await db.updateTable('filed_institutions').set({ active: true }).where('institution_id', '=', added.id).execute();
    await designateInclusive(db, added.id);
    expect(names(await search(`division=${district.districtCode}&inclusive=true`))).toEqual(['北边普惠托育中心', '新名托育园']);
    await db
      .updateTable('institution_designations')
      .set({ revoked_on: '2026-11-01', revoked_reason: '测试' })
      .where('institution_id', '=', added.id)
      .execute();
    expect(names(await search(`division=${district.districtCode}&inclusive=true`))).toEqual(['北边普惠托育中心']);
    await db.updateTable('filed_institutions').set({ active: false }).where('institution_id', '=', added.id).execute();
  });

  it.each([
    ['lat=91&lng=119', 'querystring.lat'],
    ['lat=34.6', 'querystring.lng'],
    ['lat=abc&lng=119', 'querystring.lat'],
    ['lat=34.6&lng=119.2&radiusKm=0', 'querystring.radiusKm'],
    ['lat=34.6&lng=119.2&radiusKm=10000', 'querystring.radiusKm'],
    ['radiusKm=5', 'querystring.radiusKm'],
    ['birthDate=2025-02-30', 'querystring.birthDate'],
    ['birthDate=2025/01/01', 'querystring.birthDate'],
    ['birthDate=2025-06-01&startDate=2025-05-01', 'querystring.startDate'],
    ['startDate=2026-01-01', 'querystring.startDate'],
    ['feeFrom=3000&feeTo=1000', 'querystring.feeFrom'],
    ['vacancy=maybe', 'querystring.vacancy'],
    ['division=12', 'querystring.division'],
    ['page=0', 'querystring.page'],
    ['pageSize=1000', 'querystring.pageSize'],
    ['serviceForm=overnight', 'querystring.serviceForm'],
  ])('rejects %s with 400 naming the field', async (query, path) => {
    const res = await t.app.inject({ url: `/api/v1/institutions/search?${query}`, headers: { 'accept-language': 'en' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
  });
});
