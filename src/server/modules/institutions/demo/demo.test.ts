import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { toShanghaiDate, toShanghaiMinute, weekdayIso } from '../../../../domain/dates/shanghai.ts';
import { isValidCreditCode } from '../../../../domain/identity/creditCode.ts';
import { isValidResidentId } from '../../../../domain/identity/residentId.ts';
import { DEMO_PASSWORD, ensureDivisions } from '../../../demo/seed.ts';
import { hashPassword } from '../../../platform/auth/passwords.ts';
import { as } from '../test/helpers.ts';
import { DEMO_DRAFT_DIRECTOR, DEMO_STAFF_NAMES, seedInstitutionDemo } from './demo.ts';
import { DEMO_RESIDENT_REGION } from './residentIds.ts';

/** The institutions part of the demo on its own (the platform's seed test runs the whole demo). */
describe.each(DIALECTS)('institutions demo on %s', (dialect) => {
  let t: TestApp;
  let guidanceCenterId: string;
  const cookies: Record<'district' | 'city' | 'director', string> = { district: '', city: '', director: '' };
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    await ensureDivisions(t.deps);
    const db = t.deps.db;
    guidanceCenterId = (
      await db
        .insertInto('institutions')
        .values({ name: '连云港市婴幼儿照护服务指导中心', division_code: '320706006' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await db
      .transaction()
      .execute((trx) => seedInstitutionDemo(trx, { guidanceCenterId, passwordHash, now: t.clock.now(), cipher: t.deps.cipher }));
    const users = {
      district: await createUser(db, { role: 'district_official', divisionCode: '320706' }),
      city: await createUser(db, { role: 'city_official', divisionCode: '320700' }),
      director: await createUser(db, { role: 'institution_admin', institutionId: guidanceCenterId }),
    };
    for (const [k, u] of Object.entries(users)) cookies[k as keyof typeof cookies] = await signIn(t.app, u.phone);
  });
  afterAll(() => t.close());

  it('seeds about 250 institutions over the city with valid credit codes and places on land in the city', async () => {
    const rows = await t.deps.db.selectFrom('institutions').select(['credit_code', 'lat', 'lng', 'division_code']).execute();
    expect(rows.length).toBeGreaterThanOrEqual(245);
    expect(rows.length).toBeLessThanOrEqual(260);
    for (const r of rows) {
      expect(isValidCreditCode(r.credit_code as string)).toBe(true);
      expect(r.lat).toBeGreaterThan(34.0);
      expect(r.lat).toBeLessThan(35.1);
      expect(r.lng).toBeGreaterThan(118.4);
      expect(r.lng).toBeLessThan(119.8);
    }
    expect(new Set(rows.map((r) => r.division_code.slice(0, 6))).size).toBe(7);
  });

  it('gives no roster two people of the same name', async () => {
    const namesakes = await t.deps.db
      .selectFrom('institution_staff')
      .select(['institution_id', 'name'])
      .groupBy(['institution_id', 'name'])
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute();
    expect(namesakes).toEqual([]);
  });

  it('gives everyone on a roster a distinct, valid and fictitious 身份证号, so no one is on two rosters', async () => {
    const rows = await t.deps.db
      .selectFrom('institution_staff')
      .select(['resident_id_enc', 'resident_id_index', 'resident_id_masked'])
      .execute();
    const numbers = rows.map((r) => t.deps.cipher.decrypt(r.resident_id_enc as string));
    expect(numbers.every((n) => isValidResidentId(n, '2026-11-29') && n.startsWith(DEMO_RESIDENT_REGION))).toBe(true);
    expect(new Set(rows.map((r) => r.resident_id_index)).size).toBe(rows.length);
    expect(rows.every((r) => r.resident_id_masked?.startsWith('3207**********'))).toBe(true);
  });

  it('puts the demo accounts’ people on their rosters: 陈园长 and 赵保育 at the guidance center, 孙园长 at the draft', async () => {
    const named = await t.deps.db
      .selectFrom('institution_staff as s')
      .innerJoin('institutions as i', 'i.id', 's.institution_id')
      .select(['i.name as institution', 's.name', 's.role'])
      .where('s.name', 'in', Object.values(DEMO_STAFF_NAMES))
      .orderBy('s.name')
      .execute();
    expect(named).toEqual(
      expect.arrayContaining([
        { institution: '连云港市婴幼儿照护服务指导中心', name: '陈静', role: 'director' },
        { institution: '连云港市婴幼儿照护服务指导中心', name: '赵晓梅', role: 'caregiver' },
        { institution: DEMO_DRAFT_DIRECTOR.institution, name: '孙丽华', role: 'director' },
      ]),
    );
  });

  it('has every filing submitted, taken up and decided on a working day in office hours, in that order', async () => {
    const filings = await t.deps.db.selectFrom('institution_filings').select(['submitted_at', 'review_started_at', 'decided_at']).execute();
    const inOffice = (d: Date) => {
      const time = toShanghaiMinute(d).slice(-5);
      return weekdayIso(toShanghaiDate(d)) <= 5 && time >= '09:00' && time <= '17:00';
    };
    for (const f of filings) {
      const times = [f.submitted_at, f.review_started_at, f.decided_at].filter((x): x is Date => x !== null).map((x) => new Date(x));
      expect(times.every(inOffice), times.map((x) => toShanghaiMinute(x)).join(' ')).toBe(true);
      expect([...times].sort((a, b) => a.getTime() - b.getTime())).toEqual(times);
      expect(times.every((x) => x.getTime() < t.clock.now().getTime())).toBe(true);
    }
  });

  it('makes the guidance center whole, with its crawling, walking and jumping classes', async () => {
    const hit = (await t.app.inject({ url: `/api/v1/institutions/search?q=${encodeURIComponent('照护服务指导中心')}` })).json();
    expect(hit.total).toBe(1);
    expect(hit.items[0].id).toBe(guidanceCenterId);
    const profile = (await t.app.inject({ url: `/api/v1/institutions/${hit.items[0].id}` })).json();
    expect(profile).toMatchObject({
      name: '连云港市婴幼儿照护服务指导中心',
      divisionCode: '320706006',
      townshipName: '新海街道',
      districtName: '海州区',
      operatorType: 'public',
      inclusive: true,
      classes: [
        { classType: 'infant', name: '爬爬班', capacity: 10 },
        { classType: 'toddler', name: '走走班', capacity: 15 },
        { classType: 'older_toddler', name: '跳跳班', capacity: 20 },
      ],
    });
    expect(profile.address).toContain('秦东门大街669号');
    expect(profile.designations.map((d: { kind: string; level: string | null }) => `${d.kind}:${d.level}`).sort()).toEqual([
      'demonstration:provincial',
      'inclusive:null',
      'pilot:provincial',
    ]);
    const director = as(t, cookies.director);
    const record = (await director.get(`/api/v1/institutions/${hit.items[0].id}/record`)).json();
    expect(record).toMatchObject({ status: 'filed', compliance: { problems: [] } });
  });

  it('has 35 inclusive pilots, 12 of them provincial, and 3 demonstration institutions', async () => {
    const counts = await t.deps.db
      .selectFrom('institution_designations')
      .select(['kind', 'level', (eb) => eb.fn.countAll<number>().as('n')])
      .where('revoked_on', 'is', null)
      .groupBy(['kind', 'level'])
      .orderBy('kind')
      .orderBy('level')
      .execute();
    expect(counts.map((c) => [c.kind, c.level, Number(c.n)])).toEqual([
      ['demonstration', 'provincial', 3],
      ['inclusive', null, 35],
      ['pilot', 'city', 23],
      ['pilot', 'provincial', 12],
    ]);
    const inclusive = (await t.app.inject({ url: '/api/v1/institutions/search?inclusive=true&pageSize=100' })).json();
    expect(inclusive.total).toBe(35);
  });

  it('leaves some townships without an inclusive institution', async () => {
    const covered = await t.deps.db
      .selectFrom('institution_designations as d')
      .innerJoin('institutions as i', 'i.id', 'd.institution_id')
      .select('i.division_code')
      .distinct()
      .where('d.kind', '=', 'inclusive')
      .execute();
    expect(covered.length).toBeGreaterThan(20);
    expect(covered.length).toBeLessThan(109);
  });

  it('has filings waiting for the 海州区 official, a change filing among them', async () => {
    const official = as(t, cookies.district);
    const queue = (await official.get('/api/v1/institutions/filings')).json();
    expect(queue.total).toBeGreaterThanOrEqual(5);
    expect(queue.items.every((f: { districtCode: string }) => f.districtCode === '320706')).toBe(true);
    expect(queue.items.map((f: { kind: string }) => f.kind)).toContain('change');
    const detail = (await official.get(`/api/v1/institutions/filings/${queue.items[0].id}`)).json();
    expect(detail.allowedActions.length).toBeGreaterThan(0);
  });

  it('has a few institutions with compliance problems, counted per district for the city', async () => {
    const city = as(t, cookies.city);
    const summary = (await city.get('/api/v1/institutions/compliance')).json();
    expect(summary.divisionCode).toBe('320700');
    expect(summary.rows).toHaveLength(7);
    expect(summary.total.withProblems).toBeGreaterThanOrEqual(5);
    expect(summary.total.withProblems).toBeLessThanOrEqual(20);
  });

  it('gives a director a draft institution to complete and file', async () => {
    const director = as(t, await signIn(t.app, DEMO_DRAFT_DIRECTOR.phone, DEMO_PASSWORD));
    const mine = (await director.get('/api/v1/institutions')).json();
    expect(mine.items).toEqual([expect.objectContaining({ name: DEMO_DRAFT_DIRECTOR.institution, status: 'draft' })]);
    const submit = await director.post(`/api/v1/institutions/${mine.items[0].id}/transitions`, { action: 'submit' });
    expect(submit.json().error.details.map((d: { item: string }) => d.item)).toEqual([
      'documents.registration_certificate',
      'documents.premises_proof',
      'documents.health_evaluation',
      'documents.fire_safety',
      'documents.food_licence',
    ]);
  });

  it('numbers the demo receipts per district and year without gaps, and new filings continue the sequence', async () => {
    const receipts = await t.deps.db
      .selectFrom('institution_filings')
      .select(['district_code', 'receipt_year', 'receipt_seq'])
      .where('outcome', '=', 'filed')
      .execute();
    const groups = new Map<string, number[]>();
    for (const r of receipts)
      groups.set(`${r.district_code}|${r.receipt_year}`, [
        ...(groups.get(`${r.district_code}|${r.receipt_year}`) ?? []),
        r.receipt_seq as number,
      ]);
    for (const [key, seqs] of groups) {
      expect(
        seqs.sort((a, b) => a - b),
        key,
      ).toEqual(seqs.map((_, i) => i + 1));
      const [district, year] = key.split('|');
      const counter = await t.deps.db
        .selectFrom('filing_receipt_counters')
        .select('last_number')
        .where('district_code', '=', district as string)
        .where('year', '=', Number(year))
        .executeTakeFirstOrThrow();
      expect(counter.last_number).toBe(seqs.length);
    }
  });
});
