import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createDistrict } from '../../../../../test/harness/factories/geography.ts';
import { createFiledInstitution, createInstitution } from '../../../../../test/harness/factories/institutions.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { as } from '../test/helpers.ts';

const INCLUSIVE = {
  kind: 'inclusive',
  grantedOn: '2026-03-01',
  document: '连卫发〔2026〕8号',
  validFrom: '2026-03-01',
  validTo: '2028-02-29',
  priceCapsYuan: { toddler: 1800, older_toddler: 1600 },
};

describe.each(DIALECTS)('designations on %s', (dialect) => {
  let t: TestApp;
  let district: Awaited<ReturnType<typeof createDistrict>>;
  let city: ReturnType<typeof as>;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    district = await createDistrict(t.deps.db, '认定区');
    const user = await createUser(t.deps.db, { role: 'city_official', divisionCode: district.cityCode });
    city = as(t, await signIn(t.app, user.phone));
  });
  afterAll(() => t.close());

  it('grants an inclusive designation with price caps and agreement period; search and profile show it', async () => {
    const filed = await createFiledInstitution(t.deps.db, district.townshipCodes[0] as string, '普惠一园', {
      feesFen: { toddler: 170_000 },
    });
    const res = await city.post(`/api/v1/institutions/${filed.id}/designations`, INCLUSIVE);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'inclusive',
      level: null,
      priceCapsYuan: { toddler: 1800, older_toddler: 1600 },
      current: true,
      revokedOn: null,
    });
    const found = (await t.app.inject({ url: `/api/v1/institutions/search?division=${district.districtCode}&inclusive=true` })).json();
    expect(found.items.map((i: { id: string }) => i.id)).toEqual([filed.id]);
    const profile = (await t.app.inject({ url: `/api/v1/institutions/${filed.id}` })).json();
    expect(profile).toMatchObject({
      inclusive: true,
      designations: [{ kind: 'inclusive', document: '连卫发〔2026〕8号', validTo: '2028-02-29' }],
    });
  });

  it('flags an inclusive institution charging above its cap', async () => {
    const filed = await createFiledInstitution(t.deps.db, district.townshipCodes[0] as string, '超价普惠园', {
      feesFen: { toddler: 190_000 },
    });
    await city.post(`/api/v1/institutions/${filed.id}/designations`, INCLUSIVE);
    const record = (await city.get(`/api/v1/institutions/${filed.id}/record`)).json();
    expect(record.compliance.problems).toEqual([{ code: 'fee_above_cap', classType: 'toddler', feeYuan: 1900, capYuan: 1800 }]);
  });

  it('grants pilots and demonstrations at a level, and revokes with a reason', async () => {
    const filed = await createFiledInstitution(t.deps.db, district.townshipCodes[1] as string, '示范园');
    const pilot = await city.post(`/api/v1/institutions/${filed.id}/designations`, {
      kind: 'pilot',
      level: 'provincial',
      grantedOn: '2025-06-01',
      document: '苏卫人口〔2025〕3号',
      validFrom: '2025-06-01',
    });
    expect(pilot.json()).toMatchObject({ kind: 'pilot', level: 'provincial', validTo: null, current: true });
    const demo = await city.post(`/api/v1/institutions/${filed.id}/designations`, {
      kind: 'demonstration',
      level: 'national',
      grantedOn: '2026-01-01',
      document: '国卫人口〔2026〕1号',
      validFrom: '2026-01-01',
    });
    expect(demo.statusCode).toBe(201);
    const revoked = await city.post(`/api/v1/institutions/${filed.id}/designations/${pilot.json().id}/revoke`, {
      reason: '年度评估不合格',
    });
    expect(revoked.json()).toMatchObject({ revokedOn: '2026-11-29', revokedReason: '年度评估不合格', current: false });
    const again = await city.post(`/api/v1/institutions/${filed.id}/designations/${pilot.json().id}/revoke`, { reason: '重复' });
    expect(again.json().error.code).toBe('DESIGNATION_ALREADY_REVOKED');
    const item = (await t.app.inject({ url: `/api/v1/institutions/search?division=${district.townshipCodes[1]}` })).json().items[0];
    expect(item.designations).toEqual([{ kind: 'demonstration', level: 'national' }]);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', filed.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual([
      'institution.designation.grant',
      'institution.designation.grant',
      'institution.designation.revoke',
    ]);
  });

  it('designates only filed institutions in operation', async () => {
    const draft = await createInstitution(t.deps.db, district.townshipCodes[0] as string);
    const res = await city.post(`/api/v1/institutions/${draft.id}/designations`, INCLUSIVE);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('DESIGNATION_REQUIRES_FILING');
  });

  it.each([
    ['inclusive without an end date', { ...INCLUSIVE, validTo: undefined }, 'body.priceCapsYuan'],
    ['inclusive without caps', { ...INCLUSIVE, priceCapsYuan: {} }, 'body.priceCapsYuan'],
    ['inclusive with a level', { ...INCLUSIVE, level: 'city' }, 'body.level'],
    ['a pilot without a level', { ...INCLUSIVE, kind: 'pilot', priceCapsYuan: undefined }, 'body.level'],
    ['an end before the start', { ...INCLUSIVE, validTo: '2026-01-01' }, 'body.validTo'],
    ['a malformed date', { ...INCLUSIVE, grantedOn: '2026-13-01' }, 'body.grantedOn'],
  ])('rejects %s with 400', async (_label, body, path) => {
    const filed = await createFiledInstitution(t.deps.db, district.townshipCodes[0] as string);
    const res = await city.post(`/api/v1/institutions/${filed.id}/designations`, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(await t.deps.db.selectFrom('institution_designations').select('id').where('institution_id', '=', filed.id).execute()).toEqual(
      [],
    );
  });
});
