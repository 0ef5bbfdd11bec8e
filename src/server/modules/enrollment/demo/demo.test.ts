import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createClass } from '../../../../../test/harness/factories/enrollments.ts';
import { createDistrict } from '../../../../../test/harness/factories/geography.ts';
import { createInstitution } from '../../../../../test/harness/factories/institutions.ts';
import { createUser, signIn, TEST_PASSWORD } from '../../../../../test/harness/factories/users.ts';
import { classRule } from '../../../../domain/classes/classTypes.ts';
import { hashPassword } from '../../../platform/auth/passwords.ts';
import { insertDivisions } from '../../geography/queries.ts';
import { DEMO_PARENT_PHONE, type EnrollmentDemo, GUIDANCE_CENTRE_NAME, seedEnrollmentDemo } from './seed.ts';

// Seeded institutions come from the institutions demo; here the test builds a small city of its
// own: the guidance centre, a town institution, a township (镇) one and one not yet filed.
describe.each(DIALECTS)('enrollment demo on %s', (dialect) => {
  let t: TestApp;
  let summary: EnrollmentDemo;
  let guidanceId: string;
  let ruralId: string;
  let draftId: string;
  let caregiver: string;
  let parent: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const db = t.deps.db;
    const { districtCode, townshipCodes } = await createDistrict(db, '演示区');
    const townCode = `${districtCode}009`;
    await insertDivisions(db, [{ code: townCode, name: '演示镇', parentCode: districtCode, level: 'township' }]);
    const institution = async (name: string, division: string, status = 'filed') => {
      const row = await createInstitution(db, division, name);
      await db
        .updateTable('institutions')
        .set({ status, fee_infant_fen: 200_000, fee_toddler_fen: 180_000, fee_older_toddler_fen: 160_000 })
        .where('id', '=', row.id)
        .execute();
      return row.id;
    };
    guidanceId = await institution(GUIDANCE_CENTRE_NAME, townshipCodes[0] as string);
    const townId = await institution('海州区示范托育园', townshipCodes[1] as string);
    ruralId = await institution('演示镇普惠托育点', townCode);
    draftId = await institution('筹备中托育园', townCode, 'draft');
    await createClass(db, guidanceId, { classType: 'infant', capacity: 10, caregivers: 3, name: '爬爬班' });
    await createClass(db, guidanceId, { classType: 'toddler', capacity: 15, caregivers: 2, name: '走走班' });
    await createClass(db, guidanceId, { classType: 'older_toddler', capacity: 20, caregivers: 3, name: '跳跳班' });
    for (const classType of ['toddler', 'older_toddler'] as const) {
      await createClass(db, townId, { classType, capacity: 15, caregivers: 3 });
      await createClass(db, ruralId, { classType, capacity: 15, caregivers: 3 });
      await createClass(db, draftId, { classType, capacity: 15, caregivers: 3 });
    }
    const parentUser = await createUser(db, { role: 'parent' }, { phone: DEMO_PARENT_PHONE, name: '刘家长' });
    const caregiverUser = await createUser(db, { role: 'caregiver', institutionId: guidanceId }, { name: '赵保育' });
    const passwordHash = await hashPassword(TEST_PASSWORD);
    const started = Date.now();
    summary = await db.transaction().execute((trx) => seedEnrollmentDemo(trx, { now: t.clock.now(), passwordHash }));
    expect(Date.now() - started).toBeLessThan(15_000);
    caregiver = await signIn(t.app, caregiverUser.phone);
    parent = await signIn(t.app, parentUser.phone);
  });
  afterAll(() => t.close());

  it('never fills a class beyond its capacity, class size or caregiver ratio; occupancy varies', async () => {
    const rows = await t.deps.db
      .selectFrom('institution_classes as k')
      .innerJoin('class_enrolment_counts as e', 'e.class_id', 'k.id')
      .select(['k.institution_id', 'k.class_type', 'k.capacity', 'e.enrolled', 'k.id'])
      .execute();
    for (const r of rows) {
      const caregivers = (await t.deps.db.selectFrom('class_caregivers').select('staff_id').where('class_id', '=', r.id).execute()).length;
      const rule = classRule(r.class_type as 'toddler');
      expect(r.enrolled).toBeLessThanOrEqual(Math.min(r.capacity, rule.maxChildren, caregivers * rule.childrenPerCaregiver));
    }
    const at = (id: string) => rows.filter((r) => r.institution_id === id).reduce((s, r) => s + Number(r.enrolled), 0);
    expect(at(guidanceId)).toBe(9 + 10 + 20); // full: the infant class by its 3 caregivers, the toddler class by its 2
    expect(at(ruralId)).toBeGreaterThanOrEqual(10);
    expect(at(ruralId)).toBeLessThanOrEqual(18);
    expect(at(draftId)).toBe(0);
    expect(summary.children).toBe(rows.reduce((s, r) => s + Number(r.enrolled), 0));
  });

  it('enrols the demo parent’s child at the guidance centre, with days the parent can see', async () => {
    const mine = (await t.app.inject({ url: '/api/v1/children', headers: { cookie: parent } })).json().items;
    expect(mine).toHaveLength(1);
    const enrollment = await t.deps.db.selectFrom('enrolments').selectAll().where('child_id', '=', mine[0].id).executeTakeFirstOrThrow();
    expect(enrollment.institution_id).toBe(guidanceId);
    const month = (
      await t.app.inject({ url: `/api/v1/children/${mine[0].id}/attendance?month=2026-11`, headers: { cookie: parent } })
    ).json();
    expect(month.days.length).toBeGreaterThan(10);
    const statements = (await t.app.inject({ url: `/api/v1/children/${mine[0].id}/statements`, headers: { cookie: parent } })).json().items;
    expect(statements.map((s: { month: string }) => s.month)).toEqual(['2026-10']);
  });

  it('gives the guidance centre a month of valid attendance and morning checks, and last month’s statements', async () => {
    const db = t.deps.db;
    const attendance = await db.selectFrom('attendance').selectAll().where('institution_id', '=', guidanceId).execute();
    expect(attendance.length).toBe(summary.careDays);
    expect(new Set(attendance.map((a) => a.day.slice(0, 7)))).toEqual(new Set(['2026-10', '2026-11']));
    for (const a of attendance) {
      expect(a.day < '2026-11-29').toBe(true);
      expect([0, 6]).not.toContain(new Date(`${a.day}T12:00:00+08:00`).getUTCDay());
      if (a.status === 'present') expect(new Date(a.checked_out_at as Date) >= new Date(a.checked_in_at as Date)).toBe(true);
    }
    expect(attendance.some((a) => a.status === 'absent')).toBe(true);
    expect(attendance.some((a) => a.picked_up_by_person !== null)).toBe(true);
    expect((await db.selectFrom('morning_checks').select('id').where('institution_id', '=', guidanceId).execute()).length).toBe(
      summary.morningChecks,
    );
    const statements = await db.selectFrom('fee_statements').selectAll().where('month', '=', '2026-10').execute();
    expect(statements.length).toBe(summary.statements);
    expect(statements.length).toBeGreaterThan(20);
    const roster = await db
      .selectFrom('institution_classes')
      .select('id')
      .where('institution_id', '=', guidanceId)
      .where('name', '=', '跳跳班')
      .executeTakeFirstOrThrow();
    const day = (
      await t.app.inject({ url: `/api/v1/classes/${roster.id}/attendance?date=2026-11-27`, headers: { cookie: caregiver } })
    ).json();
    expect(day.counts.children).toBe(20);
    expect(day.counts.notRecorded).toBeLessThan(20);
  });
});
