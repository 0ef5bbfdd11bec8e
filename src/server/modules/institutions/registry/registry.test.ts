import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createDistrict } from '../../../../../test/harness/factories/geography.ts';
import {
  createFiledInstitution,
  createInstitution,
  designateInclusive,
  nextCreditCode,
} from '../../../../../test/harness/factories/institutions.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { as } from '../test/helpers.ts';

describe.each(DIALECTS)('institution registry on %s', (dialect) => {
  let t: TestApp;
  let district: Awaited<ReturnType<typeof createDistrict>>;
  let official: ReturnType<typeof as>;
  let director: ReturnType<typeof as>;
  let id: string;

  const snapshot = async () => t.deps.db.selectFrom('institutions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    district = await createDistrict(t.deps.db, '登记区');
    const o = await createUser(t.deps.db, { role: 'district_official', divisionCode: district.districtCode });
    official = as(t, await signIn(t.app, o.phone));
    const created = await official.post('/api/v1/institutions', { name: '海州区新苗托育园', divisionCode: district.townshipCodes[0] });
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id;
    const d = await createUser(t.deps.db, { role: 'institution_admin', institutionId: id });
    director = as(t, await signIn(t.app, d.phone));
  });
  afterAll(() => t.close());

  it('opens a draft entry the director then completes, with fees in yuan kept as fen', async () => {
    const code = nextCreditCode();
    const res = await director.patch(`/api/v1/institutions/${id}`, {
      creditCode: code.toLowerCase(),
      operatorType: 'private_nonprofit',
      serviceForms: ['full_day', 'half_day', 'full_day'],
      address: '海州区新浦路88号',
      location: { lat: 34.598, lng: 119.19 },
      indoorAreaM2: 420.5,
      outdoorAreaM2: 160,
      openingHours: { opensAt: '07:30', closesAt: '17:30', weekdays: [5, 1, 2, 3, 4] },
      monthlyFeeYuan: { toddler: 1980.5, older_toddler: 1800 },
      servesMeals: true,
      facilities: ['户外游戏场', '监控'],
      description: '全日托',
      contactPhone: '0518-85000000',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'draft',
      facts: {
        creditCode: code,
        serviceForms: ['full_day', 'half_day'],
        openingHours: { weekdays: [1, 2, 3, 4, 5] },
        monthlyFeeYuan: { toddler: 1980.5, older_toddler: 1800 },
      },
    });
    expect(await snapshot()).toMatchObject({
      fee_toddler_fen: 198_050,
      fee_older_toddler_fen: 180_000,
      pinyin: 'hai zhou qu xin miao tuo yu yuan',
      initials: 'hzqxmtyy',
    });
  });

  it.each([
    ['a credit code with a wrong check character', { creditCode: '91320706MA1ABCDE0X' }, 'body.creditCode'],
    ['coordinates off the globe', { location: { lat: 123, lng: 119 } }, 'body.location.lat'],
    ['closing before opening', { openingHours: { opensAt: '18:00', closesAt: '07:00', weekdays: [1] } }, 'body.openingHours.closesAt'],
    ['a time that is not HH:MM', { openingHours: { opensAt: '7:30', closesAt: '17:00', weekdays: [1] } }, 'body.openingHours.opensAt'],
    ['fees with three decimals', { monthlyFeeYuan: { toddler: 1980.555 } }, 'body.monthlyFeeYuan.toddler'],
    ['a negative area', { indoorAreaM2: -3 }, 'body.indoorAreaM2'],
    ['a field that does not exist', { capacity: 100 }, 'body'],
    ['a district code where a township is needed', { divisionCode: '320706' }, 'body.divisionCode'],
  ])('rejects %s with 400 and changes nothing', async (_label, body, path) => {
    const before = await snapshot();
    const res = await director.patch(`/api/v1/institutions/${id}`, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await snapshot()).toEqual(before);
  });

  it('explains the credit code check in the caller’s language', async () => {
    const zh = await director.patch(`/api/v1/institutions/${id}`, { creditCode: '91320706MA1ABCDE0X' });
    expect(zh.json().error.details[0].message).toContain('校验位');
    const en = await director.send({
      method: 'PATCH',
      url: `/api/v1/institutions/${id}`,
      payload: { creditCode: 'X' },
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.details[0].message).toContain('check character');
  });

  it('refuses a township that does not exist, and a credit code another institution holds', async () => {
    const before = await snapshot();
    const unknown = await director.patch(`/api/v1/institutions/${id}`, { divisionCode: '329999999' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.code).toBe('UNKNOWN_TOWNSHIP');
    const holder = await createInstitution(t.deps.db, district.townshipCodes[1] as string, '已有代码托育园');
    const taken = nextCreditCode();
    await t.deps.db.updateTable('institutions').set({ credit_code: taken }).where('id', '=', holder.id).execute();
    const clash = await director.patch(`/api/v1/institutions/${id}`, { creditCode: taken, description: '不应写入' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('CREDIT_CODE_TAKEN');
    expect(await snapshot()).toEqual(before);
  });

  it('lists entries in scope with their status, filtered by status, division and keyword', async () => {
    const all = (await official.get('/api/v1/institutions?pageSize=100')).json();
    expect(all.items.map((i: { name: string }) => i.name)).toEqual(expect.arrayContaining(['海州区新苗托育园', '已有代码托育园']));
    expect(all.items.find((i: { id: string }) => i.id === id)).toMatchObject({
      status: 'draft',
      hasFiledVersion: false,
      filingNumber: null,
      changedKeyFacts: [],
      location: { lat: 34.598, lng: 119.19 },
    });
    // An entry nobody has placed yet has no point on a township's map.
    expect(all.items.find((i: { name: string }) => i.name === '已有代码托育园')).toMatchObject({ location: null });
    expect((await official.get('/api/v1/institutions?q=hzqxm')).json().items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect((await official.get(`/api/v1/institutions?division=${district.townshipCodes[1]}`)).json().total).toBe(1);
    expect((await official.get('/api/v1/institutions?status=filed')).json().total).toBe(0);
    const mine = (await director.get('/api/v1/institutions')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([id]);
  });

  it('audits each change of facts with the fields changed', async () => {
    const rows = await t.deps.db.selectFrom('audit_log').select(['action', 'detail']).where('entity_id', '=', id).orderBy('id').execute();
    expect(rows.map((r) => r.action)).toEqual(['institution.create', 'institution.update']);
  });

  it('shows the record with working copy, empty filed version and what to do next', async () => {
    const record = (await director.get(`/api/v1/institutions/${id}/record`)).json();
    expect(record).toMatchObject({ status: 'draft', allowedActions: ['submit'], filedFacts: null, classes: [], staff: [], filings: [] });
    expect((await official.get(`/api/v1/institutions/${id}/record`)).json().allowedActions).toEqual(['close']);
  });

  describe('places, designations and problems on the list', () => {
    type Item = { id: string; name: string; places: number; complianceProblems: number; designations: unknown[] };
    let listing: ReturnType<typeof as>;
    let city: ReturnType<typeof as>;
    const ids: Record<string, string> = {};
    let township: string;
    const names = async (caller: ReturnType<typeof as>, query: string) => {
      const res = await caller.get(`/api/v1/institutions?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.map((i: Item) => i.name);
    };

    beforeAll(async () => {
      const here = await createDistrict(t.deps.db, '名录区');
      const [a, b] = here.townshipCodes as [string, string];
      township = b;
      const crowded = { classes: [{ classType: 'infant' as const, capacity: 12, caregivers: 2 }], indoorAreaM2: 30 };
      ids.inclusive = (
        await createFiledInstitution(t.deps.db, a, '普惠园', {
          classes: [
            { classType: 'toddler', capacity: 15 },
            { classType: 'older_toddler', capacity: 14 },
          ],
        })
      ).id;
      ids.crowded = (await createFiledInstitution(t.deps.db, a, '拥挤园', crowded)).id;
      ids.crowdedInclusive = (await createFiledInstitution(t.deps.db, b, '拥挤普惠园', crowded)).id;
      ids.lapsed = (await createFiledInstitution(t.deps.db, b, '过期园')).id;
      await designateInclusive(t.deps.db, ids.crowdedInclusive);
      const designation = (institution_id: string, kind: string, level: string | null, validTo: string | null, revokedOn: string | null) =>
        t.deps.db
          .insertInto('institution_designations')
          .values({
            institution_id,
            kind,
            level,
            granted_on: '2025-01-01',
            document: '测试〔2025〕1号',
            valid_from: '2025-01-01',
            valid_to: validTo,
            revoked_on: revokedOn,
            revoked_reason: revokedOn && '撤销',
          })
          .execute();
      // Granted before the inclusive one, listed after it.
      await designation(ids.inclusive, 'pilot', 'city', null, null);
      await designateInclusive(t.deps.db, ids.inclusive);
      await designateInclusive(t.deps.db, ids.inclusive);
      await designation(ids.inclusive, 'demonstration', 'national', null, '2026-06-01');
      // Ended yesterday, and revoked as of today (the test clock reads 2026-11-29).
      await designation(ids.lapsed, 'inclusive', null, '2026-11-28', null);
      await designation(ids.lapsed, 'inclusive', null, '2099-12-31', '2026-11-29');
      // A class taken off the plan holds no places.
      await t.deps.db
        .insertInto('institution_classes')
        .values({ institution_id: ids.inclusive, class_type: 'mixed', name: '撤销班', capacity: 20, archived_at: new Date() })
        .execute();

      const there = await createDistrict(t.deps.db, '邻区');
      const elsewhere = await createFiledInstitution(t.deps.db, there.townshipCodes[0] as string, '邻区拥挤普惠园', crowded);
      await designateInclusive(t.deps.db, elsewhere.id);

      const o = await createUser(t.deps.db, { role: 'district_official', divisionCode: here.districtCode });
      listing = as(t, await signIn(t.app, o.phone));
      const c = await createUser(t.deps.db, { role: 'city_official', divisionCode: here.cityCode });
      city = as(t, await signIn(t.app, c.phone));
    });

    it('gives each entry its places in the plan, designations in force and problem count', async () => {
      const items: Item[] = (await listing.get('/api/v1/institutions?pageSize=100')).json().items;
      const byName = Object.fromEntries(items.map((i) => [i.name, i]));
      expect(byName.普惠园).toMatchObject({
        places: 29,
        complianceProblems: 0,
        designations: [
          { kind: 'inclusive', level: null },
          { kind: 'pilot', level: 'city' },
        ],
      });
      expect(byName.拥挤园).toMatchObject({ places: 12, complianceProblems: 3, designations: [] });
      expect(byName.过期园).toMatchObject({ places: 15, complianceProblems: 0, designations: [] });
    });

    it('filters by an inclusive designation in force and by problems, alone and together', async () => {
      expect(await names(listing, 'inclusive=true')).toEqual(['普惠园', '拥挤普惠园']);
      expect(await names(listing, 'hasProblems=true')).toEqual(['拥挤普惠园', '拥挤园']);
      expect(await names(listing, 'hasProblems=true&inclusive=true')).toEqual(['拥挤普惠园']);
      expect(await names(listing, `hasProblems=true&division=${township}`)).toEqual(['拥挤普惠园']);
      expect(await names(listing, 'hasProblems=false')).toHaveLength(4);
    });

    it('pages and counts after filtering by problems', async () => {
      const pages = await Promise.all(
        [1, 2, 3].map((page) => listing.get(`/api/v1/institutions?hasProblems=true&pageSize=1&page=${page}`)),
      );
      expect(pages.map((p) => p.json().total)).toEqual([2, 2, 2]);
      expect(pages.map((p) => p.json().items.map((i: Item) => i.name))).toEqual([['拥挤普惠园'], ['拥挤园'], []]);
      const inclusive = (await listing.get('/api/v1/institutions?inclusive=true&pageSize=1')).json();
      expect(inclusive).toMatchObject({ total: 2, items: [{ name: '普惠园' }] });
    });

    it('keeps a district official to their district, while the city sees every district', async () => {
      expect(await names(listing, 'hasProblems=true&inclusive=true&pageSize=100')).not.toContain('邻区拥挤普惠园');
      expect(await names(city, 'hasProblems=true&inclusive=true&pageSize=100')).toEqual(
        expect.arrayContaining(['拥挤普惠园', '邻区拥挤普惠园']),
      );
    });

    it('refuses a flag that is not true or false', async () => {
      const res = await listing.get('/api/v1/institutions?hasProblems=1');
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain('querystring.hasProblems');
    });
  });
});
